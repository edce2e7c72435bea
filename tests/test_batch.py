"""Archive runs: the database accumulates by file hash, the page cache spares re-reading,
``--force``/``--no-cache``/``--prune`` do what they say, and the CSVs always match the database.

One real one-page scan (rendered from a sample PDF at 300 dpi) is OCR'd with Tesseract, so
"no OCR on a re-run" is checked on a page that really needed it.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pandas as pd
import pytest
from conftest import RENDERED, SEED

from pipeline.batch import run as run_module
from pipeline.batch.run import run
from pipeline.cli import main
from pipeline.errors import UsageError
from pipeline.reading.pdftext import render_page
from pipeline.settings import Settings
from pipeline.store.export import DB_NAME, read_table
from pipeline.store.records import columns

TABLES = ("meetings", "attendees", "identifiers", "decisions", "actions", "errors")


@pytest.fixture(scope="module")
def scan_png(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("scan") / "csc_14_p1.png"
    render_page(str(RENDERED / "csc_14__scan300.pdf"), 0, 300).save(out, dpi=(300, 300))
    return out


@pytest.fixture()
def archive(tmp_path: Path, scan_png: Path) -> Path:
    root = tmp_path / "archive"
    (root / "2020").mkdir(parents=True)
    shutil.copy(SEED, root / "2020" / "csc_15_seed.txt")
    shutil.copy(RENDERED / "panel_82__digital.pdf", root / "2020" / "panel_82.pdf")
    shutil.copy(scan_png, root / "csc_14_p1.png")
    return root


def _csvs(out: Path) -> dict[str, str]:
    return {t: (out / f"{t}.csv").read_text(encoding="utf-8") for t in TABLES}


def _rows_per_file(out: Path, table: str) -> dict[str, int]:
    df = read_table(out / DB_NAME, table)
    return {Path(k).name: v for k, v in df.groupby("source_file").size().items()}


def test_rerun_of_an_unchanged_archive_reads_nothing_and_writes_the_same_tables(archive: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = run([str(archive)], out_dir=out)
    assert (first.files, first.reused, first.errors) == (3, 0, [])
    assert first.ocr_pages == 1 and first.cached_pages == 0
    before = _csvs(out)
    second = run([str(archive)], out_dir=out)
    assert (second.files, second.reused, second.pages, second.ocr_pages) == (0, 3, 0, 0)
    assert _csvs(out) == before
    for table in TABLES:  # the database and the CSVs hold the same rows
        assert len(read_table(out / DB_NAME, table)) == len(second.frames[table])
    assert len(second.frames["meetings"]) == 3


def test_force_rereads_files_but_takes_every_page_from_the_cache(archive: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = run([str(archive)], out_dir=out)
    forced = run([str(archive)], out_dir=out, force=True)
    pdf_and_image_pages = first.pages - 1  # the .txt page is never cached: reading it is free
    assert forced.files == 3 and forced.cached_pages == pdf_and_image_pages
    assert forced.ocr_pages == 0  # the scanned page came from the cache: no Tesseract run
    pd.testing.assert_frame_equal(forced.frames["decisions"], first.frames["decisions"])
    pd.testing.assert_frame_equal(forced.frames["attendees"], first.frames["attendees"])
    anew = run([str(archive)], out_dir=out, force=True, cache=False)
    assert anew.cached_pages == 0 and anew.ocr_pages == 1
    pd.testing.assert_frame_equal(anew.frames["actions"], first.frames["actions"])


def test_a_changed_file_replaces_its_rows_and_a_new_file_costs_only_itself(archive: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run([str(archive)], out_dir=out)
    seed = archive / "2020" / "csc_15_seed.txt"
    before = _rows_per_file(out, "decisions")
    assert before["csc_15_seed.txt"] == 20
    # the secretariat corrects the minutes: one decision paragraph is struck out
    text = seed.read_text(encoding="utf-8")
    struck = "The CSC NOTED the update."
    assert text.count(struck) >= 1
    seed.write_text(text.replace(struck, "", 1), encoding="utf-8")
    shutil.copy(RENDERED / "csc_16__digital.pdf", archive / "2020" / "csc_16.pdf")
    again = run([str(archive)], out_dir=out)
    assert sorted(Path(r.meeting.source_file).name for r in again.records) == ["csc_15_seed.txt", "csc_16.pdf"]
    assert again.reused == 2
    after = _rows_per_file(out, "decisions")
    assert after["csc_15_seed.txt"] == 19  # replaced, not appended
    assert after["panel_82.pdf"] == before["panel_82.pdf"]
    assert after["csc_16.pdf"] > 0
    meetings = read_table(out / DB_NAME, "meetings")
    assert meetings["source_file"].is_unique and len(meetings) == 4
    with sqlite3.connect(out / DB_NAME) as con:
        files = dict(con.execute("SELECT source_file, sha256 FROM files").fetchall())
    con.close()
    assert files == dict(zip(meetings["source_file"], meetings["sha256"], strict=True))


def test_prune_drops_files_that_are_gone_only_when_asked(archive: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run([str(archive)], out_dir=out)
    (archive / "2020" / "panel_82.pdf").unlink()
    kept = run([str(archive)], out_dir=out)
    assert "panel_82.pdf" in _rows_per_file(out, "decisions") and kept.pruned == []
    pruned = run([str(archive)], out_dir=out, prune=True)
    assert [Path(p).name for p in pruned.pruned] == ["panel_82.pdf"]
    for table in ("meetings", "decisions", "identifiers", "attendees"):
        assert "panel_82.pdf" not in _rows_per_file(out, table)
    assert "panel_82" not in (out / "decisions.csv").read_text(encoding="utf-8")


def test_a_failed_file_is_tried_again_and_its_error_is_not_repeated(tmp_path: Path) -> None:
    root = tmp_path / "in"
    root.mkdir()
    shutil.copy(SEED, root / "seed.txt")
    (root / "broken.pdf").write_bytes(b"%PDF-1.4 truncated")
    out = tmp_path / "out"
    first = run([str(root)], out_dir=out)
    second = run([str(root)], out_dir=out)
    assert second.files == 1 and second.reused == 1  # the broken file again, the good one kept
    assert [Path(e.source_file).name for e in second.errors] == ["broken.pdf"]
    assert len(read_table(out / DB_NAME, "errors")) == 1 == len(first.errors)


def test_an_interrupted_batch_keeps_the_files_that_finished(tmp_path: Path, monkeypatch) -> None:
    root = tmp_path / "in"
    root.mkdir()
    shutil.copy(SEED, root / "a_seed.txt")
    shutil.copy(RENDERED / "panel_82__digital.pdf", root / "b_panel.pdf")
    real = run_module.records_for

    def interrupt_on_second(doc, *, meeting_id_fallback):
        if doc.source_file.endswith("b_panel.pdf"):
            raise KeyboardInterrupt
        return real(doc, meeting_id_fallback=meeting_id_fallback)

    monkeypatch.setattr(run_module, "records_for", interrupt_on_second)
    out = tmp_path / "out"
    with pytest.raises(KeyboardInterrupt):
        run([str(root)], out_dir=out)
    meetings = (out / "meetings.csv").read_text(encoding="utf-8")
    assert "a_seed.txt" in meetings and "b_panel.pdf" not in meetings
    monkeypatch.setattr(run_module, "records_for", real)
    resumed = run([str(root)], out_dir=out)
    assert [Path(r.meeting.source_file).name for r in resumed.records] == ["b_panel.pdf"]


def test_a_database_from_an_older_version_is_migrated_in_place(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    with sqlite3.connect(out / DB_NAME) as con:  # one run's tables, fewer columns, no files table
        con.execute("CREATE TABLE decisions (meeting_id TEXT, source_file TEXT, verb TEXT)")
        con.execute("INSERT INTO decisions VALUES ('OLD', 'old.pdf', 'AGREED')")
    con.close()
    result = run([str(SEED)], out_dir=out)
    decisions = read_table(out / DB_NAME, "decisions")
    assert list(decisions.columns[: len(columns("decisions"))]) == columns("decisions")
    assert "OLD" in set(decisions["meeting_id"]), "the old row was dropped"
    assert len(decisions) == 21 and len(result.frames["decisions"]) == 21


def test_a_database_that_cannot_be_migrated_is_refused_and_kept(tmp_path: Path, capsys) -> None:
    out = tmp_path / "out"
    out.mkdir()
    with sqlite3.connect(out / DB_NAME) as con:  # a column this version does not know
        con.execute("CREATE TABLE decisions (meeting_id TEXT, surprise TEXT)")
        con.execute("INSERT INTO decisions VALUES ('KEEP', 'x')")
    con.close()
    before = (out / DB_NAME).read_bytes()
    assert main(["run", str(SEED), "--out", str(out), "--no-progress"]) == 2
    assert "surprise" in capsys.readouterr().err
    assert (out / DB_NAME).read_bytes() == before


def test_cli_flags_for_archive_runs(tmp_path: Path, capsys) -> None:
    out = tmp_path / "out"
    assert main(["run", str(SEED), "--out", str(out), "--no-progress", "--force", "--no-cache", "--prune"]) == 0
    assert "1 read" in capsys.readouterr().err
    assert main(["run", str(SEED), "--out", str(out), "--no-progress"]) == 0
    assert "1 unchanged" in capsys.readouterr().err
    assert main(["run", str(SEED), "--out", str(out), "--scheduler", "tcp://127.0.0.1:1"]) == 2
    assert "--executor dask" in capsys.readouterr().err


def test_settings_reject_an_unknown_executor() -> None:
    with pytest.raises(UsageError, match="executor"):
        Settings(executor="spark")


def test_the_same_file_given_another_way_is_not_counted_twice(tmp_path: Path, monkeypatch) -> None:
    root = tmp_path / "in"
    root.mkdir()
    shutil.copy(SEED, root / "seed.txt")
    out = tmp_path / "out"
    run([str(root)], out_dir=out)  # absolute path
    monkeypatch.chdir(tmp_path)
    run(["in/seed.txt"], out_dir=out)  # the same file, relative
    meetings = read_table(out / DB_NAME, "meetings")
    assert list(meetings["source_file"]) == ["in/seed.txt"]
    assert len(read_table(out / DB_NAME, "decisions")) == 20
