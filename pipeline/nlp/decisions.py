"""Decision rows from the ``minutes_decisions`` spans of the pipeline."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from pipeline.nlp.components import DECISIONS_KEY
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
    return low in own_names or low in GENERIC_BODIES


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


def rows(doc: Doc, sections: Sections, mentions: list[Mention], *, meeting_id: str,
         source_file: str, own_names: set[str] | None = None) -> list[DecisionRow]:
    """One row per decision word; ``own_names`` (lower-case) are the meeting body's names."""
    out: list[DecisionRow] = []
    repaired_at = {m.start: m.repaired for m in mentions}
    text = doc.text  # joined anew on every access: once here, not per decision
    for span in doc.spans.get(DECISIONS_KEY, []):
        sent = span.sent
        clause_end = span.start_char + len(span._.clause or "")
        section = sections.identifier_at(span.start_char)
        scope = (span.start_char, clause_end)
        named = named_in(mentions, *scope)
        if not named:
            scope = (sent.start_char, sent.end_char)
            named = named_in(mentions, *scope)
        if not span.text.isupper() and not _own_body(span._.subject, own_names):
            continue  # "the Operations Group agreed" in another body's minutes: narration
        ident = pick(named, section, coordinated=_coordinated(text, mentions, *scope))
        if span._.outcome == "minutes_approved":
            ident = next(iter(named_in(mentions, span.start_char, clause_end)), None)
        ident_repaired = ident is not None and ident in named and any(
            repaired_at.get(m.start, False) for m in mentions
            if m.identifier == ident and sent.start_char <= m.start < sent.end_char
        ) and section != ident
        out.append(DecisionRow(
            meeting_id=meeting_id,
            source_file=source_file,
            decision_id=f"{meeting_id}/D{len(out) + 1}",
            identifier=ident,
            verb=span._.verb,
            outcome=span._.outcome,
            text=clean_text(sent.text),
            page=span._.page,
            confidence=confidence(caps=span.text.isupper(), repaired=bool(span._.repaired),
                                  ocr_conf=sent._.conf, identifier_repaired=ident_repaired),
        ))
    return out
