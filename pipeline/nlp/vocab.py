"""The domain vocabulary (``models/minutes_nlp/minutes_lexicon/lexicon.json``), for modules that
need it before or without a loaded spaCy pipeline (patterns compiled at import).

The loaded pipeline's ``minutes_lexicon`` component holds the same file; both read it from the
one place it lives.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

import srsly

from pipeline import MODEL_PATH


@lru_cache(maxsize=1)
def lexicon() -> dict[str, Any]:
    return srsly.read_json(MODEL_PATH / "minutes_lexicon" / "lexicon.json")


def alternation(words: list[str]) -> str:
    """``(?:a|b|c)`` matching any of ``words`` literally, longest first."""
    return "(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + ")"
