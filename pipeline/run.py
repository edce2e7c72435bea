"""The batch: files -> Documents -> contract rows -> tables on disk.

``run()`` is the keyword-only Python API behind ``minutes run``.
"""

from __future__ import annotations

import logging
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from pipeline import export
from pipeline.document import Document
from pipeline.errors import UsageError
from pipeline.ingest import InputFile, discover, read_documents
from pipeline.records import ErrorRow, MeetingRow, Records
from pipeline.settings import Settings

log = logging.getLogger(__name__)


@dataclass
class RunResult:
    frames: dict[str, pd.DataFrame]
    records: list[Records] = field(default_factory=list)
    errors: list[ErrorRow] = field(default_factory=list)
    skipped: list[Path] = field(default_factory=list)
    files: int = 0
    pages: int = 0
    ocr_pages: int = 0
    seconds: float = 0.0
    written: dict[str, Path] = field(default_factory=dict)

    @property
    def failed_files(self) -> set[str]:
        return {e.source_file for e in self.errors}


def records_for(doc: Document, item: InputFile) -> Records:
    """Run the NLP stage on one Document and fill the meeting row's page figures."""
    from pipeline import nlp

    records = nlp.extract(doc, meeting_id_fallback=item.path.stem)
    m = records.meeting
    m.source_file, m.sha256 = doc.source_file, doc.sha256
    m.page_count = len(doc.pages)
    m.ocr_page_count = len(doc.ocr_pages)
    conf = doc.ocr_mean_confidence
    m.ocr_mean_confidence = round(conf, 2) if conf is not None else None
    return records


def extract_all(items: list[InputFile], *, settings: Settings, progress: bool = False) -> RunResult:
    """Read and extract every file; a failure becomes an error row, the batch goes on."""
    started = time.perf_counter()
    result = RunResult(frames={})
    bar = None
    if progress:
        from tqdm import tqdm

        bar = tqdm(total=len(items), unit="file", file=sys.stderr, dynamic_ncols=True, leave=False)
    for item, doc in zip(items, read_documents(items, settings=settings), strict=True):
        result.files += 1
        result.pages += len(doc.pages)
        result.ocr_pages += len(doc.ocr_pages)
        for err in doc.errors:
            result.errors.append(ErrorRow(doc.source_file, err.page, err.stage, err.error_type, err.message))
            log.warning("%s%s: %s", doc.source_file, f" page {err.page}" if err.page else "", err.message)
        if doc.pages:
            try:
                result.records.append(records_for(doc, item))
            except Exception as err:  # one document's extraction failure never stops the batch
                log.debug("extraction failed for %s", doc.source_file, exc_info=True)
                result.errors.append(ErrorRow(doc.source_file, None, "nlp", type(err).__name__, f"{err}; run 'minutes text {doc.source_file}' to see what was read"))
                log.warning("%s: extraction failed: %s", doc.source_file, err)
        if bar is not None:
            bar.update(1)
            bar.set_postfix(pages=result.pages, ocr=result.ocr_pages, refresh=False)
    if bar is not None:
        bar.close()
    result.seconds = time.perf_counter() - started
    result.frames = to_frames(result.records, result.errors)
    return result


def to_frames(records: list[Records], errors: list[ErrorRow]) -> dict[str, pd.DataFrame]:
    meetings: list[MeetingRow] = [r.meeting for r in records]
    return {
        "meetings": export.frame("meetings", meetings),
        "attendees": export.frame("attendees", [a for r in records for a in r.attendees]),
        "identifiers": export.frame("identifiers", [i for r in records for i in r.identifiers]),
        "decisions": export.frame("decisions", [d for r in records for d in r.decisions]),
        "actions": export.frame("actions", [a for r in records for a in r.actions]),
        "errors": export.frame("errors", errors),
    }


def run(paths: list[str], *, out_dir: Path, settings: Settings | None = None, progress: bool = False) -> RunResult:
    """Extract every input under ``paths`` and write the contract's tables to ``out_dir``."""
    settings = settings or Settings()
    items, skipped = discover(paths)
    if not items:
        raise UsageError(
            f"no input found under {' '.join(paths)}; give .pdf, .png/.jpg/.tif or .txt files or folders holding them"
        )
    result = extract_all(items, settings=settings, progress=progress)
    result.skipped = skipped
    result.written = export.write_tables(result.frames, out_dir)
    return result


def run_eval(paths: list[str], *, gold_dir: Path, settings: Settings | None = None):
    """Extract every sample under ``paths`` that has gold and score it (``minutes eval``).

    A sample whose extraction failed is scored as having found nothing.
    """
    from pipeline.evaluate import evaluate, gold_for

    items, _ = discover(paths)
    golds = {i.source_file: gold_for(i.path, gold_dir) for i in items}
    items = [i for i in items if golds[i.source_file] is not None]
    if not items:
        raise UsageError(f"no sample under {' '.join(paths)} has gold in {gold_dir}; name files <key>__<variant>.<ext>")
    result = extract_all(items, settings=settings or Settings())
    by_file = {r.meeting.source_file: r for r in result.records}
    pairs = []
    for item in items:
        records = by_file.get(item.source_file) or Records(meeting=MeetingRow(item.path.stem, item.source_file, ""))
        pairs.append((item.path.name, records, golds[item.source_file]))
    return evaluate(pairs)


def summary(result: RunResult, out_dir: Path) -> str:
    """The one-screen summary printed after a run."""
    lines = [
        f"minutes: {result.files} file(s), {result.pages} page(s) ({result.ocr_pages} OCR'd) "
        f"in {result.seconds:.1f} s",
        f"  meetings {len(result.frames['meetings'])}, attendees {len(result.frames['attendees'])}, "
        f"identifiers {len(result.frames['identifiers'])}, decisions {len(result.frames['decisions'])}, "
        f"actions {len(result.frames['actions'])}",
    ]
    if result.skipped:
        lines.append(f"  skipped {len(result.skipped)} file(s) that are not minutes inputs (e.g. {result.skipped[0]})")
    if result.errors:
        lines.append(f"  {len(result.errors)} error(s) in {len(result.failed_files)} file(s): see {out_dir / 'errors.csv'}")
    lines.append(f"  tables written to {out_dir}/ (CSV and {export.DB_NAME})")
    return "\n".join(lines)
