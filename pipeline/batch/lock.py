"""One run per output folder: an exclusive ``flock`` on ``--out/.minutes.lock``.

A second ``minutes run`` on the same folder stops at once (exit 2) naming the process that
holds it, or waits for it with ``--wait``. The kernel drops the lock when its holder ends,
however it ends (``kill -9`` included), so a stale lock file never blocks a later run.
"""

from __future__ import annotations

import fcntl
import logging
import os
import socket
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from pipeline.batch.pool import close_in_workers, release_in_workers
from pipeline.errors import OutputError, OutputLockedError

log = logging.getLogger(__name__)

LOCK_NAME = ".minutes.lock"


@contextmanager
def output_lock(out_dir: Path, *, wait: bool = False) -> Iterator[None]:
    """Hold ``out_dir`` for this run; OutputLockedError when another run holds it (unless ``wait``)."""
    path = out_dir / LOCK_NAME
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as err:
        raise OutputError(f"cannot use the output folder {out_dir} ({err.strerror or err}); check it can be written") from err
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _holder(fd)
            if not wait:
                raise OutputLockedError(
                    f"{out_dir} is in use by another 'minutes run' ({holder}); wait for it to finish, give another "
                    "--out, or add --wait to start when it is done"
                ) from None
            log.warning("waiting for the other 'minutes run' on %s (%s) to finish", out_dir, holder)
            fcntl.flock(fd, fcntl.LOCK_EX)
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n{socket.gethostname()}\n{time.strftime('%Y-%m-%d %H:%M:%S')}\n".encode())
        close_in_workers(fd)  # a worker forked by this run must not keep the lock alive after it
        try:
            yield
        finally:
            release_in_workers(fd)
    finally:
        os.close(fd)


def _holder(fd: int) -> str:
    """Who holds the lock, as its holder wrote it: ``process 1234 on host, started 2025-01-31 10:00:00``."""
    try:
        pid, host, started = (os.pread(fd, 300, 0).decode("utf-8", errors="replace").splitlines() + ["", "", ""])[:3]
    except OSError:
        pid = host = started = ""
    if not pid:
        return "a process that is just starting"
    return f"process {pid}" + (f" on {host}" if host else "") + (f", started {started}" if started else "")
