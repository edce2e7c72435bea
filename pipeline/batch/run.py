"""The batch: files -> Documents -> contract rows -> tables on disk.

``run()`` is the keyword-only Python API behind ``minutes run``.
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.batch import pool
from pipeline.batch.cache import PageCache
from pipeline.batch.fingerprint import extractor_fingerprint
from pipeline.batch.lock import output_lock
from pipeline.batch.schedule import read_documents
from pipeline.errors import MinutesError, UsageError
from pipeline.reading import limits
from pipeline.reading.document import Document, Page
from pipeline.reading.sources import InputFile, discover, sha256_of, short_error
from pipeline.settings import Settings
from pipeline.store import export
from pipeline.store.database import Store, output_error
from pipeline.store.records import ErrorRow, Records

if TYPE_CHECKING:
    import pandas as pd

log = logging.getLogger(__name__)

CACHE_NAME = "cache/pages.sqlite"
EXTRACTION_SECONDS = 60.0  # the NLP stage's time limit on a document: this plus --page-timeout per page


@dataclass
class RunResult:
    frames: dict[str, pd.DataFrame] = field(default_factory=dict)  # the database after the run, as in the CSVs
    records: list[Records] = field(default_factory=list)  # what this run extracted
    errors: list[ErrorRow] = field(default_factory=list)  # this run's failures
    skipped: list[Path] = field(default_factory=list)
    files: int = 0  # files read in this run
    reused: int = 0  # unchanged files whose rows were kept from an earlier run
    pages: int = 0
    ocr_pages: int = 0  # pages Tesseract read in this run (not those taken from the cache)
    cached_pages: int = 0  # pages taken from the page cache instead of being read again
    pruned: list[str] = field(default_factory=list)
    seconds: float = 0.0
    written: dict[str, Path] = field(default_factory=dict)

    @property
    def failed_files(self) -> set[str]:
        return {e.source_file for e in self.errors}


OnDocument = Callable[[InputFile, Document, "Records | None", list[ErrorRow]], None]


def records_for(doc: Document, *, meeting_id_fallback: str) -> Records:
    """The NLP stage on one Document (spaCy is imported only when the first file needs it)."""
    from pipeline import nlp

    return nlp.records_for(doc, meeting_id_fallback=meeting_id_fallback)


def get_ready() -> threading.Thread:
    """What the rest of a run needs, loaded in a thread while the workers read rather than after
    them: pandas (the tables), spaCy, the model and the name lists (the NLP stage).

    Started once the workers are (``read_documents(on_started=...)``): the caller's thread goes
    on handing pages out meanwhile (join the thread before extracting); a worker that must be
    replaced is forked only once the imports are done (``pool.fork_lock``). A failure here is left
    for the stage itself to report, on its own document.
    """

    def load() -> None:
        with pool.fork_lock, contextlib.suppress(Exception):
            import pandas  # noqa: F401

            from pipeline import nlp

            nlp.warm()

    thread = threading.Thread(target=load, name="get-ready", daemon=True)
    thread.start()
    return thread


def extract_all(
    items: list[InputFile],
    *,
    settings: Settings,
    progress: bool = False,
    cache: PageCache | None = None,
    on_document: OnDocument | None = None,
) -> RunResult:
    """Read and extract every file; a failure becomes an error row, the batch goes on.

    ``on_document`` sees each file's outcome as soon as it is done (the run stores it then,
    so an interrupted batch keeps what finished).
    """
    started = time.perf_counter()
    result = RunResult()
    bar = _progress_bar(len(items)) if progress else None

    def on_plan(pages: int) -> None:
        if bar is not None:
            bar.reset(total=pages)

    def on_page(item: InputFile, page: Page | None, cached: bool) -> None:
        result.cached_pages += cached
        result.ocr_pages += page is not None and page.method == "ocr" and not cached
        if bar is not None:
            bar.update(1)

    ready: list[threading.Thread] = []
    docs = read_documents(items, settings=settings, cache=cache, on_plan=on_plan, on_page=on_page,
                          on_started=lambda: ready.append(get_ready()) if items else None, keep_words=False)
    try:
        for item, doc in zip(items, docs, strict=True):
            result.files += 1
            result.pages += len(doc.pages)
            errors = [ErrorRow(doc.source_file, e.page, e.stage, e.error_type, e.message) for e in doc.errors]
            for err in doc.errors:
                log.info("%s%s: %s", doc.source_file, f" page {err.page}" if err.page else "", err.message)
            records = None
            for thread in ready:  # spaCy and the model, loaded while the pages were read
                thread.join()
            if doc.pages:
                try:
                    budget = EXTRACTION_SECONDS + settings.page_timeout * len(doc.pages)
                    with limits.time_limit(budget, what="extracting the meeting from what was read"):
                        records = records_for(doc, meeting_id_fallback=item.path.stem)
                    result.records.append(records)
                except Exception as err:  # one document's extraction failure never stops the batch
                    log.debug("extraction failed for %s", doc.source_file, exc_info=True)
                    errors.append(ErrorRow(
                        doc.source_file, None, "nlp", type(err).__name__,
                        f"the meeting could not be extracted from what was read ({short_error(err)}); "
                        f"run 'minutes text {doc.source_file}' to see what was read",
                    ))
                    log.info("%s: extraction failed: %s", doc.source_file, err)
            result.errors.extend(errors)
            if on_document is not None:
                on_document(item, doc, records, errors)
            if bar is not None:
                bar.set_postfix_str(f"files {result.files}/{len(items)}, OCR'd {result.ocr_pages}", refresh=False)
    finally:
        docs.close()
        if bar is not None:
            bar.close()
    result.seconds = time.perf_counter() - started
    return result


def _progress_bar(files: int):
    from tqdm import tqdm

    return tqdm(
        total=None, unit="page", desc=f"{files} file(s)", file=sys.stderr, dynamic_ncols=True, leave=False,
        smoothing=0.1,
    )


def run(
    paths: list[str],
    *,
    out_dir: Path,
    settings: Settings | None = None,
    progress: bool = False,
    cache: bool = True,
    force: bool = False,
    prune: bool = False,
    wait: bool = False,
) -> RunResult:
    """Extract every input under ``paths`` into the database in ``out_dir`` and write the CSVs.

    Files already in the database with the same bytes and extractor keep their rows (unless
    ``force``); pages already read come from the page cache in ``out_dir/cache`` (unless not
    ``cache``). ``prune`` drops the rows of files that no longer exist. The CSVs are written
    from the database even when the run is interrupted, so they hold what finished. One run
    holds ``out_dir`` at a time: another raises OutputLockedError, or with ``wait`` waits.
    """
    settings = settings or Settings()
    started = time.perf_counter()
    items, skipped = discover(paths)
    if not items:
        raise UsageError(
            f"no input found under {' '.join(paths)}; give .pdf, .png/.jpg/.tif or .txt files or folders holding them"
        )
    with output_lock(out_dir, wait=wait):
        result = _run(items, out_dir=out_dir, settings=settings, progress=progress, cache=cache, force=force, prune=prune)
    result.skipped = skipped
    result.seconds = time.perf_counter() - started  # hashing and writing included
    return result


def _run(items: list[InputFile], *, out_dir: Path, settings: Settings, progress: bool, cache: bool, force: bool,
         prune: bool) -> RunResult:
    store = Store(out_dir / export.DB_NAME)
    try:
        extractor = extractor_fingerprint(settings)
        store.forget_aliases({i.source_file: i.path for i in items})
        known = store.known()
    except BaseException:
        store.close()
        raise
    todo: list[InputFile] = []
    reused = 0
    for item in items:
        with contextlib.suppress(OSError, MinutesError):  # reading it reports the problem as the file's error row
            item = replace(item, sha256=sha256_of(item.path))
        if not force and item.sha256 and known.get(item.source_file) == (item.sha256, extractor, "extracted"):
            reused += 1
        else:
            todo.append(item)

    def keep(item: InputFile, doc: Document, records: Records | None, errors: list[ErrorRow]) -> None:
        store.replace_file(
            doc.source_file, sha256=doc.sha256, extractor=extractor, records=records, errors=errors,
            page_count=len(doc.pages), ocr_page_count=len(doc.ocr_pages), seconds=sum(p.seconds for p in doc.pages),
        )

    page_cache = _open_cache(out_dir, settings) if cache else None
    result = RunResult()
    stopped = True  # until the batch returns: an interruption or a failure to store is in flight
    try:
        result = extract_all(todo, settings=settings, progress=progress and bool(todo), cache=page_cache, on_document=keep)
        stopped = False
    finally:
        if page_cache is not None:
            page_cache.close()
        try:
            result.pruned = store.prune_missing() if prune else []
            result.frames = store.frames()
            store.close()
            result.written = export.write_csvs(result.frames, out_dir)
            result.written["sqlite"] = out_dir / export.DB_NAME
        except (MinutesError, sqlite3.Error) as err:
            if not stopped:
                raise err if isinstance(err, MinutesError) else output_error(out_dir / export.DB_NAME, err) from err
            log.error("%s", err)  # the error that stopped the run is the one to report
    result.reused = reused
    return result


def _open_cache(out_dir: Path, settings: Settings) -> PageCache | None:
    """The page cache, or None (every page read anew) when it cannot be opened."""
    try:
        return PageCache(out_dir / CACHE_NAME, settings)
    except (sqlite3.Error, OSError) as err:
        log.warning("the page cache %s cannot be used (%s); every page is read anew. Delete it to start a new one",
                    out_dir / CACHE_NAME, err)
        return None
