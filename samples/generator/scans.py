"""Rendering of the drawn splits: ``digital``, ``scan`` (clean) and ``poor`` (heavily degraded).

The paper is the digital page plus what a reader's pen or the post room added (a stamp, a
handwritten tick), drawn by reportlab; a scan rasterises the paper and degrades it. All
parameters are drawn from ranges with RNGs seeded by key, variant and page, so rendering is
deterministic.

- ``scan``: 200–300 dpi, grayscale or colour, skew within ±1°, light blur and grain, faint
  bleed-through on some documents, JPEG quality 60–90.
- ``poor``: 150–200 dpi, skew within ±3°, blur, noise and specks, JPEG quality 30–55, and
  (drawn per document) bleed-through, photocopy darkening (grey paper, thickened strokes, dark
  edges, a toner streak), faded toner, uneven light, colour.
"""

from __future__ import annotations

import io
import math
import zlib
from pathlib import Path
from typing import Any

import cv2
import numpy as np
import pypdfium2 as pdfium
from PIL import Image
from reportlab.pdfgen.canvas import Canvas

from .layout import PAGE_H, PAGE_W, Layout
from .render import build_pdf

SPLIT_VARIANTS = {"digital": "pdf", "scan": "pdf", "poor": "pdf"}


def rng_for(*parts: object) -> np.random.Generator:
    return np.random.default_rng(zlib.crc32("|".join(str(p) for p in parts).encode()))


# -- the paper: stamps and handwriting --------------------------------------------------
def paper_marks(spec: dict[str, Any], layout: Layout) -> dict[int, list[dict[str, Any]]]:
    """What is on the paper besides the print, per page: a stamp on the first page and/or
    handwritten ticks in the margin (about four documents in five carry one or both)."""
    rng = rng_for(spec["key"], "paper", 0)
    marks: dict[int, list[dict[str, Any]]] = {}
    r = rng.random()
    stamp = r < 0.55
    tick = r > 0.35 or rng.random() < 0.15
    if r > 0.92:
        stamp = tick = False
    if stamp:
        d = spec["meeting"]["meeting_date"]
        y, m, day = (int(x) for x in d.split("-"))
        months = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]
        day2 = min(28, day + int(rng.integers(2, 12)))
        kind = int(rng.integers(0, 4))
        lines = [
            ["RECEIVED", f"{day2:02d} {months[m - 1]} {y}"],
            ["APPROVED", f"{day2:02d} {months[m - 1]} {y}", "Signed ________"],
            ["COPY"],
            ["FILED", f"Ref ____  {day2:02d}/{m:02d}/{y % 100:02d}"],
        ][kind]
        colour = [(0.78, 0.12, 0.14), (0.15, 0.2, 0.62), (0.45, 0.15, 0.5)][int(rng.integers(0, 3))]
        marks.setdefault(1, []).append({
            "kind": "stamp", "lines": lines, "colour": colour,
            "x": float(rng.uniform(PAGE_W * 0.52, PAGE_W * 0.66)),
            "y": float(rng.uniform(PAGE_H - 150, PAGE_H - 95)),
            "angle": float(rng.uniform(-9, 9)),
        })
    if tick:
        n_pages = len(layout.pages)
        for _ in range(int(rng.integers(1, 4))):
            page = int(rng.integers(1, n_pages + 1))
            ink = [(0.1, 0.15, 0.55), (0.08, 0.08, 0.1)][int(rng.integers(0, 2))]
            ml = float(spec["style"].get("margin_l", 62.0))
            marks.setdefault(page, []).append({
                "kind": "tick", "colour": ink,
                "x": float(rng.uniform(max(12.0, ml - 40), max(16.0, ml - 16))),
                "y": float(rng.uniform(120, PAGE_H - 160)),
                "size": float(rng.uniform(9, 16)),
                "width": float(rng.uniform(0.9, 1.8)),
                "wobble": [float(v) for v in rng.uniform(-1.2, 1.2, 4)],
            })
    return marks


def draw_marks(c: Canvas, marks: list[dict[str, Any]]) -> None:
    for mk in marks:
        c.saveState()
        c.setStrokeColorRGB(*mk["colour"])
        c.setFillColorRGB(*mk["colour"])
        if mk["kind"] == "stamp":
            c.translate(mk["x"], mk["y"])
            c.rotate(mk["angle"])
            lines = mk["lines"]
            w = 118.0 if len(lines) > 1 else 80.0
            h = 16.0 + 15.0 * len(lines)
            c.setLineWidth(2.0)
            c.roundRect(0, 0, w, h, 5, stroke=1, fill=0)
            c.setLineWidth(0.8)
            c.roundRect(3, 3, w - 6, h - 6, 4, stroke=1, fill=0)
            for k, text in enumerate(lines):
                size = 13.0 if k == 0 else 9.5
                c.setFont("Helvetica-Bold" if k == 0 else "Courier-Bold", size)
                c.drawCentredString(w / 2, h - 19 - 15 * k, text)
        else:  # a tick drawn by hand: two strokes with a slight wobble
            x, y, s = mk["x"], mk["y"], mk["size"]
            wb = mk["wobble"]
            c.setLineWidth(mk["width"])
            c.setLineCap(1)
            p = c.beginPath()
            p.moveTo(x, y + s * 0.45)
            p.curveTo(x + s * 0.15, y + s * 0.3 + wb[0], x + s * 0.25, y + wb[1], x + s * 0.33, y)
            p.curveTo(x + s * 0.5, y + s * 0.5 + wb[2], x + s * 0.8, y + s * 0.95, x + s * 1.1, y + s * 1.2 + wb[3])
            c.drawPath(p, stroke=1, fill=0)
        c.restoreState()


def paper_pdf(spec: dict[str, Any], layout: Layout) -> bytes:
    marks = paper_marks(spec, layout)
    return build_pdf(spec, layout, overlay=lambda c, n: draw_marks(c, marks.get(n, [])))


# -- scanning -------------------------------------------------------------------------
def rasterise(pdf: bytes, dpi: int, colour: bool) -> list[np.ndarray]:
    doc = pdfium.PdfDocument(pdf)
    try:
        out = []
        for i in range(len(doc)):
            img = doc[i].render(scale=dpi / 72, grayscale=not colour).to_pil()
            img = img.convert("RGB" if colour else "L")
            out.append(np.asarray(img, dtype=np.float32))
        return out
    finally:
        doc.close()


def scan_params(key: str, variant: str) -> dict[str, Any]:
    """Per-document scanner settings, drawn from the variant's ranges."""
    rng = rng_for(key, variant, "doc")
    if variant == "scan":
        dpi = int(rng.choice([200, 240, 300]))
        return {
            "dpi": dpi,
            "colour": bool(dpi < 300 and rng.random() < 0.4),
            "skew": float(rng.uniform(-0.6, 0.6)),
            "skew_page": 0.3,
            "blur": float(rng.uniform(0.0, 0.5)),
            "grain": float(rng.uniform(2.5, 5.5)),
            "specks": (0, 40),
            "quality": (int(rng.integers(60, 80)), 90),
            "bleed": float(rng.uniform(0.03, 0.08)) if rng.random() < 0.3 else 0.0,
            "photocopy": False,
            "faded": 0.0,
            "light": float(rng.uniform(0.0, 0.06)),
            "shift": 6,
        }
    photocopy = bool(rng.random() < 0.5)
    return {
        "dpi": int(rng.choice([150, 175, 200])),
        "colour": bool(rng.random() < 0.25),
        "skew": float(rng.uniform(-2.2, 2.2)),
        "skew_page": 0.8,
        "blur": float(rng.uniform(0.55, 1.0)),
        "grain": float(rng.uniform(4.0, 9.0)),
        "specks": (150, 650),
        "quality": (30, int(rng.integers(40, 56))),
        "bleed": float(rng.uniform(0.08, 0.2)) if rng.random() < 0.5 else 0.0,
        "photocopy": photocopy,
        "faded": 0.0 if photocopy or rng.random() < 0.6 else float(rng.uniform(0.12, 0.3)),
        "light": float(rng.uniform(0.08, 0.25)) if rng.random() < 0.7 else 0.0,
        "shift": 14,
    }


def _noise(rng: np.random.Generator, shape: tuple[int, int], sigma: float) -> np.ndarray:
    h, w = shape
    small = rng.normal(0, sigma, ((h + 1) // 2, (w + 1) // 2)).astype(np.float32)
    return cv2.resize(small, (w, h), interpolation=cv2.INTER_LINEAR)


def degrade(a: np.ndarray, verso: np.ndarray | None, p: dict[str, Any],
            rng: np.random.Generator) -> np.ndarray:
    """One page image (float32, 0–255, gray or RGB) through paper, copier and scanner."""
    colour = a.ndim == 3
    h, w = a.shape[:2]
    dpi = p["dpi"]
    if colour:  # paper tint
        a = a * np.array([1.0, 0.985, 0.94], dtype=np.float32)
    if p["bleed"] and verso is not None:  # the other side of the sheet shows through
        v = verso.mean(axis=2) if verso.ndim == 3 else verso
        small = cv2.resize(np.ascontiguousarray(v[:, ::-1]), (w // 4, h // 4), interpolation=cv2.INTER_AREA)
        small = cv2.GaussianBlur(small, (0, 0), dpi / 440)
        dark = cv2.resize((255.0 - small) * p["bleed"], (w, h), interpolation=cv2.INTER_LINEAR)
        a = a - (dark[:, :, None] if colour else dark)
    if p["faded"]:
        a = 255 - (255 - a) * (1 - p["faded"])
    if p["photocopy"]:
        k = max(2, round(dpi / 110))
        a = cv2.erode(a, np.ones((k, k), np.uint8))  # toner spreads: strokes thicken
        a = (a - 255) * 1.15 + 255 - float(rng.uniform(25, 55))  # grey paper, darker ink
        # dark edges where the lid did not cover, and a toner streak
        edge = np.ones((h, w), np.float32)
        band = int(rng.integers(dpi // 12, dpi // 5))
        side = int(rng.integers(0, 4))
        ramp = np.linspace(0.35, 1.0, band, dtype=np.float32)
        if side == 0:
            edge[:, :band] *= ramp[None, :]
        elif side == 1:
            edge[:, w - band:] *= ramp[::-1][None, :]
        elif side == 2:
            edge[:band, :] *= ramp[:, None]
        else:
            edge[h - band:, :] *= ramp[::-1][:, None]
        x0 = int(rng.integers(w // 10, w - w // 10))
        sw = int(rng.integers(2, 6))
        edge[:, x0:x0 + sw] *= float(rng.uniform(0.8, 0.92))
        a = a * (edge[:, :, None] if colour else edge)
    # skew and misplacement on the glass
    angle = float(np.clip(p["skew"] + rng.uniform(-p["skew_page"], p["skew_page"]), -3.0, 3.0))
    dx, dy = (float(v) for v in rng.uniform(-p["shift"], p["shift"], 2) * dpi / 100)
    m = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    m[0, 2] += dx
    m[1, 2] += dy
    border = (255, 255, 255) if colour else 255
    a = cv2.warpAffine(a, m, (w, h), flags=cv2.INTER_LINEAR, borderValue=border)
    if p["blur"] > 0.05:
        a = cv2.GaussianBlur(a, (0, 0), p["blur"] * dpi / 200)
    if p["light"]:
        theta = rng.uniform(0, 2 * np.pi)
        xx = np.arange(w, dtype=np.float32)[None, :] / w
        yy = np.arange(h, dtype=np.float32)[:, None] / h
        g = math.cos(theta) * xx + math.sin(theta) * yy
        g = (g - g.min()) / (g.max() - g.min() + 1e-6)
        light = 1.0 - p["light"] * g
        a = a * (light[:, :, None] if colour else light)
    noise = _noise(rng, (h, w), p["grain"])
    a = a + (noise[:, :, None] if colour else noise)
    if not p["photocopy"]:  # the scanner's white point
        bright = a > 232
        a[bright] = np.minimum(a[bright] + 10, 252)
    a = np.clip(a, 0, 255).astype(np.uint8)
    lo, hi = p["specks"]
    n_specks = int(rng.integers(lo, hi + 1) * (w * h) / (1654 * 2339)) if hi else 0
    for _ in range(n_specks):
        x, y = int(rng.integers(0, w)), int(rng.integers(0, h))
        r = int(rng.integers(1, max(2, dpi // 75)))
        v = int(rng.integers(20, 120))
        cv2.circle(a, (x, y), r, (v, v, v) if colour else v, -1)
    return a


def jpeg(a: np.ndarray, quality: int) -> bytes:
    buf = io.BytesIO()
    Image.fromarray(a).save(buf, "JPEG", quality=quality, optimize=False)
    return buf.getvalue()


def render_split_variant(spec: dict[str, Any], layout: Layout, digital: bytes, variant: str,
                         path: Path) -> None:
    if variant == "digital":
        path.write_bytes(digital)
        return
    if variant not in SPLIT_VARIANTS:
        raise ValueError(f"unknown variant {variant!r}; choose from {', '.join(SPLIT_VARIANTS)}")
    key = spec["key"]
    p = scan_params(key, variant)
    pages = rasterise(paper_pdf(spec, layout), p["dpi"], p["colour"])
    jpgs = []
    for n, a in enumerate(pages, start=1):
        rng = rng_for(key, variant, n)
        verso = pages[n] if n < len(pages) else (pages[n - 2] if n > 1 else None)
        out = degrade(a, verso, p, rng)
        lo, hi = p["quality"]
        jpgs.append(jpeg(out, int(rng.integers(lo, hi + 1))))
    path.write_bytes(build_pdf(spec, layout, image_for=lambda n: jpgs[n - 1], title=""))
