"""The batch's reading loop: page tasks of every file on one shared pool, with the page cache.

Every page is one ``PageTask``; they are handed out in chunks, runs of one file's pages that a
worker reads with the file opened once (``page._open_pdf``). Chunks get smaller towards the end
of the batch (at most ``MAX_CHUNK`` pages, about a ``CHUNK_SHARE`` of what remains per worker),
so the last pages are spread over every core; chunks from all files share one pool, so a batch
keeps every core busy with one single-threaded Tesseract each. A worker sends each page of its
chunk back as soon as it is read: a page that fails is its own error, and a page that crashes
or hangs the worker fails alone (the rest of its chunk is handed out again). Nothing read from an input is parsed
in this process: what a file is and holds (``sources.open_source``) and each of its pages
(``page.read_page``) are tasks on the pool, whose workers are limited in time and memory and
whose crashes take only their own task down. Pages the cache holds are not read again; a page
that fails becomes a ``PageError`` on its document, and a file that cannot be opened a Document
with no pages and one error. Nothing is dropped, and no failure stops the batch.
"""

from __future__ import annotations

import contextlib
import logging
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from pipeline.batch import pool
from pipeline.batch.cache import PageCache
from pipeline.batch.executors import Submit, page_executor, single_threaded_ocr
from pipeline.errors import InputError, LimitError, MinutesError
from pipeline.reading.document import Block, Document, Line, Page, PageError, Word
from pipeline.reading.sources import (
    InputFile,
    PageTask,
    Source,
    open_source,
    sha256_of,
    short_error,
    unwrap,
)
from pipeline.settings import Settings

if TYPE_CHECKING:
    from pipeline.reading import ocr

log = logging.getLogger(__name__)

T = TypeVar("T")


def guarded(read: Callable[[], T], *, settings: Settings) -> T:
    """``read()`` with every failure turned into a MinutesError of one clear line."""
    try:
        return read()
    except Exception as err:
        raise _as_minutes_error(unwrap(err), settings) from None


def _as_minutes_error(err: BaseException, settings: Settings) -> MinutesError:
    if isinstance(err, MinutesError):  # ours, perhaps raised inside a library that wrapped it
        return err
    if isinstance(err, MemoryError):
        return LimitError(
            f"reading this needed more memory than a worker may take ({settings.max_memory_mb} MB, --max-memory); "
            "the file may be damaged, or raise --max-memory"
        )
    if isinstance(err, RecursionError):
        return InputError("the file is damaged: its structure nests too deeply to be read")
    log.debug("reading failed", exc_info=err)  # any library's failure on a damaged file is this file's error
    return InputError(f"the file is damaged or uses a feature the reader does not support ({short_error(err)})")


def read_page(task: PageTask, settings: Settings, engine: ocr.OcrEngine | None = None) -> Page:
    """``page.read_page``, imported where pages are read (a worker), not where the batch starts."""
    from pipeline.reading.page import read_page as read

    return read(task, settings, engine)


def _open_task(path: str, settings: Settings) -> Source:
    single_threaded_ocr()  # also on Dask workers, which no pool initializer reaches
    return guarded(lambda: open_source(Path(path), settings=settings), settings=settings)


Outcome = tuple[bool, Any]  # (True, Page) or (False, the page's error)


def _run_chunk(tasks: list[PageTask], settings: Settings) -> list[Outcome]:
    """Read a run of pages one after another; each page's outcome is sent back as soon as it is
    read (``pool.send_part``) on a pool worker, or returned with the others elsewhere (Dask)."""
    single_threaded_ocr()
    kept: list[Outcome] = []
    for task in tasks:
        try:
            outcome: Outcome = (True, guarded(lambda task=task: read_page(task, settings), settings=settings))
        except Exception as err:  # one page's error; the chunk goes on
            pool.end_children()
            outcome = (False, err)
        if not pool.send_part(outcome):
            kept.append(outcome)
    return kept


# pages one worker is handed at once (each still comes back as soon as it is read): two chunks
# of read pages fit in the pipe's buffer, so a worker never waits on a parent busy elsewhere
# (loading spaCy, extracting a document) to take its pages
MAX_CHUNK = 4
CHUNK_SHARE = 4  # a chunk is at most 1/(CHUNK_SHARE * workers) of the pages still to hand out


def chunk_tasks(runs: list[list[PageTask]], workers: int) -> list[list[list[PageTask]]]:
    """Each file's pages to read (``runs``, in hand-out order) cut into chunks: at most
    ``MAX_CHUNK`` pages, never more than a ``1/(CHUNK_SHARE*workers)`` share of all the pages
    left to hand out, never across files. Early chunks are long (one open per run of pages);
    the last ones are single pages, so no core idles while another still holds a queue."""
    left = sum(len(r) for r in runs)
    out: list[list[list[PageTask]]] = []
    for run in runs:
        chunks, i = [], 0
        while i < len(run):
            size = max(1, min(MAX_CHUNK, -(-left // (CHUNK_SHARE * max(1, workers)))))
            chunks.append(run[i : i + size])
            i += len(chunks[-1])
            left -= len(chunks[-1])
        out.append(chunks)
    return out


@dataclass
class _Planned:
    item: InputFile
    doc: Document
    tasks: list[PageTask] = field(default_factory=list)
    opening: Any = None  # the open task's future


def _error(err: BaseException, page: int | None = None) -> PageError:
    if isinstance(err, MinutesError):
        return PageError(page, err.stage, type(err).__name__, str(err))
    if isinstance(err, OSError):
        return PageError(page, "ingest", type(err).__name__, f"{err.strerror or err}; check the file can be read")
    return PageError(page, "ingest", type(err).__name__, f"could not be read ({short_error(err)})")


def _plan(items: list[InputFile], *, settings: Settings, submit: Submit | None) -> list[_Planned]:
    """What every file is and holds, found on the pool (a damaged file may hang or crash its reader)."""
    planned = [_Planned(item, Document(source_file=item.source_file, sha256="")) for item in items]
    for p in planned:
        try:
            p.doc.sha256 = p.item.sha256 or sha256_of(p.item.path)
            if submit is not None:
                p.opening = submit(_open_task, str(p.item.path), settings)
        except (MinutesError, OSError) as err:
            p.doc.errors.append(_error(err))
    for p in planned:
        if p.doc.errors:
            continue
        try:
            if p.opening is not None:
                source = p.opening.result()
            else:
                source = guarded(partial(open_source, p.item.path, settings=settings), settings=settings)
        except Exception as err:  # MinutesError from the reader, or an executor's own failure
            p.doc.errors.append(_error(err))
            continue
        p.doc.pages, p.tasks = list(source.pages), list(source.tasks)
        if source.problem is not None:
            p.doc.errors.append(_error(source.problem))
    return planned


def read_documents(
    items: list[InputFile],
    *,
    settings: Settings,
    engine: ocr.OcrEngine | None = None,
    cache: PageCache | None = None,
    on_plan: Callable[[int], None] | None = None,
    on_page: Callable[[InputFile, Page | None, bool], None] | None = None,
    on_started: Callable[[], None] | None = None,
    keep_words: bool = True,
) -> Iterator[Document]:
    """Read files page by page on a shared pool; yields Documents in input order.

    Pages found in ``cache`` are not read again; pages read are put in it. ``on_plan`` is
    told how many pages there are in all, ``on_page`` of each page as it is done (and whether
    it came from the cache), ``on_started`` once every worker is started and before
    anything is handed out (the caller's moment to get ready for what follows while the workers
    read). With an ``engine`` (a test double) everything is read in this process. Every file
    ends with pages, errors, or both. Without ``keep_words`` each line of a page keeps its text,
    box and confidence as one word (``compact``): all a run needs once the page is in the cache,
    at a tenth of the memory of a long document's words.
    """
    executor = contextlib.nullcontext(None) if engine is not None else page_executor(settings, start=True)
    with executor as submit:
        if on_started:
            on_started()
        planned = _plan(items, settings=settings, submit=submit)
        # which pages the cache holds; each is loaded only when its document's turn comes
        cached = cache.keys({p.doc.sha256 for p in planned}) if cache is not None else set()
        pages = sum(len(p.tasks) + len(p.doc.pages) for p in planned)
        if on_plan:
            on_plan(pages)
        chunks = chunk_tasks(
            [[t for t in p.tasks if (p.doc.sha256, t.index) not in cached] if submit else [] for p in planned],
            settings.n_workers,
        )
        futures = [[(c, submit(_run_chunk, c, settings)) for c in file_chunks] for file_chunks in chunks]
        for p, futs in zip(planned, futures, strict=True):
            outcomes = _outcomes(futs, submit, settings)
            yield _collect(p, outcomes, settings=settings, engine=engine, cache=cache, cached=cached, on_page=on_page,
                           keep_words=keep_words)


def _outcomes(futures: list[tuple[list[PageTask], Any]], submit: Submit | None,
              settings: Settings) -> Iterator[tuple[PageTask, Outcome]]:
    """Each page of a file's chunks with its outcome, in page order, as the chunks come back.

    A chunk whose worker crashed or overran (the pool gives the pages it sent before, in
    ``parts``) fails on the page in progress only: the pages after it are handed out again.
    Without parts (a Dask worker lost), every page of the chunk is tried again on its own.
    """
    pending = deque(futures)
    while pending:
        chunk, fut = pending.popleft()
        try:
            value = fut.result()  # first: the parts are in once the whole is
            got = [*getattr(fut, "parts", ()), *value]
        except Exception as err:  # the executor's failure: a crash, a timeout, the run stopping
            got = list(getattr(fut, "parts", ()))
            if not hasattr(fut, "parts") and len(chunk) > 1:  # which page failed is not known
                pending.extendleft(reversed([([t], submit(_run_chunk, [t], settings)) for t in chunk]))
                continue
            if len(got) < len(chunk):
                got.append((False, err))  # the page in progress
            if chunk[len(got):]:
                pending.appendleft((chunk[len(got):], submit(_run_chunk, chunk[len(got):], settings)))
        yield from zip(chunk[: len(got)], got, strict=True)


def _collect(p: _Planned, outcomes: Iterator[tuple[PageTask, Outcome]], *, settings: Settings,
             engine: ocr.OcrEngine | None, cache: PageCache | None, keep_words: bool, cached: set[tuple[str, int]], on_page: Callable[[InputFile, Page | None, bool], None] | None) -> Document:
    """One document's pages as they come back from the pool (or the cache)."""
    item, doc = p.item, p.doc
    for page in doc.pages:  # text files: already read
        if on_page:
            on_page(item, page, False)
    read = iter(outcomes)
    for task in p.tasks:
        cached_here = cache is not None and (doc.sha256, task.index) in cached
        hit = cache.get(doc.sha256, task.index) if cached_here else None
        page = hit
        try:
            if page is None:  # not cached (or unreadable there): a worker's reading, or read now
                if cached_here or engine is not None:
                    page = guarded(partial(read_page, task, settings, engine), settings=settings)
                else:
                    _, (ok, value) = next(read)
                    if not ok:
                        raise value
                    page = value
                if cache is not None:
                    cache.put(doc.sha256, task.index, page)
            doc.pages.append(page if keep_words else compact(page))
        except Exception as err:  # one bad page never stops the batch
            log.debug("page %s of %s failed", task.number, item.source_file, exc_info=True)
            doc.errors.append(_error(err, task.number))
            page = None
        if on_page:
            on_page(item, page, hit is not None)
    if not doc.pages and not doc.errors:
        doc.errors.append(PageError(None, "ingest", "InputError", "nothing could be read from this file"))
    from pipeline.reading import layout

    layout.remove_repeated_furniture(doc)
    return doc


def compact(page: Page) -> Page:
    """The page with each line's words merged into one word: the line's text, box and confidence
    stay as they were (and so do the page's text, its furniture and what NLP reads)."""

    def line(ln: Line) -> Line:
        if len(ln.words) <= 1:
            return ln
        return Line([Word(ln.text, ln.bbox, ln.conf)], ln.text)

    page.blocks = [Block(b.kind, [line(ln) for ln in b.lines], b.table) for b in page.blocks]
    page.removed = [line(ln) for ln in page.removed]
    return page


def read_document(path: str | Path, *, settings: Settings | None = None, engine: ocr.OcrEngine | None = None) -> Document:
    """Read one file (the Python API behind ``minutes text``)."""
    path = Path(path)
    with contextlib.closing(read_documents([InputFile(path, str(path))], settings=settings or Settings(), engine=engine)) as docs:
        return next(docs)
