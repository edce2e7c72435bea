"""Turn a meeting spec (``samples/specs/<key>.json``) into a page layout and its gold record."""

from __future__ import annotations

import re
from typing import Any

from .layout import BODY_W, MARGIN_L, Composer, Layout, Op, decision_sentence

ID_RE = re.compile(r"\b(SECMP|DP|MP|IRP|CRP)(\d{3,4})\b")
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
    if with_initials and ini and p.get("show_ini", True):
        return f"{p['name']} ({ini})"
    return p["name"]


def _attendee_block(c: Composer, block: dict[str, Any]) -> None:
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
            ops.append(Op("text", MARGIN_L, y, p["name"], c.regular, c.size))
            if ini:
                ops.append(Op("text", MARGIN_L + 150, y, ini, c.regular, c.size))
            ops.append(Op("text", MARGIN_L + 190, y, cell, c.regular, c.size))
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
            rows.append([p["name"], p.get("ini", ""), cell])
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


def _body_block(c: Composer, b: dict[str, Any], meeting_id: str) -> None:
    if "h" in b:
        c.current_id = b.get("id")
        c.heading(b["h"])
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
                x=MARGIN_L + indent + 12,
                width=BODY_W - indent - 12,
                first_prefix=(mark, MARGIN_L + indent),
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
        c.text_line(MARGIN_L, line, line, font, size)
        if n == 0:
            c.space(4)
    c.space(c.size)
    for key in ("attendees", "apologies"):
        if spec.get(key):
            _attendee_block(c, spec[key])
    for b in spec["body"]:
        _body_block(c, b, meeting_id)
    return c.layout


def gold(spec: dict[str, Any], layout: Layout, *, mixed_pages: list[int]) -> dict[str, Any]:
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
