"""Known given names and surnames, to repair names that OCR misspelt (``Loma`` → ``Lorna``).

Two public name lists, installed as dependencies (never downloaded at run time):

- given names: the first-name dictionary of ``gender-guesser`` (about 40,000 names of many
  countries, British, Welsh, Scottish and Irish ones included: Eilidh, Ffion, Owain, Niall);
- surnames: the surname list of the ``names`` package (the US census's 88,000 surnames, which
  hold the common British ones: Greenhalgh, Threlfall, Wolstenholme).

A word is repaired only when its list does not hold it, exactly one listed name lies within one edit
of it (two for words of six letters or more), and every edit between them is one OCR makes:
a letter read as a look-alike (``f`` for ``r``, ``c`` for ``e``, ``i`` for ``l``) or a thin
letter lost (``Phiippa``); or exactly one listed name is what a letter read as two, or two
as one, gives (``Gernma`` → ``Gemma``, ``rn`` for ``m``). Real names missing from the lists are common (``Dobinson``,
``Farhaan``), and a letter added or swapped for an unlike one is how such a name differs from
a listed one, so neither is repaired, unless the person's own initials say the first letter was
misread (``Mbigail Gilchrist (AG)``) or OCR left it in lower case (``tmogen``).
"""

from __future__ import annotations

import importlib.resources
import logging
import unicodedata
from functools import lru_cache

log = logging.getLogger(__name__)

# gender-guesser's dictionary: a two-character code (M, F, ?, ?M, 1F, …; "=" marks a line of
# equivalent spellings, not a name), a space, then the name in columns 3-28 ("+" for a space or hyphen)
_NAME_COLUMNS = slice(3, 29)


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    try:
        data = importlib.resources.files("gender_guesser").joinpath("data/nam_dict.txt").read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError, OSError) as err:  # an install without it: no repair
        log.warning("the given-name list (gender-guesser) cannot be read (%s); names are not spell-checked", err)
        return frozenset()
    out = set()
    for line in data.splitlines():
        if not line or line.startswith("#") or line.startswith("="):
            continue
        name = line[_NAME_COLUMNS].strip().replace("+", "-")
        if name.isalpha() and len(name) >= 2:
            out.add(_key(name))
    return frozenset(out)


@lru_cache(maxsize=1)
def surnames() -> frozenset[str]:
    try:
        data = importlib.resources.files("names").joinpath("dist.all.last").read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError, OSError) as err:
        log.warning("the surname list (names) cannot be read (%s); names are not spell-checked", err)
        return frozenset()
    return frozenset(line[:15].rstrip().lower() for line in data.splitlines() if line.strip())


def _key(word: str) -> str:
    """Lower case without accents: ``Drumménd`` is compared as ``drummend``."""
    if word.isascii():
        return word.lower()
    folded = unicodedata.normalize("NFKD", word)
    return "".join(c for c in folded if not unicodedata.combining(c)).lower()


def known(word: str, *, surname: bool) -> bool:
    names = surnames() if surname else given_names()
    return not names or _key(word) in names


def repair(word: str, *, surname: bool, initial: str | None = None) -> str | None:
    """The listed name ``word`` is a misreading of, or None (known already, or no single candidate)."""
    from rapidfuzz import process
    from rapidfuzz.distance import Levenshtein

    names = surnames() if surname else given_names()
    key = _key(word)
    if not names or key in names or len(key) < 4 or not key.isalpha() and not key.replace("-", "").isalpha():
        return None
    merged = {key.replace(read, meant) for read, meant in _MERGED if read in key} & names
    if len(merged) == 1:  # "Gernma": two letters OCR read for one
        return _as_written(merged.pop())
    limit = 2 if len(key) >= 6 else 1
    # every name within reach, not the first few: which of equally near names come first follows
    # the set's order, which differs between processes
    found = process.extract(key, names, scorer=Levenshtein.distance, score_cutoff=limit, limit=None)
    if not found:
        return None
    best = min(d for _, d, _ in found)
    cands = [name for name, d, _ in found if d == best]
    # ties: the candidate of the word's own length (OCR misreads letters more than it drops them),
    # then the one starting with the person's initial
    if len(cands) > 1:
        cands = [c for c in cands if len(c) == len(key)] or cands
    if initial and len(cands) > 1:
        cands = [c for c in cands if c[:1] == initial.lower()] or cands

    def first_misread(fixed: str) -> bool:
        return (initial is not None and key[:1] != initial.lower() == fixed[:1]) or word[:1].islower()

    # then only what OCR's own edits reach ("Caleman": Coleman, not Caliman or Caseman)
    cands = [c for c in cands if _ocr_like(key, c, first_misread=first_misread(c))]
    if len(cands) != 1:
        return None
    return _as_written(cands[0])


def _as_written(key: str) -> str:
    """A listed name as a name is written: ``anne-marie`` → ``Anne-Marie``."""
    return "-".join(part[:1].upper() + part[1:] for part in key.split("-"))


# what OCR reads a letter as (read, meant): look-alike shapes, both ways
_LOOK_ALIKE = {frozenset(p) for p in ("ce", "co", "eo", "ao", "ae", "fr", "ft", "il", "it", "lt", "ij", "nh", "nu",
                                      "un", "hb", "vy", "gq", "rn", "mn", "oc", "ad")}
_THIN = set("iltfrj")  # letters a faint or broken scan loses
# one letter OCR reads as two, or two as one (read, meant)
_MERGED = (("rn", "m"), ("m", "rn"), ("cl", "d"), ("vv", "w"), ("ri", "n"), ("li", "h"))


def _ocr_like(read: str, meant: str, *, first_misread: bool) -> bool:
    """Every edit from ``read`` to ``meant`` is one OCR makes (the first letter any edit when
    it is known to be misread)."""
    from rapidfuzz.distance import Levenshtein

    for op in Levenshtein.editops(read, meant):
        if first_misread and op.src_pos == 0 and op.tag == "replace":
            continue
        if op.tag == "replace" and frozenset((read[op.src_pos], meant[op.dest_pos])) in _LOOK_ALIKE:
            continue
        if op.tag == "insert" and meant[op.dest_pos] in _THIN:
            continue
        return False
    return True
