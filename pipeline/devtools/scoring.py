"""Score one document's extracted rows against its gold: which rows match, which fields agree.

Every table is scored twice. **Rows**: precision, recall and F1 of its rows, an extracted and a
gold row matching on the table's key; each row matches at most once (a multiset: two gold
rows with one key need two extracted ones). **Fields**: on the matched rows, the accuracy of
every other contract field that gold gives, each field on its own. A row with the right key
but a wrong field counts once in F1 (found) and once against that field.

One matching rule serves the sample series and real minutes alike:

============  ===========================================================  ======================
table         key (what makes two rows the same row)                       fields scored
============  ===========================================================  ======================
meeting       the document itself (a failed extraction finds none)          every field gold gives
attendees     the name, normalised (case, titles, bracketed initials,      initials, role,
              punctuation)                                                 representing, present
identifiers   the identifier (upper-case, no spaces)                       kind, title,
                                                                           first_page, mentions
decisions     (identifier, verb) *and* the sentence: the two texts must    outcome, page, text
              overlap (``overlap`` >= ``MIN_OVERLAP``), so a right key on
              another sentence is no match (real minutes have no
              identifiers and few verbs), while a sentence cut short or
              run on into the next is found, with a wrong ``text``
actions       the id when the document writes one (``CSC 15/01``,          owner, due_date,
              ``07-01``); an action gold numbers ``<key>/A<n>`` (none      identifier, page,
              written) matches an extracted one with a generated id whose  description
              description overlaps its own (``MIN_OVERLAP``)
============  ===========================================================  ======================

Values are compared with whitespace collapsed and empty meaning unknown (``None`` = ``""``);
names and ids as above. ``text`` and ``description`` count as right when their ``similarity``
(``rapidfuzz`` normalised Indel similarity of the collapsed strings) reaches ``TEXT_OK``
(0.9): a misread letter or a dropped bullet passes, a truncated or merged sentence does not.
``overlap`` is the similarity of the shorter text to its best-aligned stretch of the longer
(``rapidfuzz.fuzz.partial_ratio``): 1.0 when one holds the other. Pairing inside a key is
greedy on overlap, then similarity, then document order: deterministic.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz
from rapidfuzz.distance import Indel

from pipeline.store.records import Records

TABLES = ("meeting", "identifiers", "decisions", "actions", "attendees")
MEETING_FIELDS = ("meeting_id", "committee", "meeting_number", "meeting_date", "start_time",
                  "end_time", "location", "status", "next_meeting_date")
FIELDS: dict[str, tuple[str, ...]] = {
    "meeting": MEETING_FIELDS,
    "identifiers": ("kind", "title", "first_page", "mentions"),
    "decisions": ("outcome", "page", "text"),
    "actions": ("owner", "due_date", "identifier", "page", "description"),
    "attendees": ("initials", "role", "representing", "present"),
}
SIMILAR_FIELDS = frozenset({"text", "description"})
MIN_OVERLAP = 0.75  # decisions / unnumbered actions: below this it is another sentence
TEXT_OK = 0.9  # text / description fields: at or above this the field is right
GENERATED_ID = re.compile(r"/A\d+$")  # ``<meeting_id>/A<n>``: an id nobody wrote


# ---------------------------------------------------------------- scores


@dataclass
class FieldScore:
    correct: int = 0
    total: int = 0

    def __iadd__(self, other: FieldScore) -> FieldScore:
        self.correct += other.correct
        self.total += other.total
        return self

    @property
    def accuracy(self) -> float | None:
        return self.correct / self.total if self.total else None


@dataclass
class Score:
    """Row counts of one table, and the accuracy of each field on its matched rows."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    fields: dict[str, FieldScore] = field(default_factory=dict)

    def __iadd__(self, other: Score) -> Score:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        for name, fs in other.fields.items():
            self.fields.setdefault(name, FieldScore())
            self.fields[name] += fs
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

    @property
    def field_accuracy(self) -> float | None:
        """All fields pooled: right values over values compared."""
        total = sum(fs.total for fs in self.fields.values())
        return sum(fs.correct for fs in self.fields.values()) / total if total else None


@dataclass(frozen=True)
class Mismatch:
    """A wrong field of a matched row, or a row missed (``field='missed'``) or spurious."""

    table: str
    field: str
    page: int | None
    key: str  # the row, short: a name, an identifier, an action id, ``MP089 REJECTED p2``
    got: Any = None
    want: Any = None
    context: str = ""  # the row's text, shortened, to recognise it by

    def line(self, name: str) -> str:
        where = f"{name}:{self.page if self.page is not None else '-'}"
        about = f"{self.key}: {self.context}" if self.context else self.key
        if self.field in ("missed", "spurious"):
            return f"{where} {self.table} {self.field}: {about}"
        return f"{where} {self.table}.{self.field}: {_show(self.got)} → {_show(self.want)}   ({about})"


def _show(value: Any) -> str:
    if value is None or value == "":
        return "∅"
    text = norm_text(value)
    return repr(text if len(text) <= 70 else text[:67] + "...")


# ---------------------------------------------------------------- normalising


def norm_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return re.sub(r"\s+", " ", str(value)).strip()


def norm_name(name: Any) -> str:
    text = norm_text(name).lower()
    text = re.sub(r"^(?:dr|mr|mrs|ms|miss|prof|sir|cllr)\.?\s+", "", text)
    text = re.sub(r"\s*[\(\[][^)\]]*[\)\]]", "", text)
    return re.sub(r"[^\w\s'’-]", "", text).strip()


def norm_id(value: Any) -> str:
    return norm_text(value).upper().replace(" ", "")


def similarity(a: Any, b: Any) -> float:
    """1.0 for equal texts (whitespace collapsed), 0.0 for nothing in common."""
    return Indel.normalized_similarity(norm_text(a), norm_text(b))


def overlap(a: Any, b: Any) -> float:
    """How well the shorter text fits inside the longer (1.0: contained)."""
    return fuzz.partial_ratio(norm_text(a), norm_text(b)) / 100


def _get(row: Any, key: str) -> Any:
    return row.get(key) if isinstance(row, dict) else getattr(row, key, None)


def field_equal(name: str, got: Any, want: Any) -> bool:
    if name in SIMILAR_FIELDS:
        return similarity(got, want) >= TEXT_OK
    if name == "present":
        return bool(got) == bool(want)
    return norm_text(got) == norm_text(want)


# ---------------------------------------------------------------- keys


def key_identifier(row: Any) -> Hashable:
    return norm_id(_get(row, "identifier"))


def key_decision(row: Any) -> Hashable:
    return (norm_id(_get(row, "identifier")), norm_text(_get(row, "verb")).upper())


def key_action(row: Any) -> Hashable:
    """The written id, or ``None`` for an id nobody wrote (then the description decides)."""
    action_id = norm_text(_get(row, "action_id"))
    return None if not action_id or GENERATED_ID.search(action_id) else action_id.upper()


def key_attendee(row: Any) -> Hashable:
    return norm_name(_get(row, "name"))


# key, the text that pairs rows inside a key (None: document order), and whether the texts must
# overlap (MIN_OVERLAP) (always for decisions; for actions only where no id was written)
RowKey = Callable[[Any], Hashable]
RULES: dict[str, tuple[RowKey, str | None, Callable[[Hashable], bool]]] = {
    "identifiers": (key_identifier, None, lambda k: False),
    "decisions": (key_decision, "text", lambda k: True),
    "actions": (key_action, "description", lambda k: k is None),
    "attendees": (key_attendee, None, lambda k: False),
}


def _key(table: str, row: Any) -> str:
    """A row's short name in reports and in tests' lists of known gaps."""
    if table == "decisions":
        return f"{_get(row, 'identifier') or '-'} {_get(row, 'verb')} p{_get(row, 'page')}"
    if table == "actions":
        return norm_text(_get(row, "action_id"))
    if table == "attendees":
        return norm_text(_get(row, "name"))
    return norm_text(_get(row, "identifier"))


def _context(table: str, row: Any) -> str:
    name = {"decisions": "text", "actions": "description"}.get(table)
    return _show(_get(row, name)) if name else ""


def match(table: str, extracted: list[Any], gold: list[Any]) -> tuple[list[tuple[Any, Any]], list[Any], list[Any]]:
    """Pair rows by the table's rule: (matched (extracted, gold) pairs, missed gold, spurious extracted)."""
    key, text_field, needs_text = RULES[table]
    groups: dict[Hashable, tuple[list[int], list[int]]] = {}
    for i, e in enumerate(extracted):
        groups.setdefault(key(e), ([], []))[0].append(i)
    for j, g in enumerate(gold):
        groups.setdefault(key(g), ([], []))[1].append(j)
    pairs: list[tuple[int, int]] = []
    for k, (es, gs) in groups.items():
        candidates = []
        for i in es:
            for j in gs:
                a, b = (_get(extracted[i], text_field), _get(gold[j], text_field)) if text_field else ("", "")
                over = overlap(a, b)
                if needs_text(k) and over < MIN_OVERLAP:
                    continue
                candidates.append((-over, -similarity(a, b), abs(i - j), i, j))
        taken_e: set[int] = set()
        taken_g: set[int] = set()
        for *_, i, j in sorted(candidates):
            if i not in taken_e and j not in taken_g:
                taken_e.add(i)
                taken_g.add(j)
                pairs.append((i, j))
    pairs.sort()
    matched_e = {i for i, _ in pairs}
    matched_g = {j for _, j in pairs}
    return ([(extracted[i], gold[j]) for i, j in pairs],
            [g for j, g in enumerate(gold) if j not in matched_g],
            [e for i, e in enumerate(extracted) if i not in matched_e])


# ---------------------------------------------------------------- one document


def score_table(table: str, extracted: list[Any], gold: list[Any]) -> tuple[Score, list[Mismatch]]:
    pairs, missed, spurious = match(table, extracted, gold)
    score = Score(len(pairs), len(spurious), len(missed))
    issues = [Mismatch(table, "missed", _get(g, "page"), _key(table, g), context=_context(table, g)) for g in missed]
    issues += [Mismatch(table, "spurious", _get(e, "page"), _key(table, e), context=_context(table, e))
               for e in spurious]
    for name in FIELDS[table]:
        fs = score.fields[name] = FieldScore()
        for e, g in pairs:
            if not isinstance(g, dict) or name not in g:
                continue  # gold does not give this field (real gold has no attendee pages)
            fs.total += 1
            got, want = _get(e, name), g[name]
            if field_equal(name, got, want):
                fs.correct += 1
            else:
                page = _get(g, "page") if _get(g, "page") is not None else _get(e, "page")
                issues.append(Mismatch(table, name, page, _key(table, g), got, want, _context(table, g)))
    return score, issues


def score_meeting(records: Records | None, gold: dict[str, Any]) -> tuple[Score, list[Mismatch]]:
    """The one meeting row: found or not, then each field gold gives."""
    want = gold.get("meeting") or {}
    if records is None:
        return Score(0, 0, 1, {f: FieldScore() for f in MEETING_FIELDS}), [
            Mismatch("meeting", "missed", None, "meeting", context="extraction failed")]
    score, issues = Score(1, 0, 0), []
    for name in MEETING_FIELDS:
        fs = score.fields[name] = FieldScore()
        if name not in want:
            continue
        fs.total = 1
        got = getattr(records.meeting, name, None)
        if name == "meeting_id" and isinstance(got, str) and "__" in got:
            # the file-stem fallback of a rendering ``<key>__<variant>``: the document is ``<key>``
            got = got.split("__", 1)[0]
        if field_equal(name, got, want[name]):
            fs.correct = 1
        else:
            issues.append(Mismatch("meeting", name, None, "meeting", got, want[name]))
    return score, issues


def score_records(records: Records | None, gold: dict[str, Any]) -> tuple[dict[str, Score], list[Mismatch]]:
    """Every table of one document; ``records`` None for a document whose extraction failed."""
    scores, issues = {}, []
    scores["meeting"], issues = score_meeting(records, gold)
    for table in TABLES[1:]:
        got = getattr(records, table) if records is not None else []
        scores[table], more = score_table(table, got, gold.get(table) or [])
        issues += more
    return scores, issues
