"""``minutes report``: one self-contained HTML file, rendered by headless Chromium."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote

import numpy as np
import pandas as pd
import pytest
from conftest import require
from PIL import Image
from test_audit import AUDIT_GOLD, sample_db

from pipeline.audit import queries as audit
from pipeline.audit.report import build_report
from pipeline.cli import main

CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def chromium() -> str:
    exe = shutil.which("chromium")
    require(exe is not None, "chromium is missing", fix="'make chromium' installs it ('make test' does)")
    assert exe is not None
    return exe


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("report") / "site" / "report.html"
    assert main(["report", "--db", str(sample_db()), "--out", str(out)]) == 0
    return out


def _chromium(exe: str, tmp: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([exe, *CHROMIUM_FLAGS, f"--user-data-dir={tmp / 'profile'}", *args],
                          capture_output=True, text=True, timeout=120, check=True)


def test_report_dom_has_the_proposals_and_open_items(chromium: str, report: Path, tmp_path: Path) -> None:
    dom = _chromium(chromium, tmp_path, "--dump-dom", report.as_uri()).stdout
    cards = re.findall(r'class="card proposal" id="[^"]+" data-identifiers="([^"]+)"', dom)
    for want in AUDIT_GOLD["history"].values():
        assert " ".join(want["group"]) in cards
    assert len(cards) == len(set(cards))
    # the DP094 -> MP100 card lists exactly the gold decisions, each linked to its page
    card = dom.split('data-identifiers="DP094 MP100"', 1)[1].split('class="card proposal"', 1)[0]
    rows = re.findall(r"<tr><td>(\d{4}-\d\d-\d\d)</td><td>(\w+) \(.*?\)</td><td>(\w+)</td><td>(\w+)</td>.*?<a href=\"([^\"]+)\">", card)
    assert [[m, d, i, v] for d, m, i, v, _ in rows] == [g[:4] for g in AUDIT_GOLD["history"]["DP094"]["decisions"]]
    for *_, href in rows:
        path, _, page = unquote(href).partition("#page=")
        assert (report.parent / path).resolve().is_file() and page.isdigit()
    # decisions per meeting
    bars = dict(re.findall(r'data-meeting="([^"]+)" data-decisions="(\d+)"', dom))
    assert {k: int(v) for k, v in bars.items()} == AUDIT_GOLD["decisions_per_meeting"]
    # open actions and open recommendations
    actions = dom.split('<table class="open-actions">', 1)[1].split("</table>", 1)[0]
    open_ids = [a for a, _, status, _ in AUDIT_GOLD["actions"] if status == "open"]
    assert re.findall(r"<tr><td>([^<]+)</td>", actions) == open_ids
    recs = dom.split('<table class="open-recommendations">', 1)[1].split("</table>", 1)[0]
    pending = [r["identifier"] for r in AUDIT_GOLD["recommendations"] if r["status"] == "pending"]
    assert re.findall(r"<tr><td>[^<]+</td><td>[^<]+</td><td>([^<]+)</td>", recs) == pending


def test_report_screenshot_is_not_blank(chromium: str, report: Path, tmp_path: Path) -> None:
    png = tmp_path / "report.png"
    _chromium(chromium, tmp_path, f"--screenshot={png}", "--window-size=1280,2000", report.as_uri())
    pixels = np.asarray(Image.open(png).convert("L"), dtype=float)
    assert pixels.shape == (2000, 1280)
    assert pixels.std() > 20  # a blank or single-colour page is ~0
    assert (pixels < 100).mean() > 0.01  # there is dark text


def test_report_is_self_contained_and_escaped(tmp_path: Path) -> None:
    tables = audit.Tables.from_frames(
        meetings=pd.DataFrame([("M_1", "docs/m1.pdf", "Panel <b>", "2021-01-10", "final")],
                              columns=["meeting_id", "source_file", "committee", "meeting_date", "status"]),
        decisions=pd.DataFrame([("M_1", "docs/m1.pdf", "M_1/D1", "DP1", "RECOMMENDED", "report_phase", "<script>alert('x')</script> & co", 2)],
                               columns=["meeting_id", "source_file", "decision_id", "identifier", "verb", "outcome", "text", "page"]),
    )
    out = tmp_path / "out" / "r.html"
    text = build_report(tables, out=out, base=tmp_path)
    assert "<script" not in text and "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; co" in text
    assert "Panel &lt;b&gt;" in text
    assert 'href="../docs/m1.pdf#page=2"' in text
    assert not re.search(r"(src|href)=\"(https?:)?//", text) and "@import" not in text
