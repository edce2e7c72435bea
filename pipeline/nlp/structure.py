"""Document structure: the meeting header and the agenda sections.

Agenda headings (``2. Draft Proposal Report``) and proposal sub-headings (``DP094 ‘Supporting
prepayment customers…’``) divide the text into sections; every decision and action takes the
identifier of the section it sits in when its own sentence names none.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from pipeline.nlp.components import FUNCTION_WORDS
from pipeline.nlp.dates import find_dates, month_number, parse_date, parse_time_range
from pipeline.nlp.identifiers import Mention, clean_title, quoted_after
from pipeline.nlp.text import DocText, TextLine
from pipeline.nlp.vocab import alternation, lexicon
from pipeline.reading.charclasses import LINE_BULLETS, char_class

AGENDA = re.compile(
    r"^\s*(?:(?:Agenda\s+)?Item\s+)?(?P<num>\d{1,2})(?P<sep>[.):]|\s*[-–—])?\s+(?P<title>[A-Z‘'\"“(][^\n]{1,100})$"
)
LIST_ITEM = re.compile(r"^\s*\d{1,2}[.)]\s")
SUB_NUMBER = re.compile(r"^\s*(?:\d{1,2}(?:\.\d{1,2})*[.)]?|[a-z][.)]|" + char_class(LINE_BULLETS) + r")\s+")
_REF = re.compile(r"\b(?P<prefix>[A-Z][A-Z0-9]{1,11})_\s?(?P<num>\d{1,3})\s?[_ ]\s?(?P<code>\d{3,4})\b")
_STATUS = re.compile(
    r"\b(?P<a>draft|final|approved|agreed)\s+minutes\b|\bminutes\s*[-–(:]?\s*(?P<b>draft|final|approved)\b"
    r"|^\s*(?P<c>DRAFT|FINAL|APPROVED)\s*$",
    re.IGNORECASE,
)
_NEXT = re.compile(r"(?:^|\b)(?:date\s+of\s+(?:the\s+)?)?next\s+meeting\b", re.IGNORECASE)
_LABEL = re.compile(r"^\s*(?P<label>date|time|location|venue|place|where|meeting\s+no\.?|meeting\s+number)"
                    r"\s*[:|]\s*(?P<value>.+)$", re.IGNORECASE)
_MEETING_NO = re.compile(r"\bmeeting\s+(?:no\.?\s*|number\s*)?(?P<num>\d{1,4})\b|\b(?P<ord>\d{1,4})(?:st|nd|rd|th)\s+meeting\b",
                         re.IGNORECASE)
_BODY_WORDS = alternation(lexicon()["body_words"])


@dataclass
class Heading:
    line: int  # index into DocText.lines
    start: int
    kind: str  # "agenda" | "item"
    number: int | None
    title: str
    identifier: str | None = None


@dataclass
class Sections:
    headings: list[Heading] = field(default_factory=list)
    _starts: list[int] = field(default_factory=list)
    _idents: list[str | None] = field(default_factory=list)

    def identifier_at(self, offset: int) -> str | None:
        i = bisect.bisect_right(self._starts, offset) - 1
        return self._idents[i] if i >= 0 else None

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
        if re.match(r"^\s+(?:The|A|An|SECAS|DCC)\s+[a-zA-Z]", tail):
            return first.identifier, title  # the heading run into its paragraph (lost line break)
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
            headings.append(Heading(i, line.start, "item", None, sub[1], sub[0]))
    result = Sections(headings)
    for h in headings:
        result._starts.append(h.start)
        result._idents.append(h.identifier)
    return result


def _item_heading_in_title(line: TextLine, mentions: list[Mention], text: str,
                           agenda: re.Match[str]) -> str | None:
    """``4. DP094 ‘Title’``: an agenda heading that is itself a proposal item."""
    title_start = line.start + agenda.start("title")
    first = next((m for m in mentions if m.start >= title_start), None)
    if first is None or text[title_start : first.start].strip():
        return None
    return first.identifier


# ---------------------------------------------------------------- header


@dataclass
class Header:
    meeting_id: str | None = None
    committee: str | None = None
    meeting_number: str | None = None
    meeting_date: str | None = None
    start_time: str | None = None
    end_time: str | None = None
    location: str | None = None
    status: str | None = None
    next_meeting_date: str | None = None


def is_furniture(text: str, patterns: list[str]) -> bool:
    return any(re.search(p, text.strip(), re.IGNORECASE) for p in patterns)


def _committee(lines: list[str], committees: list[dict], prefix: str | None) -> str | None:
    for text in lines:
        best: tuple[int, str] | None = None
        for c in committees:
            for name in c["names"]:
                if re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text, re.IGNORECASE) and (
                        best is None or len(name) > best[0]):
                    best = (len(name), c["canonical"])
        if best is not None:
            return best[1]
    if prefix:
        for c in committees:
            if prefix.upper() in c["abbrevs"]:
                return c["canonical"]
    for text in lines:
        m = re.search(rf"^(?:minutes\s+of\s+(?:the\s+)?)?(?P<name>(?:[A-Z][\w&'’-]*\s+){{0,5}}{_BODY_WORDS})\b",
                      text.strip())
        if m:
            return m["name"].strip()
    return None


def header(dt: DocText, sections: Sections, lexicon: dict) -> Header:
    """The meeting's reference, committee, date, times, place, status and next date."""
    furniture = lexicon.get("furniture", [])
    stop = sections.first_agenda_line
    head_lines: list[TextLine] = []
    for i, line in enumerate(dt.lines):
        if stop is not None and i >= stop:
            break
        if re.match(r"^\s*(attendees|attendance|present|members\s+present)\b", line.text, re.IGNORECASE):
            break
        if line.page > (dt.lines[0].page if dt.lines else 1) or len(head_lines) > 25:
            break
        head_lines.append(line)
    texts = [ln.text.strip() for ln in head_lines if ln.text.strip()]
    clean = [t for t in texts if not is_furniture(t, furniture)]
    h = Header()

    ref = next((m for t in texts if (m := _REF.search(t))), None)
    if ref is None:
        ref = _REF.search(dt.text)
    prefix = None
    if ref is not None:
        prefix = ref["prefix"]
        h.meeting_id = f"{ref['prefix']}_{ref['num']}_{ref['code']}"
        h.meeting_number = ref["num"]
    if h.meeting_number is None:
        for t in clean:
            m = _MEETING_NO.search(t)
            if m:
                h.meeting_number = m["num"] or m["ord"]
                break
    h.committee = _committee(clean, lexicon.get("committees", []), prefix)

    labelled = {m["label"].lower().split()[0]: m["value"].strip() for t in clean if (m := _LABEL.match(t))}
    date_line = None
    for idx, t in enumerate(clean):
        if find_dates(t) and not _NEXT.search(t):
            date_line = idx
            break
    if "date" in labelled:
        h.meeting_date = parse_date(labelled["date"])
    if h.meeting_date is None and date_line is not None:
        h.meeting_date = parse_date(clean[date_line])
    time_src = [labelled.get("time", "")] + ([clean[date_line]] if date_line is not None else []) + clean
    for t in time_src:
        start, end = parse_time_range(t)
        if start:
            h.start_time, h.end_time = start, end
            break

    for key in ("location", "venue", "place", "where"):
        if key in labelled:
            h.location = labelled[key]
            break
    if h.location is None and date_line is not None:
        h.location = _location_after(clean, date_line, h.meeting_id)
    if h.location is not None:
        h.location = h.location.strip(" .,;:_-–—|") or None

    for t in texts + [ln.text for ln in dt.lines if h.meeting_id and _REF.search(ln.text)]:
        m = _STATUS.search(t)
        if m:
            word = (m["a"] or m["b"] or m["c"]).lower()
            h.status = "draft" if word == "draft" else "final"
            break
    h.next_meeting_date = next_meeting(dt)
    return h


def _location_after(clean: list[str], date_line: int, meeting_id: str | None) -> str | None:
    line = clean[date_line]
    # "26 May 2020, 10:00 - 11:10, Teleconference": whatever follows the time range
    m = re.search(r"\d[:.]\d\d\s*(?:[ap]\.?m\.?)?\s*(?:-|–|—|to)\s*\d{1,2}(?:[:.]\d\d)?\s*(?:[ap]\.?m\.?)?\s*[,;|–-]\s*(?P<rest>[^\n]+)$",
                  line, re.IGNORECASE)
    if m and m["rest"].strip():
        return m["rest"].strip()
    for t in clean[date_line + 1 : date_line + 3]:
        if _REF.search(t) or _STATUS.search(t) or find_dates(t) or re.search(r"minutes|attendees", t, re.IGNORECASE):
            continue
        if len(t.split()) <= 12:
            return t.strip()
    return None


def next_meeting(dt: DocText) -> str | None:
    """``Next Meeting: 30 June 2020`` or ``The next meeting will be held on …``."""
    candidates: list[tuple[int, str]] = []
    for line in dt.lines:
        text = line.text.strip()
        m = _NEXT.search(text)
        if m is None:
            continue
        after = dt.text[line.start + m.end() : line.start + m.end() + 120]
        label = bool(re.match(r"^\s*(?:date\s+of\s+(?:the\s+)?)?next\s+meeting\b", text, re.IGNORECASE))
        verb = re.match(r"^[^.\n]{0,25}?\b(?:will\s+(?:be|take)|is|:)", after, re.IGNORECASE)
        if not (label or verb):
            continue
        dates = find_dates(after)
        if dates and dates[0].start < 80:
            candidates.append((0 if label else 1, dates[0].iso))
    candidates.sort(key=lambda c: c[0])
    return candidates[0][1] if candidates else None
