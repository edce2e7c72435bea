"""Decisions as other bodies record them, where minutes have no ``The CSC AGREED`` lines.

SEC minutes write every decision as an upper-case word after the body (``The Panel NOTED``)
and use lower-case ``it was agreed`` for narration. Minutes of other committees write
decisions in prose: ``It was agreed that …``, ``The Standing Orders were agreed and adopted
by the Board``, ``Motion: … seconded. The motion passed 5-0``, ``… seconded and unanimously
approved``, ``Passed unanimously``, ``all were in favor``, ``Agreed to purchase …``,
``DECISION: …``. These phrasings are read only in a document that does not use the formal
style (two or more upper-case decision words), one decision per sentence.

Verbs are reduced to the past form the sentence uses (``agrees`` → ``AGREED``); a motion that
passes without the word ``approved`` is ``CARRIED``; ``accepted`` is ``APPROVED``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from pipeline.nlp.components import DECISIONS_KEY, IDENTIFIERS_KEY, doc_text

_WORDS = {"agreed": "AGREED", "agrees": "AGREED", "agree": "AGREED", "approved": "APPROVED",
          "approves": "APPROVED", "accepted": "APPROVED", "adopted": "ADOPTED", "ratified": "RATIFIED",
          "resolved": "RESOLVED", "decided": "DECIDED", "decides": "DECIDED", "endorsed": "ENDORSED",
          "rejected": "REJECTED", "elected": "ELECTED", "carried": "CARRIED", "passed": "CARRIED",
          "noted": "NOTED"}
_VERB = r"(?P<v>approved|agreed|adopted|accepted|ratified|elected|endorsed|rejected|carried|resolved|decided)"
_ADV = r"(?:(?:unanimously|duly|formally|also|then|therefore|subsequently|all)\s+)?"
# a list of things done before the decision word: "reviewed, signed and agreed", "discussed ad agreed"
_DONE = r"(?:[a-z]+(?:,\s*|\s+(?:and|ad|&)\s+)){0,3}"
# what a meeting receives and notes
_PAPERS = (r"reports?|updates?|accounts|statements?|correspondence|letters?|papers?|presentations?|summary|"
           r"register|budget|figures|briefing|minutes|returns?|schedule|dashboard|newsletter|review")
_BODY = (r"(?:committee|board|trustees|council|members|meeting|group|panel|directors|lpc|tac|"
         r"all\s+(?:\w+\s+){0,2}members)")

# (pattern, verb or None for the word matched, whether it settles an item: a motion carried, a
# thing agreed or adopted); the first that matches a sentence decides it
_RULES: list[tuple[re.Pattern[str], str | None, bool]] = [
    # "… seconded and unanimously approved", "seconded, and carried"
    (re.compile(rf"\bseconded\b.*?\b(?:and\s+|,\s*)?{_ADV}(?P<v>approved|agreed|carried|adopted)\b", re.I), None, True),
    # "The motion passed 5-0", "It passed 4-0", "Motion carried", "Passed unanimously", "Moved 5-0"
    (re.compile(r"\b(?:the\s+)?motion\s+(?:was\s+)?(?:passed|carried)\b|^\W*(?:it|which)\s+(?:was\s+)?(?:passed|carried)\b"
                r"|^\W*(?:motion\s+)?(?:passed|carried)\b(?:\s+(?:unanimously|\d+\s*[-–]\s*\d+))?"
                r"|\bmoved\s+\d+\s*[-–]\s*\d+|\bpassed\s+(?:unanimously|\d+\s*[-–]\s*\d+)|\bnem\.?\s*con\b", re.I),
     "CARRIED", True),
    # "all were in favor", "All TAC voting members present were in favour", "voted unanimously that"
    (re.compile(r"\ball\b(?:\s+\w+){0,5}\s+(?:were|was|voted)\s+in\s+favou?r\b"
                r"|\bvoted\s+(?:unanimously\s+)?(?:that|to|in\s+favou?r)\b", re.I), "CARRIED", True),
    # "It was agreed that …", "The Constitution was ratified", "were reviewed and adopted by the Board"
    (re.compile(rf"(?<!\bthat\s)(?<!\bwhich\s)(?<!\bwhere\s)(?<!\bwho\s)\b(?:was|were|been)\s+{_ADV}{_DONE}{_ADV}"
                rf"{_VERB}\b(?<!agreed(?=\s+with\b))", re.I), None, True),
    # "The Treasurer's report was noted.", "The quarterly update was noted by the Board": a paper
    # received, the whole sentence (not "It was noted that …", not "a correction was noted"; "The
    # correspondence received was noted")
    (re.compile(rf"^\W*(?-i:The)\s+[^.;:]{{0,80}}?\b(?:{_PAPERS})(?:\s+(?:received|submitted|circulated|presented|"
                rf"tabled))?\s+(?:was|were)\s+{_ADV}(?P<v>noted)"
                r"(?:\s+by\s+(?:the\s+)?\w+(?:\s+\w+)?)?\s*[.;]?\s*$", re.I), None, False),
    # "all Board members were in agreement", "The Board was unanimous in its approval"
    (re.compile(r"\bwere\s+in\s+agreement\b", re.I), "AGREED", True),
    (re.compile(r"\bunanimous\s+in\s+(?:its|their)\s+approval\b", re.I), "APPROVED", True),
    # "The committee unanimously agreed it", "LPC agreed to support", "Committee agrees it's important"
    (re.compile(rf"(?:^\W*|[:;]\s+|\b(?-i:The)\s+)(?:(?:the|most|all(?:\s+the)?|many)\s+)?{_BODY}\s+(?:\w+\s+){{0,6}}?{_ADV}"
                r"(?P<v>agreed|agrees|approved|approves|decided|decides|resolved|adopted|accepted|endorsed|rejected|ratified)\b",
                re.I), None, False),
    # "Agreed to purchase …", "Decided not to …", "Approved by committee.", "Minutes unanimously approved."
    (re.compile(rf"^\W*(?:(?:the\s+)?(?:previous\s+)?minutes\s+)?{_ADV}"
                r"(?P<v>agreed|approved|decided|resolved|adopted|ratified|carried)\b(?!\s+(?:with|by\s+(?-i:[A-Z][a-z])))", re.I), None, False),
    # "Minutes and Matters Arising Resolved that the minutes …": a heading read into the line
    # before the sentence (an item table's cells run together); the capital marks the start
    (re.compile(r"(?<=[A-Za-z]\s)(?-i:Resolved|RESOLVED|Agreed|AGREED|Decided|DECIDED)(?:\s*:|\s+that\b)", re.I),
     None, False),
    # "Noted the Treasurer's report", "Rejected the request …": telegraphic minutes (not "Noted we …")
    (re.compile(r"^\W*(?P<v>noted|rejected|endorsed)\s+(?:the|this|that\s+the)\b", re.I), None, False),
    # "DECISION: …"
    (re.compile(r"^\W*decisions?\s*:", re.I), "DECIDED", False),
]
# not the meeting's decision: a motion's own wording, a future or a condition, a report of
# another's decision ("announced that the proposal was accepted")
_NOT = re.compile(r"\b(?:announced|said|reported|stated|explained|mentioned|advised|informed|told|shared)\b"
                  r"(?:\s+\w+){0,4}?\s+that\b|\bhereby\b|\b(?:not|never)\b(?:\s+\w+){0,6}\s*$|"
                  r"\b(?:where|which|whom)\b[^,;:.]{0,60}$|\b(?:to|will|would|should|could|can|must|may|might|shall)\s+be\b|\bif\s+(?:\w+\s+){0,3}approved\b"
                  r"|\bnot\s+(?:yet\s+)?(?:been\s+)?(?:approved|agreed)\b|\bno\s+decision\b", re.I)
_FIRST = re.compile(r"\b(?:" + "|".join(_WORDS) + r")\b", re.I)
# a word any rule needs: sentences without one are not tried against the rules
_CUE = re.compile(r"agre|approv|adopt|accept|ratif|elect|endors|reject|carri|pass|resolv|decid|favou?r|noted|"
                  r"moved|nem\.?\s*con|vote|decision", re.I)
_FORMAL = 2  # upper-case decision words that mark the formal style


@dataclass
class Resolution:
    sent: Span
    verb: str
    start: int  # offset of the decision word (or the sentence) in the text
    lead: str = ""  # "the following candidates were elected:" before an item of its list
    settles: bool = False  # a motion carried or a thing agreed: the item is approved


def formal_style(doc: Doc) -> bool:
    """Does the document record its decisions as upper-case words (``The CSC AGREED``)?

    Two such words, or one in minutes that name SEC proposals, mark the formal style.
    """
    caps = sum(s.text.isupper() for s in doc.spans.get(DECISIONS_KEY, []))
    return caps >= _FORMAL or (caps >= 1 and bool(doc.spans.get(IDENTIFIERS_KEY)))


# a decisions table's row read as a line: its number cells before the decision ("3 The
# Treasurer's report was noted.", "D7 | 6 The Trustees rejected …")
ROW_NUMBERS = re.compile(r"^\W*(?:[A-Z]?\d{1,3}[.)]?\s+(?:\|\s*)?){1,2}(?=[A-Z])")


def _match(text: str) -> tuple[str, int, bool] | None:
    """``(verb, offset, settles an item)`` of the first rule that finds a decision in a sentence."""
    lead = ROW_NUMBERS.match(text)
    if lead is not None:
        hit = _match(text[lead.end() :])
        return (hit[0], hit[1] + lead.end(), hit[2]) if hit is not None else None
    for pattern, verb, settles in _RULES:
        m = pattern.search(text)
        if m is None:
            continue
        if verb is None and _NOT.search(text[: m.end()]) and "seconded" not in text.lower():
            continue
        at = m.start()
        if verb is None:  # the first decision word: "were agreed and adopted" is AGREED
            first = _FIRST.search(m.group(0))
            verb, at = _WORDS[first[0].lower()], m.start() + first.start()
        return verb, at, settles
    return None


def _list_items(sents: list[Span], k: int, text: str) -> list[Span]:
    """The bulleted sentences after a lead ending in ``:`` (``… were elected:``), in its block."""
    items = []
    for sent in sents[k + 1 :]:
        first = sent.text.lstrip()[:1]
        if not first or first.isalnum() or "\n\n" in text[sents[k].end_char : sent.start_char]:
            break
        items.append(sent)
    return items


def find(doc: Doc, text: str | None = None) -> list[Resolution]:
    """Decisions in prose, one per sentence, in sentences holding no decision span already
    (``text``: the Doc's text, if the caller has it).

    A decision whose next sentence records one in the formal way (``RESOLVED: …`` after the
    vote) is that decision, counted once; a lead ending in ``:`` gives one decision per item.
    """
    if formal_style(doc):
        return []
    sents = list(doc.sents)
    taken = {s.sent.start: s._.verb for s in doc.spans.get(DECISIONS_KEY, [])}
    formal_at = {s.sent.start for s in doc.spans.get(DECISIONS_KEY, []) if s.text.isupper()}
    found: list[Resolution] = []
    skip: set[int] = set()
    last: tuple[int, str] | None = None  # the sentence index and verb of the latest decision
    for k, sent in enumerate(sents):
        if sent.start in taken:
            last = (k, taken[sent.start])
            continue
        if sent.start in skip or not _CUE.search(sent.text):
            continue
        hit = _match(sent.text)
        if hit is None:
            continue
        verb, at, settles = hit
        if verb == "CARRIED" and k + 1 < len(sents) and sents[k + 1].start in formal_at:
            continue  # the vote, then the resolution that records it ("RESOLVED: That …")
        if last is not None and last[1] == verb and k - last[0] <= 2 and len(sent.text.split()) <= 3:
            continue  # "Minutes approved" in the decisions column, after the sentence that says so
        last = (k, verb)
        if sent.text.rstrip().endswith(":"):
            text = doc_text(doc) if text is None else text
            items = _list_items(sents, k, text)
        else:
            items = []
        if not items:
            found.append(Resolution(sent, verb, sent.start_char + at, settles=settles))
            continue
        for item in items:
            skip.add(item.start)
            found.append(Resolution(item, verb, item.start_char, lead=sent.text.strip(), settles=settles))
    return found
