"""Faults: no input, limit, signal, second run or full disk breaks an archive run or loses what finished.

The bad-input corpus (``tests/faults.py``: bombs, truncated and misnamed files, garbage text
layers, links that loop, a pipe, ...) goes through ``minutes run`` once: every file ends as a
meetings row or an errors row of one line, the good ones are extracted, no traceback, no CSV
cell starts a formula. Then the faults around a run: a worker that crashes or hangs, SIGTERM,
``kill -9`` and the run that resumes it, a second run on the same ``--out``, a full disk while
writing the database or the CSVs, a tampered page cache.
"""

from __future__ import annotations

import csv
import errno
import os
import pickle
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import RENDERED, REPO, SEED
from faults import BAD, EITHER, GOOD, one_page_pdf, write_corpus

from pipeline.batch.pool import WorkerPool
from pipeline.batch.schedule import read_document
from pipeline.cli import main
from pipeline.errors import InputError, PageTimeoutError, ReaderCrashError
from pipeline.reading import limits, pdftext
from pipeline.reading.sources import discover, open_image
from pipeline.settings import Settings
from pipeline.store import export
from pipeline.store.export import FORMULA_LEADS, read_table

TABLES = ("meetings", "attendees", "identifiers", "decisions", "actions", "errors")
ENV = {**os.environ, "OMP_THREAD_LIMIT": "1", "PYTHONPATH": str(REPO)}


def minutes(*args: str, timeout: float = 300) -> subprocess.CompletedProcess:
    """``python -m pipeline ARGS`` as a user runs it."""
    return subprocess.run([sys.executable, "-m", "pipeline", *args], capture_output=True, text=True,
                          timeout=timeout, cwd=REPO, env=ENV)


def csv_rows(out: Path, table: str) -> list[dict[str, str]]:
    with (out / f"{table}.csv").open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def csv_bytes(out: Path) -> dict[str, bytes]:
    return {t: (out / f"{t}.csv").read_bytes() for t in TABLES}


# ------------------------------------------------------------------ the corpus through one run


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> tuple[Path, Path, dict[str, str], subprocess.CompletedProcess]:
    root = tmp_path_factory.mktemp("corpus")
    expect = write_corpus(root / "in")
    started = time.perf_counter()
    res = minutes("run", str(root / "in"), "--out", str(root / "out"), "--no-progress",
                  "--page-timeout", "30", "--max-memory", "1024")
    print(f"\nfault corpus: {len(expect)} inputs in {time.perf_counter() - started:.1f} s, exit {res.returncode}")
    return root / "in", root / "out", expect, res


def test_every_input_ends_as_a_meeting_or_an_error_and_the_batch_goes_on(corpus) -> None:
    src, out, expect, res = corpus
    assert len(expect) >= 25 + 8
    assert res.returncode == 1, res.stderr[-3000:]
    assert "Traceback" not in res.stderr, res.stderr[-3000:]
    found, skipped = discover([src])
    assert {str(Path(f.source_file).relative_to(src)) for f in found} == set(expect)
    assert [p.name for p in skipped] == ["notes.docx"] and "skipped 1 file(s)" in res.stderr
    meetings = {str(Path(r["source_file"]).relative_to(src)) for r in csv_rows(out, "meetings")}
    errors = {str(Path(r["source_file"]).relative_to(src)) for r in csv_rows(out, "errors")}
    unaccounted = set(expect) - meetings - errors
    assert not unaccounted, f"files with neither a meetings nor an errors row: {sorted(unaccounted)}"
    good = {name for name, outcome in expect.items() if outcome == GOOD}
    bad = {name for name, outcome in expect.items() if outcome == BAD}
    assert good - meetings == set(), "good files not extracted"
    assert good & errors == set(), "good files with errors"
    assert bad - errors == set() and bad & meetings == set()
    assert {n for n, o in expect.items() if o == EITHER} <= meetings | errors


def test_each_error_is_one_clear_line(corpus) -> None:
    src, out, _, res = corpus
    rows = csv_rows(out, "errors")
    for row in rows:
        message = row["message"]
        assert message and "\n" not in message and len(message) < 400, row
        assert "Traceback" not in message and "object at 0x" not in message, row
    by_file = {Path(r["source_file"]).name: r for r in rows}
    assert by_file["bomb_30000x30000.png"]["error_type"] == "TooLargeError"
    assert "--max-pixels" in by_file["huge_declared_page.pdf"]["message"]
    assert "--max-pixels" in by_file["huge_image_in_pdf.pdf"]["message"]
    assert by_file["encrypted.pdf"]["error_type"] == "EncryptedPdfError"
    assert "PostScript" in by_file["postscript_named.png"]["message"]
    assert by_file["random_bytes.txt"]["error_type"] == "UnsupportedFileError"
    assert "symbolic links" in by_file["loop_a.pdf"]["message"]
    assert "not a regular file" in by_file["pipe.txt"]["message"]
    assert "16 MB" in by_file["huge_text.txt"]["message"]
    for row in rows:  # and each on stderr, as one line
        assert f"error: {row['source_file']}" in res.stderr


def test_no_csv_cell_starts_a_formula_and_the_database_keeps_the_raw_value(corpus) -> None:
    _, out, _, _ = corpus
    cells = 0
    for table in TABLES:
        with (out / f"{table}.csv").open(encoding="utf-8", newline="") as fh:
            for row in csv.reader(fh):
                cells += len(row)
                assert not [c for c in row if c.startswith(FORMULA_LEADS)], (table, row)
    assert cells > 1000
    ids = set(read_table(out / "minutes.sqlite", "meetings")["meeting_id"])
    assert {"=HYPERLINK(1)", "-minus"} <= ids  # raw in the database
    csv_ids = {r["meeting_id"] for r in csv_rows(out, "meetings")}
    assert {"'=HYPERLINK(1)", "'-minus"} <= csv_ids  # neutralised in the CSV


def test_audit_csv_is_safe_and_reads_a_db_path_with_a_hash(corpus, tmp_path: Path, capsys) -> None:
    _, out, _, _ = corpus
    odd = tmp_path / "minutes #1 ?copy"
    odd.mkdir()
    shutil.copy(out / "minutes.sqlite", odd / "minutes.sqlite")
    assert main(["audit", "history", "DP094", "--db", str(odd / "minutes.sqlite"), "--format", "csv"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert any("'=HYPERLINK(1)" in line for line in lines)
    for row in csv.reader(lines):
        assert not [c for c in row if c.startswith(FORMULA_LEADS)], row


def test_report_with_an_undated_meeting_that_has_decisions(corpus, tmp_path: Path) -> None:
    _, out, _, _ = corpus
    meetings = read_table(out / "minutes.sqlite", "meetings")
    undated = meetings[meetings["meeting_date"].isna()]["meeting_id"]
    decided = set(read_table(out / "minutes.sqlite", "decisions")["meeting_id"])
    assert set(undated) & decided, "the corpus should hold an undated meeting with decisions"
    assert main(["report", "--db", str(out / "minutes.sqlite"), "--out", str(tmp_path / "report.html")]) == 0
    assert "no date found" in (tmp_path / "report.html").read_text(encoding="utf-8")


def test_a_garbage_layer_over_a_scan_is_ocrd_and_says_why(corpus, capsys) -> None:
    src, _, _, _ = corpus
    assert main(["text", str(src / "layers" / "cid_layer_over_scan.pdf"), "--format", "json"]) == 0
    import json

    page = json.loads(capsys.readouterr().out)[0]
    assert page["method"] == "ocr" and "(cid:NN)" in page["provenance"] and "OCR'd" in page["provenance"]
    assert "Change Sub-Committee" in page["text"]
    doc = read_document(src / "layers" / "garbage_ocr_layer_over_scan.pdf")
    assert doc.pages[0].method == "ocr" and "not words" in doc.pages[0].provenance


def test_real_text_layers_are_kept(real_dir: Path) -> None:
    import pdfplumber

    for name in ("lfenergy_tac_20210202", "fcr_hoa_board_20170412", "shibalik_society_mom_20250821"):
        with pdfplumber.open(real_dir / f"{name}.pdf") as pdf:
            for number, page in enumerate(pdf.pages, start=1):
                layer = pdftext.text_layer(page, min_chars=40)
                assert layer.usable, (name, number, layer.reason)
                if name == "lfenergy_tac_20210202":  # words ran together: split again, and kept
                    assert "ran together" in layer.reason
                    assert "Voting Members" in " ".join(w.text for w in layer.words) or number > 1


def test_pillow_opens_only_png_jpeg_and_tiff(tmp_path: Path) -> None:
    eps = tmp_path / "named.png"
    eps.write_bytes(b"%!PS-Adobe-3.0 EPSF-3.0\n%%BoundingBox: 0 0 10 10\nshowpage\n")
    with pytest.raises(InputError, match="not a readable PNG, JPEG or TIFF"):
        open_image(eps)


def test_page_timeout_covers_pdf_parsing(tmp_path: Path) -> None:
    slow = tmp_path / "slow.pdf"  # two million tiny paths: pdfminer takes minutes over them
    slow.write_bytes(one_page_pdf(b"0 0 m 1 1 l S\n" * 2_000_000, flate=True))
    started = time.perf_counter()
    doc = read_document(slow, settings=Settings(page_timeout=1))
    assert time.perf_counter() - started < 20
    assert [(e.page, e.error_type) for e in doc.errors] == [(1, "PageTimeoutError")]
    assert "--page-timeout" in doc.errors[0].message


# ------------------------------------------------------------------ the worker pool


def _segfault() -> None:
    import ctypes

    ctypes.string_at(0)


def _stuck_in_c(seconds: float) -> None:
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})  # as in a C library call: no alarm gets in
    time.sleep(seconds)


def _slow_python(seconds: float) -> str:
    with limits.time_limit(seconds, what="the test stage"):
        while True:
            pass


def _grab(mb: int) -> int:
    return len(bytearray(mb * 2**20))


def test_a_task_that_crashes_hangs_or_overruns_fails_alone() -> None:
    with WorkerPool(workers=2, task_budget=1.0, grace=2.0, memory_mb=512) as pool:
        tasks = {
            "segfault": pool.submit(_segfault),
            "stuck": pool.submit(_stuck_in_c, 60),
            "slow": pool.submit(_slow_python, 0.2),
            "memory": pool.submit(_grab, 2048),
            "fine": pool.submit(pow, 2, 10),
            "fine too": pool.submit(_grab, 10),
        }
        started = time.perf_counter()
        with pytest.raises(ReaderCrashError, match="SIGSEGV"):
            tasks["segfault"].result()
        with pytest.raises(PageTimeoutError, match="did not stop"):
            tasks["stuck"].result()
        with pytest.raises(PageTimeoutError, match="test stage took longer"):
            tasks["slow"].result()
        with pytest.raises(MemoryError):
            tasks["memory"].result()
        assert tasks["fine"].result() == 1024 and tasks["fine too"].result() == 10 * 2**20
        assert time.perf_counter() - started < 15
        assert (pool.crashes, pool.timeouts) == (1, 1)


# ------------------------------------------------------------------ signals, kill -9, resume


def _descendants(pid: int) -> set[int]:
    """Every process below ``pid`` (children, their children ...), from /proc."""
    parents: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            parents[int(stat.parent.name)] = int(stat.read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            continue
    found, frontier = set(), {pid}
    while frontier:
        frontier = {p for p, parent in parents.items() if parent in frontier} - found
        found |= frontier
    return found


def _alive(pids: set[int]) -> set[int]:
    alive = set()
    for pid in pids:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except (OSError, IndexError):
            continue
        if state not in ("Z", "X"):
            alive.add(pid)
    return alive


def _stored(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=0.1) as con:
            return con.execute("SELECT COUNT(*) FROM files").fetchone()[0]
    except sqlite3.Error:
        return 0


def _interrupt(args: list[str], db: Path, *, after: int, sig: int) -> tuple[subprocess.Popen, set[int], str]:
    """Start ``minutes run``; once ``after`` files are stored, send ``sig``; returns the process,
    the processes it had started, and its stderr."""
    proc = subprocess.Popen([sys.executable, "-m", "pipeline", *args], cwd=REPO, env=ENV,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while _stored(db) < after and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    assert proc.poll() is None, "the run ended before it could be interrupted"
    started = _descendants(proc.pid)
    assert started, "the run has no workers to leave behind"
    os.kill(proc.pid, sig)
    _, err = proc.communicate(timeout=60)
    return proc, started, err


def _no_process_left(pids: set[int], seconds: float = 15) -> None:
    deadline = time.monotonic() + seconds
    while _alive(pids) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not _alive(pids), f"processes left behind: {sorted(_alive(pids))}"


@pytest.fixture(scope="module")
def archive(tmp_path_factory) -> Path:
    from pipeline.reading.pdftext import render_page

    root = tmp_path_factory.mktemp("archive") / "in"
    root.mkdir()
    for name in ("cb_55", "csc_14", "ops_31", "panel_81"):
        shutil.copy(RENDERED / f"{name}__digital.pdf", root / f"{name}.pdf")
    shutil.copy(SEED, root / "seed.txt")
    render_page(str(RENDERED / "csc_16__scan300.pdf"), 0, 150).save(root / "csc_16_p1.png", dpi=(150, 150))
    return root


def test_sigterm_then_kill_9_then_resume_gives_the_uninterrupted_tables(archive: Path, tmp_path: Path) -> None:
    reference = minutes("run", str(archive), "--out", str(tmp_path / "ref"), "--no-progress")
    assert reference.returncode == 0, reference.stderr[-2000:]
    out = tmp_path / "out"
    args = ["run", str(archive), "--out", str(out), "--no-progress"]

    # SIGTERM: handled like Ctrl-C, what finished is kept, exit 143, no worker left
    proc, started, err = _interrupt(args, out / "minutes.sqlite", after=1, sig=signal.SIGTERM)
    assert proc.returncode == 143, err[-2000:]
    assert "Traceback" not in err and "SIGTERM" in err
    kept = _stored(out / "minutes.sqlite")
    assert 1 <= kept < 6 and len(csv_rows(out, "meetings")) == kept
    _no_process_left(started)

    # kill -9: every worker (and Tesseract under it) gone within 15 s, the lock released
    proc, started, err = _interrupt(args, out / "minutes.sqlite", after=kept + 1, sig=signal.SIGKILL)
    assert proc.returncode == -signal.SIGKILL
    _no_process_left(started)
    killed_at = _stored(out / "minutes.sqlite")
    assert killed_at < 6, "the run finished before it was killed"

    # the next run finishes the rest: nothing lost, nothing twice, the same bytes
    resumed = minutes(*args)
    assert resumed.returncode == 0, resumed.stderr[-2000:]
    assert f"{killed_at} unchanged" in resumed.stderr
    assert csv_bytes(out) == csv_bytes(tmp_path / "ref")
    assert not list(out.glob("*.tmp"))


def test_a_second_run_on_the_same_out_stops_naming_the_holder_or_waits(tmp_path: Path, capsys) -> None:
    out = tmp_path / "out"
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, time; from pathlib import Path; from pipeline.batch.lock import output_lock\n"
         "with output_lock(Path(sys.argv[1])):\n    print('held', flush=True); time.sleep(float(sys.argv[2]))", str(out), "3"],
        cwd=REPO, env=ENV, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        assert main(["run", str(SEED), "--out", str(out), "--no-progress"]) == 2
        err = capsys.readouterr().err
        assert f"process {holder.pid}" in err and "--wait" in err
        assert not (out / "minutes.sqlite").exists()  # it did no work
        started = time.monotonic()
        assert main(["run", str(SEED), "--out", str(out), "--no-progress", "--wait"]) == 0
        assert time.monotonic() - started > 1  # it waited for the holder
    finally:
        holder.kill()
        holder.wait()


# ------------------------------------------------------------------ full disk, damaged store and cache


def test_a_full_disk_while_writing_the_csvs_keeps_the_previous_ones(tmp_path: Path, monkeypatch, capsys) -> None:
    root, out = tmp_path / "in", tmp_path / "out"
    root.mkdir()
    shutil.copy(SEED, root / "a.txt")
    assert main(["run", str(root), "--out", str(out), "--no-progress"]) == 0
    before = csv_bytes(out)
    (root / "b.txt").write_text("The Panel AGREED that MP100 proceeds to the Report Phase.\n", encoding="utf-8")
    real, calls = export.write_csv, []

    def full_disk(df, path):
        calls.append(path)
        if len(calls) == 3:
            raise OSError(errno.ENOSPC, "No space left on device")
        real(df, path)

    monkeypatch.setattr(export, "write_csv", full_disk)
    assert main(["run", str(root), "--out", str(out), "--no-progress"]) == 1
    err = capsys.readouterr().err
    assert "No space left on device" in err and "previous CSVs are kept" in err and "Traceback" not in err
    assert csv_bytes(out) == before
    assert not list(out.glob("*.tmp"))
    monkeypatch.setattr(export, "write_csv", real)
    assert main(["run", str(root), "--out", str(out), "--no-progress"]) == 0  # b.txt was stored: the CSVs catch up
    assert "2 unchanged" in capsys.readouterr().err
    assert {Path(r["source_file"]).name for r in csv_rows(out, "meetings")} == {"a.txt", "b.txt"}


class _FullDisk:
    """A sqlite3 connection whose inserts fail as on a full disk (after ``ok`` of them)."""

    def __init__(self, con: sqlite3.Connection, ok: int) -> None:
        self._con, self._ok = con, ok

    def __getattr__(self, name):
        return getattr(self._con, name)

    def __enter__(self):
        return self._con.__enter__()

    def __exit__(self, *exc):
        return self._con.__exit__(*exc)

    def _check(self, sql: str) -> None:
        if sql.lstrip().upper().startswith("INSERT"):
            self._ok -= 1
            if self._ok < 0:
                raise sqlite3.OperationalError("database or disk is full")

    def execute(self, sql, *args):
        self._check(sql)
        return self._con.execute(sql, *args)

    def executemany(self, sql, *args):
        self._check(sql)
        return self._con.executemany(sql, *args)


def test_a_full_disk_while_writing_the_database_loses_nothing(tmp_path: Path, monkeypatch, capsys) -> None:
    from pipeline.store import database

    root, out = tmp_path / "in", tmp_path / "out"
    root.mkdir()
    shutil.copy(SEED, root / "a.txt")
    assert main(["run", str(root), "--out", str(out), "--no-progress"]) == 0
    before = csv_bytes(out)
    rows_before = {t: len(read_table(out / "minutes.sqlite", t)) for t in TABLES}
    shutil.copy(RENDERED / "cb_55__digital.pdf", root / "b.pdf")
    connect = sqlite3.connect
    monkeypatch.setattr(database.sqlite3, "connect",
                        lambda path, *a, **k: _FullDisk(connect(path, *a, **k), ok=2) if str(path).endswith("minutes.sqlite")
                        else connect(path, *a, **k))
    assert main(["run", str(root), "--out", str(out), "--no-progress"]) == 1
    err = capsys.readouterr().err
    assert "disk is full" in err and "Free some disk space" in err and "Traceback" not in err
    monkeypatch.setattr(database.sqlite3, "connect", connect)
    assert {t: len(read_table(out / "minutes.sqlite", t)) for t in TABLES} == rows_before  # b.pdf: all or nothing
    assert csv_bytes(out) == before
    assert main(["run", str(root), "--out", str(out), "--no-progress"]) == 0
    assert len(csv_rows(out, "meetings")) == 2


def test_a_database_that_is_not_sqlite_is_refused_and_kept(tmp_path: Path, capsys) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "minutes.sqlite").write_bytes(b"not a database, but someone's file" * 100)
    before = (out / "minutes.sqlite").read_bytes()
    assert main(["run", str(SEED), "--out", str(out), "--no-progress"]) == 2
    assert "another --out" in capsys.readouterr().err
    assert (out / "minutes.sqlite").read_bytes() == before


class _Payload:
    """What a tampered cache row might hold: a pickle that runs a command when loaded."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):
        return (os.system, (f"touch {self.marker}",))


def test_a_tampered_or_damaged_page_cache_runs_no_code_and_costs_only_time(tmp_path: Path, capsys, caplog) -> None:
    out = tmp_path / "out"
    pdf = tmp_path / "cb_55.pdf"
    shutil.copy(RENDERED / "cb_55__digital.pdf", pdf)
    assert main(["run", str(pdf), "--out", str(out), "--no-progress"]) == 0
    before = csv_bytes(out)
    marker = tmp_path / "pwned"
    cache = out / "cache" / "pages.sqlite"
    with sqlite3.connect(cache) as con:
        assert con.execute("UPDATE pages SET page = ?", (pickle.dumps(_Payload(marker)),)).rowcount == 3
    con.close()
    assert main(["run", str(pdf), "--out", str(out), "--no-progress", "--force"]) == 0
    assert not marker.exists()
    assert "3 page(s) (0 OCR'd)" in capsys.readouterr().err  # read again, not taken from the tampered rows
    assert csv_bytes(out) == before
    cache.write_bytes(b"\0garbage" * 1000)  # a damaged cache file: set aside with a warning
    for extra in ("cache/pages.sqlite-wal", "cache/pages.sqlite-shm"):
        (out / extra).unlink(missing_ok=True)
    assert main(["run", str(pdf), "--out", str(out), "--no-progress", "--force"]) == 0
    assert "page cache" in caplog.text + capsys.readouterr().err
    assert csv_bytes(out) == before
