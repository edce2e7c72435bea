"""Layout stage: words -> lines -> blocks (paragraphs and tables) in reading order.

Also removes page furniture (running headers and footers, ``Page N of M``, classification
banners) and rejoins words hyphenated across line ends.
"""

from __future__ import annotations

import re
import statistics

from pipeline.reading.document import Block, Document, Line, Page, Word
from pipeline.reading.tables import (
    Grid,
    build_unruled,
    fill_grid,
    find_unruled,
    group_lines,
    plausible_grid,
)

PAGE_NUMBER = re.compile(r"\bpage\s+\d+\s*(of|/)\s*\d+\b|^\s*-?\s*\d{1,3}\s*-?\s*$", re.I)
BANNER = re.compile(r"\bclass\w{0,4}ed\s+as\s+(white|green|amber|red)\b|\bthis document is class\w{0,4}ed\b", re.I)
BANNER_TAIL = re.compile(r"^(information can be shared|can be shared with the public|with the public|white|green|amber|red)\b", re.I)
MARGIN = 0.09  # top/bottom share of the page where furniture lives


def lines_from_words(words: list[Word]) -> list[Line]:
    return [Line(words=ws) for ws in group_lines(words)]


def build_page(page: Page, lines: list[Line], grids: list[Grid]) -> Page:
    """Fill ``page.blocks`` from its lines and any ruled-table grids."""
    blocks: list[Block] = []
    for grid in grids:
        if not plausible_grid(grid, lines):
            continue
        table, used = fill_grid(grid, lines)
        if table.rows and table.n_cols >= 2:
            blocks.append(Block(kind="table", table=table))
            lines = [
                Line(words=kept) for ln in lines if (kept := [w for w in ln.words if id(w) not in used])
            ]
    lines = _drop_page_furniture(lines, page.height, page)
    lines.sort(key=lambda ln: (ln.bbox[1], ln.bbox[0]))
    remaining: list[Line] = []
    start = 0
    for first, last, cols in find_unruled(lines):
        remaining.extend(lines[start:first])
        blocks.append(Block(kind="table", table=build_unruled(lines[first : last + 1], cols)))
        start = last + 1
    remaining.extend(lines[start:])
    blocks.extend(_paragraphs(remaining))
    blocks.sort(key=lambda b: (b.bbox[1], b.bbox[0]))
    for block in blocks:
        if block.kind == "text":
            block.lines = rejoin_hyphens(block.lines)
    page.blocks = [b for b in blocks if b.text.strip()]
    return page


def _paragraphs(lines: list[Line]) -> list[Block]:
    if not lines:
        return []
    heights = [ln.bbox[3] - ln.bbox[1] for ln in lines if ln.words]
    height = statistics.median(heights) if heights else 10.0
    blocks = [Block(kind="text", lines=[lines[0]])]
    for prev, line in zip(lines, lines[1:], strict=False):
        gap = line.bbox[1] - prev.bbox[3]
        if gap > 0.75 * height:
            blocks.append(Block(kind="text", lines=[line]))
        else:
            blocks[-1].lines.append(line)
    return blocks


def _drop_page_furniture(lines: list[Line], height: float, page: Page) -> list[Line]:
    """Remove page numbers and classification banners found in the top or bottom margin."""
    kept: list[Line] = []
    in_banner = False
    for line in sorted(lines, key=lambda ln: ln.bbox[1]):
        top, bottom = line.bbox[1], line.bbox[3]
        in_margin = height <= 0 or top < height * MARGIN * 2.2 or bottom > height * (1 - MARGIN)
        text = line.text.strip()
        if BANNER.search(text) or (in_margin and PAGE_NUMBER.search(text)):
            page.removed.append(line)
            in_banner = bool(BANNER.search(text)) and not text.rstrip().endswith(".")
            continue
        if in_banner and (BANNER_TAIL.match(text) or text[:1].islower()):
            page.removed.append(line)
            in_banner = not text.rstrip().endswith(".")
            continue
        in_banner = False
        kept.append(line)
    return kept


def rejoin_hyphens(lines: list[Line]) -> list[Line]:
    """Join a word split as ``recog-`` / ``nised`` across two lines onto the first line."""
    out = [Line(words=list(ln.words), text=ln.text) for ln in lines]
    for i in range(len(out) - 1):
        cur, nxt = out[i], out[i + 1]
        m = re.search(r"([A-Za-z]*[a-z])-$", cur.text)
        n = re.match(r"([a-z][\w’']*)([.,;:)]*)(\s|$)", nxt.text)
        if not (m and n):
            continue
        joined_tail = n.group(1) + n.group(2)
        cur.text = cur.text[:-1] + joined_tail
        nxt.text = nxt.text[n.end() :].lstrip()
        if cur.words and nxt.words:
            first = nxt.words[0]
            last = cur.words[-1]
            cur.words[-1] = Word(
                text=last.text[:-1] + first.text,
                bbox=(last.x0, min(last.top, first.top), max(last.x1, first.x1), max(last.bottom, first.bottom))
                if first.x1 >= last.x0
                else last.bbox,
                conf=min(c for c in (last.conf, first.conf) if c is not None) if last.conf is not None else None,
            )
            nxt.words = nxt.words[1:]
    return [ln for ln in out if ln.text.strip()]


def _signature(text: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", " ", text.strip().lower()))


def remove_repeated_furniture(doc: Document) -> None:
    """Drop header/footer lines that repeat (numbers aside, OCR noise tolerated) on most pages.

    Linear in the number of pages: margin lines are bucketed by band (top or bottom) and
    normalised text, so identical furniture is counted by hashing; only the distinct texts of
    one band are compared fuzzily with each other (one vectorised ``cdist``), and there are
    few of them however long the document.
    """
    from rapidfuzz import fuzz, process

    if len(doc.pages) < 2:
        return
    threshold = max(2, int(0.5 * len(doc.pages) + 0.5))
    # (band, signature) -> pages holding such a line
    pages_of: dict[tuple[str, str], set[int]] = {}
    margins: dict[int, list[tuple[Line, str, str]]] = {}
    for page in doc.pages:
        margins[page.number] = [(ln, band, _signature(ln.text)) for ln, band in _margin_lines(page)]
        for _, band, sig in margins[page.number]:
            if len(sig) >= 2:
                pages_of.setdefault((band, sig), set()).add(page.number)
    repeated: set[tuple[str, str]] = set()
    for band in ("top", "bottom"):
        sigs = [sig for b, sig in pages_of if b == band]
        if not sigs:
            continue
        similar = process.cdist(sigs, sigs, scorer=fuzz.ratio, score_cutoff=80) >= 80
        for i, sig in enumerate(sigs):
            pages = set().union(*(pages_of[(band, sigs[j])] for j in similar[i].nonzero()[0]))
            if len(pages) >= threshold:
                repeated.add((band, sig))
    if not repeated:
        return
    for page in doc.pages:
        drop = {id(ln) for ln, band, sig in margins[page.number] if (band, sig) in repeated}
        if not drop:
            continue
        for block in page.blocks:
            if block.kind != "text":
                continue
            page.removed.extend(ln for ln in block.lines if id(ln) in drop)
            block.lines = [ln for ln in block.lines if id(ln) not in drop]
        page.blocks = [b for b in page.blocks if b.text.strip()]


def _margin_lines(page: Page) -> list[tuple[Line, str]]:
    """Lines in the page's top or bottom margin, each with its band."""
    if page.height <= 0:
        return []
    out = []
    for block in page.blocks:
        for ln in block.lines:
            if not ln.words:
                continue
            top, bottom = ln.bbox[1], ln.bbox[3]
            if top < page.height * MARGIN * 1.4:
                out.append((ln, "top"))
            elif bottom > page.height * (1 - MARGIN):
                out.append((ln, "bottom"))
    return out


# ------------------------------------------------------------------ plain text input

TEXT_FURNITURE = re.compile(
    r"\bpage\s+\d+\s+of\s+\d+\b|\bthis document is classified\b|^\W*classified as\b", re.I
)


def page_from_text(number: int, text: str) -> Page:
    """A page of already-OCR'd text: blocks split on blank lines, furniture lines removed."""
    page = Page(number=number, method="text")
    blocks: list[Block] = []
    current: list[Line] = []
    in_banner = False
    for raw in text.splitlines():
        line = raw.rstrip()
        if not line.strip():
            if current:
                blocks.append(Block(kind="text", lines=current))
                current = []
            in_banner = False
            continue
        if TEXT_FURNITURE.search(line) or (in_banner and BANNER_TAIL.match(line.strip())):
            page.removed.append(Line(words=[], text=line))
            in_banner = bool(BANNER.search(line)) or in_banner
            continue
        in_banner = False
        current.append(Line(words=[], text=line.strip()))
    if current:
        blocks.append(Block(kind="text", lines=current))
    for block in blocks:
        block.lines = rejoin_hyphens(block.lines)
    page.blocks = [b for b in blocks if b.text.strip()]
    return page
