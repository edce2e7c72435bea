"""One text for a whole Document, with a map from character offsets back to pages and lines.

spaCy sees a single string; every span found in it is traced back to the page it came from
and the OCR confidence of the lines it covers. Text blocks give one line each (a blank line
between blocks, two between pages); Table blocks give one line per row, cells joined by
``" | "``, so identifiers and decisions inside tables are still found, and the table itself
is kept for the attendee and action readers.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field, replace

from pipeline.reading.document import Document, Line, Page, Table


@dataclass(frozen=True)
class TextLine:
    start: int  # offset of the first character in DocText.text
    end: int  # offset just past the last character
    page: int
    conf: float | None
    block: int  # running block number over the document
    text: str
    table: bool = False


@dataclass(frozen=True)
class TableRef:
    page: int
    block: int
    table: Table
    start: int  # offset of the table's first row in DocText.text


@dataclass
class DocText:
    text: str
    lines: list[TextLine] = field(default_factory=list)
    tables: list[TableRef] = field(default_factory=list)
    # tables of running text (:func:`is_prose_table`), laid out as lines, not tables: an item
    # table's Action column among them still names who acts
    prose_tables: list[TableRef] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._starts = [ln.start for ln in self.lines]

    def line_index(self, offset: int) -> int:
        """Index of the line holding (or last starting before) ``offset``."""
        return max(0, bisect.bisect_right(self._starts, offset) - 1)

    def line_at(self, offset: int) -> TextLine | None:
        return self.lines[self.line_index(offset)] if self.lines else None

    def lines_in(self, start: int, end: int) -> list[TextLine]:
        if not self.lines:
            return []
        first, last = self.line_index(start), self.line_index(max(start, end - 1))
        return self.lines[first : last + 1]

    def page_at(self, offset: int) -> int | None:
        line = self.line_at(offset)
        return line.page if line else None

    def min_conf(self, start: int, end: int) -> float | None:
        confs = [ln.conf for ln in self.lines_in(start, end) if ln.conf is not None]
        return min(confs) if confs else None


def _clean(text: str) -> str:
    return text.replace("\f", " ").replace("\n", " ").replace("\r", "")


# initials in brackets with a capital I that OCR read as l or | ("Arjun Ingram (Al)")
_INITIALS_I = re.compile(r"(?<=\()(?=[A-Z][A-Zl|]{1,3}\))([A-Z]+)[l|]([A-Z]*)(?=\))")


# "Clix", "Clir", "Cilr", "Citr", "Clr", "Cir" before a name: the councillor's title, its l's and r
# misread or one l lost; "Cl", "Cll" before a given name and a surname: its end lost
_CLLR = re.compile(r"\bC(?!ll[r])(?:[il1I|t]{1,2}[rx](?=\.?\s+[A-Z][a-z]|\.?\s*$)|[l1I|]{1,2}(?=\s+[A-Z][a-z]+\s+[A-Z][a-z]))")


# a speck read as a full stop between an upper-case word and the next ("NOTED.the")
_GLUED_STOP = re.compile(r"\b([A-Z]{4,})\.(?=[a-z]{2,}\b)")


def _ocr_glyphs(text: str) -> str:
    """A scanned line's look-alike glyphs put back where their shape is certain (as bullets are
    by the reading stage): a capital I inside bracketed initials; ``Cllr`` misread before a name;
    a speck read as a full stop between two words (``NOTED.the``)."""
    return _GLUED_STOP.sub(r"\1 ", _CLLR.sub("Cllr", _INITIALS_I.sub(r"\1I\2", text)))


def is_prose_table(table: Table) -> bool:
    """A "table" holding running text: some cell is a long passage of lower-case prose."""
    for row in table.rows:
        for cell in row:
            words = cell.split()
            if len(words) >= 25 and sum(w[:1].islower() for w in words) / len(words) > 0.5:
                return True
    return False


def _runs(lines: list[Line]) -> list[tuple[bool, list[Line]]]:
    """Split a text block into runs of ordinary lines and of ``a | b | c`` table rows."""
    runs: list[tuple[bool, list[Line]]] = []
    for line in lines:
        piped = " | " in f" {line.text} "
        if runs and runs[-1][0] == piped:
            runs[-1][1].append(line)
        else:
            runs.append((piped, [line]))
    # a single piped line is text, not a table
    merged: list[tuple[bool, list[Line]]] = []
    for is_table, run in runs:
        is_table = is_table and len(run) >= 2
        if merged and not is_table and not merged[-1][0]:
            merged[-1][1].extend(run)
        else:
            merged.append((is_table, run))
    return merged


def build(doc: Document) -> DocText:
    """Lay the document's blocks out as one text with its line map."""
    parts: list[str] = []
    lines: list[TextLine] = []
    tables: list[TableRef] = []
    prose_tables: list[TableRef] = []
    offset = 0
    block_no = 0

    def emit(text: str, page: Page, conf: float | None, table: bool) -> None:
        nonlocal offset
        lines.append(TextLine(offset, offset + len(text), page.number, conf, block_no, text, table))
        parts.append(text + "\n")
        offset += len(text) + 1

    def gap() -> None:
        nonlocal offset
        parts.append("\n")
        offset += 1

    for page in doc.pages:
        for block in page.blocks:
            if block.table is not None and is_prose_table(block.table):
                # a paragraph the layout stage took for a table: read its cells as lines
                prose_tables.append(TableRef(page.number, block_no, block.table, offset))
                for row in block.table.rows:
                    for c in row:
                        if _clean(c).strip():
                            emit(_clean(c).strip(), page, None, False)
            elif block.table is not None:
                table = block.table
                if page.method == "ocr":  # a table cell's look-alike glyphs, as a line's
                    table = replace(table, rows=[[_ocr_glyphs(c) for c in row] for row in table.rows])
                tables.append(TableRef(page.number, block_no, table, offset))
                for row in table.rows:
                    emit(" | ".join(_clean(c).strip() for c in row), page, None, True)
            else:
                for k, (is_table, run) in enumerate(_runs(block.lines)):
                    if is_table:
                        # rows already joined with "|" (text that was a table: .txt transcripts)
                        if k:
                            gap()
                            block_no += 1
                        table = Table([[c.strip() for c in ln.text.strip().strip("|").split("|")] for ln in run])
                        tables.append(TableRef(page.number, block_no, table, offset))
                        for row in table.rows:
                            emit(" | ".join(row), page, None, True)
                        gap()
                        block_no += 1
                    else:
                        for line in run:
                            clean = _clean(line.text)
                            emit(_ocr_glyphs(clean) if page.method == "ocr" else clean, page, line.conf, False)
            gap()
            block_no += 1
        gap()
    return DocText("".join(parts), lines, tables, prose_tables)
