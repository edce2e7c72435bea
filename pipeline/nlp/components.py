"""The custom spaCy components of ``models/minutes_nlp`` and the extensions they fill.

Pipeline (see ``build_model``): ``identifier_ruler`` (a SpanRuler whose labels are the
identifier kinds) → ``minutes_identifiers`` (canonical form with OCR repair) → ``cue_ruler``
(a SpanRuler for decision words, committee names, action cues) → ``minutes_segmenter``
(sentences that respect lines, bullets and headings) → ``minutes_decisions`` (which cue words
record a decision, and its outcome) ; ``minutes_lexicon`` holds the word lists the
record readers use (committees, constituencies, attendee categories, page furniture).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy
import srsly
from rapidfuzz import fuzz
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Span, Token
from spacy.util import registry

from pipeline.nlp import confusions
from pipeline.reading.charclasses import BULLETS, char_class

logger = logging.getLogger(__name__)

IDENTIFIERS_KEY = "identifiers"
CUES_KEY = "cues"
DECISIONS_KEY = "decisions"

def doc_text(doc: Doc) -> str:
    """The Doc's text: the DocText it was made from (``Doc.text`` joins every token anew)."""
    dt = doc._.minutes_text
    return dt.text if dt is not None else doc.text


def _span_page(span: Span) -> int | None:
    dt = span.doc._.minutes_text
    return dt.page_at(span.start_char) if dt is not None else None


def _span_conf(span: Span) -> float | None:
    dt = span.doc._.minutes_text
    return dt.min_conf(span.start_char, span.end_char) if dt is not None else None


def register_extensions() -> None:
    if not Doc.has_extension("minutes_text"):
        Doc.set_extension("minutes_text", default=None)  # pipeline.nlp.text.DocText
    for name in ("identifier", "verb", "outcome", "clause", "subject"):
        if not Span.has_extension(name):
            Span.set_extension(name, default=None)
    for flag in ("repaired", "needs_evidence"):
        if not Span.has_extension(flag):
            Span.set_extension(flag, default=False)
    if not Span.has_extension("page"):
        Span.set_extension("page", getter=_span_page)
    if not Span.has_extension("conf"):
        Span.set_extension("conf", getter=_span_conf)


register_extensions()


# ---------------------------------------------------------------- identifiers


@dataclass(frozen=True)
class IdentifierReading:
    """What an identifier-shaped token reads as.

    ``repaired``: only an OCR repair gives it (a look-alike in the prefix or digits, a stray
    ``.`` between them). ``needs_evidence``: too damaged to trust alone (``OPO96``: the prefix
    and the digits both repaired): kept only where the document writes it cleanly elsewhere.
    """

    identifier: str
    repaired: bool
    needs_evidence: bool = False


def read_identifier(kind: str, text: str, *, max_repairs: int = 1) -> IdentifierReading | None:
    """``MPQ93`` as kind ``MP`` → ``MP093`` (repaired); None when it cannot be one."""
    compact = re.sub(r"\s+", "", text)
    head = compact[: len(kind)]
    if len(head) < len(kind) or any(a != b and a not in confusions.letter_lookalikes(b)
                                    for a, b in zip(head, kind, strict=True)):
        return None
    prefix_repairs = sum(a != b for a, b in zip(head, kind, strict=True))
    raw = compact[len(kind) :]
    stray = raw[:1] in confusions.stray_chars() and len(raw) > 1
    if stray:
        raw = raw[1:]
    digits = confusions.fold_digits(raw)
    if not digits.isdigit():
        return None
    digit_repairs = sum(a != b for a, b in zip(raw, digits, strict=True))
    real = len(digits) - digit_repairs
    if real < 1:
        return None
    weak = (prefix_repairs > 1 or (prefix_repairs > 0 and digit_repairs > 0)
            or digit_repairs > max_repairs + (len(digits) >= 4) or real < 2)
    repaired = bool(prefix_repairs or digit_repairs or stray or compact != text)
    return IdentifierReading(kind + digits, repaired, weak)


def canonical_identifier(kind: str, text: str, *, max_repairs: int = 1) -> tuple[str, bool] | None:
    """``("MP093", True)`` for kind ``MP`` and text ``MPQ93``; None when it is no identifier on its own."""
    reading = read_identifier(kind, text, max_repairs=max_repairs)
    if reading is None or reading.needs_evidence:
        return None
    return reading.identifier, reading.repaired


@registry.tokenizers("minutes.Tokenizer.v1")
def make_tokenizer():
    """The tokenizer the saved one is loaded into: empty, since ``from_disk`` then sets every rule,
    prefix, suffix and infix pattern from ``tokenizer`` in the pipeline directory. (spaCy's own
    ``spacy.Tokenizer.v1`` first builds English's 2,700 special cases and compiles its
    patterns, only for the loaded ones to replace them: 0.35 s of every run's start.)"""

    def create(nlp: Language) -> Tokenizer:
        return Tokenizer(nlp.vocab)

    return create


@Language.factory("minutes_identifiers", default_config={"max_repairs": 1})
def make_identifiers(nlp: Language, name: str, *, max_repairs: int) -> IdentifierCanon:
    return IdentifierCanon(max_repairs=max_repairs)


class IdentifierCanon:
    """Give each span of ``doc.spans["identifiers"]`` its canonical ``span._.identifier``."""

    def __init__(self, *, max_repairs: int) -> None:
        self.max_repairs = max_repairs

    def __call__(self, doc: Doc) -> Doc:
        kept = []
        for span in doc.spans.get(IDENTIFIERS_KEY, []):
            reading = read_identifier(span.label_, span.text, max_repairs=self.max_repairs)
            if reading is None:
                continue
            span._.identifier, span._.repaired = reading.identifier, reading.repaired
            span._.needs_evidence = reading.needs_evidence
            kept.append(span)
        # longest first wins where patterns overlap (SECMP0062 over a stray MP match)
        kept.sort(key=lambda s: (s.start, -len(s)))
        result: list[Span] = []
        for span in kept:
            if result and span.start < result[-1].end:
                continue
            result.append(span)
        doc.spans[IDENTIFIERS_KEY] = result
        return doc


# ---------------------------------------------------------------- sentences

_SENT_END = {".", "!", "?"}
_BULLET_LINE = re.compile(r"^\s*" + char_class(BULLETS) + r"\s+\S")  # a list item's line
# a line or phrase ending in one of these goes on: no sentence or heading ends there
FUNCTION_WORDS = {"the", "of", "and", "to", "a", "an", "for", "in", "with", "on", "by", "or", "that"}
_REPORTING = {"which", "that", "who", "whom", "as", "when", "where", "whether", "if"}
_CLOSERS = "’”\"')]}"
_ABBREV = {"e.g.", "i.e.", "etc.", "no.", "vs.", "ed.", "cf.", "approx.", "st.", "mr.", "ms.", "dr."}


def _line_bounds(text: str, pos: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, (len(text) if end < 0 else end)


def _prev_line(text: str, line_start: int) -> tuple[str, int]:
    """The previous non-empty line's text and how many line breaks lie between."""
    breaks, pos = 0, line_start - 1
    while pos >= 0:
        start = text.rfind("\n", 0, pos) + 1
        breaks += 1
        if text[start:pos].strip():
            return text[start:pos].strip(), breaks
        pos = start - 1
    return "", breaks


_NOT_START = numpy.uint64(2**64 - 1)  # -1 as spaCy's uint64 attribute arrays hold it


def is_bullet(token: Token) -> bool:
    nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return (
        token.text in BULLETS
        and nxt is not None
        and not nxt.is_space
        and token.whitespace_ != ""
        and (nxt.text[:1].isupper() or nxt.text[:1].isdigit())
    )


@Language.factory("minutes_segmenter", default_config={"heading_max_chars": 70})
def make_segmenter(nlp: Language, name: str, *, heading_max_chars: int) -> Segmenter:
    return Segmenter(heading_max_chars=heading_max_chars)


_QUOTE_SPECKS = {"‘", "’", "'", "`", "“", "\""}


def lead_line(text: str, line_start: int) -> tuple[int, str]:
    """The line a list hangs from (``The CSC:``), for the list item whose line starts at
    ``line_start``: the line before it, or, past the list's earlier items (bullet lines, at most
    eight), the line before them. Its offset and its text."""
    before = text[:line_start].rstrip()
    lead_start = before.rfind("\n") + 1
    for _ in range(8):
        if lead_start == 0 or not _BULLET_LINE.match(before[lead_start:]):
            break
        before = before[:lead_start].rstrip()
        lead_start = before.rfind("\n") + 1
    return lead_start, before[lead_start:]


def _one_letter_off_body(word: str, bodies: dict[int, Span]) -> str | None:
    """The last word of a body the document names (``Panel``) that ``word`` is one letter off."""
    for known in {b[-1].text for b in bodies.values()}:
        if len(known) == len(word) and known != word and sum(a != b for a, b in zip(known, word, strict=True)) == 1:
            return known
    return None


class Segmenter:
    """Sentence starts from punctuation, blank lines, bullets, ``…:`` leads and short headings."""

    def __init__(self, *, heading_max_chars: int) -> None:
        self.heading_max_chars = heading_max_chars

    @staticmethod
    def _junk_stop(doc: Doc, prev: Token) -> bool:
        """``Working =.`` : a full stop after a speck OCR read as a symbol ends nothing."""
        before = doc[prev.i - 1] if prev.i > 1 else None
        return (before is not None and before.whitespace_ == "" and doc[prev.i - 2].whitespace_ != ""
                and not any(c.isalnum() for c in before.text)
                and not any(c in _CLOSERS for c in before.text))

    @staticmethod
    def _lost_stop(token: Token, prev: Token, body_starts: set[int]) -> bool:
        """``… top up remotely The Panel NOTED``: OCR lost the full stop before ``The <body>``;
        ``… with one abstention The request from …``, ``… next meeting It was agreed …``: before a
        capital ``The`` and a word in lower case, or ``It was``, after a word in lower case."""
        nxt = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
        opens = (token.text == "The" and token.i + 1 in body_starts) or (
            nxt is not None and ((token.text == "The" and nxt.is_alpha and nxt.text.islower())
                                 or (token.text == "It" and nxt.lower_ in {"was", "is", "has", "had", "will"})))
        return (opens and prev.is_alpha and prev.text[-1:].islower() and prev.lower_ not in FUNCTION_WORDS
                and prev.lower_ not in _REPORTING)

    @staticmethod
    def _lowered_it(doc: Doc, text: str, token: Token) -> bool:
        """``… heating system.`` / ``it was agreed to defer …``: a line opening ``it was`` after a
        full stop, its capital read as ``i`` on a scan."""
        nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
        line_start, _ = _line_bounds(text, token.idx)
        return (token.text == "it" and nxt is not None and nxt.lower_ in {"was", "is", "has", "had", "will"}
                and not text[line_start : token.idx].strip())

    def _starts_sentence(self, doc: Doc, text: str, token: Token, prev: Token | None,
                         body_starts: set[int] | None = None) -> bool:
        if prev is None:
            return True
        if prev.text in _SENT_END and not (prev.i > 0 and doc[prev.i - 1].text.lower() + "." in _ABBREV):
            if self._junk_stop(doc, prev):
                return False
            return (token.text[:1].isupper() or token.text[:1].isdigit() or is_bullet(token) or token.text[:1] in "‘'\"“("
                    or self._lowered_it(doc, text, token))
        if self._lost_stop(token, prev, body_starts or set()):
            return True
        if prev.text == "|" and (token.text[:1].isupper() or token.text[:1].isdigit()):
            return True  # a table cell starts its own sentence ("D2 | 3 | Resolved that …")
        if (prev.text == "," and token.text in ("Resolved", "RESOLVED") and token.i + 1 < len(doc)
                and doc[token.i + 1].lower_ in ("that", ":")):
            return True  # "… be noted, Resolved that …": the full stop OCR read as a comma
        line_start, _ = _line_bounds(text, token.idx)
        if text[line_start : token.idx].strip():
            return False  # not the first token on its line
        before, breaks = _prev_line(text, line_start)
        first = token.text[:1]
        if is_bullet(token) or before.endswith(":"):
            return True
        if token.lower_ == "resolved" and first.isupper():
            return True  # "Resolved that …" opens its line's sentence, after a full stop OCR read as a comma too
        lead = token.i + 1 if token.text in _QUOTE_SPECKS and token.i + 1 < len(doc) else token.i
        if body_starts and doc[lead].text == "The" and lead + 1 in body_starts:
            return True  # so does "The TAC decided …" (a quote mark a speck made before it, "‘The TAC …")
        if breaks >= 2:
            return not first.islower()
        if re.fullmatch(r"\d{1,2}[.)]?", before):
            return False
        last_word = before.rsplit(None, 1)[-1].lower() if before else ""
        return (
            len(before) <= self.heading_max_chars
            and before[-1:] not in {",", ";", "-", "(", "&", "/"}
            and last_word not in FUNCTION_WORDS
            and (first.isupper() or first.isdigit())
        )

    def __call__(self, doc: Doc) -> Doc:
        prev: Token | None = None
        text = doc_text(doc)  # once per doc, not per token
        body_starts = {s.start for s in doc.spans.get(CUES_KEY, []) if s.label_ == "BODY"}
        starts = numpy.empty((len(doc), 1), dtype="uint64")  # SENT_START: 1 starts, -1 does not
        for token in doc:
            if token.is_space:
                starts[token.i, 0] = 1 if token.i == 0 else _NOT_START
                continue
            starts[token.i, 0] = 1 if self._starts_sentence(doc, text, token, prev, body_starts) else _NOT_START
            prev = token
        # set all at once: Token.is_sent_start's setter scans the whole doc on every call (quadratic)
        return doc.from_array([SENT_START], starts) if len(doc) else doc


# ---------------------------------------------------------------- lexicon


@Language.factory("minutes_lexicon", default_config={})
def make_lexicon(nlp: Language, name: str) -> Lexicon:
    return Lexicon()


class Lexicon:
    """Named word lists for the record readers; a no-op on the Doc, serialised as JSON."""

    def __init__(self, data: dict[str, Any] | None = None) -> None:
        self.data: dict[str, Any] = dict(data or {})

    def __call__(self, doc: Doc) -> Doc:
        return doc

    def __getitem__(self, key: str) -> Any:
        return self.data[key]

    def get(self, key: str, default: Any = None) -> Any:
        return self.data.get(key, default)

    def initialize(self, get_examples: Any = None, *, nlp: Language | None = None,
                   data: dict[str, Any] | None = None) -> None:
        if data is not None:
            self.data = dict(data)

    def to_disk(self, path: Path, *, exclude: tuple[str, ...] = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_json(path / "lexicon.json", self.data)

    def from_disk(self, path: Path, *, exclude: tuple[str, ...] = ()) -> Lexicon:
        self.data = srsly.read_json(Path(path) / "lexicon.json")
        return self


# ---------------------------------------------------------------- decisions


@Language.factory(
    "minutes_decisions",
    default_config={"fuzzy_cutoff": 80.0, "adverbs": ["unanimously", "formally", "also", "then",
                                                       "therefore", "subsequently", "duly"]},
)
def make_decisions(nlp: Language, name: str, *, fuzzy_cutoff: float, adverbs: list[str]) -> DecisionFinder:
    return DecisionFinder(fuzzy_cutoff=fuzzy_cutoff, adverbs=adverbs)


class DecisionFinder:
    """Mark the cue words that record the meeting's decision in ``doc.spans["decisions"]``.

    Upper-case decision words always count (``The CSC AGREED``, bullets under ``The CSC:``);
    a lower-case one counts only when the meeting body itself is its subject (``The Panel
    agreed that``, ``the minutes were approved``), never narration (``members agreed``,
    ``agreed with``, ``it was agreed``, ``SECAS noted that``). OCR-damaged upper-case words
    (``AGREFD``) are matched by similarity and flagged ``span._.repaired``. The outcome comes
    from ordered rules (``outcomes.jsonl``): the first whose verbs and pattern fit the clause.
    """

    def __init__(self, *, fuzzy_cutoff: float, adverbs: list[str]) -> None:
        self.fuzzy_cutoff = fuzzy_cutoff
        self.adverbs = set(adverbs)
        self.verbs: list[str] = []  # upper-case decision words
        self.passive_minutes: list[str] = []  # verbs that approve minutes in the passive
        self.lower_verbs: list[str] = []  # those that count in lower case after the body
        self.not_after: dict[str, list[str]] = {}  # verb ("*": any) → next words that make it narration
        self.caps_stop: list[str] = []
        self.rules: list[dict[str, Any]] = []
        self._compiled: list[tuple[dict[str, Any], re.Pattern[str] | None]] = []
        self._text: str | None = None  # the Doc's text while a Doc is being read

    # -- configuration -------------------------------------------------------
    def initialize(self, get_examples: Any = None, *, nlp: Language | None = None,
                   verbs: list[str] | None = None, rules: list[dict[str, Any]] | None = None,
                   passive_minutes: list[str] | None = None,
                   not_after: dict[str, list[str]] | None = None,
                   lower_verbs: list[str] | None = None, caps_stop: list[str] | None = None) -> None:
        self.verbs = list(verbs or [])
        self.rules = list(rules or [])
        self.passive_minutes = list(passive_minutes or [])
        self.not_after = dict(not_after or {})
        self.lower_verbs = list(lower_verbs or [])
        self.caps_stop = list(caps_stop or [])
        self._compile()

    def _compile(self) -> None:
        self._compiled = [
            (rule, re.compile(rule["pattern"], re.IGNORECASE) if rule.get("pattern") else None)
            for rule in self.rules
        ]

    def to_disk(self, path: Path, *, exclude: tuple[str, ...] = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_jsonl(path / "outcomes.jsonl", self.rules)
        srsly.write_json(path / "cues.json", {
            "verbs": self.verbs, "passive_minutes": self.passive_minutes,
            "not_after": self.not_after, "caps_stop": self.caps_stop, "lower_verbs": self.lower_verbs,
        })

    def from_disk(self, path: Path, *, exclude: tuple[str, ...] = ()) -> DecisionFinder:
        path = Path(path)
        self.rules = list(srsly.read_jsonl(path / "outcomes.jsonl"))
        cues = srsly.read_json(path / "cues.json")
        self.verbs = cues["verbs"]
        self.passive_minutes = cues["passive_minutes"]
        self.not_after = cues["not_after"]
        self.caps_stop = cues["caps_stop"]
        self.lower_verbs = cues["lower_verbs"]
        self._compile()
        return self

    # -- matching ------------------------------------------------------------
    def caps_verb(self, token: Token) -> tuple[str, bool] | None:
        """The decision word an upper-case token is, and whether OCR repair was needed."""
        word = token.text
        if word in self.verbs:
            return word, False
        if len(word) < 5 or not word[:1].isupper() or word in self.caps_stop:
            return None
        letters = sum(c.isupper() for c in word)
        if letters < len(word) - 1 or word.isdigit():
            return None
        best, score = None, 0.0
        for verb in self.verbs:
            s = fuzz.ratio(word.upper().replace("0", "O"), verb)
            if s > score:
                best, score = verb, s
        if best is not None and score >= self.fuzzy_cutoff:
            return best, True
        return None

    def _body_before(self, token: Token, bodies: dict[int, Span]) -> Span | None:
        """The meeting body (``The CSC``, ``the Change Board``) that is the verb's subject.

        Not when the clause is reported or relative (``which the Panel deferred``, ``advised
        that the Panel agreed``) or pluperfect (``the Operations Group had endorsed``). A full
        stop OCR put between them (``The Change Board. approved MP100``) is stepped over.
        """
        doc = token.doc
        i = token.i - 1
        while i >= 0 and (doc[i].lower_ in self.adverbs or doc[i].text == ","
                          or (doc[i].text == "." and token.text[:1].islower() and i > 0 and not doc[i - 1].whitespace_)):
            i -= 1
        body = bodies.get(i) or self._misread_body(doc, i, bodies)
        if body is None:
            return None
        if body.start == token.sent.start or body.start == 0:
            return body
        det = doc[body.start - 1]
        if is_bullet(det) or (det.is_sent_start and det.lower_ != "the"):
            return body
        if det.lower_ != "the":
            return None
        before = doc[det.i - 1] if det.i > 0 else None
        if before is not None and not det.is_sent_start and before.lower_ in _REPORTING:
            return None
        return body

    @staticmethod
    def _misread_body(doc: Doc, i: int, bodies: dict[int, Span]) -> Span | None:
        """``The Panet agreed``: after ``The``, a word one letter off the last word of a body
        the document names elsewhere (``The Panel``), of the same length, misread on a scan."""
        if i < 1 or doc[i - 1].text != "The" or not doc[i].text[:1].isupper() or len(doc[i].text) < 4:
            return None
        return doc[i : i + 1] if _one_letter_off_body(doc[i].text, bodies) is not None else None

    def _lead_is_body(self, sent: Span, bodies: dict[int, Span]) -> bool:
        """``The CSC:`` on the line before a bullet list of lower-case decisions (before its
        first bullet: the list's earlier items, one a line, may come between)."""
        text = self._text if self._text is not None else doc_text(sent.doc)
        line_start = text.rfind("\n", 0, sent.start_char) + 1
        lead_start, lead = lead_line(text, line_start)
        if not re.match(r"^\s*the\s+.{1,40}:\s*$", lead, re.IGNORECASE):
            return False
        return any(lead_start <= b.start_char < line_start for b in bodies.values())

    def _lower_decision(self, token: Token, bodies: dict[int, Span]) -> str | None:
        lower = token.lower_
        verb = lower.upper()
        if verb not in self.lower_verbs or token.text.isupper():
            return None
        nxt = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
        stop = set(self.not_after.get("*", [])) | set(self.not_after.get(verb, []))
        if nxt is not None and nxt.lower_ in stop:
            return None
        body = self._body_before(token, bodies)
        if body is not None:
            return verb
        sent = token.sent
        # "the minutes of the previous meeting were approved"
        prev = token.doc[token.i - 1] if token.i > 0 else None
        if (verb in self.passive_minutes and prev is not None and prev.lower_ in {"were", "was"}
                and any(t.lower_ == "minutes" for t in token.doc[sent.start : token.i])):
            return "APPROVED" if verb in {"AGREED", "ACCEPTED", "APPROVED", "CONFIRMED"} else verb
        first = next((t for t in sent if not t.is_space and not is_bullet(t)), None)
        if first is not None and first.i == token.i and self._lead_is_body(sent, bodies):
            return verb
        return None

    def _coordinated(self, token: Token, found: list[tuple[Token, str, bool]]) -> str | None:
        """``The Panel AGREED to convert DP132 … and agreed that MP107 should …``."""
        verb = token.lower_.upper()
        if verb not in self.lower_verbs or token.text.isupper() or not found:
            return None
        prev = token.doc[token.i - 1] if token.i > 0 else None
        if prev is None or prev.lower_ not in {"and", "also"}:
            return None
        return verb if found[-1][0].sent == token.sent else None

    def subject(self, token: Token) -> str | None:
        """The body a lower-case decision word follows (``Panel`` in ``The Panel agreed``)."""
        bodies: dict[int, Span] = {}
        for s in token.doc.spans.get(CUES_KEY, []):
            if s.label_ == "BODY" and (s.end - 1 not in bodies or len(s) > len(bodies[s.end - 1])):
                bodies[s.end - 1] = s
        body = self._body_before(token, bodies)
        if body is None:
            return None
        known = _one_letter_off_body(body[-1].text, bodies) if body.end - 1 not in bodies else None
        return body.text if known is None else f"{body[:-1].text} {known}".strip()  # "Panet": the Panel

    def outcome(self, verb: str, clause: str, sentence: str) -> str | None:
        for rule, pattern in self._compiled:
            verbs = rule.get("verbs")
            if verbs and verb not in verbs:
                continue
            where = sentence if rule.get("scope") == "sentence" else clause
            if pattern is not None and not pattern.search(where):
                continue
            return rule["outcome"] or None
        return None

    def __call__(self, doc: Doc) -> Doc:
        bodies: dict[int, Span] = {}
        for s in doc.spans.get(CUES_KEY, []):
            if s.label_ == "BODY" and (s.end - 1 not in bodies or len(s) > len(bodies[s.end - 1])):
                bodies[s.end - 1] = s
        self._text = doc_text(doc)  # Doc.text joins every token anew: once per call, not per lead
        found: list[tuple[Token, str, bool]] = []
        for token in doc:
            if token.is_space or token.is_punct:
                continue
            caps = self.caps_verb(token) if token.text[:1].isupper() and token.text[1:2].isupper() else None
            if caps is not None:
                found.append((token, caps[0], caps[1]))
                continue
            verb = self._lower_decision(token, bodies) or self._coordinated(token, found)
            if verb is not None:
                found.append((token, verb, False))
        spans: list[Span] = []
        text, self._text = self._text, None
        for n, (token, verb, repaired) in enumerate(found):
            sent = token.sent
            nxt = found[n + 1][0] if n + 1 < len(found) and found[n + 1][0].sent == sent else None
            clause_end = nxt.idx if nxt is not None else sent.end_char
            clause = text[token.idx : clause_end]
            span = doc[token.i : token.i + 1]
            span._.verb = verb
            span._.repaired = repaired
            span._.clause = clause
            span._.outcome = self.outcome(verb, clause, sent.text)
            if not token.text.isupper():
                span._.subject = self.subject(token)
            spans.append(span)
        doc.spans[DECISIONS_KEY] = spans
        return doc
