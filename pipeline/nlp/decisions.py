"""Decision rows from the ``minutes_decisions`` spans of the pipeline."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from pipeline.nlp.components import BULLETS, DECISIONS_KEY
from pipeline.nlp.identifiers import Mention, named_in, pick
from pipeline.nlp.structure import Sections
from pipeline.records import DecisionRow

_LEAD = re.compile(rf"^\s*(?:[{re.escape(''.join(BULLETS))}]\s+|\(?[a-z0-9]{{1,2}}[.)]\s+)")


def clean_text(text: str) -> str:
    """One line, bullet glyph and surrounding space gone."""
    text = re.sub(r"\s+", " ", text).strip()
    text = _LEAD.sub("", text, count=1).strip()
    return re.sub(r"\s*[;,]\s*(?:and|or)?\s*$", "", text)


def _paragraph_named(doc: Doc, mentions: list[Mention], offset: int) -> list[str]:
    """Identifiers named in the paragraph (text block) around ``offset``."""
    dt = doc._.minutes_text
    if dt is None:
        return []
    line = dt.line_at(offset)
    block = [ln for ln in dt.lines if line is not None and ln.block == line.block]
    return named_in(mentions, block[0].start, block[-1].end) if block else []


def confidence(*, caps: bool, repaired: bool, ocr_conf: float | None, identifier_repaired: bool) -> float:
    """How sure we are of a decision row: lower for lower-case prose, OCR repairs, poor OCR."""
    score = 0.95 if caps else 0.85
    if repaired:
        score *= 0.7
    if identifier_repaired:
        score *= 0.9
    if ocr_conf is not None:
        score *= min(1.0, max(0.3, ocr_conf / 90.0))
    return round(score, 3)


def rows(doc: Doc, sections: Sections, mentions: list[Mention], *, meeting_id: str,
         source_file: str) -> list[DecisionRow]:
    out: list[DecisionRow] = []
    repaired_at = {m.start: m.repaired for m in mentions}
    for n, span in enumerate(doc.spans.get(DECISIONS_KEY, []), start=1):
        sent = span.sent
        clause_end = span.start_char + len(span._.clause or "")
        section = sections.identifier_at(span.start_char)
        named = named_in(mentions, span.start_char, clause_end) or named_in(
            mentions, sent.start_char, sent.end_char)
        ident = pick(named, section)
        if span._.outcome == "minutes_approved":
            ident = named_in(mentions, span.start_char, clause_end)[:1] or [None]
            ident = ident[0]
        elif ident is None:
            ident = next(iter(_paragraph_named(doc, mentions, span.start_char)), None)
        ident_repaired = ident is not None and ident in named and any(
            repaired_at.get(m.start, False) for m in mentions
            if m.identifier == ident and sent.start_char <= m.start < sent.end_char
        ) and section != ident
        out.append(DecisionRow(
            meeting_id=meeting_id,
            source_file=source_file,
            decision_id=f"{meeting_id}/D{n}",
            identifier=ident,
            verb=span._.verb,
            outcome=span._.outcome,
            text=clean_text(sent.text),
            page=span._.page,
            confidence=confidence(caps=span.text.isupper(), repaired=bool(span._.repaired),
                                  ocr_conf=sent._.conf, identifier_repaired=ident_repaired),
        ))
    return out
