"""Limits on reading one file or page: time per stage and pixels per image.

A damaged or hostile file must neither hang a run nor exhaust its memory. ``time_limit``
bounds one stage (opening a PDF, reading a page's text layer, rendering it) by the processor
time it uses, with ``ITIMER_PROF``/``SIGPROF`` in the main thread of a process: processor time,
not wall time, so a page's fate never depends on how busy the machine is, and a run killed and
resumed gives the same rows as one left alone. The stage's deadline on the wall clock (generous,
as a loaded machine stretches processor seconds) is announced through :func:`set_deadline_hook`,
so the batch's pool can end from outside a stage stuck where the alarm cannot reach it (in C
code, or waiting). ``check_pixels`` refuses an image before it is decoded or rendered.
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from pipeline.errors import PageTimeoutError, TooLargeError

DeadlineHook = Callable[[float], None]  # gets the wall-clock time a stage must end by, 0 when none
WALL_FACTOR = 4.0  # a stage's wall-clock deadline, in multiples of its processor-time limit
_hook: DeadlineHook | None = None


def set_deadline_hook(hook: DeadlineHook | None) -> None:
    """Tell ``hook`` when each stage must end (the pool's workers publish it to their parent)."""
    global _hook
    _hook = hook


def _publish(deadline: float) -> None:
    if _hook is not None:
        _hook(deadline)


@contextmanager
def time_limit(seconds: float, *, what: str) -> Iterator[None]:
    """Raise PageTimeoutError when the block uses more than ``seconds`` of processor time.

    The alarm works in a process's main thread (pool workers, ``minutes text``); elsewhere
    (a Dask worker's thread) only the announced deadline is kept.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def on_alarm(signum: int, frame: object) -> None:
        raise PageTimeoutError(
            f"{what} took longer than {seconds:g} s (--page-timeout): the file may be damaged; "
            "open it and save it again, or raise --page-timeout"
        )

    outer_handler = signal.signal(signal.SIGPROF, on_alarm)
    outer_left, _ = signal.setitimer(signal.ITIMER_PROF, seconds)
    started = time.process_time()
    _publish(time.time() + seconds * WALL_FACTOR)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, outer_handler)
        if outer_left > 0:  # an enclosing limit: give it back what it has left
            left = max(outer_left - (time.process_time() - started), 0.001)
            signal.setitimer(signal.ITIMER_PROF, left)
            _publish(time.time() + left * WALL_FACTOR)
        else:
            _publish(0.0)


def check_pixels(width: float, height: float, *, limit: int, what: str, hint: str = "") -> None:
    """Raise TooLargeError when a ``width`` x ``height`` image has more than ``limit`` pixels."""
    if width * height > limit:
        raise TooLargeError(
            f"{what} is {int(width)} x {int(height)} pixels ({width * height / 1e6:,.0f} million), more than the "
            f"{limit / 1e6:,.0f} million allowed (--max-pixels){hint or ': it is not a page scan, or the file is damaged'}"
        )
