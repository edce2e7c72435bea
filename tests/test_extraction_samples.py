"""Extraction F1 on the rendered samples against gold, pinned per variant.

The documents come from the session cache in conftest, so the scans OCR'd for the
ingestion tests are not OCR'd again. Floors sit at or just under the measured figures
(see README, 'Measured figures'); a drop fails the test.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import RENDERED, gold, gold_keys, read_sample

from pipeline.devtools.evaluate import evaluate
from pipeline.nlp import extract

EXT = {"digital": "pdf", "scan300": "pdf", "scan200poor": "pdf"}
FLOORS = {
    "digital": {"meeting": 0.98, "identifiers": 0.98, "decisions": 0.98, "actions": 0.98, "attendees": 0.98, "outcome": 0.95},
    "scan300": {"meeting": 0.98, "identifiers": 0.98, "decisions": 0.98, "actions": 0.98, "attendees": 0.98, "outcome": 0.95},
    "scan200poor": {"meeting": 0.98, "identifiers": 0.98, "decisions": 0.98, "actions": 0.98, "attendees": 0.96, "outcome": 0.95},
}


@pytest.mark.parametrize("variant", list(FLOORS))
def test_extraction_f1_per_variant(variant: str) -> None:
    pairs = []
    for key in gold_keys():
        name = f"{key}__{variant}.{EXT[variant]}"
        if not (RENDERED / name).exists():
            continue
        doc = read_sample(name)
        pairs.append((name, extract(doc, meeting_id_fallback=Path(name).stem), gold(key)))
    assert len(pairs) >= 8
    total = evaluate(pairs).total
    figures = {t: round(total.tables[t].f1, 3) for t in ("meeting", "identifiers", "decisions", "actions", "attendees")}
    figures["outcome"] = round(total.outcome_accuracy or 0.0, 3)
    print(f"F1 {variant}: {figures}")
    for table, floor in FLOORS[variant].items():
        assert figures[table] >= floor, f"{variant} {table}: {figures[table]} < {floor}"
