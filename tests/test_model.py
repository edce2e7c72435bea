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


def test_the_saved_tokenizer_loaded_into_an_empty_one_tokenizes_as_the_one_built(tmp_path: Path) -> None:
    """``minutes.Tokenizer.v1`` starts empty; every rule and pattern comes from the saved
    tokenizer, so the loaded pipeline splits text exactly as the English one it was built from."""
    from conftest import SEED

    built = build(tmp_path / "minutes_nlp", source=MODEL_PATH)  # spaCy's English tokenizer, then ours
    loaded = load()
    assert loaded.config["nlp"]["tokenizer"]["@tokenizers"] == "minutes.Tokenizer.v1"
    text = SEED.read_text(encoding="utf-8") + "\nMr. Smith's don't 10.30am DP094/DP095 e.g. (cid:12) O’Neill 23rd"
    got, want = [t.text for t in loaded.tokenizer(text)], [t.text for t in built.tokenizer(text)]
    assert len(got) > 1000
    assert got == want
