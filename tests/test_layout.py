"""The package's layers: each imports only the layers below it, and the fingerprints cover
exactly the code that decides what a page reads as and what rows a file gives."""

from __future__ import annotations

import ast
import shutil
from pathlib import Path

import pytest
from conftest import REPO, SEED

from pipeline.batch import fingerprint
from pipeline.batch.run import run
from pipeline.settings import Settings

PACKAGE = REPO / "pipeline"
# lowest first; a module may import its own layer and any layer before it
LAYERS = ["base", "reading", "store", "nlp", "batch", "audit", "devtools", "cli"]
BASE = {"pipeline", "pipeline.errors", "pipeline.settings", "pipeline.__main__"}


def layer_of(module: str) -> str:
    if module in BASE:
        return "base" if module != "pipeline.__main__" else "cli"
    part = module.split(".")[1]
    return "cli" if part == "cli" else part


def _imports(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("pipeline"):
            found |= {f"{node.module}.{a.name}" if f"{node.module}.{a.name}".replace(".", "/") in _MODULES else node.module
                      for a in node.names}
        elif isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("pipeline")}
    return found


_MODULES = {p.relative_to(REPO).with_suffix("").as_posix() for p in PACKAGE.rglob("*.py")} | {
    p.relative_to(REPO).as_posix() for p in PACKAGE.iterdir() if p.is_dir()}


def _module_name(path: Path) -> str:
    rel = path.relative_to(REPO).with_suffix("")
    parts = rel.parts[:-1] if rel.name == "__init__" else rel.parts
    return ".".join(parts)


def test_every_module_has_a_layer() -> None:
    for path in PACKAGE.rglob("*.py"):
        assert layer_of(_module_name(path)) in LAYERS, path


def test_no_import_reaches_a_higher_layer() -> None:
    wrong = []
    for path in PACKAGE.rglob("*.py"):
        here = layer_of(_module_name(path))
        for target in _imports(path):
            there = layer_of(target if target != "pipeline" else "pipeline")
            if LAYERS.index(there) > LAYERS.index(here):
                wrong.append(f"{_module_name(path)} ({here}) imports {target} ({there})")
    assert not wrong, "\n".join(wrong)


def test_reading_never_imports_spacy_and_nlp_never_reads_files() -> None:
    for path in (PACKAGE / "reading").rglob("*.py"):
        assert "spacy" not in path.read_text(encoding="utf-8"), path
    for path in (PACKAGE / "nlp").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "pdfplumber" not in text and "pytesseract" not in text, path


@pytest.fixture
def package_copy(tmp_path: Path, monkeypatch):
    """A copy of the package whose files a test may edit; fingerprints are read from it."""
    copy = tmp_path / "pipeline"
    shutil.copytree(PACKAGE, copy, symlinks=True, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(fingerprint, "PACKAGE", copy)
    fingerprint.reader_fingerprint.cache_clear()
    fingerprint.extractor_fingerprint.cache_clear()
    yield copy
    fingerprint.reader_fingerprint.cache_clear()
    fingerprint.extractor_fingerprint.cache_clear()


def _prints() -> tuple[str, str]:
    fingerprint.reader_fingerprint.cache_clear()
    fingerprint.extractor_fingerprint.cache_clear()
    s = Settings()
    return fingerprint.reader_fingerprint(s), fingerprint.extractor_fingerprint(s)


@pytest.mark.parametrize("edited", ["batch/run.py", "batch/schedule.py", "cli.py", "store/database.py",
                                    "audit/queries.py", "devtools/evaluate.py"])
def test_editing_outside_reading_and_nlp_invalidates_nothing(package_copy: Path, edited: str) -> None:
    before = _prints()
    with (package_copy / edited).open("a", encoding="utf-8") as fh:
        fh.write("\n# an edit\n")
    assert _prints() == before


@pytest.mark.parametrize(("edited", "reader_changes"), [("reading/layout.py", True), ("reading/new_stage.py", True),
                                                        ("nlp/actions.py", False), ("nlp/new_rule.py", False)])
def test_editing_reading_or_nlp_invalidates_what_depends_on_it(package_copy: Path, edited: str,
                                                               reader_changes: bool) -> None:
    reader, extractor = _prints()
    with (package_copy / edited).open("a", encoding="utf-8") as fh:
        fh.write("\n# an edit\n")
    reader2, extractor2 = _prints()
    assert extractor2 != extractor
    assert (reader2 != reader) is reader_changes


def test_a_run_after_editing_the_batch_reuses_the_database_and_cache(tmp_path: Path, package_copy: Path) -> None:
    out = tmp_path / "out"
    inputs = tmp_path / "in"
    inputs.mkdir()
    shutil.copy(SEED, inputs / "seed.txt")
    first = run([str(inputs)], out_dir=out)
    assert first.files == 1
    for edited in ("batch/run.py", "cli.py", "store/export.py"):
        with (package_copy / edited).open("a", encoding="utf-8") as fh:
            fh.write("\n# an edit\n")
    fingerprint.reader_fingerprint.cache_clear()
    fingerprint.extractor_fingerprint.cache_clear()
    second = run([str(inputs)], out_dir=out)
    assert (second.files, second.reused) == (0, 1)
    assert len(second.frames["decisions"]) == 20
