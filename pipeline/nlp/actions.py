"""Action items written in the text: ``CSC 15/01: SECAS to …``, ``ACTION: DCC to …``,
``Action: DS`` after a paragraph, ``Minute 5604: JM to …``, numbered ``1-01 Members to …``
cells of an action column (several run together on one line), the lines under an
``Action Items`` heading (``Naomi - Move TAC meetings …``) and an ``Action`` column of
initials beside the agenda items. Action tables are read by ``action_tables``.

Ids, dates and cues are read through the OCR confusions (``CSC. 15/O1``, ``on. 30 June``);
an action found or completed only by such a repair is less sure.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from pipeline.nlp.attendee_lists import office_role
from pipeline.nlp.components import FUNCTION_WORDS
from pipeline.nlp.confusions import digit_class, fold_digits, initials_alike, stray_class
from pipeline.nlp.dates import find_dates
from pipeline.nlp.parties import repair, repair_one
from pipeline.nlp.structure import Sections
from pipeline.nlp.text import DocText, TextLine
from pipeline.reading.charclasses import LINE_BULLETS, char_class

# the bullets lists use, as OCR reads them and as text layers write them ("●", "○", "▪")
_BULLET = r"(?:(?:" + char_class(LINE_BULLETS) + r"|[●○◦▪■▫➢✓])\s+)?"
# (not a decision's verb: "The Operations Group AGREED to provide …" is a decision, not an action)
_OWNER_WORD = r"(?:(?!(?:AGREED|AGREES|DECIDED|RESOLVED|APPROVED|NOTED|UNANIMOUSLY)\b)[A-Z][\w&'’.\-]*)"
_OWNER = rf"{_OWNER_WORD}(?:(?:\s*(?:,|/|&)\s*|\s+and\s+|\s+(?:of\s+|the\s+|for\s+)?){_OWNER_WORD}){{0,5}}?"
_TO = r"(?:to|will|should|must|shall|is\s+to|are\s+to|needs?\s+to)"
TO = _TO  # "SECAS to …", "KB will …": what joins an owner to what they are to do
# what follows "to" is what the owner is to do, never a noun's article ("Add DP141 to the agenda …")
_NOT_A_VERB = r"(?!(?:the|a|an|this|that|these|those|its|their|his|her|our|all|each|every|any|some)\b)"
# (a colon a scan read after the owner: "DCC: to publish …")
OWNER_TO = re.compile(rf"^(?P<owner>{_OWNER})\s*[:;]?\s+{_TO}\s+{_NOT_A_VERB}(?P<desc>[a-z]\S*.*)$", re.DOTALL)
OWNER_TO_LOWER = re.compile(r"^(?P<owner>[a-z][a-z0-9]{1,5})\s+(?:to|will|should|must)\s+" + _NOT_A_VERB
                            + r"(?P<desc>[a-z]\S*.*)$", re.DOTALL)
_CUE_WORD = r"ac?t?ion"  # "Action", and "Acion" as typed in haste
# a speck before the cue on a scan: "‘Action: LG to …"
_MARK_SPECK = r"(?:[‘’'\"“”`.,:;*]\s*)?"
ACTION_LEAD = re.compile(r"^\s*" + _MARK_SPECK + _BULLET + r"(?P<cue>" + _CUE_WORD + r")(?:\s+point)?s?\s*(?P<num>\d{1,3})?"
                         r"\s*(?:[:;\-–—]|(?<=\d)[.,])\s*(?P<body>.*)$", re.IGNORECASE)  # (";", "1.": a scan's colon)
# a second "Action:" on the same line starts another action
_NEXT_LEAD = re.compile(r"(?<=\S)\s+(?=" + _CUE_WORD + r"\s*:\s)", re.IGNORECASE)
ACTION_BARE = re.compile(r"^\s*" + _BULLET + r"(?:ACTION|Action)\s+(?P<body>[A-Za-z].*)$")
TRAILING_OWNER = re.compile(r"(?P<before>.*?)\s*\b(?:ACTION|Action)\s*[:\-–]\s*(?P<owner>[A-Z][\w&]*(?:\s*[,/&]\s*[A-Z][\w&]*){0,4})\s*\.?\s*$")
NUMBERED_ID = r"(?P<id>(?<![\d.])\b\d{1,2}[-.]\d{1,2})"
# "07-01", "1-10": the hyphenated numbers of an action column, an action with or without an owner
HYPHEN_ID = re.compile(r"^\d{1,2}-\d{1,2}$")
_WEEKDAY = r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"
_OPEN_ENDINGS = FUNCTION_WORDS | {"at", "from", "into", "under", "as", "is", "are", "be", "will", "should"}
_S = stray_class() + "?"
# (an underscore a scan read for the space: "by_29.10.2018")
STRONG_CUE = re.compile(r"\b(?:by|due(?:\s+(?:by|on|date))?|before|deadline:?|until|no\s+later\s+than)" + _S + r"(?:\s+|_)"
                        r"(?:the\s+)?(?:end\s+of\s+)?" + _WEEKDAY + r"$", re.IGNORECASE)
WEAK_CUE = re.compile(r"\b(?:on|at|for)" + _S + r"\s+" + _WEEKDAY + r"$", re.IGNORECASE)
ITEMS_HEADING = re.compile(r"^\s*(?:summary\s+of\s+|new\s+|open\s+)?(?:action\s+items?|actions?\s+points?|actions?"
                           r"|actions?\s+arising|action\s+log)\s*:?\s*$", re.IGNORECASE)
# an "Action" column header standing alone: its cells are the owners' initials beside each item
# (a quote before, or a letter alone after, is a speck: "Action i")
COLUMN_HEADER = re.compile(r"^\s*[‘’'\"“”`]?(?:action|actions|action\s+by|owner)(?:\s+\S)?\s*$", re.IGNORECASE)
INITIALS_CELL = re.compile(r"^\s*(?P<owner>[A-Z]{2,6}(?:\s*(?:,|/|&|and)\s*[A-Z]{2,6}){0,3})\s*$")


@dataclass
class Action:
    action_id: str | None
    owner: str | None
    description: str
    due_date: str | None
    start: int  # offset in DocText.text
    page: int | None
    identifier: str | None = None
    confidence: float = 1.0  # lowered when the id, owner or due date needed an OCR repair
    repairs: list[str] = field(default_factory=list)  # what was repaired, for the row's note


def one_line(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def split_owner(body: str, parties: list[str] | None = None) -> tuple[str | None, str]:
    """``("SECAS", "invite the Proposer …")`` from ``SECAS to invite the Proposer …``.

    With ``parties``, a lower-case owner that is an OCR misreading of one (``bcc to circulate``
    for DCC) counts too; ``repair_owners`` later puts it right. ``Comments to be submitted``
    names no owner: the passive says what is to be done, not who does it.
    """
    m = OWNER_TO.match(body.strip())
    if m is None and parties:
        low = OWNER_TO_LOWER.match(body.strip())
        if low is not None and repair_one(low["owner"], parties)[1]:
            m = low
    if m is None or len(m["owner"].split()) > 6 or re.match(r"be\s", m["desc"]):
        return None, body.strip()
    return m["owner"].strip(" .,;:_-–—"), m["desc"].strip()


def due_date(text: str) -> str | None:
    """The date an action is due: one introduced by ``by``/``due``/``before`` (or ``on``)."""
    found = due_date_match(text)
    return found[0] if found else None


def due_date_match(text: str) -> tuple[str, bool] | None:
    """``(iso, repaired)`` for the due date, ``repaired`` when only an OCR repair reads it."""
    dates = find_dates(text)
    for cue in (STRONG_CUE, WEAK_CUE):
        for d in dates:
            window = text[max(0, d.start - 40) : d.start]
            m = cue.search(window)
            if m:
                stray = bool(re.search(stray_class(), m.group(0)))
                return d.iso, d.repaired or stray
    return None


def strip_due(desc: str) -> str:
    """The description without a closing ``by 14 April 2020.`` and full stop (or the comma a
    scan read for it)."""
    for d in reversed(find_dates(desc)):
        if desc[d.end :].strip(" .,") == "":
            m = STRONG_CUE.search(desc[: d.start])
            if m:
                desc = desc[: m.start()]
        break
    return desc.strip().rstrip(".,").strip()


def canonical_action_id(raw: str) -> tuple[str, bool] | None:
    """``("CSC 15/01", True)`` from ``CSC. 15/O1``; None when a number has no digit as written."""
    text = one_line(raw).strip(" -–—:.")
    m = re.match(r"^(?P<prefix>[A-Za-z]+)(?P<gap>" + stray_class() + r"?\s?)(?P<rest>\S.*)$", text)
    if m is None:
        return text, False
    if any(not re.search(r"\d", run) for run in re.findall(r"[0-9OoIlSB]+", m["rest"])):
        return None
    rest = re.sub(r"[0-9OoIlSB]+", lambda n: fold_digits(n.group()), m["rest"])
    repaired = rest != m["rest"] or m["gap"].strip() != ""
    return f"{m['prefix']}{' ' if m['gap'] else ''}{rest}", repaired


# "$SC 95/02": the S of an id's prefix read as "$"
_DOLLAR_S = re.compile(r"^\$(?=[A-Z]{1,7}\s?\d{1,3}\s?/)")


def _id_patterns(lexicon: dict) -> list[str]:
    return [p.replace("{D}", "[0-9OoIlSB]").replace("{S}", stray_class() + "?")
            for p in [*lexicon.get("action_id_patterns", []), NUMBERED_ID]]


# a speck OCR read at the start of a line, before an action id, as letters ("Vy 6-02: Vice Chair to …")
# or as a mark (". TABASC 108/03: DCC to …")
_WORD_SPECK = r"(?:(?!(?i:in|on|at|by|to|of|if|or|as|is|it|an|no|so|up|do|be|he|me|my|us|am|go|a|i)\s)[A-Za-z]{1,2}\s+)?"


def _line_patterns(ids: list[str]) -> list[re.Pattern[str]]:
    return [re.compile(r"^\s*" + _BULLET + _MARK_SPECK + _WORD_SPECK + r"(?:(?i:action)\s*(?:(?i:ref)\.?)?\s*)?" + p
                       + r"\s*[:\-–—.)]?\s*(?P<body>(?<=\s|[:\-–—.)])\S.*|[A-Z].*)$") for p in ids]


def _embedded(ids: list[str]) -> re.Pattern[str]:
    """Another action id inside a line, followed by its owner: ``… forms 9.2 SB to share …``."""
    alts = "|".join(p.replace("(?P<id>", "(?:") for p in ids)
    return re.compile(rf"(?<=\s)(?P<id>{alts})\s*[:\-–—.)]?\s*(?={_OWNER}\s+{_TO}\s+[a-z])")


def _continuation(lines: list[TextLine], i: int, starts: set[int], widest: dict[int, int]) -> str:
    """The lines after an action's own, in its block, up to a sentence end or the next action,
    while each line runs to the block's full width (wrapped); a short line ends its cell (an
    action column flattened into lines: the next line is another row)."""
    parts = []
    j = i + 1
    while (j < len(lines) and (lines[j].block == lines[i].block or _over_page(lines, j)) and j not in starts
           and not lines[j].table and not parts_end(lines[j - 1].text)
           and (len(lines[j - 1].text) >= 0.75 * widest.get(lines[i].block, 0)
                or _open_end(lines[j - 1].text))):
        parts.append(lines[j].text)
        j += 1
    return " ".join(parts)


def _over_page(lines: list[TextLine], j: int) -> bool:
    """The first line of a page, going on from the last line of the page before, which broke
    off mid-phrase (``… to the next meeting by`` / ``09.09.2018.``): a lower-case word there, a
    date or a lower-case word here (not ``Action: IS`` / ``6.0 ANNUAL SUMMIT``)."""
    last = lines[j - 1].text.rstrip().rsplit(None, 1)[-1] if lines[j - 1].text.strip() else ""
    first = lines[j].text.lstrip()[:1]
    return (lines[j].page == lines[j - 1].page + 1 and _open_end(lines[j - 1].text) and last.islower()
            and (first.isdigit() or first.islower()))


def _open_end(text: str) -> bool:
    """A line that cannot end a cell: a link broken over the line, a closing ``at``/``to``/``,``."""
    words = text.rstrip().rsplit(None, 1)
    last = words[-1].lower() if words else ""
    return bool(re.search(r"\w+://\S*$", text)) or last in _OPEN_ENDINGS or text.rstrip().endswith((",", "&"))


def _widest(lines: list[TextLine]) -> dict[int, int]:
    """The longest line of each block: the width a wrapped line fills."""
    out: dict[int, int] = {}
    for ln in lines:
        out[ln.block] = max(out.get(ln.block, 0), len(ln.text))
    return out


def parts_end(text: str) -> bool:
    return text.rstrip().endswith((".", "!", "?"))


_PAGE_NUMBER = re.compile(r"\W*page\W*\d{1,3}\W*(?:of\W*\d{1,3}\W*)?", re.IGNORECASE)


def _speck_line(text: str) -> bool:
    """A line of at most two letters and no digit: a speck OCR read as a word (``of``, ``e .``)."""
    return len(re.sub(r"[^A-Za-z]", "", text)) <= 2 and not re.search(r"\d", text)


def _paragraph_before(lines: list[TextLine], i: int, inline: str) -> str:
    """The paragraph an ``Action: DS`` line closes."""
    if inline.strip():
        parts = [inline]
        j = i - 1
        while j >= 0 and lines[j].block == lines[i].block and not lines[j].table:
            parts.insert(0, lines[j].text)
            j -= 1
        return one_line(" ".join(parts))
    j = i - 1
    # blank lines, a speck read as a short word on a line of its own ("of") and a page's number
    # line ("Page.1 of 3") between them
    while j >= 0 and (not lines[j].text.strip() or _speck_line(lines[j].text) or _PAGE_NUMBER.fullmatch(lines[j].text)):
        j -= 1
    if j < 0:
        return ""
    block = lines[j].block if lines[j].block != lines[i].block else lines[i].block
    parts = []
    while j >= 0 and lines[j].block == block and not lines[j].table:
        parts.insert(0, lines[j].text)
        j -= 1
    return one_line(" ".join(parts))


@dataclass
class _Item:
    """One action as found on a line, before its owner and description are read."""

    line: int
    offset: int  # where it starts in DocText.text
    action_id: str | None
    body: str
    id_repaired: bool = False
    owner: str | None = None  # known before the body is read (closes, listed, column, flat)
    kind: str = "written"  # written | closes ("… Action: DS") | listed | column | trailing | subject | flat
    due: str | None = None  # a flat table row's due cell
    last_on_line: bool = True


class _Finder:
    def __init__(self, dt: DocText, lexicon: dict, parties: list[str]) -> None:
        self.dt = dt
        self.parties = parties
        ids = _id_patterns(lexicon)
        self.line_patterns = _line_patterns(ids)
        self.embedded = _embedded(ids)
        self.items: list[_Item] = []

    def owner_to(self, body: str) -> bool:
        return split_owner(body, self.parties)[0] is not None

    def numbered(self, i: int, line: TextLine) -> bool:
        """``CSC 15/01: SECAS to …``, ``07-02–Update previous minutes`` and the ids run on after it."""
        # "$SC 95/02": an S read as "$" at the start of the id (the same length: offsets hold)
        text = _DOLLAR_S.sub("S", line.text, count=1)
        for pat in self.line_patterns:
            m = pat.match(text)
            if m is None:
                continue
            canon = canonical_action_id(m["id"])
            if canon is None:
                continue
            if text != line.text:
                canon = (canon[0], True)
            body = m["body"]
            cuts = [c for c in self.embedded.finditer(body) if canonical_action_id(c["id"]) is not None]
            first = body[: cuts[0].start()] if cuts else body
            if not (self.owner_to(first) or (HYPHEN_ID.match(canon[0]) and len(first.split()) >= 2)):
                continue
            found = [(canon, line.start + m.start("id"), first)]
            for k, c in enumerate(cuts):
                end = cuts[k + 1].start() if k + 1 < len(cuts) else len(body)
                found.append((canonical_action_id(c["id"]), line.start + m.start("body") + c.start(),
                              body[c.end() : end]))
            for n, ((aid, rep), offset, text) in enumerate(found):
                self.items.append(_Item(i, offset, aid, text.strip(), rep, last_on_line=n == len(found) - 1))
            return True
        return False

    def led(self, i: int, line: TextLine) -> bool:
        """``ACTION: DCC to …`` (several on a line), ``ACTION DCC to …``, ``… Action: DS``."""
        text = line.text
        m = ACTION_LEAD.match(text)
        if m:
            parts = _NEXT_LEAD.split(m["body"])
            pos = line.start + m.start("body")
            for n, part in enumerate(parts):
                lead = ACTION_LEAD.match(part)
                # "ACTION 2: Margaret Wilkinson to …": the action numbered as written
                numbered = lead if n else m
                aid = f"{numbered['cue']} {numbered['num']}" if numbered is not None and numbered["num"] else None
                self.items.append(_Item(i, pos, aid, (lead["body"] if lead else part).strip(),
                                        last_on_line=n == len(parts) - 1))
                pos += len(part) + 1
            return True
        m = ACTION_BARE.match(text)
        if m and self.owner_to(m["body"]):
            # "ACTION DCC to provide …": OCR lost the colon after the cue
            self.items.append(_Item(i, line.start, None, m["body"]))
            return True
        m = TRAILING_OWNER.match(text)
        if m and m["before"].strip():
            self.items.append(_Item(i, line.start, None, m["before"], owner=m["owner"], kind="closes"))
            return True
        return False

    def in_table_row(self, i: int, line: TextLine) -> None:
        """``Action: Betsy will …`` written in a cell of a table that is not an action table."""
        pos = line.start
        for cell in line.text.split(" | "):
            m = ACTION_LEAD.match(cell)
            if m and m["body"].strip():
                self.items.append(_Item(i, pos, None, m["body"].strip()))
            pos += len(cell) + 3

    def listed(self, names: list[str]) -> None:
        """The lines under an ``Action Items`` heading, each led by its owner's name."""
        lines = self.dt.lines
        taken = {it.line for it in self.items}
        for i, line in enumerate(lines):
            if line.table or not ITEMS_HEADING.match(line.text):
                continue
            block = line.block
            j = i + 1
            if j < len(lines) and lines[j].block != block:
                block = lines[j].block
            while j < len(lines) and lines[j].block == block and not lines[j].table:
                if j not in taken and (item := self._listed_item(j, lines[j], names)) is not None:
                    self.items.append(item)
                j += 1

    @staticmethod
    def _listed_item(j: int, line: TextLine, names: list[str]) -> _Item | None:
        text = re.sub(r"^\s*" + _BULLET, "", line.text).strip()
        if OWNER_TO.match(text):
            return _Item(j, line.start, None, text)
        for name in sorted(names, key=len, reverse=True):
            m = re.match(rf"^{re.escape(name)}\b\s*[-–—:]?\s*(?P<desc>[A-Z]\S*\s.+)$", text)
            if m:
                return _Item(j, line.start, None, m["desc"], owner=name, kind="listed")
        return None

    def flat_table(self, names: list[str]) -> None:
        """An action table a scan gave back as lines: ``Action ref Action Owner Due date`` over
        ``ssc 41/01 Circulate the updated legal text SECAS ASAP`` / ``to members``. The owner
        is the party, attendee or initials that ends the line before its due date."""
        lines = self.dt.lines
        known = sorted(set(self.parties) | set(names), key=len, reverse=True)
        taken = {it.line for it in self.items}
        for i, line in enumerate(lines):
            if line.table or not FLAT_HEADER.match(line.text):
                continue
            last: _Item | None = None
            for j in range(i + 1, min(len(lines), i + 60)):
                text = lines[j].text.strip()
                if not re.search(r"\w", text) or j in taken:
                    continue
                row = None
                if j + 1 < len(lines) and _YEAR_LINE.match(lines[j + 1].text):
                    row = _flat_row(f"{text} {lines[j + 1].text.strip()}", known)  # the due date's year wrapped
                    if row is not None:
                        taken.add(j + 1)
                row = row or _flat_row(text, known)
                if row is not None:
                    aid, desc, owner, due = row
                    last = _Item(j, lines[j].start, aid, desc, owner=owner, kind="flat", due=due)
                    self.items.append(last)
                elif last is not None and text[:1].islower():
                    last.body = f"{last.body} {text}"  # the row's description, wrapped
                else:
                    break

    def trailing_owners(self, names: Sequence[str] = ()) -> None:
        """``Cllr Buckley to obtain … by 3rd TB`` / ``September 2019.``: under a ``No. Discussion
        Action`` header with no rules, the Action column's initials end the line they stand beside."""
        lines = self.dt.lines
        # the header alone on its line, or read as a row of the table above it (a names grid
        # over the items, no gap between them: "Item Notes | | Owner", the items' first lines
        # read into the grid too)
        if not (any(ROW_HEADER_ACTION.match(bare := ln.text.replace("|", " ")) or _misread_row_header(bare)
                    for ln in lines if not ln.table)
                or any(ROW_HEADER_ACTION.match(" ".join(c for c in row if c))
                       for ref in self.dt.tables for row in (ref.table.rows[1:] or ref.table.rows))):
            return
        known = _known_owners(self.parties, names)
        taken = {it.line for it in self.items}
        for i, line in enumerate(lines):
            m = TRAILING_INITIALS.match(line.text) if not line.table and i not in taken else None
            owner = _known_alike(m["owner"], known) if m is not None else None
            if m is None and not line.table and i not in taken:
                # the initials read in the wrong case ("SW to arrange the away day. sw"): taken
                # only when the line's own sentence names the same owner
                m = TRAILING_CASED.match(line.text)
                up = m["owner"].upper() if m is not None else ""
                owner = up if m is not None and up in known and re.search(
                    rf"(?:^|[.;:]\s){up}\s+{_TO}\s", m["before"]) else None
            read = m["owner"] if m is not None else ""
            if owner is None and not line.table and i not in taken:
                found = self._misread_trailing(line.text, known)
                m = found
                owner, read = (found["owner"], found["read"]) if found is not None else (None, "")
            if m is None or owner is None or (
                    re.search(r"\b(?:[Tt]he|[Aa]n?)\s*$", m["before"]) and i + 1 < len(lines)
                    and re.match(r"\s*[A-Z]{2}", lines[i + 1].text)):
                continue  # ("… Modification Proposal. The CSC" / "RECOMMENDED to the Panel …": its subject)
            text, j = m["before"].strip(), i
            while not text.endswith(".") and j + 1 < len(lines) and lines[j + 1].block == line.block:
                j += 1
                text = f"{text} {lines[j].text.strip()}"
            said = re.search(rf"(?:^(?:[•·*]\s*)?|(?<=[.;:]\s))(?P<s>(?:[A-Z][\w'’.\-]*\s+){{1,4}}{_TO}\s+[a-z][^\n]*)$", text)
            if said is not None:
                self.items.append(_Item(i, line.start, None, said["s"], owner=owner, kind="trailing",
                                        id_repaired=owner != read))

    def subject_owners(self, names: Sequence[str]) -> None:
        """``HP to share the draft roadmap … by April 14, 2021.``: a line, or a sentence inside
        one, that opens with an attendee (initials, full name or first name) and what they are
        to do, no cue before it: the action of an item whose owner column (or the column's
        header) a scan lost, or of minutes that write actions so. When the line after it holds
        the person's initials alone, that is the owner column, and the owner as written. Not a
        party's (``SECAS to …``: an action only as the document marks it)."""
        people = sorted({n for n in names if n and n[0].isupper()}, key=len, reverse=True)
        if not people:
            return
        who = "|".join(re.escape(n) for n in people)
        # ("to", the form of an action: "Barbara will email …" reports what one means to do)
        pattern = re.compile(rf"^\s*(?:{_BULLET})?(?P<s>(?P<who>{who})\s+to\s+{_NOT_A_VERB}[a-z]{{2,}}\b[^|]*)$")
        # or a sentence of its own inside a line: an item table's cell whose header a scan lost
        # ("… register. Arjun Ramsbottom to arrange training …", the cell's initials on the next line)
        inside = re.compile(rf"(?<=[a-z0-9)][.;]\s)(?P<s>(?P<who>{who})\s+to\s+{_NOT_A_VERB}[a-z]{{2,}}\b[^|]*)$")
        lines = self.dt.lines
        taken = {it.line for it in self.items}
        for i, line in enumerate(lines):
            if line.table or i in taken:
                continue
            m = pattern.match(line.text) or inside.search(line.text)
            if m is None:
                continue
            text, j = m["s"].strip(), i
            while not re.search(r"\.(?:\s|$)", text) and j + 1 < len(lines) and lines[j + 1].block == line.block \
                    and not lines[j + 1].table:
                j += 1
                text = f"{text} {lines[j].text.strip()}"
            text = re.match(r".*?(?:\.(?=\s|$)|$)", text)[0]  # the sentence, not the next one
            if j + 1 in taken:
                continue  # the owner column's cell after it is read already, with this sentence as its action
            owner = m["who"]
            cell = lines[j + 1].text.strip() if j + 1 < len(lines) and not lines[j + 1].table else ""
            if re.fullmatch(r"[A-Z]{2,4}", cell) and " " in owner and initialled(owner, cell):
                owner = cell  # the owner column beside it, written as the person's initials
            self.items.append(_Item(i, line.start + m.start("s"), None, text, owner=owner, kind="subject"))

    @staticmethod
    def _misread_trailing(text: str, known: set[str]) -> dict[str, str] | None:
        """Under an owner column's header, a line whose column a scan misread or lost, taken only
        for the owner its own sentence names: ``SECAS to review … report ‘SECA``, ``DCC to
        provide … Doc`` (a letter or the case misread), ``Cecily Boyle to send … cB`` (her
        initials), ``BA to book the hall for the open day.`` (the column lost). ``before``: the
        line before the column, ``owner``: the owner, ``read``: the column as read."""
        m = TRAILING_MISREAD.match(text)
        said = re.match(rf"^\W*(?P<who>[A-Z]{{2,6}}|{_NAMED})\s+{_TO}\s", m["before"]) if m is not None else None
        if m is not None and said is not None:
            who, read = said["who"], m["owner"].upper()
            if who in known and _owner_misread(read, who):
                return {"before": m["before"], "owner": who, "read": m["owner"]}
            if read in known and initialled(who, read):
                return {"before": m["before"], "owner": read, "read": m["owner"]}
        lost = re.match(rf"^\W*(?P<who>[A-Z]{{2,4}})\s+{_TO}\s+[a-z][^.]*\.\s*$", text)
        if lost is not None and lost["who"] in known:
            return {"before": text, "owner": lost["who"], "read": ""}
        return None

    def column_owners(self, names: Sequence[str] = ()) -> None:
        """``NS`` standing alone under an ``Action`` column header: the owner of the item before it."""
        lines = self.dt.lines
        # the header alone on its line, or the last cell of a table's header row (an item table whose
        # later pages, all prose, were read as lines)
        if not (any(COLUMN_HEADER.match(ln.text) for ln in lines if not ln.table)
                or any(ref.table.rows and COLUMN_HEADER.match(ref.table.rows[0][-1]) for ref in self.dt.tables)):
            return
        taken = {it.line for it in self.items}
        known = _known_owners(self.parties, names)
        for i, line in enumerate(lines):
            if line.table or i in taken or i == 0 or lines[i - 1].block != line.block:
                continue
            m = INITIALS_CELL.match(line.text)
            owner, repaired = (m["owner"], False) if m else _misread_owner(line.text, self.parties)
            if owner is None and office_role(line.text.strip()) is not None and len(line.text.split()) <= 2:
                owner = line.text.strip()  # "Chair", "Clerk": an office in the column, as written
            if owner is None and re.fullmatch(r"[a-z]{2,3}", line.text.strip()):
                # initials a poor scan read in lower case past repair ("oc" for DC): the owner the
                # item's own text gives its last "DC to …" sentence
                said = list(_TEXT_OWNER.finditer(lines[i - 1].text))
                owner, repaired = (said[-1]["who"], True) if said else (None, False)
            if owner is None or (len(owner) > 4 and owner not in self.parties and office_role(owner) is None):
                continue  # "DRAFT": a stamp, not an owner
            if owner not in known and office_role(owner) is None and len(re.findall(rf"(?<!\w){re.escape(owner)}(?!\w)", self.dt.text)) < 2:
                continue  # "VV": a speck read as letters, written nowhere else and naming no one
            self.items.append(_Item(i, line.start, None, "", owner=owner, kind="column", id_repaired=repaired))


_TEXT_OWNER = re.compile(rf"(?:^|(?<=[.;:]\s))(?P<who>[A-Z]{{2,5}}|[A-Z][a-z]+(?:\s+[A-Z][a-z’'\-]+){{1,2}})\s+{_TO}\s+[a-z]")


FLAT_HEADER = re.compile(r"^\s*(?:(?:action\s+)?(?:ref\.?|no\.?|id)\s+)?actions?(?:\s+items?)?\s+"
                         r"(?:owner|responsible|who|by\s+whom)(?:\s+(?:due(?:\s+date)?|deadline|target|date|status))*\s*$",
                         re.IGNORECASE)
_FLAT_ID = re.compile(r"^(?P<prefix>[A-Za-z]{2,8})[.,'’]?\s?(?P<num>\d{1,3}\s?/\s?\d{1,3})\s+")
_NO_DATE = re.compile(r"\s*\b(?:ASAP|TBC|TBA|ongoing|immediately|next\s+meeting)\W*$", re.IGNORECASE)
# under a "No. Action Owner Due" header, a row's bare number is its id ("36 Issue the consultation …")
_FLAT_NUMBER = re.compile(r"^(?P<num>\d{1,4})\s+(?=[A-Z])")
# a due date OCR damaged past reading ("“1th November 2019"): a day, a month's name, a year
_BROKEN_DATE = re.compile(r"\s+\S{0,3}\d\w{0,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
                          r"(?:\s+\d{2,4})?\W*$", re.IGNORECASE)
_YEAR_LINE = re.compile(r"^\s*(?:19|20)\d{2}\W*$")


def _flat_row(text: str, known: list[str]) -> tuple[str | None, str, str, str | None] | None:
    """``(id, description, owner, due)`` of one line of a flattened action table."""
    aid = None
    m = _FLAT_ID.match(text)
    if m:
        number = re.sub(r"\s+", "", m["num"])
        aid = f"{m['prefix'].upper()} {number}"
        text = text[m.end() :]
    elif m := _FLAT_NUMBER.match(text):
        aid, text = m["num"], text[m.end() :]
    due = None
    dates = find_dates(text)
    if dates and not text[dates[-1].end :].strip(" .\"'“”"):
        due, text = dates[-1].iso, text[: dates[-1].start]
    else:
        text = _BROKEN_DATE.sub("", _NO_DATE.sub("", text))
    text = text.rstrip(" .,;:\"'“”")
    for party in known:
        if len(party) >= 2 and re.search(rf"(?<!\w){re.escape(party)}$", text):
            desc = text[: len(text) - len(party)].strip()
            return (aid, desc, party, due) if desc else None
    return None


def _known_alike(owner: str, known: set[str]) -> str | None:
    """``owner`` when known; else the one known set of initials it is a misreading of (``CE``
    for ``CF``: capitals OCR confuses), or None."""
    if owner in known:
        return owner
    alike = [k for k in known if k.isupper() and initials_alike(owner, k)]
    return alike[0] if len(alike) == 1 else None


def _known_owners(parties: Sequence[str], names: Sequence[str]) -> set[str]:
    """Who an owner cell may name: the parties, the attendees' initials as written or as their names give them."""
    return set(parties) | set(names) | {"".join(w[0] for w in n.split()) for n in names if " " in n}


# a line of an item table without rules ending in the Action column's initials
TRAILING_INITIALS = re.compile(r"^(?P<before>.*[\w.,)’]\s+)(?P<owner>[A-Z]{2,6}),?\s*$")  # ("DCC,": a speck after)
TRAILING_CASED = re.compile(r"^(?P<before>.*[\w.,)’]\s+)(?P<owner>[A-Za-z][a-z]{1,5})\s*$")
# (a letter of the initials may be read as a symbol: "™D" for ND)
TRAILING_MISREAD = re.compile(r"^(?P<before>.*[\w.,)’]\s+)[‘’'\"“”]?(?P<owner>[A-Za-z]{2,6}|[^\w\s.,;:'\"‘’“”()\[\]]{1}[A-Za-z]{1,5})\s*$")


def _owner_misread(read: str, owner: str) -> bool:
    from rapidfuzz.distance import Levenshtein

    return Levenshtein.distance(read, owner) <= 1
# that table's header: "No. Discussion and decisions Action", "Item Minute Action"
ROW_HEADER_ACTION = re.compile(r"^\s*(?:no\.?|item|ref\.?|#)?\s*(?:[A-Za-z]+\s+){0,4}?(?:discussion|minutes?|notes|decisions?)"
                               r"(?:\s+[A-Za-z]+){0,3}\s+(?:action|actions|action\s+by|owner)\s*$", re.IGNORECASE)


def _misread_row_header(text: str) -> bool:
    """``Tt Motes Omer`` for ``Item Notes Owner``: that header as a poor scan left it, a short
    line of capitalised words ending in one two letters from an owner word, after one two
    letters from a notes word."""
    from rapidfuzz.distance import Levenshtein

    words = text.split()
    if not 2 <= len(words) <= 4 or not all(w[:1].isupper() for w in words):
        return False
    def near(word: str, cands: tuple[str, ...]) -> bool:
        return any(Levenshtein.distance(word.lower(), c) <= (2 if len(c) >= 5 else 1) for c in cands)

    return near(words[-1], ("owner", "action", "actions")) and any(
        near(w, ("notes", "minute", "minutes", "discussion", "decisions")) for w in words[:-1])


def _misread_owner(text: str, parties: list[str]) -> tuple[str | None, bool]:
    """``pcc`` alone in an action column: a party's abbreviation OCR read in the wrong case."""
    word = text.strip()
    if not re.fullmatch(r"[A-Za-z]{2,6}", word) or word.isupper():
        return None, False
    fixed, repaired = repair_one(word, parties)
    return (fixed, True) if repaired and fixed.isupper() else (None, False)


TITLE = r"(?:Cllr|Councillor|Mr|Mrs|Ms|Miss|Dr|Prof)\.?"  # before a name an owner cell's initials stand for
_NAMED = r"[A-Z][a-z]+(?:\s+(?:Mc|Mac|O’|O')?[A-Z][a-z]+){0,2}"


def initialled(who: str, initials: str) -> bool:
    """``Cllr Farrow``, ``Owain Farrow`` or ``Owain`` for ``OF``: a whole name starts with the
    first initial and ends with the last; one name alone is either."""
    words = [w for w in who.split() if not re.fullmatch(TITLE, w)]
    if not words:
        return False
    if len(words) == 1:
        return words[0][:1] in (initials[0], initials[-1])
    return words[-1][:1] == initials[-1] and words[0][:1] == initials[0]


def _own_clause(desc: str, owner: str) -> str:
    """``DCC to confirm the costs for CP1184 by 04-Dec-23`` beside owner DCC (or ``Hugo to …``
    beside HT): what is to be done (``confirm the costs for CP1184``), the owner and the due date
    read apart."""
    m = re.match(rf"^\s*{re.escape(owner)}\s+{_TO}\s+(?P<rest>\S.*)$", desc, re.IGNORECASE | re.DOTALL)
    if m is None and re.fullmatch(r"[A-Z]{2,4}", owner):
        named = re.match(rf"^\s*(?:{TITLE}\s+)?(?P<who>{_NAMED})\s+{_TO}\s+(?P<rest>[a-z].*)$", desc, re.DOTALL)
        m = named if named is not None and initialled(named["who"], owner) else None
    return strip_due(m["rest"]).rstrip(" .") if m else desc


def _column_item(lines: list[TextLine], i: int, owner: str) -> str:
    """What an owner cell of an action column stands beside: the item's text on the line before,
    narrowed to its ``<owner> to …`` sentence when it has one (which gives the due date), or to
    the sentence of the person the owner's initials stand for (``Hugo to …`` beside HT)."""
    j = i - 1
    while j >= 0 and not lines[j].text.strip():
        j -= 1
    if j < 0:
        return ""
    text = lines[j].text
    m = re.search(rf"(?:^|(?<=[.;:]\s))(?:The\s+)?(?P<s>{re.escape(owner)}\s+{_TO}\s+[a-z][^.]*(?:\.\d[^.]*)*)", text)
    m = m or initials_sentence(text, owner)
    return m["s"] if m else text


# where the subject of an action's sentence may start: the text's start, after a full stop,
# colon or semicolon, or after a lower-case word where a scan lost the full stop ("… the risk
# register BH to report …"), but not someone another asked, invited or thanked
SUBJECT_START = r"(?:^|(?<=[.;:]\s)|(?<=[.;:][)”’\"]\s)|(?<=[a-z]\s)(?<!asked\s)(?<!invited\s)(?<!thanked\s))"


def initials_sentence(text: str, owner: str) -> re.Match[str] | None:
    """The ``<name> to …`` sentence (``s``) of the person an owner cell's initials stand for
    (``Cllr Farrow to arrange …`` beside OF), or None."""
    if not re.fullmatch(r"[A-Z]{2,4}", owner):
        return None
    return next((n for n in re.finditer(rf"{SUBJECT_START}(?P<s>(?:{TITLE}\s+)?(?P<who>{_NAMED})\s+{_TO}\s+[a-z][^.]*"
                                        r"(?:\.\d[^.]*)*)", text) if initialled(n["who"], owner)), None)


def _read(item: _Item, lines: list[TextLine], starts: set[int], parties: list[str],
          widest: dict[int, int]) -> Action | None:
    line = lines[item.line]
    if item.kind != "written":
        if item.kind == "closes":
            desc = _paragraph_before(lines, item.line, item.body)  # "… paragraph. Action: DS"
        elif item.kind == "listed":
            desc = item.body
        elif item.kind == "flat":
            return Action(item.action_id, item.owner, item.body, item.due, item.offset, line.page)
        elif item.kind in ("trailing", "subject"):
            said = OWNER_TO.match(item.body)
            body = said["desc"] if said else item.body
            due = due_date_match(body)
            action = Action(None, item.owner, strip_due(body), due[0] if due else None, item.offset, line.page)
            if item.id_repaired:  # the initials were read as look-alike capitals
                action.repairs.append("owner")
                action.confidence = round(action.confidence * 0.9, 3)
            return action
        else:
            desc = _column_item(lines, item.line, item.owner or "")
            if not re.search(r"\b[a-z]{3,}\b", desc):
                return None  # what stands before the owner cell says nothing done ("Page.1 of 3", "Smart Energy Code")
        if not desc:
            return None
        action = Action(item.action_id, item.owner, desc, due_date(desc), item.offset, line.page)
        if item.kind == "column":
            action.description = _own_clause(desc, item.owner or "")
            if item.id_repaired:
                action.repairs.append("owner")
        return action
    more = _continuation(lines, item.line, starts, widest) if item.last_on_line else ""
    full = one_line(f"{item.body} {more}")
    full = re.sub(r"(?<=\w)(?:\s+[^\w\s]+)+$", "", full)  # "Action: Quentin Grimshaw .": specks after it
    owner, desc = split_owner(full, parties)
    if (owner is None and item.action_id is None and len(full.split()) <= 5 and not full.endswith(".")
            and all(w[:1].isupper() or w.lower() in {"and", "&"} or re.fullmatch(r"[0-9][A-Z]{1,3}", w)
                    for w in full.split())):  # ("8D": initials whose first letter a scan read as a digit)
        # "Action: DS" on its own line after the paragraph it closes
        owner, desc = full.strip(), _paragraph_before(lines, item.line, "")
    if not desc:
        return None
    if owner is None and item.action_id is None and len(desc.split()) <= 3 and not re.search(r"\b[a-z]{3,}\b", desc):
        return None  # no one, nothing done: what a scan read after an Action cue ("Page.1 of 3", "pcC", "9%.")
    action = Action(item.action_id, owner, strip_due(desc), None, item.offset, line.page)
    due = due_date_match(desc)
    if due is not None:
        action.due_date = due[0]
        if due[1]:
            action.repairs.append("due date")
    if item.id_repaired:
        action.repairs.append("action id")
    return action


def from_text(dt: DocText, lexicon: dict, parties: list[str], names: Sequence[str] = ()) -> list[Action]:
    """Actions written in the text; ``parties`` are the names an OCR-misread owner may stand for,
    ``names`` the attendees' names, first names and initials an ``Action Items`` line may lead with."""
    finder = _Finder(dt, lexicon, parties)
    for i, line in enumerate(dt.lines):
        if line.table:
            finder.in_table_row(i, line)
            continue
        if not finder.numbered(i, line):
            finder.led(i, line)
    finder.listed(list(names))
    finder.flat_table(list(names))
    finder.column_owners(list(names))
    finder.trailing_owners(list(names))
    finder.subject_owners(list(names))
    starts = {it.line for it in finder.items}
    widest = _widest(dt.lines)
    actions = []
    for item in sorted(finder.items, key=lambda it: it.offset):
        action = _read(item, dt.lines, starts, parties, widest)
        if action is not None:
            action.confidence = round(0.8 ** len(action.repairs), 3)
            actions.append(action)
    return actions


_DIGIT_AS_LETTER = {"8": "SB", "5": "S", "0": "OD", "1": "IL", "6": "G", "2": "Z", "4": "A", "3": "JB"}  # what a digit was


def repair_owners(actions: list[Action], parties: list[str], spelt: Collection[str] = ()) -> None:
    """``bcc`` → ``DCC``: owners OCR misread, matched to the document's known parties. An owner
    is written without the marks around it (``‘Abigail Blackwood``, ``AF.``) and an office without
    its article (``The Chair`` → ``Chair``); initials in lower or mixed case (``cs``, ``Fw``) are
    the attendee's whose initials they spell; a first letter read as a digit (``8D``) is the one
    that gives initials of a party or of an attendee's name (``spelt``)."""
    upper = {p for p in parties if re.fullmatch(r"[A-Z]{2,4}", p)}
    for a in actions:
        if a.owner:
            bare = a.owner.strip(" ‘’'\"“”.,;:")
            if office_role(office := re.sub(r"^(?i:the)\s+", "", bare)) is not None:
                bare = office
            if re.fullmatch(r"[a-z]{2,4}|[A-Za-z]{2,3}", bare) and bare.upper() in upper:  # ("Fw", "yc")
                bare = bare.upper()
            if re.fullmatch(r"[0-9][A-Z]{1,3}", bare):  # "8D": a first letter a scan read as a digit
                fits = {f"{letter}{bare[1:]}" for letter in _DIGIT_AS_LETTER.get(bare[0], "")} & (upper | set(spelt))
                if len(fits) == 1:
                    a.repairs.append(f"owner {bare} -> {next(iter(fits))}")
                    bare = next(iter(fits))
            a.owner = bare or a.owner
        if a.owner and office_role(a.owner) is not None:
            continue  # "Secretary" is an office as written, not a misread "Secretariat"
        owner, fixed = repair(a.owner, parties)
        if fixed:
            a.repairs.append(f"owner {a.owner} -> {owner}")
            a.owner = owner
            a.confidence = round(a.confidence * 0.7, 3)


_PREFIXED_ID = re.compile(r"^(?P<prefix>\S{2,8}?)\s?(?P<num>\d{1,4}\s?/\s?\d{1,3})$")
_PREFIX_LOOKALIKE = str.maketrans({"$": "S", "5": "S", "0": "O", "1": "I", "8": "B", "€": "E"})


# the separator of an id's number read as a space or a speck ("6 22", "4°02", "CB 54 ·01")
_MARKED_SEPARATOR = re.compile(r"(?<=\d)(?:\s*[°·*:;'’~]\s*|\s+)(?=\d{1,3}$)")
_ID_PARTS = re.compile(r"^(?P<prefix>[^\W\d_$§€]{1,8}\d?\s+)?(?P<num>[\w§$][\w§$.,/+\-]{0,9})$")
_DIGIT_LOOKALIKE = str.maketrans({"O": "0", "o": "0", "D": "0", "I": "1", "l": "1", "|": "1", "i": "1", "S": "5",
                                  "s": "5", "§": "5", "$": "5", "B": "8", "Z": "2", "z": "2", "+": "-"})
_SEPARATOR_AS_DIGIT = "1479"  # what a slash or a dash is read as on a poor scan ("53404" for "53/04")


def _number_shape(num: str) -> str | None:
    """``79/01`` → ``dd/dd``, ``6-21`` → ``d-dd``: the digits and the one separator of a clean id number."""
    return re.sub(r"\d", "d", num) if re.fullmatch(r"\d{1,4}[/\-]\d{1,3}", num) else None


def _reid(a: Action, fixed: str) -> None:
    """An action id put right: the repair noted, the row's confidence lowered."""
    a.repairs.append(f"action id {a.action_id!r} -> {fixed!r}")
    a.action_id = fixed
    a.confidence = round(a.confidence * 0.8, 3)


def bare_ids(actions: list[Action]) -> None:
    """``(CSC 9102``, ``‘70``: an action id with a bracket or a quote mark OCR read before it (a
    bracket never closed), that mark dropped."""
    for a in actions:
        aid = a.action_id or ""
        if re.match(r"[(\[‘’'\"“”]+\s*[A-Za-z0-9]", aid) and not re.search(r"[)\]]", aid):
            a.action_id = aid = re.sub(r"^[(\[‘’'\"“”]+\s*", "", aid)
        if re.fullmatch(r"\d{1,4}[.,]", aid) and sum(bool(b.action_id and b.action_id.isdigit()) for b in actions) >= 2:
            a.action_id = aid[:-1]  # "42." among "33", "35": a full stop after a bare number


def lettered_numbers(actions: list[Action]) -> None:
    """``s7`` among the numbered actions ``55``, ``56``: a number a digit of which OCR read as
    the letter it looks like (the lexicon's look-alikes of digits, ``confusions.digit_map``, and
    a lower-case ``s``), put back to digits."""
    numbered = [a for a in actions if a.action_id and a.action_id.isdigit()]
    if not numbered:
        return
    lettered = re.compile(rf"(?:{digit_class()}|[s§$]){{2,4}}")
    for a in actions:
        aid = a.action_id or ""
        if (lettered.fullmatch(aid) and re.search(r"\d", aid) and not aid.isdigit()
                and all(len(b.action_id) == len(aid) for b in numbered)):
            _reid(a, fold_digits(aid.replace("s", "S").replace("§", "5").replace("$", "5")))


def reshape_ids(actions: list[Action]) -> None:
    """``621``, ``3.01`` and ``7+02`` among ``5-22``; ``C8 6301`` and ``CB 63401`` among ``CB 63/02``:
    an action id whose number OCR misread (its separator lost, or read as another mark or as a
    digit, a digit read as a look-alike letter) takes the shape every other id of the document shares, when its digits fill that
    shape exactly. Needs two ids of one shape, and one shape only."""
    parts = [(a, m) for a in actions if a.action_id and (m := _ID_PARTS.match(_MARKED_SEPARATOR.sub(
        ".", a.action_id.strip())))]
    shapes = Counter(shape for _, m in parts if (shape := _number_shape(m["num"])))
    if not shapes:
        return
    (shape, seen), *others = shapes.most_common()
    separator = next(ch for ch in shape if ch != "d")
    if others:
        # two shapes: only "SECP 53/403" among "SECP 53/01", "SECP 53/02" is put right, the
        # separator read as itself and as a digit beside it, its prefix and meeting number the
        # others' (a document that numbers its actions two ways is read as written)
        if seen < 2 or others[0][1] > 1:
            return
        head = shape.index(separator)
        clean = {((o["prefix"] or "").strip(), o["num"][:head]) for _, o in parts if _number_shape(o["num"]) == shape}
        for a, m in parts:
            read = m["num"]
            if not m["prefix"] or _number_shape(read) in (None, shape) or separator not in read:
                continue
            at = read.index(separator)
            cut = next((cut for k in (at - 1, at + 1) if 0 <= k < len(read) and read[k] in _SEPARATOR_AS_DIGIT
                        and _number_shape(cut := read[:k] + read[k + 1 :]) == shape), None)
            if cut is not None and (m["prefix"].strip(), cut[:head]) in clean:
                _reid(a, f"{m['prefix']}{cut}".strip())
        parts = [(a, m) for a in actions if a.action_id and (m := _ID_PARTS.match(_MARKED_SEPARATOR.sub(
            ".", a.action_id.strip())))]
        if len(Counter(found for _, m in parts if (found := _number_shape(m["num"])))) != 1:
            return
    for a, m in parts:
        if _number_shape(m["num"]) is not None:
            continue
        read = m["num"].translate(_DIGIT_LOOKALIKE)
        # "6 22", "4°02", "4.01" beside "2-21": the separator read as a space or another mark,
        # where it stands in the shape (one clean id shows the shape then)
        marked = re.sub(r"(?<=\d)[.,](?=\d)", separator, read) if len(re.findall(r"[.,]", read)) == 1 else read
        if _number_shape(read) == shape or _number_shape(marked) == shape:
            # "§-02": a digit read as a look-alike, the separator kept (or read as a mark)
            number = read if _number_shape(read) == shape else marked
        else:  # the separator lost too: only where two clean ids show the shape
            digits = re.sub(r"[.,/\-]", "", read)
            at = shape.index(next(ch for ch in shape if ch != "d"))
            # one clean id is enough when it has the same prefix and the same number before its
            # separator ("CB 4802", "CSC 91403" beside "CB 48/01", "CSC 91/01": the meeting's number)
            head = shape.index(next(ch for ch in shape if ch != "d"))
            alike = any(_number_shape(o["num"]) and (o["prefix"] or "") == (m["prefix"] or "")
                        and o["num"][:head] == digits[:head] for _, o in parts)
            if ((seen >= 2 or alike) and digits.isdigit() and len(digits) == shape.count("d") + 1
                    and digits[at] in _SEPARATOR_AS_DIGIT):
                digits = digits[:at] + digits[at + 1 :]  # the separator read as a digit
            if (seen < 2 and not alike) or not digits.isdigit() or len(digits) != shape.count("d"):
                continue
            it = iter(digits)
            number = "".join(next(it) if ch == "d" else ch for ch in shape)
        fixed = f"{m['prefix'] or ''}{number}".strip()
        _reid(a, fixed)


def unreadable_ids(actions: list[Action]) -> None:
    """``cB sen`` after ``CB 88/01`` in an action table: an id a scan left with no digit, its
    prefix the one before's, takes the next number of that series (when no action has it)."""
    taken = {a.action_id for a in actions}
    for before, a in zip(actions, actions[1:], strict=False):
        m = re.fullmatch(r"(?P<prefix>[A-Z]{2,8}) (?P<meeting>\d{1,4})/(?P<n>\d{2})", before.action_id or "")
        read = re.fullmatch(r"(?P<prefix>[A-Za-z]{2,8})\s+(?=\S*[^\W\d_])[^\d\s]{1,6}", a.action_id or "")
        if m is None or read is None or read["prefix"].upper() != m["prefix"]:
            continue
        fixed = f"{m['prefix']} {m['meeting']}/{int(m['n']) + 1:02d}"
        if fixed not in taken:
            _reid(a, fixed)
            taken.add(fixed)


def meeting_numbered_ids(actions: list[Action], meeting_number: str | None = None,
                         own_prefixes: Sequence[str] = ()) -> None:
    """``SSC7801``, ``SSC 7802`` in the minutes of meeting 78: ids whose slash OCR lost are the
    meeting's number and two digits (``SSC 78/01``). Needs two such ids, so a series says it,
    or one beside ids of the same prefix written with the slash. The prefix is a committee's
    capitals: ``Minute 5904`` is minute 5904 of meeting 59, as written."""
    if not meeting_number or not meeting_number.isdigit():
        return
    def read(aid: str) -> str:  # "CB S402": the number's digits read as look-alike letters
        prefix, _, num = aid.strip().rpartition(" ")
        return f"{prefix} {num.translate(_DIGIT_LOOKALIKE)}" if prefix else aid.strip()

    # (or one digit: "CSC 823" after "CSC 82/02", the slash and the number's 0 lost)
    found = [(a, m) for a in actions if a.action_id and (m := re.fullmatch(
        rf"(?P<prefix>[A-Z]{{2,8}})\s?{int(meeting_number)}(?P<n>\d{{2}}|[1-9])", read(a.action_id)))]
    slashed = {m["prefix"] for a in actions if a.action_id and (m := re.fullmatch(
        r"(?P<prefix>[A-Z]{2,8})\s?\d{1,4}/\d{2}", a.action_id.strip()))}
    if len(found) < 2 and not (found and (found[0][1]["prefix"] in slashed or found[0][1]["prefix"] in own_prefixes)):
        return  # (or one, beside ids of its prefix that show the slash: "CSC 9201" after "CSC 91/03";
        # or with the committee's own prefix: "CB 8801" in the minutes of Change Board meeting 88)
    for a, m in found:
        fixed = f"{m['prefix']} {int(meeting_number)}/{int(m['n']):02d}"
        if len(m["n"]) == 1 and any(b.action_id == fixed for b in actions):
            continue  # ("CSC 821" beside "CSC 82/01": not the number it would be)
        _reid(a, fixed)


_SERIAL_ID = re.compile(r"^(?P<prefix>.*?\D)?(?P<meeting>\d{1,4})(?P<sep>[/\-])(?P<n>\d{1,3})$")


def serial_ids(actions: list[Action], meeting_number: str | None = None) -> None:
    """``CB 14/3`` among ``CB 14/01``, ``CB 14/02``; ``SECP 26/02`` among ``SECP 28/01``, ``SECP
    28/03`` in the minutes of meeting 28; ``CSC 111/04`` where ``CSC 111/01`` should open the
    list: a meeting's own actions are numbered in order under its number, so one id that breaks
    that series (a digit off the meeting's number, or the one number of the series missing) was
    misread, and takes what the series says. Ids of earlier meetings (an action log) are left."""
    for a in actions:
        if a.action_id and a.action_id != (bare := a.action_id.strip(" ‘’'\"“”")):
            a.action_id = bare  # a quote mark OCR read before the id ("‘70")
    if not meeting_number or not meeting_number.isdigit():
        return
    found = [(a, m) for a in actions if a.action_id and (m := _SERIAL_ID.match(a.action_id))]
    if len({(m["prefix"] or "", m["sep"]) for _, m in found}) != 1:
        return
    own = [(a, m) for a, m in found if int(m["meeting"]) == int(meeting_number)]
    off = [(a, m) for a, m in found if int(m["meeting"]) != int(meeting_number)
           and len(m["meeting"]) == len(meeting_number)
           and sum(x != y for x, y in zip(m["meeting"], meeting_number, strict=True)) == 1]
    if len(own) < 2 or len(off) > 1:
        return
    series = sorted(own + off, key=lambda am: am[0].start)
    width = Counter(len(m["n"]) for _, m in own).most_common(1)[0][0]

    def breaks(series: list[tuple[Action, re.Match[str]]]) -> list[int]:
        return [k for k, (_, m) in enumerate(series)
                if int(m["n"]) != k + 1 or m["meeting"] != meeting_number or len(m["n"]) != width]

    wrong = breaks(series)
    if len(wrong) != 1 and off and off[0] in (series[0], series[-1]):
        # "SECP 52/01" listed before (or after) this meeting's own: an earlier meeting's action in
        # the log, no part of the series; the series is this meeting's own ids alone
        series = [am for am in series if am is not off[0]]
        wrong = breaks(series)
    numbers = [int(m["n"]) for _, m in series]
    if len(wrong) != 1:
        return
    k = wrong[0]
    a, m = series[k]
    if k + 1 in numbers[:k] + numbers[k + 1 :]:
        return
    if m["meeting"] != meeting_number and numbers[k] != k + 1 and k == len(series) - 1:
        return  # "SECP 72/01" after "SECP 73/01", "73/02": an earlier meeting's action, listed after
    prefix = (m["prefix"] or "").strip()
    if m["meeting"] == meeting_number and numbers[k] > k + 1 and prefix and any(
            b.action_id and b.action_id.startswith(prefix) and not _SERIAL_ID.match(b.action_id) for b in actions):
        return  # "CB 54/05" after "CB 54/03" and "CB S44": the gap is an id misread past reading, not this one
    fixed = f"{m['prefix'] or ''}{meeting_number}{m['sep']}{k + 1:0{width}d}"
    if fixed != a.action_id:
        _reid(a, fixed)


def inserted_digit_ids(actions: list[Action], meeting_number: str | None = None) -> None:
    """``TABASC 715/02`` between ``TABASC 75/01`` and ``TABASC 75/03`` in the minutes of meeting
    75: a speck read as a digit inside the meeting's number. Taken only where the id's own number
    is the one the meeting's series lacks."""
    if not meeting_number or not meeting_number.isdigit():
        return
    from rapidfuzz.distance import Levenshtein

    found = [(a, m) for a in actions if a.action_id and (m := _SERIAL_ID.match(a.action_id))]
    own = {(m["prefix"] or "", m["sep"], int(m["n"])) for _, m in found if m["meeting"] == meeting_number}
    for a, m in found:
        key = (m["prefix"] or "", m["sep"])
        numbers = {n for p, sep, n in own if (p, sep) == key}
        if (len(m["meeting"]) == len(meeting_number) + 1 and Levenshtein.distance(m["meeting"], meeting_number) == 1
                and len(numbers) >= 2 and int(m["n"]) not in numbers and int(m["n"]) < max(numbers)):
            _reid(a, f"{m['prefix'] or ''}{meeting_number}{m['sep']}{m['n']}")


def series_gaps(actions: list[Action], meeting_number: str | None = None) -> None:
    """``CB S44`` between ``CB 54/03`` and ``CB 54/05`` in the minutes of meeting 54: an id misread
    past its shape (a digit lost, the slash lost) that stands where the meeting's series lacks
    one number, its digits opening with the meeting's number, takes that number."""
    if not meeting_number or not meeting_number.isdigit():
        return
    with_ids = [a for a in actions if a.action_id]
    for k in range(1, len(with_ids) - 1):
        a, before, after = with_ids[k], _SERIAL_ID.match(with_ids[k - 1].action_id), _SERIAL_ID.match(with_ids[k + 1].action_id)
        prefix, _, num = a.action_id.strip().rpartition(" ")
        if (before is None or after is None or _SERIAL_ID.match(a.action_id) or not prefix
                or {(before["prefix"] or "").strip(), (after["prefix"] or "").strip()} != {prefix}
                or before["meeting"] != meeting_number or after["meeting"] != meeting_number
                or before["sep"] != after["sep"] or int(after["n"]) != int(before["n"]) + 2):
            continue
        digits = num.translate(_DIGIT_LOOKALIKE)
        if digits.isdigit() and digits.startswith(meeting_number) and len(digits) > len(meeting_number):
            _reid(a, f"{before['prefix']}{meeting_number}{before['sep']}{int(before['n']) + 1:0{len(before['n'])}d}")


_ITEM_NUMBERED = re.compile(r"\d{1,2}-\d{2}")


def lost_hyphens(actions: list[Action]) -> None:
    """``401`` among ``5-21``: where the document numbers its actions item-hyphen-number, an id
    of three or four digits alone is one whose hyphen OCR lost (``4-01``)."""
    if not any(a.action_id and _ITEM_NUMBERED.fullmatch(a.action_id) for a in actions):
        return
    for a in actions:
        if a.action_id and re.fullmatch(r"[1-9]\d?\d{2}", a.action_id) and a.action_id[-2:] != "00":
            fixed = f"{a.action_id[:-2]}-{a.action_id[-2:]}"
            _reid(a, fixed)


_BARE_NUMBER = re.compile(r"\d{1,4}")


def numbered_gaps(actions: list[Action]) -> None:
    """``89``, ``90``, ``ot``, ``92``; ``a``, ``68``, ``69``: actions numbered in order, one whose
    number OCR misread (as letters, or a digit off) takes the number the series leaves it: between
    two one number apart from it, or before (after) two that run on from it."""

    def number(a: Action | None, page: int) -> str | None:
        return a.action_id if a is not None and a.page == page and a.action_id and _BARE_NUMBER.fullmatch(
            a.action_id) else None

    def at(k: int) -> Action | None:
        return actions[k] if 0 <= k < len(actions) else None

    for k, a in enumerate(actions):
        read = a.action_id
        before, after = number(at(k - 1), a.page), number(at(k + 1), a.page)
        if not read or _BARE_NUMBER.fullmatch(read) and (
                (before and int(read) - int(before) == 1) or (after and int(after) - int(read) == 1)):
            continue  # no id, or a number that goes on from a neighbour's
        far_before, far_after = number(at(k - 2), a.page), number(at(k + 2), a.page)
        fixed, between = None, False
        if before and after and len(before) == len(after) and int(after) - int(before) == 2:
            fixed, between = f"{int(before) + 1:0{len(before)}d}", True
        elif after and far_after and len(after) == len(far_after) and int(far_after) - int(after) == 1 and int(after) > 1:
            fixed = f"{int(after) - 1:0{len(after)}d}"
        elif before and far_before and len(before) == len(far_before) and int(before) - int(far_before) == 1:
            fixed = f"{int(before) + 1:0{len(before)}d}"
        elif before and _BARE_NUMBER.fullmatch(read) and len(read) == len(before) + 1:
            fixed = f"{int(before) + 1:0{len(before)}d}"  # "42", "430": the next, a speck read as a digit
        if fixed is None or fixed == read:
            continue
        # letters for its digits; a digit off only where both neighbours leave it one number (a
        # series may skip numbers: "69", "75")
        misread = (not re.search(r"\d", read) and len(read) <= len(fixed) + 1) or (
            between and _BARE_NUMBER.fullmatch(read) and len(read) == len(fixed)
            and sum(x != y for x, y in zip(read, fixed, strict=True)) == 1) or (
            _BARE_NUMBER.fullmatch(read) is not None and _one_digit_off(read, fixed, between=between))
        if misread:
            _reid(a, fixed)


def _one_digit_off(read: str, fixed: str, *, between: bool) -> bool:
    """``33`` for ``53`` (a digit read as its look-alike), ``430`` for ``43`` (a speck read as a
    digit after it) wherever the series leaves the number; ``6`` for ``63`` (a digit lost) only
    between two one number apart from it."""
    if len(read) == len(fixed):
        off = [(x, y) for x, y in zip(read, fixed, strict=True) if x != y]
        return len(off) == 1 and frozenset(off[0]) in _DIGIT_ALIKE
    if len(read) == len(fixed) + 1:
        return any(read[:k] + read[k + 1 :] == fixed for k in range(len(read)))
    return between and len(read) + 1 == len(fixed) and any(fixed[:k] + fixed[k + 1 :] == read for k in range(len(fixed)))


# digits a poor scan reads one for the other
_DIGIT_ALIKE = {frozenset(p) for p in ("68", "38", "58", "56", "08", "98", "17", "35", "49")}


def neighbour_ids(actions: list[Action], meeting_number: str | None = None) -> None:
    """``SECP 26/02`` between ``SECP 28/01`` and ``SECP 29/01`` in the minutes of meeting 29 (an
    action log of this and the last meeting): an id whose meeting number no other id has, a
    look-alike digit off that of the id before or after it, whose number goes on from (or leads
    to) that id's, is of that meeting, when that meeting is the nearer one to this."""
    if not meeting_number or not meeting_number.isdigit():
        return
    found = [(a, m) for a in actions if a.action_id and (m := _SERIAL_ID.match(a.action_id))]
    meetings = Counter((m["prefix"] or "", m["meeting"]) for _, m in found)
    for k, (a, m) in enumerate(found):
        if meetings[(m["prefix"] or "", m["meeting"])] != 1:
            continue
        for j, step in ((k - 1, 1), (k + 1, -1)):
            if not 0 <= j < len(found):
                continue
            o = found[j][1]
            if ((o["prefix"] or "") != (m["prefix"] or "") or o["sep"] != m["sep"]
                    or len(o["meeting"]) != len(m["meeting"]) or int(m["n"]) != int(o["n"]) + step
                    or abs(int(o["meeting"]) - int(meeting_number)) >= abs(int(m["meeting"]) - int(meeting_number))
                    or abs(int(o["meeting"]) - int(meeting_number)) > 3):  # ("3-21": an item's number, no meeting's)
                continue
            off = [frozenset((x, y)) for x, y in zip(m["meeting"], o["meeting"], strict=True) if x != y]
            if len(off) == 1 and off[0] in _DIGIT_ALIKE:
                fixed = f"{m['prefix'] or ''}{o['meeting']}{m['sep']}{m['n']}"
                _reid(a, fixed)
                break


def harmonise_ids(actions: list[Action], known_prefixes: Sequence[str] = (), *,
                  meeting_number: str | None = None, own_prefixes: Sequence[str] = ()) -> None:
    """``$sc 79/02`` among ``SSC 79/01``: an action id whose prefix OCR misread takes the prefix
    the document's own clean ids write (or a committee's known one) when the two fold alike;
    ``Ese 110/01`` in the minutes of CSC meeting 110 takes the meeting's own committee's prefix."""
    found = [(a, m) for a in actions if a.action_id and (m := _PREFIXED_ID.match(a.action_id))]
    clean = [m["prefix"] for _, m in found if re.fullmatch(r"[A-Z]{2,8}", m["prefix"])]
    candidates = list(dict.fromkeys([p for p, _ in Counter(clean).most_common()] + list(known_prefixes)))
    own = [p for p in dict.fromkeys(clean) if p in own_prefixes] + list(own_prefixes)
    counts = Counter(clean)
    for a, m in found:
        prefix = m["prefix"]
        if prefix in candidates and not (counts[prefix] == 1 and prefix not in known_prefixes
                                         and _one_letter_off(prefix, counts, own)):
            continue
        right = next((c for c in candidates if c != prefix and _folds_to(prefix, c)), None) or (
            _one_letter_off(prefix, counts, own) if prefix not in known_prefixes else None)
        first = re.match(r"\d+", m["num"])
        if (right is None and own and meeting_number and meeting_number.isdigit() and first
                and not re.fullmatch(r"[A-Z]{2,8}", prefix) and 0 <= int(meeting_number) - int(first[0]) <= 5):
            right = own[0]  # this or a recent meeting's number: the committee's own ids, the prefix misread
        if right is not None:
            a.repairs.append(f"action id {a.action_id!r}")
            number = re.sub(r"\s+", "", m["num"])
            a.action_id = f"{right} {number}"
            a.confidence = round(a.confidence * 0.8, 3)


_BARE_SERIAL = re.compile(r"(?P<meeting>\d{1,4})\s?/\s?(?P<n>\d{1,3})")


def lost_prefixes(actions: list[Action]) -> None:
    """``132/02`` among ``CB 132/01``: an action id whose prefix a scan lost takes the one the
    document's ids of the same meeting number write (only when they all write the same)."""
    prefixes: dict[str, set[str]] = {}
    for a in actions:
        m = re.fullmatch(r"(?P<prefix>[A-Z]{2,8})\s?" + _BARE_SERIAL.pattern, a.action_id or "")
        if m is not None:
            prefixes.setdefault(m["meeting"], set()).add(m["prefix"])
    for a in actions:
        m = _BARE_SERIAL.fullmatch(a.action_id or "")
        if m is not None and len(prefixes.get(m["meeting"], ())) == 1:
            a.repairs.append(f"action id {a.action_id!r}")
            a.action_id = f"{next(iter(prefixes[m['meeting']]))} {m['meeting']}/{m['n']}"
            a.confidence = round(a.confidence * 0.8, 3)


def _folds_to(read: str, prefix: str) -> bool:
    """Is ``read`` the prefix ``prefix`` with letters OCR read as their look-alikes (``$sc`` for
    SSC, ``88C`` and ``S8C`` for SSC, ``C8`` for CB: an 8 is a B or an S)?"""
    read, prefix = read.upper(), prefix.upper()
    return len(read) == len(prefix) and all(
        x == y or x.translate(_PREFIX_LOOKALIKE) == y or (x == "8" and y == "S") for x, y in zip(read, prefix, strict=True))


def _one_letter_off(prefix: str, counts: Counter[str], own: Sequence[str] = ()) -> str | None:
    """``CHC`` once, among ``CSC`` twice or more or in CSC minutes: the prefix one letter away
    that the document or its committee uses, misread."""
    likely = [p for p, n in counts.most_common() if n >= 2] + list(own)
    return next((p for p in likely if p != prefix and len(p) == len(prefix)
                 and sum(x != y for x, y in zip(p, prefix, strict=True)) == 1), None)


def assign_identifiers(actions: list[Action], dt: DocText, sections: Sections, mentions: list) -> None:
    from pipeline.nlp.identifiers import named_in, pick

    for a in actions:
        if a.identifier:
            continue
        end = a.start + max(len(a.description), 1) + 40
        named = [m.identifier for m in mentions if m.identifier in a.description]
        named = named or named_in(mentions, a.start, min(end, len(dt.text)))
        a.identifier = pick(list(dict.fromkeys(named)), sections.identifier_at(a.start))
        if a.identifier is not None and a.identifier not in named and sections.repaired_at(a.start):
            a.repairs.append("identifier from the item's body")
            a.confidence = round(a.confidence * 0.9, 3)


# who was asked, and what to do: "JW was asked to obtain …", "Members asked DCC to confirm …",
# "It was requested that SECAS add …"
_WHO = r"[A-Z][\w&’'.\-]*(?:\s+(?:of\s+)?[A-Z][\w&’'.\-]*){0,3}"
_REPORTED = re.compile(
    rf"^(?:(?:The\s+)?(?P<asked>{_WHO})\s+(?:was|were)\s+asked\s+to"
    rf"|(?:Members|Trustees|Directors|Councillors|The\s+(?:Chair|Board|Panel|Committee|Council))\s+asked\s+(?:the\s+|The\s+)?(?P<by>{_WHO})\s+to"
    rf"|It\s+was\s+requested\s+that\s+(?:the\s+|The\s+)?(?P<that>{_WHO}))\s+(?P<desc>[a-z].*)$",
    re.DOTALL)


def reported_actions(actions: list[Action]) -> None:
    """An action written as reported speech is what the person is to do: ``obtain a quotation …``
    from ``JW was asked to obtain a quotation …`` (its owner, when none was read, the one asked)."""
    for a in actions:
        m = _REPORTED.match(a.description.strip())
        if m is None:
            continue
        a.description = m["desc"].strip()
        a.owner = a.owner or (m["asked"] or m["by"] or m["that"]).strip()


def merge_unnumbered(found: list[Action], more: list[Action]) -> list[Action]:
    """``more``: actions without ids read a second way (an item table's Action column beside text
    already read as lines). One whose words an action found already holds only fills its gaps."""
    out = list(found)
    for t in more:
        same = next((a for a in found if fuzz.partial_ratio(a.description.lower(), t.description.lower()) >= 90), None)
        if same is None:
            out.append(t)
            continue
        same.owner = same.owner or t.owner
        same.due_date = same.due_date or t.due_date
        same.start = min(same.start, t.start)  # its row's place: the order the table gives
        if len(t.description) < len(same.description):
            same.description = t.description  # the sentence that says what is to be done, not its paragraph
    out.sort(key=lambda a: a.start)
    return out


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
