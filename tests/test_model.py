"""The spaCy pipeline directory is consistent with its vocabulary files: rebuilding it from
them gives the committed files byte for byte (so no derived pattern is stale)."""

from __future__ import annotations

from pathlib import Path

from pipeline import MODEL_PATH
from pipeline.nlp import load
from pipeline.nlp.build_model import build
from pipeline.nlp.vocab import lexicon


def _files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_model_rebuilds_identically_from_its_vocabulary(tmp_path: Path) -> None:
    out = tmp_path / "minutes_nlp"
    build(out, source=MODEL_PATH)
    rebuilt, committed = _files(out), _files(MODEL_PATH)
    assert sorted(rebuilt) == sorted(committed)
    stale = [name for name in committed if rebuilt[name] != committed[name]]
    assert not stale, f"run 'python -m pipeline.nlp.build_model' and commit models/: {stale}"


def test_one_lexicon_for_the_pipeline_and_the_modules() -> None:
    assert load().get_pipe("minutes_lexicon").data == lexicon()
    kinds = {s["kind"] for s in lexicon()["identifier_kinds"]}
    labels = {p["label"] for p in load().get_pipe("identifier_ruler").patterns}
    assert labels == kinds
