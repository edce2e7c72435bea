"""Document → spaCy Doc → contract rows (``Records``) for one document."""

from __future__ import annotations

import logging
import re

from spacy.language import Language

from pipeline.nlp import actions as actions_mod
from pipeline.nlp import attendees as attendees_mod
from pipeline.nlp import decisions as decisions_mod
from pipeline.nlp import identifiers as identifiers_mod
from pipeline.nlp import links, structure
from pipeline.nlp import parties as parties_mod
from pipeline.nlp.decisions import ocr_factor
from pipeline.nlp.text import DocText, build
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

    found = identifiers_mod.mentions(sdoc)
    identifiers_mod.reconcile(found)
    secs = structure.sections(dt, found)
    head = structure.header(dt, secs, lexicon)
    meeting_id = head.meeting_id or meeting_id_fallback
    src = doc.source_file
    meeting = MeetingRow(
        meeting_id=meeting_id, source_file=src, sha256=doc.sha256, committee=head.committee,
        meeting_number=head.meeting_number, meeting_date=head.meeting_date,
        start_time=head.start_time, end_time=head.end_time, location=head.location,
        status=head.status, next_meeting_date=head.next_meeting_date,
    )

    idents = [
        IdentifierRow(meeting_id, src, info.identifier, info.kind, info.title, info.first_page,
                      len(info.mentions), _identifier_confidence(info, dt))
        for info in identifiers_mod.collect(found, heading_titles=secs.titles())
    ]

    decisions = decisions_mod.rows(sdoc, secs, found, meeting_id=meeting_id, source_file=src,
                                   own_names=_own_names(head.committee, lexicon))

    organisations = parties_mod.known_parties(lexicon)  # what an OCR-misread owner or organisation may be
    people = attendees_mod.from_text(dt, secs, lexicon)
    text_actions = actions_mod.from_text(dt, lexicon, organisations)
    table_actions: list[actions_mod.Action] = []
    for ref in dt.tables:
        if actions_mod.is_action_table(ref.table):
            table_actions.extend(actions_mod.from_table(ref.table, ref.page, ref.start))
        elif attendees_mod.is_attendee_table(ref.table):
            people.extend(attendees_mod.from_table(
                ref.table, ref.page, lexicon, apologies=_apology_context(dt, ref.start),
                context_role=_context_role(dt, ref.start)))
    attendees_mod.repair_names(people, "\n".join(ln.text for ln in dt.lines if not ln.table))
    people = attendees_mod.dedupe(people)
    attendees_mod.resolve_initials(people, dt.text, lexicon)
    parties = parties_mod.known_parties(lexicon, [p.name for p in people],
                                        [p.initials for p in people if p.initials])
    for p in people:
        if p.representing:  # "bcc" for DCC in an attendee table's organisation column
            p.representing = parties_mod.repair(p.representing, organisations)[0]
    page_conf = _page_confidence(doc, dt)
    attendees = [AttendeeRow(meeting_id, src, p.name, p.initials, p.role, p.representing,
                             p.present, p.page, round(ocr_factor(page_conf.get(p.page)), 3))
                 for p in people]

    acts = actions_mod.merge(text_actions, table_actions)
    actions_mod.repair_owners(acts, parties)
    actions_mod.assign_identifiers(acts, dt, secs, found)
    action_rows = [
        ActionRow(meeting_id, src, a.action_id or f"{meeting_id}/A{n}", a.owner, a.description,
                  a.due_date, a.identifier, a.page,
                  round(a.confidence * ocr_factor(dt.min_conf(a.start, a.start + max(1, len(a.description)))), 3))
        for n, a in enumerate(acts, start=1)
    ]
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
