"""The NLP stage: a Document's pages → spaCy → the contract's rows.

``load()`` gives the versioned pipeline ``models/minutes_nlp`` (shipped in the package as
``pipeline/model/minutes_nlp``) (built by
``python -m pipeline.nlp.build_model``); ``extract(doc, meeting_id_fallback=...)`` returns
the ``Records`` of one document.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language

from pipeline import MODEL_PATH
from pipeline.nlp import components  # noqa: F401  (registers the custom factories)
from pipeline.nlp.extract import extract, records_for

__all__ = ["MODEL_PATH", "extract", "load", "records_for", "warm"]


@lru_cache(maxsize=4)
def load(path: Path | None = None) -> Language:
    """The versioned minutes pipeline, loaded once per process (and per path).

    spaCy refuses texts over ``max_length`` (a million characters, about 500 pages) to protect
    a parser or NER model's memory; this pipeline has neither (rules and its own components,
    linear in the text), so a long document is taken whole.
    """
    nlp = spacy.load(Path(path) if path is not None else MODEL_PATH)
    nlp.max_length = max(nlp.max_length, MAX_TEXT_CHARS)
    return nlp


MAX_TEXT_CHARS = 200_000_000  # about 100,000 pages


def warm() -> None:
    """Load what extracting a first document needs (the pipeline and the name lists), so a run can
    do it while its pages are being read rather than after."""
    from pipeline.nlp import namewords

    load()
    namewords.given_names()
    namewords.surnames()
