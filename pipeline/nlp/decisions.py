"""Decision rows from the ``minutes_decisions`` spans of the pipeline."""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Doc

from pipeline.nlp import repairs, resolutions
from pipeline.nlp.components import DECISIONS_KEY, IDENTIFIERS_KEY, doc_text, lead_line
from pipeline.nlp.identifiers import Mention, named_in, pick, quoted_after
from pipeline.nlp.structure import Sections
from pipeline.nlp.vocab import lexicon
from pipeline.reading.charclasses import BULLETS, char_class
from pipeline.store.records import DecisionRow

_LEAD = re.compile(r"^\s*(?:" + char_class(BULLETS) + r"\s+|\(?[a-z0-9]{1,2}[.)]\s+)")


def clean_text(text: str) -> str:
    """One line, bullet glyph and surrounding space gone."""
    text = re.sub(r"\s+", " ", text).strip()
    text = _LEAD.sub("", text, count=1).strip()
    return re.sub(r"\s*[;,]\s*(?:and|or)?\s*$", "", text)


GENERIC_BODIES = frozenset(lexicon()["generic_bodies"])


def _own_body(subject: str | None, own_names: set[str] | None) -> bool:
    """Is the subject of a lower-case decision this meeting's own body?"""
    if subject is None or not own_names:
        return True
    low = re.sub(r"\s+", " ", subject).strip().lower()
    # "LPC" in the minutes of the "North of Tyne LPC Committee" is the meeting's own body
    return low in own_names or low in GENERIC_BODIES or any(
        re.search(rf"(?<![\w-]){re.escape(low)}(?![\w-])", name) for name in own_names)


_STATUS_LINE = re.compile(r"(?:draft|final|approved|agreed|confirmed|unconfirmed)\s+minutes\.?|minutes\s*[-–(:]?\s*"
                          r"(?:draft|final|approved|confirmed)\)?\.?", re.IGNORECASE)


def _table_row(text: str, at: int) -> tuple[int, int] | None:
    """The bounds of the ``a | b | c`` table row holding offset ``at``, if it is in one."""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    end = len(text) if end < 0 else end
    row = text[start:end]
    if " | " not in row:
        return None
    own = own_cell(text, start, end, at)
    # the rest of an item's discussion carried over a page (" | … TABASC NOTED … | ") is no row of its own
    return (start, end) if any(c.strip() and c != own for c in row.split(" | ")) else None


_CONVERTED = re.compile(r"\b(?P<what>[A-Z]{2,8}\d{2,5})\s+(?:be|is|was|should\s+be|will\s+be)\s+converted\s+(?:in)?to\s+"
                        r"(?:a\s+Modification\s+Proposal\s+)?(?P<into>[A-Z]{2,8}\d{2,5})\b")


def _bare_number(identifier: str, said: str) -> bool:
    """``153`` in ``AGREED to convert 153 into MP164`` under DP153: the item's identifier with its
    prefix lost, a number standing alone (no date, amount, time or reference)."""
    digits = re.sub(r"^\D+", "", identifier)
    return bool(digits) and re.search(rf"(?<!\S){re.escape(digits)}(?![\w/%:]|[.,]\d)", said) is not None


def _cell_identifier(row: str, known: set[str]) -> str | None:
    """``D111/02 | DpP163 | The CSC AGREED …``: a short cell of a decisions table that is one of
    the document's identifiers once the marks OCR added are gone (lower-case letters, specks:
    ``DpP163``, ``DP150°``)."""
    for cell in row.split(" | "):
        if len(cell.strip()) <= 14 and (bare := re.sub(r"[^A-Z0-9]", "", cell)) in known:
            return bare
    return None


def _numbers_off(cell: str) -> str:
    """A decision's text without the row numbers of a decisions table read as a line (``3 The
    Treasurer’s report was noted.``)."""
    numbers = resolutions.ROW_NUMBERS.match(cell)
    return cell[numbers.end() :] if numbers is not None else cell


def own_cell(text: str, start: int, end: int, at: int) -> str:
    """The sentence ``text[start:end]`` narrowed to the table cell holding offset ``at``: a
    decisions table's ``D79/03 | CP1329 | The SSC AGREED …`` row records ``The SSC AGREED …``."""
    s = text[start:end]
    rel = at - start
    left = s.rfind(" | ", 0, rel)
    right = s.find(" | ", rel)
    return s[left + 3 if left >= 0 else 0 : right if right >= 0 else len(s)]


def _under_lead(text: str, sent_start: int, at: int) -> bool:
    """``The Trustees:`` / ``• Noted the Treasurer’s report``: the decision word opens a bullet
    of a list whose lead line names who decides."""
    if text[sent_start:at].strip(" •·-–*\t") != "":
        return False
    _, lead = lead_line(text, text.rfind("\n", 0, sent_start) + 1)  # past the list's earlier items
    return bool(re.fullmatch(r"(?:the\s+)?[\w’'&\- ]{2,60}:", lead.strip(), re.IGNORECASE))


def _observation(span) -> bool:
    """``noted that …`` / ``noted with concern``: what someone observed, not what was decided."""
    doc = span.doc
    nxt = next((t for t in doc[span.end : span.end + 3] if not t.is_space), None)
    return nxt is None or nxt.lower_ in {"that", "with", "how"}


def _coordinated(text: str, mentions: list[Mention], start: int, end: int) -> bool:
    """``MP103 and MP104``: the first two proposals named are named together, so neither alone."""
    inside = [m for m in mentions if start <= m.start < end]
    distinct = list(dict.fromkeys(m.identifier for m in inside))
    if len(distinct) < 2:
        return False
    first = inside[0]
    second = next(m for m in inside if m.identifier == distinct[1])
    end = first.end
    q = quoted_after(text, first.end)
    if q is not None:
        end = q[1]
    return bool(re.fullmatch(r"\s*(?:,|and|&|,\s*and)\s*", text[end : second.start]))


def ocr_factor(ocr_conf: float | None) -> float:
    """How much a row's OCR confidence (0-100, None for a text layer) lowers its confidence."""
    return 1.0 if ocr_conf is None else min(1.0, max(0.3, ocr_conf / 90.0))


def confidence(*, caps: bool, repaired: bool, ocr_conf: float | None, identifier_repaired: bool) -> float:
    """How sure we are of a decision row: lower for lower-case prose, OCR repairs, poor OCR."""
    score = 0.95 if caps else 0.85
    if repaired:
        score *= 0.7
    if identifier_repaired:
        score *= 0.9
    return round(score * ocr_factor(ocr_conf), 3)


# a stamp's own words: "Signed" (as a poor scan reads it), a date with the month in capitals
_SIGNED = r"[sg5]i[gq]n[eo]d\b"
_STAMP_DATE = re.compile(r"\b\d{1,2}\s*(?:JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)\s*\d{4}\b")


def _stamp(text: str, sent) -> bool:
    """``Minutes APPROVED`` / ``28 JUL 2023`` / ``Signed``: a stamp's words (a title's line beside
    it read into them): capitalised words ending in the decision word, no sentence, with the
    stamp's ``Signed`` or date below; or a few words that hold ``Signed`` themselves."""
    said = text[sent.start_char : sent.end_char].strip()
    words = said.split()
    if len(words) <= 6 and re.search(rf"(?i)\b{_SIGNED}", said):
        return True
    near = text[sent.end_char : sent.end_char + 120]
    return (len(words) <= 8 and said.rstrip(" .")[-1:].isupper() and not any(w[:1].islower() for w in words)
            and (re.search(rf"(?im)(?:^|\|)\W*{_SIGNED}", near) is not None or _STAMP_DATE.search(near) is not None))


_APPROVING = {"AGREED", "APPROVED", "ADOPTED", "RATIFIED", "RESOLVED", "DECIDED", "CARRIED", "ENDORSED"}


def generic_outcome(verb: str, clause: str, sentence: str,
                    rules: Callable[[str, str, str], str | None] | None, *, settles: bool = False) -> str:
    """The outcome of a decision written in prose: the outcome rules (whose last is ``other``);
    ``approved`` where the phrasing settles an item (a motion carried, ``the Standing Orders
    were agreed``) and no rule says more."""
    found = rules(verb, clause, sentence) if rules is not None else None
    if found and found != "other":
        return found
    return "approved" if settles and verb in _APPROVING else (found or "other")


# the sentence that puts a motion: "Motion: …", "Dana moved and Betsy seconded to …", "X made a motion: …"
_MOTION_START = re.compile(r"^\W*(?:motion\b|(?:[^.]{0,60}?\b(?:moved|proposed|made\s+(?:a|the\s+following)\s+motion)\b))",
                           re.IGNORECASE)
# the sentence that records its fate: "The motion passed 5-0.", "Passed unanimously.", "… seconded and approved."
_MOTION_RESULT = re.compile(r"\b(?:passed|carried|seconded|unanimous(?:ly)?|approved|moved\s+\d)\b", re.IGNORECASE)


def _with_motion(doc: Doc, sent, text: str) -> int:
    """Where the text of a decision that records a vote starts: the sentence (at most three
    back, in the same paragraph) that put the motion, else the decision's own sentence."""
    if _MOTION_START.match(text[sent.start_char : sent.end_char]) or not _MOTION_RESULT.search(sent.text):
        return sent.start_char
    prev = sent
    for _ in range(3):
        if prev.start == 0:
            break
        prev = doc[prev.start - 1].sent
        between = text[prev.end_char : sent.start_char]
        if "\n\n" in text[prev.start_char : sent.start_char] or " | " in between:
            break
        if _MOTION_START.match(text[prev.start_char : prev.end_char]):
            return prev.start_char
    return sent.start_char


# a heading in title case run into the sentence after it ("Minutes and Matters Arising ")
_HEADING_RUN = re.compile(r"(?:(?:[A-Z][\w’'&\-]*|and|of|the|for|to|on|in|&)\s+)+")


def _prose_rows(doc: Doc, text: str, sections: Sections, mentions: list[Mention],
                outcome: Callable[[str, str, str], str | None] | None) -> list[tuple[int, DecisionRow]]:
    out = []
    for r in resolutions.find(doc, text):
        sent = r.sent
        if _STATUS_LINE.fullmatch(sent.text.strip()):
            continue  # "Approved minutes" under the title: the document's status, no decision
        named = named_in(mentions, sent.start_char, sent.end_char)
        ident = pick(named, sections.identifier_at(r.start))
        cell = own_cell(text, sent.start_char, sent.end_char, r.start)
        if not r.lead and cell == text[sent.start_char : sent.end_char]:
            cell = text[_with_motion(doc, sent, text) : sent.end_char]
            if r.start > sent.start_char and text[r.start].isupper() and _HEADING_RUN.fullmatch(
                    text[sent.start_char : r.start]):
                cell = text[r.start : sent.end_char]  # "Minutes and Matters Arising Resolved that …": the heading is not said
        cell = _numbers_off(cell)
        said = clean_text(f"{r.lead} {clean_text(cell)}" if r.lead else cell)
        clause = text[r.start : sent.end_char]
        scope = said
        if r.verb == "CARRIED" or (r.start == sent.start_char and r.verb == "APPROVED"):
            # "It passed 4-0." / "Approved by committee.": what passed is the motion or item before
            scope = clean_text(text[text.rfind("\n\n", 0, sent.start_char) + 1 : sent.end_char])
        row = DecisionRow("", "", "", ident, r.verb, generic_outcome(r.verb, clause, scope, outcome, settles=r.settles), said,
                          sent._.page, confidence(caps=False, repaired=False, ocr_conf=sent._.conf,
                                                  identifier_repaired=False) * 0.9)
        out.append((r.start, row))
    return out


def rows(doc: Doc, sections: Sections, mentions: list[Mention], *, meeting_id: str,
         source_file: str, own_names: set[str] | None = None,
         outcome: Callable[[str, str, str], str | None] | None = None) -> list[DecisionRow]:
    """One row per decision word; ``own_names`` (lower-case) are the meeting body's names.

    In minutes that do not write decisions as upper-case words, decisions in prose
    (``resolutions``) are added, their outcome by ``outcome`` (the pipeline's rules) or ``other``.
    """
    placed: list[tuple[int, DecisionRow]] = []
    formal = resolutions.formal_style(doc)
    sec_minutes = formal and bool(doc.spans.get(IDENTIFIERS_KEY))
    repaired_at = {m.start: m.repaired for m in mentions}
    known = {m.identifier for m in mentions}
    text = doc_text(doc)  # Doc.text is joined anew on every access: the DocText it came from
    for span in doc.spans.get(DECISIONS_KEY, []):
        sent = span.sent
        clause_end = span.start_char + len(span._.clause or "")
        section = sections.identifier_at(span.start_char)
        scope = (span.start_char, clause_end)
        named = named_in(mentions, *scope)
        if not named:
            scope = (sent.start_char, sent.end_char)
            named = named_in(mentions, *scope)
        row = _table_row(text, span.start_char)
        cell_read = False
        if row is not None:
            # a decisions table's row names what it decides, or nothing: "D79/02 | 3 | The SSC NOTED …"
            # (agenda item 3, no proposal) takes no identifier from the section above the table
            section = None
            # the row's own identifiers only: a row whose decision ends without a full stop runs
            # into the next row's sentence, and that row's identifier is not this one's
            named = named_in(mentions, max(row[0], scope[0]), min(row[1], scope[1])) or named_in(mentions, *row)
            if not named and (from_cell := _cell_identifier(text[row[0] : row[1]], known)) is not None:
                named, cell_read = [from_cell], True
        if re.fullmatch(r"\W*\w+\W*", text[sent.start_char : sent.end_char].strip()) or _stamp(text, sent):
            continue  # "APPROVED" alone on its line: a stamp on the paper, not a decision
        if not span.text.isupper() and not _own_body(span._.subject, own_names):
            continue  # "the Operations Group agreed" in another body's minutes: narration
        verb, outcome_of = span._.verb, span._.outcome
        if not formal and not span.text.isupper():
            if verb == "NOTED" and ((span._.subject is None and not _under_lead(text, sent.start_char, span.start_char))
                                    or _observation(span)):
                # "members noted that …", "the group noted that …": an observation, where decisions
                # are not NOTED in capitals; "The Board noted the treasurer's report" records one
                continue
            verb = "APPROVED" if verb == "ACCEPTED" else verb
            outcome_of = generic_outcome(verb, span._.clause or "", sent.text, outcome) if outcome_of is None else outcome_of
        if sec_minutes and outcome_of == "other":
            # SEC minutes (formal style, proposals named): an outcome none of their labels fits is left
            # empty, as the contract says; ``other`` is for the decisions of other bodies
            outcome_of = None
        ident = pick(named, section, coordinated=_coordinated(text, mentions, *scope))
        # the item's identifier: its section's, or the first its table row names before the decision
        item = section if row is None else next(iter(named_in(mentions, row[0], span.start_char)), None)
        if item is not None and ident != item and _bare_number(item, text[scope[0] : scope[1]]):
            ident = item  # "AGREED to convert 153 into MP164" under DP153: its prefix lost, the item's own
        if ident is not None and (conv := _CONVERTED.search(text, span.start_char, clause_end)) is not None \
                and conv["into"] == ident and conv["what"] in named:
            ident = conv["what"]  # "… that DP168 be converted into MP154": the decision is on DP168
        if span._.outcome == "minutes_approved":
            ident = next(iter(named_in(mentions, span.start_char, clause_end)), None)
        ident_repaired = ident is not None and ident in named and any(
            repaired_at.get(m.start, False) for m in mentions
            if m.identifier == ident and sent.start_char <= m.start < sent.end_char
        ) and section != ident
        # the item's heading lost its identifier; it was read from the item's body
        ident_repaired = ident_repaired or cell_read or (ident is not None and ident == section
                                                         and sections.repaired_at(span.start_char))
        placed.append((span.start_char, DecisionRow(
            meeting_id=meeting_id,
            source_file=source_file,
            decision_id="",
            identifier=ident,
            verb=verb,
            outcome=outcome_of,
            text=clean_text(_numbers_off(own_cell(text, sent.start_char, sent.end_char, span.start_char))),
            page=span._.page,
            confidence=confidence(caps=span.text.isupper(), repaired=bool(span._.repaired),
                                  ocr_conf=sent._.conf, identifier_repaired=ident_repaired),
        )))
        notes = (["decision word"] if span._.repaired else []) + (["identifier"] if ident_repaired else [])
        repairs.note(placed[-1][1], notes)
    placed.extend(_prose_rows(doc, text, sections, mentions, outcome))
    placed.sort(key=lambda p: p[0])
    out = []
    for n, (_, row) in enumerate(placed, start=1):
        row.meeting_id, row.source_file, row.decision_id = meeting_id, source_file, f"{meeting_id}/D{n}"
        row.confidence = round(row.confidence, 3)
        out.append(row)
    return out
