"""The drawn splits scored and pinned: the tuning split the extractor was tuned on, and the
unseen split it never was (``samples/generate.py --split``; README: "Splits").

Per split and variant (digital, scan, poor) the figures the issue's done-when names are pinned
with ``conftest.check_pins``: the row F1 of every table, and the outcome, owner and due-date
accuracy on matched rows. A figure that drops by one row fails; one that rises passes (re-pin
from the table ``pytest -s tests/test_split_figures.py`` prints). The scans are OCR'd once per
session into a page cache in a temporary folder.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import check_pins, require

from pipeline.devtools.evaluate import EvalReport, figures, run_eval

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
VARIANTS = ("digital", "scan", "poor")
# what the done-when of the generality issue names: rows of every table, and these fields
FIELDS = ("decisions.outcome", "actions.owner", "actions.due_date")

# Measured figures under 1.0 per split and variant (every figure not listed is pinned at 1.0);
# the comment gives the counts (tp/fp/fn, right/compared).
PINS: dict[str, dict[str, dict[str, float]]] = {
    "tuning": {
        "digital": {
            "decisions": 0.9860,  # 388/1/10
            "decisions.outcome": 0.9536,  # 370/388
            "actions": 0.9966,  # 147/1/0
            "actions.owner": 0.9932,  # 146/147
            "attendees": 0.9957,  # 698/2/4
        },
        "scan": {
            "identifiers": 0.9973,  # 183/0/1
            "decisions": 0.9822,  # 387/3/11
            "decisions.outcome": 0.9535,  # 369/387
            "actions": 0.9862,  # 143/0/4
            "actions.owner": 0.9930,  # 142/143
            "actions.due_date": 0.9790,  # 140/143
            "attendees": 0.9878,  # 688/3/14
        },
        "poor": {
            "identifiers": 0.9677,  # 180/8/4
            "decisions": 0.9566,  # 375/11/23
            "decisions.outcome": 0.9547,  # 358/375
            "actions": 0.8889,  # 124/8/23
            "actions.owner": 0.9758,  # 121/124
            "actions.due_date": 0.9113,  # 113/124
            "attendees": 0.8867,  # 587/35/115
        },
    },
    "unseen": {
        "digital": {
            "decisions": 0.9843,  # 94/0/3
            "decisions.outcome": 0.9681,  # 91/94
            "attendees": 0.9941,  # 169/0/2
        },
        "scan": {
            "decisions": 0.9688,  # 93/2/4
            "decisions.outcome": 0.9677,  # 90/93
            "actions.owner": 0.9756,  # 40/41
            "actions.due_date": 0.9756,  # 40/41
            "attendees": 0.9146,  # 150/7/21
        },
        "poor": {
            "identifiers": 0.9885,  # 43/0/1
            "decisions": 0.9255,  # 87/4/10
            "decisions.outcome": 0.9655,  # 84/87
            "actions": 0.8800,  # 33/1/8
            "actions.owner": 0.9091,  # 30/33
            "actions.due_date": 0.8788,  # 29/33
            "attendees": 0.7792,  # 120/17/51
        },
    },
}


@pytest.fixture(scope="module", params=sorted(PINS))
def scored(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, EvalReport]:
    split = request.param
    folder = SAMPLES / "rendered" / split
    require(folder.is_dir() and any(folder.glob("*__digital.pdf")), f"the rendered {split} split",
            fix="run 'make samples' (samples/generate.py --split all)")
    cache = tmp_path_factory.mktemp(f"cache-{split}") / "pages.sqlite"
    return split, run_eval([str(folder)], gold_dir=SAMPLES / "splits" / split / "gold", cache_path=cache)


def test_every_document_of_the_split_is_scored(scored: tuple[str, EvalReport]) -> None:
    split, report = scored
    gold = sorted(p.stem for p in (SAMPLES / "splits" / split / "gold").glob("*.json"))
    for variant in VARIANTS:
        got = sorted(Path(d.name).stem.split("__")[0] for d in report.documents if d.variant == variant)
        assert got == gold, f"{split} {variant}: scored {len(got)} of {len(gold)} documents"
    failed = [d.name for d in report.documents if d.tables["meeting"].tp != 1]
    assert not failed, f"extraction failed on {failed}"


def test_split_figures(scored: tuple[str, EvalReport]) -> None:
    split, report = scored
    by_variant = report.by_variant()
    for variant in VARIANTS:
        measured = {name: fig for name, fig in figures(by_variant[variant]).items()
                    if "." not in name or name in FIELDS}
        check_pins(measured, PINS[split][variant], f"PINS[{split!r}][{variant!r}]")
