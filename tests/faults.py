"""The bad-input corpus: every kind of file that once broke or fooled an archive run, written
into a folder at test time (nothing binary is kept in the repository), with what each must
become: a meetings row (``GOOD``) or an errors row (``BAD``); ``EITHER`` for files whose
outcome depends on how lenient a reader is, which must only be accounted for.

``write_corpus(root)`` writes it and returns ``{relative path: expectation}``;
``python tests/faults.py DIR`` writes it for a look by hand.
"""

from __future__ import annotations

import io
import os
import random
import struct
import sys
import zlib
from pathlib import Path

from PIL import Image

REPO = Path(__file__).resolve().parents[1]
RENDERED = REPO / "samples" / "rendered"
SEED = REPO / "samples" / "csc_15_seed__ocrtext.txt"

GOOD, BAD, EITHER = "meeting", "error", "either"


# ------------------------------------------------------------------ small builders


def pdf_bytes(objects: list[bytes], *, root: int = 1, extra_trailer: bytes = b"") -> bytes:
    """A PDF from numbered object bodies (object i+1 is ``objects[i]``) with a correct xref table."""
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root %d 0 R %s>>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, root, extra_trailer, xref))
    return out.getvalue()


def stream(data: bytes, head: bytes = b"") -> bytes:
    return b"<< /Length %d %s>>\nstream\n" % (len(data), head) + data + b"\nendstream"


def one_page_pdf(content: bytes, *, resources: bytes = b"<< >>", extra: list[bytes] | None = None,
                 media: bytes = b"[0 0 595 842]", flate: bool = False) -> bytes:
    """Catalog, pages, one page with ``content``; ``extra`` objects are numbers 5, 6, ..."""
    body = stream(zlib.compress(content), b"/Filter /FlateDecode ") if flate else stream(content)
    return pdf_bytes([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox " + media + b" /Resources " + resources + b" /Contents 4 0 R >>",
        body,
        *(extra or []),
    ])


def scan_page(dpi: int = 150, page: int = 0) -> Image.Image:
    """Page ``page`` of a rendered sample scan, grey, at ``dpi``."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(RENDERED / "csc_14__scan300.pdf"))
    try:
        return pdf[page].render(scale=dpi / 72, grayscale=True).to_pil()
    finally:
        pdf.close()


def scan_under_layer(image: Image.Image, layer: bytes, *, font: bytes) -> bytes:
    """A one-page PDF: ``image`` filling an A4 page, with ``layer`` as invisible text (render mode 3) over it."""
    jpeg = io.BytesIO()
    image.save(jpeg, format="JPEG", quality=85)
    content = b"q 595 0 0 842 0 0 cm /Im1 Do Q\nBT 3 Tr /F1 9 Tf 11 TL 60 800 Td\n" + layer + b"\nET"
    return one_page_pdf(
        content,
        resources=b"<< /XObject << /Im1 5 0 R >> /Font << /F1 6 0 R >> >>",
        extra=[
            stream(jpeg.getvalue(), b"/Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray "
                   b"/BitsPerComponent 8 /Filter /DCTDecode " % image.size),
            font,
            b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Nonesuch /CIDSystemInfo << /Registry (Adobe) "
            b"/Ordering (Identity) /Supplement 0 >> /FontDescriptor 8 0 R /DW 500 >>",
            b"<< /Type /FontDescriptor /FontName /Nonesuch /Flags 4 /FontBBox [0 0 1000 1000] /ItalicAngle 0 "
            b"/Ascent 800 /Descent -200 /CapHeight 700 /StemV 80 >>",
        ],
    )


HELVETICA = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
CID_FONT = b"<< /Type /Font /Subtype /Type0 /BaseFont /Nonesuch /Encoding /Identity-H /DescendantFonts [7 0 R] >>"


def garbage_lines(rng: random.Random, lines: int = 40) -> bytes:
    """What a failed OCR engine leaves as a page's text layer: letters that make no words."""
    out = []
    for _ in range(lines):
        words = ["".join(rng.choice("bcdfghjklmnpqrstvwxzqxkz") + rng.choice("aeiou#@~%") * rng.randint(0, 1)
                         + rng.choice("bcdfghjklmnpqrstvwxz") * rng.randint(1, 4) for _ in range(1))
                 for _ in range(rng.randint(6, 10))]
        out.append(b"(" + " ".join(words).encode() + b") '")
    return b"\n".join(out)


def cid_lines(rng: random.Random, lines: int = 40) -> bytes:
    """Glyph codes of a font with no text mapping: pdfminer reads them as ``(cid:NN)``."""
    return b"\n".join(b"<" + b"".join(b"%04X" % rng.randint(3, 90) for _ in range(40)) + b"> '" for _ in range(lines))


def png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def png_bomb(width: int, height: int) -> bytes:
    """A small PNG that declares ``width`` x ``height`` grey pixels (its data stops early)."""
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    data = zlib.compress(b"\0" * (width + 1) * 64, 9)
    return b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", header) + png_chunk(b"IDAT", data) + png_chunk(b"IEND", b"")


def tiff_bomb(width: int, height: int) -> bytes:
    """A TIFF header and one directory declaring a huge uncompressed grey strip."""
    entries = [(256, 4, 1, width), (257, 4, 1, height), (258, 3, 1, 8), (259, 3, 1, 1), (262, 3, 1, 1),
               (273, 4, 1, 8 + 2 + 12 * 9 + 4), (277, 3, 1, 1), (278, 4, 1, height), (279, 4, 1, width * height)]
    ifd = struct.pack("<H", len(entries)) + b"".join(
        struct.pack("<HHI", tag, kind, count) + (struct.pack("<HH", value, 0) if kind == 3 else struct.pack("<I", value))
        for tag, kind, count, value in entries) + struct.pack("<I", 0)
    return b"II*\x00" + struct.pack("<I", 8) + ifd + b"\0" * 4096


def minutes_text(*, with_formulas: bool = False) -> str:
    text = SEED.read_text(encoding="utf-8")
    if with_formulas:  # cells a spreadsheet would run: a decision, an attendee and an action that start like formulas
        text = text.replace("The CSC APPROVED the minutes as written.",
                            "=HYPERLINK(\"http://x\",\"y\") The CSC APPROVED the minutes as written.")
        text = text.replace("CSC 15/01: SECAS to invite", "CSC 15/01: @SUM(A1) SECAS to invite")
        text = "+cmd|' /C calc'!A0\n-2+3\n" + text
    return text


# ------------------------------------------------------------------ the corpus


def write_corpus(root: Path) -> dict[str, str]:
    """Write the corpus under ``root``; returns {path relative to root: GOOD | BAD | EITHER}."""
    rng = random.Random(20250131)
    root.mkdir(parents=True, exist_ok=True)
    expect: dict[str, str] = {}

    def put(name: str, data: bytes | str, outcome: str) -> Path:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        expect[name] = outcome
        return path

    digital = (RENDERED / "cb_55__digital.pdf").read_bytes()
    scan = scan_page(150)
    scan_png = io.BytesIO()
    scan.save(scan_png, format="PNG", dpi=(150, 150))
    scan_jpg = io.BytesIO()
    scan.save(scan_jpg, format="JPEG", quality=80, dpi=(150, 150))

    # good files, some dressed badly: each must become a meeting
    put("good/csc_15_seed.txt", SEED.read_bytes(), GOOD)
    put("good/cb_55.pdf", digital, GOOD)
    put("good/ops_31.pdf", (RENDERED / "ops_31__digital.pdf").read_bytes(), GOOD)
    put("misnamed/scan_png_named.pdf", scan_png.getvalue(), GOOD)  # a PNG named .pdf
    put("misnamed/digital_pdf_named.png", digital, GOOD)  # a PDF named .png
    put("misnamed/seed_text_named.jpg", SEED.read_bytes(), GOOD)  # text named .jpg
    put("text/utf16_bom.txt", minutes_text().encode("utf-16"), GOOD)
    put("text/utf16le_no_bom.txt", minutes_text().encode("utf-16-le"), GOOD)
    put("text/nul_bytes.txt", minutes_text().replace("\n\n", "\n\0\n", 5).encode("utf-8"), GOOD)
    put("text/cp1252.txt", minutes_text().replace("Panel", "Panel – café").encode("cp1252"), GOOD)
    put("layers/garbage_ocr_layer_over_scan.pdf", scan_under_layer(scan, garbage_lines(rng), font=HELVETICA), GOOD)
    put("layers/cid_layer_over_scan.pdf", scan_under_layer(scan, cid_lines(rng), font=CID_FONT), GOOD)
    put("formula/formula_content.txt", minutes_text(with_formulas=True), GOOD)
    put("formula/=HYPERLINK(1).txt", "The Panel AGREED that DP094 proceeds to the Refinement Process.\n", GOOD)
    put("formula/-minus.txt", "The Panel NOTED the update on MP100.\n", GOOD)
    put("folder_named.pdf/inside.txt", "The Panel APPROVED the minutes of the last meeting.\n", GOOD)

    # bombs and limits
    put("limits/bomb_30000x30000.png", png_bomb(30000, 30000), BAD)
    put("limits/bomb_7000x7000.png", png_bomb(7000, 7000), BAD)  # under Pillow's own limit, over --max-pixels
    put("limits/bomb.tif", tiff_bomb(40000, 40000), BAD)
    put("limits/huge_declared_page.pdf", one_page_pdf(b"0 0 m 10 10 l S", media=b"[0 0 14400 14400]"), BAD)
    put("limits/huge_image_in_pdf.pdf", one_page_pdf(
        b"q 595 0 0 842 0 0 cm /Im1 Do Q", resources=b"<< /XObject << /Im1 5 0 R >> >>",
        extra=[stream(zlib.compress(b"\0" * 65536), b"/Type /XObject /Subtype /Image /Width 100000 /Height 100000 "
                      b"/ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode ")]), BAD)
    put("limits/huge_text.txt", "The Panel NOTED the update.\n" * 650_000, BAD)  # 18 MB: more than a .txt may hold
    put("limits/very_long_line.txt", " ".join(["agreed"] * 300_000), EITHER)

    # truncated and damaged
    put("truncated/half.pdf", digital[: len(digital) // 2], EITHER)  # pdfminer may still find the first pages
    put("truncated/header_only.pdf", digital[:400], BAD)
    put("truncated/half.png", scan_png.getvalue()[: len(scan_png.getvalue()) // 2], BAD)
    put("truncated/half.jpg", scan_jpg.getvalue()[: len(scan_jpg.getvalue()) // 2], EITHER)  # JPEG decoders pad
    frames = [scan_page(100, i) for i in range(3)]
    tiff = io.BytesIO()
    frames[0].save(tiff, format="TIFF", save_all=True, append_images=frames[1:], compression="tiff_lzw")
    put("truncated/multipage.tif", tiff.getvalue()[: len(tiff.getvalue()) * 2 // 3], EITHER)
    put("damaged/garbage_after_header.pdf", b"%PDF-1.7\n" + rng.randbytes(20_000), BAD)
    put("damaged/zero_pages.pdf", pdf_bytes([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>"]), BAD)
    put("damaged/encrypted.pdf", _encrypted_pdf(), BAD)
    put("damaged/deep_nesting.pdf", one_page_pdf(b"[" * 50_000 + b"]" * 50_000), EITHER)

    # not minutes at all
    put("types/postscript_named.png", b"%!PS-Adobe-3.0 EPSF-3.0\n%%BoundingBox: 0 0 100 100\n(/tmp/pwned) (w) file\nshowpage\n", BAD)
    put("types/random_bytes.txt", rng.randbytes(8192), BAD)
    put("types/zip_named.pdf", b"PK\x03\x04" + rng.randbytes(2000), BAD)
    gif = io.BytesIO()
    Image.new("L", (50, 50), 128).save(gif, format="GIF")
    put("types/gif_named.png", gif.getvalue(), BAD)
    put("empty/empty.pdf", b"", BAD)
    put("empty/empty.txt", b"", BAD)
    put("empty/empty.png", b"", BAD)
    put("empty/blank_lines.txt", "\n \n\t\n", BAD)

    # what is not a file
    links = root / "links"
    links.mkdir(exist_ok=True)
    (links / "loop_a.pdf").symlink_to("loop_b.pdf")
    (links / "loop_b.pdf").symlink_to("loop_a.pdf")
    (links / "dangling.pdf").symlink_to("nowhere.pdf")
    (links / "parent_folder").symlink_to("..")  # a link to a folder above: not followed (it would loop)
    expect.update({"links/loop_a.pdf": BAD, "links/loop_b.pdf": BAD, "links/dangling.pdf": BAD})
    os.mkfifo(root / "links" / "pipe.txt")  # reading a pipe would block the run forever
    expect["links/pipe.txt"] = BAD
    if os.geteuid() != 0:  # as root (CI, this machine) permissions never stop a read: the class is skipped there
        locked = put("damaged/unreadable.pdf", digital, BAD)
        locked.chmod(0)
    (root / "notes.docx").write_bytes(b"PK\x03\x04")  # not named as an input: listed as skipped, no row
    return expect


def _encrypted_pdf() -> bytes:
    from reportlab.lib import pdfencrypt
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, encrypt=pdfencrypt.StandardEncryption("secret", ownerPassword="owner"))
    c.drawString(72, 720, "The Panel AGREED that DP094 proceeds.")
    c.showPage()
    c.save()
    return buf.getvalue()


if __name__ == "__main__":
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "fault_corpus")
    for name, outcome in sorted(write_corpus(out).items()):
        print(f"{outcome:7} {name}")
