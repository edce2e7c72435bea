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
misread (``Mbigail Gilchrist (AG)``) or OCR left it in lower case (``tmogen``), or it is a
capital OCR confuses with the one meant (``Blliot``, ``Qakley``).

When OCR's edits reach several listed names equally (``Trevar``: Trevor or Trever), the one far
commoner than the others is taken (gender-guesser's frequencies for Britain and Ireland, the
census's share for surnames), else none; and a name reached by OCR's edits is not taken when a
far commoner one is as near by another edit (``Kase``: Kate is likelier than Kare).
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


# its frequency columns: one a country, Great Britain's first and Ireland's next; a hexadecimal
# digit from 1 (rare) to D (very common), blank where the name is not used
_BRITISH_COLUMNS = slice(30, 32)


@lru_cache(maxsize=1)
def _given_lines() -> tuple[str, ...]:
    """The name lines of gender-guesser's dictionary (no comments, no lines of equivalents)."""
    try:
        data = importlib.resources.files("gender_guesser").joinpath("data/nam_dict.txt").read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError, OSError) as err:  # an install without it: no repair
        log.warning("the given-name list (gender-guesser) cannot be read (%s); names are not spell-checked", err)
        return ()
    return tuple(line for line in data.splitlines() if line and not line.startswith(("#", "=")))


@lru_cache(maxsize=1)
def _given() -> dict[str, int]:
    """Every listed given name (its key) with how common it is in Britain and Ireland (0-13)."""
    out: dict[str, int] = {}
    for line in _given_lines():
        name = line[_NAME_COLUMNS].strip().replace("+", "-")
        if name.isalpha() and len(name) >= 2:
            key = _key(name)
            out[key] = max(out.get(key, 0), *(int(c, 16) for c in line[_BRITISH_COLUMNS] if c in "123456789ABCD"), 0)
    return out


@lru_cache(maxsize=1)
def _accented_given() -> frozenset[str]:
    """The given names the list writes with an accent, as written (lower case): ``josé``, ``chloé``."""
    names = (line[_NAME_COLUMNS].strip().lower() for line in _given_lines())
    return frozenset(n for n in names if not n.isascii() and n.isalpha())


def misread_accent(word: str, *, surname: bool) -> bool:
    """``Quéntin``, ``Mérriman``: a name with an accent OCR put on a letter, that its list knows
    only without one (a given name the list spells with it, ``José``, is as written; the surname
    list spells none with an accent)."""
    if word.isascii() or not known(word, surname=surname) or not (surnames() if surname else given_names()):
        return False
    return surname or word.lower() not in _accented_given()


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    return frozenset(_given())


@lru_cache(maxsize=1)
def _surnames() -> dict[str, float]:
    """Every listed surname (lower case) with its share of the census's people, in per cent."""
    try:
        data = importlib.resources.files("names").joinpath("dist.all.last").read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError, OSError) as err:
        log.warning("the surname list (names) cannot be read (%s); names are not spell-checked", err)
        return {}
    out: dict[str, float] = {}
    for line in data.splitlines():
        if line.strip():
            fields = line.split()
            out[line[:15].rstrip().lower()] = float(fields[1]) if len(fields) > 1 else 0.0
    return out


@lru_cache(maxsize=1)
def surnames() -> frozenset[str]:
    return frozenset(_surnames())


def _clearly_commonest(cands: list[str], *, surname: bool, british: bool = False) -> str | None:
    """Of names OCR could equally have misread, the one far more common than every other
    (``Trevar``: Trevor, not Trever; ``Eltison``: Ellison, not Ettison), or None. ``british``:
    a given name used in Britain or Ireland is taken over others used in neither
    (``Dervia``: Dervla, not Dervis)."""
    if surname:
        share = _surnames()
        ranked = sorted(cands, key=lambda c: share.get(c, 0.0), reverse=True)
        top, second = share.get(ranked[0], 0.0), share.get(ranked[1], 0.0)
        return ranked[0] if top >= 0.001 and top >= 4 * second else None
    freq = _given()
    ranked = sorted(cands, key=lambda c: freq.get(c, 0), reverse=True)
    top, second = freq.get(ranked[0], 0), freq.get(ranked[1], 0)
    return ranked[0] if (top >= 3 and top >= second + 3) or (british and top >= 1 and second == 0) else None


def _key(word: str) -> str:
    """Lower case without accents: ``Drumménd`` is compared as ``drummend``."""
    if word.isascii():
        return word.lower()
    folded = unicodedata.normalize("NFKD", word)
    return "".join(c for c in folded if not unicodedata.combining(c)).lower()


def known(word: str, *, surname: bool) -> bool:
    names = surnames() if surname else given_names()
    return not names or _key(word) in names


def repair(word: str, *, surname: bool, initial: str | None = None, sure: bool = False) -> str | None:
    """The listed name ``word`` is a misreading of, or None (known already, or no single candidate).

    ``sure``: OCR read the word with high confidence. Then a letter misread as a look-alike is
    not believed (``Rawcliffe`` is a real name the lists lack, not ``Rowcliffe``), but a letter
    read as two, two as one, or a thin letter lost still are: OCR reads those surely, the
    shapes it saw being those letters (``Loma`` for ``Lorna``, ``Crag`` for ``Craig``); a lost
    letter only when the name it gives is a common one (``Ruaridh``, a spelling the lists lack,
    stays). A given name is never given a lost letter to become a rare one, read surely or not."""
    from rapidfuzz import process
    from rapidfuzz.distance import Levenshtein

    names = surnames() if surname else given_names()
    key = _key(word)
    if not names or key in names or len(key) < 4 or not key.isalpha() and not key.replace("-", "").isalpha():
        return None
    merged = {fixed for read, meant in _MERGED for fixed in _each_replaced(key, read, meant)} & names
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
    near = cands
    cands = [c for c in cands if _ocr_like(key, c, first_misread=first_misread(c), capital=word[:1].isupper(),
                                           sure=sure)]
    if len(cands) == 1 and len(near) > 1 and _clearly_commonest(near, surname=surname) not in (None, cands[0]):
        return None  # a far commoner name as near, by an edit OCR makes less often ("Kase": Kate, not Kare)
    if len(cands) > 1:
        best_known = _clearly_commonest(cands, surname=surname, british=True)
        cands = [best_known] if best_known is not None else cands
    if len(cands) != 1:
        return None
    if len(cands[0]) > len(key) and not _common(cands[0], surname=surname) and (sure or not surname):
        # a letter short of a rare given name: a spelling the lists lack ("Ruaridh", not Ruairidh); a
        # surname only when read surely (the census list's shares undercount British names: Fothergill)
        return None
    return _as_written(cands[0])


def _common(name: str, *, surname: bool) -> bool:
    """A name common enough that a reading one letter short of it is likelier a lost letter than
    a spelling of its own (``Crag``: Craig; ``Ruaridh`` is not Ruairidh)."""
    if surname:
        return _surnames().get(name, 0.0) >= 0.001
    return _given().get(name, 0) >= 3


def _each_replaced(key: str, read: str, meant: str) -> set[str]:
    """``key`` with ``read`` put right at one place, and at every place (``wainwnght``: only the
    second ``n`` is ``ri``)."""
    out = {key.replace(read, meant)} if read in key else set()
    at = key.find(read)
    while at != -1:
        out.add(key[:at] + meant + key[at + len(read) :])
        at = key.find(read, at + 1)
    return out


def _as_written(key: str) -> str:
    """A listed name as a name is written: ``anne-marie`` → ``Anne-Marie``."""
    return "-".join(part[:1].upper() + part[1:] for part in key.split("-"))


# what OCR reads a letter as (read, meant): look-alike shapes, both ways
_LOOK_ALIKE = {frozenset(p) for p in ("ce", "co", "eo", "ao", "ae", "fr", "ft", "il", "it", "lt", "ij", "nh", "nu",
                                      "un", "hb", "vy", "gq", "rn", "mn", "oc", "ad", "as", "mw", "rt", "ir", "es", "rs",
                                      "fl")}
# capitals OCR confuses, at a name's start: B for E or H, Q for O or C, W for N, P for F, S for N, N for M
_CAPITAL_LOOK_ALIKE = {frozenset(p) for p in ("be", "bh", "qo", "qc", "wn", "pf", "sn", "mn")}
_THIN = set("iltfrj")  # letters a faint or broken scan loses
_SEPARATOR_READ = set("il")  # what a ";" or "|" after a name becomes when read into it
# one letter OCR reads as two, or two as one (read, meant)
_MERGED = (("rn", "m"), ("m", "rn"), ("cl", "d"), ("d", "cl"), ("vv", "w"), ("ri", "n"), ("n", "ri"), ("li", "h"),
           ("h", "li"))


def _ocr_like(read: str, meant: str, *, first_misread: bool, capital: bool = False, sure: bool = False) -> bool:
    """Every edit from ``read`` to ``meant`` is one OCR makes (the first letter any edit when
    it is known to be misread; a capital first letter only for a capital it looks like, so a
    name the lists lack is not made into one they hold by a small letter's look-alike:
    ``Jago`` stays, though ``i`` and ``j`` look alike); with ``sure``, no letter but a thin one
    lost)."""
    from rapidfuzz.distance import Levenshtein

    for op in Levenshtein.editops(read, meant):
        if op.tag == "delete" and op.src_pos == len(read) - 1 and read[-1] in _SEPARATOR_READ:
            continue  # the list's separator after it read into it ("Threlfalli", "Carmichaeli"), surely or not
        if sure and op.tag != "insert":
            return False  # a word read surely: only a thin letter it lost
        if op.src_pos == 0 and op.tag == "replace" and (
                first_misread or frozenset((read[0], meant[0])) in _CAPITAL_LOOK_ALIKE):
            continue
        if op.tag == "replace" and op.src_pos == 0 and capital:
            return False
        if op.tag == "replace" and frozenset((read[op.src_pos], meant[op.dest_pos])) in _LOOK_ALIKE:
            continue
        if op.tag == "insert" and meant[op.dest_pos] in _THIN:
            continue
        return False
    return True
