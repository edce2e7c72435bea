"""Where page tasks run: a pool of worker processes here, or a Dask distributed cluster.

Both give the same thing to ``schedule.read_documents``: ``submit(fn, *args)`` returning a
future whose ``result()`` is the page (or raises the page's error). Here the pool is
``pool.WorkerPool``: a page that crashes or hangs its worker fails alone, workers are capped in
memory (``--max-memory``) and die with the run. A page task carries a file path, so on a
cluster of several machines every worker must see the archive at the same path (a shared or
network file system) and have this package installed.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from pipeline.batch.pool import WorkerPool
from pipeline.errors import MissingDependencyError, UsageError
from pipeline.settings import Settings

Submit = Callable[..., Any]


def single_threaded_ocr() -> None:
    """Tesseract is fastest here with one OpenMP thread per page and pages side by side; so is
    OpenCV. An OpenCV this process has loaded already is set to one thread here, before the
    workers are forked: a forked child must not touch the thread pool it inherited (changing
    its size there deadlocks)."""
    os.environ["OMP_THREAD_LIMIT"] = "1"
    if "cv2" in sys.modules:
        sys.modules["cv2"].setNumThreads(1)


# a page's OCR passes (up to four Tesseract runs, each under --page-timeout) and preprocessing
# run outside any one timed stage; a worker busy that long on one task is stuck, and is ended
TASK_BUDGET_STAGES = 6
TASK_BUDGET_FLOOR = 30.0  # seconds: what decoding and preprocessing a page may take on a busy machine


def _warm_reader() -> None:
    """A page worker's imports, done as it starts rather than on its first page; an OpenCV it
    loads itself runs on one thread (pages run one per core already: its threads would only
    contend with the other workers' Tesseract)."""
    fresh = "cv2" not in sys.modules  # else set before the fork (single_threaded_ocr)
    import cv2

    import pipeline.reading.page  # noqa: F401

    if fresh:
        cv2.setNumThreads(1)
    _import_pytesseract()


def _import_pytesseract() -> None:
    """pytesseract imported without pandas, which it loads when installed for a DataFrame output
    never asked for here: 0.4 s of a worker's CPU before its first page's OCR could start."""
    if "pytesseract" in sys.modules or "pandas" in sys.modules:
        return
    sys.modules["pandas"] = None  # "import pandas" fails inside pytesseract's own try
    try:
        import pytesseract  # noqa: F401
    finally:
        del sys.modules["pandas"]


@contextmanager
def page_executor(settings: Settings, *, start: bool = False) -> Iterator[Submit]:
    """A ``submit`` for page tasks: on a Dask cluster, or on worker processes started as needed
    (with ``start``, all of them at once)."""
    if settings.executor == "dask":
        with _dask_client(settings) as client:
            yield lambda fn, *args: client.submit(fn, *args, pure=False)
        return
    single_threaded_ocr()  # inherited by the forked workers
    pool = WorkerPool(
        workers=settings.n_workers,
        task_budget=max(TASK_BUDGET_FLOOR, settings.page_timeout * TASK_BUDGET_STAGES),
        grace=max(10.0, settings.page_timeout / 4),
        memory_mb=settings.max_memory_mb,
        warm=_warm_reader,
    )
    with pool:
        if start:
            pool.start()
        yield pool.submit


@contextmanager
def _dask_client(settings: Settings):
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError as err:
        raise MissingDependencyError(
            "--executor dask needs Dask distributed; install it with: pip install 'dask[distributed]'"
        ) from err
    if not logging.getLogger("pipeline").isEnabledFor(logging.INFO):  # quiet unless --verbose
        logging.getLogger("distributed").setLevel(logging.WARNING)
    if settings.scheduler:
        try:
            client = Client(settings.scheduler, timeout=30)
        except OSError as err:
            raise UsageError(
                f"cannot reach the Dask scheduler at {settings.scheduler} ({err}); start one with "
                "'dask scheduler' and workers with 'dask worker ADDRESS --nthreads 1'"
            ) from err
        with client:
            yield client
        return
    cluster = LocalCluster(
        n_workers=settings.n_workers, threads_per_worker=1, processes=True, dashboard_address=None,
        scheduler_kwargs={"dashboard": False},
    )
    with cluster, Client(cluster) as client:
        yield client
