"""``minutes eval``: extract documents that have gold, score them, report per document and variant.

What a match is and which fields are scored: ``pipeline.devtools.scoring``. This module finds
each document's gold, groups documents by variant and writes the report (text or JSON).

Gold. ``samples/rendered/csc_15__scan300.pdf`` → ``<gold>/csc_15.json`` (the part of the stem
before ``__``); a document with no gold there is looked up by its whole stem in ``<gold>/real/``
(the hand-checked gold of the real minutes, ``../shared/real/<stem>.pdf``).

Variants. The part of the stem after ``__`` (``csc_15__scan300`` → ``scan300``,
``csc_15_seed__ocrtext`` → ``ocrtext``); documents scored against ``<gold>/real/`` are
``real`` (``real_txt`` for a transcript), so one meeting rendered several ways shows what each
rendering costs.

Figures. ``figures()`` names every figure of a score (``decisions`` is the table's row F1,
``decisions.outcome`` a field's accuracy) with *one row's worth*: how far one row lost, one
spurious row or one wrong value would move it. Tests pin figures with that tolerance.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline.devtools.scoring import (
    FIELDS,
    TABLES,
    Mismatch,
    Score,
    norm_name,
    norm_text,
    score_records,
)
from pipeline.errors import UsageError
from pipeline.settings import Settings
from pipeline.store.records import Records

__all__ = ["FIELDS", "TABLES", "DocScore", "EvalReport", "Figure", "evaluate", "figures", "find_gold",
           "format_json", "format_report", "gold_for", "norm_name", "norm_text", "run_eval",
           "score_document", "variant_of"]

REAL_GOLD = "real"  # sub-folder of the gold folder holding the real minutes' gold, and their variant


@dataclass
class DocScore:
    name: str
    variant: str
    tables: dict[str, Score] = field(default_factory=lambda: {t: Score() for t in TABLES})
    issues: list[Mismatch] = field(default_factory=list)  # every missed/spurious row and wrong field
    documents: int = 1

    @property
    def outcome_accuracy(self) -> float | None:
        fs = self.tables["decisions"].fields.get("outcome")
        return fs.accuracy if fs is not None else None

    @property
    def missing(self) -> dict[str, list[str]]:
        return self._rows("missed")

    @property
    def extra(self) -> dict[str, list[str]]:
        return self._rows("spurious")

    def _rows(self, kind: str) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {t: [] for t in TABLES}
        for m in self.issues:
            if m.field == kind:
                out[m.table].append(m.key)
        return out


@dataclass
class EvalReport:
    documents: list[DocScore] = field(default_factory=list)
    without_gold: list[str] = field(default_factory=list)  # inputs found that have no gold (not scored)

    @staticmethod
    def aggregate(docs: list[DocScore], name: str = "total", variant: str = "") -> DocScore:
        total = DocScore(name, variant, documents=len(docs))
        for d in docs:
            for t in TABLES:
                total.tables[t] += d.tables[t]
        return total

    @property
    def total(self) -> DocScore:
        return self.aggregate(self.documents)

    def by_variant(self) -> dict[str, DocScore]:
        variants: dict[str, list[DocScore]] = {}
        for d in self.documents:
            variants.setdefault(d.variant, []).append(d)
        return {v: self.aggregate(docs, v or "(none)", v) for v, docs in sorted(variants.items())}


# ---------------------------------------------------------------- figures


@dataclass(frozen=True)
class Figure:
    value: float
    one_row: float  # how far one row (lost, spurious, or one wrong value) moves the figure
    count: str  # the counts behind it: "tp/fp/fn" or "correct/total"


def _f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp else (1.0 if not fp + fn else 0.0)


def figures(doc: DocScore) -> dict[str, Figure]:
    """Every figure of a (document's or variant's) score: row F1 per table, accuracy per field."""
    out = {}
    for t in TABLES:
        s = doc.tables[t]
        f1 = _f1(s.tp, s.fp, s.fn)
        one = min(f1 - _f1(s.tp - 1, s.fp, s.fn + 1), f1 - _f1(s.tp, s.fp + 1, s.fn)) if s.tp else 0.0
        out[t] = Figure(f1, one, f"{s.tp}/{s.fp}/{s.fn}")
        for name in FIELDS[t]:
            fs = s.fields.get(name)
            if fs is not None and fs.total:
                out[f"{t}.{name}"] = Figure(fs.correct / fs.total, 1 / fs.total, f"{fs.correct}/{fs.total}")
    return out


# ---------------------------------------------------------------- scoring


def variant_of(name: str) -> str:
    stem = Path(name).stem
    return stem.split("__", 1)[1] if "__" in stem else ""


def score_document(name: str, records: Records | None, gold: dict[str, Any], *,
                   variant: str | None = None) -> DocScore:
    """One document; ``records`` None when its extraction failed (then it found nothing)."""
    doc = DocScore(name, variant_of(name) if variant is None else variant)
    doc.tables, doc.issues = score_records(records, gold)
    return doc


def evaluate(pairs: Iterable[tuple[str, Records | None, dict[str, Any]]], *,
             variant: str | None = None) -> EvalReport:
    """Score each ``(name, extracted records, gold dict)``; ``name`` is the file's path or stem.

    Documents are grouped by ``variant`` when given, else by the part of their stem after ``__``.
    """
    return EvalReport([score_document(name, rec, gold, variant=variant) for name, rec, gold in pairs])


def find_gold(path: Path, gold_dir: Path) -> tuple[dict[str, Any], str] | None:
    """A document's gold and variant (see the module docstring), or None when it has none."""
    path = Path(path)
    stem = path.stem
    sample = Path(gold_dir) / f"{stem.split('__', 1)[0]}.json"
    if sample.is_file():
        return json.loads(sample.read_text(encoding="utf-8")), variant_of(path.name)
    real = Path(gold_dir) / REAL_GOLD / f"{stem}.json"
    if real.is_file():
        suffix = path.suffix.lower().lstrip(".")
        variant = REAL_GOLD if suffix == "pdf" else f"{REAL_GOLD}_{suffix}"
        return json.loads(real.read_text(encoding="utf-8")), variant
    return None


def gold_for(path: Path, gold_dir: Path) -> dict[str, Any] | None:
    """``samples/rendered/csc_15__scan300.pdf`` → ``gold_dir/csc_15.json`` (None if absent)."""
    found = find_gold(path, gold_dir)
    return found[0] if found else None


def run_eval(paths: list[str], *, gold_dir: Path, settings: Settings | None = None,
             cache_path: Path | None = None) -> EvalReport:
    """Extract every document under ``paths`` that has gold and score it (``minutes eval``).

    A document whose extraction failed is scored as having found nothing. With ``cache_path``
    pages come from (and go to) that page cache, keyed like a run's by the reader fingerprint.
    """
    from pipeline.batch.cache import PageCache
    from pipeline.batch.run import extract_all
    from pipeline.reading.sources import discover

    items, _ = discover(paths)
    found = {i.source_file: find_gold(i.path, gold_dir) for i in items}
    without = [i.source_file for i in items if found[i.source_file] is None]
    items = [i for i in items if found[i.source_file] is not None]
    if not items:
        raise UsageError(f"no document under {' '.join(paths)} has gold in {gold_dir} (or {gold_dir}/{REAL_GOLD}); "
                         "name samples <key>__<variant>.<ext>")
    settings = settings or Settings()
    cache = None
    if cache_path is not None:
        Path(cache_path).parent.mkdir(parents=True, exist_ok=True)
        cache = PageCache(Path(cache_path), settings)
    try:
        result = extract_all(items, settings=settings, cache=cache)
    finally:
        if cache is not None:
            cache.close()
    by_file = {r.meeting.source_file: r for r in result.records}
    docs = []
    for item in items:
        gold, variant = found[item.source_file] or ({}, "")
        docs.append(score_document(item.path.name, by_file.get(item.source_file), gold, variant=variant))
    return EvalReport(docs, without)


# ---------------------------------------------------------------- report


def _num(value: float | None) -> str:
    return "  -  " if value is None else f"{value:5.2f}"


def _doc_line(label: str, d: DocScore) -> str:
    cells = [f"{label:<30}"]
    for t in TABLES:
        s = d.tables[t]
        cells.append(f"{_num(s.f1)} {_num(s.field_accuracy)}")
    return " | ".join(cells)


def _field_block(title: str, d: DocScore) -> list[str]:
    lines = [f"{title} ({d.documents} document{'s' if d.documents != 1 else ''})",
             f"  {'table':<12} {'gold':>5} {'found':>5} {'P':>5} {'R':>5} {'F1':>5}   field accuracy on matched rows (right/compared)"]
    for t in TABLES:
        s = d.tables[t]
        head = f"  {t:<12} {s.tp + s.fn:5d} {s.tp + s.fp:5d} {_num(s.precision)} {_num(s.recall)} {_num(s.f1)}   "
        cells = [f"{name} {fs.correct / fs.total:.2f} ({fs.correct}/{fs.total})"
                 for name, fs in s.fields.items() if fs.total]
        line = head
        for cell in cells:  # wrapped to about 110 columns, continuation lines under the first field
            if len(line) + len(cell) > 110 and line.strip() != head.strip():
                lines.append(line.rstrip())
                line = " " * len(head)
            line += cell + "  "
        lines.append(line.rstrip())
    return lines


def format_report(report: EvalReport, *, details: bool = False) -> str:
    """Per document: row F1 and pooled field accuracy per table; per variant and overall: every field.

    ``details`` lists under each document every missed or spurious row and every wrong field,
    as ``file:page table.field: got → want``.
    """
    head = [f"{'document':<30}"] + [f"{t[:11]:^11}" for t in TABLES]
    sub = [" " * 30] + ["  F1 fields" for _ in TABLES]
    rule = "-" * (32 + 14 * len(TABLES))
    lines = [" | ".join(head), " | ".join(sub), rule]
    for d in report.documents:
        lines.append(_doc_line(Path(d.name).stem[:30], d))
        if details:
            lines += [f"    {m.line(Path(d.name).name)}" for m in d.issues]
    lines.append(rule)
    for v, agg in report.by_variant().items():
        lines += _field_block(f"variant {v or '(none)'}", agg)
    if len(report.by_variant()) > 1:
        lines += _field_block("all documents", report.total)
    return "\n".join(lines)


def _score_dict(d: DocScore) -> dict[str, Any]:
    tables = {}
    for t in TABLES:
        s = d.tables[t]
        tables[t] = {"tp": s.tp, "fp": s.fp, "fn": s.fn, "precision": s.precision, "recall": s.recall, "f1": s.f1,
                     "fields": {n: {"correct": fs.correct, "total": fs.total, "accuracy": fs.accuracy}
                                for n, fs in s.fields.items()}}
    return {"name": d.name, "variant": d.variant, "documents": d.documents, "tables": tables}


def format_json(report: EvalReport) -> str:
    """The report for tools: every document (with its mismatches), every variant, the total."""
    docs = []
    for d in report.documents:
        entry = _score_dict(d)
        entry["mismatches"] = [{"table": m.table, "field": m.field, "page": m.page, "key": m.key,
                                "got": m.got, "want": m.want, "context": m.context} for m in d.issues]
        docs.append(entry)
    payload = {"documents": docs, "variants": {v: _score_dict(a) for v, a in report.by_variant().items()},
               "total": _score_dict(report.total)}
    return json.dumps(payload, ensure_ascii=False, indent=1, default=str)
