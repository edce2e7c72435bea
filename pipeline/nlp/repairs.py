"""The OCR repairs behind each row, where the evaluator can count them.

A row the NLP stage writes may carry ``row.repairs``: one short note per repair that went into
it (``"due date"``, ``"owner bcc -> DCC"``, ``"identifier from the item's body"``), and its
``confidence`` is lowered for each. ``repairs`` is an attribute of the row object only, not one
of the contract's columns, so the CSVs and the database do not carry it; every note is also a
debug line on this module's logger (``pipeline.nlp.repairs``).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

from pipeline.store.records import Records

logger = logging.getLogger(__name__)


def note(row: object, notes: Iterable[str]) -> None:
    """Add ``notes`` to ``row.repairs`` (created on first use) and log each."""
    new = [n for n in notes if n]
    if not new:
        return
    attrs = vars(row)
    attrs["repairs"] = [*attrs.get("repairs", []), *new]
    label = getattr(row, "decision_id", None) or getattr(row, "action_id", None) or getattr(
        row, "identifier", None) or getattr(row, "name", None) or type(row).__name__
    for n in new:
        logger.debug("repair %s: %s", label, n)


def of(row: object) -> list[str]:
    """The repair notes of one row (empty when none was needed)."""
    return list(vars(row).get("repairs", []))


def count(records: Records) -> int:
    """How many repairs went into a document's rows."""
    rows = [*records.attendees, *records.identifiers, *records.decisions, *records.actions]
    return sum(len(of(r)) for r in rows)
