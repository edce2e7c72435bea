"""Lay a meeting spec out on A4 pages: draw operations plus the gold text of each page.

Everything the renderer draws in the body comes from here, so the gold ``pages`` text is
by construction what was drawn. Page furniture (running header, banner, footer) is drawn
by :mod:`generator.render` and is not part of the gold text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase.pdfmetrics import stringWidth

PAGE_W, PAGE_H = A4
MARGIN_L = 62.0
MARGIN_R = 62.0
BODY_W = PAGE_W - MARGIN_L - MARGIN_R
BODY_TOP = PAGE_H - 84.0  # below the running header
BODY_TOP_FIRST = PAGE_H - 128.0  # below the classification banner on page 1
BODY_BOTTOM = 84.0  # above the footer

FONTS = {
    "Helvetica": ("Helvetica", "Helvetica-Bold", "Helvetica-Oblique"),
    "Times": ("Times-Roman", "Times-Bold", "Times-Italic"),
}


@dataclass
class Op:
    """One drawing operation in PDF points (origin bottom-left, as reportlab draws)."""

    kind: str  # "text" | "line" | "fill"
    x: float
    y: float
    text: str = ""
    font: str = ""
    size: float = 0.0
    x2: float = 0.0
    y2: float = 0.0


@dataclass
class PageLayout:
    ops: list[Op] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)


@dataclass
class Layout:
    pages: list[PageLayout] = field(default_factory=list)
    tables: list[dict[str, Any]] = field(default_factory=list)
    decisions: list[dict[str, Any]] = field(default_factory=list)
    actions: list[dict[str, Any]] = field(default_factory=list)


def _width(text: str, font: str, size: float) -> float:
    return stringWidth(text, font, size)


def wrap(
    text: str, font: str, size: float, width: float, *, hyphenate: bool = False
) -> list[tuple[str, str]]:
    """Greedy word wrap. Returns (drawn, gold) per line. They differ only around a
    hyphenated word: its line's gold keeps the whole word, the next line's gold omits
    the tail (so joining gold lines with spaces gives back ``text``)."""
    queue = [(w, w) for w in text.split()]
    out: list[tuple[str, str]] = []
    drawn: list[str] = []
    gold: list[str] = []
    budget = 1 if hyphenate else 0

    def flush() -> None:
        out.append((" ".join(drawn), " ".join(g for g in gold if g)))
        drawn.clear()
        gold.clear()

    while queue:
        d, g = queue.pop(0)
        if not drawn or _width(" ".join([*drawn, d]), font, size) <= width:
            drawn.append(d)
            gold.append(g)
            continue
        if budget and d.isalpha() and d == g and len(d) >= 9:
            for k in range(len(d) - 3, 3, -1):
                if _width(" ".join([*drawn, d[:k] + "-"]), font, size) <= width:
                    drawn.append(d[:k] + "-")
                    gold.append(g)
                    queue.insert(0, (d[k:], ""))
                    budget = 0
                    break
            else:
                queue.insert(0, (d, g))
            flush()
            continue
        queue.insert(0, (d, g))
        flush()
    if drawn:
        flush()
    return out


class Composer:
    """A cursor that places lines on pages and records gold text and annotations."""

    def __init__(self, spec: dict[str, Any]) -> None:
        style = spec.get("style", {})
        self.regular, self.bold, self.italic = FONTS[style.get("font", "Helvetica")]
        self.size = float(style.get("size", 10))
        self.leading = self.size * 1.28
        self.layout = Layout()
        self.y = 0.0
        self.current_id: str | None = None
        self._new_page()

    # -- cursor -----------------------------------------------------------------
    @property
    def page(self) -> PageLayout:
        return self.layout.pages[-1]

    @property
    def page_no(self) -> int:
        return len(self.layout.pages)

    def _new_page(self) -> None:
        self.layout.pages.append(PageLayout())
        self.y = BODY_TOP_FIRST if len(self.layout.pages) == 1 else BODY_TOP

    def ensure(self, height: float) -> None:
        if self.y - height < BODY_BOTTOM:
            self._new_page()

    def space(self, pts: float) -> None:
        if self.y < BODY_TOP - 1 and self.y != BODY_TOP_FIRST:
            self.y -= pts

    def text_line(self, x: float, drawn: str, gold: str, font: str, size: float) -> None:
        lead = size * 1.28
        self.ensure(lead)
        self.page.ops.append(Op("text", x, self.y - size, drawn, font, size))
        self.page.lines.append(gold)
        self.y -= lead

    # -- blocks -----------------------------------------------------------------
    def heading(self, text: str, *, size: float | None = None, font: str | None = None) -> None:
        size = size or self.size + 1
        self.space(self.size * 0.5)
        self.ensure(self.leading * 4)  # keep with the next lines
        for drawn, gold in wrap(text, font or self.bold, size, BODY_W):
            self.text_line(MARGIN_L, drawn, gold, font or self.bold, size)
        self.space(self.size * 0.35)

    def paragraph(
        self,
        text: str,
        *,
        x: float = MARGIN_L,
        width: float = BODY_W,
        font: str | None = None,
        hyphenate: bool = False,
        first_prefix: tuple[str, float] | None = None,
    ) -> list[tuple[int, int]]:
        """Draw wrapped text; returns (page, char offset) where each line starts."""
        font = font or self.regular
        starts: list[tuple[int, int]] = []
        offset = 0
        for n, (drawn, gold) in enumerate(wrap(text, font, self.size, width, hyphenate=hyphenate)):
            self.ensure(self.leading)
            shown_gold = gold
            if n == 0 and first_prefix is not None:
                mark, mx = first_prefix
                self.page.ops.append(
                    Op("text", mx, self.y - self.size, mark, self.regular, self.size)
                )
                shown_gold = f"{mark} {gold}"
            starts.append((self.page_no, offset))
            self.text_line(x, drawn, shown_gold, font, self.size)
            offset += len(gold) + 1
        return starts

    def table(
        self,
        rows: list[list[str]],
        widths: list[float],
        *,
        kind: str,
        ruled: bool,
        header: bool = True,
        size: float | None = None,
    ) -> None:
        size = size or self.size - 0.5
        lead = size * 1.25
        pad = 3.5 if ruled else 2.0
        total = sum(widths)
        cols = [BODY_W * w / total for w in widths]
        self.space(self.size * 0.3)
        part: dict[str, Any] | None = None
        for r, row in enumerate(rows):
            is_head = header and r == 0
            font = self.bold if is_head else self.regular
            wrapped = [
                [d for d, _ in wrap(cell, font, size, cols[c] - 2 * pad)] if cell else []
                for c, cell in enumerate(row)
            ]
            height = max(1, *(len(w) for w in wrapped)) * lead + 2 * pad
            if self.y - height < BODY_BOTTOM:
                self._new_page()
                part = None
            if part is None:
                part = {"page": self.page_no, "kind": kind, "rows": []}
                self.layout.tables.append(part)
            part["rows"].append([" ".join(w) for w in wrapped])
            top = self.y
            x = MARGIN_L
            if ruled and is_head:
                self.page.ops.append(Op("fill", x, top - height, x2=MARGIN_L + BODY_W, y2=top))
            for c, cell_lines in enumerate(wrapped):
                for k, line in enumerate(cell_lines):
                    base = top - pad - size - k * lead + size * 0.1
                    self.page.ops.append(Op("text", x + pad, base, line, font, size))
                x += cols[c]
            if ruled:
                xs = [MARGIN_L]
                for w in cols:
                    xs.append(xs[-1] + w)
                ops = self.page.ops
                ops.append(Op("line", MARGIN_L, top, x2=xs[-1], y2=top))
                ops.append(Op("line", MARGIN_L, top - height, x2=xs[-1], y2=top - height))
                ops.extend(Op("line", xv, top, x2=xv, y2=top - height) for xv in xs)
            self.page.lines.append(" | ".join(c.strip() for c in part["rows"][-1]))
            self.y = top - height - (0 if ruled else 1.5)
        self.space(self.size * 0.6)


SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z•])")


def decision_sentence(text: str, verb: str) -> str:
    """The sentence of ``text`` that carries ``verb`` (any case), trailing '; and' removed."""
    for sentence in SENTENCE_END.split(text):
        if re.search(rf"\b{verb}\b", sentence, re.IGNORECASE):
            return _trim(sentence)
    raise ValueError(f"decision verb {verb!r} not found in {text!r}")


def _trim(text: str) -> str:
    return re.sub(r"(;|,)?\s+(and|or)$|;$", "", text.strip())
