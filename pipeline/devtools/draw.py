"""Visual debugging: found words (blue), lines (green) and tables (red) over a page image."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

from pipeline.errors import UsageError
from pipeline.reading.page import read_page
from pipeline.reading.pdftext import render_page
from pipeline.reading.sources import IMAGE_SUFFIXES, PageTask
from pipeline.settings import Settings

DRAW_DPI = 100


def draw_page(path: Path, *, page: int, out: Path, settings: Settings) -> Path:
    kind = "image" if path.suffix.lower() in IMAGE_SUFFIXES else "pdf"
    if path.suffix.lower() not in IMAGE_SUFFIXES | {".pdf"}:
        raise UsageError("draw works on .pdf and image files")
    result = read_page(PageTask(str(path), kind, page - 1), settings)
    if kind == "image":
        with Image.open(path) as img:
            img.seek(page - 1)
            base = img.convert("RGB")
        scale = base.width / result.width if result.width else 1.0
    else:
        base = render_page(str(path), page - 1, DRAW_DPI).convert("RGB")
        scale = DRAW_DPI / 72.0

    def box(b: tuple[float, float, float, float]) -> tuple[float, float, float, float]:
        return (b[0] * scale, b[1] * scale, b[2] * scale, b[3] * scale)

    canvas = ImageDraw.Draw(base)
    for line in result.lines:
        canvas.rectangle(box(line.bbox), outline=(0, 160, 0))
        for word in line.words:
            canvas.rectangle(box(word.bbox), outline=(0, 0, 255))
    for line in result.removed:
        if line.words:
            canvas.rectangle(box(line.bbox), outline=(160, 160, 160))
    for table in result.tables:
        canvas.rectangle(box(table.bbox), outline=(220, 0, 0), width=3)
    out.parent.mkdir(parents=True, exist_ok=True)
    base.save(out)
    return out
