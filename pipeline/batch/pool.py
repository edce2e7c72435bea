"""A pool of page workers that no page can break, and that never outlives its run.

Each worker is a forked process that runs one task at a time. A task that kills its worker (a
crash in a PDF or image library, the memory cap) or overruns its deadline fails alone: the
worker is ended, with anything it started (Tesseract), and replaced; the other tasks go on.

- **Deadlines.** A worker announces when its current stage must end (``reading.limits``); the
  stage's own alarm normally ends it in time, and the pool kills a worker that is still busy
  ``grace`` seconds later (a stage stuck in C code). Outside a stage a task may take
  ``task_budget`` seconds (OCR passes have their own Tesseract time limit).
- **Runs of pages.** A task may send its result in parts (``send_part``): a chunk of pages
  sends each page as it is read, and each part restarts the task's clock, so every page of a
  chunk has the time one page task has; when the worker crashes or overruns, the parts already
  received are kept (``Task.parts``) and only the page in progress fails.
- **Memory.** ``RLIMIT_AS`` caps what a worker may add to its address space.
- **Dying with the parent.** Each worker leads its own process group (so its Tesseract
  children can be ended with it), asks the kernel for SIGTERM when its parent dies
  (``prctl(PR_SET_PDEATHSIG)``), and runs a watchdog thread that notices a new parent; either
  way it ends its group at once, so ``kill -9`` of a run leaves no process behind.

The pool is driven from the caller's thread (``result()`` waits for one task while dispatching
others): there is no manager thread.
"""

from __future__ import annotations

import contextlib
import ctypes
import faulthandler
import logging
import multiprocessing as mp
import os
import pickle
import resource
import signal
import threading
import time
from collections import deque
from collections.abc import Callable
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any

from pipeline.errors import InputError, LimitError, MinutesError, PageTimeoutError, ReaderCrashError
from pipeline.reading import limits

log = logging.getLogger(__name__)

PR_SET_PDEATHSIG = 1
WATCHDOG_SECONDS = 0.5
_inherited_fds: set[int] = set()  # descriptors a worker must not keep (the output lock)
_serving: tuple[int, Connection, Any] | None = None  # in a worker: its pid, pipe to the parent and clock
# Held by a thread that imports modules while the pool runs (``run.get_ready``): a worker forked
# meanwhile would inherit the lock of a half-imported module and hang on its first import of it.
fork_lock = threading.Lock()


def close_in_workers(fd: int) -> None:
    """Have workers started from now on close ``fd`` (e.g. the run's lock on its output folder)."""
    _inherited_fds.add(fd)


def release_in_workers(fd: int) -> None:
    _inherited_fds.discard(fd)


class Task:
    """A submitted call; ``result()`` waits for it like a ``concurrent.futures.Future``."""

    def __init__(self, pool: WorkerPool, fn: Callable[..., Any], args: tuple) -> None:
        self._pool = pool
        self.fn, self.args = fn, args
        self._done = False
        self.parts: list[Any] = []  # what the task sent before its result (``send_part``), in order
        self._value: Any = None
        self._error: BaseException | None = None

    def done(self) -> bool:
        return self._done

    def _finish(self, value: Any = None, error: BaseException | None = None) -> None:
        self._done, self._value, self._error = True, value, error

    def result(self) -> Any:
        self._pool.wait_for(self)
        if self._error is not None:
            raise self._error
        return self._value


class _Worker:
    def __init__(self, ctx: Any, *, memory_mb: int, warm: Callable[[], None] | None = None) -> None:
        self.conn, child = ctx.Pipe()
        # shared with the worker: when its current task began and when its current stage must end
        self.clock = ctx.RawArray("d", 2)
        self.process = ctx.Process(target=_worker_main, args=(child, self.clock, os.getpid(), memory_mb, warm),
                                   daemon=True)
        with fork_lock:
            self.process.start()
        child.close()
        self.tasks: deque[Task] = deque()  # sent, in the order the worker runs them

    def kill(self) -> None:
        """End the worker and everything it started (its process group)."""
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self.process.pid, signal.SIGKILL)
        with contextlib.suppress(ProcessLookupError):
            self.process.kill()
        self.process.join(5)
        self.conn.close()


class WorkerPool:
    """Up to ``workers`` forked worker processes, started as tasks need them.

    Each worker holds up to ``depth`` tasks, so it has the next one at hand while the caller is
    busy elsewhere (extracting a document) and not collecting results.
    """

    depth = 2

    def __init__(self, *, workers: int, task_budget: float, grace: float, memory_mb: int = 0,
                 warm: Callable[[], None] | None = None) -> None:
        """``warm``: what a new worker runs before its first task (imports), while the caller
        is still handing tasks out."""
        self.workers = max(1, workers)
        self.warm = warm
        self.task_budget = task_budget
        self.grace = grace
        self.memory_mb = memory_mb
        self._ctx = mp.get_context("fork")
        self._queue: deque[Task] = deque()
        self._pool: list[_Worker] = []
        self.crashes = 0
        self.timeouts = 0

    # -------------------------------------------------------------- the caller's side

    def submit(self, fn: Callable[..., Any], *args: Any) -> Task:
        task = Task(self, fn, args)
        self._queue.append(task)
        self._dispatch()
        return task

    def start(self) -> None:
        """Fork every worker now rather than as tasks come: before a thread imports what the run
        needs next (``fork_lock``), so the imports and the first pages' reading overlap."""
        while len(self._pool) < self.workers:
            self._pool.append(_Worker(self._ctx, memory_mb=self.memory_mb, warm=self.warm))

    def wait_for(self, task: Task) -> None:
        while not task.done():
            self._dispatch()
            self._step()

    def close(self) -> None:
        """Stop every worker (busy ones are killed, with whatever they started)."""
        stopped = [*self._queue, *(t for w in self._pool for t in w.tasks)]
        self._queue.clear()
        for worker in self._pool:
            if not worker.tasks:
                with contextlib.suppress(OSError):
                    worker.conn.send(None)
            worker.kill()
        self._pool.clear()
        for task in stopped:
            task._finish(error=InputError("the run stopped before this was read"))

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -------------------------------------------------------------- dispatching

    def _dispatch(self) -> None:
        while self._queue:
            worker = min(self._pool, key=lambda w: len(w.tasks), default=None)
            if worker is None or (worker.tasks and len(self._pool) < self.workers):
                worker = _Worker(self._ctx, memory_mb=self.memory_mb, warm=self.warm)
                self._pool.append(worker)
            elif len(worker.tasks) >= self.depth:
                return
            elif worker.tasks and len(self._queue) <= len(self._pool):
                # the last tasks wait here rather than behind a busy worker's current one: the
                # first worker to be free takes each (no core idles while another holds a queue)
                return
            task = self._queue.popleft()
            try:
                worker.conn.send((task.fn, task.args))
            except (OSError, ValueError):  # the worker died while waiting: its tasks go back, it goes
                self._queue.appendleft(task)
                self._retire(worker)
                continue
            except Exception as err:  # arguments that cannot be sent
                task._finish(error=err)
                continue
            worker.tasks.append(task)

    def _retire(self, worker: _Worker) -> None:
        self._pool.remove(worker)
        self._queue.extendleft(reversed(worker.tasks))
        worker.tasks.clear()
        worker.kill()

    def _limit(self, worker: _Worker) -> float:
        began, stage = worker.clock
        if not began:  # not started yet (or just finished): give it the time of a task from now
            began = time.time()
        return (stage if stage else began + self.task_budget) + self.grace

    def _step(self) -> None:
        """Wait until a busy worker answers, dies or overruns, and deal with it."""
        busy = [w for w in self._pool if w.tasks]
        if not busy:
            return
        timeout = min(max(min(self._limit(w) for w in busy) - time.time(), 0.0), 1.0)
        ready = set(wait([w.conn for w in busy] + [w.process.sentinel for w in busy], timeout))
        for worker in busy:
            if worker.conn in ready or worker.process.sentinel in ready:
                self._collect(worker)
            elif time.time() > self._limit(worker):
                self._fail(worker, self._overrun_error(worker))

    def _collect(self, worker: _Worker) -> None:
        try:
            while worker.tasks and worker.conn.poll():
                ok, value = worker.conn.recv()
                if ok is None:  # one part of the current task's result
                    worker.tasks[0].parts.append(value)
                    continue
                task = worker.tasks.popleft()
                if ok:
                    task._finish(value=value)
                else:
                    task._finish(error=value)
            if worker.process.is_alive():
                return
        except (EOFError, OSError):
            pass
        except Exception as err:  # an answer that cannot be unpickled
            self._fail(worker, ReaderCrashError(f"the reader's answer was unreadable ({type(err).__name__}: {err})"))
            return
        if worker.tasks:
            worker.process.join(1)
            self._fail(worker, _crash_error(worker.process.exitcode))
        else:
            self._retire(worker)

    def _fail(self, worker: _Worker, error: BaseException) -> None:
        """The worker's current task fails with ``error``; the worker is replaced, its other tasks requeued."""
        task = worker.tasks.popleft()
        self._retire(worker)
        task._finish(error=error)
        if isinstance(error, PageTimeoutError):
            self.timeouts += 1
        else:
            self.crashes += 1
        log.info("worker %s replaced: %s", worker.process.pid, error)

    def _overrun_error(self, worker: _Worker) -> LimitError:
        began = worker.clock[0] or time.time()
        return PageTimeoutError(
            f"reading stopped after {time.time() - began:.0f} s: a stage overran its time limit (--page-timeout) and "
            "did not stop; the file may be damaged: open it and save it again, or raise --page-timeout"
        )


def _crash_error(exitcode: int | None) -> ReaderCrashError:
    if exitcode is not None and exitcode < 0:
        try:
            name = signal.Signals(-exitcode).name
        except ValueError:
            name = f"signal {-exitcode}"
        why = {
            "SIGSEGV": "a crash in the PDF or image library",
            "SIGBUS": "a crash in the PDF or image library",
            "SIGABRT": "the reader gave up, often for lack of memory (--max-memory)",
            "SIGKILL": "the reader was killed, often for lack of memory",
        }.get(name, "the reader was stopped")
        return ReaderCrashError(f"reading this page killed the reader ({name}: {why}); the file may be damaged: "
                                "open it and save it again")
    return ReaderCrashError(f"the reader stopped unexpectedly on this page (exit status {exitcode}); "
                            "the file may be damaged: open it and save it again")


# ------------------------------------------------------------------ the worker's side


def send_part(value: Any) -> bool:
    """In a pool worker: send ``value`` to the parent now, as one part of the current task's
    result (it lands in ``Task.parts``), and restart the task's clock. False elsewhere (in the
    parent, on a Dask worker): the caller returns what it has instead."""
    if _serving is None or _serving[0] != os.getpid():
        return False
    _, conn, clock = _serving
    try:
        conn.send((None, value))
    except Exception as err:  # what it carries cannot be pickled: a plain error in its place
        if not (isinstance(value, tuple) and len(value) == 2 and isinstance(value[1], BaseException)):
            raise
        conn.send((None, (value[0], _plain(value[1], err))))
    clock[0], clock[1] = time.time(), 0.0
    return True


def end_children() -> None:
    """In a pool worker: end what a failed call left running (a Tesseract); nothing elsewhere."""
    if _serving is not None and _serving[0] == os.getpid():
        _end_children()


def _worker_main(conn: Connection, clock: Any, parent: int, memory_mb: int,
                 warm: Callable[[], None] | None = None) -> None:
    code = 1
    try:
        _serve(conn, clock, parent, memory_mb, warm)
        code = 0
    except BaseException:  # noqa: BLE001 - never a traceback on the run's stderr: the parent reports the loss
        log.debug("worker failed", exc_info=True)
    finally:
        os._exit(code)


def _serve(conn: Connection, clock: Any, parent: int, memory_mb: int, warm: Callable[[], None] | None = None) -> None:
    _die_with_parent(parent)
    if not log.isEnabledFor(logging.DEBUG):  # a crash is reported by the parent, in one line (--debug: the dump too)
        faulthandler.disable()
    for fd in _inherited_fds:
        with contextlib.suppress(OSError):
            os.close(fd)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole terminal group: the parent decides
    if memory_mb:
        _cap_memory(memory_mb)
    limits.set_deadline_hook(lambda when: clock.__setitem__(1, when))
    global _serving
    _serving = (os.getpid(), conn, clock)
    if warm is not None:
        with contextlib.suppress(Exception):  # a failure here is met again, and reported, by the task itself
            warm()
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return
        if message is None:
            return
        fn, args = message
        clock[0], clock[1] = time.time(), 0.0
        try:
            reply = (True, fn(*args))
        except BaseException as err:  # noqa: BLE001 - every failure goes back to the parent as the task's result
            reply = (False, err)
            _end_children()  # e.g. a Tesseract left running by an interrupted call
        clock[0], clock[1] = 0.0, 0.0
        try:
            conn.send(reply)
        except Exception as err:  # an error that cannot be pickled (what it carries, not what it says)
            conn.send((False, _plain(reply[1], err)))


def _plain(error: BaseException, why: Exception) -> BaseException:
    """The project's error rebuilt from its type and message alone; any other a ReaderCrashError."""
    if isinstance(error, MinutesError):
        try:
            rebuilt = type(error)(str(error))
            pickle.dumps(rebuilt)
            return rebuilt
        except Exception:  # a subclass with another signature: say what it was instead
            pass
    return ReaderCrashError(f"{type(error).__name__}: {str(error)[:200]} ({type(why).__name__})")


def _die_with_parent(parent: int) -> None:
    """End this worker's process group as soon as ``parent`` is gone, however it went."""
    with contextlib.suppress(OSError):
        os.setpgid(0, 0)  # Tesseract and any other child share the worker's group, and die with it
    signal.signal(signal.SIGTERM, lambda *_: _end_group())
    with contextlib.suppress(Exception):  # Linux only; the watchdog covers the rest
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0)
    if os.getppid() != parent:  # the parent died before prctl took effect
        _end_group()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(WATCHDOG_SECONDS)
        _end_group()

    threading.Thread(target=watch, name="parent-watchdog", daemon=True).start()


def _end_group() -> None:
    with contextlib.suppress(OSError):
        os.killpg(os.getpid(), signal.SIGKILL)
    os._exit(1)


def _end_children() -> None:
    me = os.getpid()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            ppid = int(stat.read_text().rsplit(")", 1)[1].split()[1])
            if ppid == me:
                os.kill(int(stat.parent.name), signal.SIGKILL)
        except (OSError, ValueError, IndexError):
            continue


def _cap_memory(memory_mb: int) -> None:
    """Let the worker's address space grow by ``memory_mb`` beyond what it holds at start."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[0])
        now = pages * os.sysconf("SC_PAGE_SIZE")
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        want = now + memory_mb * 2**20
        if hard != resource.RLIM_INFINITY:
            want = min(want, hard)
        resource.setrlimit(resource.RLIMIT_AS, (want, hard))
    except (OSError, ValueError) as err:
        log.debug("memory cap not set: %s", err)
