"""Attendees written as lists rather than tables.

- inline lists after a label: ``Present: Dr Andrew Payne, Chairman (AP). Evelyn Lindqvist (EL).``,
  ``Attendees: Alison Beard (AB) Chair; Paul Saker (PS) Large Suppliers``;
- prose: ``Present were President, Jim McCarthy; Vice President, Michael McQuinn …``,
  ``Mayor Heather Kibbey, … and Councilors Carolyn Bahrman, Brenda Ruble, and Bill Tuttle were
  present. City Attorney Bill Kabeiseman was also present.``;
- one person a line, numbered or bulleted, with ``- Organisation`` or ``, Organisation``;
- grids: two-column ``Voting Members: | Not in Attendance:`` tables, a ``Members Present`` grid.

Offices written with a name (``Mayor``, ``Treasurer``, ``Chairman``) set the role and are not
an organisation; the vocabulary (offices, titles, name particles, organisation and heading
words, attendance labels) is the lexicon's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from pipeline.nlp.vocab import alternation, lexicon

UP = "A-ZÀ-ÖØ-Þ"
LOW = "a-zß-öø-ÿ"
_WORD = rf"(?:[{UP}][{LOW}’'\-]*[{LOW}][{UP}{LOW}’'\-]*|[{UP}][’'][{UP}][{LOW}][{UP}{LOW}’'\-]*|[{UP}]\.)"  # O’Neill
_CAPS = rf"[{UP}]{{3,}}(?:-[{UP}]+)?"  # DOLLEY, as some lists write a surname


@lru_cache(maxsize=1)
def _vocab() -> dict:
    lex = lexicon()
    offices = sorted(lex["offices"], key=lambda o: len(o[0]), reverse=True)
    labels = sorted(lex["attendance_labels"], key=lambda a: len(a[0]), reverse=True)
    particles = alternation(lex["name_particles"])
    name = rf"{_WORD}(?:\s+(?:{particles}\s+){{0,2}}(?:{_WORD}|{_CAPS})){{1,3}}"
    return {
        "offices": dict(offices),
        "office_re": re.compile(rf"^(?P<office>{alternation([o[0] for o in offices])})\b\.?", re.IGNORECASE),
        "title_re": re.compile(rf"^(?:{alternation(lex['person_titles'])})\.?\s+"),
        "name_re": re.compile(rf"^(?P<name>{name})$"),
        "org_words": {w.lower() for w in lex["organisation_words"]},
        "job_words": {w.lower() for w in lex.get("job_title_words", [])},
        "not_name": {w.lower() for w in lex["organisation_words"] + lex["heading_words"]},
        "label_re": re.compile(rf"(?:^|\b)(?P<label>{alternation([a[0] for a in labels])})\b"),
        "label_roles": {a[0]: a[1] for a in labels},
    }


@dataclass
class Entry:
    name: str
    initials: str | None = None
    role: str | None = None  # from an office written with the name
    representing: str | None = None
    present: bool | None = None  # None: as the label or sentence says


def vocabulary() -> dict:
    """The words the lists are read by: offices, organisation words, words no name is."""
    return _vocab()


def office_role(text: str) -> str | None:
    """``chair`` for ``Chairman``, ``member`` for ``Treasurer``; None when ``text`` is no office."""
    low = re.sub(r"\s+", " ", text.strip().lower().rstrip("."))
    offices = _vocab()["offices"]
    if low in offices:
        return offices[low]
    parts = re.split(r"\s+(?:and|&)\s+|\s*/\s*", low)  # "Clerk and RFO", "Secretary/Treasurer"
    if len(parts) > 1 and all(p in offices for p in parts):
        return offices[parts[0]]
    return None


def job_title(text: str) -> bool:
    """``Finance Director``, ``Head of Housing``, ``Community Libraries Manager``: what one does,
    written after a name in place of an organisation."""
    words = text.strip(" .,;").split()
    if not 1 <= len(words) <= 6 or not words[0][:1].isupper():
        return False
    if office_role(text) is not None:
        return True
    return words[-1].lower() in _vocab()["job_words"] or (
        len(words) >= 3 and words[0].lower() == "head" and words[1].lower() == "of")


def label_role(text: str) -> tuple[str | None, bool] | None:
    """``(role, present)`` for an attendance label (``Voting members not in attendance``), else None."""
    low = re.sub(r"\s+", " ", text.strip().strip(":-–—").lower())
    v = _vocab()
    found = [m["label"] for m in v["label_re"].finditer(low)]
    glued = re.sub(r"(?<=[a-z])\s*[:;.]\s*([a-z])$", r"\1", low)  # "Attendee: S": a letter parted by a speck
    if not found and glued != low:
        found = [m["label"] for m in v["label_re"].finditer(glued) if m.end() == len(glued)]
    if not found and (near := misread_label(low)) is not None:
        found = [near]
    if not found:
        return None
    role = v["label_roles"][max(found, key=len)]  # "voting members not in attendance": not present
    return role, role != "apology"


_LABEL_WORDS = ("attendees", "attendance", "apologies", "present")
_NOT_LABELS = {"prevent", "attended", "attender", "attendee", "attends", "apology", "apologise", "apologised"}


def misread_label(word: str, *, listed: bool = False) -> str | None:
    """``Attendess``, ``Apologles``, ``Presemt``: a one-word label a scan misread by a letter
    (two in ``attendance``), as its own line; the label meant, or None (a word of its own such
    as ``Prevent`` or ``Attended`` is no misreading). ``listed``: a list of names follows it
    (``Presrst: Ailsa Tolley (…); …``), evidence enough for two letters misread."""
    from rapidfuzz.distance import Levenshtein

    word = word.strip(" :;.-–—").lower()
    if not re.fullmatch(r"[a-z]{7,12}", word) or word in _LABEL_WORDS or word in _NOT_LABELS:
        return None
    near = [w for w in _LABEL_WORDS
            if Levenshtein.distance(word, w) <= (2 if len(w) >= 10 or (listed and w[0] == word[0]) else 1)
            or _one_read_as_two(word, w)]
    return near[0] if len(near) == 1 else None


def _one_read_as_two(read: str, meant: str) -> bool:
    """``Attertdees``: one letter of a long word (nine letters or more) read as two, side by side."""
    from rapidfuzz.distance import Levenshtein

    if len(meant) < 9 or len(read) != len(meant) + 1:
        return False
    ops = Levenshtein.editops(read, meant)
    return (len(ops) == 2 and {op.tag for op in ops} == {"replace", "delete"}
            and abs(ops[0].src_pos - ops[1].src_pos) == 1)


_DETERMINERS = {"the", "a", "an", "this", "that", "these", "those", "our", "their", "his", "her", "its", "each",
                "every", "all", "no", "any", "some", "both"}


def is_name(text: str, *, single: bool = False) -> bool:
    """A person's name as written: capitalised words, no organisation or heading word."""
    v = _vocab()
    text = v["title_re"].sub("", text.strip())
    words = text.split()
    parts = [part for w in words for part in re.split(r"[-‐–]", w.lower().strip(".,"))]  # "Sub-Committee"
    if any(part in v["not_name"] for part in parts) or (words and words[0].lower() in _DETERMINERS):
        return False
    if office_role(text) is not None or label_role(text) is not None:
        return False
    if v["name_re"].match(text):
        return True
    return single and bool(re.fullmatch(rf"[{UP}][{LOW}’'\-]{{2,}}", text))


def split_outside_brackets(text: str, seps: str) -> list[str]:
    """Split on the separators ``seps`` (a regex) outside brackets. A bracket with a semicolon
    before its close was left open (``Priya Underwood ( —Large Supplier Member; Kerry …``: OCR
    lost the initials and their close) and holds nothing."""
    parts, depth, last = [], 0, 0
    ahead = _next_marks(text)
    for m in re.finditer(rf"[()\[\]]|{seps}", text):
        ch = m.group(0)
        if ch in "([":
            close, semi = ahead[ch][m.end()], ahead[";"][m.end()]
            if semi < close:
                continue
            depth += 1
        elif ch in ")]":
            depth = max(0, depth - 1)
        elif depth == 0:
            parts.append(text[last : m.start()])
            last = m.end()
    parts.append(text[last:])
    return [p.strip() for p in parts if p.strip()]


def _next_marks(text: str) -> dict[str, list[int]]:
    """For each position, where the next ``)`` (under the key ``(``), ``]`` (under ``[``) and ``;``
    are (``len(text)`` when none): one pass, however many brackets the text opens."""
    ahead: dict[str, list[int]] = {}
    for key, mark in (("(", ")"), ("[", "]"), (";", ";")):
        at, nxt = len(text), [0] * (len(text) + 1)
        for i in range(len(text), -1, -1):
            if i < len(text) and text[i] == mark:
                at = i
            nxt[i] = at
        ahead[key] = nxt
    return ahead


# a full stop ends an item, but not after an initial or a title ("B. Mooney", "Dr. Monti")
_STOP = r"(?<![\s.][A-Z])(?<!\bDr)(?<!\bMr)(?<!\bMs)(?<!\bMrs)(?<!\bSt)(?<!\bMessrs)\.\s+(?=[A-ZÀ-ÖØ-Þ])"
_TITLE_WORD = r"(?:Cllr|Councillor|Dr|Mr|Mrs|Ms|Miss|Prof)"  # a title that starts a name in a list
_TITLED = re.compile(rf"(?:^|[\s,:;]){_TITLE_WORD}\.?\s+[A-ZÀ-ÖØ-Þ]")
# a title starts the next name ("Cllr Theo Buckley Cllr Isla Pickering")
_BEFORE_TITLE = rf"\s+(?={_TITLE_WORD}\.?\s+[A-ZÀ-ÖØ-Þ])"
# separators lost: "Margaret Buckley (TABASC Chair) Abigail Gilchrist (Elexon) …"
_AFTER_BRACKET = rf"(?<=\))\s+(?=[{UP}][{LOW}]+(?:\s+[{UP}][{LOW}’'\-]+){{1,3}}\s*\()"
_ITEM_SEP = r";|,|\s+(?:and|&)\s+|" + _STOP + "|" + _BEFORE_TITLE + "|" + _AFTER_BRACKET


_DASH = re.compile(r"\s*[–—]\s*|\s+-\s*|\s*-\s+")


def person(seg: str, *, single: bool = False, listed: bool = False) -> Entry | None:
    """``Dr Umi Shamir (US)``, ``Antonello Monti - SOGNO Representative``, ``Aliou Diate- RTE``,
    ``Alison Beard (AB) Chair``. ``listed``: ``seg`` is an entry of a list that gives each person's
    organisation (see :func:`_name_then_org`)."""
    v = _vocab()
    seg = v["title_re"].sub("", seg.strip(" .,;:"))
    seg = stray_quotes(seg)
    paren, after = "", ""
    seg = " ".join(seg.split())  # a cell's line breaks
    comma = re.match(r"^(?P<name>[^,(\[]+),\s+(?P<org>[^,]*[(\[][^,]*)$", seg)
    if comma and is_name(comma["name"], single=single) and (
            _is_org(comma["org"].split("(")[0].split("[")[0]) or re.match(rf"[{UP}&]{{2,}}\b", comma["org"])):
        # "Hazel Stanfield, SECAS (Secretariat)": the bracket belongs to the organisation
        return Entry(comma["name"].strip(), representing=comma["org"].strip(" .,;:"))
    if "(" in seg or "[" in seg:
        m = re.match(r"^(?P<core>[^(\[]*)[(\[](?P<paren>[^)\]]*)[)\]]?(?P<after>.*)$", seg)
        core, paren, after = m["core"], m["paren"].strip(), m["after"]
        more = re.match(r"^\s*[(\[](?P<p>[^)\]]*)[)\]]\s*(?P<rest>.*)$", after)
        if more:  # "Niall Kirkby (NK) (Chair)"
            after = f"{more['p']} {more['rest']}".strip()
    else:
        parts = _DASH.split(seg, maxsplit=1)
        core, after = parts[0], (parts[1] if len(parts) > 1 else "")
        if not after and ", " in core:  # "John Mertic, The Linux Foundation"
            name, org = core.split(", ", 1)
            if _is_org(org) or job_title(org) or office_role(org) is not None or (
                    # "Joanna Postlethwaite, ScottishPower", "Oisin Murphy, Northern Powergrid": a
                    # whole name, then capitalised words that are no one's name
                    len(name.split()) >= 2 and is_name(name) and len(org.split()) <= 6
                    and re.match(rf"[{UP}]", org) and not _starts_a_name(org)):
                core, after = name, org
    core = v["title_re"].sub("", core.strip(" ,"))
    if not after and not paren:
        core, after = _name_then_org(core, listed=listed)
    if not is_name(core, single=single):
        return None
    entry = Entry(core)
    if paren:
        if re.fullmatch(r"[A-Z]{2,4}\d?", paren) and _initials_fit(core, paren):
            entry.initials = paren
        elif office_role(paren) is not None:
            entry.role = office_role(paren)
        else:
            entry.representing = paren
    org = after.strip(" .,;:-–—/")
    if org:
        if office_role(org) is not None:
            entry.role = office_role(org)
        elif entry.representing is None:
            entry.representing = org
    return entry


def stray_quotes(text: str) -> str:
    """``Eira’ Begum``: a speck after a word, read as a quote mark before the next capitalised
    word, is dropped (``O’Neill`` keeps its own)."""
    return re.sub(r"(?<=[a-z])[’'‘`´](?=\s+[A-Z])", "", text)


def _starts_a_name(text: str) -> bool:
    """``John Brown``: a name that begins with a given name the name list holds."""
    from pipeline.nlp.namewords import given_names

    words = text.split()
    return is_name(text) and bool(words) and words[0].lower() in given_names()


def _name_then_org(text: str, *, listed: bool = False) -> tuple[str, str]:
    """``Amelia Threlfall SECAS``, ``Isla Bradshaw Northern Gas Networks``, ``Mary Ann Smith
    Energy UK``: where the separator between a name and its organisation was lost, the name is
    its given names and one surname; what follows is the organisation when it is written as one
    (capitals, or an organisation's word), or, in a list that gives each person's organisation
    (``listed``), a capitalised word or two that is no one's surname (``Darren Gledhill
    Xoserve``; not ``Mary Ann Smith``). Otherwise ``(text, "")``."""
    from pipeline.nlp.namewords import given_names, known

    words = text.split()
    for n in (2, 1):  # "Kate Mellor Clerk", "Lachlan Akhtar Vice Chairman": the comma before an office lost
        if len(words) >= n + 2 and office_role(" ".join(words[-n:])) is not None and is_name(" ".join(words[:-n])) \
                and office_role(" ".join(words[:-n])) is None:
            return " ".join(words[:-n]), " ".join(words[-n:])
    given = given_names()
    if given and words and words[0].lower() not in given:
        return text, ""  # ("Open Grid Foundation" is no one)
    k = 1
    while k < len(words) - 1 and words[k].lower() in given:
        k += 1
    name, org = " ".join(words[: k + 1]), " ".join(words[k + 1 :])
    if not org or not is_name(name) or not re.fullmatch(rf"(?:[{UP}][{LOW}’'\-]+\s+)*[{UP}][{LOW}’'\-]+", name):
        return text, ""
    v = _vocab()
    if re.fullmatch(rf"[{UP}&]{{2,}}", org.split()[0]) or any(w.lower().strip(".,") in v["org_words"] for w in org.split()):
        return name, org
    if (listed and len(org.split()) <= 2 and re.fullmatch(rf"(?:[{UP}][\w.’'\-]+\s*)+", org)
            and not any(known(w, surname=True) or w.lower() in given for w in org.split())):
        return name, org
    return text, ""


def _initials_fit(name: str, initials: str) -> bool:
    """``AP`` fits Andrew Payne; ``SCC`` (an organisation in brackets) does not fit Stephen Taylor."""
    words = [w for w in re.split(r"[\s\-]+", name) if w and w[0].isupper()]
    derived = "".join(w[0] for w in words)
    return initials == derived or (len(initials) == len(words) and initials[0] == derived[:1]) or (
        len(initials) == len(derived) == 2 and initials[1] == derived[1] and initials[0] != derived[0]
        and initials[0] in "EFIL")  # the first letter misread ("Isla Chadwick (EC)")


def _office_prefix(seg: str) -> tuple[str | None, str]:
    """``("Council President", "Arne Nyberg")`` from ``Council President Arne Nyberg``."""
    m = _vocab()["office_re"].match(seg.strip())
    if m is None:
        return None, seg
    return m["office"], seg.strip()[m.end() :].strip(" ,:-–")


_NAME_PART = rf"[{UP}][{LOW}’'\-]*[{LOW}][{UP}{LOW}’'\-]*"  # "McAllister", "O’Neill"
_NAMED_INITIALS = re.compile(rf"(?P<words>(?:{_NAME_PART}\s+){{1,3}}{_NAME_PART})\s*\((?P<ini>[{UP}]{{2,4}})\)")


# "(IGy SECAS": the closing bracket of initials OCR read as a letter or another bracket
_UNCLOSED = re.compile(rf"\((?P<ini>[{UP}]{{2,4}})[yj1l|\]}}]\s")


# a semicolon OCR read as a colon, an "i" or a bar after a bracket, before the next "Name (…"
_MISREAD_SEMICOLON = re.compile(rf"(?<=\))\s*[:i|!]\s+(?=[{UP}][{LOW}]+(?:\s+[{UP}][{LOW}’'\-]+){{1,3}}\s*\()")


# "…, Secretary: Deepak Barraclough; …": a semicolon OCR read as a colon after an office, in a
# list separated by semicolons (checked in _office_colons)
_OFFICE_COLON = re.compile(rf":\s+(?=[{UP}][{LOW}]+\s+[{UP}][{LOW}’'\-]+\s*(?:;|$))")
_LIST_COLON = re.compile(rf"(?<=[{UP}{LOW}])\s*:\s+(?=[{UP}])")  # "Deepak Ingram. DCC: Kate Ramsbottom, DCC: …"
_TRAILING_SPECK = re.compile(r"(?<=[a-z])\s+[\d°¢§]$")  # "Vikram Gilchrist 5" at the end of a list


def drop_trailing_speck(text: str) -> str:
    """``Vikram Gilchrist 5``: a speck OCR read as a digit or a sign after the list's last name."""
    return _TRAILING_SPECK.sub("", text)


def _office_colons(text: str) -> str:
    if text.count(";") < 2:
        return text

    def sub(m: re.Match[str]) -> str:
        entry = text[text.rfind(";", 0, m.start()) + 1 : m.start()]
        return "; " if "," in entry else m.group(0)

    return _OFFICE_COLON.sub(sub, text)


def restore_separators(text: str) -> str:
    """``Deborah Drummond (DD) - Small Supplier Member Niall Buckley (NB)``: where OCR lost the
    separator, a name whose bracketed initials are its own starts a new item (``; Niall …``);
    ``(Large Supplier Panel Member): Derek Crowther (…)``, ``(SECAS)i Lynne Tennant (…)``: where
    OCR misread it after a bracket, so does a name with a bracket of its own; colons where a list
    has no semicolon at all but two colons or more between its entries are its semicolons; in a
    list with separators, a known given name and a surname after an organisation start an entry
    (:func:`given_name_starts`)."""
    text = _UNCLOSED.sub(r"(\g<ini>) ", text)
    if ";" not in text and len(_LIST_COLON.findall(text)) >= 2:
        text = _LIST_COLON.sub("; ", text)  # every semicolon of the list read as a colon
    text = _MISREAD_SEMICOLON.sub("; ", _office_colons(drop_trailing_speck(text)))
    if ";" in text:  # "… (Northern Gas Networks), Jessica Ahmed (E.ON)": a semicolon read as a comma
        text = re.sub(rf"\)\.?,\s+(?=[{UP}][{LOW}’'\-]+\s+[{UP}][{LOW}’'\-]+\s*[(\[{{])", "); ", text)
    cuts = []
    for name_start in named_starts(text) + _commanamed_starts(text):
        before = text[:name_start].rstrip()
        title = re.search(rf"(?:^|(?<=\s))(?:{_TITLE_WORD}|Sir)\.?$", before)
        if title is not None:  # "…(AE), Cllr Nigel Osborne (NO)": the title is the name's, the cut before it
            name_start, before = title.start(), before[: title.start()].rstrip()
        if before and not re.search(r"(?:[;,.(\[]|\band|&)$", before):
            cuts.append(name_start)
    cuts = sorted(set(cuts))
    for at in reversed(cuts):
        text = f"{text[:at].rstrip()}; {text[at:]}"
    # (or names one a line whose line ends were lost, a bracketed office after some:
    # "Stuart Lofthouse (Chair) Daisy Fawcett (Vice Chair) Ruaridh Dunleavy Sophie Gledhill")
    listed = ";" in text or "," in text or re.search(rf"\)\s+[{UP}][{LOW}]+\s+[{UP}]", text) is not None
    return given_name_starts(text) if listed else text


_NAME_COMMA = re.compile(rf"(?<![\w’'\-])(?P<name>{_NAME_PART}\s+{_NAME_PART}),\s")


def _commanamed_starts(text: str) -> list[int]:
    """``… Security Sub-Committee Chair Beatrice Oakley, Good Energy``: in a list of ``Name,
    Organisation`` entries, where each two-word name followed by its comma starts, when the list
    writes every entry so (the first entry, at the start, says it does)."""
    from pipeline.nlp.namewords import given_names

    found = list(_NAME_COMMA.finditer(text))
    if not found or found[0].start() != 0 or len(found) < 2:
        return []
    starts = []
    for prev, m in zip(found, found[1:], strict=False):
        between = text[prev.end() : m.start()]
        # "Sylvia Knights, Maureen Garrett Simpson," is a three-word name; an organisation or an
        # office between the entries ("…, Security Sub-Committee Chair Beatrice Oakley,", "…,
        # Utiligroup Jago Mulholland,": one word no given name) is not
        words = between.split()
        if is_name(m["name"]) and not re.search(r"[,;]", between) and (
                len(words) >= 2 or (len(words) == 1 and words[0].lower() not in given_names()
                                    and words[0].lower() not in _vocab()["org_words"])):
            # (not "Electricity North West,": a word that says an organisation's name goes on)
            starts.append(m.start())
    return starts


def named_starts(text: str) -> list[int]:
    """Where each ``Name Surname (NS)`` whose initials are its own starts."""
    starts = []
    for m in _NAMED_INITIALS.finditer(text):
        words = m["words"].split()
        ini = m["ini"]
        spelt = "".join(w[0] for w in words[-len(ini) :]) if len(words) >= len(ini) else ""
        # the initials the name spells, or one letter of them misread but the surname's
        # ("SECAS Isla Chadwick (EC)")
        if not spelt or (spelt != ini and not (len(ini) == 2 and spelt[1] == ini[1] and m.start() > 0)):
            continue
        starts.append(m.start("words") + m["words"].rfind(" ".join(words[-len(ini) :])))
    return starts


_FIRST_LAST = re.compile(rf"(?<![\w’'\-])(?=(?P<first>[{UP}][{LOW}]+)\s+(?P<last>(?:Mc|Mac|O’|O')?[{UP}][{LOW}’'\-]+)(?![\w’'\-]))")


def given_name_starts(text: str) -> str:
    """``Beatrice Farrow SGN Priya Prentice. DCC``: in a row of a names grid whose separators OCR
    lost, a known given name and a surname after an organisation start the next entry
    (``; Priya …``). Not after a lone given name (``Mary Ann Smith``)."""
    from pipeline.nlp.namewords import given_names, surnames

    given, family, v = given_names(), surnames(), _vocab()
    cuts = []
    for m in _FIRST_LAST.finditer(text):
        if m["last"].lower() in v["not_name"] or office_role(m["first"]) or office_role(m["last"]):
            continue  # ("Akhtar Chairman": a surname that is also a given name, then an office)
        before = re.split(r"[;,.(\[]\s*", text[: m.start()])[-1].split()
        if before and before[-1].endswith(")") and (m["first"].lower() in given or (
                m["first"].lower() not in family and m["last"].lower() in family)) and not _org_follows(text, m) \
                and is_name(f"{m['first']} {m['last']}"):
            # "(Vice Chair) Ruaridh Dunleavy": the bracket closed the entry before it, a name starts
            # the next (a given name the lists lack before a listed surname; not "Northern
            # Powergrid", "Western Power Distribution": words that are surnames themselves)
            cuts.append(m.start())
            continue
        if m["first"].lower() not in given:
            continue
        titles = r"(?i:and|&|mayor|councill?ors?|cllrs?|dr|mr|mrs|ms|miss|prof|sir)"
        if before and (office_role(" ".join(before)) or job_title(" ".join(before)) or re.fullmatch(titles, before[-1])
                       or (len(before) == 2 and re.fullmatch(titles, before[0]) and before[1].lower() in given)):
            continue  # the person's own title or office ("Mayor Ann Pruitt", "Council President Lee Vance"),
            # or the given name after a title ("Cllr Lachlan Akhtar")
        if before and before[-1] in {"-", "–", "—"}:
            continue  # a dash opens the organisation ("(AF) – Robin Hood Energy")
        if before and not (len(before) == 1 and before[0].lower() in given):
            cuts.append(m.start())
        elif not before and re.search(r"\w{2}\.\s+$", text[: m.start()]):
            cuts.append(m.start())  # "UK Power Networks. Hamish Jarvis": a full stop OCR read for the separator
    for at in reversed(cuts):
        text = f"{text[:at].rstrip().removesuffix('.')}; {text[at:]}"
    return text


def opens_name_comma(text: str) -> bool:
    """Does the list open ``Name Surname,``?"""
    return _NAME_COMMA.match(text) is not None


def anchored(text: str) -> list[Entry]:
    """``Sean Mulholland, Change Board Chair Zainab Jagger Large Supplier Member: Arthur Costello.
    Small Supplier Member’ …``: a ``Name, Office`` list whose separators a poor scan lost or
    misread (as full stops, colons, quotes), read by its names: each known given name and
    surname starts an entry, and what lies between it and the next name is the person's office or
    organisation. Only for a list that opens ``Name Surname,``, or with a name whose given name
    the lists know (its comma lost too: ``Aileen Oakley Security Sub-Committee Chair Arjun …``);
    empty otherwise."""
    from pipeline.nlp.namewords import given_names

    given, v = given_names(), _vocab()
    opening = _FIRST_LAST.match(text)
    if not opens_name_comma(text) and (opening is None or opening["first"].lower() not in given
                                        or not is_name(f"{opening['first']} {opening['last']}")):
        return []

    def parted(m: re.Match[str]) -> bool:
        # a name the lists lack, between separators ("Member’ Kwame Hebblethwaite."), or after an
        # office and before its own comma, the line break between them lost ("Treasurer Jago Kowalski, Secretary")
        before = text[: m.start()]
        office = re.search(r"(?:^|[,;]\s*)(?P<office>[A-Z][\w\- ]{2,40}?)\s+$", before)
        return is_name(f"{m['first']} {m['last']}") and (
            (re.search(r"[.;:’'‘]\s*$", before) is not None
             and re.match(r"\s*(?:[.,;:’'‘(]|$)", text[m.end("last") :]) is not None)
            or (office is not None and office_role(office["office"]) is not None
                and re.match(r"\s*,", text[m.end("last") :]) is not None))

    names = [m for m in _FIRST_LAST.finditer(text)
             if (m["first"].lower() in given or parted(m)) and m["last"].lower() not in v["not_name"]
             and m["last"].lower() not in v["org_words"] and not office_role(m["first"])
             and not office_role(m["last"]) and not _org_follows(text, m)
             and text.count("(", 0, m.start()) <= text.count(")", 0, m.start())]  # ("(Grant Thornton)": whom one represents)
    kept: list[re.Match[str]] = []
    for m in names:  # not "Ann Smith" of "Mary Ann Smith", nor "Kelly Bryn" of "Dafydd Kelly Bryn Mensah"
        if not kept or m.start() >= kept[-1].end("last"):
            kept.append(m)
    names = kept
    entries = []
    for k, m in enumerate(names):
        end = names[k + 1].start() if k + 1 < len(names) else len(text)
        rest = text[m.end("last") : end].strip(" ,;:.’'‘\"“”-–—")
        ini = re.match(r"^\(\s*([A-Z]{2,4})\s*\)\s*", rest)
        if ini:
            rest = rest[ini.end() :].strip(" ,;:.’'‘\"“”-–—")
        rest = re.sub(r"\s*[’'‘\"“”:]\s*$", "", rest)
        entries.append(Entry(f"{m['first']} {m['last']}", ini.group(1) if ini else None,
                             office_role(rest) if rest else None, rest or None))
    return entries


def covered(name: str, entries: list[Entry]) -> bool:
    """Is the person ``name`` one of ``entries``: one's name, one's name with words run on
    (``Aoife Pogson Finance``), or made of the words of one's name and office (``Hale Finance``
    of ``Ruth Hale``, ``Finance Director``)?"""
    return any(name == e.name or name.startswith(f"{e.name} ")
               or set(name.split()) <= set(f"{e.name} {e.representing or ''}".split()) for e in entries)


def by_names_instead(read: list[tuple[str, str | None]], text: str) -> list[Entry] | None:
    """The list ``text`` read by its names (:func:`anchored`), when that reading is the better
    one of it; ``read``: the names and organisations the separators gave. Better when it finds
    everyone the separators did and two more (a name read with its office run on, ``Aileen
    Oakley Security Sub``, is one of them; a list that does not open ``Name Surname,`` only when
    the separators ran people together so, or found no one), or when it finds fewer and each it lacks is a
    misread office the names read as one of theirs, its last word no surname (``Quentin
    Parkinson, Large Supphers, …``). Never when an office it reads holds a person's initials or
    runs past eight words (a person the names missed, ``SECAS, Revi Utiey (RU)``, or prose)."""
    from pipeline.nlp import namewords

    by_names = anchored(text)
    if not by_names or any(len((e.representing or "").split()) > 8 or _NAMED_INITIALS.search(e.representing or "")
                           for e in by_names):
        return None
    names, got = {e.name for e in by_names}, {n for n, _ in read}
    offices = " ".join(e.representing or "" for e in by_names)
    # the separators ran people together: a name with words run on, a person inside another's
    # office (not the office itself, "(Grant Thornton)"), a name made of another entry's words
    run_on = any(n.startswith(f"{a} ") or (a in (rep or "") and a != (rep or "").strip(" ()"))
                 for n, rep in read for a in names) or any(
        n not in names and not any(n.startswith(f"{a} ") for a in names) and covered(n, by_names) for n in got)
    if len(by_names) >= len(read) + (1 if run_on else 2) and all(covered(n, by_names) for n in got) and (
            run_on or not read or opens_name_comma(text)):
        return by_names
    if names < got and all(n in offices and not namewords.known(n.split()[-1], surname=True) for n in got - names):
        return by_names
    return None


def _org_follows(text: str, m: re.Match[str]) -> bool:
    """The words of a name go on into an organisation's (``Robin Hood Energy``): no person."""
    nxt = re.match(r"\s+(\w+)", text[m.end("last") :])
    return nxt is not None and nxt.group(1).lower() in _vocab()["org_words"]


def parse_list(text: str) -> list[Entry]:
    """The people of an inline or prose list, offices and organisations attached to them."""
    entries: list[Entry] = []
    text = text.replace("{", "(").replace("}", ")")  # braces OCR read for brackets
    text = re.sub(r"(?<=[a-z])\s+[°¢§«»©®]+(?=\s*(?:[;,]|$))", "", text)  # a speck after an entry ("Mohammed Mensah °")
    text = re.sub(rf"\b([{UP}][{LOW}]+)!(?=\s+[{UP}][{LOW}])", r"\1l", text)  # "Isobe! Kaur": an l read as "!"
    text = restore_separators(text)
    groups = split_outside_brackets(text, ";")
    for group in groups:
        # one person a group, unless the group names two people by their own initials
        # ("A (AB) - Org, C (CD) Org" where OCR read a semicolon as a comma)
        # (nor when it names two people by their titles: "Cllr A B: Cllr C D, Cllr E F")
        pairs = _named_segments(group) >= 2  # "A B, Itron, C D, E.ON": a scan read the semicolons as commas
        one = (len(groups) >= 3 and not re.search(r"\s(?:and|&)\s", group) and len(named_starts(group)) < 2
               and len(_TITLED.findall(group)) < 2 and not pairs)
        found = _parse_group(group, one_person=one, pairs=pairs)
        if found is None:
            continue
        entries.extend(found)
    return entries


def _named_segments(group: str) -> int:
    """How many comma-separated parts of ``group`` are a whole name that starts with a known
    given name (``Agnieszka Balogun``)."""
    from pipeline.nlp.namewords import given_names

    given = given_names()
    return sum(1 for seg in split_outside_brackets(group, ",")
               if len(words := seg.split()) in (2, 3) and words[0].lower() in given and is_name(seg.strip()))


def _parse_group(group: str, *, one_person: bool = False, pairs: bool = False) -> list[Entry] | None:
    """One ``;``-separated group: usually one person with their office or organisation, or a
    plain comma list. Offices before a name belong to it; an office after a name with the
    person's initials (``Chairman (AP)``), or at the end, belongs to the name before. With
    ``pairs``, the group runs ``name, organisation, name, organisation``: what follows a name is theirs."""
    entries: list[Entry] = []
    pending: tuple[str, bool] | None = None  # an office waiting for its name; sticky when plural
    segments = [seg.replace(_JOINED, "") for seg in split_outside_brackets(_join_org_conjunctions(group), _ITEM_SEP)]
    for k, seg in enumerate(segments):
        seg = re.sub(r"^(?:and|&)\s+", "", seg.strip())
        office, rest = _office_prefix(seg)
        role = office_role(office) if office else None
        if office and not rest.strip("() ."):
            pending = (role or "member", office.lower().endswith("s"))
            continue
        if office and re.fullmatch(r"\(?\s*[A-Z]{2,4}\s*\)?\.?", rest):
            if entries:  # "Alan Holzer, Minutes Secretary (AH)"
                entries[-1].role = role
                entries[-1].initials = entries[-1].initials or rest.strip("() .")
            continue
        entry = person(rest if office else seg, listed=one_person or pairs)
        if entry is not None and entries and entry.initials is None and job_title(entry.name) \
                and not job_title(entries[-1].name):
            entry = None  # "Sinead Balogun, Program Manager, Open Grid Foundation": the post, no one's name
        if entry is not None and one_person and entries:
            # "Esme Shackleton, British Gas" in a list of such groups: one person a group
            if entries[-1].representing is None and entry.initials is None:
                entries[-1].representing = seg.strip(" .")
            continue
        if entry is not None:
            if office:
                entry.role = role
                pending = (role or "member", True) if office.lower().endswith("s") else None
            elif pending is not None:
                entry.role = entry.role or pending[0]
                pending = pending if pending[1] else None
            entries.append(entry)
        elif entries and entries[-1].representing is None and k > 0 and (
                _is_org(seg) or ((one_person or pairs) and seg.strip()[:1].isupper())
                or (len(segments) == 2 and seg.strip()[:1].isupper() and not job_title(seg))):
            # (and "Marianne Szymanski, ScottishPower" alone: a name, then where they are from)
            entries[-1].representing = seg.strip(" .")  # (one person a group: what follows the name is theirs)
        elif entries and entries[-1].representing and k > 0 and job_title(entries[-1].representing) and _is_org(seg):
            # "Gordon Shackleton (GS) – Program Manager, Open Grid Foundation": the post, then where
            entries[-1].representing = f"{entries[-1].representing}, {seg.strip(' .')}"
    if pending is not None and entries and entries[-1].role is None and not pending[1]:
        entries[-1].role = pending[0]
    return entries


_JOINED = "\u2060"  # a word joiner: an "and" or "&" inside an organisation's name, not between entries
_CONJUNCTION = re.compile(r"(?<=[A-Za-z])\s+(?:and|&)(?=\s+(?P<next>[A-Z][^,;()\[\]]*))")


def _join_org_conjunctions(group: str) -> str:
    """``Stuart Macaulay, Wales & West Utilities``, ``Scottish and Southern Electricity Networks``:
    an ``and`` or ``&`` followed by an organisation's words (two or more, one of them an
    organisation word, and no person's name) joins the name, it does not part two entries."""
    org_words = _vocab()["org_words"]

    def join(m: re.Match[str]) -> str:
        words = m["next"].split()
        if (len(words) >= 2 and any(w.lower().strip(".,") in org_words for w in words)
                and not is_name(" ".join(words[:2]))):
            return m.group(0) + _JOINED
        return m.group(0)

    return _CONJUNCTION.sub(join, group)


def _is_org(seg: str) -> bool:
    words = seg.split()
    if not words or len(words) > 8 or not words[0][:1].isupper():
        return False
    v = _vocab()
    return (any(w.lower().strip(".,") in v["org_words"] for w in words) or seg.startswith("The ")
            or bool(re.fullmatch(r"[A-Z][A-Za-z&]{1,9}", seg.strip())))


# ---------------------------------------------------------------- sentences saying who attended

_PRESENT_AFTER = re.compile(r"^(?P<lead>.*?)\b(?:(?:also\s+)?present\s+were|in\s+attendance\s+were|attending\s+were)\b\s*:?\s*(?P<list>.+)$",
                            re.IGNORECASE | re.DOTALL)
_PRESENT_BEFORE = re.compile(r"^(?P<list>.+?)\s+(?:were|was)\s+(?P<also>also\s+)?(?:present|in\s+attendance)\s*\.?$",
                             re.IGNORECASE | re.DOTALL)


_ABSENT = re.compile(r"^(?P<list>[^,;]+?)\s+(?:was|were)\s+(?:not\s+present|absent|not\s+in\s+attendance)\b",
                     re.IGNORECASE)


_PROXY = re.compile(r"^(?P<holder>[^,;]+?)\s+(?:has|holds|held|is\s+holding)\s+(?P<absent>[^,;]+?)[’']s?(?:\s+proxy)?$")


def sentences(text: str) -> list[str]:
    """Sentences of a paragraph, not broken after an initial or a title (``B. Mooney``, ``Dr.``)."""
    return split_outside_brackets(text, _STOP)


def from_sentence(sentence: str) -> tuple[list[Entry], str | None] | None:
    """The people a sentence says attended, and the role its wording gives them.

    ``Present were …`` (members), ``Also present were …``, ``X was also present`` (participants).
    """
    s = re.sub(r"\s+", " ", sentence).strip().rstrip(".")
    s = re.sub(r"^(?:present|attendees|in attendance)\s*:\s*", "", s, flags=re.IGNORECASE)
    m = _PRESENT_AFTER.match(s)
    if m:
        also = bool(re.search(r"\balso\b|in\s+attendance", s[: m.start("list")], re.IGNORECASE))
        return parse_list(m["list"]), ("participant" if also else None)
    m = _PRESENT_BEFORE.match(s)
    if m:
        return parse_list(m["list"]), ("participant" if m["also"] else None)
    m = _ABSENT.match(s)
    if m:
        return parse_list(m["list"]), "apology"
    m = _PROXY.match(s)
    if m and is_name(m["holder"]) and is_name(m["absent"]):
        return [Entry(m["absent"])], "apology"  # the member whose vote another holds is absent
    return None


# ---------------------------------------------------------------- tables of names


def split_run(cell: str) -> list[Entry]:
    """``Lindsay Gendreau - LF Energy Shuli Goodman - LF Energy``: several ``Name - Org`` run
    together in one cell; each organisation is followed by the next person's name. Also
    ``Kerry Blackwood (KB) Robin Holroyd (RH)``: two people a merged cell holds."""
    head = re.match(r"^(?P<label>[^:]{2,40}):\s+(?P<rest>\S.*)$", cell)
    if head and len(head["label"].split()) <= 4:  # "Linux Foundation: Lindsay Gendreau - …": a sub-heading
        found = split_run(head["rest"])
        if found:
            return found
    bracketed = list(re.finditer(r"\(([A-Z]{2,4})\)", cell))
    if len(bracketed) >= 2:
        out, start = [], 0
        for m in bracketed:
            tail = re.match(r"\s*\([^)]*\)", cell[m.end() :])  # "(Chair)" after the initials
            end = m.end() + (tail.end() if tail else 0)
            entry = person(cell[start:end])
            if entry is not None:
                out.append(entry)
            start = end
        if len(out) == len(bracketed):
            return out
    titled = [p for p in re.split(_BEFORE_TITLE, cell) if p.strip()]
    if len(titled) >= 2:  # "Cllr Isla Mellor Cllr Miriam Holroyd": each title starts a person
        entries = [person(p, single=True) for p in titled]
        if all(entries):
            return [e for e in entries if e is not None]
    parts = [p.strip() for p in _DASH.split(cell) if p.strip()]
    if len(parts) <= 2:
        entry = person(cell, single=True)
        return [entry] if entry is not None else []
    entries: list[Entry] = []
    name = parts[0]
    for part in parts[1:]:
        words = part.split()
        split_at = next((k for k in range(1, len(words) - 1) if is_name(" ".join(words[k:]))), None)
        org = " ".join(words[:split_at]) if split_at is not None else part
        if is_name(name):
            entries.append(Entry(name, representing=org.strip(" ,/") or None))
        name = " ".join(words[split_at:]) if split_at is not None else ""
    return entries


def top_label(rows: list[list[str]]) -> tuple[str | None, bool] | None:
    """``(role, present)`` of an attendance label alone across a table's top row (``Attendees”. | .``), else None."""
    top = [c.strip() for c in rows[0] if re.search(r"\w", c)] if rows else []
    return label_role(top[0].rstrip(".,:;'‘’“”\"")) if len(top) == 1 and len(top[0].split()) <= 3 else None


def grid(rows: list[list[str]], context: str | None) -> list[tuple[Entry, str | None, bool]] | None:
    """People of a table that lists them in columns or a grid, with each one's label role.

    Each column is read down: a cell that is an attendance label (``Voting Members:``,
    ``Linux Foundation:`` is not one) sets the role of the cells below it; before any label,
    the heading above the table (``Members Present``) does. None when the table is no such list.
    """
    start = label_role(context) if context else None
    found: list[tuple[Entry, str | None, bool]] = []
    cells = labels = names = 0
    rows = [_label_row_run_on(r) for r in rows]
    width = max((len(r) for r in rows), default=0)
    above = top_label(rows)  # the label of every column below it
    if above is not None:
        start, rows = above, rows[1:]
    for c in range(width):
        current = start
        for row in rows:
            # (a speck before or after an entry: "- Ebony Wragg (EW) .")
            cell = re.sub(r"^[-–—•·.,'‘’]+\s+|\s+[.,'‘’·]+$", "", row[c].strip()) if c < len(row) else ""
            if not cell:
                continue
            cell = _unticked(cell)
            # "Grainne Lofthouse. County Councillor": the comma after a name read as a full stop
            cell = re.sub(rf"^((?:{_TITLE_WORD}\.?\s+)?[{UP}][{LOW}’'\-]+\s+[{UP}][{UP}{LOW}’'\-]+)\.\s+(?=[{UP}])", r"\1, ", cell)
            cells += 1
            by_label = label_role(cell) if len(cell.split()) <= 6 else None
            if by_label is not None and not split_run(cell):
                current, labels = by_label, labels + 1
                continue
            head = re.match(r"^(?P<label>[^:,;]{2,40}):\s*(?P<rest>\S.*)$", cell)
            if head is not None and len(head["rest"].split()) >= 2 and (sub := label_role(head["label"])) is not None:
                # "Apologies: Rupert Kelly, UK Power Networks, …": a label starting its own cell
                current, labels, cell = sub, labels + 1, head["rest"]
            if current is None:
                continue
            people = split_run(cell)
            if head is not None and re.search(r"[,;]", cell) and len(listed := parse_list(cell)) > len(people):
                people = listed  # the labelled cell's list of "Name, Organisation" entries
            names += bool(people)
            found.extend((e, current[0], current[1]) for e in people)
    if not found or (labels == 0 and start is None) or names < 0.5 * (cells - labels):
        return None
    return found


def _label_cut(row: list[str]) -> list[str]:
    """``Apologies | for absence: Cllr Delyth Postlethwaite``: a label the layout cut across two
    columns, put back in one cell."""
    cells = [c.strip() for c in row]
    for c in range(len(cells) - 1):
        m = re.match(r"^(?P<more>[a-z][a-z ]{0,30}):\s*\S", cells[c + 1])
        if cells[c] and m is not None and label_role(cells[c]) is not None and label_role(f"{cells[c]} {m['more']}") is not None:
            return [*row[:c], f"{cells[c]} {cells[c + 1]}", "", *row[c + 2 :]]
    return row


# a surname with its bracketed initials, then what OCR made of the line break or a dash between
# entries ("Roberts (TR) Campbell (VC) — Reid (KR)")
_SURNAME_INITIALS = re.compile(rf"(?P<sur>[{UP}][{LOW}’'\-]+(?:[{UP}][{LOW}]+)?)\s*\((?P<init>[{UP}]{{2,3}})\)[\s—–\-;,|]*")


def stacked_cut(row: list[str]) -> list[str]:
    """``Tegan Vanessa Delyth | Roberts (TR) Campbell (VC) Kaur (DK) — DCC``: names one a line,
    cut at the column gap between given name and surname, each column's lines read as one cell.
    Zipped back, entry by entry, when the cell of given names is nothing else and each
    entry's initials are its given name's and surname's first letters."""
    from pipeline.nlp.namewords import given_names

    given = given_names()
    cells = [c.strip() for c in row]
    for c in range(len(cells) - 1):
        firsts = cells[c].split()
        if len(firsts) < 2 or not all(re.fullmatch(rf"[{UP}][{LOW}]+", w) and w.lower() in given for w in firsts):
            continue
        # each entry's surname and initials, perhaps its organisation after them ("Barraclough
        # (HB) — DCC Mellor (DM) SECAS …"), the organisation of the last left in its own cell
        entries, orgs, at = [], [], 0
        for _ in firsts:
            m = _SURNAME_INITIALS.search(cells[c + 1], at)
            between = cells[c + 1][at : m.start()].strip(" —–-;,|") if m is not None else ""
            if m is None or (entries and len(between.split()) > 6) or (not entries and between):
                break
            if entries:
                orgs.append(between)
            entries.append(m)
            at = m.end()
        if len(entries) == len(firsts) and all(
                m["init"][0] == f[0] and m["init"][-1] == m["sur"][0] for f, m in zip(firsts, entries, strict=True)):
            orgs.append("")
            joined = "; ".join(f"{f} {m['sur']} ({m['init']})" + (f" {org}" if org else "")
                               for f, m, org in zip(firsts, entries, orgs, strict=True))
            return [*row[:c], joined, cells[c + 1][at:], *row[c + 2 :]]
    return row


def rejoin_cut_names(rows: list[list[str]]) -> list[list[str]]:
    """``Cllr Hector | Quigley, Chairman | Cllr Nkechi Ferguson``: a name the layout cut across two
    columns (its surname starts where a column of the table below starts), its given name alone
    in one cell and the rest at the start of the next. Put back whole, the next cell left empty,
    when two rows or more are cut so (one such row could be a real first-name column)."""
    from pipeline.nlp.namewords import given_names

    given = given_names()
    cut = re.compile(rf"^(?:{_TITLE_WORD}\.?\s+)?(?P<first>[{UP}][{LOW}]+)$")

    def cuts(row: list[str]) -> list[int]:
        out = []
        for c in range(len(row) - 1):
            m = cut.match(row[c].strip())
            if (m is not None and m["first"].lower() in given and label_role(row[c].strip()) is None
                    and re.match(rf"[{UP}][{UP}{LOW}’'\-]+(?:[,.]|\s|$)", row[c + 1].strip())
                    and label_role(row[c + 1].strip().split(":")[0]) is None):
                out.append(c)
        return out

    rows = [stacked_cut(_label_cut(r)) for r in rows]
    found = [cuts(r) for r in rows]
    if sum(bool(f) for f in found) < 2:
        return rows
    out = []
    for row, at in zip(rows, found, strict=True):
        row = list(row)
        for c in at:
            row[c], row[c + 1] = f"{row[c].strip()} {row[c + 1].strip()}", ""
        out.append(row)
    return out


def _unticked(cell: str) -> str:
    """``WA Jago Higginbottom, UK Power Networks``: a tick or mark in the margin, read as a
    capital or two before a name (a given name and a surname, then a comma, a bracket or the
    cell's end), is no part of it."""
    m = re.match(r"^(?:[A-Z]{1,2}|[vV✓✔√])\s+(?P<rest>(?P<name>[A-Z][a-z’'\-]+\s+[A-Z][a-z’'\-]+)(?:\s*[,(\[].*)?)$", cell)
    return m["rest"] if m is not None and is_name(m["name"]) and label_role(m["name"]) is None else cell


def _label_row_run_on(row: list[str]) -> list[str]:
    """``Apologies: Rupert Kelly, UK Power Networks, Emrys Kershaw, | Toshiba; Anil Leadbetter``: a
    labelled list below a grid, read as its last row, runs on across the row's cells (its cell
    ends mid-list, on a comma or an ``and``): one cell, the rest left empty."""
    cells = [c.strip() for c in row]
    first = next((k for k, c in enumerate(cells) if c), None)
    if first is None or not any(cells[first + 1 :]):
        return row
    head = re.match(r"^(?P<label>[^:,;]{2,40}):\s*\S", cells[first])
    if head is None or label_role(head["label"]) is None or not re.search(r"(?:[,;&]|\band)$", cells[first]):
        return row
    return [*row[:first], " ".join(c for c in cells[first:] if c)] + [""] * (len(row) - first - 1)


def label_rows(rows: list[list[str]], *, by_names: bool = True) -> list[tuple[Entry, str | None, bool]]:
    """``Attendees | Tony Brown, Sylvia Knights, …`` and ``Invited | …`` rows of a details table.
    ``by_names``: a list whose separators a scan lost may be read by its names (:func:`by_names_instead`)."""
    found = []
    for k, row in enumerate(rows):
        cells = [c.strip() for c in row if c.strip()]
        if len(cells) < 2 or len(cells[0].split()) > 4 or not row[0].strip():
            continue
        by_label = label_role(cells[0])
        if by_label is None or (len(cells) > 2 and any(label_role(c) is not None for c in cells[1:])):
            continue
        # (the label's list in two cells or more: its columns, "Attendees | A, B | C, D")
        value = "; ".join(" ".join(c.split()) for c in cells[1:])
        # a list wrapped back to the margin, its lines read as rows of one cell in the label's
        # column ("Attendees | A, Chair; B; C" / "D; E; F" / "G, Treasurer")
        # (one whose separators a poor scan lost, "A B Chair C D E F": its lines' cells, in order)
        for more in rows[k + 1 :]:
            rest = [c.strip() for c in more if c.strip()]
            if (not rest or not more[0].strip() or any(label_role(c.split(":")[0]) is not None for c in rest)
                    or not re.match(rf"[{UP}][{LOW}’'\-]+,?\s+[{UP}]", rest[0])
                    or not (len(rest) == 1 and re.search(r"[,;]", value)
                            or not re.search(r"[,;(]", value) and len(anchored(value)) >= 2)):
                break
            value = f"{value} {' '.join(' '.join(c.split()) for c in rest)}"
        entries = parse_list(value)
        # a list whose separators a poor scan lost: read by its names
        if by_names:
            entries = by_names_instead([(e.name, e.representing) for e in entries], value) or entries
        found.extend((e, by_label[0], by_label[1]) for e in entries)
    return found
