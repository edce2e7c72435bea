"""Character error rate of extracted text against known text."""

from __future__ import annotations

import re

from rapidfuzz.distance import Levenshtein


def normalise(text: str) -> str:
    """Whitespace collapsed and table pipes dropped, so layout spacing does not count as error."""
    return re.sub(r"\s+", " ", text.replace("|", " ")).strip()


def cer(hypothesis: str, reference: str) -> float:
    """Edit distance over reference length (0 = identical)."""
    ref = normalise(reference)
    return Levenshtein.distance(normalise(hypothesis), ref) / max(1, len(ref))
