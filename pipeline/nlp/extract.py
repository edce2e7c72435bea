"""Document → spaCy Doc → contract rows (``Records``) for one document.

Rows found or completed only by an OCR repair (a misread identifier, action id, date, owner,
name, or an item heading's identifier read from the item's body) carry a lower ``confidence``
and their notes in ``row.repairs`` (``pipeline.nlp.repairs``).
"""

from __future__ import annotations

import logging
import re
from dataclasses import replace
from pathlib import Path

from spacy.language import Language

from pipeline.nlp import action_tables, links, repairs, structure
from pipeline.nlp import actions as actions_mod
from pipeline.nlp import attendees as attendees_mod
from pipeline.nlp import decisions as decisions_mod
from pipeline.nlp import header as header_mod
from pipeline.nlp import identifiers as identifiers_mod
from pipeline.nlp import parties as parties_mod
from pipeline.nlp.attendee_lists import label_role, office_role
from pipeline.nlp.decisions import ocr_factor
from pipeline.nlp.text import DocText, TableRef, build
from pipeline.reading.document import Document
from pipeline.store.records import (
    ActionRow,
    AttendeeRow,
    DecisionRow,
    IdentifierRow,
    MeetingRow,
    Records,
)

logger = logging.getLogger(__name__)


def _context(dt: DocText, table_start: int) -> str:
    """The line just before a table (its heading), lower-case."""
    before = dt.text[max(0, table_start - 120) : table_start].strip().lower()
    return before.rsplit("\n", 1)[-1] if before else ""


def _list_context(dt: DocText, table_start: int) -> str:
    """The heading of a list a table goes on: the line just before it (:func:`_context`), or,
    where that line is the list's first entries (``Present`` / ``Tegan Adeyemi (TA) Chair Sophie
    Hughes (SH) SSE`` over a grid of names, the text layer having left the grid's first row out
    of the table), the label above them (up to three such lines)."""
    i = dt.line_index(table_start) - 1
    seen = 0
    while i >= 0 and seen < 4:
        line = dt.lines[i].text.strip()
        if dt.lines[i].table:
            break
        if line:
            if not attendees_mod.NAME_INITIALS.search(line):
                return line.lower() if seen and label_role(line) is not None else _context(dt, table_start)
            seen += 1
        i -= 1
    return _context(dt, table_start)


def _continues(dt: DocText, before: TableRef, ref: TableRef) -> bool:
    """A table that goes on from an action table across a page break (the next page), or right
    below it (the same page, no line between): the same columns (or one fewer, two merged), no
    header of its own and no text between them."""
    width = max(len(r) for r in before.table.rows)
    cells = max(len(r) for r in ref.table.rows) if ref.table.rows else 0
    first = ref.table.rows[0] if ref.table.rows else []
    named = sum(action_tables.header_key(c) is not None for c in first)
    if named >= 2 or (named and not any(re.search(r"\d", c) for c in first)
                      and all(len(c.split()) <= 3 for c in first)):
        return False  # a header of its own ("Ref | Item | Decision", "Ref | Agenda item | Decision"): another table
    if (action_tables.is_item_table(before.table) and cells == width and ref.page in (before.page, before.page + 1)
            and not action_tables.is_item_table(ref.table)):
        # minutes laid out as an item table (text | owner): a row with an owner is read as a table
        # again further down, the rows between as text
        return True
    if ref.page not in (before.page, before.page + 1) or abs(cells - width) > 1:
        return False
    between = [ln for ln in dt.lines if before.start < ln.start < ref.start and not ln.table and ln.text.strip()]
    if ref.page == before.page:
        return not between  # right below it on the same page: one table the reading parted in two
    # on a scan the last line of a wrapped cell ("2023") can fall out of the table's grid
    return len(between) <= 2 and all(len(ln.text.strip()) <= 20 and len(ln.text.split()) <= 3 for ln in between)


def _prose_item_actions(dt: DocText) -> list[actions_mod.Action]:
    """The owners' actions of item tables of running text (read as lines), with those of a table
    that goes on from one on the next page without a header of its own."""
    found: list[actions_mod.Action] = []
    previous: TableRef | None = None
    for ref in dt.prose_tables:
        header = None
        if action_tables.is_item_table(ref.table):
            previous = ref
        elif previous is not None and _prose_continues(dt, previous, ref):
            header, previous = action_tables.header_row(previous.table), ref
        else:
            previous = None
            continue
        found.extend(action_tables.from_item_table(ref.table, ref.page, ref.start, header=header, prose=True))
    return found


def _prose_continues(dt: DocText, before: TableRef, ref: TableRef) -> bool:
    """An item table of running text going on at the top of the next page: no header of its own,
    its rows as wide as the header (or one column fewer, the empty number column lost), at most
    two short lines between (a page's furniture)."""
    width = len(action_tables.header_row(before.table))
    cells = max(len(r) for r in ref.table.rows) if ref.table.rows else 0
    if ref.page != before.page + 1 or not 0 <= width - cells <= 1 or action_tables.is_action_table(ref.table):
        return False
    between = [ln for ln in dt.lines if before.start < ln.start < ref.start and ln.block != before.block
               and not ln.table and ln.text.strip()]
    return len(between) <= 2 and all(len(ln.text.strip()) <= 20 and len(ln.text.split()) <= 3 for ln in between)


def _table_end(ref: TableRef) -> int:
    """The offset just past a table's last row in DocText.text (rows joined with " | ", one a line)."""
    return ref.start + sum(len(" | ".join(r)) + 1 for r in ref.table.rows)


def _parts(ref: TableRef) -> list[TableRef]:
    """A table, or the two tables a scan's reading ran into one (an attendance list and the
    agenda table below it): :func:`action_tables.inner_header`."""
    k = action_tables.inner_header(ref.table)
    if k is None:
        return [ref]
    head = replace(ref, table=replace(ref.table, rows=ref.table.rows[:k]))
    return [head, replace(ref, table=replace(ref.table, rows=ref.table.rows[k:]), start=_table_end(head))]


def _lines_after(dt: DocText, ref: TableRef, limit: int = 40) -> list[str]:
    """The text lines after a table, blank lines skipped, up to the next table."""
    end = _table_end(ref)
    out = []
    for ln in dt.lines[dt.line_index(end + 1) :][:limit]:
        if ln.start <= end or not ln.text.strip():
            continue
        if ln.table:
            break
        out.append(ln.text)
    return out


def _block_after(dt: DocText, ref: TableRef) -> str:
    """The text block right after a table (the rest of a cell the table's end cut off)."""
    end = _table_end(ref)
    i = dt.line_index(end + 1)
    while i < len(dt.lines) and dt.lines[i].start <= end:
        i += 1
    if i >= len(dt.lines) or dt.lines[i].table:
        return ""
    block = dt.lines[i].block
    text = ""
    for ln in dt.lines[i:]:
        if ln.block != block or ln.table:
            break
        text = f"{text}{attendees_mod.entry_joiner(text, ln.text) if text else ''}{ln.text}"
    return text


def _texts_after(dt: DocText, ref: TableRef, limit: int = 40) -> list[str]:
    """The text block right after a table (:func:`_block_after`), then the lines of the blocks
    after it, up to the next table: what a list the table began may go on in."""
    block = _block_after(dt, ref)
    if not block:
        return []
    end = _table_end(ref)
    first = next(ln.block for ln in dt.lines[dt.line_index(end + 1) :] if ln.start > end)
    later = [ln for ln in dt.lines[dt.line_index(end + 1) :][:limit] if ln.start > end and ln.block != first]
    out = [block]
    for ln in later:
        if ln.table:
            break
        if ln.text.strip():
            out.append(ln.text)
    return out


def _apology_context(dt: DocText, table_start: int) -> bool:
    """Does the text just before a table say it lists apologies?"""
    last = _context(dt, table_start)
    return "apolog" in last or "absent" in last


def _context_role(dt: DocText, table_start: int) -> str | None:
    last = _context(dt, table_start)
    return "participant" if re.search(r"\b(?:in\s+attendance|also\s+present|observers?)\b", last) else None


def _own_names(committee: str | None, lexicon: dict) -> set[str] | None:
    """Lower-case names the meeting's own body goes by (``CSC``, ``Change Sub-Committee``)."""
    if committee is None:
        return None
    names = {committee.lower()}
    for c in lexicon.get("committees", []):
        if c["canonical"] == committee:
            names |= {n.lower() for n in c["names"] + c["abbrevs"]}
    # "TAC" for the "Open Utility Alliance Technical Advisory Council": the acronym of the name's
    # last two or more capitalised words
    words = [w for w in re.findall(r"[A-Za-z][\w’'-]*", committee) if w[0].isupper()]
    names |= {"".join(w[0] for w in words[k:]).lower() for k in range(len(words) - 1)}
    return names


def _page_confidence(doc: Document, dt: DocText) -> dict[int, float | None]:
    """Each page's OCR confidence: Tesseract's page mean, else the mean over its lines (None: text layer)."""
    out: dict[int, float | None] = {}
    for page in doc.pages:
        confs = [ln.conf for ln in dt.lines if ln.page == page.number and ln.conf is not None]
        out[page.number] = page.mean_confidence if page.mean_confidence is not None else (
            sum(confs) / len(confs) if confs else None)
    return out


def _identifier_confidence(info: identifiers_mod.IdentifierInfo, dt: DocText) -> float:
    """The best-read mention decides: lower when every mention needed an OCR repair or was poorly read."""
    best = max((0.9 if m.repaired else 1.0) * ocr_factor(dt.min_conf(m.start, m.end)) for m in info.mentions)
    return round(best, 3)


def _owner_names(people: list[attendees_mod.Person]) -> list[str]:
    """What a line under ``Action Items`` may name its owner by: full names, first names, initials."""
    names: list[str] = []
    for p in people:
        names.append(p.name)
        first = p.name.split()[0] if p.name.split() else ""
        if len(first) >= 3 and first[0].isupper():
            names.append(first)
        if p.initials:
            names.append(p.initials)
    return list(dict.fromkeys(names))


def _link_facts(decisions: list[DecisionRow], actions: list[ActionRow]) -> None:
    """DP -> MP conversions and action closures stated in each row's own text (``links``)."""
    for d in decisions:
        d.converts = links.conversions(d.text, d.identifier)
        closure = links.closures(d.text, d.outcome)
        if closure is not None:
            d.closes_as = closure.status
            d.closes_action = "; ".join(closure.named) or None
            d.closes_unnamed = closure.unnamed
    for a in actions:
        a.converts = links.conversions(a.description, a.identifier)


def _word_confidence(doc: Document) -> dict[str, float]:
    """Each word OCR read in ``doc``, without the punctuation around it, with the highest
    confidence it was read with."""
    out: dict[str, float] = {}
    for word, conf in doc.word_confidence.items():
        bare = re.sub(r"^\W+|\W+$", "", word)
        out[bare] = max(conf, out.get(bare, 0.0))
    return out


def extract(doc: Document, *, nlp: Language | None = None, meeting_id_fallback: str) -> Records:
    """Every row the contract asks for, read from one document."""
    if nlp is None:
        from pipeline.nlp import load

        nlp = load()
    lexicon = nlp.get_pipe("minutes_lexicon").data
    dt = build(doc)
    sdoc = nlp.make_doc(dt.text)
    sdoc._.minutes_text = dt
    sdoc = nlp(sdoc)

    ocr_pages = {pg.number for pg in doc.pages if pg.method == "ocr"}
    widths = {k["kind"]: k["written_digits"] for k in lexicon["identifier_kinds"] if "written_digits" in k}
    found = identifiers_mod.reconcile(identifiers_mod.mentions(sdoc), ocr_pages, widths)
    secs = structure.sections(dt, found)
    running = [ln.text for pg in doc.pages[:2] for ln in pg.removed]
    head = header_mod.header(dt, secs, lexicon, running)
    meeting_id = head.meeting_id or meeting_id_fallback
    src = doc.source_file
    named_date = None
    if head.meeting_date is None and (named_date := header_mod.date_from_name(Path(src).stem, dt)):
        head.meeting_date = named_date
        head.next_meeting_date = head.next_meeting_date or header_mod.next_meeting(dt, after=named_date)
    meeting = MeetingRow(
        meeting_id=meeting_id, source_file=src, sha256=doc.sha256, committee=head.committee,
        meeting_number=head.meeting_number, meeting_date=head.meeting_date,
        start_time=head.start_time, end_time=head.end_time, location=head.location,
        status=head.status, next_meeting_date=head.next_meeting_date,
    )
    if named_date:
        repairs.note(meeting, ["meeting date from the file's name"])

    idents = []
    for info in identifiers_mod.collect(found, heading_titles=secs.titles()):
        row = IdentifierRow(meeting_id, src, info.identifier, info.kind, info.title, info.first_page,
                            len(info.mentions), _identifier_confidence(info, dt))
        if all(m.repaired for m in info.mentions):
            repairs.note(row, [f"identifier {info.mentions[0].raw!r} -> {info.identifier}"])
        idents.append(row)

    decisions = decisions_mod.rows(sdoc, secs, found, meeting_id=meeting_id, source_file=src,
                                   own_names=_own_names(head.committee, lexicon),
                                   outcome=nlp.get_pipe("minutes_decisions").outcome)

    organisations = parties_mod.known_parties(lexicon)  # what an OCR-misread owner or organisation may be
    people = attendees_mod.from_text(dt, secs, lexicon)
    table_actions: list[actions_mod.Action] = []
    previous: TableRef | None = None  # the action or item table a table on the next page may continue
    header: list[str] = []  # that table's header row
    for ref in (part for whole in dt.tables for part in _parts(whole)):
        # (a table of action rows with no header of its own, below or after one that had it: that
        # one going on, its columns the header's)
        goes_on = (previous is not None and action_tables.headless(ref.table) is not None
                   and _continues(dt, previous, ref))
        if not goes_on and (action_tables.is_action_table(ref.table) or action_tables.is_item_table(ref.table)):
            header = action_tables.header_row(ref.table)
            table_actions.extend(action_tables.read(ref.table, ref.page, ref.start))
            previous = ref
        elif previous is not None and _continues(dt, previous, ref):
            table_actions.extend(action_tables.read(ref.table, ref.page, ref.start, header=header))
            previous = ref
        elif attendees_mod.is_attendee_table(ref.table):
            previous = None  # another table came between: what follows continues that one
            from_rows = attendees_mod.from_table(ref.table, ref.page, lexicon, apologies=_apology_context(dt, ref.start),
                                                 context_role=_context_role(dt, ref.start), after=_lines_after(dt, ref))
            people.extend(from_rows)
            if from_rows:
                last = from_rows[-1]
                # the list's role goes on ("In attendance": participants), a chair's does not
                role = "apology" if not last.present else ("participant" if last.role == "participant" else "member")
                people.extend(attendees_mod.listed_after(_lines_after(dt, ref), role, last.present, last.page))
            elif len(ref.table.rows) == 1:
                # its header alone ("Name | Role" under "Apologies:"): the rows were read as lines below it
                away = _apology_context(dt, ref.start)
                role = "apology" if away else (_context_role(dt, ref.start) or "member")
                people.extend(attendees_mod.listed_after(_lines_after(dt, ref), role, not away, ref.page))
        else:
            previous = None
            listed = attendees_mod.from_list_table(ref.table, ref.page, context=_list_context(dt, ref.start),
                                                   after=_texts_after(dt, ref))
            people.extend(listed)
            if listed:  # the list's last rows may lie below the table, OCR'd as lines
                last = listed[-1]
                # the list's role goes on ("In attendance": participants), a chair's does not
                role = "apology" if not last.present else ("participant" if last.role == "participant" else "member")
                people.extend(attendees_mod.listed_after(_lines_after(dt, ref), role, last.present, last.page))
    people = attendees_mod.without_header_words(attendees_mod.organisations_read_as_people(people))
    attendees_mod.repair_names(people, "\n".join(ln.text for ln in dt.lines if not ln.table))
    attendees_mod.repair_spelling(people, ocr_pages, _word_confidence(doc), dt.text)
    people = attendees_mod.dedupe(people)
    attendees_mod.resolve_initials(people, dt.text, lexicon)
    # an owner is repaired to a party or a person of this document, never to a committee's
    # abbreviation ("CD" is not "CB")
    parties = parties_mod.known_parties(lexicon, [attendees_mod.untitled(p.name) for p in people],
                                        [p.initials for p in people if p.initials], committees=False)
    page_conf = _page_confidence(doc, dt)
    text_layer = {pg.number for pg in doc.pages if pg.method == "pdf"}  # read, not recognised: nothing misread
    represented = parties_mod.known_parties(lexicon, committees=False)  # whom one represents: no committee (SSE is not SSC)
    for p in people:
        if p.representing and p.role != "apology" and p.representing.strip().lower() in {"chair", "chairman", "chairperson", "chairwoman"}:
            p.role, p.representing = "chair", None  # "Craig Wilkinson (CW) | Chair": an office, not an organisation
        # "bcc" for DCC in an attendee table's organisation column; a text layer is not misread
        if not p.representing or p.page in text_layer:
            continue
        if office_role(p.representing.strip(" ()")) is not None:
            p.representing = p.representing.rstrip(" .,;:")  # "(Secretary)": an office, no misread Secretariat
            continue
        fixed, repaired = parties_mod.repair(p.representing, represented)
        if repaired:
            p.repairs.append(f"representing {p.representing} -> {fixed}")
            if p.role == "member" and p.present and attendees_mod.default_role(p.representing) == "member":
                p.role = attendees_mod.default_role(fixed)  # "GECAS": SECAS, whose people take part
        p.representing = fixed
    attendees = []
    for p in people:
        row = AttendeeRow(meeting_id, src, p.name, p.initials, p.role, p.representing, p.present, p.page,
                          round(ocr_factor(page_conf.get(p.page)) * 0.9 ** len(p.repairs), 3))
        repairs.note(row, p.repairs)
        attendees.append(row)

    text_actions = actions_mod.from_text(dt, lexicon, organisations, names=_owner_names(people))
    acts = actions_mod.merge(text_actions, table_actions)
    acts = actions_mod.merge_unnumbered(acts, _prose_item_actions(dt))
    own = next((c.get("abbrevs", []) for c in lexicon.get("committees", []) if c["canonical"] == head.committee), [])
    actions_mod.bare_ids(acts)
    actions_mod.reshape_ids(acts)
    actions_mod.lettered_numbers(acts)
    actions_mod.meeting_numbered_ids(acts, head.meeting_number, own)
    actions_mod.inserted_digit_ids(acts, head.meeting_number)
    actions_mod.serial_ids(acts, head.meeting_number)
    actions_mod.unreadable_ids(acts)
    actions_mod.lost_prefixes(acts)
    actions_mod.harmonise_ids(acts, [a for c in lexicon.get("committees", []) for a in c.get("abbrevs", [])],
                              meeting_number=head.meeting_number, own_prefixes=own)
    actions_mod.inserted_digit_ids(acts, head.meeting_number)
    actions_mod.serial_ids(acts, head.meeting_number)  # again: a series whose prefix was just put right
    actions_mod.series_gaps(acts, head.meeting_number)
    actions_mod.neighbour_ids(acts, head.meeting_number)
    actions_mod.lost_hyphens(acts)
    actions_mod.numbered_gaps(acts)
    actions_mod.repair_owners(acts, parties, {attendees_mod.name_initials(p.name) for p in people})
    actions_mod.reported_actions(acts)
    actions_mod.assign_identifiers(acts, dt, secs, found)
    action_rows = []
    for n, a in enumerate(acts, start=1):
        row = ActionRow(meeting_id, src, a.action_id or f"{meeting_id}/A{n}", a.owner, a.description,
                        a.due_date, a.identifier, a.page,
                        round(a.confidence * ocr_factor(dt.min_conf(a.start, a.start + max(1, len(a.description)))), 3))
        repairs.note(row, a.repairs)
        action_rows.append(row)
    _link_facts(decisions, action_rows)
    logger.debug("%s: %d identifiers, %d decisions, %d actions, %d attendees", src, len(idents),
                 len(decisions), len(action_rows), len(attendees))
    return Records(meeting=meeting, attendees=attendees, identifiers=idents, decisions=decisions,
                   actions=action_rows)


def records_for(doc: Document, *, meeting_id_fallback: str, nlp: Language | None = None) -> Records:
    """:func:`extract`, with the meeting row's source, hash and page figures filled from the Document."""
    records = extract(doc, nlp=nlp, meeting_id_fallback=meeting_id_fallback)
    m = records.meeting
    m.source_file, m.sha256 = doc.source_file, doc.sha256
    m.page_count = len(doc.pages)
    m.ocr_page_count = len(doc.ocr_pages)
    conf = doc.ocr_mean_confidence
    m.ocr_mean_confidence = round(conf, 2) if conf is not None else None
    return records
