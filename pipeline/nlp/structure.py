"""Document structure: the agenda sections (the meeting header is ``header``).

Agenda headings (``2. Draft Proposal Report``) and proposal sub-headings (``DP094 ‘Supporting
prepayment customers…’``) divide the text into sections; every decision and action takes the
identifier of the section it sits in when its own sentence names none.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from pipeline.nlp.components import FUNCTION_WORDS
from pipeline.nlp.confusions import fold_digits
from pipeline.nlp.dates import month_number
from pipeline.nlp.identifiers import Mention, clean_title, quoted_after
from pipeline.nlp.text import DocText, TextLine
from pipeline.reading.charclasses import LINE_BULLETS, char_class

AGENDA = re.compile(
    r"^\s*(?:(?:Agenda\s+)?Item\s+)?(?P<num>\d{1,2})(?P<sep>[.):]|\s*[-–—])?\s+(?P<title>[A-Z‘'\"“(][^\n]{1,100})$"
)
LIST_ITEM = re.compile(r"^\s*\d{1,2}[.)]\s")
SUB_NUMBER = re.compile(r"^\s*(?:\d{1,2}(?:\.\d{1,2})*[.)]?|[a-z][.)]|" + char_class(LINE_BULLETS) + r")\s+")


@dataclass
class Heading:
    line: int  # index into DocText.lines
    start: int
    kind: str  # "agenda" | "item"
    number: int | None
    title: str
    identifier: str | None = None
    repaired: bool = False  # the identifier was read from the item's body, not its heading


@dataclass
class Sections:
    headings: list[Heading] = field(default_factory=list)
    _starts: list[int] = field(default_factory=list)
    _idents: list[str | None] = field(default_factory=list)

    def identifier_at(self, offset: int) -> str | None:
        i = bisect.bisect_right(self._starts, offset) - 1
        return self._idents[i] if i >= 0 else None

    def repaired_at(self, offset: int) -> bool:
        """Was the identifier of the section holding ``offset`` repaired from its body?"""
        i = bisect.bisect_right(self._starts, offset) - 1
        return i >= 0 and self.headings[i].repaired

    def agenda_at(self, offset: int) -> Heading | None:
        found = None
        for h in self.headings:
            if h.start > offset:
                break
            if h.kind == "agenda":
                found = h
        return found

    @property
    def first_agenda_line(self) -> int | None:
        return next((h.line for h in self.headings if h.kind == "agenda"), None)

    def titles(self) -> dict[str, str]:
        return {h.identifier: h.title for h in self.headings if h.identifier and h.title}


def _title_case_share(title: str) -> float:
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", title) if len(w) > 3]
    if not words:
        return 1.0
    return sum(w[0].isupper() for w in words) / len(words)


def _is_agenda(lines: list[TextLine], i: int, last: int | None) -> re.Match[str] | None:
    line = lines[i]
    if line.table:
        return None
    m = AGENDA.match(line.text)
    if m is None:
        return None
    title = m["title"].strip()
    num = int(m["num"])
    words = title.split()
    if len(words) > 14 or title.endswith((".", ",", ";")) and not title.endswith("etc."):
        return None
    if m["sep"] is None and (_title_case_share(title) < 0.75 or re.search(r"\d", title)
                             or month_number(words[0].strip(",.")) is not None):
        return None
    if _title_case_share(title) < 0.5:
        return None
    # a run of numbered lines is a list, not a heading
    for j in (i - 1, i + 1):
        if 0 <= j < len(lines) and lines[j].block == line.block and LIST_ITEM.match(lines[j].text):
            return None
    if last is not None and not (last <= num <= last + 3):
        return None
    return m


def _item_heading(line: TextLine, mentions: list[Mention], text: str) -> tuple[str | None, str] | None:
    """``(identifier, title)`` when the line is a proposal sub-heading.

    ``DP094 ‘Title’``, ``DP094 – Title``, ``4.1 DP094: Title`` or a bare ``DP094``; a heading
    naming several proposals (``MP103 ‘…’ and MP104 ‘…’``) gives identifier None.
    """
    first = next((m for m in mentions if line.start <= m.start < line.end), None)
    if first is None:
        return None
    lead = text[line.start : first.start]
    if lead.strip() and not SUB_NUMBER.fullmatch(lead):
        return None
    rest = text[first.end : line.end].strip()
    q = quoted_after(text, first.end)
    if q is not None:
        title, end = q
        tail = text[end : line.end] if end <= line.end else ""
        if not tail.strip(" :-–"):
            return first.identifier, title
        if re.match(r"^\s+(?:The|A|An|[A-Z][A-Za-z]+|[A-Z]{2,})\s+[a-zA-Z(]", tail):
            # the heading run into its paragraph: a lost line break, or the cell of an item table
            # that holds heading and discussion together ("MP101 ‘Title’ TABASC considered …")
            return first.identifier, title
        more = re.fullmatch(r"\s*(?:,|and|&)\s*(?P<rest>.+)", tail)
        others = [m for m in mentions if end <= m.start < line.end]
        if more and others and not tail.rstrip().endswith("."):
            return None, title
        return None
    if not rest:
        return first.identifier, ""
    m = re.match(r"^[-–—:]\s*(?P<title>[^\n]{3,100})$", rest)
    if m and not m["title"].rstrip().endswith("."):
        return first.identifier, clean_title(m["title"])
    return None


_OPEN_ENDINGS = FUNCTION_WORDS | {"from", "into", "under", "as", "at", "is", "was", "were", "be"}


def _whole_line_title(line: TextLine, text: str, mentions: list[Mention]) -> bool:
    """The line is just ``DP094 ‘Title’`` (an optional number before it): a heading's shape."""
    first = next((m for m in mentions if line.start <= m.start < line.end), None)
    if first is None:
        return False
    q = quoted_after(text, first.end)
    return q is not None and q[1] <= line.end and not text[q[1] : line.end].strip(" .:-–")


def _heading_context(lines: list[TextLine], i: int, heading_lines: set[int], *,
                     whole_title: bool = False) -> bool:
    """A sub-heading starts its block or follows a heading, a ``…:`` lead or a sentence end.

    A line that is nothing but ``DP094 ‘Title’`` also follows a sentence whose full stop OCR
    lost, unless that line ends mid-phrase (``… presented the report for``).
    """
    if i == 0 or lines[i - 1].block != lines[i].block:
        return True
    prev = lines[i - 1].text.rstrip()
    if i - 1 in heading_lines or prev.endswith((":", ".", "’", "'", "”", '"')) or len(prev) < 40:
        return True
    last = re.findall(r"[A-Za-z]+", prev[-30:])
    return (whole_title and not prev.endswith((",", ";", "-", "–", "(", "&", "/"))
            and bool(last) and last[-1].lower() not in _OPEN_ENDINGS)


def sections(dt: DocText, mentions: list[Mention]) -> Sections:
    headings: list[Heading] = []
    last: int | None = None
    by_line: dict[int, list[Mention]] = {}
    for m in mentions:
        by_line.setdefault(dt.line_index(m.start), []).append(m)
    for i, line in enumerate(dt.lines):
        if line.table:
            row = _row_heading(line, by_line.get(i, []), dt.text, last)
            if row is not None:
                last = row.number
                headings.append(Heading(i, line.start, "agenda", row.number, row.title, row.identifier))
            continue
        agenda = _is_agenda(dt.lines, i, last)
        if agenda is not None:
            last = int(agenda["num"])
            item = _item_heading_in_title(line, by_line.get(i, []), dt.text, agenda)
            headings.append(Heading(i, line.start, "agenda", last, clean_title(agenda["title"]),
                                    item))
            continue
        sub = _item_heading(line, by_line.get(i, []), dt.text)
        if sub is not None and _heading_context(
                dt.lines, i, {h.line for h in headings},
                whole_title=_whole_line_title(line, dt.text, by_line.get(i, []))):
            weak = any(m.needs_evidence for m in by_line.get(i, []) if m.identifier == sub[0])
            headings.append(Heading(i, line.start, "item", None, sub[1], sub[0], repaired=weak))
        elif sub is None and not by_line.get(i):
            orphan = _orphan_heading(line, dt.text)
            if orphan is not None and _heading_context(dt.lines, i, {h.line for h in headings},
                                                       whole_title=True):
                ident = _identifier_from_body(dt, i, orphan, by_line)
                if ident is not None or orphan[0]:
                    headings.append(Heading(i, line.start, "item", None, orphan[1], ident,
                                            repaired=ident is not None))
    result = Sections(headings)
    for h in headings:
        result._starts.append(h.start)
        result._idents.append(h.identifier)
    return result


# what is left of an identifier OCR lost part of: ``125``, ``D?125``, ``0P1Z5``
_BROKEN_ID = re.compile(r"^[A-Za-z0-9?|!.,'’]{2,9}$")


def _orphan_heading(line: TextLine, text: str) -> tuple[str, str] | None:
    """``(digits, title)`` when the line is ``<broken identifier> ‘Title’`` or just ``‘Title’``.

    ``125 ‘Correcting the ESME variant’``: a proposal sub-heading whose identifier OCR lost
    or misread beyond reading; ``digits`` are the digits left of it (maybe none).
    """
    body = text[line.start : line.end]
    lead = SUB_NUMBER.match(body)
    pos = lead.end() if lead else 0
    m = re.match(r"\s*(?P<junk>[^\s‘“'\"`]*)\s*(?:[-–—:]\s*)?", body[pos:])
    junk = m["junk"] if m else ""
    q_at = line.start + pos + (m.end("junk") if m else 0)
    if junk and not (_BROKEN_ID.match(junk) and any(c.isdigit() for c in junk)):
        return None
    q = quoted_after(text, q_at)
    if q is None or q[1] > line.end or text[q[1] : line.end].strip(" .:-–"):
        return None
    title = q[0]
    if len(title.split()) < 2 or title.endswith((".", ",", ";")):
        return None
    digits = "".join(ch for ch in fold_digits(junk) if ch.isdigit())
    return digits, title


def _identifier_from_body(dt: DocText, i: int, orphan: tuple[str, str],
                          by_line: dict[int, list[Mention]], *, reach: int = 40) -> str | None:
    """The identifier the item's own body names: with the heading's title, or ending in its digits."""
    digits, title = orphan
    want = clean_title(title).lower()
    for j in range(i + 1, min(len(dt.lines), i + 1 + reach)):
        line = dt.lines[j]
        if j > i + 1 and (AGENDA.match(line.text) or _orphan_heading(line, dt.text) is not None
                          or _whole_line_title(line, dt.text, by_line.get(j, []))):
            break
        for m in by_line.get(j, []):
            if m.title and fuzz.ratio(clean_title(m.title).lower(), want) >= 85:
                return m.identifier
            if len(digits) >= 2 and m.identifier[len(m.kind):].endswith(digits):
                return m.identifier
    return None


_ROW_NUMBER = re.compile(r"^\s*(?P<num>\d{1,2})[.)]?\s*$")


def _row_heading(line: TextLine, mentions: list[Mention], text: str, last: int | None) -> Heading | None:
    """An agenda item written as a table row: ``4. | CP1459 ‘Title’ | For decision`` (an agenda
    table) or ``4. | CP1459 ‘Title’ SECAS presented … | DCC`` (an item table, the discussion in
    the row). The item's identifier is the one its title cell opens with."""
    cells = line.text.split(" | ")
    if not 2 <= len(cells) <= 3:
        return None
    if not (m := _ROW_NUMBER.match(cells[0])):
        return _unnumbered_row_heading(line, cells, mentions, text, last)
    num = int(m["num"])
    if last is not None and not last < num <= last + 3 or last is None and num > 3:
        return None
    from pipeline.nlp.attendee_lists import is_name

    title = cells[1].strip()
    if not title[:1].isupper() and title[:1] not in "‘'\"“" or is_name(title):
        return None
    title_start = line.start + len(cells[0]) + 3 + (len(cells[1]) - len(cells[1].lstrip()))
    first = next((mn for mn in mentions if mn.start >= title_start), None)
    ident = first.identifier if first is not None and not text[title_start : first.start].strip() else None
    short = title if len(title.split()) <= 14 else " ".join(title.split()[:8])
    if ident is not None and (q := quoted_after(text, first.end)) is not None:
        short = q[0]
    return Heading(0, line.start, "agenda", num, clean_title(short), ident)


def _unnumbered_row_heading(line: TextLine, cells: list[str], mentions: list[Mention], text: str,
                            last: int | None) -> Heading | None:
    """``Te | DP227 ‘Title’ | For discussion``, ``DP241 ‘Title’ | Chair``: a row of an agenda or
    item table whose number a scan misread or lost, after a numbered one: its title cell is just
    a proposal and its quoted title (a speck before it), and it is the next item."""
    if last is None:
        return None
    k = 1 if re.fullmatch(r"\W*[A-Za-z]{0,2}\W*", cells[0]) else 0
    cell_start = line.start + sum(len(c) + 3 for c in cells[:k])
    cell_end = cell_start + len(cells[k])
    first = next((mn for mn in mentions if cell_start <= mn.start < cell_end), None)
    if first is None or text[cell_start : first.start].strip(" ‘’'\"“”`.,"):
        return None
    q = quoted_after(text, first.end)
    if q is None or q[1] > cell_end or text[q[1] : cell_end].strip(" .:-–"):
        return None
    return Heading(0, line.start, "agenda", last + 1, clean_title(q[0]), first.identifier)


def _item_heading_in_title(line: TextLine, mentions: list[Mention], text: str,
                           agenda: re.Match[str]) -> str | None:
    """``4. DP094 ‘Title’``: an agenda heading that is itself a proposal item."""
    title_start = line.start + agenda.start("title")
    first = next((m for m in mentions if m.start >= title_start), None)
    if first is None or text[title_start : first.start].strip():
        return None
    return first.identifier
