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
            "decisions": 0.9770,  # 383/3/15
            "decisions.outcome": 0.9556,  # 366/383
            "actions": 0.9863,  # 144/1/3
            "actions.owner": 0.9792,  # 141/144
            "attendees": 0.9957,  # 698/2/4
        },
        "scan": {
            "identifiers": 0.9973,  # 183/0/1
            "decisions": 0.9682,  # 380/7/18
            "decisions.outcome": 0.9526,  # 362/380
            "actions": 0.9580,  # 137/2/10
            "actions.owner": 0.9635,  # 132/137
            "actions.due_date": 0.9854,  # 135/137
            "attendees": 0.9798,  # 678/4/24
        },
        "poor": {
            "identifiers": 0.9756,  # 180/5/4
            "decisions": 0.9538,  # 372/10/26
            "decisions.outcome": 0.9462,  # 352/372
            "actions": 0.8741,  # 118/5/29
            "actions.owner": 0.9746,  # 115/118
            "actions.due_date": 0.9407,  # 111/118
            "attendees": 0.8706,  # 575/44/127
        },
    },
    "unseen": {
        "digital": {
            "decisions": 0.9843,  # 94/0/3
            "decisions.outcome": 0.9681,  # 91/94
            "actions": 0.9877,  # 40/0/1
            "attendees": 0.9941,  # 169/0/2
        },
        "scan": {
            "decisions": 0.9738,  # 93/1/4
            "decisions.outcome": 0.9677,  # 90/93
            "actions": 0.9351,  # 36/0/5
            "actions.owner": 0.9722,  # 35/36
            "actions.due_date": 0.9722,  # 35/36
            "attendees": 0.9240,  # 152/6/19
        },
        "poor": {
            "identifiers": 0.9663,  # 43/2/1
            "decisions": 0.9263,  # 88/5/9
            "decisions.outcome": 0.9545,  # 84/88
            "actions": 0.7027,  # 26/7/15
            "actions.owner": 0.9231,  # 24/26
            "actions.due_date": 0.9231,  # 24/26
            "attendees": 0.7304,  # 107/15/64
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
