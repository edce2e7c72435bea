"""Tables rebuilt as rows of cells.

Two ways in, one way out:
* ruled tables: a :class:`Grid` of cell boxes (from pdfplumber's table finder on digital
  pages, or from rule lines found in a scanned image) is filled with the page's words;
* unruled tables: words are clustered into columns by their left edges and into rows by
  line pitch, so a cell that wraps onto a second line stays one cell, and an empty cell
  (meaning "same as above") stays empty.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass

import numpy as np

from pipeline.reading.document import BBox, Line, Table, Word, union

# ------------------------------------------------------------------ ruled tables


@dataclass
class Grid:
    """Row and column edges of a ruled table (points, top-left origin)."""

    xs: list[float]  # column edges, ascending, len = n_cols + 1
    ys: list[float]  # row edges, ascending, len = n_rows + 1

    @property
    def bbox(self) -> BBox:
        return (self.xs[0], self.ys[0], self.xs[-1], self.ys[-1])

    def cell_of(self, word: Word) -> tuple[int, int] | None:
        cx = (word.x0 + word.x1) / 2
        cy = (word.top + word.bottom) / 2
        if not (self.xs[0] <= cx <= self.xs[-1] and self.ys[0] <= cy <= self.ys[-1]):
            return None
        col = int(np.searchsorted(self.xs, cx) - 1)
        row = int(np.searchsorted(self.ys, cy) - 1)
        return max(0, min(row, len(self.ys) - 2)), max(0, min(col, len(self.xs) - 2))


def plausible_grid(grid: Grid, lines: list[Line]) -> bool:
    """A real table's words stay inside their cells; shaded text boxes and rules don't split text."""
    inside = [w for ln in lines for w in ln.words if grid.cell_of(w) is not None]
    if len(inside) < 3 or len(grid.xs) < 3:
        return False
    inner = grid.xs[1:-1]
    straddling = sum(1 for w in inside if any(w.x0 + 1 < x < w.x1 - 1 for x in inner))
    return straddling <= 0.05 * len(inside)


def fill_grid(grid: Grid, lines: list[Line]) -> tuple[Table, set[int]]:
    """Put each word inside the grid into its cell; returns the table and the ids of used words."""
    n_rows, n_cols = len(grid.ys) - 1, len(grid.xs) - 1
    cells: list[list[list[Word]]] = [[[] for _ in range(n_cols)] for _ in range(n_rows)]
    used: set[int] = set()
    for line in lines:
        for word in line.words:
            rc = grid.cell_of(word)
            if rc is not None:
                cells[rc[0]][rc[1]].append(word)
                used.add(id(word))
    rows = [[_cell_text(ws) for ws in row] for row in cells]
    rows = [r for r in rows if any(c for c in r)]
    keep = [c for c in range(n_cols) if any(r[c] for r in rows)]
    rows = [[r[c] for c in keep] for r in rows]
    return Table(rows=rows, bbox=grid.bbox, ruled=True), used


def _cell_text(words: list[Word]) -> str:
    if not words:
        return ""
    lines = group_lines(words)
    return join_wrapped([" ".join(w.text for w in ln) for ln in lines])


def join_wrapped(parts: list[str]) -> str:
    """Join the lines of one cell, rejoining a word hyphenated across the break."""
    out = ""
    for part in parts:
        part = part.strip()
        if not part:
            continue
        if out.endswith("-") and len(out) > 1 and out[-2].islower() and part[:1].islower():
            out = out[:-1] + part
        elif out:
            out += " " + part
        else:
            out = part
    return out


def group_lines(words: list[Word]) -> list[list[Word]]:
    """Cluster words into lines by vertical overlap, each sorted left to right."""
    lines: list[list[Word]] = []
    for w in sorted(words, key=lambda w: ((w.top + w.bottom) / 2, w.x0)):
        cy = (w.top + w.bottom) / 2
        for ln in reversed(lines[-3:]):
            top = statistics.median(x.top for x in ln)
            bottom = statistics.median(x.bottom for x in ln)
            if top - 1 <= cy <= bottom + 1:
                ln.append(w)
                break
        else:
            lines.append([w])
    return [sorted(ln, key=lambda w: w.x0) for ln in lines]


def grids_from_image(gray: np.ndarray, *, scale: float) -> tuple[list[Grid], np.ndarray]:
    """Find ruled tables in a page image; returns grids (in points) and the image with their
    rules, and any other long horizontal rule, erased.

    ``scale`` converts pixels to points (72 / dpi). Rules are long thin dark runs found by
    morphological opening with long horizontal and vertical kernels.
    """
    import cv2

    h, w = gray.shape
    ink = cv2.adaptiveThreshold(gray, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV, 25, 15)
    horiz = cv2.morphologyEx(ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (max(40, w // 12), 1)))
    vert = cv2.morphologyEx(ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (1, max(30, h // 60))))
    rules = cv2.dilate(cv2.bitwise_or(horiz, vert), np.ones((3, 3), np.uint8))
    cleaned = gray.copy()
    grids: list[Grid] = []
    for x, y, bw, bh, comp in _rule_components(rules):
        thin = max(12, h // 250)
        if bh <= thin and bw >= w * 0.1:
            cleaned[y : y + bh, x : x + bw][comp] = 255  # a lone rule (underline, separator): never text
            continue
        if bw < w * 0.25 or bh < 20:
            continue
        hy = _rule_positions(horiz[y : y + bh, x : x + bw] & comp, axis=1, min_len=bw * 0.5)
        vx = _rule_positions(vert[y : y + bh, x : x + bw] & comp, axis=0, min_len=bh * 0.3)
        if len(hy) < 2 or len(vx) < 2:
            continue
        grids.append(Grid(xs=[(x + v) * scale for v in vx], ys=[(y + v) * scale for v in hy]))
        cleaned[y : y + bh, x : x + bw][comp] = 255
    return grids, cleaned


def _rule_components(rules: np.ndarray, factor: int = 4):
    """The 8-connected components of the rule mask: ``(x, y, width, height, mask)`` each, the
    mask over its box.

    Components are labelled on a copy reduced ``factor`` times (any rule pixel marks its
    block): labelling the whole page cost a quarter of a second, mostly empty paper. Each
    box is then measured again at full resolution; rules closer than ``factor`` pixels, which
    the reduced copy joins, come out as one component.
    """
    import cv2

    h, w = rules.shape
    if not cv2.countNonZero(rules):
        return
    sh, sw = -(-h // factor), -(-w // factor)
    padded = np.zeros((sh * factor, sw * factor), dtype=np.uint8)
    padded[:h, :w] = rules
    small = cv2.resize(padded, (sw, sh), interpolation=cv2.INTER_AREA)  # block means: > 0 where any rule pixel
    n, labels, stats, _ = cv2.connectedComponentsWithStats(small, connectivity=8)
    for i in range(1, n):
        sx, sy, sbw, sbh = (int(v) for v in stats[i][:4])
        y0, x0 = sy * factor, sx * factor
        block = labels[sy : sy + sbh, sx : sx + sbw] == i
        full = np.repeat(np.repeat(block, factor, axis=0), factor, axis=1)[: h - y0, : w - x0]
        mask = (rules[y0 : y0 + full.shape[0], x0 : x0 + full.shape[1]] > 0) & full
        rows, cols = np.nonzero(mask.any(axis=1))[0], np.nonzero(mask.any(axis=0))[0]
        if not len(rows):
            continue
        y, x = y0 + int(rows[0]), x0 + int(cols[0])
        bh, bw = int(rows[-1] - rows[0] + 1), int(cols[-1] - cols[0] + 1)
        yield x, y, bw, bh, mask[rows[0] : rows[-1] + 1, cols[0] : cols[-1] + 1]


def _rule_positions(mask: np.ndarray, *, axis: int, min_len: float) -> list[float]:
    counts = (mask > 0).sum(axis=axis)
    idx = np.nonzero(counts >= min_len)[0]
    if len(idx) == 0:
        return []
    groups: list[list[int]] = [[int(idx[0])]]
    for v in idx[1:]:
        if v - groups[-1][-1] <= 3:
            groups[-1].append(int(v))
        else:
            groups.append([int(v)])
    return [sum(g) / len(g) for g in groups]


# ---------------------------------------------------------------- unruled tables


LIST_MARK = re.compile(r"^([•●▪◦·\-–*o¢e«°]|\(?[0-9a-zA-Z]{1,3}[.)]|\d+(\.\d+)*\.?)$")


def _char_widths(line: Line) -> list[float]:
    return [(w.x1 - w.x0) / len(w.text) for w in line.words if len(w.text) >= 3]


def monospaced(lines: list[Line]) -> bool:
    """Set in a monospaced font (Courier): within a line, every word is as wide a letter as the
    next (a spread of a few per cent, against over ten in a proportional font)."""
    spreads = []
    for line in lines:
        widths = _char_widths(line)
        if len(widths) >= 3 and (mean := statistics.mean(widths)) > 0:  # (zero-width words: a crafted file)
            spreads.append(statistics.pstdev(widths) / mean)
    return bool(spreads) and statistics.median(spreads) < 0.06


def _wide_gap(line: Line, mono: bool = False) -> float:
    """The gap between two words of a line that is wider than a word space: 1.3 times the
    letters' height, and in a monospaced font, where a space is a whole letter wide, also two
    letters' width."""
    height = statistics.median(w.bottom - w.top for w in line.words) or 10.0
    widths = _char_widths(line) if mono else []
    return max(1.3 * height, 2.0 * statistics.median(widths)) if widths else 1.3 * height


def segments(line: Line, mono: bool = False) -> list[list[Word]]:
    """Split a line into runs of words separated by gaps wider than ordinary word spacing."""
    if not line.words:
        return []
    wide = _wide_gap(line, mono)
    out: list[list[Word]] = [[line.words[0]]]
    for prev, word in zip(line.words, line.words[1:], strict=False):
        if word.x0 - prev.x1 > wide and not (len(out[-1]) == 1 and LIST_MARK.match(prev.text)):
            out.append([word])
        else:
            out[-1].append(word)
    return out


def find_unruled(lines: list[Line]) -> list[tuple[int, int, list[float]]]:
    """Runs of lines that form an unruled table: ``(first, last_inclusive, column_starts)``.

    A run starts at a line split into two or more segments by wide gaps and goes on while
    such lines keep coming (single-segment lines between them are cells of a row with the
    other columns empty, or wrapped cells). A heading ending in ':' or a wide vertical gap
    ends it. A one-line run counts when its columns line up with the table just above it
    (the apologies part of an attendee table).
    """
    mono = monospaced(lines)
    segs = [segments(ln, mono) for ln in lines]
    found: list[tuple[int, int, list[float]]] = []
    i = 0
    while i < len(lines):
        if len(segs[i]) < 2:
            i += 1
            continue
        j, last_multi = i, i
        height = statistics.median(w.bottom - w.top for w in lines[i].words) or 10.0
        starts = [seg[0].x0 for seg in segs[i]]
        held = False  # a run of single lines was kept only because they sit in the columns
        while j + 1 < len(lines):
            gap = lines[j + 1].bbox[1] - lines[j].bbox[3]
            nxt = lines[j + 1]
            if gap > 2.2 * height or (len(segs[j + 1]) < 2 and nxt.text.rstrip().endswith(":")):
                break
            if len(segs[j + 1]) >= 2:
                ours = [seg[0].x0 for seg in segs[j + 1] if any(c.isalnum() for w in seg for c in w.text)]
                if held and not all(any(abs(x - s) <= 0.9 * height for s in starts) for x in ours):
                    break  # after such rows, a line in other columns is something else
                last_multi = j + 1
                starts.extend(ours)
            elif j + 1 - last_multi > 3:
                if not _in_a_column(nxt, starts, tol=0.9 * height):
                    break
                held = True
            j += 1
        multi = [k for k in range(i, last_multi + 1) if len(segs[k]) >= 2]
        cols = _column_starts([segs[k] for k in multi], tol=0.9 * height)
        cut = _layout_change(multi, segs, cols, tol=0.9 * height)
        if cut is not None:  # two tables one under the other: end this one before the second
            last_multi = j = multi[cut - 1]
            multi = multi[:cut]
            cols = _column_starts([segs[k] for k in multi], tol=0.9 * height)
        if len(multi) == 1 and found and _aligned(cols, found[-1][2], tol=0.9 * height):
            cols = found[-1][2]
        elif len(multi) < 2:
            cols = []
        if len(cols) >= 2:
            end = last_multi
            # trailing single-segment lines that continue a wrapped cell
            while end + 1 <= j and lines[end + 1].bbox[1] - lines[end].bbox[3] < 0.6 * height:
                end += 1
            found.append((i, end, cols))
            i = end + 1
        else:
            i = last_multi + 1 if last_multi > i else i + 1
    return found


def _in_a_column(line: Line, starts: list[float], *, tol: float) -> bool:
    """A line of one run of words that is a row with the other cells empty: a few words, no
    sentence (a paragraph in a column of minutes beside an "Action" column is no row), that
    start where a column of the table above starts; one starting in the first column ends
    before the second begins (a paragraph after the table runs across them)."""
    words = _unspecked(line.words)
    if not words or len(words) > 6 or words[-1].text.endswith("."):
        return False
    x0, x1 = words[0].x0, words[-1].x1
    first = min(starts)
    later = [x for x in starts if x > first + tol]
    if abs(x0 - first) <= tol:
        return bool(later) and x1 < min(later) - tol
    return any(abs(x0 - x) <= tol for x in later)


def _unspecked(words: list[Word]) -> list[Word]:
    """A line's words without the specks read before them (``.``, ``'``, ``-``)."""
    k = 0
    while k < len(words) - 1 and not any(c.isalnum() for c in words[k].text):
        k += 1
    return words[k:]


def _layout_change(multi: list[int], segs: list[list[list[Word]]], cols: list[float], *,
                   tol: float) -> int | None:
    """Where a run of split lines changes columns: a title block (``Date: | Wednesday, …``,
    values at one column) over a two-column list (names at another), single-spaced with no
    gap between them. The position in ``multi`` of the first line of the second layout, when
    two or more lines on each side use other columns than the other side's (the first aside)."""
    if len(multi) < 4 or len(cols) < 3:
        return None

    def used(k: int) -> frozenset[int]:
        return frozenset(c for seg in segs[k][1:] for c, x in enumerate(cols) if abs(seg[0].x0 - x) <= tol)

    sets = [used(k) for k in multi]
    for p in range(2, len(multi) - 1):
        before, after = frozenset().union(*sets[:p]), frozenset().union(*sets[p:])
        if before and after and not before & after and all(sets[:p]) and all(sets[p:]):
            return p
    return None


def _aligned(cols: list[float], other: list[float], *, tol: float) -> bool:
    """Two or more column starts, each within ``tol`` of one of ``other``'s."""
    return len(cols) >= 2 and all(any(abs(x - o) <= tol for o in other) for x in cols)


def _column_starts(rows: list[list[list[Word]]], *, tol: float) -> list[float]:
    starts = sorted(seg[0].x0 for row in rows for seg in row)
    clusters: list[list[float]] = []
    for x in starts:
        if clusters and x - clusters[-1][-1] <= tol:
            clusters[-1].append(x)
        else:
            clusters.append([x])
    need = 1 if len(rows) == 1 else max(2, len(rows) // 3)
    return [min(c) for c in clusters if len(c) >= need]


def build_unruled(lines: list[Line], cols: list[float]) -> Table:
    """Assign words to columns by left edge and merge wrapped lines into their row.

    Row pitch is larger than the pitch between the lines of one wrapped cell: a line closer
    to the one above than a row's pitch, that leaves empty a column the first line fills,
    continues that row.
    """
    mono = monospaced(lines)
    if _label_block(lines, mono):
        return _label_rows(lines)
    centers = [(ln.bbox[1] + ln.bbox[3]) / 2 for ln in lines]
    pitches = [b - a for a, b in zip(centers, centers[1:], strict=False)]
    # lines of one wrapped cell sit one leading (about 1.2 font sizes) apart; rows add padding
    threshold = 1.4 * statistics.median(ln.bbox[3] - ln.bbox[1] for ln in lines)
    # a monospaced table under a header of column names: a word starting where a column starts
    # is that column's, even one space after the cell before it ("Secretary Friday 17")
    head_segs = segments(lines[0], mono)
    headed = mono and len(head_segs) >= 3 and all(
        len(seg) <= 3 and not seg[-1].text.endswith(":") and any(abs(seg[0].x0 - x) <= 4.0 for x in cols)
        for seg in head_segs)
    cell_rows = [_cells(line, cols, mono=mono, headed=headed) for line in lines]
    header_cols = [c for c, text in enumerate(cell_rows[0]) if text]
    # the pitch of lines that are surely rows of their own (every column filled, one after
    # another): where a line sits as far below the one above, it is a row too, unless its
    # text plainly goes on from there ("…, Head of" / "Housing"; a lower-case start)
    full = [k for k, texts in enumerate(cell_rows) if all(texts[c] for c in header_cols)]
    row_pitches = [pitches[k - 1] for k in full if k > 0 and k - 1 in full]
    row_pitch = statistics.median(row_pitches) if len(row_pitches) >= 2 else None
    rows: list[list[list[str]]] = []
    for k, texts in enumerate(cell_rows):
        continues = k > 0 and pitches[k - 1] < threshold and any(not texts[c] for c in header_cols)
        if continues and row_pitch is not None and pitches[k - 1] >= 0.95 * row_pitch and rows:
            filled = [c for c, t in enumerate(texts) if t]
            continues = any(_goes_on(" ".join(rows[-1][c]), texts[c]) for c in filled)
        if rows and continues:
            for c, t in enumerate(texts):
                if t:
                    rows[-1][c].append(t)
        else:
            rows.append([[t] if t else [] for t in texts])
    table_rows = [[join_wrapped(parts) for parts in row] for row in rows]
    return Table(rows=table_rows, bbox=union([ln.bbox for ln in lines]), ruled=False)


_GOES_ON = re.compile(r"(?:[,&/(\-–]|\b(?:and|of|the|for|to|in|on|at|with|by|or|a|an))$", re.IGNORECASE)


def _goes_on(above: str, text: str) -> bool:
    """The text of a cell's next line continues the text above it (not a new entry)."""
    return not above or bool(_GOES_ON.search(above.rstrip())) or not text[:1].isupper()


LABEL = re.compile(r"^[A-Z][\w’'/&()-]*(?:\s+[\w’'/&()-]+){0,3}:$")


def _label(line: Line) -> str | None:
    """``Members present:`` when a line opens with a label of one to four words ending in a colon."""
    words = _unspecked(line.words)
    for k, word in enumerate(words[:4]):
        if word.text.endswith(":"):
            label = " ".join(w.text for w in words[: k + 1])
            return label if LABEL.match(label) and k + 1 < len(words) else None
    return None


def _label_block(lines: list[Line], mono: bool = False) -> bool:
    """A title block of ``Label: value`` lines (``Date:``, ``Venue:``, ``Members present:``)
    rather than a table: most lines that split into runs do so after a label."""
    split = [ln for ln in lines if len(segments(ln, mono)) >= 2]
    labelled = sum(_label(ln) is not None for ln in split)
    return labelled >= 2 and labelled >= 0.6 * len(split)


def _label_rows(lines: list[Line]) -> Table:
    """Two cells a row, label and value, the value in reading order: a wide gap inside a
    wrapped value (a hanging indent, a speck removed on a poor scan) splits nothing, and a
    line without a label goes on with the value above."""
    rows: list[list[str]] = []
    lines = [ln for ln in lines if any(c.isalnum() for c in ln.text)]  # a line of specks says nothing
    labelled = [_unspecked(ln.words)[0].x0 for ln in lines if _label(ln) is not None]
    if labelled:
        # a mark in the margin left of the labels (a handwritten tick read as "J") is no line of
        # the block, and sets no edge its labels are indented from
        lines = [ln for ln in lines if not (ln.bbox[2] < min(labelled) and len(ln.text.strip()) <= 2)] or lines
    left = min(_unspecked(ln.words)[0].x0 for ln in lines)
    right = max(ln.bbox[2] for ln in lines)
    height = statistics.median(ln.bbox[3] - ln.bbox[1] for ln in lines) or 10.0
    previous: Line | None = None
    for line in lines:
        # an indented line goes on; a speck before the label (". Venue:") indents nothing
        label = _label(line) if _unspecked(line.words)[0].x0 - left <= height else None
        words = [w.text for w in _unspecked(line.words)]
        if label is not None:
            rows.append([label, " ".join(words[len(label.split()) :])])
        elif rows and rows[-1][1] and previous is not None:
            # a line that stopped well short of the block's right edge, or closed an entry on a
            # bracket ("Ann Lee (Chair)"), ended its entry (a list written one entry a line); a
            # full line wrapped on into this one
            short = ((previous.bbox[2] < left + 0.8 * (right - left) or rows[-1][1].endswith(")"))
                     and not rows[-1][1].endswith((",", ";", "-", "–", "&", " and", " of", " the")))
            rows[-1][1] = f"{rows[-1][1]}; {' '.join(words)}" if short else join_wrapped([rows[-1][1], " ".join(words)])
        elif rows:
            rows[-1][1] = " ".join(words)
        else:
            rows.append(["", " ".join(words)])
        previous = line
    return Table(rows=rows, bbox=union([ln.bbox for ln in lines]), ruled=False)


def _cells(line: Line, cols: list[float], *, tol: float = 4.0, mono: bool = False, headed: bool = False) -> list[str]:
    """A line's words put in the rightmost column whose left edge they start at or after.

    In a monospaced font a run of words spaced as one phrase stays in one cell: a word inside
    it passes into a later column only after a gap wider than the line's word space. (In
    a list under labels of different widths, ``Present:  Imogen Jarvis`` and ``In attendance:
    Fraser Ellison``, each label's names start at their own indent, and a name crosses the
    other's edge.) Under a header row of column names (``headed``), a word that starts where a
    column starts is that column's. In any font, a word that opens a bracket, or is inside one,
    stays in the cell of the phrase it follows at a word space."""
    cells: list[list[str]] = [[] for _ in cols]
    height = statistics.median(w.bottom - w.top for w in line.words) if line.words else 10.0
    segs = segments(line, mono)
    wide = _wide_gap(line, mono) if line.words else 0.0
    gaps = [g for a, b in zip(line.words, line.words[1:], strict=False) if (g := b.x0 - a.x1) <= wide]
    space = statistics.median(gaps) if gaps else 0.0  # the line's word space
    col = 0
    for seg in segs:
        for k, word in enumerate(seg):
            at = max((c for c, x in enumerate(cols) if x <= word.x0 + tol), default=0)
            gap = word.x0 - seg[k - 1].x1 if k else 0.0
            # (a bracket goes on the phrase before it: "Cllr Theo Underwood (TU)" keeps its
            # initials where they cross the start of a column the title block above has)
            open_ = " ".join(cells[col]).count("(") > " ".join(cells[col]).count(")")
            bracket = (k > 0 and (word.text[:1] in "([" or open_) and at > col
                       and gap <= max(1.5 * space, 0.3 * height))
            aligned = headed and at > col and abs(word.x0 - cols[at]) <= tol  # (under a header: see build_unruled)
            if (k == 0 or not mono or aligned or (at > col and gap > max(1.5 * space, 0.3 * height))) and not bracket:
                col = at
            cells[col].append(word.text)
    return [" ".join(c) for c in cells]
