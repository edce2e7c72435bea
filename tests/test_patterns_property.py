"""Property tests for the patterns that read identifiers, action ids, dates and times.

Every variant a scan may make of a valid value (the OCR confusions O/0, I/l/1, S/5, B/8, a
stray ``.`` ``,`` or ``'`` between tokens, a misread ordinal, a colon read as a full stop or a
degree sign) reads as the same value; nothing generated from noise reads as one. Seeded and
bounded so a run takes a few seconds and gives the same examples every time.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.nlp import actions, load
from pipeline.nlp.actions import canonical_action_id
from pipeline.nlp.dates import MONTHS, parse_date, parse_time_range
from pipeline.nlp.identifiers import mentions, reconcile
from pipeline.nlp.parties import known_parties
from pipeline.nlp.text import build
from pipeline.nlp.vocab import lexicon
from pipeline.reading.document import Block, Document, Line, Page

SETTINGS = settings(max_examples=200, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.too_slow])
KINDS = lexicon()["identifier_kinds"]
CONF = lexicon()["ocr_confusions"]
# the look-alikes each digit may be read as, of the confusions scans make most (O/0, I/l/1, S/5, B/8)
LOOKALIKE = {d: [c for c, v in CONF["digits"].items() if v == d and c in "OoIlSB"] for d in "0123456789"}
STRAY = list(CONF["stray"])
PARTIES = known_parties(lexicon())


def document(text: str) -> Document:
    blocks = [Block("text", [Line(words=[], text=t) for t in chunk.split("\n")])
              for chunk in text.split("\n\n") if chunk.strip()]
    return Document("p.txt", "0" * 64, [Page(1, "text", blocks=blocks)])


def identifiers_in(text: str) -> set[str]:
    """The identifiers the pipeline reads in ``text``: its ruler, canon and the document-level
    reconciliation ``extract`` runs (the rest of ``extract`` is not needed for these)."""
    nlp = load()
    doc = nlp.make_doc(text)
    for name in ("identifier_ruler", "minutes_identifiers"):
        doc = nlp.get_pipe(name)(doc)
    return {m.identifier for m in reconcile(mentions(doc))}


# ---------------------------------------------------------------- identifiers


@st.composite
def identifier(draw: st.DrawFn) -> tuple[str, str]:
    spec = draw(st.sampled_from(KINDS))
    n = draw(st.integers(spec["min_digits"], spec["max_digits"]))
    digits = "".join(draw(st.lists(st.sampled_from("0123456789"), min_size=n, max_size=n)))
    return spec["kind"], digits


def _confuse(draw: st.DrawFn, digits: str, count: int) -> str:
    """``count`` digits read as their look-alikes (only digits that have one)."""
    positions = [i for i, d in enumerate(digits) if LOOKALIKE[d]]
    chosen = draw(st.lists(st.sampled_from(positions), max_size=count, unique=True)) if positions else []
    out = list(digits)
    for i in chosen:
        out[i] = draw(st.sampled_from(LOOKALIKE[digits[i]]))
    return "".join(out)


@st.composite
def variant(draw: st.DrawFn) -> tuple[str, str]:
    """``(canonical, as a scan writes it)``: digit look-alikes, a stray mark, a space, or one
    look-alike letter in the prefix (then the digits clean)."""
    kind, digits = draw(identifier())
    allowed = 1 + (len(digits) >= 4)
    prefix = kind
    letters = [i for i, ch in enumerate(kind) if CONF["letters"].get(ch)]
    if letters and draw(st.booleans()):
        i = draw(st.sampled_from(letters))
        prefix = kind[:i] + draw(st.sampled_from(CONF["letters"][kind[i]])) + kind[i + 1 :]
        written = digits
    else:
        written = _confuse(draw, digits, allowed)
    gap = draw(st.sampled_from(["", " ", *STRAY, *(s + " " for s in STRAY)]))
    return kind + digits, f"{prefix}{gap}{written}"


@SETTINGS
@given(variant())
def test_every_variant_of_an_identifier_reads_as_it(case: tuple[str, str]) -> None:
    canonical, written = case
    assert identifiers_in(f"The Panel considered {written} today.") == {canonical}


@SETTINGS
@given(identifier(), st.data())
def test_a_badly_damaged_identifier_stands_where_the_document_writes_it_cleanly(
        ident: tuple[str, str], data: st.DataObject) -> None:
    kind, digits = ident
    letters = [i for i, ch in enumerate(kind) if CONF["letters"].get(ch)]
    confusable = [i for i, d in enumerate(digits) if LOOKALIKE[d]]
    if not letters or not confusable:
        return
    i, j = data.draw(st.sampled_from(letters)), data.draw(st.sampled_from(confusable))
    prefix = kind[:i] + data.draw(st.sampled_from(CONF["letters"][kind[i]])) + kind[i + 1 :]
    written = prefix + digits[:j] + data.draw(st.sampled_from(LOOKALIKE[digits[j]])) + digits[j + 1 :]
    # alone, prefix and digits both misread: no identifier; with the clean mention: that one
    assert identifiers_in(f"The Panel considered {written} today.") == set()
    assert identifiers_in(f"{written} ‘A title’\n\nThe Panel considered {kind}{digits}.") == {kind + digits}


NOISE_WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyzACEFGHJKLNRTUVWXYZ", min_size=1, max_size=9)


@st.composite
def noise(draw: st.DrawFn) -> str:
    """Text that holds no identifier: too few digits, digits that are all look-alikes, words."""
    spec = draw(st.sampled_from(KINDS))
    kind = spec["kind"]
    short = "".join(draw(st.lists(st.sampled_from("0123456789"), min_size=1, max_size=spec["min_digits"] - 1)))
    lookalikes = "".join(draw(st.lists(st.sampled_from("OoIlSB"), min_size=spec["min_digits"],
                                       max_size=spec["max_digits"])))
    words = draw(st.lists(NOISE_WORD, min_size=1, max_size=4))
    return draw(st.sampled_from([f"{kind}{short}", f"{kind} {short}", f"{kind}{lookalikes}",
                                 f"{kind.lower()}{short}", " ".join(words), f"v{short}.{short}"]))


@SETTINGS
@given(noise())
def test_noise_reads_as_no_identifier(text: str) -> None:
    assert identifiers_in(f"The Panel considered {text} today.") == set()


# ---------------------------------------------------------------- action ids


@st.composite
def action_id(draw: st.DrawFn) -> tuple[str, str]:
    """``(canonical, written)`` for ``CSC 15/01``: a stray mark after the prefix, one look-alike
    in each number (each keeps a digit as written)."""
    prefix = draw(st.sampled_from(["CSC", "OPSG", "SECP", "CB", "TABASC", "SSC"]))
    meeting = draw(st.integers(1, 199))
    number = draw(st.integers(1, 30))
    canonical = f"{prefix} {meeting}/{number:02d}"
    parts = []
    for value in (str(meeting), f"{number:02d}"):
        if len(value) >= 2 and draw(st.booleans()):
            parts.append(_confuse(draw, value, 1))
        else:
            parts.append(value)
    gap = draw(st.sampled_from([" ", *(s + " " for s in STRAY)]))
    return canonical, f"{prefix}{gap}{parts[0]}/{parts[1]}"


@SETTINGS
@given(action_id())
def test_every_variant_of_an_action_id_reads_as_it(case: tuple[str, str]) -> None:
    canonical, written = case
    dt = build(document(f"{written}: SECAS to circulate the paper to members."))
    found = actions.from_text(dt, lexicon(), PARTIES)
    assert [(a.action_id, a.owner) for a in found] == [(canonical, "SECAS")]


@SETTINGS
@given(st.sampled_from(["CSC", "OPSG", "Minute"]),
       st.text(alphabet="OoIlSB", min_size=1, max_size=3), st.text(alphabet="OoIlSB", min_size=1, max_size=2))
def test_numbers_with_no_digit_are_no_action_id(prefix: str, meeting: str, number: str) -> None:
    assert canonical_action_id(f"{prefix} {meeting}/{number}") is None


# ---------------------------------------------------------------- dates

WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def _ordinal(day: int) -> str:
    return "th" if 11 <= day % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")


@st.composite
def written_date(draw: st.DrawFn) -> tuple[str, str]:
    """``(iso, as written)``, as minutes and scans write dates."""
    d = draw(st.dates(min_value=__import__("datetime").date(1990, 1, 1),
                      max_value=__import__("datetime").date(2035, 12, 31)))
    month = [m for m, n in MONTHS.items() if n == d.month][0].capitalize()
    day, year = str(d.day), str(d.year)
    if draw(st.booleans()):  # one digit read as its look-alike (each part keeps a digit)
        if len(day) == 2 and draw(st.booleans()):
            day = _confuse(draw, day, 1)
        else:
            year = _confuse(draw, year, 1)
    ordinal = draw(st.sampled_from(["", _ordinal(d.day), " " + _ordinal(d.day), '"', "*", "°"]))
    gap = draw(st.sampled_from([" ", ", ", ". ", "' "])) if ordinal in {"", '"', "*", "°"} else \
        draw(st.sampled_from([" ", ""]))
    weekday = draw(st.sampled_from(["", WEEKDAYS[d.weekday()] + " ", WEEKDAYS[d.weekday()] + ", "]))
    forms = [f"{weekday}{day}{ordinal}{gap}{month} {year}",
             f"{weekday}{month} {day}{'' if ordinal in {'', chr(34), '*', '°'} else ordinal}, {year}",
             f"{d.day:02d}/{d.month:02d}/{d.year}", d.isoformat(), f"{d.day:02d}-{month[:3]}-{d.year % 100:02d}"]
    return d.isoformat(), draw(st.sampled_from(forms))


@SETTINGS
@given(written_date(), st.sampled_from(["", "held on ", "by ", "on. "]))
def test_every_variant_of_a_date_reads_as_it(case: tuple[str, str], before: str) -> None:
    iso, written = case
    assert parse_date(f"{before}{written}") == iso


@SETTINGS
@given(st.lists(st.integers(32, 99999), min_size=1, max_size=4),
       st.sampled_from([" ", " - ", ", ", ":", " to "]), st.sampled_from(["", "pages ", "items ", "GBCS v"]))
def test_numbers_that_are_no_date_read_as_none(numbers: list[int], sep: str, lead: str) -> None:
    assert parse_date(lead + sep.join(str(n) for n in numbers)) is None


@SETTINGS
@given(st.integers(1, 31), st.sampled_from(["Jaguar", "Table", "Section", "Item", "Version"]), st.integers(1990, 2035))
def test_a_word_that_is_no_month_gives_no_date(day: int, word: str, year: int) -> None:
    assert parse_date(f"{day} {word} {year}") is None


@pytest.mark.parametrize(("written", "iso"), [("Apni 23, 2023", "2023-04-23"), ("23 Apnl 2023", "2023-04-23"),
                                             ("Apnil 27, 2023", "2023-04-27"), ("5 Mavch 2020", "2020-03-05"),
                                             ("Friday 12 Apnit 2019", "2019-04-12")])
def test_a_month_two_letters_off_on_a_poor_scan(written: str, iso: str) -> None:
    assert parse_date(written) == iso


# ---------------------------------------------------------------- times


@st.composite
def time_range(draw: st.DrawFn) -> tuple[tuple[str, str], str]:
    """``((start, end), as written)``: 24-hour or am/pm, the colon read as ``.`` ``-`` ``°`` or
    a space, a zero read as ``O``."""
    sh, eh = sorted(draw(st.lists(st.integers(7, 21), min_size=2, max_size=2, unique=True)))
    sm, em = draw(st.sampled_from([0, 15, 30, 45])), draw(st.sampled_from([0, 10, 30, 50]))
    dash = draw(st.sampled_from([" - ", "–", " – ", " to ", "-"]))
    if draw(st.booleans()):
        sep = draw(st.sampled_from([":", ".", "°", " "]))
        start, end = f"{sh:02d}{sep}{sm:02d}", f"{eh:02d}{draw(st.sampled_from([':', '.']))}{em:02d}"
        if draw(st.booleans()):
            start = start[:-1] + ("O" if start.endswith("0") else start[-1])
    else:
        def twelve(h: int, m: int) -> str:
            return f"{(h - 1) % 12 + 1}{'' if m == 0 else f'.{m:02d}'}{'am' if h < 12 else 'pm'}"
        start, end = twelve(sh, sm), twelve(eh, em)
    return (f"{sh:02d}:{sm:02d}", f"{eh:02d}:{em:02d}"), f"{start}{dash}{end}"


@SETTINGS
@given(time_range(), st.sampled_from(["", "Time: ", "26 May 2020, "]))
def test_every_variant_of_a_time_range_reads_as_it(case: tuple[tuple[str, str], str], before: str) -> None:
    want, written = case
    assert parse_time_range(before + written) == want


@SETTINGS
@given(st.integers(1, 99), st.integers(1, 99), st.sampled_from(["pages ", "", "between "]),
       st.sampled_from(["", "%"]))
def test_bare_numbers_are_no_time_range(a: int, b: int, lead: str, unit: str) -> None:
    assert parse_time_range(f"{lead}{a}{unit} - {b}{unit}") == (None, None)


def test_strategies_cover_the_confusions() -> None:
    """The generators above do produce what real scans do (a guard on the test, not the code)."""
    assert set(LOOKALIKE["0"]) >= {"O"} and set(LOOKALIKE["1"]) >= {"l", "I"}
    assert LOOKALIKE["5"] == ["S"] and LOOKALIKE["8"] == ["B"]
    assert {".", ",", "'"} <= set(STRAY)
    assert re.fullmatch(r"[0-9OoQDIlSB|i!]", "O")
