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
            "attendees": 0.9971,  # 699/1/3
        },
        "scan": {
            "identifiers": 0.9973,  # 183/0/1
            "decisions": 0.9848,  # 388/2/10
            "decisions.outcome": 0.9536,  # 370/388
            "actions": 0.9932,  # 145/0/2
            "actions.owner": 0.9862,  # 143/145
            "actions.due_date": 0.9793,  # 142/145
            "attendees": 0.9907,  # 692/3/10
        },
        "poor": {
            "identifiers": 0.9677,  # 180/8/4
            "decisions": 0.9566,  # 375/11/23
            "decisions.outcome": 0.9547,  # 358/375
            "actions": 0.8889,  # 124/8/23
            "actions.owner": 0.9758,  # 121/124
            "actions.due_date": 0.9113,  # 113/124
            "attendees": 0.8960,  # 599/36/103
        },
    },
    "tuning2": {
        "digital": {
            "decisions": 0.9947,  # 187/1/1
            "decisions.outcome": 0.9626,  # 180/187
            "actions.owner": 0.9747,  # 77/79
            "actions.due_date": 0.9873,  # 78/79
        },
        "scan": {
            "decisions": 0.9893,  # 185/1/3
            "decisions.outcome": 0.9622,  # 178/185
            "actions": 0.8947,  # 68/5/11
            "actions.due_date": 0.9706,  # 66/68
            "attendees": 0.9855,  # 340/2/8
        },
        "poor": {
            "identifiers": 0.9780,  # 89/3/1
            "decisions": 0.9651,  # 180/5/8
            "decisions.outcome": 0.9500,  # 171/180
            "actions": 0.8933,  # 67/4/12
            "actions.owner": 0.9552,  # 64/67
            "actions.due_date": 0.8806,  # 59/67
            "attendees": 0.9431,  # 323/14/25
        },
    },
    "tuning3": {
        "digital": {
            "decisions": 0.9899,  # 196/0/4
            "decisions.outcome": 0.9643,  # 189/196
            "attendees": 0.9874,  # 353/0/9
        },
        "scan": {
            "identifiers": 0.9849,  # 98/1/2
            "decisions": 0.9521,  # 189/8/11
            "decisions.outcome": 0.9630,  # 182/189
            "actions": 0.9811,  # 78/2/1
            "attendees": 0.9642,  # 337/0/25
        },
        "poor": {
            "identifiers": 0.9798,  # 97/1/3
            "decisions": 0.9471,  # 188/9/12
            "decisions.outcome": 0.9574,  # 180/188
            "actions": 0.8630,  # 63/4/16
            "actions.owner": 0.9524,  # 60/63
            "actions.due_date": 0.9365,  # 59/63
            "attendees": 0.8899,  # 299/11/63
        },
    },
    "unseen": {
        "digital": {
            "decisions": 0.9843,  # 94/0/3
            "decisions.outcome": 0.9681,  # 91/94
        },
        "scan": {
            "decisions": 0.9688,  # 93/2/4
            "decisions.outcome": 0.9677,  # 90/93
            "actions.owner": 0.9756,  # 40/41
            "actions.due_date": 0.9756,  # 40/41
            "attendees": 0.8770,  # 139/7/32
        },
        "poor": {
            "identifiers": 0.9885,  # 43/0/1
            "decisions": 0.9255,  # 87/4/10
            "decisions.outcome": 0.9655,  # 84/87
            "actions": 0.8800,  # 33/1/8
            "actions.owner": 0.9091,  # 30/33
            "actions.due_date": 0.8788,  # 29/33
            "attendees": 0.7832,  # 121/17/50
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
