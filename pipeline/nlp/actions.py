"""Action items: ``CSC 15/01: SECAS to …``, ``ACTION: DCC to …``, ``Action: DS`` after a
paragraph, ``Minute 5604: JM to …``, numbered ``1-01 Members to …`` lines in an action column,
and action tables (``Ref | Action | Owner | Due``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.nlp.dates import find_dates, parse_date
from pipeline.nlp.parties import repair, repair_one
from pipeline.nlp.structure import Sections
from pipeline.nlp.text import DocText, TextLine
from pipeline.reading.charclasses import LINE_BULLETS, char_class
from pipeline.reading.document import Table

_BULLET = r"(?:" + char_class(LINE_BULLETS) + r"\s+)?"
_OWNER_WORD = r"(?:[A-Z][\w&'’.\-]*)"
OWNER_TO = re.compile(
    rf"^(?P<owner>{_OWNER_WORD}(?:(?:\s*(?:,|/|&)\s*|\s+and\s+|\s+(?:of\s+|the\s+|for\s+)?){_OWNER_WORD}){{0,5}}?)"
    r"\s+(?:to|will|should|must|is\s+to|are\s+to)\s+(?P<desc>[a-z]\S*.*)$",
    re.DOTALL,
)
ACTION_LEAD = re.compile(r"^\s*" + _BULLET + r"action(?:\s+point)?s?\s*(?:\d{1,3})?\s*[:\-–—]\s*(?P<body>.*)$",
                         re.IGNORECASE)
ACTION_BARE = re.compile(r"^\s*" + _BULLET + r"(?:ACTION|Action)\s+(?P<body>[A-Za-z].*)$")
TRAILING_OWNER = re.compile(r"(?P<before>.*?)\s*\b(?:ACTION|Action)\s*[:\-–]\s*(?P<owner>[A-Z][\w&]*(?:\s*[,/&]\s*[A-Z][\w&]*){0,4})\s*\.?\s*$")
NUMBERED_ID = r"(?P<id>\b\d{1,2}[-.]\d{1,2})"
_WEEKDAY = r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"
STRONG_CUE = re.compile(r"\b(?:by|due(?:\s+(?:by|on|date))?|before|deadline:?|until|no\s+later\s+than)\s+"
                        r"(?:the\s+)?(?:end\s+of\s+)?" + _WEEKDAY + r"$", re.IGNORECASE)
WEAK_CUE = re.compile(r"\b(?:on|at|for)\s+" + _WEEKDAY + r"$", re.IGNORECASE)


@dataclass
class Action:
    action_id: str | None
    owner: str | None
    description: str
    due_date: str | None
    start: int  # offset in DocText.text
    page: int | None
    identifier: str | None = None
    confidence: float = 1.0  # lowered when the owner or due date needed an OCR repair


OWNER_TO_LOWER = re.compile(r"^(?P<owner>[a-z][a-z0-9]{1,5})\s+(?:to|will|should|must)\s+(?P<desc>[a-z]\S*.*)$",
                            re.DOTALL)


def split_owner(body: str, parties: list[str] | None = None) -> tuple[str | None, str]:
    """``("SECAS", "invite the Proposer …")`` from ``SECAS to invite the Proposer …``.

    With ``parties``, a lower-case owner that is an OCR misreading of one (``bcc to circulate``
    for DCC) counts too; ``repair_owners`` later puts it right.
    """
    m = OWNER_TO.match(body.strip())
    if m is None and parties:
        low = OWNER_TO_LOWER.match(body.strip())
        if low is not None and repair_one(low["owner"], parties)[1]:
            m = low
    if m is None or len(m["owner"].split()) > 6:
        return None, body.strip()
    return m["owner"].strip(" .,;:_-–—"), m["desc"].strip()


def due_date(text: str) -> str | None:
    """The date an action is due: one introduced by ``by``/``due``/``before`` (or ``on``)."""
    dates = find_dates(text)
    for cue in (STRONG_CUE, WEAK_CUE):
        for d in dates:
            if cue.search(text[max(0, d.start - 40) : d.start]):
                return d.iso
    return None


def strip_due(desc: str) -> str:
    """The description without a closing ``by 14 April 2020.`` and full stop."""
    for d in reversed(find_dates(desc)):
        if desc[d.end :].strip(" .") == "":
            m = STRONG_CUE.search(desc[: d.start])
            if m:
                desc = desc[: m.start()]
        break
    return desc.strip().rstrip(".").strip()


def _one_line(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _id_patterns(lexicon: dict) -> list[re.Pattern[str]]:
    return [re.compile(r"^\s*" + _BULLET + r"(?:(?i:action)\s*(?:(?i:ref)\.?)?\s*)?" + p
                       + r"\s*[:\-–—.)]?\s+(?P<body>.+)$")
            for p in [*lexicon.get("action_id_patterns", []), NUMBERED_ID]]


def _continuation(lines: list[TextLine], i: int, starts: set[int]) -> tuple[str, int]:
    """The action's text: its line and the following lines of its block up to a sentence end."""
    parts = []
    j = i + 1
    while (j < len(lines) and lines[j].block == lines[i].block and j not in starts
           and not lines[j].table and not parts_end(lines[j - 1].text)):
        parts.append(lines[j].text)
        j += 1
    return " ".join(parts), j


def parts_end(text: str) -> bool:
    return text.rstrip().endswith((".", "!", "?"))


def _paragraph_before(lines: list[TextLine], i: int, inline: str) -> str:
    """The paragraph an ``Action: DS`` line closes."""
    if inline.strip():
        parts = [inline]
        j = i - 1
        while j >= 0 and lines[j].block == lines[i].block and not lines[j].table:
            parts.insert(0, lines[j].text)
            j -= 1
        return _one_line(" ".join(parts))
    j = i - 1
    while j >= 0 and not lines[j].text.strip():
        j -= 1
    if j < 0:
        return ""
    block = lines[j].block if lines[j].block != lines[i].block else lines[i].block
    parts = [ln.text for ln in lines[: i] if ln.block == block and not ln.table]
    return _one_line(" ".join(parts))


def from_text(dt: DocText, lexicon: dict, parties: list[str]) -> list[Action]:
    """Actions written in the text; ``parties`` are the names an OCR-misread owner may stand for."""
    lines = dt.lines
    patterns = _id_patterns(lexicon)

    def owner_to(body: str) -> bool:
        return split_owner(body, parties)[0] is not None
    found: dict[int, tuple[str | None, str, bool]] = {}  # line → (id, body, explicit "Action")
    for i, line in enumerate(lines):
        if line.table:
            continue
        text = line.text
        for pat in patterns:
            m = pat.match(text)
            if m and owner_to(m["body"]):
                found[i] = (_one_line(m["id"]).strip(" -–—:."), m["body"], False)
                break
        if i in found:
            continue
        m = ACTION_LEAD.match(text)
        if m:
            found[i] = (None, m["body"], True)
            continue
        m = ACTION_BARE.match(text)
        if m and owner_to(m["body"]):
            # "ACTION DCC to provide …": OCR lost the colon after the cue
            found[i] = (None, m["body"], True)
            continue
        m = TRAILING_OWNER.match(text)
        if m and m["before"].strip():
            found[i] = (None, "\0" + m["owner"] + "\0" + m["before"], True)
    starts = set(found)
    actions: list[Action] = []
    for i, (aid, body, _explicit) in sorted(found.items()):
        line = lines[i]
        if body.startswith("\0"):
            _, owner, before = body.split("\0", 2)
            desc = _paragraph_before(lines, i, before)
            actions.append(Action(aid, owner, desc, due_date(desc), line.start, line.page))
            continue
        more, _ = _continuation(lines, i, starts)
        full = _one_line(f"{body} {more}")
        owner, desc = split_owner(full, parties)
        if owner is None and aid is None and len(full.split()) <= 5 and not full.endswith("."):
            # "Action: DS" on its own line after the paragraph it closes
            owner, desc = full.strip(), _paragraph_before(lines, i, "")
        if not desc:
            continue
        actions.append(Action(aid, owner, strip_due(desc), due_date(desc), line.start, line.page))
    return actions


# ---------------------------------------------------------------- tables

_ACTION_HEAD = {
    "id": ("ref", "ref.", "no", "no.", "#", "action id", "action ref", "number", "id", "action no", "action no."),
    "description": ("action", "actions", "description", "action description", "detail", "details", "task"),
    "owner": ("owner", "owners", "who", "responsible", "lead", "by whom", "action by", "action owner", "assigned to"),
    "due": ("due", "due date", "deadline", "by when", "target date", "date due", "due by", "date", "target"),
    "identifier": ("proposal", "modification", "mod", "dp/mp", "identifier", "item"),
}


def _columns(header: list[str]) -> dict[str, int] | None:
    cols: dict[str, int] = {}
    for i, cell in enumerate(header):
        low = re.sub(r"\s+", " ", re.sub(r"[^a-z0-9\s#./]", " ", cell.lower())).strip(" .")
        for key, words in _ACTION_HEAD.items():
            if key not in cols and low in words:
                cols[key] = i
                break
    return cols if "description" in cols and ("owner" in cols or "due" in cols) else None


def is_action_table(table: Table) -> bool:
    return bool(table.rows) and _columns(table.rows[0]) is not None


def from_table(table: Table, page: int, start: int) -> list[Action]:
    cols = _columns(table.rows[0]) if table.rows else None
    if cols is None:
        return []
    actions: list[Action] = []
    for row in table.rows[1:]:
        def cell(key: str, row: list[str] = row) -> str:
            i = cols.get(key)
            return _one_line(row[i]).strip(" _=|-–—:;,") if i is not None and i < len(row) else ""

        desc = cell("description")
        wrapped = (not cell("id")) if "id" in cols else (not cell("owner") and desc[:1].islower())
        if actions and wrapped:
            # the next line of a wrapped row: its cells continue the row above
            prev = actions[-1]
            prev.description = _one_line(f"{prev.description} {desc}")
            if re.search(r"\w", cell("owner")):  # not a speck read as "." in the empty cell
                prev.owner = _one_line(f"{prev.owner or ''} {cell('owner')}")
            if prev.due_date is None and cell("due"):
                prev.due_date = parse_date(cell("due"))
            continue
        if not desc:
            continue
        owner = cell("owner") or None
        if owner is None:
            owner, desc = split_owner(desc)
        due_text = cell("due")
        due = parse_date(due_text) if due_text else due_date(desc)
        actions.append(Action(cell("id") or None, owner, desc, due, start, page,
                              cell("identifier") or None))
    return actions


def repair_owners(actions: list[Action], parties: list[str]) -> None:
    """``bcc`` → ``DCC``: owners OCR misread, matched to the document's known parties."""
    for a in actions:
        owner, fixed = repair(a.owner, parties)
        if fixed:
            a.owner = owner
            a.confidence = round(a.confidence * 0.7, 3)


def assign_identifiers(actions: list[Action], dt: DocText, sections: Sections, mentions: list) -> None:
    from pipeline.nlp.identifiers import named_in, pick

    for a in actions:
        if a.identifier:
            continue
        end = a.start + max(len(a.description), 1) + 40
        named = [m.identifier for m in mentions if m.identifier in a.description]
        named = named or named_in(mentions, a.start, min(end, len(dt.text)))
        a.identifier = pick(list(dict.fromkeys(named)), sections.identifier_at(a.start))


def merge(text_actions: list[Action], table_actions: list[Action]) -> list[Action]:
    """Text first; a table row repeating an action (same id) only fills its gaps."""
    by_id = {a.action_id: a for a in text_actions if a.action_id}
    out = list(text_actions)
    for t in table_actions:
        a = by_id.get(t.action_id) if t.action_id else None
        if a is None:
            out.append(t)
            continue
        a.owner = a.owner or t.owner
        a.due_date = a.due_date or t.due_date
    out.sort(key=lambda a: a.start)
    return out
