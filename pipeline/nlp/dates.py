"""Dates and times as minutes write them, with OCR slips tolerated.

``26 May 2020``, ``Tuesday 26th May 2020``, ``May 26, 2020``, ``26/05/2020``, ``2020-05-26``
become ISO dates; ``10:00 - 11:10``, ``10.00–11.10``, ``2pm to 3.30pm`` become ``HH:MM`` pairs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from rapidfuzz import process

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
    "july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
}
_ABBREV = {name[:3]: num for name, num in MONTHS.items()} | {"sept": 9}

_OCR_LETTERS = [("v", "y"), ("rn", "m"), ("0", "o"), ("1", "l"), ("c", "e"), ("ii", "u")]
_DAY = r"(?P<day>[0-3]?[0-9OlI])(?:st|nd|rd|th)?"
_MONTH = r"(?P<month>[A-Za-z]{3,10}\.?)"
_YEAR = r"(?P<year>[12][0-9OlI]{3})"
_WEEKDAY = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"

DMY = re.compile(rf"\b{_WEEKDAY}{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b")
# "26 May 2 2020": a speck read as one stray character between the month and the year
DMY_NOISY = re.compile(rf"\b{_WEEKDAY}{_DAY}\s+(?:of\s+)?{_MONTH}\s+[^\s\w]?\w?[^\s\w]?\s+{_YEAR}\b")
MDY = re.compile(rf"\b{_WEEKDAY}{_MONTH}\s+{_DAY},?\s+{_YEAR}\b")
NUMERIC = re.compile(r"\b(?P<day>[0-3]?\d)[/.](?P<month>[01]?\d)[/.](?P<year>(?:19|20)?\d{2})\b")
ISO = re.compile(r"\b(?P<year>(?:19|20)\d{2})-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b")

_TIME = r"(?P<{n}h>[0-2]?\d)(?:[:.](?P<{n}m>[0-5]\d))?\s*(?P<{n}ap>[ap]\.?m\.?)?"
TIME_RANGE = re.compile(
    r"\b" + _TIME.format(n="s") + r"\s*(?:-|–|—|to|until)\s*" + _TIME.format(n="e") + r"(?!\d)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class DateMatch:
    iso: str
    start: int
    end: int
    repaired: bool = False


def _digits(text: str) -> str:
    return text.translate(str.maketrans({"O": "0", "o": "0", "l": "1", "I": "1"}))


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
    return None


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


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
            month = month_number(m["month"])
            if month is None:
                continue
            day, year = _digits(m["day"]), _digits(m["year"])
            if not 1900 <= int(year) <= 2099:
                continue
            repaired = month[1] or day != m["day"] or year != m["year"] or pattern is DMY_NOISY
            add(m, _iso(int(year), month[0], int(day)), repaired)
    for m in NUMERIC.finditer(text):
        year = int(m["year"])
        year = year + 2000 if year < 100 else year
        add(m, _iso(year, int(m["month"]), int(m["day"])))
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


def parse_time_range(text: str) -> tuple[str | None, str | None]:
    """``(start, end)`` as ``HH:MM`` from the first time range in ``text``."""
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
