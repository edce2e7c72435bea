"""Pages handed out in chunks: one open per run of pages, and still one outcome per page.

A chunk is a run of one file's pages read by one worker with the file opened once; each page
comes back on its own as soon as it is read, so a page that fails, crashes or hangs its worker
is one error row and the other pages of its chunk are extracted. Start-up imports nothing heavy.
"""

from __future__ import annotations

import ctypes
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pdfplumber
import pytest
from conftest import RENDERED, REPO

from pipeline.batch import pool, schedule
from pipeline.batch.pool import WorkerPool
from pipeline.errors import PageTimeoutError
from pipeline.reading import page as page_module
from pipeline.reading.sources import PageTask
from pipeline.settings import Settings

SIX_PAGES = RENDERED / "csc_15__digital.pdf"


def _tasks(path: Path, n: int) -> list[PageTask]:
    return [PageTask(str(path), "pdf", i) for i in range(n)]


def test_chunks_cover_every_page_in_order_shrink_to_single_pages_and_never_cross_files() -> None:
    runs = [[PageTask("a.pdf", "pdf", i) for i in range(300)], [PageTask("b.pdf", "pdf", i) for i in range(5)]]
    chunks = schedule.chunk_tasks(runs, workers=2)
    for run, file_chunks in zip(runs, chunks, strict=True):
        assert [t for c in file_chunks for t in c] == run
        assert all(len({t.path for t in c}) == 1 for c in file_chunks)
    sizes = [len(c) for fc in chunks for c in fc]
    assert sizes[0] == schedule.MAX_CHUNK and max(sizes) <= schedule.MAX_CHUNK
    assert sizes[-3:] == [1, 1, 1]
    assert sizes == sorted(sizes, reverse=True)  # the batch ends on short chunks, on every core
    assert schedule.chunk_tasks([[], runs[1]], workers=8) == [[], [[t] for t in runs[1]]]


def test_a_chunk_of_one_pdf_is_read_with_one_open_and_each_page_parsed_once(monkeypatch) -> None:
    opens: list[str] = []
    parses: list[int] = []
    real_open, real_parse = pdfplumber.open, pdfplumber.page.Page.parse_objects

    def counting_open(path, *a, **k):
        opens.append(str(path))
        return real_open(path, *a, **k)

    def counting_parse(self):
        parses.append(self.page_number)
        return real_parse(self)

    monkeypatch.setattr(pdfplumber, "open", counting_open)
    monkeypatch.setattr(pdfplumber.page.Page, "parse_objects", counting_parse)
    page_module._close_pdf()
    outcomes = schedule._run_chunk(_tasks(SIX_PAGES, 6), Settings())  # in this process: returned, not sent
    page_module._close_pdf()
    assert [ok for ok, _ in outcomes] == [True] * 6
    assert [p.number for _, p in outcomes] == [1, 2, 3, 4, 5, 6]
    assert opens == [str(SIX_PAGES)]
    assert sorted(parses) == [1, 2, 3, 4, 5, 6]  # the text-layer check, tables and layout share one parse


def _flaky_read_page(task, settings, engine=None):
    if task.index == 1:
        raise ValueError("this page is broken")
    if task.index == 3:
        ctypes.string_at(0)  # a crash in C: the worker dies
    return _real_read_page(task, settings, engine)


_real_read_page = schedule.read_page


def test_a_failing_or_crashing_page_in_a_chunk_is_one_error_and_the_rest_is_extracted(monkeypatch) -> None:
    monkeypatch.setattr(schedule, "CHUNK_SHARE", 1)  # one chunk of all six pages on the one worker
    monkeypatch.setattr(schedule, "read_page", _flaky_read_page)  # forked workers inherit it
    doc = schedule.read_document(SIX_PAGES, settings=Settings(workers=1))
    assert [p.number for p in doc.pages] == [1, 3, 5, 6]
    assert [(e.page, e.error_type) for e in doc.errors] == [(2, "InputError"), (4, "ReaderCrashError")]
    assert "this page is broken" in doc.errors[0].message and "SIGSEGV" in doc.errors[1].message


def _parts_then(n: int, pause: float, hang: bool) -> str:
    for i in range(n):
        time.sleep(pause)
        assert pool.send_part(i)
    if hang:
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
        time.sleep(60)
    return "done"


def test_parts_restart_the_clock_and_survive_a_hang() -> None:
    assert pool.send_part("x") is False  # not in a worker
    with WorkerPool(workers=2, task_budget=1.0, grace=0.5) as p:
        slow_but_moving = p.submit(_parts_then, 4, 0.8, False)  # 3.2 s in all, 0.8 s per part
        hung = p.submit(_parts_then, 2, 0.1, True)
        assert slow_but_moving.result() == "done" and slow_but_moving.parts == [0, 1, 2, 3]
        with pytest.raises(PageTimeoutError):
            hung.result()
        assert hung.parts == [0, 1]


_WARMED = False


def _warm() -> None:
    global _WARMED
    _WARMED = True


def _warmed() -> bool:
    return _WARMED


def _napping(seconds: float) -> int:
    time.sleep(seconds)
    return os.getpid()


def test_a_worker_warms_up_before_its_first_task_and_the_last_tasks_go_to_the_first_free_worker() -> None:
    with WorkerPool(workers=2, task_budget=30.0, grace=5.0, warm=_warm) as p:
        assert p.submit(_warmed).result() is True and _WARMED is False  # in the worker, not here
    with WorkerPool(workers=2, task_budget=30.0, grace=5.0) as p:
        long, short, *last = [p.submit(_napping, t) for t in (1.5, 0.1, 0.1, 0.1)]
        assert long.result() != short.result()
        # not queued behind the long task: the worker that finished first took both
        assert [t.result() for t in last] == [short.result(), short.result()]


def test_started_workers_are_forked_before_any_task_and_run_the_tasks() -> None:
    """``start()`` forks every worker at once (before a run's import thread takes the fork lock)."""
    with WorkerPool(workers=2, task_budget=30.0, grace=5.0) as p:
        p.start()
        pids = {w.process.pid for w in p._pool}
        assert len(pids) == 2 and all(w.process.is_alive() for w in p._pool)
        with pool.fork_lock:  # held, as while spaCy loads: no fork is needed to run tasks now
            tasks = [p.submit(os.getpid) for _ in range(4)]
            assert {t.result() for t in tasks} <= pids
        assert {w.process.pid for w in p._pool} == pids



def test_importing_the_cli_imports_nothing_heavy() -> None:
    heavy = ("spacy", "pandas", "cv2", "pdfplumber", "pdfminer", "pytesseract", "dask", "numpy", "rapidfuzz")
    code = f"import sys, pipeline.cli; print(' '.join(m for m in {heavy!r} if m in sys.modules))"
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=REPO, check=True)
    assert out.stdout.split() == []


def test_a_warmed_worker_has_pytesseract_without_pandas_and_opencv_on_one_thread() -> None:
    """The warm-up imports pytesseract with pandas hidden (0.4 s a worker) and leaves pandas
    importable afterwards; OCR through it still works (dictionary output)."""
    code = (
        "import sys\n"
        "from pipeline.batch.executors import _warm_reader\n"
        "_warm_reader()\n"
        "import cv2, pytesseract\n"
        "print('pandas' in sys.modules, pytesseract.pytesseract.pandas_installed, cv2.getNumThreads())\n"
        "import pandas\n"
        "print(pandas.DataFrame({'a': [1]}).shape)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=REPO, check=True)
    assert out.stdout.split("\n")[:2] == ["False False 1", "(1, 1)"]


def test_workers_forked_after_this_process_ran_opencv_in_threads_still_run_pages() -> None:
    """A process that has run OpenCV on its thread pool (the test session, a notebook) then
    starts page workers: they warm up and read a scan (changing the inherited pool's size in
    a forked child deadlocked)."""
    code = (
        "import cv2, numpy, os\n"
        "cv2.medianBlur(numpy.zeros((2000, 2000), numpy.uint8), 31)  # OpenCV's threads started here\n"
        "from pipeline.batch.executors import page_executor\n"
        "from pipeline.settings import Settings\n"
        "with page_executor(Settings(workers=2), start=True) as submit:\n"
        "    pids = {submit(os.getpid).result() for _ in range(4)}\n"
        "    print(bool(pids) and os.getpid() not in pids, cv2.getNumThreads())  # read by workers, not here\n"
    )
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=REPO,
                         check=True, timeout=120)
    assert out.stdout.split() == ["True", "1"]


def test_the_tesseract_version_read_directly_is_pytesseracts() -> None:
    import shutil

    import pytesseract

    from pipeline.batch.fingerprint import tesseract_version

    if shutil.which("tesseract") is None:
        assert tesseract_version() == "none"
    else:
        assert tesseract_version() == str(pytesseract.get_tesseract_version())


def test_a_run_keeps_lines_not_words_and_extracts_the_same() -> None:
    import contextlib

    from pipeline import nlp
    from pipeline.reading.sources import InputFile

    item = InputFile(SIX_PAGES, str(SIX_PAGES))
    read = []
    for keep in (True, False):
        with contextlib.closing(schedule.read_documents([item], settings=Settings(workers=2), keep_words=keep)) as docs:
            read.append(next(docs))
    full, compact = read
    assert [p.text for p in compact.pages] == [p.text for p in full.pages]
    assert [[ln.text for ln in p.removed] for p in compact.pages] == [[ln.text for ln in p.removed] for p in full.pages]
    assert [[ln.bbox for ln in p.lines] for p in compact.pages] == [[ln.bbox for ln in p.lines] for p in full.pages]
    assert all(len(ln.words) == 1 for p in compact.pages for ln in p.lines)
    assert sum(len(ln.words) for p in full.pages for ln in p.lines) > 3 * sum(len(p.lines) for p in full.pages)
    assert nlp.records_for(compact, meeting_id_fallback="x") == nlp.records_for(full, meeting_id_fallback="x")
