"""Character classes every stage shares, defined once.

A list bullet reaches the text as itself (``•``, ``-``, ``–``) or as what OCR made of it
(``e``, ``¢``, ``«``, ``°``, ``o``, ``©``). The sets below are nested: what OCR reads a bullet
as (repaired to ``•`` by the OCR stage), what may open a list line, and every character that
may stand alone as a bullet token.
"""

from __future__ import annotations

import re

# glyphs Tesseract reads a bullet as, at the start of a line; ``ocr.repair_bullets`` turns them into •
OCR_BULLET_GLYPHS = frozenset("¢«°©®•*e")
# what may open a list line before its text (bullets, dashes, and the OCR readings of both)
LINE_BULLETS = frozenset("e¢«°•·-–*»o")
# every character that may stand alone as a bullet token
BULLETS = LINE_BULLETS | OCR_BULLET_GLYPHS | frozenset("—>§")


def char_class(chars: frozenset[str]) -> str:
    """A regex character class matching any of ``chars``."""
    return "[" + "".join(re.escape(c) for c in sorted(chars)) + "]"
