"""The sample generator: deterministic output, and gold files that match what was drawn."""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
from pathlib import Path

import pdfplumber
import pytest
from conftest import require
from PIL import Image

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
SCAN_KEY = "cb_55"  # a short spec, so the scan variants stay quick


def _load_generate():
    spec = importlib.util.spec_from_file_location("generate", SAMPLES / "generate.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["generate"] = module
    spec.loader.exec_module(module)
    return module


gen = _load_generate()
SPECS = {s["key"]: s for s in gen.load_specs()}


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("rendered")
    for key, spec in SPECS.items():
        variants = list(gen.VARIANTS) if key == SCAN_KEY else ["digital"]
        gen.render_spec(spec, out, variants=variants, gold_dir=out / "gold")
    return out


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _dehyphenate(text: str) -> str:
    """Move the tail of a word hyphenated at a line end up to its head, as gold writes it."""
    return re.sub(r"(\w)-\n(\S+) ?", r"\1\2\n", text)


def test_spec_set_is_large_and_varied() -> None:
    committees = [s["meeting"]["committee"] for s in SPECS.values()]
    assert len(SPECS) >= 9
    assert committees.count("Change Sub-Committee") >= 3
    for name in ("Panel", "Change Board", "Operations Group"):
        assert committees.count(name) >= 2, name
    assert "csc_15" in SPECS


def test_rendering_is_deterministic(tmp_path: Path) -> None:
    spec = SPECS[SCAN_KEY]
    variants = ["digital", "scan200poor", "tiff", "mixed"]
    a = gen.render_spec(spec, tmp_path / "a", variants=variants)
    b = gen.render_spec(spec, tmp_path / "b", variants=variants)
    for pa, pb in zip(a, b, strict=True):
        assert pa.read_bytes() == pb.read_bytes(), pa.name


def _git(*args: str) -> bytes | None:
    """A read-only git command's output, None when git or the repository is not there."""
    try:
        return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return None


def _committed(path: Path) -> bytes:
    """The file as committed at HEAD (``make samples`` rewrites the working copy, so not that)."""
    require(_git("rev-parse", "--verify", "HEAD") is not None, "no git checkout to read the committed gold from",
            fix="run the tests in a git checkout with git installed")
    committed = _git("show", f"HEAD:{path.relative_to(ROOT).as_posix()}")
    if committed is None:
        pytest.fail(f"{path.relative_to(ROOT)} is not committed; render it with 'make samples' and commit it")
    return committed


@pytest.mark.parametrize("key", sorted(set(SPECS) - gen.PROTECTED_GOLD))
def test_committed_gold_is_current(rendered: Path, key: str) -> None:
    """The gold the generator writes now (into a temporary folder) is byte for byte the committed gold."""
    fresh = (rendered / "gold" / f"{key}.json").read_bytes()
    assert fresh == _committed(SAMPLES / "gold" / f"{key}.json"), (
        f"samples/gold/{key}.json is stale: the generator now writes other gold; run 'make samples' and commit samples/gold")


@pytest.mark.parametrize("key", sorted(SPECS))
def test_gold_matches_digital_text(rendered: Path, key: str) -> None:
    gold = gen.gold_for(SPECS[key])
    assert set(gold) == {
        "key",
        "meeting",
        "attendees",
        "identifiers",
        "decisions",
        "actions",
        "pages",
        "tables",
        "scanned_pages",
    }
    table_rows = {" | ".join(c.strip() for c in row) for t in gold["tables"] for row in t["rows"]}
    with pdfplumber.open(rendered / f"{key}__digital.pdf") as pdf:
        assert len(pdf.pages) == len(gold["pages"])
        assert 3 <= len(pdf.pages) <= 8
        for page, expected in zip(pdf.pages, gold["pages"], strict=True):
            text = _dehyphenate(page.extract_text())
            lines = [ln.strip() for ln in text.splitlines()]
            at = 0
            for want in expected.splitlines():
                if want in table_rows:
                    for word in want.replace(" | ", " ").split():
                        assert word in text, (key, page.page_number, want)
                    continue
                while at < len(lines) and lines[at] != want:
                    at += 1
                assert at < len(lines), (key, page.page_number, want)
                at += 1
    body = _norm(" ".join(gold["pages"]))
    for d in gold["decisions"]:
        assert _norm(d["text"]) in body, d
        assert d["verb"] in d["text"].upper()
    for ident in gold["identifiers"]:
        assert ident["mentions"] == len(re.findall(rf"\b{ident['identifier']}\b", body))


def test_scans_are_full_page_images_at_stated_dpi(rendered: Path) -> None:
    n_pages = len(gen.gold_for(SPECS[SCAN_KEY])["pages"])
    for variant, dpi in (("scan300", 300), ("scan200poor", 200)):
        with pdfplumber.open(rendered / f"{SCAN_KEY}__{variant}.pdf") as pdf:
            assert len(pdf.pages) == n_pages
            for page in pdf.pages:
                assert len(page.images) == 1
                img = page.images[0]
                assert abs(img["width"] - float(page.width)) < 1
                assert abs(img["srcsize"][0] / (float(page.width) / 72) - dpi) < 2
                assert not page.extract_text().strip()
    gold = gen.gold_for(SPECS[SCAN_KEY])
    with pdfplumber.open(rendered / f"{SCAN_KEY}__mixed.pdf") as pdf:
        scanned = [p.page_number for p in pdf.pages if p.images and not p.extract_text().strip()]
    assert scanned == gold["scanned_pages"]["mixed"] and scanned


def test_tiff_frames_match_pages(rendered: Path) -> None:
    n_pages = len(gen.gold_for(SPECS[SCAN_KEY])["pages"])
    with Image.open(rendered / f"{SCAN_KEY}__tiff.tif") as im:
        assert im.n_frames == n_pages
        assert im.mode == "1"
        assert round(im.info["dpi"][0]) == 300


def test_committed_set_is_small() -> None:
    listed = _git("ls-files", "-co", "--exclude-standard", "samples")
    require(listed is not None, "git cannot list the committed samples", fix="run the tests in a git checkout with git installed")
    assert listed is not None
    total = sum((ROOT / f).stat().st_size for f in listed.decode().splitlines() if (ROOT / f).is_file())
    assert total < 20 * 1024 * 1024, total
