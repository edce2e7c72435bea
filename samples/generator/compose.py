"""Turn a meeting spec (``samples/specs/<key>.json``) into a page layout and its gold record."""

from __future__ import annotations

import re
from typing import Any

from .layout import Composer, Layout, Op, _width, decision_sentence, wrap

ID_RE = re.compile(r"\b(SECMP|DP|MP|IRP|CRP|CP)(\d{3,4})\b")
TITLE_RE = r"{ident}\s+‘([^’]+)’"

ATTENDEE_FORMS: dict[str, tuple[list[str], list[float]]] = {
    "category": (["Category", "Name", "Representing"], [1.5, 1.2, 1.5]),
    "repr_name": (["Representing", "Name"], [1.0, 1.0]),
    "name_repr": (["Name", "Representing"], [1.0, 1.2]),
    "name_role": (["Name", "Role"], [1.0, 1.2]),
    "initials": (["Name", "Initials", "Role"], [1.2, 0.45, 1.6]),
}


def _shown_name(p: dict[str, Any], *, with_initials: bool) -> str:
    ini = p.get("ini")
    name = p.get("display", p["name"])
    if with_initials and ini and p.get("show_ini", True):
        return f"{name} ({ini})"
    return name


def _attendee_text(c: Composer, block: dict[str, Any]) -> None:
    """The drawn splits' text forms: inline paragraph, tabbed lines, two columns."""
    form = block["form"]
    entries = [p["shown"] for p in block["people"]]
    label = block.get("label", "")
    if form == "inline":
        text = block.get("text") or block.get("sep", "; ").join(entries) + block.get("end", "")
        c.labelled(label, text, label_font=c.bold if block.get("bold", True) else c.regular,
                   hanging=block.get("hanging"))
    elif form == "tabbed":
        c.tabbed(label, entries, tab=block.get("tab", 90.0))
    elif form == "twocol":
        if label:
            c.ensure(c.leading * 3)
            c.text_line(c.ml, label, label, c.bold, c.size)
        c.two_columns(entries, column_major=block.get("column_major", False),
                      indent=block.get("indent", 0.0))
    else:
        raise ValueError(f"unknown attendee form {form!r}")
    c.space(c.size * 0.6)


def _attendee_block(c: Composer, block: dict[str, Any]) -> None:
    if block.get("form") in ("inline", "tabbed", "twocol"):
        _attendee_text(c, block)
        return
    if block.get("heading"):
        c.heading(block["heading"], size=c.size)
    form = block.get("form", "category")
    people = block["people"]
    if form == "lines":
        for p in people:
            ini = f"[{p['ini']}]" if p.get("ini") else ""
            cell = p.get("cell", p.get("repr", ""))
            c.ensure(c.leading)
            y = c.y - c.size
            ops = c.page.ops
            ops.append(Op("text", c.ml, y, p["name"], c.regular, c.size))
            if ini:
                ops.append(Op("text", c.ml + 150, y, ini, c.regular, c.size))
            ops.append(Op("text", c.ml + 190, y, cell, c.regular, c.size))
            c.page.lines.append(" ".join(t for t in (p["name"], ini, cell) if t))
            c.y -= c.leading
        c.space(c.size * 0.6)
        return
    head, widths = ATTENDEE_FORMS[form]
    head = block.get("cols", head)
    rows: list[list[str]] = [head] if block.get("header", True) else []
    prev_cat = None
    for p in people:
        cell = p.get("cell", p.get("repr", ""))
        if form == "category":
            cat = p.get("cat", "")
            rows.append([cat if cat != prev_cat else "", _shown_name(p, with_initials=True), cell])
            prev_cat = cat
        elif form == "repr_name":
            rows.append([cell, _shown_name(p, with_initials=True)])
        elif form == "initials":
            rows.append([p.get("display", p["name"]), p.get("ini", ""), cell])
        else:
            rows.append([_shown_name(p, with_initials=block.get("initials", True)), cell])
    c.table(
        rows,
        widths,
        kind="attendees",
        ruled=block.get("ruled", True),
        header=block.get("header", True),
    )


def _record_decisions(
    c: Composer,
    text: str,
    decs: list[dict[str, Any]],
    starts: list[tuple[int, int]],
    block_id: Any,
) -> None:
    for d in decs:
        dtext = d.get("t") or decision_sentence(text, d["v"])
        pos = text.find(dtext)
        if pos < 0:
            raise ValueError(f"decision text {dtext!r} not in {text!r}")
        page = max((pg for pg, off in starts if off <= pos), default=starts[0][0])
        ident = d.get("id", block_id)
        c.layout.decisions.append(
            {
                "identifier": ident,
                "verb": d["v"],
                "outcome": d.get("o"),
                "text": dtext,
                "page": page,
            }
        )


def _record_actions(c: Composer, acts: list[dict[str, Any]], meeting_id: str, ident: Any) -> None:
    for a in acts:
        n = len(c.layout.actions) + 1
        c.layout.actions.append(
            {
                "action_id": a.get("id") or f"{meeting_id}/A{n}",
                "owner": a.get("owner"),
                "description": a["desc"],
                "due_date": a.get("due"),
                "identifier": a.get("ident", ident),
                "page": c.page_no,
            }
        )


def _heading(c: Composer, b: dict[str, Any]) -> None:
    style = b.get("hstyle")
    if style is None:
        c.heading(b["h"])
    elif style == "bold":  # bold at body size, as a paragraph
        c.heading(b["h"], size=c.size)
    elif style == "underline":
        c.space(c.size * 0.5)
        c.ensure(c.leading * 4)
        x, y = c.ml, c.y - c.size - 1.5
        c.text_line(c.ml, b["h"], b["h"], c.bold, c.size)
        c.page.ops.append(Op("line", x, y, x2=x + _width(b["h"], c.bold, c.size), y2=y))
        c.space(c.size * 0.35)
    elif style == "agenda":  # a one-row agenda table: number | title | purpose
        c.space(c.size * 0.5)
        c.ensure(c.leading * 5)
        c.table([b["cells"]], b["widths"], kind="agenda", ruled=True, header=True)
    else:
        raise ValueError(f"unknown heading style {style!r}")


def _row_pages(c: Composer, first_part: int) -> list[int]:
    """The page of each row of the table whose parts start at ``c.layout.tables[first_part]``."""
    return [part["page"] for part in c.layout.tables[first_part:] for _ in part["rows"]]


def _rtable(c: Composer, b: dict[str, Any], meeting_id: str, ident: Any) -> None:
    """A table whose rows carry decisions (``d``: cell text is the decision) or actions."""
    c.ensure(c.leading * 3)
    first = len(c.layout.tables)
    c.table(b["rtable"], b["widths"], kind=b.get("kind", "actions"), ruled=b.get("ruled", True),
            header=b.get("header", True))
    pages = _row_pages(c, first)
    for note in b.get("rows", []):
        r = note["row"]
        if "d" in note:
            d = note["d"]
            text = b["rtable"][r][note["col"]]
            c.layout.decisions.append({"identifier": d.get("id", ident), "verb": d["v"],
                                       "outcome": d.get("o"), "text": d.get("t", text),
                                       "page": pages[r]})
        if "a" in note:
            before = len(c.layout.actions)
            _record_actions(c, [note["a"]], meeting_id, ident)
            c.layout.actions[before]["page"] = pages[r]


def _itemtable(c: Composer, b: dict[str, Any], meeting_id: str) -> None:
    t = b["itemtable"]
    rows = t["rows"]
    results = c.item_table(t["cols"], t["widths"], rows, ruled=t.get("ruled", True),
                           repeat_header=t.get("repeat_header", False))
    for row, starts in zip(rows, results, strict=True):
        for para, st in zip(row["paras"], starts, strict=True):
            ident = para.get("id", row.get("id"))
            _record_decisions(c, para["t"], para.get("d", []), st, ident)
            for a in para.get("a", []):
                before = len(c.layout.actions)
                _record_actions(c, [a], meeting_id, ident)
                c.layout.actions[before]["page"] = st[0][0]


def _title_block(c: Composer, t: dict[str, Any]) -> None:
    font = {"bold": c.bold, "regular": c.regular, "italic": c.italic}[t.get("font", "regular")]
    size = c.size + t.get("dsize", 0)
    if "label" in t:  # "Date:" in bold, the value beside it (at a tab stop, if given)
        lfont = c.bold
        c.ensure(size * c.lf)
        c.page.ops.append(Op("text", c.ml, c.y - size, t["label"] + " ", lfont, size))
        lw = _width(t["label"] + " ", lfont, size)
        x = c.ml + max(t.get("tab", lw), lw + size * 0.5) if "tab" in t else c.ml + lw
        c.text_line(x, t["text"], f"{t['label']} {t['text']}", c.regular, size)
    else:
        for drawn, gold in wrap(t["text"], font, size, c.bw):
            w = _width(drawn, font, size)
            x = c.ml + (c.bw - w) / 2 if t.get("align") == "center" else c.ml
            c.text_line(x, drawn, gold, font, size)
    if t.get("after"):
        c.space(t["after"])


def _body_block(c: Composer, b: dict[str, Any], meeting_id: str) -> None:
    if "h" in b:
        c.current_id = b.get("id")
        _heading(c, b)
        return
    if "itemtable" in b:
        _itemtable(c, b, meeting_id)
        return
    if "title" in b:
        _title_block(c, b["title"])
        return
    if "rtable" in b:
        _rtable(c, b, meeting_id, b.get("id", c.current_id))
        return
    if "lp" in b:  # labelled paragraph: "RESOLVED:" / "ACTION:" in bold, then the text
        text = b["lp"]
        starts = c.labelled(b["label"], text, hanging=b.get("hanging"))
        full = f"{b['label']} {text}"
        shifted = [(pg, off + len(b["label"]) + 1 if n else 0) for n, (pg, off) in enumerate(starts)]
        ident = b.get("id", c.current_id)
        _record_decisions(c, full, b.get("d", []), shifted, ident)
        if b.get("a"):
            before = len(c.layout.actions)
            _record_actions(c, b["a"], meeting_id, ident)
            for a in c.layout.actions[before:]:
                a["page"] = starts[0][0]
        c.space(c.size * 0.6)
        return
    if "item" in b:
        m = ID_RE.search(b["item"])
        c.current_id = b["id"] if "id" in b else (m.group(0) if m else None)
        c.space(c.size * 0.3)
        c.ensure(c.leading * 3)
        c.paragraph(b["item"], font=c.bold)
        c.space(c.size * 0.3)
        return
    ident = b.get("id", c.current_id)
    if "sub" in b:
        c.ensure(c.leading * 3)
        c.paragraph(b["sub"], font=c.italic if b.get("italic") else c.bold)
        c.space(c.size * 0.25)
        return
    if "p" in b:
        text = b["p"]
        starts = c.paragraph(
            text, hyphenate=b.get("hy", False), font=c.bold if b.get("bold") else None
        )
        _record_decisions(c, text, b.get("d", []), starts, ident)
        if b.get("a"):
            before = len(c.layout.actions)
            _record_actions(c, b["a"], meeting_id, ident)
            for a in c.layout.actions[before:]:
                a["page"] = starts[0][0]
        c.space(c.size * 0.6)
        return
    if "ul" in b or "ol" in b:
        if b.get("lead"):
            c.ensure(c.leading * 2)
            c.paragraph(b["lead"])
            c.space(c.size * 0.2)
        items = b.get("ul") or b.get("ol")
        for n, item in enumerate(items, start=1):
            it = item if isinstance(item, dict) else {"t": item}
            mark = "•" if "ul" in b else f"{n}."
            indent = 16.0
            starts = c.paragraph(
                it["t"],
                x=c.ml + indent + 12,
                width=c.bw - indent - 12,
                first_prefix=(b.get("mark", mark), c.ml + indent),
                hyphenate=it.get("hy", False),
            )
            it_id = it.get("id", ident)
            decs = [
                {**d, "t": d.get("t") or decision_sentence(it["t"], d["v"])}
                for d in ([it["d"]] if isinstance(it.get("d"), dict) else it.get("d", []))
            ]
            _record_decisions(c, it["t"], decs, starts, it_id)
            if it.get("a"):
                _record_actions(c, it["a"], meeting_id, it_id)
            c.space(c.size * (0.55 if b.get("spaced", True) else 0.1))
        c.space(c.size * 0.3)
        return
    if "table" in b:
        c.ensure(c.leading * 3)
        page = c.page_no
        c.table(
            b["table"],
            b["widths"],
            kind=b.get("kind", "actions"),
            ruled=b.get("ruled", True),
            header=b.get("header", True),
        )
        _record_actions(c, b.get("a", []), meeting_id, ident)
        for a in c.layout.actions[len(c.layout.actions) - len(b.get("a", [])) :]:
            a["page"] = page
        return
    raise ValueError(f"unknown block {b!r}")


def compose(spec: dict[str, Any]) -> Layout:
    c = Composer(spec)
    meeting_id = spec["meeting"]["meeting_id"]
    for n, line in enumerate(spec["title_lines"]):
        font = c.bold if n == 0 else c.regular
        size = c.size + 4 if n == 0 else c.size + 1
        c.text_line(c.ml, line, line, font, size)
        if n == 0:
            c.space(4)
    for t in spec.get("title_blocks", []):
        _body_block(c, t, meeting_id)
    c.space(c.size)
    for block in spec.get("attendee_blocks", []):
        _attendee_block(c, block)
    for key in ("attendees", "apologies"):
        if spec.get(key):
            _attendee_block(c, spec[key])
    for b in spec["body"]:
        _body_block(c, b, meeting_id)
    return c.layout


def gold(spec: dict[str, Any], layout: Layout, *, mixed_pages: list[int]) -> dict[str, Any]:
    if "attendee_blocks" in spec:
        people = [p for block in spec["attendee_blocks"] for p in block["people"]]
    else:
        people = [*spec["attendees"]["people"], *(spec.get("apologies") or {}).get("people", [])]
    attendees = [
        {
            "name": p["name"],
            "initials": p.get("ini"),
            "role": p["role"],
            "representing": p.get("repr") or None,
            "present": p["role"] != "apology",
        }
        for p in people
    ]
    pages = ["\n".join(p.lines) for p in layout.pages]
    flat = " ".join(" ".join(p.lines) for p in layout.pages)
    found: dict[str, dict[str, Any]] = {}
    for n, page in enumerate(pages, start=1):
        for m in ID_RE.finditer(page):
            ident = m.group(0)
            if ident not in found:
                t = re.search(TITLE_RE.format(ident=ident), flat)
                found[ident] = {
                    "identifier": ident,
                    "kind": m.group(1),
                    "title": t.group(1) if t else None,
                    "mentions": 0,
                    "first_page": n,
                }
            found[ident]["mentions"] += 1
    return {
        "key": spec["key"],
        "meeting": spec["meeting"],
        "attendees": attendees,
        "identifiers": list(found.values()),
        "decisions": layout.decisions,
        "actions": layout.actions,
        "pages": pages,
        "tables": layout.tables,
        "scanned_pages": {"mixed": mixed_pages},
    }
