"""Where page tasks run: one process pool here, or a Dask distributed cluster.

Both give the same thing to ``ingest.read_documents``: ``submit(fn, *args)`` returning a
future whose ``result()`` is the page (or raises the page's error). A page task carries a
file path, so on a cluster of several machines every worker must see the archive at the
same path (a shared or network file system) and have this package installed.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from typing import Any

from pipeline.errors import MissingDependencyError, UsageError
from pipeline.settings import Settings

Submit = Callable[..., Any]


def single_threaded_ocr() -> None:
    """Tesseract is fastest here with one OpenMP thread per page and pages side by side."""
    os.environ["OMP_THREAD_LIMIT"] = "1"


@contextmanager
def page_executor(settings: Settings, tasks: int) -> Iterator[Submit | None]:
    """A ``submit`` for ``tasks`` page tasks, or None to read them in this process."""
    if tasks == 0:
        yield None
    elif settings.executor == "dask":
        with _dask_client(settings) as client:
            yield lambda fn, *args: client.submit(fn, *args, pure=False)
    else:
        workers = min(settings.n_workers, tasks)
        if workers <= 1:
            yield None
            return
        pool = ProcessPoolExecutor(max_workers=workers, initializer=single_threaded_ocr)
        try:
            yield pool.submit
        finally:
            pool.shutdown(cancel_futures=True)


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
