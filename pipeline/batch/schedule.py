"""The batch's reading loop: page tasks of every file on one shared pool, with the page cache.

Every page is one task (``PageTask``); tasks from all files share one process pool, so a
batch keeps every core busy with one single-threaded Tesseract each. Pages the cache holds are
not read again; a page that fails becomes a ``PageError`` on its document.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from dataclasses import replace
from pathlib import Path

from pipeline.batch.cache import PageCache
from pipeline.batch.executors import page_executor, single_threaded_ocr
from pipeline.errors import MinutesError
from pipeline.reading import layout, ocr
from pipeline.reading.document import Document, Page, PageError
from pipeline.reading.page import read_page
from pipeline.reading.sources import (
    TEXT_SUFFIXES,
    InputFile,
    PageTask,
    plan,
    read_text_file,
    sha256_of,
)
from pipeline.settings import Settings

log = logging.getLogger(__name__)

def _run_task(task: PageTask, settings: Settings) -> Page:
    single_threaded_ocr()  # also on Dask workers, which no pool initializer reaches
    return read_page(task, settings)


def read_documents(
    items: list[InputFile],
    *,
    settings: Settings,
    engine: ocr.OcrEngine | None = None,
    cache: PageCache | None = None,
    on_plan: Callable[[int], None] | None = None,
    on_page: Callable[[InputFile, Page | None, bool], None] | None = None,
) -> Iterator[Document]:
    """Read files page by page on a shared pool; yields Documents in input order.

    Pages found in ``cache`` are not read again; pages read are put in it. ``on_plan`` is
    told how many pages there are in all, ``on_page`` of each page as it is done (and whether
    it came from the cache). A page that fails becomes a PageError on its document; a file
    that cannot be opened becomes a Document with no pages and one error. Nothing is dropped.
    """
    planned: list[tuple[InputFile, Document, list[PageTask]]] = []
    for item in items:
        doc = Document(source_file=item.source_file, sha256="")
        tasks: list[PageTask] = []
        try:
            doc.sha256 = item.sha256 or sha256_of(item.path)
            if item.path.suffix.lower() in TEXT_SUFFIXES:
                doc.pages = read_text_file(item)
            else:
                tasks = plan(item)
        except MinutesError as err:
            doc.errors.append(PageError(None, err.stage, type(err).__name__, str(err)))
        except OSError as err:
            doc.errors.append(PageError(None, "ingest", type(err).__name__, f"{err}; check the file can be read"))
        planned.append((item, doc, tasks))

    # which pages the cache holds; each is loaded only when its document's turn comes
    cached = cache.keys({doc.sha256 for _, doc, _ in planned}) if cache is not None else set()
    if on_plan:
        on_plan(sum(len(t) + len(doc.pages) for _, doc, t in planned))
    to_read = sum((doc.sha256, t.index) not in cached for _, doc, tasks in planned for t in tasks)
    with page_executor(settings if engine is None else replace(settings, workers=1, executor="local"), to_read) as submit:
        futures: list[list[Future[Page] | None]] = []
        for _, doc, tasks in planned:
            futures.append([
                submit(_run_task, t, settings) if submit and (doc.sha256, t.index) not in cached else None
                for t in tasks
            ])
        for (item, doc, tasks), futs in zip(planned, futures, strict=True):
            for page in doc.pages:  # text files: already read
                if on_page:
                    on_page(item, page, False)
            for task, fut in zip(tasks, futs, strict=True):
                hit = cache.get(doc.sha256, task.index) if (doc.sha256, task.index) in cached else None
                page = hit
                try:
                    if page is None:  # not cached (or unreadable there): read now unless a worker did
                        page = fut.result() if fut is not None else read_page(task, settings, engine)
                        if cache is not None:
                            cache.put(doc.sha256, task.index, page)
                    doc.pages.append(page)
                except MinutesError as err:
                    doc.errors.append(PageError(task.number, err.stage, type(err).__name__, str(err)))
                    page = None
                except Exception as err:  # one bad page never stops the batch
                    log.debug("page %s of %s failed", task.number, item.source_file, exc_info=True)
                    doc.errors.append(
                        PageError(task.number, "ingest", type(err).__name__, f"{err}; run 'minutes text' on the file to inspect it")
                    )
                    page = None
                if on_page:
                    on_page(item, page, hit is not None)
            layout.remove_repeated_furniture(doc)
            yield doc


def read_document(path: str | Path, *, settings: Settings | None = None, engine: ocr.OcrEngine | None = None) -> Document:
    """Read one file (the Python API behind ``minutes text``)."""
    path = Path(path)
    return next(read_documents([InputFile(path, str(path))], settings=settings or Settings(), engine=engine))
