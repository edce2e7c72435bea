"""Score extracted ``Records`` against gold JSON (``samples/gold/<key>.json``).

Matching is a multiset per document: identifiers by ``identifier``; decisions by
``(identifier, verb)``; actions by ``(action_id, owner, due_date)``; attendees by normalised
name; the meeting row field by field. Outcome accuracy is measured over matched decisions.
Documents are grouped by variant, the part of the file stem after ``__`` (``csc_15__scan300``
→ ``scan300``), so one meeting rendered several ways shows what each rendering costs.
"""

from __future__ import annotations

import json
import re
from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline.errors import UsageError
from pipeline.settings import Settings
from pipeline.store.records import MeetingRow, Records

TABLES = ("meeting", "identifiers", "decisions", "actions", "attendees")
MEETING_FIELDS = ("meeting_id", "committee", "meeting_number", "meeting_date", "start_time",
                  "end_time", "location", "status", "next_meeting_date")


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __iadd__(self, other: Score) -> Score:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        return self

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class DocScore:
    name: str
    variant: str
    tables: dict[str, Score] = field(default_factory=lambda: {t: Score() for t in TABLES})
    outcome_correct: int = 0
    outcome_total: int = 0
    missing: dict[str, list[Any]] = field(default_factory=dict)  # gold keys not extracted
    extra: dict[str, list[Any]] = field(default_factory=dict)  # extracted keys not in gold

    @property
    def outcome_accuracy(self) -> float | None:
        return self.outcome_correct / self.outcome_total if self.outcome_total else None


@dataclass
class EvalReport:
    documents: list[DocScore] = field(default_factory=list)

    def _aggregate(self, docs: list[DocScore]) -> DocScore:
        total = DocScore("total", "")
        for d in docs:
            for t in TABLES:
                total.tables[t] += d.tables[t]
            total.outcome_correct += d.outcome_correct
            total.outcome_total += d.outcome_total
        return total

    @property
    def total(self) -> DocScore:
        return self._aggregate(self.documents)

    def by_variant(self) -> dict[str, DocScore]:
        variants: dict[str, list[DocScore]] = {}
        for d in self.documents:
            variants.setdefault(d.variant, []).append(d)
        out = {}
        for v, docs in sorted(variants.items()):
            agg = self._aggregate(docs)
            agg.name, agg.variant = v or "(none)", v
            out[v] = agg
        return out


# ---------------------------------------------------------------- keys


def norm_text(value: Any) -> str:
    if value is None:
        return ""
    return re.sub(r"\s+", " ", str(value)).strip()


def norm_name(name: Any) -> str:
    text = norm_text(name).lower()
    text = re.sub(r"^(?:dr|mr|mrs|ms|miss|prof|sir|cllr)\.?\s+", "", text)
    text = re.sub(r"\s*[\(\[][^)\]]*[\)\]]", "", text)
    return re.sub(r"[^\w\s'’-]", "", text).strip()


def _get(row: Any, key: str) -> Any:
    return row.get(key) if isinstance(row, dict) else getattr(row, key, None)


def key_identifier(row: Any) -> Hashable:
    return norm_text(_get(row, "identifier")).upper().replace(" ", "")


def key_decision(row: Any) -> Hashable:
    ident = norm_text(_get(row, "identifier")).upper().replace(" ", "")
    return (ident, norm_text(_get(row, "verb")).upper())


def key_action(row: Any) -> Hashable:
    return (norm_text(_get(row, "action_id")).upper(), norm_text(_get(row, "owner")).lower(),
            norm_text(_get(row, "due_date")))


def key_attendee(row: Any) -> Hashable:
    return norm_name(_get(row, "name"))


KEYS = {"identifiers": key_identifier, "decisions": key_decision, "actions": key_action,
        "attendees": key_attendee}


def match(extracted: list[Any], gold: list[Any], key: Any) -> tuple[Score, list[tuple[Any, Any]],
                                                                      list[Any], list[Any]]:
    """Multiset match: the score, matched (extracted, gold) pairs, missing and extra keys."""
    pool: dict[Hashable, list[Any]] = {}
    for g in gold:
        pool.setdefault(key(g), []).append(g)
    pairs, extra = [], []
    for e in extracted:
        k = key(e)
        if pool.get(k):
            pairs.append((e, pool[k].pop(0)))
        else:
            extra.append(k)
    missing = [k for k, rows in pool.items() for _ in rows]
    return Score(len(pairs), len(extra), len(missing)), pairs, missing, extra


def _meeting_score(records: Records, gold: dict[str, Any]) -> tuple[Score, list[str], list[str]]:
    score, missing, extra = Score(), [], []
    want = gold.get("meeting") or {}
    for f in MEETING_FIELDS:
        g, e = norm_text(want.get(f)), norm_text(getattr(records.meeting, f, None))
        if g and e == g:
            score.tp += 1
        else:
            if g:
                score.fn += 1
                missing.append(f"{f}={g}")
            if e:
                score.fp += 1
                extra.append(f"{f}={e}")
    return score, missing, extra


def variant_of(name: str) -> str:
    stem = Path(name).stem
    return stem.split("__", 1)[1] if "__" in stem else ""


def score_document(name: str, records: Records, gold: dict[str, Any]) -> DocScore:
    doc = DocScore(name, variant_of(name))
    s, miss, extra = _meeting_score(records, gold)
    doc.tables["meeting"] = s
    doc.missing["meeting"], doc.extra["meeting"] = miss, extra
    for table, key in KEYS.items():
        s, pairs, miss, extra = match(getattr(records, table), gold.get(table) or [], key)
        doc.tables[table] = s
        doc.missing[table], doc.extra[table] = miss, extra
        if table == "decisions":
            for e, g in pairs:
                doc.outcome_total += 1
                doc.outcome_correct += norm_text(e.outcome) == norm_text(g.get("outcome"))
    return doc


def evaluate(pairs: Iterable[tuple[str, Records, dict[str, Any]]]) -> EvalReport:
    """Score each ``(name, extracted records, gold dict)``; ``name`` is the file's path or stem."""
    return EvalReport([score_document(name, rec, gold) for name, rec, gold in pairs])


def gold_for(path: Path, gold_dir: Path) -> dict[str, Any] | None:
    """``samples/rendered/csc_15__scan300.pdf`` → ``gold_dir/csc_15.json`` (None if absent)."""
    key = Path(path).stem.split("__", 1)[0]
    candidate = Path(gold_dir) / f"{key}.json"
    if not candidate.is_file():
        return None
    return json.loads(candidate.read_text(encoding="utf-8"))


# ---------------------------------------------------------------- report


def _row(label: str, d: DocScore) -> str:
    cells = [f"{label:<34}"]
    for t in TABLES:
        s = d.tables[t]
        cells.append(f"{s.precision:5.2f} {s.recall:5.2f} {s.f1:5.2f}")
    acc = d.outcome_accuracy
    cells.append("  -  " if acc is None else f"{acc:5.2f}")
    return " | ".join(cells)


def format_report(report: EvalReport, *, details: bool = False) -> str:
    """Precision, recall and F1 per table, per document, per variant and overall."""
    head = [f"{'document':<34}"] + [f"{t[:17]:^17}" for t in TABLES] + ["outc."]
    sub = [" " * 34] + ["  P     R    F1  " for _ in TABLES] + ["acc. "]
    lines = [" | ".join(head), " | ".join(sub), "-" * (36 + 20 * len(TABLES) + 6)]
    for d in report.documents:
        lines.append(_row(Path(d.name).stem[:34], d))
        if details:
            for t in TABLES:
                if d.missing.get(t):
                    lines.append(f"    missing {t}: {d.missing[t]}")
                if d.extra.get(t):
                    lines.append(f"    extra   {t}: {d.extra[t]}")
    variants = report.by_variant()
    if len(variants) > 1 or (variants and next(iter(variants)) != ""):
        lines.append("-" * (36 + 20 * len(TABLES) + 6))
        for v, agg in variants.items():
            lines.append(_row(f"variant {v or '(none)'}", agg))
    lines.append("-" * (36 + 20 * len(TABLES) + 6))
    lines.append(_row("all documents", report.total))
    return "\n".join(lines)


def run_eval(paths: list[str], *, gold_dir: Path, settings: Settings | None = None):
    """Extract every sample under ``paths`` that has gold and score it (``minutes eval``).

    A sample whose extraction failed is scored as having found nothing.
    """
    from pipeline.batch.run import extract_all
    from pipeline.reading.sources import discover

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
