from __future__ import annotations

import functools
import json
import os
from pathlib import Path

import pytest

from pipeline.batch.schedule import read_document
from pipeline.devtools.evaluate import Figure
from pipeline.reading.document import Document
from pipeline.settings import Settings

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "samples"
RENDERED = SAMPLES / "rendered"
GOLD = SAMPLES / "gold"
REAL_GOLD = GOLD / "real"
SPEC_DIR = SAMPLES / "specs"
REAL = REPO.parent / "shared" / "real"
SEED = SAMPLES / "csc_15_seed__ocrtext.txt"


def in_ci() -> bool:
    """The one rule for 'we are in CI' (``.ci/run`` exports ``CI=true``; so do CI services)."""
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def require(ok: object, what: str, *, fix: str) -> None:
    """The one rule for skipping: a test that lacks ``what`` fails in CI and skips elsewhere."""
    if not ok:
        if in_ci():
            pytest.fail(f"{what}; CI must provide it: {fix}")
        pytest.skip(f"{what} on this machine ({fix})")


def gold(key: str) -> dict:
    return json.loads((GOLD / f"{key}.json").read_text(encoding="utf-8"))


def gold_keys() -> list[str]:
    return sorted(p.stem for p in GOLD.glob("*.json") if (SPEC_DIR / p.name).exists())


@functools.cache
def read_sample(name: str) -> Document:
    """Read a rendered sample (or ``SEED`` by its name) once per test session (real Tesseract for scans)."""
    path = SEED if name == SEED.name else RENDERED / name
    if not path.exists():
        pytest.fail(f"{path} is missing; render samples with 'make samples'")
    return read_document(path, settings=Settings())


@pytest.fixture(scope="session")
def real_dir() -> Path:
    require(REAL.is_dir(), f"{REAL} is missing", fix="shared/real beside the repository")
    return REAL


def check_pins(measured: dict[str, Figure], pinned: dict[str, float], label: str) -> None:
    """Every measured figure at its pin, at most half a row's worth under it.

    ``pinned`` lists the figures under 1.0; every other figure is pinned at 1.0. One row's worth
    comes from the figure's own counts (``evaluate.figures``), so one row lost, one spurious row
    or one wrong value fails the test. Figures that rise pass: re-pin them from the table printed.
    """
    table = "\n".join(f"    {name!r}: {fig.value:.4f},  # {fig.count}" for name, fig in measured.items() if fig.value < 1)
    perfect = [name for name, fig in measured.items() if fig.value >= 1]
    print(f"\n{label} = {{  # measured; {len(perfect)} more figures at 1.0\n{table}\n}}")
    gone = sorted(set(pinned) - set(measured))
    assert not gone, f"{label}: pinned figures no longer measured (nothing compared): {gone}"
    low = [f"{name}: {fig.value:.4f} ({fig.count}) < pin {pinned.get(name, 1.0):.4f} - {fig.one_row / 2:.4f}"
           for name, fig in measured.items() if fig.value < pinned.get(name, 1.0) - fig.one_row / 2]
    assert not low, f"{label}: figures dropped by a row or more:\n  " + "\n  ".join(low)
