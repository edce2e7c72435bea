"""The command line: exit codes, messages, and the files ``minutes run`` writes."""

from __future__ import annotations

import csv
import sqlite3
import subprocess
import sys
from pathlib import Path

from conftest import REPO, SEED

from pipeline.cli import main
from pipeline.store.records import columns


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def test_unknown_option_is_a_usage_error(capsys) -> None:
    assert main(["run", "--frobnicate", str(SEED)]) == 2
    assert "unrecognized arguments" in capsys.readouterr().err


def test_no_input_found_is_a_usage_error(tmp_path: Path, capsys) -> None:
    (tmp_path / "readme.md").write_text("not minutes")
    assert main(["run", str(tmp_path), "--out", str(tmp_path / "out")]) == 2
    assert "no input found" in capsys.readouterr().err


def test_bad_settings_are_usage_errors(capsys) -> None:
    assert main(["text", str(SEED), "--dpi", "5"]) == 2
    assert "--dpi" in capsys.readouterr().err


def test_run_writes_contract_tables_and_reports_failures(tmp_path: Path, capsys) -> None:
    bad = tmp_path / "in" / "broken.pdf"
    bad.parent.mkdir()
    bad.write_bytes(b"%PDF-1.4 not really")
    seed = tmp_path / "in" / "seed.txt"
    seed.write_bytes(SEED.read_bytes())
    out = tmp_path / "out"
    code = main(["run", str(tmp_path / "in"), "--out", str(out), "--no-progress"])
    err = capsys.readouterr().err
    assert code == 1
    assert "broken.pdf" in err and "errors.csv" in err
    for table in ("meetings", "attendees", "identifiers", "decisions", "actions", "errors"):
        with (out / f"{table}.csv").open(encoding="utf-8") as fh:
            assert next(csv.reader(fh))[: len(columns(table))] == columns(table)
    errors = _rows(out / "errors.csv")
    assert [(Path(e["source_file"]).name, e["stage"]) for e in errors] == [("broken.pdf", "ingest")]
    meetings = _rows(out / "meetings.csv")
    assert [Path(m["source_file"]).name for m in meetings] == ["seed.txt"]
    assert meetings[0]["page_count"] == "1" and meetings[0]["ocr_page_count"] == "0"
    assert meetings[0]["ocr_mean_confidence"] == ""
    assert len(meetings[0]["sha256"]) == 64
    with sqlite3.connect(out / "minutes.sqlite") as con:
        for table in ("meetings", "decisions", "errors"):
            n = con.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
            assert n == len(_rows(out / f"{table}.csv"))
            cols = [r[1] for r in con.execute(f"PRAGMA table_info({table})")]
            assert cols[: len(columns(table))] == columns(table)


def test_python_m_pipeline_is_the_same_program(tmp_path: Path) -> None:
    res = subprocess.run([sys.executable, "-m", "pipeline", "text", str(SEED)], capture_output=True, text=True, cwd=REPO)
    assert res.returncode == 0
    assert res.stdout.startswith("=== page 1/1 · text")
    assert "The CSC APPROVED the minutes as written." in res.stdout
    res = subprocess.run([sys.executable, "-m", "pipeline", "--help"], capture_output=True, text=True)
    assert res.returncode == 0 and "run" in res.stdout and "eval" in res.stdout


def test_draw_writes_a_png(tmp_path: Path) -> None:
    out = tmp_path / "p1.png"
    assert main(["draw", str(REPO / "samples" / "rendered" / "cb_55__digital.pdf"), "--page", "1", "--out", str(out)]) == 0
    from PIL import Image

    with Image.open(out) as img:
        assert img.width > 500 and img.mode == "RGB"
