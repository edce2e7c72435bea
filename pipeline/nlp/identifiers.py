"""Proposal identifiers: canonical form, quoted titles, mention counts.

The spans come from the ``identifier_ruler`` / ``minutes_identifiers`` pair of the pipeline
(``doc.spans["identifiers"]``, canonical form in ``span._.identifier``); this module reads the
title quoted after a mention and folds the mentions into one row per identifier.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from pipeline.nlp.components import IDENTIFIERS_KEY, doc_text

OPEN_QUOTES = "‘“\"'`"
CLOSE_QUOTES = "’”\"'‘`"
_WS = re.compile(r"\s+")


@dataclass
class Mention:
    identifier: str
    kind: str
    start: int
    end: int
    page: int | None
    repaired: bool
    title: str | None = None
    raw: str = ""
    needs_evidence: bool = False  # too damaged to stand alone: kept where the document writes it cleanly


@dataclass
class IdentifierInfo:
    identifier: str
    kind: str
    mentions: list[Mention] = field(default_factory=list)
    heading_title: str | None = None

    @property
    def first_page(self) -> int | None:
        pages = [m.page for m in self.mentions if m.page is not None]
        return min(pages) if pages else None

    @property
    def title(self) -> str | None:
        """The title given most often; on a tie the first (OCR noise rarely repeats itself)."""
        titles = [m.title for m in self.mentions if m.title]
        if not titles:
            return self.heading_title
        counts = Counter(titles)
        best = max(counts.values())
        return next(t for t in titles if counts[t] == best)


def clean_title(text: str) -> str:
    return _WS.sub(" ", text).strip().strip(" .,;:")


def quoted_after(text: str, pos: int, *, max_len: int = 200) -> tuple[str, int] | None:
    """The quoted title starting right after ``pos`` (``DP094 ‘Title’``) and where it ends."""
    m = re.match(r"[ \t]{0,3}(?:[-–—:][ \t]{0,2})?(?:\n[ \t]*)?", text[pos:])
    start = pos + (m.end() if m else 0)
    if start >= len(text) or text[start] not in OPEN_QUOTES:
        return None
    if text[start] in "'`\"" and start == pos:
        return None  # DP094's: an apostrophe, not a quote
    i = start + 1
    limit = min(len(text), i + max_len)
    while i < limit:
        ch = text[i]
        if ch == "\n" and text[i + 1 : i + 2] == "\n":
            return None
        if ch in CLOSE_QUOTES and i - start > 3:
            nxt = text[i + 1 : i + 2]
            if not nxt.isalpha():
                title = clean_title(text[start + 1 : i])
                return (title, i + 1) if len(title) >= 3 else None
        i += 1
    return None


def mentions(doc: Doc) -> list[Mention]:
    text = doc_text(doc)
    found = []
    span: Span
    for span in doc.spans.get(IDENTIFIERS_KEY, []):
        q = quoted_after(text, span.end_char)
        found.append(Mention(span._.identifier, span.label_, span.start_char, span.end_char,
                             span._.page, bool(span._.repaired), q[0] if q else None, span.text,
                             bool(span._.needs_evidence)))
    return _split_numbers(doc, text, found)


# "MP1 12", "CP1 189": an identifier whose number a scan broke with a space
_SPLIT_NUMBER = re.compile(r"(?<![\w/])(?P<kind>[A-Z]{2,5})\s?(?P<a>\d{1,3})\s(?P<b>\d{1,3})(?![\w/])")


def _split_numbers(doc: Doc, text: str, found: list[Mention]) -> list[Mention]:
    """Identifiers a space broke, read whole: kept (``needs_evidence``) only where the document
    also writes the identifier they make (``MP112``); the fragment the ruler read (``MP1``) goes."""
    kinds = {m.kind for m in found}
    widths = {m.kind: len(m.identifier) - len(m.kind) for m in found if not m.repaired}
    found = sorted(found, key=lambda f: f.start)
    starts = [f.start for f in found]
    dropped: set[int] = set()  # indices into ``found`` of the fragments read whole
    added: list[Mention] = []
    for m in _SPLIT_NUMBER.finditer(text):
        digits = m["a"] + m["b"]
        if m["kind"] not in kinds or len(digits) != widths.get(m["kind"], len(digits)):
            continue
        inside = [k for k in range(bisect.bisect_left(starts, m.start()), bisect.bisect_left(starts, m.end()))
                  if found[k].end <= m.end()]
        if any(found[k].identifier == m["kind"] + digits for k in inside):
            continue
        dropped.update(inside)
        char = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        page = char._.page if char is not None else next((found[k].page for k in inside), None)
        q = quoted_after(text, m.end())
        added.append(Mention(m["kind"] + digits, m["kind"], m.start(), m.end(), page, True,
                             q[0] if q else None, m.group(0), needs_evidence=True))
    if not added:
        return found
    return sorted([f for k, f in enumerate(found) if k not in dropped] + added, key=lambda f: f.start)


def reconcile(found: list[Mention], ocr_pages: Collection[int] = (),
              widths: dict[str, int] | None = None) -> list[Mention]:
    """Repair mentions from the document's own evidence; returns the mentions kept.

    A badly damaged mention (``OPO96``) stands only where the document also writes its
    reading (``DP096``) without that much damage. An OCR-repaired mention with a stray extra
    character (``DP0O96``) that is one character away from an identifier the document writes
    cleanly (``DP096``) becomes it. On an OCR'd page (``ocr_pages``), a mention one digit short
    or long of its kind's usual length becomes the one identifier the document names that is
    a digit away, or of two, the one named last before it (:func:`_lost_digit`); ``widths`` gives the kinds always written with so many
    digits (``SECMP0062``).
    """
    sound = {m.identifier for m in found if not m.needs_evidence}
    found[:] = [m for m in found if not m.needs_evidence or m.identifier in sound]
    clean = {m.identifier for m in found if not m.repaired}
    for m in found:
        if not m.repaired or m.identifier in clean:
            continue
        digits = m.identifier[len(m.kind):]
        for i in range(len(digits)):
            candidate = m.kind + digits[:i] + digits[i + 1 :]
            if candidate in clean:
                m.identifier = candidate
                break
        else:
            _drop_stray_letter(m, found)
    _lost_digit(found, set(ocr_pages), widths or {})
    return found


def _lost_digit(found: list[Mention], ocr_pages: set[int], widths: dict[str, int]) -> None:
    """``SECMP056`` or ``SECMP006`` read once off a scan where the document's SECMPs have four
    digits and it names ``SECMP0056``: OCR lost a digit (or doubled one). The mention becomes
    the only identifier of its kind with the usual length that one digit more (or fewer) gives.
    With no such identifier, a kind always written ``widths[kind]`` digits wide, leading zeros
    included, gets back the leading zero it is one digit short of (``SECMP131`` → ``SECMP0131``)."""
    counts = Counter(m.identifier for m in found)
    lengths: dict[str, Counter[int]] = {}
    for m in found:
        lengths.setdefault(m.kind, Counter())[len(m.identifier) - len(m.kind)] += 1
    for m in found:
        if m.page not in ocr_pages or counts[m.identifier] > 1:
            continue
        usual = widths.get(m.kind) or lengths[m.kind].most_common(1)[0][0]
        digits = m.identifier[len(m.kind):]
        if abs(len(digits) - usual) != 1:
            continue
        near = {ident for ident in counts if ident.startswith(m.kind) and ident[len(m.kind):].isdigit()
                and len(ident) - len(m.kind) == usual and _one_digit_apart(digits, ident[len(m.kind):])}
        if len(near) > 1:
            # one digit from two (MP1835: MP185 or MP183): the one named last before it, whose
            # item it is read in
            before = [f for f in found if f.identifier in near and f.start < m.start]
            near = {max(before, key=lambda f: f.start).identifier} if before else near
        if len(near) == 1:
            m.identifier, m.repaired = near.pop(), True
        elif not near and m.kind in widths and len(digits) == usual - 1:
            m.identifier, m.repaired = m.kind + "0" + digits, True


def _one_digit_apart(a: str, b: str) -> bool:
    """One digit inserted into the shorter gives the longer."""
    short, long_ = sorted((a, b), key=len)
    return len(long_) == len(short) + 1 and any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


def _drop_stray_letter(m: Mention, found: list[Mention]) -> None:
    """``DP0O96`` where every clean DP has three digits: the letter is a doubled zero."""
    lengths = Counter(len(f.identifier) - len(f.kind) for f in found if f.kind == m.kind and not f.repaired)
    if not lengths:
        lengths = Counter(len(f.identifier) - len(f.kind) for f in found if not f.repaired)
    if not lengths:
        return
    usual = lengths.most_common(1)[0][0]
    raw_digits = re.sub(r"\s+", "", m.raw)[len(m.kind):]
    digits = m.identifier[len(m.kind):]
    # (a stray mark the identifier dropped, "DP.168", stood for no digit: only a character read
    # as one, "DP0O96", "MP!172", is the doubled one)
    if len(raw_digits) != usual + 1 or len(digits) != len(raw_digits):
        return
    for i, ch in enumerate(raw_digits):
        if not ch.isdigit():
            m.identifier = m.kind + digits[:i] + digits[i + 1 :]
            return


def collect(found: list[Mention], *, heading_titles: dict[str, str] | None = None) -> list[IdentifierInfo]:
    """One entry per identifier, in order of first mention."""
    infos: dict[str, IdentifierInfo] = {}
    for m in found:
        info = infos.setdefault(m.identifier, IdentifierInfo(m.identifier, m.kind))
        info.mentions.append(m)
    for ident, title in (heading_titles or {}).items():
        if ident in infos and title:
            infos[ident].heading_title = title
    return list(infos.values())


def named_in(found: list[Mention], start: int, end: int) -> list[str]:
    """Identifiers mentioned between two offsets, in order, without repeats."""
    seen: list[str] = []
    for m in found:
        if start <= m.start < end and m.identifier not in seen:
            seen.append(m.identifier)
    return seen


def pick(named: list[str], section: str | None, *, coordinated: bool = False) -> str | None:
    """The identifier a decision or action concerns: its item's, if named or nothing is named;
    else the one it names (none when it names several together, ``MP103 and MP104``)."""
    if section is not None and (section in named or not named):
        return section
    if coordinated:
        return None
    return named[0] if named else section
