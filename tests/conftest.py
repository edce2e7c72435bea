from __future__ import annotations

import functools
import json
import os
from pathlib import Path

import pytest

from pipeline.batch.schedule import read_document
from pipeline.reading.document import Document
from pipeline.settings import Settings

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "samples"
RENDERED = SAMPLES / "rendered"
GOLD = SAMPLES / "gold"
SPEC_DIR = SAMPLES / "specs"
REAL = REPO.parent / "shared" / "real"
SEED = SAMPLES / "csc_15_seed__ocrtext.txt"


def gold(key: str) -> dict:
    return json.loads((GOLD / f"{key}.json").read_text(encoding="utf-8"))


def gold_keys() -> list[str]:
    return sorted(p.stem for p in GOLD.glob("*.json") if (SPEC_DIR / p.name).exists())


@functools.cache
def read_sample(name: str) -> Document:
    """Read a rendered sample once per test session (real Tesseract for scans)."""
    path = RENDERED / name
    if not path.exists():
        pytest.fail(f"{path} is missing; render samples with 'make samples'")
    return read_document(path, settings=Settings())


@pytest.fixture(scope="session")
def real_dir() -> Path:
    if not REAL.is_dir():
        if os.environ.get("CI"):
            pytest.fail(f"{REAL} is missing; CI must provide shared/real beside the repo")
        pytest.skip(f"{REAL} not present on this machine")
    return REAL
