"""Fuzzy repair of OCR-misread party names: ``bcc`` → ``DCC``, ``SFCAS`` → ``SECAS``.

An owner or organisation is compared with the parties the document itself knows (its
attendees' names and initials, the lexicon's organisations and constituencies) on an
OCR *shape*: characters Tesseract confuses in poor scans (``b``/``p``/``d``, ``e``/``c``,
``0``/``o``, ``1``/``l``/``I``, ``5``/``s``, ``rn``/``m``) are folded together. A repair
is reported so the caller can lower the row's confidence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from rapidfuzz import fuzz

_SHAPE = str.maketrans({"b": "d", "p": "d", "e": "c", "0": "o", "q": "o", "1": "l", "i": "l", "|": "l",
                        "!": "l", "j": "l", "5": "s", "8": "b", "f": "c", "é": "c", "è": "c"})
_SEP = re.compile(r"(\s*(?:,|/|&|\band\b)\s*)")
FUZZY_CUTOFF = 80.0  # rapidfuzz ratio on shapes, for names of five characters or more


@lru_cache(maxsize=8192)
def shape(text: str) -> str:
    """``bcc`` and ``DCC`` both give ``dcc``; letters OCR confuses fold together."""
    low = re.sub(r"[^\w&]", "", text.lower()).replace("rn", "m").replace("vv", "w")
    return low.translate(_SHAPE)


def known_parties(lexicon: dict, names: Sequence[str] = (), initials: Sequence[str] = (), *,
                  committees: bool = True) -> list[str]:
    """The names an owner may stand for, longest first: organisations, people, initials (and,
    with ``committees``, the committees' abbreviations)."""
    parties = [*lexicon.get("core_parties", []), *lexicon.get("constituencies", []), *lexicon.get("organisations", []),
               *names, *initials]
    for c in lexicon.get("committees", []) if committees else []:
        parties += c["abbrevs"]
    return sorted(dict.fromkeys(p for p in parties if p), key=len, reverse=True)


def _proper_name(word: str) -> bool:
    """``Becca Galves``: words written as a name; OCR changes letters but not their number, so
    such words are a misreading only of a party of the same length (``Smait Suppliers``)."""
    words = word.split()
    return len(words) >= 2 and all(re.fullmatch(r"[A-Z][a-z'’-]+", w) for w in words)


def repair_one(text: str, parties: list[str]) -> tuple[str, bool]:
    """``(party, True)`` when ``text`` is an OCR misreading of one party; else ``(text, False)``."""
    word = text.strip(" .,;:_-–—'‘’\"“”|")
    if not word or any(word == p for p in parties):
        return word or text, False
    s = shape(word)
    if len(s) < 2:
        return word, False
    exact = [p for p in parties if shape(p) == s]
    if not exact and s[0] == "o" and len(s) <= 5:
        # "occ", "OCC": the D of an abbreviation read as an O, its round side alike
        exact = [p for p in parties if p.isupper() and p[0] == "D" and shape(p) == "d" + s[1:]]
    if not exact and word.isupper() and "G" in word and len(s) >= 3:
        # "DGC": a C of an abbreviation read as a G (never done for initials: GB and CB are two people)
        exact = [p for p in parties if p.isupper() and len(p) >= 3 and shape(p) == shape(word.replace("G", "C"))]
    if exact:
        # prefer an organisation written in capitals (DCC) over a person's initials that fold alike
        return exact[0], True
    if len(s) >= 5:
        same_length = _proper_name(word)
        best, score = None, 0.0
        for p in parties:
            if abs(len(shape(p)) - len(s)) > (0 if same_length else 2):
                continue
            r = fuzz.ratio(s, shape(p))
            if r > score:
                best, score = p, r
        if best is not None and score >= FUZZY_CUTOFF:
            return best, True
    return word, False


def repair(owner: str | None, parties: list[str]) -> tuple[str | None, bool]:
    """Repair each party of ``DCC and SECAS`` / ``DCC, SECAS`` on its own."""
    if not owner:
        return owner, False
    whole, fixed = repair_one(owner, parties)
    if fixed or whole in parties:
        return whole, fixed
    parts = _SEP.split(owner.strip())
    out, any_fixed = [], False
    for k, part in enumerate(parts):
        if k % 2:
            out.append(part)
            continue
        new, f = repair_one(part, parties)
        out.append(new if f else part)
        any_fixed |= f
    return ("".join(out).strip(), True) if any_fixed else (whole, False)
