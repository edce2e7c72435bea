"""The drawn splits (issue 8): committed gold is what the seed draws, gold matches the drawn
text, every form appears in both splits, rendering is deterministic, keys are unique."""

from __future__ import annotations

import importlib.util
import io
import json
import re
import sys
from pathlib import Path

import pdfplumber
import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"


def _load_generate():
    spec = importlib.util.spec_from_file_location("generate", SAMPLES / "generate.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["generate"] = module
    spec.loader.exec_module(module)
    return module


gen = _load_generate()
from generator.compose import compose  # noqa: E402  (samples/ is on sys.path after the load)
from generator.drawn import SPLITS, split_specs  # noqa: E402
from generator.pools import FRESH_POOL_SPLITS  # noqa: E402
from generator.render import build_pdf  # noqa: E402
from generator.scans import render_split_variant  # noqa: E402

SPECS = {split: split_specs(split) for split in SPLITS}


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.mark.parametrize("split", sorted(SPLITS))
def test_committed_split_gold_is_current(split: str) -> None:
    gold_dir = SAMPLES / "splits" / split / "gold"
    keys = [s["key"] for s in SPECS[split]]
    assert sorted(p.stem for p in gold_dir.glob("*.json")) == sorted(keys)
    for spec in SPECS[split]:
        committed = json.loads((gold_dir / f"{spec['key']}.json").read_text(encoding="utf-8"))
        assert committed == json.loads(json.dumps(gen.split_gold(spec), ensure_ascii=False)), spec["key"]


def test_splits_are_disjoint_and_keys_unique() -> None:
    assert len({cfg["seed"] for cfg in SPLITS.values()}) == len(SPLITS)
    keys = [s["key"] for specs in SPECS.values() for s in specs]
    series = [p.stem for p in (SAMPLES / "gold").glob("*.json")]
    assert len(keys) == len(set(keys)) and not set(keys) & set(series)
    assert sum(len(v) for v in SPECS.values()) >= 30
    names = {
        split: {p["name"] for s in specs for b in s["attendee_blocks"] for p in b["people"]}
        for split, specs in SPECS.items()
    }
    for split in SPLITS:
        if split.startswith("tuning"):
            assert not names[split] & names["unseen"], split
    for split in FRESH_POOL_SPLITS:  # its names met by no draw of the other pools, tuning or unseen
        assert not names[split] & set().union(*(names[s] for s in SPLITS if s not in FRESH_POOL_SPLITS)), split


@pytest.mark.parametrize("split", sorted(SPLITS))
def test_every_form_appears(split: str) -> None:
    specs = SPECS[split]
    families = {s["family"] for s in specs}
    assert {"csc", "panel", "cb", "ops", "ssc", "tabasc", "board", "trust", "council", "tac"} <= families
    assert {s["style"]["font"] for s in specs} == {"Helvetica", "Times", "Courier"}
    blocks = [b for s in specs for b in s["body"]]
    att = {b.get("form") for s in specs for b in s["attendee_blocks"]}
    assert {"inline", "tabbed", "twocol"} <= att and att & {"category", "name_repr", "name_role", "initials"}
    assert any("itemtable" in b for b in blocks) and any(b.get("hstyle") == "agenda" for b in blocks)
    assert any("ul" in b for b in blocks)
    assert any(b.get("kind") == "decisions" for b in blocks if "rtable" in b)
    golds = [gen.split_gold(s) for s in specs]
    texts = [d["text"] for g in golds for d in g["decisions"]]
    assert any(t.lower().startswith(("resolved that", "resolved:")) for t in texts)
    assert any(t.lower().startswith("it was agreed") for t in texts)
    outcomes = {d["outcome"] for g in golds for d in g["decisions"]}
    assert {"minutes_approved", "approved", "other", "noted", "deferred", "rejected"} <= outcomes
    ids = [a["action_id"] for g in golds for a in g["actions"]]
    assert any(re.fullmatch(r"[A-Z]+ \d+/\d\d", i) for i in ids)
    assert any("/A" in i for i in ids)
    assert any(t.get("kind") == "actions" and "Status" in t["rows"][0] for g in golds for t in g["tables"])


@pytest.mark.parametrize("split", sorted(SPLITS))
def test_split_gold_matches_digital_text(split: str) -> None:
    for spec in SPECS[split]:
        layout = compose(spec)
        gold = gen.split_gold(spec, layout)
        watermark = bool(spec["style"].get("watermark"))  # its letters interleave with the text
        with pdfplumber.open(io.BytesIO(build_pdf(spec, layout))) as pdf:
            assert len(pdf.pages) == len(gold["pages"]) >= 1
            text = " ".join(re.sub(r"(\w)-\n(\S+)", r"\1\2\n", p.extract_text()) for p in pdf.pages)
        words = set(re.findall(r"[\w’']+", text))
        body = _norm(re.sub(r"\s*\|\s*", " ", " ".join(gold["pages"])))
        if not watermark:
            for want in re.findall(r"[\w’']+", body):
                assert want in words, (spec["key"], want)
        for d in gold["decisions"]:
            # (a cell a page break splits has the table's repeated header between its halves)
            spaced = r"\s+(?:\S+\s+){0,3}?".join(re.escape(w) for w in _norm(d["text"]).split())
            assert _norm(d["text"]) in body or re.search(spaced, body), (spec["key"], d)
            assert d["verb"] in d["text"].upper()
        for ident in gold["identifiers"]:
            assert ident["mentions"] == len(re.findall(rf"\b{ident['identifier']}\b", body))
        for person in gold["attendees"]:
            assert person["name"] in body


def test_split_rendering_is_deterministic(tmp_path: Path) -> None:
    spec = min(SPECS["unseen"], key=lambda s: len(compose(s).pages))
    layout = compose(spec)
    digital = build_pdf(spec, layout)
    for variant in ("scan", "poor"):
        a, b = tmp_path / f"a_{variant}.pdf", tmp_path / f"b_{variant}.pdf"
        render_split_variant(spec, layout, digital, variant, a)
        render_split_variant(spec, layout, digital, variant, b)
        assert a.read_bytes() == b.read_bytes(), variant
