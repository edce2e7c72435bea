"""Action tables: ``Ref | Action | Owner | Due`` and the action logs other bodies keep
(``Date Opened | Action Item | Person/ Committee Responsible | Due Date | Status``).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from rapidfuzz import fuzz

from pipeline.nlp.actions import (
    OWNER_TO,
    SUBJECT_START,
    TO,
    Action,
    due_date,
    due_date_match,
    initials_sentence,
    one_line,
    split_owner,
    strip_due,
)
from pipeline.nlp.attendee_lists import is_name
from pipeline.nlp.dates import find_dates, parse_date, parse_month
from pipeline.reading.document import Table

_ACTION_HEAD = {
    "id": ("ref", "ref.", "no", "no.", "#", "action id", "action ref", "number", "id", "action no", "action no."),
    "description": ("action", "actions", "description", "action description", "detail", "details", "task",
                    "action item", "action items", "action point", "action points"),
    "owner": ("owner", "owners", "who", "responsible", "lead", "by whom", "action by", "action owner", "assigned to",
              "person responsible", "responsible person", "committee responsible", "responsibility"),
    "due": ("due", "due date", "deadline", "by when", "target date", "date due", "due by", "date", "target"),
    "identifier": ("proposal", "modification", "mod", "dp/mp", "identifier", "item"),
}
# words that make a header cell an owner column whatever else it says ("Person/ Committee Responsible")
_OWNER_WORDS = re.compile(r"\b(?:responsible|owner|owners|assigned)\b")
# "Date Opened", "Date Raised": a date column that says when, not by when
_NOT_DUE = re.compile(r"\b(?:opened|raised|added|logged|created)\b")


def header_key(cell: str) -> str | None:
    """The action-table column a header cell names (``id``, ``description``, ``owner``, ``due``,
    ``identifier``), or None."""
    low = re.sub(r"\s+", " ", re.sub(r"[^a-z0-9\s#./]", " ", cell.lower())).strip(" .")
    for key, words in _ACTION_HEAD.items():
        if low in words:
            return key
    if _OWNER_WORDS.search(low):
        return "owner"
    if re.search(r"\bdue\b|\bdeadline\b", low) and not _NOT_DUE.search(low):
        return "due"
    if len(low) >= 5:  # "Owmer", "Descripton": a header word OCR misread by a letter
        for key, words in _ACTION_HEAD.items():
            if any(len(w) >= 5 and fuzz.ratio(low, w) >= 80 for w in words):
                return key
    first, _, rest = low.partition(" ")
    if rest and len(first) <= 2 and not first.isdigit():
        return header_key(rest)  # "ou Ref": a speck OCR read before the header word
    head, _, last = low.rpartition(" ")
    if head and len(last) == 1 and last.isalpha() and len(head) >= 3:
        return header_key(head)  # "Ref. e": a speck read after it
    return None


# an owner cell: initials (one person's or several), or a name or office of two or three words
_OWNER_CELL = re.compile(r"^(?:[A-Z]{2,4}(?:\s*[/,&]\s*[A-Z]{2,4})*|[A-Z][a-z]+(?:\s+[A-Z][a-z]+){1,2})$")


def _lost_owner_column(head: list[str], body: list[list[str]], cols: dict[str, int]) -> int | None:
    """``Ref. | Action | | Due``: the owner column whose header a scan lost, the one column with
    an empty header whose cells are, most of them, initials or a person's name or office."""
    empty = [i for i, c in enumerate(head) if not c.strip() and i not in cols.values() and i > cols["description"]]
    if len(empty) != 1:
        return None
    cells = [r[empty[0]].strip() for r in body if empty[0] < len(r) and r[empty[0]].strip()]
    return empty[0] if len(cells) >= 2 and sum(bool(_OWNER_CELL.match(c)) for c in cells) >= 0.6 * len(body) else None


def _columns(header: list[str]) -> dict[str, int] | None:
    cols: dict[str, int] = {}
    for i, cell in enumerate(header):
        key = header_key(cell)
        if key is not None and key not in cols and not (key == "due" and _NOT_DUE.search(cell.lower())):
            cols[key] = i
    if "description" in cols and "owner" not in cols:
        # "Action | omer | Due": the owner's header a scan misread by a letter or two
        from rapidfuzz.distance import Levenshtein

        misread = [i for i, cell in enumerate(header) if i not in cols.values()
                   and 3 <= len(word := cell.strip(" .:|").lower()) <= 7 and word.isalpha()
                   and Levenshtein.distance(word, "owner") <= 2]
        if len(misread) == 1:
            cols["owner"] = misread[0]
    return cols if "description" in cols and ("owner" in cols or "due" in cols) else None


# an action id at the start of a cell: "SECP 28/01", "CSC 15/01", "6-21", "A3"
_ID = r"[A-Z][A-Za-z]{1,7}\s?\d{1,4}\s?/\s?\d{1,3}|\d{1,3}[-/.]\d{1,3}|[A-Z]\d{1,3}"
_ID_START = re.compile(rf"^(?P<id>{_ID})\s+(?P<rest>\S.*)$", re.DOTALL)
# a speck OCR read before the id ("we SECP 28/01", "vA SECP 28/01")
_SPECK_ID_START = re.compile(r"^[A-Za-z]{1,2}\s+(?P<id>[A-Z][A-Za-z]{1,7}\s?\d{1,4}\s?/\s?\d{1,3})\s*(?P<rest>.*)$", re.DOTALL)


# under a "Ref" header, an id a poor scan damaged: a quote mark before it, its separator lost or read
# as a dot, its prefix run into the number ("CB48/01", "CB.4802", "CB4803"); the number is reshaped
# later against the document's clean ids (``actions.reshape_ids``)
_LOOSE_ID_START = re.compile(r"^[‘’'\"“”`]?(?P<id>[A-Z][A-Za-z]{1,7}[.,]?\s?\d{1,4}(?:\s?[/.\-]\s?)?\d{1,3})\s+(?P<rest>\S.*)$",
                             re.DOTALL)


# under a header that names an id column, a bare number is the id ("85 Share the draft summary …")
_NUMBER_START = re.compile(r"^(?P<id>\d{1,4})\s+(?P<rest>[A-Z].*)$", re.DOTALL)


def _loose_id(found: str) -> str:
    """``CB.4802`` → ``CB 4802``: the prefix parted from the number by one space."""
    m = re.fullmatch(r"(?P<prefix>[A-Z][A-Za-z]{1,7})[.,]?\s?(?P<num>\d.*)", found)
    return f"{m['prefix']} {m['num'].replace(' ', '')}" if m else found


def _id_start(cell: str) -> re.Match[str] | None:
    return _ID_START.match(cell) or _SPECK_ID_START.match(cell)


_ID_CELL = re.compile(_ID)
# an id cell as a poor scan leaves it: the prefix in lower case, the separator lost ("csc 91/01", "CSC 9102")
_LOOSE_ID_CELL = re.compile(r"[A-Za-z]{2,8}[.,]?\s?\d{1,4}(?:\s?[/.\-]\s?)?\d{1,3}|\d{1,3}[-/.]\d{1,3}")
_ID_HEAD = re.compile(r"[A-Z][A-Za-z]{1,7}")
_ID_TAIL = re.compile(r"\d{1,4}\s?/\s?\d{1,3}")


def _split_id(above: str | None, cell: str) -> bool:
    """``CB`` in one row's id cell and ``29/01`` in the next: one id its cell wrapped."""
    return bool(above) and _ID_HEAD.fullmatch(above) is not None and _ID_TAIL.fullmatch(cell) is not None


def _clean_id(cell: str) -> str:
    """An id cell without a speck OCR read before the id (``we SECP 28/01``, ``* 3-01``), after it (``3-21 v``,
    ``CSC 91/02 .``: a tick or a mark in the cell) or for the space in it (``TABASC — 89/01``)."""
    m = _SPECK_ID_START.match(cell)
    cell = m["id"] if m is not None and not m["rest"].strip() else cell
    # "* 3-01", '"3-03': a mark read before the id (not "$", "§": a 5 or an S misread)
    cell = re.sub(r"^[*\"“”‘’'`°•·~^]+\s*(?=\w)", "", cell)
    cell = re.sub(r"^(?P<prefix>[A-Z][A-Za-z]{1,7})\s*[—–]\s*(?=\d)", r"\g<prefix> ", cell)  # "TABASC — 89/01"
    cell = re.sub(r"^[a-z]{2,8}(?=[.,]?\s?\d)", lambda m: m[0].upper(), cell)  # "csc 91/01": the prefix in lower case
    return re.sub(r"(?<=\d)\s+(?:[^\w\s]+|[a-z])$", "", cell)


def _unmerged(table: Table) -> Table:
    """``Ref Action | Owner | Due`` over ``SECP 28/01 Issue the consultation … | SECAS | …``: the id
    and action columns read as one (no gap between them): parted again, each row's id from the
    start of its cell."""
    if not table.rows:
        return table
    head = table.rows[0]
    body = table.rows[1:]
    for i, cell in enumerate(head):
        words = cell.split()
        if len(words) < 2 or header_key(cell) is not None:
            continue
        # where the id's header ends: "Ref Action", "Action ref Action"
        cut = next((p for p in range(len(words) - 1, 0, -1)
                    if header_key(" ".join(words[p:])) == "description" and header_key(" ".join(words[:p])) == "id"), None)
        if cut is None and header_key(" ".join(words[1:])) != "description":
            continue
        # the header says so ("Ref Action"), or OCR misread its first word and the rows show it
        starts = sum(bool(_id_start(r[i].strip())) for r in body if i < len(r) and r[i].strip())
        if cut is not None or (body and starts >= max(2, 0.6 * len(body))):
            first = " ".join(words[:cut]) if cut is not None else "Ref"  # ("maf action": a misread "Ref")
            rows = [[*head[:i], first, " ".join(words[cut or 1 :]), *head[i + 1 :]]]
            last = None  # the last row's number, when the ids are numbers
            for row in body:
                m = (_id_start(row[i].strip()) or _LOOSE_ID_START.match(row[i].strip())
                     or (_NUMBER_START.match(row[i].strip()) if cut is not None else None)) if i < len(row) else None
                if m is None and cut is not None and last is not None and i < len(row):
                    # the next number of the series, its action's capital misread ("83 invite …")
                    m = re.match(rf"^(?P<id>{last + 1})\s+(?P<rest>[a-z].*)$", row[i].strip(), re.DOTALL)
                if m is not None:
                    last = int(m["id"]) if m["id"].isdigit() else None
                parts = [_loose_id(m["id"]), m["rest"]] if m else ["", row[i] if i < len(row) else ""]
                rows.append([*row[:i], *parts, *row[i + 1 :]])
            return Table(rows=rows, bbox=table.bbox, ruled=table.ruled)
    return table


def _titled(table: Table) -> Table:
    """The table without a title row above its header (``ACTIONS LOG | | |``), its id and action
    columns parted where they were read as one."""
    table = _unmerged(_titled_only(table))
    return _dated(table)


def _dated(table: Table) -> Table:
    """A header cell no word of which is known (``Dus`` on a poor scan) over a column of dates
    names the due date; over a column of action ids, the id."""
    if len(table.rows) < 2:
        return table
    head = list(table.rows[0])
    changed = False
    for i, cell in enumerate(head):
        if not cell.strip() or header_key(cell) is not None or len(cell.split()) > 2:
            continue
        cells = [r[i].strip() for r in table.rows[1:] if i < len(r) and r[i].strip()]
        # (a cell that is a date, not a passage that mentions one: "… GA to book the venue by 12 April")
        if len(cells) >= 2 and sum(bool(_due(c)) and len(c.split()) <= 6 for c in cells) >= 0.6 * len(cells) and "due" not in {
                header_key(c) for c in head}:
            head[i], changed = "Due", True
        elif len(cells) >= 2 and sum(bool(re.fullmatch(_ID, c) or (i == 0 and re.fullmatch(r"\d{1,4}\.?", c)))
                                     for c in cells) >= 0.6 * len(cells) and "id" not in {header_key(c) for c in head}:
            # "Ret" over "CSC 36/01", "CSC 36/02"; "Reo" over "51", "52" in the first column: the ids'
            head[i], changed = "Ref", True
    return Table(rows=[head, *table.rows[1:]], bbox=table.bbox, ruled=table.ruled) if changed else table


def _headed(table: Table) -> bool:
    """Its first row names an action table's columns (the id's and the action's read as one or not)."""
    return _columns(table.rows[0]) is not None or _columns(_unmerged(table).rows[0]) is not None


# rows of running text a reading may join to the top of a table, above its header
TITLE_ROWS = 5


def _titled_only(table: Table) -> Table:
    rows = table.rows
    # a title over the header: one cell, or a title OCR split over two ("v4 Summary | of Actions and
    # Status"); or such rows, the last lines of the text above read into the table with its title
    # ("No other business was raised … | | ;" over "NEW ACTIONS | |"; a closing item's heading and
    # sentence, a mark in the margin read as a cell), a speck no cell
    for k in range(1, TITLE_ROWS + 1):
        if len(rows) > k and _headed(Table(rows=rows[k:], bbox=table.bbox, ruled=table.ruled)) and all(
                _columns(r) is None and sum(bool(re.search(r"\w{2}", c)) for c in r)
                <= max(1, sum(bool(c.strip()) for c in rows[k]) // 2) for r in rows[:k]):
            return Table(rows=rows[k:], bbox=table.bbox, ruled=table.ruled)
    return table


def header_row(table: Table) -> list[str]:
    """The header row of an action or item table, below any title row (the one its columns would
    have, where a scan lost it: :func:`headless`)."""
    return headless(table) or _titled(table).rows[0]


def is_action_table(table: Table) -> bool:
    if headless(table) is not None:
        return True
    table = _titled(table)
    return bool(table.rows) and (_columns(table.rows[0]) is not None or _lost_columns(table) is not None)


# an id cell that can only be an action's: a committee's prefix and a number ("CB 54/01", "CB 5405"),
# or an item's number and the action's ("6-21"); not "3.1", an agenda item's
_PREFIXED_ID_CELL = re.compile(r"[A-Z][A-Za-z]{1,7}[.,]?\s?\d{1,4}(?:\s?[/\-]\s?)?\d{1,3}|\d{1,2}-\d{2}")
# an owner cell: a body's or a person's capitals (SECAS, DCC, AB), a name, or an office (Chair, Clerk)
_OWNER_WORDS_CELL = re.compile(r"^(?:[A-Z]{2,6}(?:\s*[/,&]\s*[A-Z]{2,6})*|[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2})$")


def headless(table: Table) -> list[str] | None:
    """``CB 54/01 | Update the Modification Report … | SECAS | 04.01.2023`` in its first row: an
    action table whose header row a poor scan lost. Told by its rows, most of them, all of them
    at least two: an action's id (a committee's prefix and a number, or ``6-21``), an action
    that opens with a capital, and an owner (initials, a person's name or office); a column of
    dates (or TBC, ASAP) after the owner's is the due date. The header its columns would have
    (``Ref | Action | Owner | Due``), or None."""
    rows = [r for r in table.rows if sum(bool(c.strip()) for c in r) >= 2]
    if len(rows) < 2 or any(_columns(r) is not None for r in rows[:1]) or min(len(r) for r in rows) < 3:
        return None
    width = max(len(r) for r in rows)

    def share(test: Callable[[str], bool], i: int) -> float:
        return sum(i < len(r) and test(r[i].strip()) for r in rows) / len(rows)

    ids = share(lambda c: bool(_PREFIXED_ID_CELL.fullmatch(_clean_id(c))), 0)
    said = share(lambda c: bool(re.match(r"[A-Z][a-z]+\s+\w", c)), 1)
    if ids < 0.6 or said < 0.6:
        return None
    owners = [i for i in range(2, width) if share(lambda c: bool(_OWNER_WORDS_CELL.match(c)), i) >= 0.6]
    if not owners:
        return None
    head = ["Ref", "Action"] + [""] * (width - 2)
    head[owners[0]] = "Owner"
    for i in range(owners[0] + 1, width):
        if share(lambda c: not c or bool(_due(c) or _UNDATED.match(c)), i) >= 0.6 and share(bool, i) >= 0.5:
            head[i] = "Due"
            break
    return head


def inner_header(table: Table) -> int | None:
    """The row where an action or item table begins inside a table of something else: a scan's
    reading ran an attendance list and the agenda table below it into one (``Cllr Oisin |
    Walsh | Sadie Whitworth, Clerk`` rows, then `` | Minutes | Action``); None when the table is
    one table. At least two rows come before it."""
    if is_action_table(table) or is_item_table(table):
        return None
    for k, row in enumerate(table.rows[2:], start=2):
        if _item_columns(row) is not None or _columns(row) is not None:
            return k
    return None


def _lost_columns(table: Table) -> dict[str, int] | None:
    """``Action ref | Action |`` over rows of ids and actions: an action table whose owner and due
    columns a poor scan lost, told by its header naming an action's id (``Action ref``, ``Action
    no.``) and its rows, most of them, an id and a sentence."""
    head = table.rows[0] if table.rows else []
    keys = {header_key(c): k for k, c in enumerate(head) if c.strip()}
    if (keys.get("id") is None or keys.get("description") is None or len(table.rows) < 3
            or not re.search(r"(?i)\baction\b", head[keys["id"]])):
        return None
    i, a = keys["id"], keys["description"]
    rows = [r for r in table.rows[1:] if max(i, a) < len(r)]
    fitting = sum(bool(re.fullmatch(rf"\d{{1,4}}|{_ID}|{_LOOSE_ID_CELL.pattern}", r[i].strip()))
                  and bool(re.match(r"[A-Z][a-z]+\s+\w", r[a].strip())) for r in rows)
    return {"id": i, "description": a} if fitting >= max(2, 0.6 * (len(table.rows) - 1)) else None


def _due(cell: str) -> str | None:
    """A due cell: a date, or a month alone (``April 2019`` → ``2019-04``); nothing for ``Ongoing``."""
    return parse_date(cell) or parse_month(cell)


_UNDATED = re.compile(r"(?i)^(?:TBC|TBA|TBD|ASAP|ongoing|n/a|next\s+meeting)$")
_STATUS_WORD = re.compile(r"(?i)\s+(?:open|closed|complete|completed|done|new|ongoing|in\s+progress)(?=\s+\d{4}\b)")


def _spilled(row: list[str], cols: dict[str, int]) -> list[str]:
    """A row whose words ran over into the next cell, as a monospaced table with one space
    between its columns reads: a due date begun in the owner's cell (``Secretary Friday 17`` |
    ``November 2023``), a due word there (``Treasurer TBC``), the status wrapped into the date
    (``15 September Complete 2023``), the owner's initials at the end of the action
    (``… newsletter AQ`` | empty owner). Put back in their cells."""
    o, d, a = cols.get("owner"), cols.get("due"), cols.get("description")
    if o is None or d is None or max(o, d) >= len(row):
        return row
    row = list(row)
    owner, due = row[o].strip(), row[d].strip()
    if due and not _due(due) and _due(_STATUS_WORD.sub("", due)):
        row[d] = due = _STATUS_WORD.sub("", due)
    words = owner.split()
    if len(words) >= 2 and (not due or not parse_date(due)):
        for k in range(1, len(words)):
            moved = " ".join([*words[k:], due]).strip()
            if parse_date(moved) or (not due and _UNDATED.match(moved)):
                row[o], row[d] = " ".join(words[:k]), moved
                break
    if a is not None and a < len(row) and not row[o].strip():
        m = re.match(r"^(?P<desc>.*[a-z,]\s)(?P<ini>[A-Z]{2,3})$", row[a].strip())
        if m is not None:
            row[a], row[o] = m["desc"].strip(), m["ini"]
    return row


# where a description runs into the next one's imperative: a capitalised word after a word that
# is no article or preposition ("… to members Invite the Proposer …", not "the Proposer")
_NEXT_DESCRIPTION = re.compile(r"(?<=[a-z0-9.,)])\s+(?=[A-Z][a-z]+\s)")
_NOT_BEFORE_NAME = {"the", "a", "an", "of", "to", "for", "on", "with", "and", "by", "from", "at", "in", "or"}


def _unjoined(row: list[str], cols: dict[str, int]) -> list[list[str]]:
    """``44 45 | Circulate … to members Invite the Proposer … | SECAS SECAS | Ongoing | New New``:
    two rows a poor scan read as one (the rule between them lost). Parted when the id cell holds
    as many ids as the owner cell holds one-word owners, and the description parts as many times
    at a capitalised word that starts a new sentence; other cells go with the first row unless
    they part the same way."""
    i, o, a = cols.get("id"), cols.get("owner"), cols.get("description")
    if i is None or o is None or a is None or max(i, o, a) >= len(row):
        return [row]
    ids, owners = row[i].split(), row[o].split()
    if len(ids) < 2 or len(ids) != len(owners) or not all(re.fullmatch(r"\d{1,4}|" + _ID, t) for t in ids):
        return [row]
    cuts = [m.start() for m in _NEXT_DESCRIPTION.finditer(row[a])
            if row[a][: m.start()].split()[-1].lower() not in _NOT_BEFORE_NAME]
    if len(cuts) != len(ids) - 1:
        return [row]
    bounds = [0, *cuts, len(row[a])]
    descs = [row[a][x:y].strip() for x, y in zip(bounds, bounds[1:], strict=False)]
    out = []
    for k in range(len(ids)):
        part = ["" for _ in row]
        for c, cell in enumerate(row):
            words = cell.split()
            part[c] = words[k] if len(words) == len(ids) else (cell if k == 0 and c not in (i, o, a) else "")
        part[i], part[o], part[a] = ids[k], owners[k], descs[k]
        out.append(part)
    return out


def from_table(table: Table, page: int, start: int, *, header: list[str] | None = None) -> list[Action]:
    """The actions of a table; ``header``: the columns of the table it continues (its rows all data)."""
    if header is None:
        table = _titled(table)
    cols = _columns(header if header is not None else table.rows[0]) if table.rows else None
    if cols is None and header is None:
        cols = _lost_columns(table)
    if cols is None:
        return []
    actions: list[Action] = []
    due_text: dict[int, str] = {}  # the due cell as written, joined over a row's wrapped lines
    width = sum(bool(c.strip()) for c in (header if header is not None else table.rows[0]))
    body = table.rows[1:] if header is None else table.rows
    head = header if header is not None else table.rows[0]
    if "id" not in cols and cols["description"] > 0 and not head[0].strip():
        # " | Action | Owner | Due date": the id column's header lost, its cells ids all the same
        ids = [r[0].strip() for r in body if r and r[0].strip()]
        if ids and sum(bool(_ID_CELL.fullmatch(c) or _LOOSE_ID_CELL.fullmatch(c)) for c in ids) >= max(1, 0.6 * len(body)):
            cols = {**cols, "id": 0}
            width += 1
    if "owner" not in cols and (lost := _lost_owner_column(head, body, cols)) is not None:
        cols = {**cols, "owner": lost}
        width += 1
    body = [part for row in body for part in _unjoined(row, cols)]
    for n, row in enumerate(body):
        row = _spilled(row, cols)

        def cell(key: str, row: list[str] = row) -> str:
            i = cols.get(key)
            return one_line(row[i]).strip(" _=|-–—:;,") if i is not None and i < len(row) else ""

        desc = cell("description")
        filled = sum(bool(c.strip()) for c in row)
        # a row whole but for its id, which a scan lost: an action of its own
        no_id = not re.search(r"[^\W_]", cell("id"))  # empty, or a speck ("+") in the empty cell
        idless = no_id and desc[:1].isupper() and bool(cell("owner")) and width >= 4 and filled >= width - 1
        if "id" in cols:
            wrapped = no_id and not idless
            if actions and _split_id(actions[-1].action_id, cell("id")):
                # "CB" over "29/01": an id wrapped in its cell, the row read as two
                actions[-1].action_id = f"{actions[-1].action_id} {cell('id')}"
                wrapped = True
        else:  # no id: a row that goes on from the one above starts in lower case, or has no action
            if not re.search(r"[^\W_]", desc):
                desc = ""  # "+": a speck read in the empty cell of a wrapped line
            # "Fund | Coordinator": one word of the action and of the owner that wrapped, beside an
            # empty due cell (no action is one word)
            fragment = (len(desc.split()) == 1 and "due" in cols and not cell("due") and filled < width)
            wrapped = not desc or fragment or (desc[:1].islower() and (not cell("owner") or filled < width))
        if actions and wrapped:
            # the next line of a wrapped row: its cells continue the row above
            prev = actions[-1]
            prev.description = one_line(f"{prev.description} {desc}")
            if re.search(r"\w", cell("owner")):  # not a speck read as "." in the empty cell
                prev.owner = one_line(f"{prev.owner or ''} {cell('owner')}")
            if cell("due"):
                k = len(actions) - 1
                due_text[k] = one_line(f"{due_text.get(k, '')} {cell('due')}")
                prev.due_date = prev.due_date or _due(due_text[k])
            continue
        if not desc:
            continue
        # prose after the table read into its columns ends it; not a misread id ("ot" for "91")
        # with ids going on below it
        whole = bool(desc[:1].isupper() and cell("owner") and cell("due") and re.search(r"[^\W\d_]", cell("id")))
        if ("id" in cols and actions and not idless and not whole and not re.search(r"\d", cell("id"))
                and all(a.action_id and re.search(r"\d", a.action_id) for a in actions)
                and not (n + 1 < len(body) and _split_id(cell("id"), cell("id", body[n + 1])))
                and not any(re.search(r"\d", cell("id", later)) for later in body[n + 1 :])):
            break  # "The next meeting | will be held on …": prose after the table, read into its columns
        due_raw = row[cols["due"]].strip() if "due" in cols and cols["due"] < len(row) else ""
        if find_dates(cell("owner")) or due_raw.endswith(":"):
            continue  # "The next meeting will be held on | 2 May 2023", "Signed: … | (Chair) | Date:": no action
        if not cell("owner") and not due_raw and re.search(
                r"\b(?:date\s+of\s+(?:the\s+)?)?next\s+meeting\b\s*[:\-–]|^\W*\w{0,2}\W*signed\b\s*(?::|\(|\.{3}|$|\S*\s*\(chair)"
                r"|^\W*(?:the\s+)?meeting\s+(?:was\s+)?(?:closed|ended|finished)\b", desc, re.IGNORECASE):
            # "Date of next meeting: …", "Signed: (Chair) Date", "The meeting closed at 16:55" below
            # the table, read as its last rows
            continue
        owner = cell("owner") or None
        if owner is None:
            owner, desc = split_owner(desc)
        due_cell = cell("due")
        due_text[len(actions)] = due_cell
        due = _due(due_cell) if due_cell else due_date(desc)
        actions.append(Action(_clean_id(cell("id")) or None, owner, desc, due, start, page,
                              cell("identifier") or None))
    return actions


# an agenda-item table with an owner column: ``Item | Notes | Owner``, ``No. | Discussion and decisions | Action``
_ITEM_TEXT = ("notes", "note", "discussion", "minute", "minutes", "discussion and decisions", "discussion and actions",
              "decisions", "discussion and outcome", "summary", "item")
_ITEM_OWNER = ("owner", "action", "actions", "action by", "who", "lead")
_ITEM_NUMBER = ("item", "no", "ref", "agenda", "minute")


def _item_columns(header: list[str]) -> tuple[int, int] | None:
    """``(text column, owner column)`` of an item table's header, the owner column its last."""
    # (a letter alone beside a header word is a speck: "Action i")
    cells = [" ".join(w for w in re.sub(r"[^a-z\s]", " ", c.lower()).split() if len(w) > 1) for c in header]
    if len(cells) < 2 or cells[-1] not in _ITEM_OWNER:
        return None
    text_col = next((i for i in range(len(cells) - 2, -1, -1) if _item_text_head(cells[i])), None)
    return (text_col, len(cells) - 1) if text_col is not None else None


def _item_text_head(cell: str) -> bool:
    """A header naming the item's text, as written or one letter misread (``Jinutes``), perhaps
    read as one with the item's number column (``Item Notes``, ``No Minutes``)."""
    words = cell.split()
    if len(words) >= 2 and words[0] in _ITEM_NUMBER and _item_text_head(" ".join(words[1:])):
        return True
    return cell in _ITEM_TEXT or (len(cell) >= 5 and any(
        len(w) >= 5 and abs(len(w) - len(cell)) <= 1 and fuzz.ratio(cell, w) >= 80 for w in _ITEM_TEXT))


def is_item_table(table: Table) -> bool:
    return bool(table.rows) and _item_columns(table.rows[0]) is not None and not is_action_table(table)


def read(table: Table, page: int, start: int, *, header: list[str] | None = None) -> list[Action]:
    """The actions of an action table, or of an item table's owner column."""
    if header is None and (lost := headless(table)) is not None:
        return from_table(table, page, start, header=lost)
    head = header if header is not None else (header_row(table) if table.rows else [])
    if _columns(head) is not None or (header is None and _lost_columns(_titled(table)) is not None):
        return from_table(table, page, start, header=header)
    return from_item_table(table, page, start, header=header)


_FULL_NAME = r"[A-Z][a-z]+(?:[’'\-][A-Z]?[a-z]+)?(?:\s+(?:Mc|Mac|O’|O')?[A-Z][a-z]+(?:-[A-Z][a-z]+)?){1,2}"


# initials whose first letter OCR read as a digit ("3B" for JB), the subject of an item's action
_MISREAD_INITIALS = r"[0-9][A-Z]{1,2}"


def _misread_subject(text: str, owner: str) -> re.Match[str] | None:
    """``BE`` in the owner cell, ``BH to report back on …`` in the item's text: the owner's
    initials, OCR misread in one of the two places (one letter apart), as the sentence's subject."""
    if not re.fullmatch(r"[A-Z]{2,3}", owner):
        return None
    for m in re.finditer(rf"(?:^|(?<=[.;:]\s)|(?<=[a-z]\s))(?P<s>(?P<who>[A-Z0-9]{{{len(owner)}}})\s+{TO}\s+[a-z][^.]*)", text):
        if sum(a != b for a, b in zip(m["who"], owner, strict=True)) == 1:
            return m
    return None


def _a_persons(name: str) -> bool:
    """``Duncan Crowther``, not ``Point Administration Number``: a given name the lists know first."""
    from pipeline.nlp.namewords import given_names

    return name.split()[0].lower() in given_names() and is_name(name)


def _subject(who: str) -> str | None:
    """The person a sentence's subject names: ``Novenber Roisin Cadwallader`` (the sentence's end
    before it lost with its full stop) is ``Roisin Cadwallader``; None when no person is named."""
    if _a_persons(who):
        return who
    words = who.split()
    return " ".join(words[1:]) if len(words) == 3 and _a_persons(" ".join(words[1:])) else None


def _aligned(row: list[str], header: list[str] | None, cols: tuple[int, int]) -> tuple[int, int]:
    """The text and owner columns of a row the table it continues has more columns than (its empty
    item-number column lost on the next page): the columns counted from the right."""
    lost = len(header) - len(row) if header is not None else 0
    if lost > 0 and cols[0] - lost >= 0:
        return cols[0] - lost, cols[1] - lost
    return cols


def from_item_table(table: Table, page: int, start: int, *, header: list[str] | None = None,
                    prose: bool = False) -> list[Action]:
    """``4. | DP126 ‘…’ … SECAS to invite the Proposer of DP126 to the next meeting. … | SECAS``: the
    owner cell names who acts; the action is the ``<owner> to …`` sentence of the item's text."""
    cols = _item_columns(header if header is not None else table.rows[0]) if table.rows else None
    if cols is None:
        return []
    actions = []
    # each row's action one past the last's: the table's own order, kept when an action read
    # from its text too takes the earlier place (``actions.merge_unnumbered``)
    for k, row in enumerate(table.rows[1:] if header is None else table.rows):
        text_col, owner_col = _aligned(row, header, cols)
        # (a speck before the owner, "° RC", is no part of it)
        owner = re.sub(r"^[^\w(]+\s+(?=\w)", "", one_line(row[owner_col]).strip(" .,;:")) if owner_col < len(row) else ""
        text = one_line(row[text_col]) if text_col < len(row) else ""
        if not text:
            continue
        owner_like = re.fullmatch(r"[A-Z][\w&’'.\- ]{0,30}(?:\s*[,/&]\s*[A-Z][\w&’'.\- ]{0,30}){0,3}", owner)
        if not re.search(r"\w{2}", owner) or re.fullmatch(r"[a-z]{2,4}", owner) or (
                len(owner) <= 3 and not owner_like):  # ("xT", "J@": initials a poor scan misread)
            # the owner cell lost on a poor scan (empty, a speck, initials misread in lower
            # case: "oc" for DC): the item's text names who
            # acts, in full ("Lorna Oakley to create a survey … by 01/03/2020."), the full stop
            # before it perhaps lost too ("… in the decision log Lorna Oakley to …"), not someone
            # another asked or invited to speak
            # (in a table of running text, whose sentences are read as lines too, a full name only
            # when the owner cell holds something, misread ("J@", "oc"), and the name is a
            # person's: "… Modification Proposal to proceed …" is no one's action)
            named = not prose or bool(re.search(r"\w", owner))
            who = rf"{_FULL_NAME}|[A-Z]{{2,5}}|{_MISREAD_INITIALS}" if named else rf"[A-Z]{{2,5}}|{_MISREAD_INITIALS}"
            said = next((m for m in re.finditer(
                rf"{SUBJECT_START}(?P<s>(?P<who>{who})\s+{TO}\s+[a-z][^.]*"
                r"(?:\.\d[^.]*)*)", text) if not prose or " " not in m["who"] or _subject(m["who"])), None)
            owner = ((" " in said["who"] and _subject(said["who"])) or said["who"]) if said is not None else ""
        elif not owner_like and not re.search(r"[A-Za-z]{3}", owner):
            continue
        else:
            said = None
            if owner_like:
                said = re.search(rf"{SUBJECT_START}(?P<s>(?:The\s+)?{re.escape(owner)}\s+{TO}\s+[a-z][^.]*(?:\.\d[^.]*)*)", text)
                # initials in the owner cell, the text naming the person ("Cllr Farrow to arrange …" | OF)
                said = said or initials_sentence(text, owner) or _misread_subject(text, owner)
                if said is not None and re.fullmatch(r"[A-Z][a-z]{1,2}", owner) and said["s"].startswith(f"{owner.upper()} "):
                    owner = owner.upper()  # "Yw" beside "YW to draft …": the initials read in the wrong case
            if said is None:
                # an owner cell misread past knowing ("emcas", "Dpcc" for SECAS, DCC): the item's
                # one sentence of a party or initials and what they are to do says who acts
                told = list(re.finditer(rf"{SUBJECT_START}(?P<s>(?P<who>[A-Z]{{2,6}})\s+{TO}\s+[a-z][^.]*(?:\.\d[^.]*)*)",
                                        text))
                said = told[0] if len(told) == 1 else None
                if said is not None:  # (initials read in the wrong case, "Mw", are the owner as written)
                    owner = owner.upper() if re.fullmatch(r"[A-Za-z]{2,3}", owner) else said["who"]
        if said is None:
            continue  # an owner beside an item that says nothing it is to do: read no action into it
        m = OWNER_TO.match(said["s"])
        body = m["desc"] if m else said["s"]
        if m is None and "who" in said.groupdict() and said["who"]:  # "3B to arrange …": misread initials
            body = re.sub(rf"^{re.escape(said['who'])}\s+{TO}\s+", "", said["s"])
        due = due_date_match(body)
        actions.append(Action(None, owner, strip_due(body), due[0] if due else None, start + k, page))
    return actions
