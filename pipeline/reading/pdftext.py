"""PDF text-layer stage: words with boxes from pdfplumber, and the judgement that decides
whether a page's text layer can be trusted or the page must be OCR'd.

A text layer is judged by its words, not by its presence: one that is mostly non-words (a
garbage OCR layer over a scan, ``(cid:NN)`` glyph codes, letters in a wrong encoding) is not
trusted, and the page is OCR'd; the reason goes into the page's provenance. A layer whose words
run together (no space characters in it) is split again with a tighter gap before it is judged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from pipeline.errors import TooLargeError
from pipeline.reading import limits
from pipeline.reading.document import Word
from pipeline.reading.tables import Grid

CID = re.compile(r"\(cid:\d+\)")

# Letter pairs seen at least twice in 48,000 words of English prose (the licence texts of
# /usr/share/common-licenses). Most pairs of a real word are among them; random letters, shifted
# encodings and OCR debris have most of theirs outside.
_BIGRAMS = """
ab ac ad af ag ai aj ak al am an ap aq ar as at au av aw ax ay ba bc bd be bi bj bl bm bo
bp br bs bt bu by ca cc ce cf ch ci ck cl co cq cr cs ct cu cy da dd de df dg di dj dl do
dr ds dt du dv dw dy ea eb ec ed ee ef eg eh ei el em en eo ep eq er es et eu ev ew ex ey
fa fe ff fi fl fo fr fs ft fu fy ga ge gf gg gh gi gl gm gn go gp gr gs gt gu ha hd he hi
hl hn ho hr hs ht hu hw hy ia ib ic id ie if ig ii ik il im in io ip iq ir is it iu iv ix
iz ja je jo jp ju ka ke ki kl kn ks ku la lc ld le lf lg li ll lo lr ls lt lu lv lw ly ma
mb mc me mi ml mm mn mo mp ms mu mv na nc nd ne nf ng ni nj nk nl nm nn no np nr ns nt nu
nv ny oa ob oc od oe of og oh oi ok ol om on oo op or os ot ou ov ow ox oy oz pa pd pe pg
ph pi pl pm pn po pp pr ps pt pu py qu ra rb rc rd re rf rg ri rk rl rm rn ro rp rr rs rt
ru rv rw ry sa sc sd se sf sg sh si sk sl sm so sp sq sr ss st su sw sy ta tb td te tf th
ti tl tm tn to tp tr ts tt tu tw ty ua ub uc ud ue uf ug ui ul um un uo up ur us ut uu va
ve vi vo wa we wh wi wl wn wo wr ws ww xa xc xe xh xi xm xp xt xy ya yb ye yi yl ym yn yo
yp yr ys yt yy yz za ze zi
"""
ENGLISH_BIGRAMS = frozenset(_BIGRAMS.split())
# English words that make up a quarter to a third of any prose; garbage has next to none
_FUNCTION_WORDS = """
a an and are as at be been but by can for from had has have if in into is it its may no not of
on or our should such than that the their there these they this to was we were which who will
with would
"""
FUNCTION_WORDS = frozenset(_FUNCTION_WORDS.split())
TRIM = "([{‘'\"“«)]}’'\"”».,;:!?"
NUMBER = re.compile(r"^[£$€₹#]?\d[\d.,:/%–-]*(st|nd|rd|th|am|pm|[a-z])?$")  # 12, 10:30, 2020-05-01, 3rd
IDENTIFIER = re.compile(r"^[A-Za-z]{1,8}[/._-]?\d+[A-Za-z]?$")  # DP094, CSC15, v1
PART_SPLIT = re.compile(r"['’.&/-]")
MIN_WORD_SHARE = 0.6  # below: mostly non-words
PROSE_WORD_SHARE = 0.8  # below this, a layer must also hold some function words
MIN_FUNCTION_SHARE = 0.03
RUN_TOGETHER_LENGTH = 10.0  # mean characters per word above which words may have run together


def page_words(page: Any, *, x_tolerance: float = 3) -> list[Word]:
    """Words of a pdfplumber page in points, top-left origin (pdfplumber's own convention)."""
    raw = page.extract_words(x_tolerance=x_tolerance, y_tolerance=3, keep_blank_chars=False, use_text_flow=False)
    words = []
    for w in raw:
        text = w["text"].strip()
        if not text:
            continue
        x0, top = max(0.0, float(w["x0"])), max(0.0, float(w["top"]))
        words.append(Word(text=text, bbox=(x0, top, max(x0, float(w["x1"])), max(top, float(w["bottom"])))))
    return words


def is_word(token: str) -> bool | None:
    """Whether a token reads as a word or number; None for a lone symbol (a bullet, a dash)."""
    t = token.strip(TRIM)
    if len(t) <= 1 and not t.isalnum():
        return None
    if NUMBER.match(t) or IDENTIFIER.match(t):
        return True
    parts = [p for p in PART_SPLIT.split(t) if p]
    if not parts or not all(p.isalpha() for p in parts):
        return False
    letters = "".join(parts)
    if not letters.isascii():
        return True  # accents or another script: judged by the words around it
    if len(letters) <= 3 and letters.isupper():
        return True  # DCC, TAC, MP
    return all(_english_letters(p.lower()) for p in parts)


def _english_letters(letters: str) -> bool:
    pairs = [letters[i : i + 2] for i in range(len(letters) - 1)]
    return not pairs or sum(p in ENGLISH_BIGRAMS for p in pairs) >= 0.75 * len(pairs)


@dataclass(frozen=True)
class TextLayer:
    """A page's text layer as read, and whether it can be trusted (``reason`` says why)."""

    words: list[Word]
    usable: bool
    reason: str


def judge_words(words: list[Word], *, min_chars: int) -> TextLayer:
    """Trust a text layer only when it holds enough text and that text is mostly words."""
    tokens = [w.text for w in words]
    cids = sum(1 for t in tokens if CID.search(t))
    plain = [t for t in tokens if not CID.search(t)]
    chars = sum(len(t) for t in plain)
    if tokens and cids >= 0.5 * len(tokens):
        return TextLayer(words, False, f"text layer unusable: {cids} of its {len(tokens)} words are (cid:NN) glyph codes")
    if chars < min_chars:
        return TextLayer(words, False, "no text layer" if not tokens else f"text layer too thin ({chars} characters)")
    verdicts = [v for v in map(is_word, plain) if v is not None]
    share = sum(verdicts) / len(verdicts) if verdicts else 0.0
    function = sum(1 for t in plain if t.strip(TRIM).lower() in FUNCTION_WORDS) / len(plain)
    if share < MIN_WORD_SHARE or (share < PROSE_WORD_SHARE and function < MIN_FUNCTION_SHARE):
        return TextLayer(
            words, False,
            f"text layer unusable: {1 - share:.0%} of its words are not words (a garbage OCR layer or a wrong encoding)",
        )
    return TextLayer(words, True, "text layer")


def text_layer(page: Any, *, min_chars: int) -> TextLayer:
    """The page's words and the judgement on them.

    A layer without space characters gives words that run together ("VotingMembers:"); when
    words are long on average, or the layer fails, they are split again with a tighter gap
    (``x_tolerance=1``), which gives the spaces back, and that reading is kept when it is the
    better one.
    """
    page, dropped = without_turned_text(page)
    layer = judge_words(page_words(page), min_chars=min_chars)
    if not layer.words or (layer.usable and _mean_length(layer.words) <= RUN_TOGETHER_LENGTH):
        return _noted(layer, dropped)
    spaced = judge_words(page_words(page, x_tolerance=1), min_chars=min_chars)
    if spaced.usable and (not layer.usable or _mean_length(spaced.words) < 0.7 * _mean_length(layer.words)):
        return _noted(TextLayer(spaced.words, True, "text layer (its words ran together: split again at the gaps)"),
                      dropped)
    return _noted(layer, dropped)


MAX_TURNED_SHARE = 0.1  # turned characters up to this share of a page's are a watermark or stamp


def _turned(char: dict) -> bool:
    matrix = char.get("matrix") or (1, 0, 0, 1, 0, 0)
    return not char.get("upright", True) or abs(matrix[1]) > 1e-3 or abs(matrix[2]) > 1e-3


def without_turned_text(page: Any) -> tuple[Any, str]:
    """The page without the few characters set at an angle (a diagonal ``DRAFT`` watermark, a
    stamp): pdfplumber would read each of them into whichever body line it crosses
    (``committeeT``, ``the R repair``). A page mostly of turned text (a landscape table set
    sideways) keeps it. Also what was left out, for the page's provenance."""
    chars = page.chars
    turned = [c for c in chars if _turned(c)]
    if not turned or len(turned) > MAX_TURNED_SHARE * len(chars):
        return page, ""
    text = "".join(c.get("text", "") for c in turned)
    return (page.filter(lambda obj: obj.get("object_type") != "char" or not _turned(obj)),
            f"{len(turned)} characters set at an angle left out (a watermark or stamp: {text[:40]!r})")


def _noted(layer: TextLayer, dropped: str) -> TextLayer:
    return TextLayer(layer.words, layer.usable, f"{layer.reason}; {dropped}" if dropped else layer.reason)


def _mean_length(words: list[Word]) -> float:
    return sum(len(w.text) for w in words) / len(words) if words else 0.0


def full_page_image_dpi(page: Any) -> float | None:
    """The resolution of the page's one full-page image, if the page is a single scan."""
    area = float(page.width) * float(page.height)
    big = []
    for img in page.images:
        w = float(img["x1"]) - float(img["x0"])
        h = float(img["bottom"]) - float(img["top"])
        if w * h >= 0.6 * area:
            big.append((img, w))
    if len(big) != 1:
        return None
    img, width_pt = big[0]
    src_w = float(img["srcsize"][0])
    if width_pt <= 0 or src_w <= 0:
        return None
    return src_w / (width_pt / 72.0)


def ruled_grids(page: Any) -> list[Grid]:
    """Ruled tables from pdfplumber's line-based table finder, as grids of cell edges."""
    grids = []
    for table in page.find_tables({"vertical_strategy": "lines", "horizontal_strategy": "lines"}):
        xs = sorted({round(c[0], 1) for c in table.cells} | {round(c[2], 1) for c in table.cells})
        ys = sorted({round(c[1], 1) for c in table.cells} | {round(c[3], 1) for c in table.cells})
        if len(xs) >= 3 and len(ys) >= 2:
            grids.append(Grid(xs=_dedupe(xs), ys=_dedupe(ys)))
    return grids


def _dedupe(values: list[float], tol: float = 2.0) -> list[float]:
    out: list[float] = []
    for v in values:
        if not out or v - out[-1] > tol:
            out.append(v)
    return out


def check_images(page: Any, *, max_pixels: int, number: int) -> None:
    """Refuse a page holding an image that declares more than ``max_pixels`` before any is decoded."""
    for img in page.images:
        width, height = (float(v) for v in img.get("srcsize") or (0, 0))
        limits.check_pixels(width, height, limit=max_pixels, what=f"an image on page {number}")


def render_page(path: str, index: int, dpi: float, *, max_pixels: int | None = None) -> Any:
    """Render one PDF page to a PIL image with pdfium (grayscale).

    With ``max_pixels``, a page that would render larger (a poster, a page declaring an absurd
    size) raises TooLargeError before any memory is taken.
    """
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(path)
    try:
        page = pdf[index]
        if max_pixels is not None:
            width, height = page.get_size()
            limits.check_pixels(
                width * dpi / 72, height * dpi / 72, limit=max_pixels,
                what=f"page {index + 1} ({width / 72:,.0f} x {height / 72:,.0f} inches) rendered at {dpi:g} dpi",
                hint="; lower --dpi or raise --max-pixels",
            )
        bitmap = page.render(scale=dpi / 72.0, grayscale=True)
        image = bitmap.to_pil()
        page.close()
        return image
    finally:
        pdf.close()


def embedded_scan(path: str, index: int, *, max_pixels: int | None = None) -> Any | None:
    """The page's one scanned image, decoded as stored, when it fills the page upright.

    Decoding the stored image costs a fraction of rendering the page (about 0.06 s against
    0.25 s for an A4 page at 300 dpi) and gives the same pixels at the scan's own resolution.
    Anything else (rotated or flipped placement, a rotated page, several images) returns
    None, and the caller renders the page. An image larger than ``max_pixels`` raises
    TooLargeError before it is decoded.
    """
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    pdf = pdfium.PdfDocument(path)
    try:
        page = pdf[index]
        if page.get_rotation() != 0:
            return None
        images = list(page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_IMAGE,), max_depth=1))
        if len(images) != 1:
            return None
        m = images[0].get_matrix()
        width, height = page.get_size()
        if abs(m.b) > 1e-6 or abs(m.c) > 1e-6 or m.a < 0.9 * width or m.d < 0.9 * height:
            return None
        if max_pixels is not None:
            limits.check_pixels(*images[0].get_px_size(), limit=max_pixels, what=f"the scan on page {index + 1}")
        return images[0].get_bitmap(render=False).to_pil()
    except TooLargeError:
        raise
    except pdfium.PdfiumError:
        return None
    finally:
        pdf.close()
