"""The meeting row: reference, committee, number, date, times, place, status and next date.

Read from the title block (``SEC Panel Meeting 83`` / ``17 July 2020, 10:00 - 13:15`` /
``Microsoft Teams``; ``Date: | Time: | Location:`` labels, several on a line or in a table;
``Saturday, December 17, 2005, 10:00 AM (Betsy Frederick’s home)``) and from the sentences
other minutes put them in (``The meeting was called to order at River Grove Elementary School
at 7:01 p.m.``, ``… occurred on April 12, 2017 at the home of …``, ``adjourned at 9:36 p.m.``,
``The next Board of Directors meeting will be held on May 17, 2017``).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date

from pipeline.nlp.dates import find_dates, parse_date, parse_time, parse_time_range
from pipeline.nlp.structure import Sections
from pipeline.nlp.text import DocText, TextLine
from pipeline.nlp.vocab import alternation, lexicon

_REF = re.compile(r"\b(?P<prefix>[A-Z][A-Z0-9]{1,11})_\s?(?P<num>\d{1,3})\s?[_ ]\s?(?P<code>\d{3,4})\b")
_STATUS = re.compile(
    r"\b(?P<a>draft|final|approved|agreed)\s+minutes\b|\bminutes\s*[-–(:]?\s*(?P<b>draft|final|approved)\b"
    r"|^\s*(?P<c>DRAFT|FINAL|APPROVED)\s*$",
    re.IGNORECASE,
)
# "Next Meeting:", "Date of next meeting", "The next Board of Directors meeting", "next LPC meeting"
_NEXT = re.compile(r"(?:^|\b)(?:date\s+(?:and\s*time\s+)?of\s+(?:the\s+)?)?next\s+(?:[\w&-]+\s+){0,4}?meeting\b",
                   re.IGNORECASE)
_LABEL_WORDS = (r"date|time|location|venue|place|where|status|meeting\s+no\.?|meeting\s+number|title\s+of\s+meeting"
                r"|meeting\s+title")
_LABEL = re.compile(rf"^\s*(?P<label>{_LABEL_WORDS})\s*[:|]\s*(?P<value>.+)$", re.IGNORECASE)
# a second label on the same line: "Date: 21 August, 2025 Venue: Shibalik Apartment Block B"
_MORE_LABELS = re.compile(rf"\s+(?=(?:{_LABEL_WORDS})\s*:)", re.IGNORECASE)
_MEETING_NO = re.compile(r"\bmeeting\s+(?:no\.?\s*|number\s*)?(?P<num>\d{1,4})\b|\b(?P<ord>\d{1,4})(?:st|nd|rd|th)\s+meeting\b",
                         re.IGNORECASE)
_BODY_WORDS = alternation(lexicon()["body_words"])
_TIME = r"(?P<time>[0-2]?\d(?:[:.][0-5]\d)?\s*(?:[ap]\.?\s?m\b\.?)?)"
_CALLED = re.compile(rf"\bcalled\s+to\s+order\s+(?:at\s+(?P<place>[A-Z][^.,;]{{2,80}}?)\s+)?at\s+{_TIME}", re.IGNORECASE)
_ADJOURNED = re.compile(rf"\badjourned\b(?:\s+(?:the\s+)?(?:\w+\s+)?meeting)?\s*(?:at|:)\s*{_TIME}"
                        rf"|\bmeeting\s+(?:was\s+)?(?:closed|ended|finished|concluded)\s*(?:at|:)\s*{_TIME.replace('<time>', '<time2>')}",
                        re.IGNORECASE)
_HELD = re.compile(r"\b(?:held|occurred|took\s+place|met)\s+(?:on\s+[^.]{4,40}?\s+)?(?:at|in)\s+"
                   r"(?P<place>(?:the\s+)?[A-Z][^.;()]{2,80}?|the\s+home\s+of\s+[A-Z][^.;()]{2,60}?)\s*(?:[.;(]|$)")
_GENERIC_NAME = re.compile(rf"^(?:(?:the|minutes|of|meeting|annual|general|regular|open|committee)\s+)*{_BODY_WORDS}"
                           r"(?:\s+(?:of\s+)?(?:directors|trustees|meeting))*$", re.IGNORECASE)


@dataclass
class Header:
    meeting_id: str | None = None
    committee: str | None = None
    meeting_number: str | None = None
    meeting_date: str | None = None
    start_time: str | None = None
    end_time: str | None = None
    location: str | None = None
    status: str | None = None
    next_meeting_date: str | None = None


def is_furniture(text: str, patterns: list[str]) -> bool:
    return any(re.search(p, text.strip(), re.IGNORECASE) for p in patterns)


# ---------------------------------------------------------------- committee


def display_case(name: str, text: str) -> str:
    """``NORTH OF TYNE LPC COMMITTEE`` → ``North of Tyne LPC Committee``: an all-caps title in the
    case the document writes its words elsewhere (acronyms stay in capitals)."""
    if not name.isupper():
        return name
    words = []
    for k, w in enumerate(name.split()):
        core = w.strip(",.")
        titled = core[:1] + core[1:].lower()
        if k and core.lower() in {"of", "the", "and", "for", "in", "on", "at", "to"}:
            new = core.lower()
        elif not re.search(r"[AEIOUY]", core) or (
                len(core) <= 4 and re.search(rf"[a-z]\W+{re.escape(core)}\b|\b{re.escape(core)}\W+[a-z]", text)):
            new = core  # no vowel, or written in capitals inside ordinary sentences: an acronym
        else:
            new = titled
        words.append(w.replace(core, new) if core else w)
    return " ".join(words)


def _known_committee(lines: list[str], committees: list[dict], prefix: str | None) -> str | None:
    for text in lines:
        best: tuple[int, str] | None = None
        for c in committees:
            for name in c["names"]:
                if re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text, re.IGNORECASE) and (
                        best is None or len(name) > best[0]):
                    best = (len(name), c["canonical"])
        if best is not None:
            return best[1]
    if prefix:
        for c in committees:
            if prefix.upper() in c["abbrevs"]:
                return c["canonical"]
    return None


def _strip_dates(text: str) -> str:
    for d in reversed(find_dates(text)):
        text = text[: d.start] + text[d.end :]
    return re.sub(r"\s+", " ", text).strip(" -–—,|")


def _join_small_caps(text: str) -> str:
    """``N ORTH OF T YNE LPC C OMMITTEE``: a text layer that split small capitals from their
    initial; joined when it happens to two words or more of the line."""
    split = re.compile(r"\b([A-Z]) (?=[A-Z]{2,}\b)")
    return split.sub(r"\1", text) if len(split.findall(text)) >= 2 else text


# "Minutes of the", also as a scan misreads its first word ("Mimntes of the")
_MINUTES_OF = r"m[a-z]{3,6}s\s+of\s+(?:the\s+)?"
# the small words inside a place's name: "Welford on Avon", "Stratford-upon-Avon", "Bishop's Itchington"
_PLACE_PARTICLES = r"(?:on|upon|in|under|by|le|cum|next|super)"


def _unwrap_title(lines: list[str]) -> list[str]:
    """``Minutes of the Energy Commons Foundation Technical Advisory`` over ``Council``: a
    title that wrapped before its body word is read as one line."""
    out = list(lines)
    for k in range(len(out) - 1):
        if (re.match(_MINUTES_OF, out[k], re.IGNORECASE) and not re.search(rf"\b(?i:{_BODY_WORDS})\b", out[k])
                and re.match(rf"^(?:[A-Z][\w&'’-]*\s+){{0,2}}(?i:{_BODY_WORDS})\b", out[k + 1])):
            out[k] = f"{out[k]} {out[k + 1]}"
    return out


def _named_committee(lines: list[str], labelled: dict[str, str]) -> str | None:
    """The body a generic title names: ``Minutes of Trustees of the Friends of … meeting held
    on …``, ``North of Tyne LPC Committee``, ``Falls Creek Ranch Association, Inc.`` over
    ``Board of Directors Meeting``, ``Title of Meeting: Suffolk Libraries IPS - Board Meeting``."""
    title = labelled.get("title")
    if title:
        return re.sub(r"\s+[-–—]\s+", " ", re.sub(r"\s+meeting\s*$", "", title, flags=re.IGNORECASE)).strip()
    lines = _unwrap_title(lines)
    for k, raw in enumerate(lines):
        text = _join_small_caps(raw)
        m = re.search(r"^minutes\s+of\s+(?:the\s+)?(?P<name>.+?)\s+meeting\b", text, re.IGNORECASE)
        if m and not _GENERIC_NAME.match(m["name"]):
            return m["name"]
        m = re.search(rf"^(?P<minutes>(?i:{_MINUTES_OF}))?(?P<name>(?:[A-Z][\w&'’.,-]*\s+(?:{_PLACE_PARTICLES}\s+)?){{0,6}}"
                      rf"(?i:{_BODY_WORDS})(?:\s+(?i:of\s+(?:directors|trustees)))?)\b", _strip_dates(text))
        if m is None:
            continue
        name = m["name"].strip()
        if not _GENERIC_NAME.match(name):
            return name
        prev = _join_small_caps(lines[k - 1]) if k else ""
        if (prev and not m["minutes"] and len(prev.split()) <= 8 and prev.isupper() and not find_dates(prev)
                and not re.search(r"minutes|:", prev, re.I)):
            body = re.sub(r"(?i)\s+meeting$", "", name)
            return f"{prev.strip()} {body}"
    # "Shibalik Apartment Block B" over "Minutes of Meeting (MOM)": the name above the title
    for k, text in enumerate(lines[1:], start=1):
        if re.match(r"^minutes\s+of\s+(?:the\s+)?meeting\b", text, re.IGNORECASE):
            prev = lines[k - 1]
            if len(prev.split()) <= 8 and not find_dates(prev) and ":" not in prev:
                return prev.strip()
    return None


def _status(value: str) -> str | None:
    """A ``Status:`` label's value: ``Draft`` → draft; ``Final``, ``Approved``, ``Agreed`` → final."""
    m = re.match(r"^\W*(?P<w>draft|final|approved|agreed|confirmed)\b", value, re.IGNORECASE)
    return _status_of(m["w"]) if m is not None else None


def _status_of(word: str) -> str:
    return "draft" if word.lower() == "draft" else "final"


def _letterhead(lines: list[str]) -> list[str]:
    """The running header's and footer's lines as a title would read: ``Fernhill Heath Parish
    Council minutes`` → ``Fernhill Heath Parish Council``; page numbers, dates and status words off."""
    out = []
    for raw in lines:
        text = re.sub(r"(?i)\bpage\s+\d+(?:\s+of\s+\d+)?\b|\b\d+\s+of\s+\d+\b", " ", raw)
        text = re.sub(r"(?i)(?:\s*[-–—|:,]?\s*\b(?:draft|final|approved|confirmed|unconfirmed)?\s*minutes\b)+\s*$", "",
                      _strip_dates(text))
        text = text.strip(" -–—|,.:")
        if text and not _STATUS.fullmatch(text):
            out.append(text)
    return list(dict.fromkeys(out))


def _abbreviates(short: str, name: str) -> bool:
    """``TAC`` for ``Open Grid Foundation Technical Advisory Council``: the short form's letters
    are the initials of the name's last words."""
    letters = re.sub(r"[^A-Z]", "", short)
    initials = "".join(w[0] for w in re.findall(r"[A-Za-z][\w&'’-]*", name) if w[0].isupper())
    return 2 <= len(letters) == len(short.strip()) and initials.endswith(letters)


def _committee(clean: list[str], labelled: dict[str, str], running: list[str], lexicon: dict,
               prefix: str | None, text: str) -> str | None:
    """The body the minutes are of: a known committee named in the title block, else the name
    the title gives; a title that only says ``Council Meeting`` or ``TAC`` takes the fuller name
    of the running header (the letterhead every page repeats), where there is one."""
    committees = lexicon.get("committees", [])
    found = _known_committee(clean, committees, prefix)
    if found is not None:
        return found
    named = _named_committee(clean, labelled)
    named = display_case(named.strip(" ,.-–"), text) if named else None
    if named is not None and not (_GENERIC_NAME.match(re.sub(r"[’']s?$", "", named)) or named.isupper()):
        return named
    head = _letterhead(running)
    letterhead = _known_committee(head, committees, None) or _named_committee(head, {})
    if letterhead is None:
        return named
    letterhead = display_case(letterhead.strip(" ,.-–"), text)
    if named is None or not named.isupper() or _abbreviates(named, letterhead):
        return letterhead
    return named


# ---------------------------------------------------------------- labels, times, place


def _labels(lines: list[str]) -> dict[str, str]:
    """``{"date": …, "time": …, "location": …, "title": …}`` from labelled lines (several a line)."""
    out: dict[str, str] = {}
    for text in lines:
        for part in _MORE_LABELS.split(text):
            m = _LABEL.match(part)
            if m:
                key = m["label"].lower().split()[0]
                key = "title" if key in {"title", "meeting"} and "title" in m["label"].lower() else key
                out.setdefault(key, m["value"].strip(" |"))
    return out


def _times(h: Header, labelled: dict[str, str], date_line: str | None, clean: list[str], dt: DocText) -> None:
    for t in [labelled.get("time", ""), date_line or "", *clean]:
        start, end = parse_time_range(t)
        if start:
            h.start_time, h.end_time = start, end
            return
    for t in [labelled.get("time", ""), _after_date(date_line)]:
        one = parse_time(t) if t else None
        if one:
            h.start_time = one
            break
    called = _CALLED.search(dt.text)
    if h.start_time is None and called:
        h.start_time = parse_time(called["time"])
    adjourned = _ADJOURNED.search(dt.text)
    if h.end_time is None and adjourned:
        h.end_time = parse_time(adjourned["time"] or adjourned["time2"])
    if h.start_time and h.end_time and h.end_time < h.start_time and int(h.end_time[:2]) < 12:
        h.end_time = f"{int(h.end_time[:2]) + 12:02d}{h.end_time[2:]}"  # "6:30 PM … Adjourned: 8:05"


def _after_date(line: str | None) -> str:
    """The rest of a date line after its date: ``10:00 AM (Betsy Frederick’s home, Albuquerque)``."""
    if not line:
        return ""
    dates = find_dates(line)
    return line[dates[0].end :] if dates else ""


def _location(h: Header, labelled: dict[str, str], clean: list[str], date_idx: int | None,
              head: list[str], dt: DocText) -> str | None:
    for key in ("location", "venue", "place", "where"):
        if key in labelled:
            value = labelled[key]
            nxt = _line_after(head, value)
            if nxt and re.fullmatch(r"[A-Z][\w .'’-]{1,30},\s*[A-Z]{2}\b\.?", nxt):
                value = f"{value}, {nxt}"  # "Socorro, NM" on the line below
            return value
    if date_idx is not None:
        rest = _after_date(clean[date_idx])
        m = re.search(r"\((?P<place>[^)]{3,80})\)\s*$", rest)
        if m:
            return m["place"]
        via = _via(clean, date_idx)
        if via:
            return via
        near = _location_after(clean, date_idx)
        if near:
            return re.sub(r"^(?i:via)\s+", "", near)
    called = _CALLED.search(dt.text)
    if called and called["place"]:
        return called["place"]
    for t in head:
        m = _HELD.search(t)
        if m and not find_dates(m["place"]):
            return m["place"]
    return None


# a UK postcode ending a place: "EC3M 4AJ", also as a scan or text layer left it ("EC3M SBN",
# "EC3M 4AJd", "NE77LX"); the inward code is a digit and two letters
_POSTCODE = re.compile(r"\b(?P<out>[A-Z]{1,2}\d[A-Z\d]?)\s*(?P<digit>[0-9SOIlBZ])(?P<letters>[A-Z]{2})[a-z]?$")
_DIGIT_LOOKALIKES = str.maketrans("SOIlBZ", "501182")


def _postcode(place: str) -> str:
    m = _POSTCODE.search(place)
    if m is None or not re.search(r"[,\s]", place[: m.start()] or ","):
        return place
    return f"{place[: m.start()]}{m['out']} {m['digit'].translate(_DIGIT_LOOKALIKES)}{m['letters']}"


def _line_after(lines: list[str], value: str) -> str | None:
    for k, t in enumerate(lines[:-1]):
        if t.endswith(value):
            return lines[k + 1].strip()
    return None


def _via(clean: list[str], date_line: int) -> str | None:
    """``… held on 17th June 2022 at 10:00 – 12:25 via Zoom``: the place a dated sentence gives
    after ``via``, with its line's wrapped end (``via Teleconference`` / ``and Microsoft Teams``)."""
    line = clean[date_line]
    m = re.search(r"\bvia\s+(?P<place>[A-Z][^.;()]{1,80}?)\s*(?:[.;(]|$)", _after_date(line))
    if m is None:
        return None
    place = m["place"]
    nxt = clean[date_line + 1] if date_line + 1 < len(clean) else ""
    if place == line.rstrip(" .;")[-len(place):] and (re.match(r"^(?:and|&)\s+[A-Z][^.;:()]{1,40}$", nxt)
                                                       or _wrapped_end(clean, date_line)):
        place = f"{place} {nxt.strip()}"
    return place


def _wrapped_end(clean: list[str], k: int) -> str:
    """The line below a long title-block line that holds only the end it wrapped
    (``Microsoft`` / ``Teams``; ``…, Gemserv, 8 Fenchurch`` / ``Place, London, EC3M 4AJ``)."""
    nxt = clean[k + 1].strip() if k + 1 < len(clean) else ""
    if (len(clean[k]) < 55 or not nxt or len(nxt.split()) > 6 or not re.match(r"^(?:and\s+)?[A-Z0-9]", nxt)
            or _REF.search(nxt) or _STATUS.search(nxt) or find_dates(nxt) or ":" in nxt or "|" in nxt
            or re.match(r"^(?:attend|present|apolog|members|in\s+attendance|draft|final|approved)", nxt, re.IGNORECASE)):
        return ""
    return nxt


def _location_after(clean: list[str], date_line: int) -> str | None:
    line = clean[date_line]
    # "26 May 2020, 10:00 - 11:10, Teleconference" or "… at 13:00 to 15:40 at Gemserv, …": whatever
    # follows the time range, with the end a long line wrapped onto the next
    m = re.search(r"\d[:.]\d\d\s*(?:[ap]\.?m\.?)?\s*(?:-|–|—|to)\s*\d{1,2}(?:[:.]\d\d)?\s*(?:[ap]\.?m\.?)?"
                  r"(?:\s*[,;|–-]|\s+at\b)\s*(?P<rest>[^\n]+)$", line, re.IGNORECASE)
    if m is None:
        # "Thursday 11 April 2019, 18.00, Pennington Vale Library": one time, then the place
        m = re.search(r"^\W*(?:at\s+)?[0-2]?\d(?:[:.][0-5]\d)?\s*(?:[ap]\.?m\.?)?\s*[,;|–-]\s*(?P<rest>[A-Z][^\n]{2,80})$",
                      _after_date(line).lstrip(" ,;|"), re.IGNORECASE)
        m = m if m and parse_time(_after_date(line)) else None
    if m and m["rest"].strip():
        return f"{m['rest'].strip()} {_wrapped_end(clean, date_line)}".strip()
    # "… at 09:30 to 12:40" over "at SECAS offices, 10 Fenchurch Avenue, …"
    if parse_time_range(line)[0] and date_line + 1 < len(clean):
        m = re.match(r"^(?:at|via)\s+(?P<place>[A-Z][^:|]{2,80})$", clean[date_line + 1].strip())
        if m:
            return m["place"]
    if parse_time_range(line)[0] is None and not parse_time(_after_date(line)):
        return None  # only a title block's "date, time" line has the place below it
    for t in clean[date_line + 1 : date_line + 3]:
        if _REF.search(t) or _STATUS.search(t) or find_dates(t) or re.search(r"minutes|attendees|:", t, re.IGNORECASE):
            continue
        if len(t.split()) <= 12:
            return t.strip()
    return None


# ---------------------------------------------------------------- the header


def _head_lines(dt: DocText, sections: Sections) -> list[TextLine]:
    stop = sections.first_agenda_line
    head_lines: list[TextLine] = []
    for i, line in enumerate(dt.lines):
        if stop is not None and i >= stop:
            break
        if re.match(r"^\s*(attendees|attendance|present|members\s+present)\b", line.text, re.IGNORECASE):
            break
        if line.page > (dt.lines[0].page if dt.lines else 1) or len(head_lines) > 25:
            break
        head_lines.append(line)
    return head_lines


_CLIPPED = re.compile(r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s*(?:of\s+)?(?P<month>[A-Za-z]{3,9})\.?,?\s*(?P<year>\d{0,3})\W*$")


def _clipped_year(value: str, dt: DocText) -> str | None:
    """``Wednesday5thJuly 201``: a labelled date whose year the layout clipped takes the year the
    document's own full dates most often give, among those that begin with what is left."""
    from pipeline.nlp.dates import month_number

    m = _CLIPPED.search(value)
    if m is None or (month := month_number(m["month"])) is None or month[1]:
        return None
    years = Counter(d.iso[:4] for d in find_dates(dt.text) if d.iso[:4].startswith(m["year"]))
    if not years:
        return None
    try:
        return date(int(years.most_common(1)[0][0]), month[0], int(m["day"])).isoformat()
    except ValueError:
        return None


# "RECEIVED 26 MAR 2020", "28 ocT 2020": a rubber stamp's date (day, a three-letter month not in
# title case, year), which a scan reads into the title block beside the meeting's own
_STAMP_DATE = re.compile(r"[0-3]?\d\s+(?![A-Z][a-z]{2}\b)[A-Za-z]{3}\.?\s+\d{4}")


def _date_rank(written: str) -> int:
    """0 for ``25 February 2021``, 1 for ``25/02/21``, 2 for a stamp's ``26 MAR 2020``."""
    if _STAMP_DATE.fullmatch(written.strip()):
        return 2
    return 0 if re.search(r"[A-Za-z]{3}", written) else 1


def _meeting_date(labelled: dict[str, str], clean: list[str], dt: DocText) -> tuple[str | None, int | None]:
    """The meeting's date and the index of the line it was read from."""
    if "date" in labelled and (found := parse_date(labelled["date"]) or _clipped_year(labelled["date"], dt)):
        idx = next((k for k, t in enumerate(clean) if labelled["date"] in t), None)
        return found, idx
    # a date written with its month's name first; a numeric one (``Ref 27/02/21`` written on the
    # page) next; a received-stamp's date only where the title block gives no other
    for rank in range(3):
        for idx, t in enumerate(clean):
            dates = [d for d in find_dates(t) if _date_rank(t[d.start : d.end]) <= rank]
            if dates and not _NEXT.search(t):
                return dates[0].iso, idx
    for idx in range(len(clean) - 1):  # "… MEETING HELD ON 9TH" / "AUGUST 2016."
        joined = f"{clean[idx]} {clean[idx + 1]}"
        dates = [d for d in find_dates(joined) if d.start < len(clean[idx]) < d.end]
        if dates and not _NEXT.search(joined):
            return dates[0].iso, idx
    return None, None


_NAME_DATE = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)[-_.]?(?P<m>0[1-9]|1[0-2])[-_.]?(?P<d>0[1-9]|[12]\d|3[01])(?!\d)")


def date_from_name(stem: str, dt: DocText) -> str | None:
    """The meeting's date from the file's name (``minutes_20041009``, ``2019-01-23 board``), for a
    document whose own text gives no whole date (``1° — 2004``): archives name files by the
    meeting's day. Only where the name holds one date, and a year the document's first lines write
    is that date's year."""
    found = list(_NAME_DATE.finditer(stem))
    if len(found) != 1:
        return None
    m = found[0]
    try:
        day = date(int(m["y"]), int(m["m"]), int(m["d"]))
    except ValueError:
        return None
    years = set(re.findall(r"(?<!\d)(?:19|20)\d\d(?!\d)", "\n".join(ln.text for ln in dt.lines[:15])))
    if years and m["y"] not in years:
        return None
    return day.isoformat()


def header(dt: DocText, sections: Sections, lexicon: dict, running: list[str] | None = None) -> Header:
    """The meeting's reference, committee, date, times, place, status and next date.

    ``running``: the page furniture taken out of the first pages (running headers and footers),
    where a letterhead may name the body the title block does not.
    """
    furniture = lexicon.get("furniture", [])
    head_lines = _head_lines(dt, sections)
    texts = [ln.text.strip() for ln in head_lines if ln.text.strip()]
    clean = [t for t in texts if not is_furniture(t, furniture)]
    h = Header()

    ref = next((m for t in texts if (m := _REF.search(t))), None)
    if ref is None:
        ref = _REF.search(dt.text)
    prefix = None
    if ref is not None:
        prefix = ref["prefix"]
        h.meeting_id = f"{ref['prefix']}_{ref['num']}_{ref['code']}"
        h.meeting_number = ref["num"]
    if h.meeting_number is None:
        for t in clean:
            m = _MEETING_NO.search(t)
            if m:
                h.meeting_number = m["num"] or m["ord"]
                break
    labelled = _labels(clean)
    h.committee = _committee(clean, labelled, running or [], lexicon, prefix, dt.text)

    h.meeting_date, date_idx = _meeting_date(labelled, clean, dt)
    if date_idx is not None and date_idx + 1 < len(clean) and (
            re.search(r"\b(?:at|commencing(?:\s+at)?|from)\s*$", clean[date_idx], re.IGNORECASE)
            or re.match(r"^[0-2]?\d[:.][0-5]\d\s*(?:[ap]\.?m\.?)?\s*(?:-|–|—|to)\s*[0-2]?\d", clean[date_idx + 1])):
        # "… held on Monday, 16 September 2019 commencing at" over "10:00 - 11:00 via Zoom"
        clean = [*clean[:date_idx], f"{clean[date_idx]} {clean[date_idx + 1]}", *clean[date_idx + 2 :]]
    _times(h, labelled, clean[date_idx] if date_idx is not None else None, clean, dt)
    h.location = _location(h, labelled, clean, date_idx, clean, dt)
    if h.location is not None:
        h.location = _postcode(h.location.strip(" .,;:_-–—|")) or None

    h.status = _status(labelled.get("status", ""))
    for t in texts + [ln.text for ln in dt.lines if h.meeting_id and _REF.search(ln.text)] + (running or []):
        if h.status:
            break
        m = _STATUS.search(t)
        if m:
            h.status = _status_of(m["a"] or m["b"] or m["c"])
    h.next_meeting_date = next_meeting(dt, after=h.meeting_date)
    return h


def next_meeting(dt: DocText, *, after: str | None = None) -> str | None:
    """``Next Meeting: 30 June 2020`` or ``The next meeting will be held on …``.

    A date written without its year (``22nd November, 5.45 pm``) is the first such day after
    the meeting's own date ``after``.
    """
    candidates: list[tuple[int, str]] = []
    for line in dt.lines:
        text = line.text.strip()
        m = _NEXT.search(text)
        if m is None:
            continue
        start = line.start + line.text.find(text) + m.end()
        following = dt.text[start : start + 120]
        label = bool(re.match(r"^\W*(?:\d{1,2}[.)]?\s*\|?\s*)?(?:date\s+(?:and\s*time\s+)?of\s+(?:the\s+)?)?next\s+"
                              r"(?:[\w&-]+\s+){0,4}?meeting\b", text, re.IGNORECASE))
        verb = re.match(r"^[^.\n]{0,25}?\b(?:will\s+(?:be|take)|is|(?:is\s+)?scheduled|:)", following, re.IGNORECASE)
        if not (label or verb):
            continue
        dates = [d for d in find_dates(following) if d.start < 80]
        yearless = _without_year(following[: dates[0].start if dates else 80], after) if after else None
        if yearless:  # "Tuesday 4thApril, 18:30 … Wednesday 3 rd May 2017": the first day named
            candidates.append((0 if label else 1, yearless))
        elif dates:
            candidates.append((0 if label else 1, dates[0].iso))
    candidates.sort(key=lambda c: c[0])
    return candidates[0][1] if candidates else None


def _without_year(text: str, after: str) -> str | None:
    """``Tuesday 4thApril`` after 2017-03-01 → 2017-04-04: the first such day after the meeting."""
    from pipeline.nlp.dates import month_number

    m = re.search(r"\b(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s*(?:of\s+)?(?P<month>[A-Z][a-z]{2,8})\b", text)
    if m is None:
        return None
    month = month_number(m["month"])
    if month is None or month[1]:
        return None
    held = date.fromisoformat(after)
    for year in (held.year, held.year + 1):
        try:
            day = date(year, month[0], int(m["day"]))
        except ValueError:
            return None
        if day > held:
            return day.isoformat()
    return None
