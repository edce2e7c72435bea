"""Attendees and apologies: from attendee tables, flattened tables, ``Name [KB] Company`` lines
and ``Apologies were received from …`` prose; initials met later in the text (``CSC member
(GS)``, ``SECAS (JH)``, ``The CSC Chair (AB)``) confirm roles and repair representing.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Collection
from dataclasses import dataclass, field

from pipeline.nlp import attendee_lists as lists
from pipeline.nlp.confusions import initials_alike
from pipeline.nlp.header import is_furniture
from pipeline.nlp.structure import Sections
from pipeline.nlp.text import DocText, TextLine
from pipeline.nlp.vocab import alternation, lexicon
from pipeline.reading.document import Table

logger = logging.getLogger(__name__)

_NAME_WORD = r"(?:[A-Z][a-zA-Z’'\-]*[a-z][a-zA-Z’'\-]*|[A-Z]\.)"
_TITLE_WORDS = r"(?:Dr|Mr|Mrs|Ms|Miss|Prof|Sir|Cllr)"  # a title before a name
_TITLE = rf"(?:{_TITLE_WORDS}\.?\s+)?"
NAME = rf"{_TITLE}{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,3}}"
NAME_INITIALS = re.compile(rf"(?P<name>{NAME})\s*[\(\[{{]\s*(?P<init>[A-Z]{{2,4}}\d?)\s*[\)\]}}]")
NAME_ONLY = re.compile(rf"^(?P<name>{NAME})$")
NAME_BARE_INITIALS = re.compile(rf"^(?P<name>{NAME})\s+(?P<init>[A-Z]{{2,4}})\b\s*(?P<rest>.*)$")
REGION_START = re.compile(
    r"^\s*[‘’'\"“”`.,·]?\s*(?:(?:\d{1,2}[.)]?|[a-zA-Z][.)]|\([a-zA-Z\d]{1,2}\))\s+)?(?P<label>attendees|attendance|present|members\s+present|in\s+attendance|also\s+present|"
    r"attending|apologies(?:\s+for\s+absence)?|absent)\b\s*(?:\(.*?\))?\s*[:\-–]?\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
# the other labels of an attendance list ("Voting member attendance", "Not in Attendance:",
# "Other Attendees:", "Board Members: …", "Invited"): a colon, a dash or the end of the line after them
LABEL_START = re.compile(
    r"^\s*[‘’'\"“”`.,·]?\s*(?:[●•◦○▪■*\-–]\s*|(?:[a-zA-Z][.)]|\([a-zA-Z\d]{1,2}\))\s+)?(?P<label>(?:[A-Z][a-z]+\s+){0,2}?"
    + alternation([a[0] for a in lexicon()["attendance_labels"]]) + r")\s*(?:[:\-–—]\s*(?P<rest>.*)|$)",
    re.IGNORECASE,
)
APOLOGY_PROSE = re.compile(
    r"\bapologies\s+(?:for\s+absence\s+)?(?:were|had\s+been|have\s+been)?\s*(?:received|noted|given|sent)\s+"
    r"(?:from|by)\s+(?P<list>[^.\n]+(?:\n[^.\n]+)?)",
    re.IGNORECASE,
)
MENTION = re.compile(r"(?P<who>(?:[A-Za-z][\w&-]*\s+){0,3}?[A-Za-z][\w&-]*)\s*\((?P<init>[A-Z]{2,4})\)")
ROLE_WORDS = {"chair": "chair", "chairman": "chair", "chairperson": "chair", "member": "member",
              "secretariat": "participant", "observer": "participant", "proposer": "participant",
              "minutes": "participant", "guest": "participant"}


@dataclass
class Person:
    name: str
    initials: str | None = None
    role: str | None = None
    representing: str | None = None
    present: bool = True
    page: int | None = None
    repairs: list[str] = field(default_factory=list)  # OCR repairs made to the row


def normalise_name(name: str) -> str:
    name = re.sub(rf"^{_TITLE_WORDS}\.?\s+", "", name.strip(), flags=re.IGNORECASE)
    return re.sub(r"\s+", " ", name).strip(" ,.;:-–").lower()


def name_initials(name: str) -> str:
    words = [w for w in re.split(r"[\s\-]+", normalise_name(name)) if w]
    return "".join(w[0] for w in words).upper()


def _plausible_initials(name: str, init: str) -> bool:
    """``(TW)`` for Trevor Wainwright (a second letter OCR misread still passes); not ``(DCC)``
    after Duncan Tennant: three letters or more none of which after the first is a later initial
    of the name are an organisation's."""
    full = name_initials(name)
    if not init or init[0] != full[:1]:
        return False
    return len(init) < 3 or any(c in full[1:] for c in init[1:])


def _role_for_category(text: str, categories: list[list[str]]) -> str | None:
    low = text.lower()
    for key, role in categories:
        if re.search(rf"\b{re.escape(key)}", low):
            return role
    return None


def _strip_sep(text: str) -> str:
    """Separators off both ends; brackets too unless they pair up inside the text."""
    text = text.strip().strip("|,;:-–—").strip()
    while text and (
        (text[0] in "([" and text.count(text[0]) > text.count(")" if text[0] == "(" else "]"))
        or (text[-1] in ")]" and text.count(text[-1]) > text.count("(" if text[-1] == ")" else "["))
    ):
        text = (text[1:] if text[0] in "([" and text.count(text[0]) > text.count(")" if text[0] == "(" else "]")
                else text[:-1]).strip().strip("|,;:-–—").strip()
    return text


def _split_known(text: str, known: list[str]) -> tuple[str | None, str]:
    """``("Other SEC Parties", "Elias Hanna")`` from ``Other SEC Parties Elias Hanna``."""
    for label in sorted(known, key=len, reverse=True):
        if text.lower().startswith(label.lower() + " "):
            return label, text[len(label):].strip()
        if text.lower().endswith(" " + label.lower()):
            return label, text[: -len(label)].strip(" ,-–")
    return None, text


class _Reader:
    """A state machine over the lines of an attendee region (flattened tables included)."""

    def __init__(self, lexicon: dict, *, with_initials: bool) -> None:
        self.lex = lexicon
        self.with_initials = with_initials
        self.people: list[Person] = []
        self.pending: list[str] = []  # categories read before the names they head
        self.role: str | None = None
        self.rep: str | None = None
        self.present = True
        self.before = ""  # the line read before this one

    def start(self, label: str) -> None:
        low = label.lower()
        self.pending, self.rep = [], None
        by_label = lists.label_role(low)
        if by_label is not None:
            self.role, self.present = "apology" if not by_label[1] else by_label[0], by_label[1]
        elif low.startswith(("apolog", "absent")):
            self.role, self.present = "apology", False
        elif "attendance" in low or "also" in low:
            self.role, self.present = "participant", True
        else:
            self.role, self.present = None, True

    def add(self, name: str, initials: str | None, rep: str | None, page: int | None,
            role: str | None = None) -> None:
        if self.present and self.pending:
            self.role = self.pending.pop(0)
        if rep and re.search(r"[A-Za-z]{4,}\.$", rep):
            rep = rep[:-1]  # the full stop that ends the list ("– Open Climate Fix."), not "Ltd."
        # (whoever sent apologies has that role, whatever office they hold)
        person_role = "apology" if not self.present else role or self.role or default_role(rep or self.rep)
        self.people.append(Person(name.strip(), initials, person_role, rep or self.rep or None,
                                  self.present, page))

    def line(self, text: str, page: int | None) -> None:
        text = text.strip()
        before, self.before = self.before, text
        lex = self.lex
        if not text or is_furniture(text, lex.get("furniture", [])):
            return
        if _listed(text) and not self.with_initials:
            self._listed_line(re.sub(r"^\s*(?:\d{1,2}[.)]|[●•◦○▪■*·]|[-–o](?=\s))\s*", "", text), page)
            return
        bare = re.sub(r"[:|]", " ", text).strip().lower()
        headers = set(lex.get("table_headers", []))
        if bare and all(w in headers for w in bare.split()):
            return
        # each name with its own initials: (where the name starts, where the initials end, name, initials);
        # "… Sub-Committee Chair Sophie Hughes (SH)": the last words the initials spell, the office
        # before them the entry before's
        matches = [(_titled_start(text, m.end("name") - len(own)), m.end(), own, m["init"])
                   for m in NAME_INITIALS.finditer(text) if (own := _own_name(m["name"], m["init"])) is not None]
        if matches:
            prefix = _strip_sep(text[: matches[0][0]])
            if prefix and not _role_for_category(prefix, lex.get("categories", [])):
                self.rep = prefix
            elif prefix:
                self.pending.append(_role_for_category(prefix, lex["categories"]) or "member")
            for k, (_, stop, name, init) in enumerate(matches):
                end = matches[k + 1][0] if k + 1 < len(matches) else len(text)
                suffix = _strip_sep(text[stop:end])
                role = ROLE_WORDS.get(suffix.lower()) if suffix else None
                rep = None if role or not suffix else suffix
                self.add(name, init, rep, page, role)
            return
        bare = NAME_BARE_INITIALS.match(text)
        if bare and bare["init"] == name_initials(bare["name"]):
            rest = _strip_sep(bare["rest"])
            role = ROLE_WORDS.get(rest.lower()) if rest else None
            self.add(bare["name"], bare["init"], None if role else rest or None, page, role)
            return
        constituencies = lex.get("constituencies", [])
        if any(text.lower() == c.lower() for c in constituencies):
            self.rep = text
            return
        # (not a line that ends an entry the line above left open: "… (MC) -" / "Western Power Distribution.")
        if (not re.search(r"(?:[-–—,&(]|\b(?:and|of|for|the))\s*$", before)
                and (entry := _separator_lost(text, lex.get("constituencies", []))) is not None):
            self.add(entry.name, entry.initials, entry.representing, page, entry.role)
            return
        role = _role_for_category(text, lex.get("categories", []))
        named = lists.person(text, single=True) if "(" in text else None
        if named is not None and role is not None:
            # "Siobhan Mellor (Operations Group Chair)": a person with their office, not a heading
            self.add(named.name, named.initials, named.representing, page,
                     default_role(named.representing) if named.role is None else named.role)
            return
        if role is not None and len(text.split()) <= 5:
            self.pending.append(role)
            self.rep = None
            return
        if self.with_initials and self.present:
            if len(text.split()) <= 6:
                self.rep = text
            return
        self._no_initials(text, page)

    def _listed_line(self, text: str, page: int | None) -> None:
        """One person a line: ``Jonas``, ``Aliou Diate- RTE``, ``A proxy for B - Org``."""
        proxy = re.match(r"^(?P<a>.+?)\s+(?:as\s+)?proxy\s+for\s+(?P<b>.+?)(?P<org>\s+[-–—]\s*.+)?$", text)
        if proxy:
            holder = lists.person(proxy["a"])
            absent = lists.person(proxy["b"])
            if holder is not None and absent is not None:
                org = (proxy["org"] or "").strip(" -–—") or None
                self.add(holder.name, holder.initials, org, page, holder.role)
                self.people.append(Person(absent.name, None, "apology", org, False, page))
                return
        entry = lists.person(text, single=True)
        if entry is None:
            self._no_initials(text, page)
            return
        self.add(entry.name, entry.initials, entry.representing, page, entry.role)

    def _no_initials(self, text: str, page: int | None) -> None:
        for chunk in split_people(text):
            person = parse_person(chunk, self.lex.get("constituencies", []))
            if person is not None:
                self.add(person.name, person.initials, person.representing, page, person.role)
            elif self.present and len(text.split()) <= 6:
                self.rep = text


def _separator_lost(text: str, constituencies: Collection[str] = ()) -> lists.Entry | None:
    """``Alfie Stewart Large Suppliers``, ``Jamal Heathcote SECAS (Secretariat)``: one person a
    line, the comma between the name and the organisation or office lost (a clean scan of small
    type). Told by a name opening the line and an organisation or office of one to six words
    after it that opens with a capital (or is one short word, an abbreviation misread: ``bcc``),
    with no name with its initials and no separator; the name's given name or surname one the
    lists know, or what follows it a constituency the lexicon knows or an office. Not a category heading (``Large Suppliers``: no name opens it), not an
    organisation named after a person (``Robin Hood Energy``)."""
    from pipeline.nlp.namewords import given_names, known

    m = re.match(r"(?P<first>[A-Z][a-z]+)\s+(?P<last>(?:Mc|Mac|O’|O')?[A-Z][a-z’'\-]+)\s+(?P<rest>\S.*)$", text.strip())
    if m is None or re.search(r"[,;:]", text) or NAME_INITIALS.search(text):
        return None
    first, last, rest = m["first"], m["last"], m["rest"].strip()
    said = re.sub(r"\s*\(.*\)$", "", rest).lower()
    if not lists.is_name(f"{first} {last}") or not (
            first.lower() in given_names() or known(last, surname=True)
            or any(said == c.lower() for c in constituencies) or lists.office_role(rest)):
        return None
    vocab = lists.vocabulary()
    if (lists.office_role(first) or lists.office_role(last) or {first.lower(), last.lower()} & vocab["not_name"]
            or rest.split()[0].lower().strip(".,") in vocab["org_words"]):
        return None  # ("Western Power Distribution": an organisation's words)
    if not (len(rest.split()) <= 6 and (rest[:1].isupper() or re.fullmatch(r"[a-z]{2,4}", rest))):
        return None
    return lists.Entry(f"{first} {last}", None, lists.office_role(rest), rest)


def split_people(text: str) -> list[str]:
    """``A (X), B and C (Y)`` → the chunks, keeping ``Name, Organisation`` pairs together."""
    parts = lists.split_outside_brackets(text, r";|,\s*(?:and\s+)?|\s+and\s+|\s+&\s+")  # "(Wales & West)" stays whole
    chunks: list[str] = []
    for part in parts:
        if chunks and not NAME_ONLY.match(re.sub(r"\s*[\(\[].*?[\)\]]", "", part)) and "(" not in part:
            chunks[-1] = f"{chunks[-1]}, {part}"  # an organisation after the name
        else:
            chunks.append(part)
    return chunks


def parse_person(chunk: str, constituencies: list[str]) -> Person | None:
    """One attendee from ``Name``, ``Name (Org)``, ``Name, Org``, ``Name – Org``, ``Org Name``."""
    chunk = _strip_sep(chunk)
    if chunk.endswith(".") and not re.search(r"(?:^|\s)[A-Z]\.$", chunk):
        chunk = _strip_sep(chunk[:-1])  # the full stop that ends a list, not an initial's
    m = re.match(rf"^(?P<name>{NAME})\s*(?:[\(\[](?P<paren>[^)\]]+)[\)\]]|[,–—-]\s*(?P<org>.+))?\s*$", chunk)
    if m:
        extra = (m["paren"] or m["org"] or "").strip() or None
        initials, rep, role = None, None, None
        if extra and re.fullmatch(r"[A-Z]{2,4}", extra) and _plausible_initials(m["name"], extra):
            initials = extra
        elif extra and extra.lower() in ROLE_WORDS:
            role = ROLE_WORDS[extra.lower()]
        else:
            rep = extra
        return Person(m["name"], initials, role, rep)
    label, rest = _split_known(chunk, constituencies)
    if label is not None and NAME_ONLY.match(rest):
        return Person(rest, None, None, label)
    words = re.findall(_NAME_WORD, chunk)
    if label is None and len(words) >= 2 and chunk.endswith(words[-1]):
        tail = re.search(rf"({_NAME_WORD}\s+{_NAME_WORD})$", chunk)
        if tail and tail.start() > 0 and not lists.job_title(tail.group(1)):  # ("… resigned as Information Officer")
            return Person(tail.group(1), None, None, _strip_sep(chunk[: tail.start()]) or None)
    return None


# ---------------------------------------------------------------- regions of text


def _unaccented(text: str) -> str:
    """The text with each accented letter its base letter, one for one (offsets kept)."""
    return "".join(unicodedata.normalize("NFD", c)[0] if not c.isascii() else c for c in text)


# "Presenti Cormac Brierley (CB) …": a label whose colon a scan read as a letter glued to it
_GLUED_LABEL = re.compile(r"^\W{0,2}(?P<label>present|attendees|apologies)[il1!|]\s+(?P<rest>[A-Z][a-z]+\s+[A-Z].*)$",
                          re.IGNORECASE)


def region_start(text: str) -> tuple[str, str] | None:
    """``(label, rest of the line)`` when a line opens an attendance list (an accent a scan put
    on a letter of the label read as none: ``Attendeés``)."""
    folded = _unaccented(text)
    m = REGION_START.match(folded) or LABEL_START.match(folded)
    if m is None and (glued := _GLUED_LABEL.match(folded)) is not None:
        return glued["label"].lower(), text[glued.start("rest") :]
    if m is None:
        # "Attendess" alone on its line, or before a colon: a label a scan misread by a letter
        near = re.match(r"^\W{0,2}(?P<word>[A-Za-z]{7,12})\s*(?::\s*(?P<rest>.*))?$", folded)
        listed = near is not None and len(re.findall(r"[A-Z][a-z]+\s+[A-Z][a-z’'\-]+\s*[(,]", near["rest"] or "")) >= 2
        label = lists.misread_label(near["word"], listed=listed) if near is not None else None
        return (label, near["rest"] or "") if label is not None and near is not None else None
    rest = text[m.start("rest") : m.end("rest")] if m["rest"] is not None else ""
    words = len(rest.split())
    if (words > 25 and len(re.findall(r"[,;]", rest)) < words / 6) or re.match(
            r"^\s*apologies\s+(?:were|had|have)\b", rest or text, re.IGNORECASE):
        return None  # "Apologies were received from …": prose, read by APOLOGY_PROSE (a long line
        # that is a list has a comma or semicolon every few words: a text file's unwrapped list)
    if rest and m.re is REGION_START and re.match(r"^(?:were|was)\b", rest):
        return None  # "Present were …": a sentence, read by attendee_lists
    return m["label"], rest


def _listed(text: str) -> bool:
    """A numbered or bulleted line: ``1. Jonas``, ``● Antonello Monti - SOGNO``."""
    return bool(re.match(r"^\s*(?:\d{1,2}[.)]|[●•◦○▪■*·]|[-–o]\s)\s*\S", text))


def _regions(dt: DocText, sections: Sections) -> list[tuple[str, str, list[TextLine]]]:
    """``(label, rest-of-heading-line, lines)`` for each attendee/apologies region.

    A region of bulleted or numbered names ends at the first line of a later block that is
    neither (``Agenda``, ``Quorum Achieved`` after the list).
    """
    regions: list[tuple[str, str, list[TextLine]]] = []
    heading_lines = {h.line for h in sections.headings if h.kind == "agenda"}
    i = 0
    lines = dt.lines
    while i < len(lines):
        start = region_start(lines[i].text) if not lines[i].table else None
        if start is None:
            i += 1
            continue
        label, rest = start
        above = _unlabelled_above(lines, i, regions[-1][2][-1].start if regions else -1)
        if above and (lists.label_role(label) or (None, True))[0] != "member":
            # "Cllr A B (AB) — Chair" one a line above "In attendance:", their own label ("Present")
            # lost on a poor scan: the meeting's members
            regions.append(("present", above[0].text, above))
        body: list[TextLine] = []
        listed: bool | None = None
        j = i + 1
        while j < len(lines) and j not in heading_lines:
            ln = lines[j]
            if ln.table or region_start(ln.text) is not None or _is_prose(ln.text):
                break  # the region is over (another label starts its own)
            if listed is None:
                listed = _listed(ln.text)
            elif listed and ln.block != lines[j - 1].block and not _listed(ln.text):
                break
            body.append(ln)
            j += 1
        regions.append((label, rest, [lines[i]] + body))
        i = j
    return regions


def _unlabelled_above(lines: list[TextLine], i: int, after: int) -> list[TextLine]:
    """The lines right above line ``i`` in its block (below offset ``after``) that are each a
    person with their own initials (``Cllr Eira Wragg (EW)``), when there are three or more."""
    k = i
    while (k > 0 and lines[k - 1].block == lines[i].block and lines[k - 1].start > after and not lines[k - 1].table
           and (m := NAME_INITIALS.match(re.sub(r"^\W+", "", lines[k - 1].text))) is not None
           and _plausible_initials(m["name"], m["init"])):
        k -= 1
    return lines[k:i] if i - k >= 3 else []


def _is_prose(text: str) -> bool:
    words = text.split()
    if len(words) < 7 or NAME_INITIALS.search(text) or text.count("|") >= 1:
        return False
    lower = sum(w[:1].islower() for w in words)
    return lower / len(words) >= 0.4


def _is_inline_list(rest: str) -> bool:
    """The label's own line runs on as a list: ``Present: A (AP), Chairman. B (EL). …``."""
    if (not re.search(r"[,;]|\.\s+[A-Z]|[)}][:|!]?\s+[A-Z]", rest) and len(lists.named_starts(rest)) < 2
            and len(lists.anchored(rest)) < 2):
        return False  # (two names with their own initials: "A B (AB) — Org C D (CD) — Org"; a
        # semicolon OCR read as a colon after a bracket: "A B (Org): C D (Org)"; two names the
        # lists know, each with its office, the separators lost: "A B Office C D Org")
    return bool(lists.parse_list(rest)) or any(
        (said := lists.from_sentence(s)) is not None and said[0] for s in lists.sentences(rest))


_NAME_COMMA = re.compile(rf"^[.·•,]?\s*{NAME}\s*[,–—]\s*[A-Z][\w&+.’' -]{{1,60}}$")
_TITLED_LINE = re.compile(rf"^[.·•,]?\s*{_TITLE_WORDS}\.?\s+{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,3}}(?:\s*[,–—]\s*[A-Z][\w&+.’' -]{{1,40}})?$")
ENTRY_START = re.compile(rf"^\s*(?:{_TITLE})?{_NAME_WORD}\s+{_NAME_WORD}\s*(?:[,(]|$)")


# a mark OCR read at a line's start from a tick or a speck in the margin ("2", ":", "Wa"), before
# a name with its own initials
_MARGIN_MARK = re.compile(rf"^(?:[^\w\s]{{1,2}}|\d|[A-Za-z]{{1,2}})\s+(?={NAME}\s*[\(\[{{]\s*[A-Z]{{2,4}}\s*[\)\]}}])")


def unmarked(line: str) -> str:
    """A list's line without a margin mark before its ``Name (NS)`` (the initials the name's
    own: ``Wa Gareth Griffiths (GG)``, not ``Al Gareth Griffiths (AGG)``)."""
    m = _MARGIN_MARK.match(line)
    if m is None:
        return line
    rest = line[m.end() :]
    named = NAME_INITIALS.match(rest)
    return rest if named is not None and _own_name(named["name"], named["init"]) is not None else line


def entry_joiner(before: str, line: str) -> str:
    """How a list's next line joins the text before it: a line break ends an item when the next
    line starts a whole name or entry ("Fraser Gallagher, Clerk" / "Gillian Sandhu, …"), not
    inside one ("Jeanne" / "Banks")."""
    if before.rstrip().endswith((",", "&", "and", ";")):
        return " "
    if ENTRY_START.match(line):
        return "; "
    # "Martha Ackroyd" / "Blessing Patel Mohammed Mensah": an entry that is a whole name alone, and
    # a line that opens with a name of its own
    tail = re.split(r"[;:]\s*", before.rstrip())[-1]
    opening = re.match(r"\s*(?P<name>[A-Z][a-z]+\s+(?:Mc|Mac|O’|O')?[A-Z][a-z’'\-]+)\b", line)
    if (re.fullmatch(r"[A-Z][a-z]+\s+(?:Mc|Mac|O’|O')?[A-Z][a-z’'\-]+", tail) and opening is not None
            and lists.is_name(tail) and lists.is_name(opening["name"])):
        return "; "
    return " "


def _block_lines(lines: list[TextLine], first: TextLine) -> list[TextLine]:
    """The lines after a label's line in its block, up to the next label; then the lines of the
    blocks after it while each is one more entry (``Lorna Wilkinson (LW) SSE``: a list one entry a
    line that OCR cut into blocks)."""
    out = []
    for ln in lines:
        if ln.block == first.block and ln.start > first.start and not ln.table:
            if region_start(ln.text) is not None:
                break
            out.append(ln)
    last = out[-1] if out else first
    # "Present: Jago Hebblethwaite, Operations Group Chair" / "Isobel Varley, Western Power …": a
    # list one "name, organisation" a line goes on in the blocks after it while their lines do too
    label = region_start(first.text)
    own = [t for t in [label[1] if label else "", *(ln.text for ln in out)] if t.strip()]
    name_comma = bool(own) and all(_NAME_COMMA.match(t.strip()) for t in own)
    # "Present: Cllr A B, Chairman" / "Cllr C D" / (a gap) "Cllr E F": one titled name a line
    titled = len(own) >= 2 and all(_TITLED_LINE.match(t.strip()) for t in own)
    for ln in lines:
        if ln.start <= last.start or ln.block == first.block:
            continue
        if ln.table or region_start(ln.text) is not None:
            break
        m = NAME_INITIALS.match(unmarked(ln.text.strip()))
        if not ((m is not None and _own_name(m["name"], m["init"]) is not None)
                or (name_comma and _NAME_COMMA.match(ln.text.strip()))
                or (titled and _TITLED_LINE.match(ln.text.strip()))):
            break
        out.append(ln)
    return out


def _entries_to_people(entries: list[lists.Entry], role: str | None, present: bool,
                       page: int | None) -> list[Person]:
    out = []
    for e in entries:
        is_present = (present and role != "apology") if e.present is None else e.present
        # a list under a label that says no role ("Attendees:", "Present:") gives each person the
        # role what is written beside them says: the Chair, the secretariat, a member
        r = "apology" if not is_present else (e.role or _label_role(role, e.representing))
        # (a mark OCR read at the line's end, "Other SEC Party Member «", is no part of it)
        rep = _despeck(e.representing) or None if e.representing else None
        out.append(Person(e.name, e.initials, r, rep, is_present, page))
    return out


def _inline(label: str, rest: str, lines: list[TextLine], dt: DocText) -> tuple[list[Person], set[int]]:
    """People of a label whose list runs on in its line and block, sentence by sentence, up to
    the first sentence that is prose; and the lines the list took."""
    more = _block_lines(dt.lines, lines[0])
    text, ends = rest, [(len(rest), lines[0].start)]
    for ln in more:
        line = unmarked(ln.text.strip())
        text += entry_joiner(text, line) + line
        ends.append((len(text), ln.start))
    by_label = lists.label_role(label) or (None, True)
    people: list[Person] = []
    used = 0
    for sentence in lists.sentences(text):
        said = lists.from_sentence(sentence)
        if said is not None:
            entries, role = said
        elif _is_prose(re.sub(r"\([^)]*\)", "", sentence)):
            break
        else:
            entries, role = lists.parse_list(sentence), None
        people.extend(_entries_to_people(entries, role or by_label[0], by_label[1], lines[0].page))
        used = text.find(sentence, used) + len(sentence)
    by_names = lists.by_names_instead([(p.name, p.representing) for p in people], text[:used])
    if by_names is not None:
        # a "Name, Office" list whose separators a poor scan lost or misread: read by its names
        people = _entries_to_people(by_names, by_label[0], by_label[1], lines[0].page)
    taken = {start for end, start in ends if end <= used or start == lines[0].start}
    return people, taken


def _prose_attendance(dt: DocText, skip: set[int]) -> list[Person]:
    """``Present were …``, ``… were present``, ``X was also present`` in a paragraph."""
    people: list[Person] = []
    blocks: dict[int, list[TextLine]] = {}
    for ln in dt.lines:
        if not ln.table and ln.start not in skip:
            blocks.setdefault(ln.block, []).append(ln)
    for block in blocks.values():
        text = " ".join(ln.text for ln in block)
        if not re.search(r"\bpresent\b|\bin\s+attendance\b|\battending\s+were\b", text, re.IGNORECASE):
            continue
        for sentence in lists.sentences(text):
            said = lists.from_sentence(sentence)
            if said is not None and said[0]:
                at = text.find(sentence[:30])
                page = dt.page_at(block[0].start + max(0, at))
                people.extend(_entries_to_people(said[0], said[1], True, page))
    return people


def from_text(dt: DocText, sections: Sections, lexicon: dict) -> list[Person]:
    people: list[Person] = []
    inline_taken: set[int] = set()
    for label, rest, lines in _regions(dt, sections):
        rest = re.sub(r"^\((?P<list>.*?)\)?$", r"\g<list>", rest.strip())  # "Attendees: (A, B, C)"
        rest = lists.drop_trailing_speck(rest)
        if rest.strip() and _is_inline_list(rest):
            found, taken = _inline(label, rest, lines, dt)
            if found:
                people.extend(found)
                inline_taken |= taken | {lines[0].start}
                continue
        with_initials = any(_plausible_initials(m["name"], m["init"])
                            for ln in lines for m in NAME_INITIALS.finditer(ln.text))
        reader = _Reader(lexicon, with_initials=with_initials)
        reader.start(label)
        if rest.strip():
            reader.line(rest, lines[0].page)
        for ln in lines[1:]:
            reader.line(ln.text, ln.page)
        if rest.strip() and len(lines) > 1 and NAME_INITIALS.search(rest):
            # "Members present: A B (AB) - Org" over lines that wrap mid-entry, the separators
            # a poor scan misread: the lines read as one list when that finds everyone the
            # line-by-line reading does, and more
            found, taken = _inline(label, rest, lines, dt)
            if len(found) > len(reader.people) and {p.name for p in reader.people} <= {p.name for p in found}:
                people.extend(found)
                inline_taken |= taken | {lines[0].start}
                continue
        people.extend(reader.people)
    people.extend(_prose_attendance(dt, inline_taken))
    for m in APOLOGY_PROSE.finditer(dt.text):
        page = dt.page_at(m.start())
        for chunk in split_people(m["list"].replace("\n", " ")):
            person = _prose_person(chunk)
            if person is not None:
                person.role, person.present, person.page = "apology", False, page
                people.append(person)
    return people


def _prose_person(chunk: str) -> Person | None:
    """``Mari Toda (DCC)``, ``Elias Hanna of Other SEC Parties``; not ``the Consumer Member``."""
    m = re.match(rf"^\s*(?P<name>{NAME})(?:\s*\((?P<paren>[^)]+)\))?"
                 r"(?:\s*,?\s*(?:of|from)\s+(?:the\s+)?(?P<org>[A-Z][\w&'’-]*(?:\s+[A-Z][\w&'’-]*)*))?\s*\.?\s*$",
                 chunk)
    if m is None:
        return None
    paren = (m["paren"] or "").strip()
    if paren and re.fullmatch(r"[A-Z]{2,4}", paren) and _plausible_initials(m["name"], paren):
        return Person(m["name"], paren, None, m["org"])
    return Person(m["name"], None, None, paren or m["org"] or None)


# ---------------------------------------------------------------- tables

_HEAD = {
    "name": ("name", "names", "attendee", "attendees", "member", "members", "person"),
    "initials": ("initials",),
    "representing": ("representing", "organisation", "organization", "company", "constituency", "on behalf of"),
    "category": ("category", "type"),
    "role": ("role", "title", "position", "capacity", "affiliation", "affilliation"),
}


def _head_key(word: str) -> str | None:
    """Which column a header word names: as written, or one letter off a header word of four
    letters or more when only one is that close (``Nome``, ``Bole``, ``Initiale`` on a scan)."""
    for key, words in _HEAD.items():
        if word in words:
            return key
    if len(word) < 4 or " " in word:
        return None
    from rapidfuzz.distance import Levenshtein

    near = {key for key, words in _HEAD.items() for w in words if len(w) >= 4 and Levenshtein.distance(word, w) <= 1}
    return near.pop() if len(near) == 1 else None


def _columns(header: list[str], rows: list[list[str]] | None = None) -> dict[str, int] | None:
    """The columns the header names. With ``rows`` (those under it), a header that names other
    columns but whose name column OCR misread past repair (``weme | Initiale | Role``) has as
    name column the one other column whose cells read as names."""
    cols: dict[str, int] = {}
    for i, cell in enumerate(header):
        low = re.sub(r"\s+", " ", re.sub(r"[^a-z\s]", " ", cell.lower())).strip()
        key = _head_key(low)
        if key is not None and key not in cols:
            cols[key] = i
    # (a two-column header, ``Rane | Role``, when nearly every cell of the other column is a name)
    two = len(cols) == 1 and sum(bool(c.strip()) for c in header) == 2
    if "name" not in cols and rows and (len(cols) >= 2 or two):
        name_like = re.compile(rf"^{NAME}")
        for i in range(len(header)):
            cells = [r[i] for r in rows if i < len(r) and r[i].strip()]
            if (i not in cols.values() and len(cells) >= (3 if two else 2)
                    and sum(bool(name_like.match(c)) for c in cells) / len(cells) >= (0.8 if two else 0.6)):
                cols["name"] = i
                break
    return cols if "name" in cols else None


_INITIALS_CELL = re.compile(r"^(?:[\(\[]?[A-Z]{2,4}\d?[\)\]]?\s*)+$")
_CATEGORY_ROW = re.compile(r"^\s*(?P<label>apologies|absent|in\s+attendance|present|attendees)\b\s*:?\s*$",
                           re.IGNORECASE)


def _people_in_cell(cell: str, initials_cell: str = "") -> list[tuple[str, str | None]]:
    """``[(name, initials)]`` from one cell, which may hold several people (merged rows)."""
    found = [(name, m["init"]) for m in NAME_INITIALS.finditer(cell) if (name := _own_name(m["name"], m["init"]))]
    if found:
        return found
    bare = NAME_BARE_INITIALS.match(cell.strip())
    if bare and bare["init"] == name_initials(bare["name"]) and not re.search(r"\w", bare["rest"]):
        return [(bare["name"], bare["init"])]
    inits = re.findall(r"[A-Z]{2,4}\d?", initials_cell)
    words = cell.split()
    if len(inits) > 1:
        people, k = [], 0
        for init in inits:
            n = len(init)
            chunk = words[k : k + n]
            if len(chunk) < 2 or "".join(w[0] for w in chunk).upper() != init:
                break
            people.append((" ".join(chunk), init))
            k += n
        if len(people) == len(inits) and k == len(words):
            return people
    name = _strip_sep(re.sub(r"[\(\[].*?[\)\]]", "", cell))
    if name and len(inits) == 1 and (own := _own_name(name, inits[0])) is not None:
        name = own  # "WA Gillian Wolstenholme | GW": a speck before the name its initials spell
    return [(name, inits[0] if len(inits) == 1 else None)] if name else []


def _titled_start(text: str, start: int) -> int:
    """Where a name that starts at ``start`` starts with its title (``Cllr Ebony Allardyce``)."""
    m = re.search(rf"(?<!\S){_TITLE_WORDS}\.?\s+$", text[:start])
    return m.start() if m is not None else start


def _own_name(name: str, init: str) -> str | None:
    """The name that ``(init)`` belongs to: all of ``name``, or its last words when they are
    what the initials spell and the words before them are the previous entry's organisation
    (``Secure Meters Priya Jarvis (PJ)``, where the rows ran together; ``Sub-Committee Chair
    Sophie Hughes (SH)``, the office before it no given name)."""
    from pipeline.nlp.namewords import given_names

    words = name.split()
    if (2 <= len(init) < len(words) and name_initials(" ".join(words[-len(init):])) == init
            and name_initials(name) != init
            and any(w.lower() not in given_names() and not re.fullmatch(rf"{_TITLE_WORDS}\.?", w)
                    for w in words[: -len(init)])):
        return " ".join(words[-len(init):])
    if _plausible_initials(name, init):
        return name
    spelt = name_initials(name)
    if len(spelt) == len(init) >= 2 and sum(a != b for a, b in zip(spelt, init, strict=True)) == 1 and spelt[1:] == init[1:]:
        return name  # "Mbigail Gilchrist (AG)": the name's first letter misread, the initials right
    if 2 <= len(init) < len(words) and name_initials(" ".join(words[-len(init):])) == init:
        return " ".join(words[-len(init):])
    return None


def _embedded_header(row: list[str]) -> tuple[dict[str, int], list[str]] | None:
    """``Name Peter Davies (PD) …`` : a header word glued to the first data row's cells."""
    cols: dict[str, int] = {}
    rest: list[str] = []
    for i, cell in enumerate(row):
        m = re.match(r"^\s*(?P<head>[A-Za-z]+)\b\s*(?P<rest>.*)$", cell, re.DOTALL)
        key = _head_key(m["head"].lower()) if m else None
        if key is None or key in cols:
            return None
        tail = m["rest"] if m else ""
        # "Category Name V Change Sub-Committee Chair Anil Leadbetter": two header words over
        # a column the scan merged (the category run into the name's), a speck after them
        more = re.match(r"^(?P<head>[A-Za-z]+)\b\s*(?:[^\w\s]|[A-Za-z])?\s+(?P<rest>[A-Z].*)$", tail, re.DOTALL)
        if more is not None and (also := _head_key(more["head"].lower())) is not None and also not in cols and also != key:
            key, tail = ("name" if "name" in (key, also) else key), more["rest"]
        cols[key] = i
        rest.append(tail)
    return (cols, rest) if "name" in cols else None


def _guess_columns(rows: list[list[str]]) -> dict[str, int] | None:
    width = len(rows[0])
    def share(i: int, test: re.Pattern[str]) -> float:
        cells = [r[i] for r in rows if r[i].strip()]
        return sum(bool(test.search(c)) for c in cells) / len(cells) if cells else 0.0
    name_like = re.compile(rf"^{NAME}")
    cols: dict[str, int] = {}
    for i in range(width):
        if "initials" not in cols and share(i, _INITIALS_CELL) >= 0.6:
            cols["initials"] = i
    for i in range(width):
        if i != cols.get("initials") and (share(i, NAME_INITIALS) >= 0.5 or (
                "initials" in cols and share(i, name_like) >= 0.6)):
            cols["name"] = i
            break
    if "name" not in cols:
        return None
    others = [i for i in range(width) if i not in cols.values()]
    left = [i for i in others if i < cols["name"]]
    right = [i for i in others if i > cols["name"]]
    if left:
        cols["category"] = left[0]
    if right:
        cols["representing"] = right[0]
    return cols


def _name_columns(rows: list[list[str]]) -> int:
    """How many columns hold mostly ``Name (XX)`` cells."""
    width = max(len(r) for r in rows)
    count = 0
    for i in range(width):
        cells = [r[i] for r in rows if i < len(r) and r[i].strip()]
        hits = sum(any(_plausible_initials(m["name"], m["init"]) for m in NAME_INITIALS.finditer(c)) for c in cells)
        count += bool(cells) and hits / len(cells) >= 0.5
    return count


_BRACKETED = re.compile(rf"^{NAME}\s*\([^()]{{2,60}}\)$")


def _bracketed_columns(rows: list[list[str]]) -> int:
    """How many columns hold mostly ``Name (Office)`` cells (``Pooja Stewart (Change Board
    Chair) | Femi Doyle (DCC)``: a names grid with no header), two such cells at least."""
    width = max(len(r) for r in rows)
    count = 0
    for i in range(width):
        cells = [r[i] for r in rows if i < len(r) and r[i].strip()]
        count += len(cells) >= 2 and sum(bool(_BRACKETED.match(c)) for c in cells) >= 0.6 * len(cells)
    return count


def is_attendee_table(table: Table) -> bool:
    rows = [[c.strip() for c in row] for row in table.rows]
    if not rows:
        return False
    if len(rows) <= 2 and all(re.fullmatch(r"\d{1,2}[.)]?", r[0]) for r in rows if r):
        return False  # "7. | Modification Proposals | SECAS": an agenda item's heading row, no one attending
    if _columns(rows[0]) is None and (_name_columns(rows) >= 2 or _bracketed_columns(rows) >= 2):
        return False  # names in two columns: a grid, read by from_list_table
    if (len(rows) >= 3 and lists.top_label(rows) is not None and _header_below(rows) is None
            and len(lists.grid(rows, None) or []) >= len(rows) - 1):
        return False  # a label alone over names in columns ("Attendees | " over "A (Chair) | B"): a grid
    first = [c for c in rows[0] if c]
    listed = len(first) == 2 and re.search(r"[,;]", first[1]) is not None
    # (or a label alone, "Attendees | A B Chair C D E F", the list's separators lost on a scan)
    unmarked = (len(first) >= 2 and re.search(r":\s*\S", first[0]) is None and lists.label_role(first[0]) is not None
                and not re.search(r"[(),;]", " ".join(first[1:])))
    if (listed or unmarked) and len(lists.label_rows(rows[:1])) >= 2:
        return False  # a label and its list ("Attendees | A, Chair; B; C"), not a header: from_list_table
    return (_columns(rows[0], rows[1:]) is not None or _embedded_header(rows[0]) is not None
            or _header_below(rows) is not None or _guess_columns(rows) is not None)


def _header_below(rows: list[list[str]], reach: int = 8) -> tuple[int, dict[str, int]] | None:
    """``(row, columns)`` of a header row of nothing but column names (``Name | Representing``)
    below the first row, within ``reach`` rows."""
    for k in range(1, min(len(rows) - 1, reach)):
        filled = [c for c in rows[k] if c]
        if len(filled) >= 2 and all(_head_key(re.sub(r"[^a-z\s]", " ", c.lower()).strip()) for c in filled):
            cols = _columns(rows[k], rows[k + 1 :])
            if cols is not None:
                return k, cols
    return None


def from_table(table: Table, page: int, lexicon: dict, *, apologies: bool = False,
               context_role: str | None = None, after: list[str] | None = None) -> list[Person]:
    """People from an attendee table; ``context_role`` from the heading above it; ``after`` the
    text lines right below it (see :func:`_label_list_after`)."""
    rows = [lists.stacked_cut([c.strip() for c in row]) for row in table.rows]
    if not rows:
        return []
    cols = _columns(rows[0], rows[1:])
    if cols is not None and (emb := _embedded_header(rows[0])) is not None and emb[1][emb[0]["name"]].strip():
        cols = None  # a header whose words open the first row's cells ("Category Name … Anil Leadbetter")
    below = _header_below(rows) if cols is None else None
    if below is not None:
        # a title block and a "Present" line read into the table above its header: the people
        # are the rows under the header, under the label just above it
        k, cols = below
        label = [c for c in rows[k - 1] if c]
        if len(label) == 1 and (by_label := lists.label_role(label[0])) is not None:
            context_role = "apology" if not by_label[1] else (by_label[0] or context_role)
        rows = rows[k + 1 :]
        table = Table(rows=table.rows[k:], bbox=table.bbox, ruled=table.ruled)
    elif cols is not None:
        rows = rows[1:]
    elif (emb := _embedded_header(rows[0])) is not None:
        cols, rows[0] = emb
    else:
        cols = _guess_columns(rows)
        if cols is None:
            return []
    guessed = (_columns(table.rows[0], rows) is None
               and _embedded_header([c.strip() for c in table.rows[0]]) is None)
    headers = set(lexicon.get("table_headers", []))
    categories = lexicon.get("categories", [])
    people: list[Person] = []
    category_role: str | None = "apology" if apologies else context_role
    rep_above: str | None = None
    last_row: list[Person] = []
    for row in rows:
        def cell(key: str, row: list[str] = row, cols: dict[str, int] = cols) -> str:
            i = cols.get(key)
            return row[i] if i is not None and i < len(row) else ""

        filled = [c for c in row if c]
        if filled and len(filled) == 1 and _CATEGORY_ROW.match(_despeck(filled[0])):
            category_role = _role_for_category(filled[0], categories)
            rep_above = None
            continue
        cat = cell("category")
        if cat:
            category_role = _role_for_category(cat, categories) or category_role
            rep_above = None
        merged = filled[0].split() if len(filled) == 1 and row[0].strip() else []
        if len(merged) >= 2 and all(w.lower().strip(" :") in headers for w in merged) and len(merged) <= len(row):
            # the header repeated with its cells read as one ("Name Representing | " under
            # "Apologies", the table's own header "Representing | Name"): its words, in order,
            # are the columns
            again = _columns(merged, [])
            if again is not None and "name" in again:
                cols = again
            continue
        if cell("name").lower().strip(" :") in headers or (
                len(filled) >= 2 and all(c.lower().strip(" :") in headers for c in filled)):
            # a header row repeated inside the table, its columns perhaps in another order
            # ("Name | Role" over those present, "Representing | Name" under "Apologies")
            again = _columns(row, [])
            if again is not None and "name" in again:
                cols = again
            continue
        if _wrapped_name(row, cols.get("name"), last_row):
            continue
        name_cell = cell("name")
        merged_cat = None if cat else _category_before_name(name_cell, categories)
        if merged_cat is not None:
            # "Other Participants Phoebe Rahman | DCC": the category column read into the name's
            category_role = _role_for_category(merged_cat[0], categories) or category_role
            rep_above, name_cell = None, merged_cat[1]
        found = [clean_name(name, initials) for name, initials in
                 _people_in_cell(name_cell, cell("initials"))]
        if guessed:  # columns guessed from the cells: a label row ("Date: 17 April 2019") is no one
            found = [(n, i) for n, i in found if i or lists.is_name(n)]
        if not found:
            # a continuation row: the cells under a wrapped one
            extra = cell("representing")
            if extra and last_row and len(last_row) == 1 and last_row[0].representing:
                last_row[0].representing += " " + extra
            continue
        rep = cell("representing") or None
        if rep is None and merged_cat is not None and len(found) == 1:
            rep = merged_cat[0]  # "Change Sub-Committee Chair Anil Leadbetter | ": the office is the category
        spill = NAME_INITIALS.match(cell("name").strip()) if len(found) == 1 else None
        if spill is not None and rep and re.fullmatch(r"[A-Z][a-z]{2,}", tail := cell("name").strip()[spill.end():].strip()):
            rep = f"{tail} {rep}"  # "Aled Ellwood (AE) Electricity | Network Parties": the gap misplaced
        if "category" in cols and "representing" in cols:
            rep = rep or rep_above  # an empty cell under a merged one: same as above
            rep_above = rep
        role_text = cell("role")
        role = None
        if role_text:
            role = _role_for_category(role_text, categories) or ROLE_WORDS.get(role_text.lower())
            if rep is None:
                rep = role_text
        own: dict[str, str | None] = {}
        own_role: dict[str, str | None] = {}
        if len(found) > 1:  # merged rows: the other cells can't be shared out
            rep, role = None, None
        if len(found) > 1 or "representing" not in cols:  # but the cell's own words can ("A (AB) SGN",
            # "Cllr A B (AB) — Chair Cllr C D (CD) — Vice Chairman")
            listed = lists.parse_list(cell("name"))
            own = {e.name: e.representing for e in listed}
            own_role = {e.name: e.role for e in listed}
        present = category_role != "apology"
        last_row = []
        for name, initials in found:
            if not re.search(r"[a-z]", name):
                continue
            r_of = rep or own.get(name)
            r = "apology" if not present else (role or own_role.get(untitled(name)) or category_role
                                               or default_role(r_of))
            last_row.append(Person(name, initials or cell("initials").strip("()[] ") or None,
                                   r, r_of, present, page))
        people.extend(last_row)
    # a label column whose list OCR broke across rows and cells ("In attendance: Abigail |
    # Greenhalgh (AG) DCC"): read as one run, when that gives more names their own initials
    # (or, columns guessed from the cells, "Present: | A (Chair); B (Member)" beside "In
    # attendance: | C (DCC)": one list a label, not a table with a name column)
    streamed = _as_people(_streamed_rows(rows), page)
    if _fitting(streamed) > _fitting(people) or (
            guessed and _fitting(streamed) == _fitting(people) and len(streamed) > len(people)):
        return streamed + _label_list_after(rows, streamed, after or [], page)
    return people


_CATEGORY_THEN_NAME = re.compile(
    r"^(?P<cat>.+?)\s+(?P<name>[A-Z][a-z]+(?:[’'\-][A-Z]?[a-z]+)?\s+(?:Mc|Mac|O’|O')?[A-Z][a-z’'\-]+)\W?$")


def _category_before_name(text: str, categories: list[list[str]]) -> tuple[str, str] | None:
    """``Change Sub-Committee Members Lowri Lofthouse``: a category's words (two or more, one of
    them a category's: chair, members, participants …) and a name after them in one cell, the
    category column run into the name's on a scan. The category and the name, or None."""
    m = _CATEGORY_THEN_NAME.match(text.strip())
    if m is None or len(m["cat"].split()) < 2 or _role_for_category(m["cat"], categories) is None:
        return None
    if NAME_INITIALS.search(text) or re.search(r"[,;()]", text) or not lists.is_name(m["name"]):
        return None
    return m["cat"], m["name"]


_NAME_TAIL = re.compile(r"^(?P<word>[A-Z][\w’'\-]+)?\s*(?:[(\[](?P<ini>[A-Z]{2,4})[)\]])?$")


def _wrapped_name(row: list[str], name_col: int | None, last_row: list[Person]) -> bool:
    """``Kenneth | Ecotricity`` over ``Thistlethwaite (KT) |``, ``Orla Brocklehurst | npower`` over
    ``(OB) |``: a name cell that wrapped onto the row below, its other cells empty. The row
    above's one person takes the surname and initials; True when the row was such a rest."""
    if name_col is None or name_col >= len(row) or len(last_row) != 1:
        return False
    text = row[name_col].strip()
    m = _NAME_TAIL.match(text)
    if not text or m is None or any(c.strip() for k, c in enumerate(row) if k != name_col):
        return False
    person = last_row[0]
    if m["word"] and (len(person.name.split()) != 1 or person.initials):
        return False  # a whole name above: this is someone else's
    if m["ini"] and person.initials:
        return False
    if m["word"]:
        person.name = f"{person.name} {m['word']}"
    person.initials = person.initials or m["ini"]
    return True


def _fitting(people: list[Person]) -> int:
    return sum(bool(p.initials) and name_initials(p.name) == p.initials for p in people)


def _as_people(found: list[tuple[lists.Entry, str | None, bool]], page: int) -> list[Person]:
    return [Person(e.name, e.initials, "apology" if not present else (e.role or _label_role(role, e.representing)),
                   e.representing, present, page) for e, role, present in found]


def _label_role(role: str | None, rep: str | None) -> str:
    """The role a list's label gives, unless what is written beside the person says they chair
    (``Members present: Siobhan Carmichael (SC) — Change Board Chair``: the chair)."""
    if role in (None, "member") and default_role(rep) == "chair":
        return "chair"
    return role or default_role(rep)


def default_role(rep: str | None) -> str:
    """The role an organisation or office gives a person present: ``chair``, ``participant``
    (the secretariat, a proposer, an observer, the DCC) or ``member``."""
    if rep and re.search(r"\bchair\b", rep, re.IGNORECASE) and not re.search(r"\b(?:vice|deputy)\b", rep, re.IGNORECASE):
        return "chair"
    if rep and re.search(r"secas|secretariat|proposer|observer|dcc\b", rep, re.IGNORECASE):
        return "participant"
    return "member"


# ---------------------------------------------------------------- repair from later mentions


def resolve_initials(people: list[Person], text: str, lexicon: dict) -> None:
    """Use ``CSC member (GS)``, ``SECAS (JH)``, ``The CSC Chair (AB)`` to confirm and repair."""
    by_init = {p.initials: p for p in people if p.initials}
    mentioned: dict[str, list[str]] = {}
    for m in MENTION.finditer(text):
        mentioned.setdefault(m["init"], []).append(m["who"])
    # OCR'd initials ("A8") that the text never uses, where the name's own initials are used
    for p in people:
        derived = name_initials(p.name)
        if (p.initials not in mentioned and derived in mentioned and derived not in by_init
                and (p.initials is None or len(p.initials) == len(derived))):
            if p.initials is not None:
                logger.debug("initials of %s repaired %s -> %s", p.name, p.initials, derived)
                p.repairs.append(f"initials {p.initials} -> {derived}")
            p.initials = derived
            by_init[derived] = p
    constituencies = {c.lower(): c for c in lexicon.get("constituencies", [])}
    for init, whos in mentioned.items():
        p = by_init.get(init)
        if p is None or not p.present:
            continue
        for who in whos:
            words = who.split()
            last = words[-1] if words else ""
            if len(words) > 1 and normalise_name(who).endswith(normalise_name(p.name)):
                continue  # the list's own entry ("… Committee Chair Nadia McAllister (NM)"): what is before is another's
            low = who.lower()
            if re.search(r"\bchair\b", low) and not re.search(r"\bvice\b", low):
                p.role = "chair"
            elif re.search(r"\bmember\b", low) and p.role not in {"chair"}:
                p.role = "member"
            elif (last.isupper() and len(last) >= 3) or last.lower() in constituencies:
                label = constituencies.get(last.lower(), last)
                if p.representing != label and (p.representing is None or p.representing.isupper()):
                    p.representing = label


def untitled(name: str) -> str:
    """``Cllr Nkechi Entwistle`` → ``Nkechi Entwistle``: the name an owner is written by."""
    return re.sub(rf"^{_TITLE_WORDS}\.?\s+(?=\S+\s+\S)", "", name)


def organisations_read_as_people(people: list[Person]) -> list[Person]:
    """``Apologies: Xavier Allardyce, Open Climate Fix.``: a "person" named as the organisation
    another attendee represents, listed right after someone whom nothing is written beside in the
    same list, is that person's organisation."""
    orgs = {p.representing.strip(" .").lower() for p in people if p.representing}
    out: list[Person] = []
    for p in people:
        prev = out[-1] if out else None
        if (prev is not None and p.name.lower() in orgs and prev.representing is None and not p.initials
                and (prev.present, prev.page) == (p.present, p.page)):
            prev.representing = p.name
            continue
        out.append(p)
    return out


def without_header_words(people: list[Person]) -> list[Person]:
    """A one-word "name" that is a column's header word, or one letter off it (``Neme``,
    ``Reprosenting``: a header row inside a table, misread), is no one."""
    return [p for p in people if " " in p.name.strip() or _head_key(p.name.strip().lower()) is None]


def repair_names(people: list[Person], text: str = "") -> None:
    """``lan Sturgess (IS)`` → ``Ian Sturgess``: OCR reads a capital I as l (or T, J, 1).

    Where a name's first letters and its initials disagree only by look-alike capitals, the
    initials (short capitals in a cell of their own, which OCR reads better) correct the name,
    unless the text goes on using the name's own initials (``JM to circulate``), in which case
    the initials are the misreading.
    """
    from pipeline.nlp import namewords

    used = set(re.findall(r"\b[A-Z]{2,4}\b", text))
    for p in people:
        words = p.name.split()
        if len(words) >= 2 and all(w[:1].isupper() for w in words[1:]):
            words = [("I" + w[1:]) if re.fullmatch(r"l[a-z]+", w) else w for w in words]
            if " ".join(words) != p.name:
                p.repairs.append(f"name {p.name} -> {' '.join(words)}")
            p.name = " ".join(words)
        init = p.initials or ""
        if len(init) != len(words) or not all(w[:1].isalpha() for w in words):
            continue
        derived = "".join(w[0].upper() for w in words)
        if derived == init or not initials_alike(derived, init):
            continue
        respelt = [i + w[1:] if w[0].upper() != i else w for w, i in zip(words, init, strict=True)]
        changed = [k for k, (w, r) in enumerate(zip(words, respelt, strict=True)) if w != r]
        # "Jessica Yates (IY)": a name the name lists hold, the initials would make one they do
        # not ("Iessica"): the initials are the misreading
        listed = all(namewords.known(words[k], surname=k > 0) for k in changed)
        respelt_listed = all(namewords.known(respelt[k], surname=k > 0) for k in changed)
        if (derived in used and init not in used) or (listed and not respelt_listed):
            p.repairs.append(f"initials {init} -> {derived}")
            p.initials = derived
        else:
            name = " ".join(respelt)
            p.repairs.append(f"name {p.name} -> {name}")
            p.name = name
            logger.debug("name repaired from its initials %s: %s", init, p.name)


SURELY_READ = 95.0  # OCR confidence at or above which a word is taken as printed


def repair_spelling(people: list[Person], ocr_pages: set[int], confidence: dict[str, float] | None = None,
                    text: str = "") -> None:
    """``Mbigail Gilchrist`` → ``Abigail Gilchrist``: a given name or surname read off a scan
    that no name list knows, where exactly one listed name is a letter or two away
    (``namewords.repair``). Names from a text layer are as their author typed them. A word OCR
    read surely (``confidence``: the highest confidence each word was read with, at least
    ``SURELY_READ``) is repaired only for letters OCR merged or lost, not for a look-alike: the
    lists lack many real names (``Rawcliffe`` is not ``Rowcliffe``). An accent OCR put on a
    letter (``Cadwalladér``) is taken off where the document's ``text`` writes the name without it."""
    from pipeline.nlp import namewords

    sure = {w for w, c in (confidence or {}).items() if c >= SURELY_READ}
    for p in people:
        words = p.name.split()
        if p.page not in ocr_pages or len(words) < 2:
            continue
        init = p.initials if p.initials and len(p.initials) == len(words) else None
        fixed = list(words)
        first = 1 if len(words) > 2 and re.fullmatch(rf"{_TITLE_WORDS}\.?", words[0]) else 0
        for k in (first, len(words) - 1):
            if re.fullmatch(r"[^\W\d_]+", words[k]) is None:
                continue  # "O’Neill", "Smith-Jones", initials: left as written
            plain = _unaccented(words[k])
            if plain != words[k] and (re.search(rf"(?<![^\W\d_]){re.escape(plain)}(?![^\W\d_])", text)
                                      or namewords.misread_accent(words[k], surname=k > first)):
                fixed[k] = plain
                continue
            better = namewords.repair(words[k], surname=k > first, initial=init[k] if init else None,
                                      sure=words[k] in sure)
            if better is not None:
                fixed[k] = better
        if fixed != words:
            p.repairs.append(f"name {p.name} -> {' '.join(fixed)}")
            p.name = " ".join(fixed)




def _despeck(text: str) -> str:
    """``Apologies °``: a cell's text without the specks OCR read as symbols."""
    return re.sub(r"\s*[^\w\s(),&'’-]+\s*$", "", text).strip()


_TRAILING_INITIALS = re.compile(r"^(?P<name>.*?[a-z].*?)\s+[\"“”‘’'(\[{]*(?P<init>[A-Z1|]{2,4})[)\]}\"“”‘’',.]*$")


def clean_name(name: str, initials: str | None) -> tuple[str, str | None]:
    """OCR litter off a name cell: ``7 Graeme Barnes``, ``Lisa.Chambers``, ``Rem: Oluwabamise``,
    ``Jade Morley “IM`` (its initials slipped into the name cell; returned as the initials)."""
    name = re.sub(r"^[^A-Za-z]+(?=[A-Z])", "", name.strip())  # leading specks and stray digits
    name = re.sub(r"(?<=[a-z])[.·](?=[A-Z][a-z])", " ", name)  # a speck for the space between words
    name = lists.stray_quotes(name)  # "Eira’ Begum"
    name = re.sub(r"(?<=[A-Z][a-z])([a-z]*)!(?=\s+[A-Z])", r"\1l", name)  # "Noe! Allardyce": an l read as "!"
    name = re.sub(r"(?<=[a-z])[:;](?=\s+[A-Z][a-z])", "i", name)  # a dotted i read as a colon
    m = _TRAILING_INITIALS.match(name)
    derived = name_initials(m["name"]) if m else ""
    if (m and len(m["name"].split()) >= 2 and len(m["init"]) == len(m["name"].split())
            and initials_alike(derived, m["init"].replace("1", "I").replace("|", "I"))):
        name = m["name"]
        initials = initials or derived  # its own reading is doubtful: the name's are used
    name = re.sub(r"\s+[^\w\s]+$", "", name).strip()  # a trailing speck ("Victoria Ashe .")
    # a note after the name, after a dash or none ("Geraint Morris – afternoon only", the dash
    # lost on a scan): lower-case words are no part of it
    name = re.sub(r"^(?P<n>(?:[A-Z][\w’'\-]*\s+){1,3}[A-Z][\w’'\-]*)(?:\s*[–—-]\s*|\s+)[a-z]+(?:\s+[a-z]+){0,2}$",
                  r"\g<n>", name)
    # a text layer without spaces: "SimonClark" (one word, two capitalised parts)
    name = re.sub(r"^(?P<a>[A-Z][a-z]{2,})(?P<b>[A-Z][a-z]{2,})$", r"\g<a> \g<b>", name)
    return name, initials


_UNCLOSED_INITIALS = re.compile(r"^(?P<name>.*?\S)\s*[\(\[{]\s*(?P<init>[A-Z]{2,4})\s*$")


def dedupe(people: list[Person]) -> list[Person]:
    """One row per person and presence; someone listed as attending and also sending apologies
    (an attendee list drawn up before the meeting) is kept as an apology. A name OCR left its
    initials' bracket open in (``Aileen Ingram (AD``) is parted from them; words that are no
    person's name (``Any Other Business (AOB)``, ``Chair’s Welcome``: a heading that looks like
    ``Name (XX)``) are dropped."""
    for p in people:
        # marks OCR left around it ("Eilidh Pickering’", "Samira Ellison-" before "(SE)") or inside
        # it ("Arjun’ Pickering")
        p.name = lists.stray_quotes(p.name.strip(" .,;:’‘'\"`“”-–—"))
        if (m := _UNCLOSED_INITIALS.match(p.name)) is not None:
            p.name, p.initials = m["name"], p.initials or m["init"]
    people = [p for p in people if len(p.name.split()) < 2 or lists.is_name(p.name)]
    absent = {normalise_name(p.name) for p in people if not p.present}
    people = [p for p in people if not p.present or normalise_name(p.name) not in absent]
    seen: dict[tuple[str, bool], Person] = {}
    out: list[Person] = []
    for p in people:
        key = (normalise_name(p.name), p.present)
        if key in seen:
            q = seen[key]
            q.initials = q.initials or p.initials
            q.representing = q.representing or p.representing
            continue
        seen[key] = p
        out.append(p)
    return out


# ---------------------------------------------------------------- tables that list names


# a stamp's words in a cell of their own: "Signed", "APPROVED", "18 SEP 2021"
_STAMP_CELL = re.compile(r"(?i)^\W*(?:signed|approved|received|\d{1,2}\s+[a-z]{3}\s+\d{4})\W*$")


def _listed_rows(rows: list[list[str]]) -> list[tuple[lists.Entry, str | None, bool]]:
    """``Attendees | |`` over rows of ``Name, Organisation`` entries laid out in two columns,
    an entry's parts in any cell (``Niall Hartley, OVO | Energy | Lynne Quayle, SECAS``)."""
    out: list[tuple[lists.Entry, str | None, bool]] = []
    for k, row in enumerate(rows):
        if not row or len(row[0].split()) > 4 or (label := lists.label_role(row[0])) is None:
            continue  # a label cell says only who ("Present:", "In attendance"), not a topic naming proxies
        # the label's own row, then the rows under it whose first cell is empty (or a speck)
        # up to the next label: one entry a row when the label row has one, else as written
        # (a stamp's word beside the label, "Present: | | Signed", is none)
        row = [row[0], *("" if _STAMP_CELL.match(c) else c for c in row[1:])]
        below = [" ".join(c for c in row[1:] if c)] if any(row[1:]) else []
        for nxt in rows[k + 1 :]:
            if not nxt or (re.search(r"\w", nxt[0]) and (lists.label_role(nxt[0]) is not None
                                                         or re.match(r"^[A-Z][\w ]{2,30}:$", nxt[0]))):
                break
            speck = bool(_SPECK_CELL.match(nxt[0])) and any(nxt[1:])  # "a | Martha Ackroyd": a tick in the margin
            if any(row[1:]) and re.search(r"\w", nxt[0]) and not speck:
                break  # a row that is not this list's: it has a first cell of its own
            below.append(" ".join(c for c in (nxt[1:] if speck else nxt) if c))
        rows_text = [lists.given_name_starts(t) for t in below if t]  # a row of a two-column grid: two entries
        entries = lists.parse_list("; ".join(rows_text))
        by_names = lists.anchored("; ".join(rows_text))
        if len(by_names) >= len(entries) + 2 and {e.name for e in entries} <= {e.name for e in by_names}:
            entries = by_names  # "Name, Office" lines run together in the cell: read by the names
        out += [(e, label[0], label[1]) for e in entries]
    return out


_SPECK_CELL = re.compile(r"^\W*\w{0,2}\W*$")  # "vA", "e", "|": a mark in the label column, not a word


# a label inside a cell, after the text of the row above: a colon (or what OCR made of it) after it,
# a name with its own initials after that
_MID_LABEL = re.compile(
    r"(?:^|[;.,]\s*|\s)(?P<label>attendees|attendance|present|in\s+attendance|apologies(?:\s+for\s+absence)?)\s*[:’'‘;]\s*"
    rf"(?P<rest>{NAME}\s*\(.*)$",
    re.IGNORECASE,
)


def _streamed_rows(rows: list[list[str]]) -> list[tuple[lists.Entry, str | None, bool]]:
    """A label column (``Present:``, ``In attendance:``) beside a list that OCR broke across
    rows and cells: entries run together in one cell, a name split over the column gap
    (``In attendance: Abigail | Greenhalgh (AG) DCC``), a speck in the label column. Each
    label's list is the rest of its row and every row below it up to the next label, read as
    one run of text, a row joined as a list's next line is (``entry_joiner``)."""
    out: list[tuple[lists.Entry, str | None, bool]] = []
    label: tuple[str | None, bool] | None = None
    text = ""
    for row in [*rows, []]:
        cells = [c for c in row if c.strip()]
        start = region_start(cells[0]) if cells else None
        if start is None and (mid := _MID_LABEL.search(" ".join(cells))) is not None:
            # "Status: | Draft; Attendance’ Margaret Quayle (MQ) …": a label run into the cell above
            start, cells = (mid["label"], mid["rest"]), [mid["label"]]
        by_label = lists.label_role(start[0]) if start else None
        ends = not cells or by_label is not None or len(cells) > 2 or re.match(r"^[A-Z][\w ]{2,30}:$", cells[0])
        if ends and label is not None and text.strip():
            out += [(e, label[0], label[1]) for e in lists.parse_list(text)]
        if by_label is not None and start is not None:
            label, text = by_label, ""
            cells = ([start[1]] if start[1].strip() else []) + cells[1:]
        elif ends:
            label = None
            continue
        elif label is None:
            continue
        elif len(cells) > 1 and _SPECK_CELL.match(cells[0]):
            cells = cells[1:]
        line = " ".join(cells)
        text += (entry_joiner(text, line) if text else "") + line
    return out


def from_list_table(table: Table, page: int, *, context: str = "", after: str | list[str] = "") -> list[Person]:
    """People from a table that is a list rather than an attendee table: ``Attendees | A, B …``
    rows of a details table, name grids and labelled columns. ``context`` is the heading above
    the table; ``after`` the text right below it, which may run on the list of its last row
    (a cell that continued past the table's end)."""
    rows = lists.rejoin_cut_names([[c.strip() for c in row] for row in table.rows])
    found = max([lists.label_rows(rows, by_names=False), lists.grid(rows, context) or []], key=len)
    for more in (_listed_rows(rows), _streamed_rows(rows)):
        if len(more) > len(found):  # rows continuing a label's list: one entry a row, or as one run
            found = more
    named = lists.label_rows(rows)  # a list whose separators a scan lost, read by its names:
    # when it finds all the other readings did, and more (a name they ran an office into, "Aoife
    # Pogson Finance", or made of the words of one entry, "Hale Finance" of "Ruth Hale, Finance
    # Director", among them)
    if len(named) > len(found) and all(lists.covered(e.name, [n for n, _, _ in named]) for e, _, _ in found):
        found = named
    people = _as_people(found, page)
    return people + _label_list_after(rows, people, after, page)


def _label_list_after(rows: list[list[str]], people: list[Person], after: str | list[str], page: int) -> list[Person]:
    """The people of the text right below a table whose last row is a label and its list
    (``In attendance: | Miriam Naylor (DCC)``), when that text is nothing but names: the list
    went on past the table's end. ``after``: the block below the table, or its lines one by
    one (each read while it holds nothing but names)."""
    by_label = _last_label(rows)
    if not people or by_label is None:
        return []
    out: list[Person] = []
    for text in [after] if isinstance(after, str) else after:
        if _is_prose(re.sub(r"\([^)]*\)", "", text)) or region_start(text) is not None:
            break  # running text below the table ("Chair's Welcome The Chair opened the meeting …"), a list of its own
        more = lists.parse_list(text) if text.strip() else []
        # one entry a ";"-group ("Anita Henshaw, SP Energy Networks; …"), else a comma list
        segments = [s for s in re.split(r";" if ";" in text else r",|;", re.sub(r"\([^)]*\)", "", text)) if s.strip()]
        if not more or len(more) < len(segments) - 1:  # the text is not nothing but names
            break
        out += _entries_to_people(more, by_label[0], by_label[1], page)
    return out


def _last_label(rows: list[list[str]]) -> tuple[str | None, bool] | None:
    """The attendance label whose list the table's last row holds: its own first cell
    (``In attendance: | Miriam Naylor (DCC)``), or, when that cell is empty, the label of the
    rows above that the list continues (``Present: | Bryn Ellwood`` over `` | Aled Kershaw …``)."""
    for row in reversed(rows):
        cells = [c for c in row if c]
        if len(cells) == 2 and row[0].strip():
            return lists.label_role(cells[0])
        if len(cells) != 1 or row[0].strip():
            return None  # a row of another shape: the table is no label's list
    return None


def _bare_name(text: str) -> bool:
    """``Kirsten Uttley``: a line that is a name and nothing else, its given name or its surname
    one the name lists know."""
    from pipeline.nlp import namewords

    words = text.split()
    return (re.fullmatch(r"[A-Z][a-z’'\-]{2,}(?:\s+[A-Z][a-z’'\-]+){1,2}", text) is not None and lists.is_name(text)
            and (words[0].lower() in namewords.given_names() or namewords.known(words[-1], surname=True)))


def listed_after(lines: list[str], role: str | None, present: bool, page: int | None) -> list[Person]:
    """``Arjun Oakley (AO)`` on the lines below an attendee table, one a line, with at most an
    organisation after it (``Charlotte Bradshaw (CB) SECAS``): the table's rows laid out as text
    (its other cells empty, or the rows OCR read apart from the table)."""
    people = []
    for text in lines:
        # a speck after the given name ("Kate. Ramsbottom (KR) SECAS")
        text = re.sub(r"^(\s*[A-Z][a-z]+)[.,]\s+(?=[A-Z][a-z’'\-]+\s*[\(\[{])", r"\1 ", text)
        m = NAME_INITIALS.match(text.strip())
        name = _own_name(m["name"], m["init"]) if m is not None else None
        if m is None and _bare_name(text.strip()):
            # "Kirsten Uttley": a name alone on its line, the table's other cells empty
            people.append(Person(text.strip(), None, role if present else "apology", None, present, page))
            continue
        if m is None or name is None:  # ("Clir Margaret Stanfield (MS)": a title OCR misread is no part of it)
            break
        rest = re.sub(r"\s+[^\w\s()]{1,2}$", "", text.strip()[m.end():]).strip(" -–—,")  # "BEIS :": a speck
        bracketed = re.fullmatch(r"\([^()]{2,80}\)", rest) is not None and len(rest.split()) <= 8
        if bracketed:
            rest = rest[1:-1].strip()  # "(HeatLedger maintainer)": what the person is, in brackets
        org = re.sub(r"\s*\([^()]*\)$", "", rest)  # "SECAS (Secretariat)", "Ofgem (observer)"
        if rest and not bracketed and (len(rest.split()) > 6 or not rest[0].isupper() or re.search(r"[.:;!?]$", rest)
                     or not (lists._is_org(org) or re.fullmatch(r"[A-Z][\w&]*(?:[.\-][\w&]+)*(?:\s+[A-Z][\w&]*(?:[.\-][\w&]+)*)*", org))):
            break  # a sentence about the person, not their organisation: the list has ended
        role_here = (role if role not in (None, "member") else default_role(rest or None)) if present else "apology"
        people.append(Person(name.strip(), m["init"], role_here, rest or None, present, page))
    return people
