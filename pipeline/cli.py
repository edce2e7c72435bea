"""Command line: a thin layer over the keyword-only Python API.

    minutes run PATH... [--out DIR]     extract every input into the contract's tables
                                        (incremental: unchanged files are not read again)
    minutes text FILE                   print the cleaned page text the pipeline read
    minutes draw FILE --page N          draw found words, lines and tables over a page image
    minutes eval [PATH...]              score extraction against gold annotations
    minutes audit history DP094         a proposal's decisions, actions and mentions over time
    minutes audit recommendations       every RECOMMENDED decision and what happened next
    minutes audit actions [--open]      action items and whether a later meeting closed them
    minutes report [--out FILE]         one self-contained HTML report of the audit
"""

from __future__ import annotations

import argparse
import json
import logging
import signal
import sys
import threading
import traceback
import warnings
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.errors import ExitCode, MinutesError, Terminated, UsageError
from pipeline.settings import MAX_PIXELS, Settings

if TYPE_CHECKING:
    from pipeline.batch.run import RunResult

log = logging.getLogger("pipeline")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # usage errors exit 2 with a hint
        self.print_usage(sys.stderr)
        raise UsageError(f"{message} (see 'minutes {self.prog.split()[-1]} --help')")


def _settings_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--dpi", type=int, default=300, help="resolution for rendering pages to OCR (default 300)")
    p.add_argument("--lang", default="eng", help="Tesseract language(s), e.g. eng or eng+deu (default eng)")
    p.add_argument("--psm", type=int, default=6, help="Tesseract page segmentation mode (default 6)")
    p.add_argument("--workers", type=int, default=0, help="pages OCR'd in parallel (default: one per core)")
    p.add_argument("--page-timeout", type=float, default=120.0,
                   help="seconds each stage of a page may take: parsing and rendering (processor time), "
                        "each OCR pass (default 120)")
    p.add_argument("--max-pixels", type=int, default=MAX_PIXELS,
                   help=f"largest page image decoded or rendered, in pixels (default {MAX_PIXELS}: A3 at 400 dpi, A4 at 600 dpi)")
    p.add_argument("--max-memory", type=int, default=2048, metavar="MB",
                   help="memory each page worker may take, in MB (default 2048; 0 = no cap)")
    p.add_argument("--binarize", action="store_true", help="binarise scans before OCR (helps very uneven lighting)")
    p.add_argument("--no-deskew", action="store_true", help="do not straighten skewed scans")


def _settings(ns: argparse.Namespace) -> Settings:
    return Settings(
        dpi=ns.dpi, language=ns.lang, psm=ns.psm, workers=ns.workers, page_timeout=ns.page_timeout,
        max_pixels=ns.max_pixels, max_memory_mb=ns.max_memory, binarize=ns.binarize, deskew=not ns.no_deskew,
        executor=getattr(ns, "executor", "local"), scheduler=getattr(ns, "scheduler", None),
    )


def summary(result: RunResult, out_dir: Path) -> str:
    """The one-screen summary printed after a run."""
    f = result.frames
    read = f"{result.files} read" + (f", {result.reused} unchanged (kept from earlier runs)" if result.reused else "")
    cached = f", {result.cached_pages} from the page cache" if result.cached_pages else ""
    found = sum(len(r.decisions) for r in result.records)
    lines = [
        f"minutes: {result.files + result.reused} file(s): {read}; {result.pages} page(s) "
        f"({result.ocr_pages} OCR'd{cached}) in {result.seconds:.1f} s",
        f"  this run: {len(result.records)} meeting(s), {found} decision(s), "
        f"{sum(len(r.actions) for r in result.records)} action(s)",
        f"  database: meetings {len(f['meetings'])}, attendees {len(f['attendees'])}, "
        f"identifiers {len(f['identifiers'])}, decisions {len(f['decisions'])}, actions {len(f['actions'])}",
    ]
    if result.pruned:
        lines.append(f"  pruned {len(result.pruned)} file(s) no longer on disk (e.g. {result.pruned[0]})")
    if result.skipped:
        lines.append(f"  skipped {len(result.skipped)} file(s) that are not minutes inputs (e.g. {result.skipped[0]}; "
                     "-v lists them)")
    if result.errors:
        lines.append(f"  {len(result.errors)} error(s) in {len(result.failed_files)} file(s): see {out_dir / 'errors.csv'}")
    from pipeline.store.export import DB_NAME

    lines.append(f"  tables written to {out_dir}/ (CSV and {DB_NAME})")
    return "\n".join(lines)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="minutes", description="Turn committee minutes (PDFs, scans, OCR'd text) into tables.")
    parser.add_argument("-v", "--verbose", action="store_true", help="log details to stderr")
    parser.add_argument("--debug", action="store_true", help="log everything, with the traceback of any failure")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    p = sub.add_parser("run", help="extract every input into CSV and SQLite tables")
    p.add_argument("paths", nargs="+", metavar="PATH", help="files or folders (searched recursively)")
    p.add_argument("--out", type=Path, default=Path("outputs"), help="output folder (default outputs/)")
    p.add_argument("--no-progress", action="store_true", help="no progress bar on stderr")
    p.add_argument("--no-cache", action="store_true", help="read every page anew; do not use or fill the page cache")
    p.add_argument("--force", action="store_true", help="extract every file again, even unchanged ones already in the database")
    p.add_argument("--prune", action="store_true", help="drop the rows of files that no longer exist on disk")
    p.add_argument("--wait", action="store_true",
                   help="when another run is using --out, wait for it to finish (default: stop with exit status 2)")
    p.add_argument("--executor", choices=["local", "dask"], default="local",
                   help="where pages are read: a process pool here (default) or a Dask cluster")
    p.add_argument("--scheduler", metavar="ADDRESS",
                   help="Dask scheduler address, e.g. tcp://10.0.0.5:8786 (default: a local Dask cluster)")
    _settings_args(p)

    p = sub.add_parser("text", help="print the cleaned text the pipeline read from a file")
    p.add_argument("file", type=Path)
    p.add_argument("--page", type=int, help="only this page (1-based)")
    p.add_argument("--format", choices=["text", "json"], default="text")
    _settings_args(p)

    p = sub.add_parser("draw", help="draw found words, lines and tables over a page image (PNG)")
    p.add_argument("file", type=Path)
    p.add_argument("--page", type=int, default=1, help="page to draw (1-based, default 1)")
    p.add_argument("--out", type=Path, help="PNG to write (default outputs/<stem>_p<N>.png)")
    _settings_args(p)

    p = sub.add_parser("eval", help="score extraction against gold annotations: row F1 and the accuracy of every field, per table",
                       description="Extract every document under PATH that has gold and score it: per table, precision, recall "
                                   "and F1 of its rows and the accuracy of every other field on the rows matched "
                                   "(pipeline/devtools/scoring.py says what matches). Samples <key>__<variant>.<ext> find "
                                   "GOLD/<key>.json; real minutes (../shared/real/<stem>.pdf) find GOLD/real/<stem>.json.")
    p.add_argument("paths", nargs="*", default=["samples"], metavar="PATH", help="documents or folders (default samples/)")
    p.add_argument("--gold", type=Path, default=Path("samples/gold"), help="gold folder (default samples/gold; real minutes in its real/)")
    p.add_argument("--details", action="store_true", help="list every missed or spurious row and wrong field as file:page table.field: got → want")
    p.add_argument("--format", choices=["text", "json"], default="text", help="text (default) or json, for tools")
    p.add_argument("--cache", type=Path, metavar="FILE",
                   help="page cache to read and fill (e.g. outputs/cache/pages.sqlite): pages already read the same way "
                        "are not read again, so re-scoring after an NLP change skips OCR (default: no cache)")
    _settings_args(p)

    p = sub.add_parser("audit", help="trace proposals, recommendations and actions across meetings (reads minutes.sqlite)")
    audit_sub = p.add_subparsers(dest="audit_command", metavar="QUESTION", parser_class=_Parser, required=True)
    for name, helptext in (
        ("history", "a proposal's decisions, actions and mentions in date order (a DP and the MP it became together)"),
        ("recommendations", "every RECOMMENDED decision: followed_up, pending or superseded, with the evidence"),
        ("actions", "every action item: open, or closed/done/superseded by a later meeting, with the evidence"),
    ):
        q = audit_sub.add_parser(name, help=helptext, description=helptext)
        if name == "history":
            q.add_argument("identifier", metavar="ID", help="proposal identifier, e.g. DP094 or MP100")
        if name == "recommendations":
            q.add_argument("--since", metavar="DATE", help="only recommendations made on or after this date (YYYY-MM-DD)")
            q.add_argument("--until", metavar="DATE", help="only recommendations made on or before this date (YYYY-MM-DD)")
            q.add_argument("--committee", metavar="NAME", help="only this committee's recommendations (case-insensitive, part of the name will do)")
        if name == "actions":
            q.add_argument("--open", action="store_true", help="only actions no later meeting has closed")
        q.add_argument("--db", type=Path, default=Path("outputs/minutes.sqlite"), help="database written by 'minutes run' (default outputs/minutes.sqlite)")
        q.add_argument("--format", choices=["table", "csv", "json"], default="table", help="table (default, 100 columns wide), csv or json")

    p = sub.add_parser("report", help="write one self-contained HTML report: proposal timelines, decisions per meeting, open items")
    p.add_argument("--db", type=Path, default=Path("outputs/minutes.sqlite"), help="database written by 'minutes run' (default outputs/minutes.sqlite)")
    p.add_argument("--out", type=Path, default=Path("outputs/report.html"), help="HTML file to write (default outputs/report.html)")
    return parser


def cmd_run(ns: argparse.Namespace) -> int:
    from pipeline.batch.run import run

    result = run(
        ns.paths, out_dir=ns.out, settings=_settings(ns), progress=not ns.no_progress,
        cache=not ns.no_cache, force=ns.force, prune=ns.prune, wait=ns.wait,
    )
    for path in result.skipped:
        log.info("skipped (not a minutes input): %s", path)
    for err in result.errors:
        where = f" page {err.page}" if err.page else ""
        print(f"error: {err.source_file}{where}: {err.message}", file=sys.stderr)
    print(summary(result, ns.out), file=sys.stderr)
    return ExitCode.input_failed if result.errors else ExitCode.ok


def cmd_text(ns: argparse.Namespace) -> int:
    from pipeline.batch.schedule import read_document

    doc = read_document(ns.file, settings=_settings(ns))
    pages = [p for p in doc.pages if ns.page is None or p.number == ns.page]
    if ns.format == "json":
        payload = [
            {"page": p.number, "method": p.method, "provenance": p.provenance, "mean_confidence": p.mean_confidence, "dpi": p.dpi,
             "seconds": round(p.seconds, 3), "text": p.text, "tables": [t.rows for t in p.tables]}
            for p in pages
        ]
        print(json.dumps(payload, ensure_ascii=False, indent=1))
    else:
        for p in pages:
            conf = f" · conf {p.mean_confidence:.1f}" if p.mean_confidence is not None else ""
            dpi = f" · {p.dpi} dpi" if p.dpi else ""
            why = f" · {p.provenance}" if p.provenance else ""
            print(f"=== page {p.number}/{len(doc.pages)} · {p.method}{dpi}{conf} · {p.seconds:.2f} s{why} ===")
            print(p.text)
            print()
    for err in doc.errors:
        where = f" page {err.page}" if err.page else ""
        print(f"error: {doc.source_file}{where}: {err.message}", file=sys.stderr)
    return ExitCode.input_failed if doc.errors or not doc.pages else ExitCode.ok


def cmd_draw(ns: argparse.Namespace) -> int:
    from pipeline.devtools.draw import draw_page

    out = ns.out or Path("outputs") / f"{ns.file.stem}_p{ns.page}.png"
    draw_page(ns.file, page=ns.page, out=out, settings=_settings(ns))
    print(out)
    return ExitCode.ok


def cmd_eval(ns: argparse.Namespace) -> int:
    from pipeline.devtools.evaluate import format_json, format_report, run_eval

    report = run_eval(ns.paths, gold_dir=ns.gold, settings=_settings(ns), cache_path=ns.cache)
    if report.without_gold:
        print(f"eval: {len(report.without_gold)} file(s) without gold not scored (e.g. {report.without_gold[0]})", file=sys.stderr)
    if ns.format == "json":
        print(format_json(report))
    else:
        print(format_report(report, details=ns.details))
    return ExitCode.ok


def cmd_audit(ns: argparse.Namespace) -> int:
    import os

    from pipeline.audit import queries as audit

    tables = audit.load(ns.db)
    if ns.audit_command == "history":
        df = audit.history(tables, ns.identifier)
        group = audit.linked(ns.identifier, audit.links(tables))
        note = f"history of {' + '.join(group)}" + (f" (linked: {audit.link_reasons(tables, group)})" if len(group) > 1 else "")
        if df.empty:
            known = sorted(set(tables.identifiers["identifier"].dropna()))
            print(f"minutes: {ns.identifier} is not in {ns.db} ({len(known)} identifiers are, e.g. "
                  f"{', '.join(known[:5]) or 'none'}; see identifiers.csv)", file=sys.stderr)
    elif ns.audit_command == "recommendations":
        df = audit.recommendations(tables, since=ns.since, until=ns.until, committee=ns.committee)
        note = f"{len(df)} recommendation(s): " + ", ".join(f"{n} {s}" for s, n in df["status"].value_counts().sort_index().items())
    else:
        df = audit.action_status(tables, open_only=ns.open)
        note = f"{len(df)} action(s): " + ", ".join(f"{n} {s}" for s, n in df["status"].value_counts().sort_index().items())
    if ns.format == "table":
        sources = audit.sources_note(tables)
        note = note + ("\nmeetings held as several documents:\n" + sources if sources else "")
    try:
        print(audit.render(df, ns.format, view=ns.audit_command, note=note if ns.format == "table" else ""))
    except BrokenPipeError:  # e.g. piped into head: the reader has what it wanted
        sys.stdout = Path(os.devnull).open("w")  # noqa: SIM115 - keeps the exit-time flush quiet
    return ExitCode.ok


def cmd_report(ns: argparse.Namespace) -> int:
    from pipeline.audit.report import write_report

    out = write_report(ns.db, out=ns.out)
    print(out)
    return ExitCode.ok


COMMANDS = {"run": cmd_run, "text": cmd_text, "draw": cmd_draw, "eval": cmd_eval, "audit": cmd_audit, "report": cmd_report}


def _configure_logging(*, verbose: bool, debug: bool) -> None:
    level = logging.DEBUG if debug else logging.INFO if verbose else logging.WARNING
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")
    logging.getLogger("pipeline").setLevel(level)
    # the PDF and image libraries comment on every damaged file; its error row says what matters
    logging.getLogger("pdfminer").setLevel(logging.DEBUG if debug else logging.ERROR)
    if not debug:
        for module in ("PIL", "pdfminer", "pdfplumber", "pypdfium2"):
            warnings.filterwarnings("ignore", module=module)


def _on_sigterm(signum: int, frame: object) -> None:
    raise Terminated()


def main(argv: list[str] | None = None) -> int:
    """The command line; returns the exit status (SIGTERM is handled like Ctrl-C while it runs)."""
    parser = build_parser()
    debug = False
    on_main_thread = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGTERM, _on_sigterm) if on_main_thread else None
    try:
        ns = parser.parse_args(argv)
        debug = ns.debug
        _configure_logging(verbose=ns.verbose, debug=debug)
        if ns.command is None:
            parser.print_help(sys.stderr)
            return ExitCode.usage
        if hasattr(ns, "file") and not ns.file.exists():
            raise UsageError(f"{ns.file} does not exist")
        return COMMANDS[ns.command](ns)
    except MinutesError as err:
        log.debug("failed", exc_info=True)
        print(f"minutes: {err}", file=sys.stderr)
        return err.exit_code
    except KeyboardInterrupt as err:
        how = "stopped (SIGTERM)" if isinstance(err, Terminated) else "interrupted"
        print(f"minutes: {how}; what finished is kept", file=sys.stderr)
        return ExitCode.terminated if isinstance(err, Terminated) else ExitCode.interrupted
    except Exception as err:  # a bug: one line, the traceback with --debug
        if debug:
            traceback.print_exc()
        print(f"minutes: internal error ({type(err).__name__}: {err}); run again with --debug for the details, "
              "and report it", file=sys.stderr)
        return ExitCode.input_failed
    finally:
        if on_main_thread and previous is not None:
            signal.signal(signal.SIGTERM, previous)


if __name__ == "__main__":
    sys.exit(main())
