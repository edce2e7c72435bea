"""Dates and times as minutes write them, with OCR slips tolerated.

``26 May 2020``, ``Tuesday 26th May 2020``, ``May 26, 2020``, ``26/05/2020``, ``2020-05-26``
become ISO dates; ``10:00 - 11:10``, ``10.00–11.10``, ``2pm to 3.30pm`` become ``HH:MM`` pairs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from rapidfuzz import process

from pipeline.nlp.confusions import fold_digits

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
    "july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
}
_ABBREV = {name[:3]: num for name, num in MONTHS.items()} | {"sept": 9}

_OCR_LETTERS = [("v", "y"), ("rn", "m"), ("0", "o"), ("1", "l"), ("c", "e"), ("ii", "u")]
# a digit as OCR may write it (O for 0, l for 1, S for 5, B for 8); each value keeps real digits
_D = r"[0-9OoIlSB]"
_STRAY = r"[.,'’‘`:\-]?"
# "23rd", "23 rd", and the superscript misread on scans: 23" 1* 6° 9’
_ORD = r"(?P<ord>\s?(?i:st|nd|rd|th)|[\"“”'’°*^])?"
_DAY = rf"(?P<day>[0-3OlI]?{_D}){_ORD}"
_MONTH = r"(?P<month>[A-Za-z]{3,10}\.?)"
_YEAR = rf"(?P<year>[12Il]{_D}{{3}})"
_WEEKDAY = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day[.,]?\s*)?"

# gaps may be empty where a text layer lost its spaces ("Wednesday 5thJuly 2017", "November7,2023"),
# or hold a stray mark ("30. June 2020")
# ("6th ‘February 2019": a mark before the month, after the line break)
DMY = re.compile(rf"\b{_WEEKDAY}{_DAY}(?P<g1>\s*{_STRAY}\s*)(?:of\s+)?{_MONTH}(?P<g2>{_STRAY}\s*){_YEAR}(?![0-9])")
# "26 May 2 2020": a speck read as one stray character between the month and the year
DMY_NOISY = re.compile(rf"\b{_WEEKDAY}{_DAY}\s+(?:of\s+)?{_MONTH}\s+[^\s\w]?\w?[^\s\w]?\s+{_YEAR}\b")
MDY = re.compile(rf"\b{_WEEKDAY}{_MONTH}(?P<g1>{_STRAY}\s*){_DAY}(?P<g2>{_STRAY}\s*){_YEAR}(?![0-9])")
# "21-Mar-23", "04-Dec-2023": action logs write day, month abbreviation and year with hyphens
# (the second hyphen read as a space: "27-Jul 21")
DMY_DASH = re.compile(r"\b(?P<day>[0-3]?\d)-(?P<month>[A-Za-z]{3,9})[-\s](?P<year>(?:19|20)?\d{2})\b")
# (after an underscore a scan read for a space: "by_29.10.2018")
NUMERIC = re.compile(r"(?<![0-9A-Za-z])(?P<day>[0-3]?\d)[/.](?P<month>[01]?\d)[/.](?P<year>(?:19|20)?\d{2})\b")
# "29. 10.2018": a space a scan read after a full stop, the year in full
# "29. 10.2018", "23 01 2023", "25 11.2021", "29:10 2023": a full stop or slash a scan read as a
# space, a colon, or one with a space after it; the year in full
NUMERIC_SPACED = re.compile(r"(?<![0-9A-Za-z.:/])(?P<day>[0-3]?\d)(?P<s1>[./:]?\s?)(?P<month>[01]?\d)(?P<s2>[./]?\s?)"
                            r"(?P<year>(?:19|20)\d{2})(?![0-9])")
ISO = re.compile(r"\b(?P<year>(?:19|20)\d{2})-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b")
MONTH_YEAR = re.compile(rf"^\W*(?:(?:by|before|end\s+of|nlt)\s+)?{_MONTH}{_STRAY}\s*{_YEAR}\W*$", re.IGNORECASE)

_TIME = r"(?P<{n}h>[0-2]?\d)(?:[:.](?P<{n}m>[0-5]\d))?\s*(?P<{n}ap>[ap]\.?m\.?)?"
TIME_RANGE = re.compile(
    r"\b" + _TIME.format(n="s") + r"\s*(?:-|–|—|to|until)\s*" + _TIME.format(n="e") + r"(?!\d)",
    re.IGNORECASE,
)
# one time of day: "10:00 AM", "7:01 p.m.", "10 PM", "14:30"
ONE_TIME = re.compile(r"(?<![\d.:/-])(?P<h>[0-2]?\d)(?:[:.](?P<m>[0-5]\d))?\s*(?P<ap>[ap]\.?\s?m\b\.?)?(?![\d%/])",
                      re.IGNORECASE)


@dataclass(frozen=True)
class DateMatch:
    iso: str
    start: int
    end: int
    repaired: bool = False


def _digits(text: str) -> str:
    return fold_digits(text)


def _real(text: str) -> int:
    return sum(c.isdigit() for c in text)


def month_number(word: str) -> tuple[int, bool] | None:
    """The month a (possibly OCR-damaged) month name stands for, and whether it was repaired."""
    w = word.lower().rstrip(".")
    if w in MONTHS:
        return MONTHS[w], False
    if w in _ABBREV:
        return _ABBREV[w], False
    for wrong, right in _OCR_LETTERS:
        fixed = w.replace(wrong, right)
        if fixed != w and (fixed in MONTHS or fixed in _ABBREV):
            return MONTHS.get(fixed) or _ABBREV[fixed], True
    if len(w) >= 4:
        best = process.extractOne(w, list(MONTHS), score_cutoff=80)
        if best is not None:
            return MONTHS[best[0]], True
        # "Apni", "Apnl", "Apnit": an "ri" read as "n", letters misread as their look-alikes (two
        # at most) or a thin one lost; the first letter right and one month only so near (not
        # "Jaguar")
        from rapidfuzz.distance import Levenshtein

        variants = {w} | {w[:k] + "ri" + w[k + 1 :] for k, ch in enumerate(w) if ch == "n"}
        found = {m for v in variants for m in MONTHS if len(m) >= 4 and m[0] == w[0]
                 and Levenshtein.distance(v, m) <= 2 and all(
                     (op.tag == "replace" and (v[op.src_pos], m[op.dest_pos]) in _LOOK_ALIKE)
                     or (op.tag == "insert" and m[op.dest_pos] in "ilr") for op in Levenshtein.editops(v, m))}
        if len(found) == 1:
            return MONTHS[found.pop()], True
    return None


# (read, meant): letters a poor scan reads for others in a month's name
_LOOK_ALIKE = {("n", "r"), ("i", "l"), ("l", "i"), ("v", "r"), ("h", "b"), ("e", "c"), ("c", "e"), ("u", "n"),
               ("n", "u"), ("a", "o"), ("o", "a"), ("t", "l"), ("l", "t")}


def _suffix(day: int) -> str:
    """The ordinal's letters for ``day``: ``st`` for 1 and 21, ``th`` for 11."""
    return "th" if 11 <= day <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")


def _one_letter_from(word: str) -> int | None:
    """The month whose three-letter abbreviation ``word`` is with one letter misread (``dul``:
    Jul), when only one is; else None."""
    w = word.lower()
    if len(w) != 3:
        return None
    near = {num for abbrev, num in _ABBREV.items() if len(abbrev) == 3 and sum(a != b for a, b in zip(w, abbrev, strict=True)) == 1}
    return near.pop() if len(near) == 1 else None


def _full_year(year: int) -> int:
    """``19`` → 2019, ``99`` → 1999: a two-digit year in the century that makes it nearest."""
    if year >= 100:
        return year
    return 2000 + year if year < 70 else 1900 + year


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _read_dmy(m: re.Match[str], *, noisy: bool) -> tuple[str | None, bool] | None:
    """The ISO date a day-month-year match reads as, and whether only a repair gives it."""
    month = month_number(m["month"])
    if month is None:
        return None
    g1, g2 = m.groupdict().get("g1"), m.groupdict().get("g2")
    if month[1] and "" in (g1, g2):
        return None  # a misspelt word glued to digits is no month
    # "lst February", "llth October": a day read all in letters like a 1, its ordinal the one its
    # digits take (only 1st is "st"); not "Sth", which is as often an 8th as a 5th
    first = (re.fullmatch(r"[lI]{1,2}", m["day"]) is not None
             and (m["ord"] or "").strip().lower() == _suffix(int(_digits(m["day"]))))
    if (_real(m["day"]) < 1 and not first) or _real(m["year"]) < 2:
        return None
    day, year = _digits(m["day"]), _digits(m["year"])
    if not 1900 <= int(year) <= 2099:
        return None
    # a comma before the year is how dates are written ("May 26, 2020"); other marks are specks
    stray = bool((g1 or "").strip()) or bool((g2 or "").strip(" ,"))
    odd_ordinal = bool(m["ord"]) and m["ord"].strip().lower() not in {"st", "nd", "rd", "th"}
    repaired = (month[1] or day != m["day"] or year != m["year"] or noisy or stray or odd_ordinal)
    return _iso(int(year), month[0], int(day)), repaired


def find_dates(text: str) -> list[DateMatch]:
    """Every date in ``text`` in order of appearance."""
    found: list[DateMatch] = []
    taken: list[tuple[int, int]] = []

    def add(m: re.Match[str], iso: str | None, repaired: bool = False) -> None:
        if iso is None or any(s < m.end() and m.start() < e for s, e in taken):
            return
        taken.append((m.start(), m.end()))
        found.append(DateMatch(iso, m.start(), m.end(), repaired))

    for m in ISO.finditer(text):
        add(m, _iso(int(m["year"]), int(m["month"]), int(m["day"])))
    for pattern in (DMY, DMY_NOISY, MDY):
        for m in pattern.finditer(text):
            read = _read_dmy(m, noisy=pattern is DMY_NOISY)
            if read is not None:
                add(m, *read)
    for m in DMY_DASH.finditer(text):
        month = month_number(m["month"])
        if month is not None and not month[1]:
            add(m, _iso(_full_year(int(m["year"])), month[0], int(m["day"])))
        elif (near := _one_letter_from(m["month"])) is not None:  # "12-dul-23": Jul, a letter misread
            add(m, _iso(_full_year(int(m["year"])), near, int(m["day"])), True)
    for m in NUMERIC.finditer(text):
        add(m, _iso(_full_year(int(m["year"])), int(m["month"]), int(m["day"])))
    for m in NUMERIC_SPACED.finditer(text):
        if m["s1"] and m["s2"] and (" " in m["s1"] + m["s2"] or ":" in m["s1"]):
            add(m, _iso(int(m["year"]), int(m["month"]), int(m["day"])), True)
    found.sort(key=lambda d: d.start)
    return found


def parse_date(text: str) -> str | None:
    """The first date in ``text`` as ``YYYY-MM-DD``, or None."""
    dates = find_dates(text)
    return dates[0].iso if dates else None


def _hhmm(hour: str, minute: str | None, ampm: str | None) -> str | None:
    h, m = int(hour), int(minute or 0)
    if ampm:
        ap = ampm.lower().replace(".", "")
        if ap == "pm" and h < 12:
            h += 12
        elif ap == "am" and h == 12:
            h = 0
    if h > 23 or m > 59:
        return None
    return f"{h:02d}:{m:02d}"


# "10-00 - 10:50", "11 30", "13°15": on poor scans the colon is read as another mark or a space.
# Only taken with hours and minutes on both sides, so "pages 10 - 12" stays no time range.
_NOISY_SEP = r"(?:[:.°·'\-]|\s)"
NOISY_TIME_RANGE = re.compile(
    rf"(?<![\d.:/-])(?P<sh>[0-2]?\d){_NOISY_SEP}(?P<sm>[0-5]\d)\s*(?:-|–|—|to)\s*"
    rf"(?P<eh>[0-2]?\d){_NOISY_SEP}(?P<em>[0-5]\d)(?![\d%])",
    re.IGNORECASE,
)


# a letter OCR read for a digit, touching a digit or a time's separator: "l0.30", "11:3O"
_TIME_LOOKALIKE = re.compile(r"(?<=[\d:.°])[OoIlSB]|[OoIlSB](?=[\d:.°])")


def parse_time_range(text: str) -> tuple[str | None, str | None]:
    """``(start, end)`` as ``HH:MM`` from the first time range in ``text``."""
    for _ in range(2):  # twice: "10:OO", the second O touches a digit only once the first is one
        text = _TIME_LOOKALIKE.sub(lambda m: fold_digits(m.group()), text)
    for m in NOISY_TIME_RANGE.finditer(text):
        start, end = _hhmm(m["sh"], m["sm"], None), _hhmm(m["eh"], m["em"], None)
        if start and end and start < end:
            return start, end
    for m in TIME_RANGE.finditer(text):
        # a bare "2 - 3" is not a time range: ask for minutes or am/pm on one side
        if not (m["sm"] or m["em"] or m["sap"] or m["eap"]):
            continue
        end_ap = m["eap"]
        start_ap = m["sap"] or (end_ap if end_ap and int(m["sh"]) <= int(m["eh"]) else None)
        start = _hhmm(m["sh"], m["sm"], start_ap)
        end = _hhmm(m["eh"], m["em"], end_ap)
        if start and end:
            return start, end
    return None, None


def parse_month(text: str) -> str | None:
    """``YYYY-MM`` when ``text`` is a month and a year alone (``April 2019``, ``by June 2020``)."""
    m = MONTH_YEAR.match(text.strip())
    if m is None:
        return None
    month = month_number(m["month"])
    if month is None or sum(c.isdigit() for c in m["year"]) < 3:
        return None
    year = int(_digits(m["year"]))
    return f"{year:04d}-{month[0]:02d}" if 1900 <= year <= 2099 else None


def parse_time(text: str) -> str | None:
    """One time of day as ``HH:MM``: ``10:00 AM``, ``7:01 p.m.``, ``10 PM``, ``14:30``; a bare
    number (``10``) is no time."""
    for m in ONE_TIME.finditer(text):
        if not (m["m"] or m["ap"]):
            continue
        found = _hhmm(m["h"], m["m"], (m["ap"] or "").replace(" ", "") or None)
        if found:
            return found
    return None
