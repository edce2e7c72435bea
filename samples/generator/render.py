"""Draw laid-out pages as a born-digital PDF, and derive the scanned forms from it."""

from __future__ import annotations

import io
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import cv2
import numpy as np
import pypdfium2 as pdfium
from PIL import Image
from reportlab import rl_config
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from .layout import MARGIN_L, MARGIN_R, PAGE_H, PAGE_W, Layout, PageLayout, wrap

BANNER = (
    "This document is classified as White in accordance with the Panel Information Policy. "
    "Information can be shared with the public and any Members may publish the information, "
    "subject to copyright."
)
FOOTER_CLASS = "This document is classified as White"
MIXED_SCANNED = (2, 4)
POOR_GRAIN = 3.0
VARIANTS = {"digital": "pdf", "scan300": "pdf", "scan200poor": "pdf", "tiff": "tif", "mixed": "pdf"}


def rng_for(key: str, variant: str, page: int) -> np.random.Generator:
    return np.random.default_rng(zlib.crc32(f"{key}|{variant}|{page}".encode()))


# -- drawing ----------------------------------------------------------------------------
def draw_furniture(c: Canvas, spec: dict[str, Any], number: int, total: int) -> None:
    style = spec.get("style", {})
    if style.get("furniture", "sec") == "plain":
        draw_plain_furniture(c, spec, number, total)
        return
    ml = float(style.get("margin_l", MARGIN_L))
    xr = PAGE_W - float(style.get("margin_r", MARGIN_R))
    c.setFillGray(0)
    # logo block and running header
    c.setLineWidth(1.2)
    c.rect(ml, PAGE_H - 62, 38, 24, stroke=1, fill=0)
    c.setFont("Helvetica-Bold", 12)
    c.drawString(ml + 5, PAGE_H - 54.5, "SEC")
    c.setFont("Helvetica", 8)
    c.drawString(ml + 44, PAGE_H - 48, "Smart Energy Code")
    c.setFillGray(0.35)
    c.setFont("Helvetica", 8.5)
    c.drawRightString(xr, PAGE_H - 48, style.get("header", "Smart Energy Code"))
    c.setFillGray(0)
    c.setLineWidth(0.4)
    c.line(ml, PAGE_H - 68, xr, PAGE_H - 68)
    if number == 1 and style.get("banner", True):
        y = PAGE_H - 84
        c.setFont("Helvetica-Oblique", 8.5)
        for drawn, _ in wrap(BANNER, "Helvetica-Oblique", 8.5, xr - ml):
            c.drawString(ml, y, drawn)
            y -= 10.5
    # footer
    c.line(ml, 66, xr, 66)
    c.setFont("Helvetica", 8)
    c.drawString(ml, 54, spec["reference"])
    if style.get("footer_mid"):
        c.drawCentredString(PAGE_W / 2 + 30, 54, style["footer_mid"])
    c.drawRightString(xr, 54, f"Page {number} of {total}")
    if number > 1:
        c.setFont("Helvetica-Oblique", 7.5)
        c.drawCentredString(PAGE_W / 2, 40, FOOTER_CLASS)


PAGE_LABELS = {
    "page_n": "Page {n}",
    "n": "{n}",
    "page_n_of_m": "Page {n} of {m}",
    "dash_n": "- {n} -",
    "n_of_m": "{n} of {m}",
}


def draw_plain_furniture(c: Canvas, spec: dict[str, Any], number: int, total: int) -> None:
    """Furniture of minutes written outside the SEC: an optional running header, a page
    number in the footer, optional footer text and a DRAFT watermark."""
    style = spec.get("style", {})
    ml = float(style.get("margin_l", MARGIN_L))
    xr = PAGE_W - float(style.get("margin_r", MARGIN_R))
    c.setFillGray(0)
    header = style.get("header")
    if header and (number > 1 or style.get("header_first", False)):
        c.setFillGray(0.3)
        c.setFont(style.get("furniture_font", "Helvetica"), 8.5)
        if style.get("header_align") == "left":
            c.drawString(ml, PAGE_H - 44, header)
        else:
            c.drawRightString(xr, PAGE_H - 44, header)
        c.setFillGray(0)
        if style.get("header_rule"):
            c.setLineWidth(0.4)
            c.line(ml, PAGE_H - 50, xr, PAGE_H - 50)
    label = PAGE_LABELS[style.get("page_label", "page_n")].format(n=number, m=total)
    c.setFont(style.get("furniture_font", "Helvetica"), 8.5)
    align = style.get("page_align", "center")
    if align == "right":
        c.drawRightString(xr, 40, label)
    else:
        c.drawCentredString(PAGE_W / 2, 40, label)
    if style.get("footer_left"):
        c.setFont(style.get("furniture_font", "Helvetica"), 7.5)
        c.drawString(ml, 40 if align == "right" else 28, style["footer_left"])
    if style.get("watermark"):
        c.saveState()
        c.setFillGray(0.88)
        c.setFont("Helvetica-Bold", 96)
        c.translate(PAGE_W / 2, PAGE_H / 2)
        c.rotate(50)
        c.drawCentredString(0, -30, style["watermark"])
        c.restoreState()


def draw_body(c: Canvas, page: PageLayout) -> None:
    c.setLineWidth(0.6)
    for op in page.ops:
        if op.kind == "fill":
            c.setFillGray(0.87)
            c.rect(op.x, op.y, op.x2 - op.x, op.y2 - op.y, stroke=0, fill=1)
            c.setFillGray(0)
        elif op.kind == "line":
            c.line(op.x, op.y, op.x2, op.y2)
        elif op.text == "•":
            draw_bullet(c, op.x, op.y, op.font, op.size)
        else:
            c.setFont(op.font, op.size)
            c.drawString(op.x, op.y, op.text)


def draw_bullet(c: Canvas, x: float, y: float, font: str, size: float) -> None:
    """Draw '•' as WinAnsi code 0x95. reportlab would write code 0x7F, which WinAnsi leaves
    undefined, so text extractors (pdfminer, pdfplumber) return '(cid:127)' for it."""
    c.setFont(font, size)
    name = c._doc.getInternalFontName(font)
    c._code.append(f"BT {name} {size:g} Tf 1 0 0 1 {x:.2f} {y:.2f} Tm (\\225) Tj ET")


def build_pdf(
    spec: dict[str, Any],
    layout: Layout,
    *,
    image_for: Callable[[int], bytes | None] | None = None,
    overlay: Callable[[Canvas, int], None] | None = None,
    title: str | None = None,
) -> bytes:
    """Draw every page; ``image_for(n)`` may return JPEG bytes to place full-page instead;
    ``overlay(canvas, n)`` draws over a drawn page (stamps, handwriting on the paper)."""
    rl_config.useA85 = 0  # embed JPEG bytes as they are, not ASCII85-inflated
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=(PAGE_W, PAGE_H), invariant=1, pageCompression=1)
    title = spec.get("pdf_title", spec["reference"]) if title is None else title
    if title:
        c.setTitle(title)
    total = len(layout.pages)
    for n, page in enumerate(layout.pages, start=1):
        jpeg = image_for(n) if image_for else None
        if jpeg is not None:
            c.drawImage(ImageReader(io.BytesIO(jpeg)), 0, 0, PAGE_W, PAGE_H)
        else:
            draw_furniture(c, spec, n, total)
            draw_body(c, page)
            if overlay is not None:
                overlay(c, n)
        c.showPage()
    c.save()
    return buf.getvalue()


# -- scanning ---------------------------------------------------------------------------
_RASTER_CACHE: dict[tuple[int, int], list[Image.Image]] = {}


def rasterise(pdf: bytes, dpi: int) -> list[Image.Image]:
    """Pages of ``pdf`` as grayscale images (the last PDF's renders are kept for reuse)."""
    ck = (hash(pdf), dpi)
    if ck not in _RASTER_CACHE:
        if len(_RASTER_CACHE) > 2:
            _RASTER_CACHE.clear()
        _RASTER_CACHE[ck] = _render(pdf, dpi)
    return _RASTER_CACHE[ck]


def _render(pdf: bytes, dpi: int) -> list[Image.Image]:
    doc = pdfium.PdfDocument(pdf)
    try:
        return [
            doc[i].render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
            for i in range(len(doc))
        ]
    finally:
        doc.close()


def grain(rng: np.random.Generator, shape: tuple[int, ...], sigma: float) -> np.ndarray:
    """Scanner grain: gaussian noise drawn at half resolution and scaled up (cheaper, and
    closer to real sensor noise than per-pixel noise)."""
    h, w = shape
    small = rng.normal(0, sigma, ((h + 1) // 2, (w + 1) // 2)).astype(np.float32)
    return cv2.resize(small, (w, h), interpolation=cv2.INTER_LINEAR)


def degrade_mild(img: Image.Image, rng: np.random.Generator) -> np.ndarray:
    a = np.asarray(img).astype(np.float32)
    a *= 0.95
    a += grain(rng, a.shape, 6) + 6
    a[a > 226] = 250  # the scanner's white point: paper comes out clean
    return np.clip(a, 0, 255).astype(np.uint8)


def degrade_poor(img: Image.Image, rng: np.random.Generator) -> np.ndarray:
    a = np.asarray(img, dtype=np.float32)
    h, w = a.shape
    angle = float(rng.uniform(-2, 2))
    m = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    a = cv2.warpAffine(a, m, (w, h), flags=cv2.INTER_LINEAR, borderValue=255)
    a = cv2.GaussianBlur(a, (0, 0), float(rng.uniform(0.7, 1.0)))
    theta = rng.uniform(0, 2 * np.pi)
    xx = np.arange(w, dtype=np.float32)[None, :] / w
    yy = np.arange(h, dtype=np.float32)[:, None] / h
    g = np.cos(theta) * xx + np.sin(theta) * yy
    g = (g - g.min()) / (g.max() - g.min() + 1e-6)
    light = 1.0 - 0.22 * g
    a = 255 - (255 - a) * 0.92  # faded toner
    a = a * light + grain(rng, a.shape, POOR_GRAIN)
    a = np.clip(a, 0, 255).astype(np.uint8)
    for _ in range(int(rng.integers(250, 600))):
        x, y = int(rng.integers(0, w)), int(rng.integers(0, h))
        cv2.circle(a, (x, y), int(rng.integers(1, 3)), int(rng.integers(30, 110)), -1)
    return a


def jpeg(a: np.ndarray, quality: int) -> bytes:
    buf = io.BytesIO()
    Image.fromarray(a).save(buf, "JPEG", quality=quality)
    return buf.getvalue()


def render_variant(
    spec: dict[str, Any], layout: Layout, digital: bytes, variant: str, path: Path
) -> None:
    key = spec["key"]
    if variant == "digital":
        path.write_bytes(digital)
    elif variant == "scan300":
        imgs = rasterise(digital, 300)
        jpgs = [
            jpeg(degrade_mild(im, rng_for(key, variant, n)), 75)
            for n, im in enumerate(imgs, start=1)
        ]
        path.write_bytes(build_pdf(spec, layout, image_for=lambda n: jpgs[n - 1]))
    elif variant == "scan200poor":
        imgs = rasterise(digital, 200)
        jpgs = []
        for n, im in enumerate(imgs, start=1):
            rng = rng_for(key, variant, n)
            jpgs.append(jpeg(degrade_poor(im, rng), int(rng.integers(35, 51))))
        path.write_bytes(build_pdf(spec, layout, image_for=lambda n: jpgs[n - 1]))
    elif variant == "tiff":
        frames = []
        for n, im in enumerate(rasterise(digital, 300), start=1):
            a = degrade_mild(im, rng_for(key, variant, n))
            frames.append(Image.fromarray(a).point(lambda v: 255 if v > 150 else 0).convert("1"))
        frames[0].save(
            path,
            format="TIFF",
            save_all=True,
            append_images=frames[1:],
            compression="group4",
            dpi=(300, 300),
        )
    elif variant == "mixed":
        scanned = scanned_pages(layout)
        imgs = rasterise(digital, 300)

        def image_for(n: int) -> bytes | None:
            if n not in scanned:
                return None
            return jpeg(degrade_mild(imgs[n - 1], rng_for(key, variant, n)), 75)

        path.write_bytes(build_pdf(spec, layout, image_for=image_for))
    else:
        raise ValueError(f"unknown variant {variant!r}; choose from {', '.join(VARIANTS)}")


def scanned_pages(layout: Layout) -> list[int]:
    return [n for n in MIXED_SCANNED if n <= len(layout.pages)]
