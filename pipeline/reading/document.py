"""Typed page data shared by every stage.

One bbox convention everywhere: ``(x0, top, x1, bottom)`` in PDF points (1/72 inch),
origin at the page's top-left corner, as pdfplumber reports it. OCR pixel boxes are
converted with the rendering resolution (``pt = px * 72 / dpi``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Method = Literal["pdf", "ocr", "text"]
BBox = tuple[float, float, float, float]


def _check_bbox(bbox: BBox) -> None:
    x0, top, x1, bottom = bbox
    if x1 < x0 or bottom < top:
        raise ValueError(f"bbox {bbox} is not (x0, top, x1, bottom) with x0<=x1, top<=bottom")


def union(boxes: list[BBox]) -> BBox:
    """The smallest box holding all ``boxes``."""
    if not boxes:
        return (0.0, 0.0, 0.0, 0.0)
    return (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )


@dataclass(frozen=True)
class Word:
    text: str
    bbox: BBox
    conf: float | None = None  # 0-100 for OCR words, None for text-layer words

    def __post_init__(self) -> None:
        _check_bbox(self.bbox)
        if self.conf is not None and not 0 <= self.conf <= 100:
            raise ValueError(f"word confidence {self.conf} outside 0-100")

    @property
    def x0(self) -> float:
        return self.bbox[0]

    @property
    def top(self) -> float:
        return self.bbox[1]

    @property
    def x1(self) -> float:
        return self.bbox[2]

    @property
    def bottom(self) -> float:
        return self.bbox[3]


@dataclass
class Line:
    words: list[Word]
    text: str = ""  # filled from words when empty

    def __post_init__(self) -> None:
        if not self.text:
            self.text = " ".join(w.text for w in self.words)

    @property
    def bbox(self) -> BBox:
        return union([w.bbox for w in self.words])

    @property
    def conf(self) -> float | None:
        confs = [w.conf for w in self.words if w.conf is not None]
        return sum(confs) / len(confs) if confs else None


@dataclass
class Table:
    """A table rebuilt as rows of cell strings (empty string for an empty cell)."""

    rows: list[list[str]]
    bbox: BBox = (0.0, 0.0, 0.0, 0.0)
    ruled: bool = False

    def __post_init__(self) -> None:
        width = max((len(r) for r in self.rows), default=0)
        self.rows = [list(r) + [""] * (width - len(r)) for r in self.rows]

    @property
    def n_cols(self) -> int:
        return len(self.rows[0]) if self.rows else 0


@dataclass
class Block:
    """A run of lines (a paragraph or heading) or a table, in reading order."""

    kind: Literal["text", "table"]
    lines: list[Line] = field(default_factory=list)
    table: Table | None = None

    def __post_init__(self) -> None:
        if self.kind == "table" and self.table is None:
            raise ValueError("a table block needs its table")

    @property
    def bbox(self) -> BBox:
        if self.table is not None:
            return self.table.bbox
        return union([ln.bbox for ln in self.lines if ln.words])

    @property
    def text(self) -> str:
        if self.table is not None:
            return "\n".join(" | ".join(c.strip() for c in row) for row in self.table.rows)
        return "\n".join(ln.text for ln in self.lines)


@dataclass
class Page:
    number: int  # 1-based
    method: Method
    width: float = 0.0  # points
    height: float = 0.0
    blocks: list[Block] = field(default_factory=list)
    removed: list[Line] = field(default_factory=list)  # page furniture taken out
    mean_confidence: float | None = None  # mean OCR word confidence 0-100
    seconds: float = 0.0
    dpi: int | None = None  # resolution the page was OCR'd at
    rotation: int = 0  # degrees the page was turned before OCR
    provenance: str = ""  # why the page was read the way it was (e.g. a text layer judged unusable)
    # each word OCR read on the page (as read) with the highest confidence it was read with,
    # tables' words included (a table keeps only its cells' text): how surely a word was read
    word_confidence: dict[str, float] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.number < 1:
            raise ValueError("pages are numbered from 1")

    @property
    def text(self) -> str:
        return "\n\n".join(b.text for b in self.blocks if b.text.strip())

    @property
    def lines(self) -> list[Line]:
        return [ln for b in self.blocks for ln in b.lines]

    @property
    def tables(self) -> list[Table]:
        return [b.table for b in self.blocks if b.table is not None]


def page_to_dict(page: Page) -> dict:
    """A Page as plain JSON data (the page cache stores this, never pickles)."""

    def line(ln: Line) -> dict:
        return {"text": ln.text, "words": [[w.text, list(w.bbox), w.conf] for w in ln.words]}

    return {
        "number": page.number, "method": page.method, "width": page.width, "height": page.height,
        "mean_confidence": page.mean_confidence, "seconds": page.seconds, "dpi": page.dpi,
        "rotation": page.rotation, "provenance": page.provenance, "word_confidence": page.word_confidence,
        "removed": [line(ln) for ln in page.removed],
        "blocks": [
            {"kind": b.kind, "lines": [line(ln) for ln in b.lines],
             "table": None if b.table is None else
             {"rows": b.table.rows, "bbox": list(b.table.bbox), "ruled": b.table.ruled}}
            for b in page.blocks
        ],
    }


def page_from_dict(data: dict) -> Page:
    """The inverse of :func:`page_to_dict`; raises ValueError/KeyError/TypeError on bad data."""

    def line(d: dict) -> Line:
        return Line([Word(str(t), tuple(float(v) for v in box), c) for t, box, c in d["words"]], str(d["text"]))

    def table(d: dict | None) -> Table | None:
        if d is None:
            return None
        return Table([[str(c) for c in row] for row in d["rows"]], tuple(float(v) for v in d["bbox"]), bool(d["ruled"]))

    method = data["method"]
    if method not in ("pdf", "ocr", "text"):
        raise ValueError(f"unknown page method {method!r}")
    return Page(
        number=int(data["number"]), method=method, width=float(data["width"]), height=float(data["height"]),
        blocks=[Block(b["kind"], [line(ln) for ln in b["lines"]], table(b["table"])) for b in data["blocks"]],
        removed=[line(ln) for ln in data["removed"]], mean_confidence=data["mean_confidence"],
        seconds=float(data["seconds"]), dpi=data["dpi"], rotation=int(data["rotation"]),
        provenance=str(data.get("provenance", "")),
        word_confidence={str(k): float(v) for k, v in data.get("word_confidence", {}).items()},
    )


@dataclass
class PageError:
    page: int | None
    stage: str
    error_type: str
    message: str


@dataclass
class Document:
    source_file: str  # the path as found under the PATH the user gave
    sha256: str
    pages: list[Page] = field(default_factory=list)
    errors: list[PageError] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\f".join(p.text for p in self.pages)

    @property
    def ocr_pages(self) -> list[Page]:
        return [p for p in self.pages if p.method == "ocr"]

    @property
    def word_confidence(self) -> dict[str, float]:
        """Each word OCR read in the document with the highest confidence it was read with."""
        out: dict[str, float] = {}
        for p in self.pages:
            for word, conf in p.word_confidence.items():
                out[word] = max(conf, out.get(word, 0.0))
        return out

    @property
    def ocr_mean_confidence(self) -> float | None:
        confs = [p.mean_confidence for p in self.ocr_pages if p.mean_confidence is not None]
        return sum(confs) / len(confs) if confs else None
