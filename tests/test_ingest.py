"""Ingestion unit and end-to-end tests: text input, fault isolation, bad input, orientation,
garbage text layers, and real minutes from other committees (../shared/real)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import RENDERED, SEED, gold, require
from PIL import Image

from pipeline.batch.schedule import read_document, read_documents
from pipeline.devtools.textmetrics import cer, normalise
from pipeline.errors import OcrError
from pipeline.reading import ocr
from pipeline.reading.document import Line, Word, page_from_dict, page_to_dict
from pipeline.reading.pdftext import render_page
from pipeline.reading.sources import InputFile, discover
from pipeline.settings import Settings


def test_seed_text_keeps_body_and_drops_furniture() -> None:
    doc = read_document(SEED)
    assert [p.method for p in doc.pages] == ["text"]
    text = doc.text
    assert "The CSC APPROVED the minutes as written." in text
    assert "CSC 15/01: SECAS to invite the Proposer of DP108" in text
    assert "Page 1 of 7" not in text
    assert "classified as" not in text
    removed = " ".join(ln.text for ln in doc.pages[0].removed)
    assert "Page 1 of 7" in removed and "classified as White" in removed


def test_text_pages_split_on_form_feed(tmp_path: Path) -> None:
    path = tmp_path / "two.txt"
    path.write_text("First page line\n\nThe Panel agreed that MP100 proceeds.\f Second page\nPage 2 of 2\n", encoding="utf-8")
    doc = read_document(path)
    assert [p.number for p in doc.pages] == [1, 2]
    assert "The Panel agreed that MP100 proceeds." in doc.pages[0].text
    assert doc.pages[1].text == "Second page"


def test_hyphenated_words_are_rejoined(tmp_path: Path) -> None:
    path = tmp_path / "hyph.txt"
    path.write_text("the issue must be con-\nsidered by the ENA-\nrequired default and no-\nWAN meters\n", encoding="utf-8")
    text = read_document(path).text
    assert "considered" in text
    assert "ENA-\nrequired" in text and "no-\nWAN" in text


class CrashOnSecondPage:
    """Fault injection: real Tesseract, except that the second page's OCR crashes."""

    def __init__(self) -> None:
        self.calls = 0
        self.real = ocr.TesseractEngine()

    def recognize(self, image: Image.Image, *, settings: Settings) -> list[ocr.OcrWord]:
        self.calls += 1
        if self.calls == 2:
            raise OcrError("tesseract crashed (injected)")
        return self.real.recognize(image, settings=settings)


def test_a_crashing_page_leaves_the_others_extracted(tmp_path: Path) -> None:
    src = RENDERED / "cb_55__scan300.pdf"
    frames = [render_page(str(src), i, 150) for i in range(3)]
    tiff = tmp_path / "three.tif"
    frames[0].save(tiff, save_all=True, append_images=frames[1:], dpi=(150, 150))
    doc = read_document(tiff, settings=Settings(detect_orientation=False), engine=CrashOnSecondPage())
    assert [p.number for p in doc.pages] == [1, 3]
    assert [(e.page, e.error_type) for e in doc.errors] == [(2, "OcrError")]
    assert cer(doc.pages[0].text, gold("cb_55")["pages"][0]) < 0.05


def test_page_timeout_becomes_an_error_row(tmp_path: Path) -> None:
    img = render_page(str(RENDERED / "cb_55__scan300.pdf"), 0, 300)
    path = tmp_path / "slow.png"
    img.save(path, dpi=(300, 300))
    doc = read_document(path, settings=Settings(page_timeout=0.01, detect_orientation=False))
    assert doc.pages == []
    assert doc.errors[0].error_type == "OcrTimeoutError"
    assert "--page-timeout" in doc.errors[0].message


def test_bad_files_are_listed_and_the_batch_goes_on(tmp_path: Path) -> None:
    broken = tmp_path / "broken.pdf"
    broken.write_bytes((RENDERED / "cb_55__digital.pdf").read_bytes()[:400])
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n")
    good = tmp_path / "good.txt"
    good.write_text("The Panel APPROVED the minutes.\n")
    items = [InputFile(p, str(p)) for p in (broken, empty, good)]
    docs = list(read_documents(items, settings=Settings(workers=1)))
    assert [d.source_file for d in docs] == [str(broken), str(empty), str(good)]
    assert docs[0].errors and "not a readable PDF" in docs[0].errors[0].message
    assert docs[1].errors and "empty" in docs[1].errors[0].message
    assert not docs[2].errors and docs[2].pages


def test_discover_recurses_and_reports_skipped(tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "m.txt").write_text("x")
    (tmp_path / "a" / "notes.docx").write_text("x")
    (tmp_path / "scan.TIF").write_bytes(b"")
    found, skipped = discover([tmp_path])
    assert sorted(Path(f.source_file).name for f in found) == ["m.txt", "scan.TIF"]
    assert [p.name for p in skipped] == ["notes.docx"]


def test_sideways_scan_is_turned_upright(tmp_path: Path) -> None:
    img = render_page(str(RENDERED / "cb_55__scan300.pdf"), 1, 300).rotate(90, expand=True)
    path = tmp_path / "sideways.png"
    img.save(path, dpi=(300, 300))
    doc = read_document(path)
    page = doc.pages[0]
    assert page.rotation in (90, 270)
    assert cer(page.text, gold("cb_55")["pages"][1]) < 0.05


def test_garbage_text_layer_is_ocrd_instead(tmp_path: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    img_path = tmp_path / "page.png"
    render_page(str(RENDERED / "cb_55__digital.pdf"), 1, 200).save(img_path)
    pdf = tmp_path / "bad_layer.pdf"
    c = canvas.Canvas(str(pdf), pagesize=A4, invariant=1)
    c.drawImage(str(img_path), 0, 0, width=A4[0], height=A4[1])
    text = c.beginText(72, 700)
    text.setTextRenderMode(3)  # invisible, as an OCR layer is
    for _ in range(30):
        text.textLine("xq3#zk Vv@@p ##9 lmq&& ~~r4t ^^ \\\\ zzqx")
    c.drawText(text)
    c.showPage()
    c.save()
    doc = read_document(pdf)
    assert doc.pages[0].method == "ocr"
    assert cer(doc.pages[0].text, gold("cb_55")["pages"][1]) < 0.05


# ------------------------------------------------------------- real minutes (shared/real)


def _transcript_tables(text: str) -> list[list[list[str]]]:
    tables: list[list[list[str]]] = []
    current: list[list[str]] = []
    for line in text.splitlines():
        if " | " in line and line.startswith(("Name |",)):
            current = [line.split(" | ")]
            tables.append(current)
        elif " | " in line and current:
            current.append(line.split(" | "))
        else:
            current = []
    return tables


def test_real_scan_attendee_tables(real_dir: Path) -> None:
    doc = read_document(real_dir / "notlpc_20190123_scanned.pdf")
    assert [p.method for p in doc.pages] == ["ocr"] * 4
    want = _transcript_tables((real_dir / "notlpc_20190123_scanned.txt").read_text(encoding="utf-8"))[:3]
    got = [t.rows for t in doc.pages[0].tables if t.rows and t.rows[0][0] == "Name"]
    assert len(got) == 3
    for g, w in zip(got, want, strict=True):
        assert len(g) == len(w)
        assert [r[0] for r in g] == [r[0] for r in w]  # names exactly
        assert all(cer(" ".join(a), " ".join(b)) < 0.05 for a, b in zip(g, w, strict=True))
    text = doc.pages[0].text
    for heading in ("PRESENT:", "IN ATTENDANCE:", "APOLOGIES:"):
        assert heading in text
    # how surely each word was read, tables' words included, kept through the page cache's JSON
    page = doc.pages[0]
    confidence = page.word_confidence
    assert all(0 <= c <= 100 for c in confidence.values())
    assert {w for r in got[0] for w in r[0].split()} <= set(confidence)
    assert page_from_dict(json.loads(json.dumps(page_to_dict(page)))).word_confidence == confidence


def test_real_scan_words_match_transcript(real_dir: Path) -> None:
    doc = read_document(real_dir / "notlpc_20190123_scanned.pdf")
    transcript = (real_dir / "notlpc_20190123_scanned.txt").read_text(encoding="utf-8")
    words = lambda t: re.findall(r"[a-z]{3,}", normalise(t).lower())  # noqa: E731
    want, got = words(transcript), set(words(doc.text))
    recall = sum(1 for w in want if w in got) / len(want)
    print(f"word recall of the scanned real minutes against its transcript: {recall:.3f}")
    assert recall >= 0.95


def test_real_digital_pages_use_the_text_layer(real_dir: Path) -> None:
    doc = read_document(real_dir / "notlpc_20170301.pdf")
    assert {p.method for p in doc.pages} == {"pdf"}
    present = doc.pages[0].tables[1].rows
    assert present[0] == ["Name", "Organisation", "Affilliation"]
    assert present[1] == ["Simon Clark", "Tesco", "CCA"]
    assert len(present) == 14


def _line(y: float, *runs: tuple[float, str], height: float = 10, space: float = 4) -> Line:
    """A line of words at height ``y``: each run starts at its x, words 6 pt a letter apart."""

    words = []
    for x, text in runs:
        for w in text.split():
            words.append(Word(w, (x, y, x + 6 * len(w), y + height)))
            x += 6 * len(w) + space
    return Line(words)


def test_a_title_block_of_labels_keeps_each_value_whole_and_in_order() -> None:
    """``Label: value`` lines are label and value, not columns: a wide gap inside a wrapped value
    (a hanging indent, a speck removed on a poor scan) must not split it into two cells."""
    from pipeline.reading.tables import build_unruled, find_unruled

    lines = [
        _line(100, (50, "Date:"), (150, "4 August 2023")),
        _line(114, (50, "Venue:"), (150, "Gemserv,"), (260, "London EC3M")),
        _line(128, (50, "Members present:"), (150, "Ann Lee (AL) Chair;"), (330, "Bo Li (BL) DCC;")),
        _line(142, (150, "Cy Ng (CN)"), (260, "SECAS; Di Fox (DF) Bulb")),
        _line(156, (50, "Also present:"), (150, "Ed Roe (ER) SECAS")),
    ]
    (first, last, cols), = find_unruled(lines)
    table = build_unruled(lines[first : last + 1], cols)
    assert table.rows == [
        ["Date:", "4 August 2023"],
        ["Venue:", "Gemserv, London EC3M"],
        ["Members present:", "Ann Lee (AL) Chair; Bo Li (BL) DCC; Cy Ng (CN) SECAS; Di Fox (DF) Bulb"],
        ["Also present:", "Ed Roe (ER) SECAS"],
    ]


def _mono_line(y: float, *runs: tuple[float, str]) -> Line:
    """A line set in a monospaced font as a scan gives it: letters 6 pt wide, word boxes 6 pt
    high, one space (8 pt between boxes) between words."""
    return _line(y, *runs, height=6, space=8)


def test_a_monospaced_list_under_labels_of_different_widths_keeps_each_name_whole() -> None:
    """A word space in Courier is wider than the letters are high: it splits no line into
    columns, and a name that crosses where another label's names start stays in one cell."""
    from pipeline.reading.tables import build_unruled, monospaced, segments

    lines = [
        _mono_line(100, (50, "Present:"), (140, "Imogen Jarvis (IJ) - TABASC Chair")),
        _mono_line(112, (140, "Hazel Carmichael (HC) - British Gas")),
        _mono_line(124, (50, "In attendance:"), (180, "Fraser Ellison (FE) - DCC")),
        _mono_line(136, (180, "Farah Bradshaw (FB) - SECAS")),
    ]
    proportional = Line([Word("Imogen", (50, 100, 86, 106)), Word("Jarvis", (90, 100, 116, 106)),
                         Word("TABASC", (120, 100, 166, 106)), Word("Chair", (170, 100, 193, 106))])
    assert monospaced(lines) and not monospaced([proportional])
    assert [len(segments(ln, monospaced(lines))) for ln in lines] == [2, 1, 2, 1]
    # columns at each label's indent, as a page with more lines gives them
    rows = build_unruled(lines, [50.0, 140.0, 180.0]).rows
    cells = [c for r in rows for c in r if c]
    for name in ("Imogen Jarvis (IJ) - TABASC Chair", "Hazel Carmichael (HC) - British Gas",
                 "Fraser Ellison (FE) - DCC", "Farah Bradshaw (FB) - SECAS"):
        assert any(name in c for c in cells), (name, rows)


def test_a_monospaced_table_under_a_header_puts_a_word_starting_at_a_column_in_it() -> None:
    """An action log in Courier with one space between its columns: a word that starts where a
    column of the header starts is that column's, though the gap before it is a word space."""
    from pipeline.reading.tables import build_unruled

    lines = [
        _mono_line(100, (50, "Action"), (356, "Owner"), (418, "Due date"), (506, "Status")),
        _mono_line(112, (50, "Update the volunteer handbook"), (356, "Secretary Friday 17"), (506, "Open")),
        _mono_line(120, (418, "November")),
        _mono_line(128, (418, "2023")),
        _mono_line(140, (50, "Draft the article for the spring newsletter"), (356, "AQ"), (418, "29.10.2023"),
                   (506, "Open")),
    ]
    assert build_unruled(lines, [50.0, 356.0, 418.0, 506.0]).rows == [
        ["Action", "Owner", "Due date", "Status"],
        ["Update the volunteer handbook", "Secretary", "Friday 17 November 2023", "Open"],
        ["Draft the article for the spring newsletter", "AQ", "29.10.2023", "Open"],
    ]


def test_a_tick_in_the_margin_beside_a_title_block_of_labels_is_no_line_of_it() -> None:
    """A handwritten tick left of the labels, read as ``J``, neither joins a value nor moves the
    edge the labels stand at (so every label after it is still read as one)."""
    from pipeline.reading.tables import build_unruled

    lines = [
        _line(100, (60, "Change Board Meeting 125 Minutes")),
        _line(114, (60, "Date:"), (150, "28 November 2023")),
        _line(128, (60, "Status:"), (150, "Draft")),
        _line(136, (20, "J")),
        _line(142, (60, "Present:"), (150, "Ann Lee, Chair; Bo Li, DCC")),
        _line(156, (60, "In attendance:"), (150, "Cy Ng, SECAS")),
    ]
    assert build_unruled(lines, [60.0, 150.0]).rows == [
        ["", "Change Board Meeting 125 Minutes"],
        ["Date:", "28 November 2023"],
        ["Status:", "Draft"],
        ["Present:", "Ann Lee, Chair; Bo Li, DCC"],
        ["In attendance:", "Cy Ng, SECAS"],
    ]


def test_a_title_block_right_over_a_two_column_list_is_two_tables() -> None:
    """Labels with values at one indent, then names in two columns at another, single-spaced:
    the columns change, so the block ends where the list starts; and a list line that leaves
    the second column empty is a row of its own, not a wrapped cell."""
    from pipeline.reading.tables import build_unruled, find_unruled

    lines = [
        _line(100, (50, "Date:"), (150, "Wednesday, 21 June 2023")),
        _line(112, (50, "Time:"), (150, "19:30 - 20:55")),
        _line(124, (50, "Venue:"), (150, "Village Hall")),
        _line(136, (50, "Status:"), (150, "Draft")),
        _line(148, (50, "Attendees")),
        _line(160, (50, "Cllr Ann Lee, Chairman"), (330, "Cllr Bo Li")),
        _line(172, (50, "Cllr Cy Ng, Vice Chairman"), (330, "Di Fox, Clerk and RFO")),
        _line(184, (50, "Cllr Ed Roe"), (330, "Flo Kay, County Councillor")),
        _line(196, (50, "Cllr Gus Hay")),
    ]
    found = find_unruled(lines)
    assert [(first, last) for first, last, _ in found] == [(0, 3), (5, 8)]
    first, last, cols = found[1]
    assert build_unruled(lines[first : last + 1], cols).rows == [
        ["Cllr Ann Lee, Chairman", "Cllr Bo Li"],
        ["Cllr Cy Ng, Vice Chairman", "Di Fox, Clerk and RFO"],
        ["Cllr Ed Roe", "Flo Kay, County Councillor"],
        ["Cllr Gus Hay", ""],
    ]


def test_a_header_cell_that_looks_like_a_list_mark_keeps_its_own_column() -> None:
    """``Ref.`` reads like a list mark and so starts no segment of its own, but the wide gap after
    it still puts ``Action`` in the next column."""
    from pipeline.reading.tables import build_unruled

    lines = [_line(100, (60, "Ref."), (124, "Action"), (393, "Owner")),
             _line(114, (60, "4-01"), (124, "Provide a Preliminary Assessment"), (393, "DCC"))]
    assert build_unruled(lines, [60.0, 124.0, 393.0]).rows == [
        ["Ref.", "Action", "Owner"], ["4-01", "Provide a Preliminary Assessment", "DCC"]]


def test_words_without_width_do_not_stop_the_font_check() -> None:
    """A crafted text layer can give every word a zero-width box: the check says "not
    monospaced" instead of dividing by zero."""
    from pipeline.reading.tables import find_unruled, monospaced

    flat = Line([Word(w, (50.0, 100.0, 50.0, 110.0)) for w in ("Present", "Imogen", "Jarvis")])
    assert monospaced([flat]) is False
    assert find_unruled([flat]) == []


def test_rows_with_the_other_cells_empty_stay_in_the_table() -> None:
    """Five members without an office between rows that have one: each is a row of the table,
    not a paragraph that ends it; the paragraph after the table, across both columns, is not."""
    from pipeline.reading.tables import build_unruled, find_unruled

    names = ["Niall Wolstenholme", "Abigail Osborne", "Duncan Wainwright", "Nigel Fitzgerald", "Vikram Kirkby"]
    lines = [_line(100, (64, "Name"), (278, "Office")),
             _line(114, (64, "Trevor Barraclough"), (278, "Chair")),
             *[_line(128 + 14 * k, (64, name)) for k, name in enumerate(names)],
             _line(198, (64, "Lorna Ingram"), (278, "Chief Executive")),
             _line(212, (64, "Ffion Coleman"), (278, "Haysmacintyre")),
             _line(236, (64, "The Chair opened the meeting and welcomed those present to the hall."))]
    (first, last, cols), = find_unruled(lines)
    assert (first, last) == (0, 8)
    assert build_unruled(lines[first : last + 1], cols).rows == [
        ["Name", "Office"], ["Trevor Barraclough", "Chair"], *[[name, ""] for name in names],
        ["Lorna Ingram", "Chief Executive"], ["Ffion Coleman", "Haysmacintyre"]]


def test_a_speck_before_a_label_leaves_the_title_block_a_block_of_labels() -> None:
    """``. Venue:`` (a speck read at the margin) and names listed under ``Present:`` past the
    third line: still one value a label, the names joined to ``Present:``, and the table ends
    before the next lines, set in other columns. (The stamp beside the date is a scan's.)"""
    from pipeline.reading.tables import build_unruled, find_unruled

    lines = [_line(100, (70, "Date:"), (170, "24 May 2021"), (420, "RECEIVED")),
             Line([Word(".", (13, 114, 15, 124)), *_line(114, (70, "Venue:"), (170, "Brackenfield Library")).words]),
             _line(128, (70, "Present:"), (180, "Ffion Osborne (FO) (Chair)")),
             *[_line(142 + 14 * k, (180, name)) for k, name in enumerate(
                 ["Abigail Gallagher (AG)", "Farah Buckley (FB)", "Hamish Oakley (HO)", "Nadia Pickering (NP)",
                  "Craig Tennant (CT)"])],
             _line(212, (70, "In attendance:"), (170, "Trevor McAllister (TM)")),
             _line(226, (72, "1."), (110, "Chair’s Welcome"), (510, "For information"))]
    (first, last, cols), = find_unruled(lines)
    assert (first, last) == (0, 8)
    assert build_unruled(lines[first : last + 1], cols).rows == [
        ["Date:", "24 May 2021 RECEIVED"], ["Venue:", "Brackenfield Library"],
        ["Present:", "Ffion Osborne (FO) (Chair); Abigail Gallagher (AG); Farah Buckley (FB); Hamish Oakley (HO); "
                     "Nadia Pickering (NP); Craig Tennant (CT)"],
        ["In attendance:", "Trevor McAllister (TM)"]]


def test_minutes_in_a_column_beside_an_action_column_are_no_table() -> None:
    """Paragraphs set in a text column with owners' initials in a column at the right: the lines
    between two owners are sentences, not rows with the owner cell empty, so no table is made
    of them (the owners are read from the ends of the sentences)."""
    from pipeline.reading.tables import find_unruled

    lines = [_line(100, (64, "PK to update the project lifecycle document."), (520, "PK")),
             _line(124, (64, "6. Project Lifecycle Review")),
             _line(148, (64, "FR presented the annual review of LoadShaper, which has had no release")),
             _line(160, (64, "for over a year and few active maintainers.")),
             _line(184, (64, "Members discussed the outreach plan for universities.")),
             _line(208, (64, "Resolved that LoadShaper will move to the archived stage.")),
             _line(232, (64, "Philippa Kirkby to schedule a session on the summit."), (520, "PK"))]
    assert find_unruled(lines) == []


def test_a_bracket_after_a_name_stays_in_the_names_cell() -> None:
    """``Cllr Theo Underwood (TU) (Vice Chairman)`` in a names grid under a title block whose
    values start where the brackets do: the brackets, and what is inside them, stay with the name."""
    from pipeline.reading.tables import build_unruled

    lines = [_line(100, (50, "Date:"), (170, "Thursday 22 October 2020")),
             _line(114, (50, "Cllr Theo Underwood (TU) (Vice Chairman)"), (330, "Cllr Esme Mahmood (EM)"))]
    assert build_unruled(lines, [50.0, 170.0, 330.0]).rows == [
        ["Date:", "Thursday 22 October 2020", ""],
        ["Cllr Theo Underwood (TU) (Vice Chairman)", "", "Cllr Esme Mahmood (EM)"]]


@pytest.mark.xfail(strict=True, raises=AssertionError,
                   reason="known gap: read at 300 dpi (a 150-dpi poor scan is enlarged), this page's table "
                          "keeps only 4 of its 8 names in its cells")
def test_a_ruled_table_the_pages_reading_lost_is_read_again_on_its_own() -> None:
    # a poor scan whose attendee table Tesseract, segmenting the whole page (bleed-through from
    # the back of the sheet between its rows), read as nothing: read again from the grid alone
    path = RENDERED / "tuning5" / "p08_trust__poor.pdf"
    require(path.exists(), "the rendered tuning5 split", fix="run 'make samples' (samples/generate.py --split all)")
    doc = read_document(path)
    present = [a["name"] for a in json.loads((path.parents[2] / "splits" / "tuning5" / "gold" / "p08_trust.json")
                                             .read_text(encoding="utf-8"))["attendees"] if a["present"]]
    cells = {c for t in doc.pages[0].tables for row in t.rows for c in row}
    assert len(present) == 8
    assert sum(name in cells for name in present) >= 6, sorted(cells)


def test_a_diagonal_watermark_in_a_text_layer_is_left_out_of_the_lines_it_crosses(tmp_path: Path) -> None:
    """A ``DRAFT`` watermark set at an angle: pdfplumber would read each letter into the body line
    it crosses (``committeeT``); its few turned characters are left out and named in the
    page's provenance. A page set sideways as a whole keeps its text."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    lines = [f"Line {n}: the committee noted the report on item {n} and agreed the next steps." for n in range(30)]
    pdf = tmp_path / "watermarked.pdf"
    c = canvas.Canvas(str(pdf), pagesize=A4)
    c.setFont("Helvetica", 10)
    for n, text in enumerate(lines):
        c.drawString(72, 760 - 14 * n, text)
    c.saveState()
    c.translate(300, 500)
    c.rotate(50)
    c.setFont("Helvetica-Bold", 90)
    c.drawCentredString(0, 0, "DRAFT")
    c.restoreState()
    c.showPage()
    c.setFont("Helvetica", 10)
    c.rotate(90)  # a whole page set sideways
    for n, text in enumerate(lines[:5]):
        c.drawString(72, -100 - 14 * n, text)
    c.save()
    doc = read_document(pdf)
    first, sideways = doc.pages
    assert first.method == "pdf" and "'DRAFT'" in first.provenance
    got = [ln.text for ln in first.lines]
    assert got == lines
    assert "characters set at an angle" not in sideways.provenance
