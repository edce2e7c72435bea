"""The OCR confusions the NLP patterns tolerate, compiled from the lexicon's ``ocr_confusions``.

Scans misread a digit as a letter that looks like it (``O``/``0``, ``I``/``l``/``1``, ``S``/``5``,
``B``/``8``), a capital as a digit or another capital (``D`` as ``O``), and put a stray ``.``,
``,`` or ``'`` between two tokens (``CSC. 15/01``, ``DP.125``, ``on. 30 June``). Identifiers,
action ids, dates and times are read through these classes, and every value found only by such a
repair is reported as repaired, so the row that carries it is less sure.
"""

from __future__ import annotations

import re
from functools import lru_cache

from pipeline.nlp.vocab import lexicon


@lru_cache(maxsize=1)
def _data() -> dict:
    return lexicon()["ocr_confusions"]


@lru_cache(maxsize=1)
def digit_map() -> dict[str, str]:
    """What each look-alike of a digit stands for: ``{"O": "0", "l": "1", "S": "5", ...}``."""
    return dict(_data()["digits"])


@lru_cache(maxsize=1)
def _digit_table() -> dict[int, str]:
    return str.maketrans(digit_map())


def fold_digits(text: str) -> str:
    """``3O`` → ``30``, ``l5`` → ``15``: look-alikes of digits read as the digits."""
    return text.translate(_digit_table())


def real_digits(text: str) -> int:
    """How many characters of ``text`` are digits as written."""
    return sum(c.isdigit() for c in text)


@lru_cache(maxsize=1)
def digit_class() -> str:
    """A regex class for one digit as OCR may write it: ``[0-9OoQ…]``."""
    return "[0-9" + "".join(re.escape(c) for c in digit_map()) + "]"


def letter_class(letter: str) -> str:
    """``[DO0]`` for ``D``: the letter or what OCR reads in its place (the letter alone if nothing)."""
    alikes = _data()["letters"].get(letter, "")
    if not alikes:
        return re.escape(letter)
    return "[" + re.escape(letter) + "".join(re.escape(c) for c in alikes) + "]"


def letter_lookalikes(letter: str) -> str:
    return _data()["letters"].get(letter, "")


@lru_cache(maxsize=1)
def stray_chars() -> str:
    """Punctuation a speck or a slip puts between two tokens: ``.`` ``,`` ``'``."""
    return _data()["stray"]


@lru_cache(maxsize=1)
def stray_class() -> str:
    return "[" + "".join(re.escape(c) for c in stray_chars()) + "]"


# capitals OCR reads for one another in short initials ("IS" for "TS", "CE" for "CF")
_LOOK_ALIKE_CAPS = ["ITJL1|", "O0QD", "CG", "EF", "BR"]


def initials_alike(a: str, b: str) -> bool:
    """Same length, and each letter the same or a capital OCR confuses it with (``IS``, ``TS``)."""
    return len(a) == len(b) and all(
        x == y or any(x in group and y in group for group in _LOOK_ALIKE_CAPS) for x, y in zip(a, b, strict=True))
