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
    "Courier": ("Courier", "Courier-Bold", "Courier-Oblique"),
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
        # page geometry and line spacing (defaults: the sample series' fixed layout)
        self.lf = float(style.get("leading", 1.28))
        self.ml = float(style.get("margin_l", MARGIN_L))
        self.bw = PAGE_W - self.ml - float(style.get("margin_r", MARGIN_R))
        self.top = float(style.get("body_top", BODY_TOP))
        self.top_first = float(style.get("body_top_first", BODY_TOP_FIRST))
        self.bottom = float(style.get("body_bottom", BODY_BOTTOM))
        self.leading = self.size * self.lf
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
        self.y = self.top_first if len(self.layout.pages) == 1 else self.top

    def ensure(self, height: float) -> None:
        if self.y - height < self.bottom:
            self._new_page()

    def space(self, pts: float) -> None:
        if self.y < self.top - 1 and self.y != self.top_first:
            self.y -= pts

    def text_line(self, x: float, drawn: str, gold: str, font: str, size: float) -> None:
        lead = size * self.lf
        self.ensure(lead)
        self.page.ops.append(Op("text", x, self.y - size, drawn, font, size))
        self.page.lines.append(gold)
        self.y -= lead

    # -- blocks -----------------------------------------------------------------
    def heading(self, text: str, *, size: float | None = None, font: str | None = None) -> None:
        size = size or self.size + 1
        self.space(self.size * 0.5)
        self.ensure(self.leading * 4)  # keep with the next lines
        for drawn, gold in wrap(text, font or self.bold, size, self.bw):
            self.text_line(self.ml, drawn, gold, font or self.bold, size)
        self.space(self.size * 0.35)

    def paragraph(
        self,
        text: str,
        *,
        x: float | None = None,
        width: float | None = None,
        font: str | None = None,
        hyphenate: bool = False,
        first_prefix: tuple[str, float] | None = None,
    ) -> list[tuple[int, int]]:
        """Draw wrapped text; returns (page, char offset) where each line starts."""
        x = self.ml if x is None else x
        width = self.bw if width is None else width
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
        cols = [self.bw * w / total for w in widths]
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
            if self.y - height < self.bottom:
                self._new_page()
                part = None
            if part is None:
                part = {"page": self.page_no, "kind": kind, "rows": []}
                self.layout.tables.append(part)
            part["rows"].append([" ".join(w) for w in wrapped])
            top = self.y
            x = self.ml
            if ruled and is_head:
                self.page.ops.append(Op("fill", x, top - height, x2=self.ml + self.bw, y2=top))
            for c, cell_lines in enumerate(wrapped):
                for k, line in enumerate(cell_lines):
                    base = top - pad - size - k * lead + size * 0.1
                    self.page.ops.append(Op("text", x + pad, base, line, font, size))
                x += cols[c]
            if ruled:
                xs = [self.ml]
                for w in cols:
                    xs.append(xs[-1] + w)
                ops = self.page.ops
                ops.append(Op("line", self.ml, top, x2=xs[-1], y2=top))
                ops.append(Op("line", self.ml, top - height, x2=xs[-1], y2=top - height))
                ops.extend(Op("line", xv, top, x2=xv, y2=top - height) for xv in xs)
            self.page.lines.append(" | ".join(c.strip() for c in part["rows"][-1]))
            self.y = top - height - (0 if ruled else 1.5)
        self.space(self.size * 0.6)


    # -- forms used by the drawn splits (samples/generator/drawn.py) -------------------
    def labelled(
        self,
        label: str,
        text: str,
        *,
        label_font: str | None = None,
        hanging: float | None = None,
    ) -> list[tuple[int, int]]:
        """``label`` then ``text`` on the same line, wrapped; continuation lines start at
        ``hanging`` points from the margin (0: back at the margin). Returns line starts."""
        lfont = label_font or self.bold
        lw = _width(label + " ", lfont, self.size)
        indent = lw if hanging is None else hanging
        words = text.split()
        first: list[str] = []
        while words and (
            not first or _width(" ".join([*first, words[0]]), self.regular, self.size)
            <= self.bw - lw
        ):
            first.append(words.pop(0))
        rest = wrap(" ".join(words), self.regular, self.size, self.bw - indent) if words else []
        self.ensure(self.leading * 2)
        starts = [(self.page_no, 0)]
        # the label is drawn with its trailing space, as a word processor writes it
        self.page.ops.append(Op("text", self.ml, self.y - self.size, label + " ", lfont, self.size))
        self.text_line(self.ml + lw, " ".join(first), f"{label} {' '.join(first)}",
                       self.regular, self.size)
        offset = len(" ".join(first)) + 1
        for drawn, gold in rest:
            self.ensure(self.leading)
            starts.append((self.page_no, offset))
            self.text_line(self.ml + indent, drawn, gold, self.regular, self.size)
            offset += len(gold) + 1
        return starts

    def tabbed(self, label: str, entries: list[str], *, tab: float) -> None:
        """``label`` at the margin and one entry per line at the tab stop (moved right, as a
        word processor does, when the label reaches past it)."""
        tab = max(tab, _width(label, self.bold, self.size) + self.size)
        self.ensure(self.leading * 2)
        for n, entry in enumerate(entries):
            self.ensure(self.leading)
            if n == 0 and label:
                self.page.ops.append(
                    Op("text", self.ml, self.y - self.size, label, self.bold, self.size)
                )
                self.text_line(self.ml + tab, entry, f"{label} {entry}", self.regular, self.size)
            else:
                self.text_line(self.ml + tab, entry, entry, self.regular, self.size)

    def two_columns(self, entries: list[str], *, column_major: bool, indent: float = 0.0) -> None:
        """Entries in two columns (filled across, or down the first column then the second).
        Each drawn line's gold is its left entry then its right entry."""
        half = (len(entries) + 1) // 2
        if column_major:
            pairs = [
                (entries[i], entries[i + half] if i + half < len(entries) else "")
                for i in range(half)
            ]
        else:
            pairs = [
                (entries[i], entries[i + 1] if i + 1 < len(entries) else "")
                for i in range(0, len(entries), 2)
            ]
        x2 = self.ml + indent + (self.bw - indent) / 2
        for left, right in pairs:
            self.ensure(self.leading)
            if right:
                self.page.ops.append(
                    Op("text", x2, self.y - self.size, right, self.regular, self.size)
                )
            self.text_line(self.ml + indent, left, " ".join(t for t in (left, right) if t),
                           self.regular, self.size)

    def item_table(
        self,
        cols: list[str],
        widths: list[float],
        rows: list[dict[str, Any]],
        *,
        ruled: bool,
        repeat_header: bool,
        kind: str = "items",
    ) -> list[list[list[tuple[int, int]]]]:
        """Minutes laid out as a table, one agenda item a row: number | title and text | action.

        ``rows``: ``{"no", "title", "paras": [{"t", "show"}]}``; ``show`` is drawn in the last
        column beside the paragraph's first line. A row may break across pages (each part is
        ruled on its own page). Returns, per row and paragraph, the (page, offset) of each line.
        """
        size = self.size - 0.5
        lead = size * 1.25
        pad = 3.5 if ruled else 2.0
        total = sum(widths)
        cw = [self.bw * w / total for w in widths]
        xs = [self.ml]
        for w in cw:
            xs.append(xs[-1] + w)
        part: dict[str, Any] | None = None
        results: list[list[list[tuple[int, int]]]] = []

        def close(row: dict[str, Any], seg: dict[str, list[str]], first: bool, top: float,
                  bottom: float) -> None:
            cells = [row.get("no", "") if first else "", " ".join(seg["text"]),
                     " ".join(seg["act"])]
            part["rows"].append(cells)  # type: ignore[index]
            self.page.lines.append(" | ".join(c.strip() for c in cells))
            rules(top, bottom)

        def rules(top: float, bottom: float) -> None:
            if not ruled:
                return
            ops = self.page.ops
            ops.append(Op("line", xs[0], top, x2=xs[-1], y2=top))
            ops.append(Op("line", xs[0], bottom, x2=xs[-1], y2=bottom))
            ops.extend(Op("line", xv, top, x2=xv, y2=bottom) for xv in xs)

        def header() -> None:
            nonlocal part
            hl = [wrap(c, self.bold, size, cw[i] - 2 * pad) for i, c in enumerate(cols)]
            height = max(len(h) for h in hl) * lead + 2 * pad
            top = self.y
            if ruled:
                self.page.ops.append(Op("fill", xs[0], top - height, x2=xs[-1], y2=top))
            for i, lines in enumerate(hl):
                for k, (d, _) in enumerate(lines):
                    base = top - pad - size - k * lead + size * 0.1
                    self.page.ops.append(Op("text", xs[i] + pad, base, d, self.bold, size))
            rules(top, top - height)
            row = [" ".join(d for d, _ in h) for h in hl]
            part = {"page": self.page_no, "kind": kind, "rows": [row]}
            self.layout.tables.append(part)
            self.page.lines.append(" | ".join(row))
            self.y = top - height - (0 if ruled else 1.5)

        self.space(self.size * 0.3)
        self.ensure(lead * 4)
        header()
        for row in rows:
            w = cw[1] - 2 * pad
            # (drawn, gold, font, paragraph index, char offset); None = gap between paragraphs
            lines: list[tuple[str, str, str, int, int] | None] = []
            if row.get("title"):
                lines.extend((d, g, self.bold, -1, 0) for d, g in wrap(row["title"], self.bold, size, w))
            for pi, para in enumerate(row["paras"]):
                if lines:
                    lines.append(None)
                off = 0
                for d, g in wrap(para["t"], self.regular, size, w):
                    lines.append((d, g, self.regular, pi, off))
                    off += len(g) + 1
            starts: list[list[tuple[int, int]]] = [[] for _ in row["paras"]]
            if self.y - min(3, len(lines)) * lead - 2 * pad < self.bottom:
                self._new_page()
                part = None
                if repeat_header:
                    header()
            if part is None:
                part = {"page": self.page_no, "kind": kind, "rows": []}
                self.layout.tables.append(part)
            seg_top = self.y
            y = seg_top - pad
            seg: dict[str, list[str]] = {"no": [], "text": [], "act": []}
            first_seg = True

            for n, item in enumerate(lines):
                h = lead * 0.5 if item is None else lead
                if y - h - pad < self.bottom and seg["text"]:
                    close(row, seg, first_seg, seg_top, y - pad)
                    self._new_page()
                    part = None
                    if repeat_header:
                        header()
                    if part is None:
                        part = {"page": self.page_no, "kind": kind, "rows": []}
                        self.layout.tables.append(part)
                    seg_top = self.y
                    y = seg_top - pad
                    seg = {"no": [], "text": [], "act": []}
                    first_seg = False
                    if item is None:
                        continue
                if item is None:
                    y -= h
                    continue
                d, g, font, pi, off = item
                base = y - size + size * 0.1
                if n == 0 and row.get("no") and first_seg:
                    self.page.ops.append(Op("text", xs[0] + pad, base, row["no"], self.bold, size))
                self.page.ops.append(Op("text", xs[1] + pad, base, d, font, size))
                seg["text"].append(g)
                if pi >= 0:
                    starts[pi].append((self.page_no, off))
                    show = row["paras"][pi].get("show")
                    if off == 0 and show:
                        self.page.ops.append(Op("text", xs[2] + pad, base, show, self.bold, size))
                        seg["act"].append(show)
                y -= h
            close(row, seg, first_seg, seg_top, y - pad)
            self.y = y - pad - (0 if ruled else 1.5)
            results.append(starts)
        self.space(self.size * 0.6)
        return results

SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z•])")


def decision_sentence(text: str, verb: str) -> str:
    """The sentence of ``text`` that carries ``verb`` (any case), trailing '; and' removed."""
    for sentence in SENTENCE_END.split(text):
        if re.search(rf"\b{verb}\b", sentence, re.IGNORECASE):
            return _trim(sentence)
    raise ValueError(f"decision verb {verb!r} not found in {text!r}")


def _trim(text: str) -> str:
    return re.sub(r"(;|,)?\s+(and|or)$|;$", "", text.strip())
