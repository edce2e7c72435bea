"""One self-contained HTML report of the audit (``minutes report``).

Per proposal (a DP and the MP it became together) a timeline of its decisions, decisions per
meeting as a bar chart, then the open recommendations and open actions. Inline CSS and SVG drawn
here: no script, no network. Every row links to its source document and page
(``relative/path.pdf#page=N`` from the report's folder). All text goes through ``html.escape``.
"""

from __future__ import annotations

import html
import os
from datetime import date
from pathlib import Path
from urllib.parse import quote

import pandas as pd

from pipeline.audit import queries as audit

OUTCOME_COLOURS = {
    "approved": "#2e7d32", "minutes_approved": "#81c784", "rejected": "#c62828", "withdrawn": "#ad1457",
    "closed": "#6d4c41", "convert_to_modification_proposal": "#1565c0", "refinement_process": "#0277bd",
    "report_phase": "#00838f", "further_development": "#ef6c00", "deferred": "#f9a825", "noted": "#9e9e9e",
}
COMMITTEE_COLOURS = ["#3f51b5", "#009688", "#ff7043", "#8e24aa", "#546e7a", "#c0ca33"]

CSS = """
body{font:14px/1.45 -apple-system,'Segoe UI',Helvetica,Arial,sans-serif;color:#1d2330;margin:0;background:#f4f6f9}
main{max-width:1180px;margin:0 auto;padding:24px 32px 48px}
h1{font-size:26px;margin:0 0 4px}h2{font-size:19px;margin:32px 0 10px;border-bottom:2px solid #d8dde6;padding-bottom:4px}
h3{font-size:15px;margin:0 0 6px}.muted{color:#5d6675}.card{background:#fff;border:1px solid #dde2ea;border-radius:8px;padding:14px 16px;margin:0 0 14px}
.stats{display:flex;gap:12px;flex-wrap:wrap;margin:14px 0}.stat{background:#fff;border:1px solid #dde2ea;border-radius:8px;padding:8px 14px}
.stat b{display:block;font-size:22px}table{border-collapse:collapse;width:100%;font-size:13px}
th,td{text-align:left;vertical-align:top;padding:4px 8px;border-bottom:1px solid #eceff4}th{background:#f0f2f6;font-weight:600}
td.text{max-width:480px}a{color:#1a56b0;text-decoration:none}a:hover{text-decoration:underline}
.pill{display:inline-block;border-radius:10px;padding:0 8px;font-size:12px;color:#fff;white-space:nowrap}
.legend span{margin-right:12px;font-size:12px;white-space:nowrap}.legend i{display:inline-block;width:10px;height:10px;border-radius:5px;margin-right:4px}
svg text{font-family:inherit}
"""


def _e(value: object) -> str:
    return "" if value is None or value != value else html.escape(str(value))


def _href(source_file: object, page: object, *, out_dir: Path, base: Path) -> str:
    """Relative link from the report's folder to the source file, at its page."""
    if not source_file:
        return ""
    path = Path(str(source_file))
    path = path if path.is_absolute() else base / path
    rel = os.path.relpath(path.resolve(), out_dir.resolve()).replace(os.sep, "/")
    return quote(rel) + (f"#page={int(page)}" if page is not None and page == page else "")


def _link(row: dict, *, out_dir: Path, base: Path) -> str:
    href = _href(row.get("source_file"), row.get("page"), out_dir=out_dir, base=base)
    label = audit.source(row.get("source_file"), row.get("page"))
    return f'<a href="{_e(href)}">{_e(label)}</a>' if href else _e(label)


def _source_link(src: object, *, out_dir: Path, base: Path) -> str:
    """A link for an audit ``source`` cell (``file:page``, the form evidence columns carry)."""
    head, _, tail = str(src or "").rpartition(":")
    file, page = (head, int(tail)) if head and tail.isdigit() else (src or None, None)
    return _link({"source_file": file, "page": page}, out_dir=out_dir, base=base)


def _pill(outcome: object) -> str:
    colour = OUTCOME_COLOURS.get(str(outcome), "#607d8b")
    return f'<span class="pill" style="background:{colour}">{_e(str(outcome or "—").replace("_", " "))}</span>'


# ---------------------------------------------------------------- charts

def _plain(value: object) -> str:
    """A cell as text: empty for a missing value (None or NaN)."""
    return "" if value is None or value != value else str(value)


def _date(value: object) -> date | None:
    """An ISO date cell as a date; None when the meeting's date is unknown (or not a date)."""
    try:
        return date.fromisoformat(str(value)) if value is not None and value == value else None
    except ValueError:
        return None


def bar_chart(docs: pd.DataFrame, decisions: pd.DataFrame) -> str:
    """Decisions per meeting (one document each), bars coloured by committee, in date order."""
    counts = decisions.groupby("meeting_id").size()
    committees = list(dict.fromkeys(docs["committee"].fillna("(unknown)")))
    colour = {c: COMMITTEE_COLOURS[i % len(COMMITTEE_COLOURS)] for i, c in enumerate(committees)}
    n = max(len(docs), 1)
    top = max(int(counts.max()) if len(counts) else 1, 1)
    width, height, left, plot_h = 1100, 310, 40, 190
    step = (width - left - 70) / n  # room on the right for the last slanted label
    bar = min(56.0, step * 0.7)
    parts = [f'<svg role="img" aria-label="Decisions per meeting" width="{width}" height="{height}" viewBox="0 0 {width} {height}">']
    for k in range(0, top + 1, max(1, top // 5)):
        y = 20 + plot_h - plot_h * k / top
        parts.append(f'<line x1="{left}" x2="{width - 10}" y1="{y:.1f}" y2="{y:.1f}" stroke="#e3e7ee"/>'
                     f'<text x="{left - 6}" y="{y + 4:.1f}" font-size="11" text-anchor="end" fill="#5d6675">{k}</text>')
    for i, r in enumerate(docs.itertuples()):
        c = int(counts.get(r.meeting_id, 0))
        h = plot_h * c / top
        x = left + step * i + (step - bar) / 2
        y = 20 + plot_h - h
        fill = colour[r.committee if isinstance(r.committee, str) and r.committee else "(unknown)"]
        parts.append(
            f'<g class="bar" data-meeting="{_e(r.meeting_id)}" data-decisions="{c}"><title>{_e(r.meeting_id)} '
            f'({_e(r.committee)}, {_e(r.meeting_date)}): {c} decision(s)</title>'
            f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar:.1f}" height="{h:.1f}" rx="3" fill="{fill}"/>'
            f'<text x="{x + bar / 2:.1f}" y="{y - 4:.1f}" font-size="12" text-anchor="middle" fill="#1d2330">{c}</text>'
            f'<text transform="translate({x + bar / 2:.1f},{20 + plot_h + 14}) rotate(30)" font-size="11" fill="#1d2330">'
            f'{_e(r.meeting_id)}</text>'
            f'<text transform="translate({x + bar / 2 - 10:.1f},{20 + plot_h + 28}) rotate(30)" font-size="10" fill="#5d6675">'
            f'{_e(r.meeting_date)}</text></g>')
    parts.append("</svg>")
    legend = "".join(f'<span><i style="background:{colour[c]}"></i>{_e(c)}</span>' for c in committees)
    return "".join(parts) + f'<div class="legend">{legend}</div>'


def timeline(rows: pd.DataFrame, *, start: date, end: date) -> str:
    """One proposal's decisions on a date axis shared by every proposal (so they compare)."""
    width, left, right = 1080, 20, 20
    span = max((end - start).days, 1)
    undated = rows[[_date(v) is None for v in rows["meeting_date"]]]
    rows = rows[[_date(v) is not None for v in rows["meeting_date"]]].sort_values("meeting_date", kind="stable")
    height = 46 + 18 * max(len(rows), 1) + (18 if len(undated) else 0)
    axis_y = 24
    parts = [f'<svg class="timeline" width="{width}" height="{height}" viewBox="0 0 {width} {height}">',
             f'<line x1="{left}" x2="{width - right}" y1="{axis_y}" y2="{axis_y}" stroke="#b8c0cc" stroke-width="2"/>']
    month = date(start.year, start.month, 1)
    while month <= end:
        if month >= start:
            x = left + (width - left - right) * (month - start).days / span
            parts.append(f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{axis_y - 5}" y2="{axis_y + 5}" stroke="#b8c0cc"/>'
                         f'<text x="{x:.1f}" y="{axis_y - 9}" font-size="10" text-anchor="middle" fill="#5d6675">{month:%b %Y}</text>')
        month = date(month.year + (month.month == 12), month.month % 12 + 1, 1)
    for k, r in enumerate(rows.itertuples()):  # one row per decision: labels never overlap
        x = left + (width - left - right) * ((_date(r.meeting_date) or start) - start).days / span
        anchor, dx = ("end", -8) if x > width * 0.7 else ("start", 8)
        colour = OUTCOME_COLOURS.get(str(r.outcome), "#607d8b")
        y = axis_y + 18 + 18 * k
        label = (f"{r.meeting_date} {r.identifier} {_plain(r.verb)} · {(_plain(r.outcome) or '—').replace('_', ' ')} "
                 f"({r.meeting_id})")
        parts.append(f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{axis_y}" y2="{y}" stroke="{colour}" stroke-opacity="0.35"/>'
                     f'<circle cx="{x:.1f}" cy="{axis_y}" r="5" fill="{colour}"/>'
                     f'<circle cx="{x:.1f}" cy="{y}" r="4" fill="{colour}"/>'
                     f'<text x="{x + dx:.1f}" y="{y + 4}" font-size="11" text-anchor="{anchor}" fill="#1d2330">{_e(label)}</text>')
    if len(undated):  # a meeting whose date was not found: listed in the table below, not placed on the axis
        parts.append(f'<text x="{left}" y="{height - 8}" font-size="11" fill="#5d6675">{len(undated)} decision(s) '
                     f'of meetings with no date found: {_e(", ".join(sorted(set(map(str, undated["meeting_id"])))))}</text>')
    parts.append("</svg>")
    return "".join(parts)


# ---------------------------------------------------------------- the page

def proposal_groups(tables: audit.Tables) -> list[list[str]]:
    """Every proposal with at least one decision, DP and MP linked, in order of first decision."""
    link_table = audit.links(tables)
    decided = audit.chosen_rows(tables, "decisions")
    seen: set[str] = set()
    groups = []
    for ident in decided["identifier"].dropna().str.upper():
        if ident in seen:  # one card per proposal
            continue
        group = audit.linked(ident, link_table)
        seen.update(group)
        groups.append(sorted(group, key=lambda i: (audit.kind_of(i) != "DP", i)))
    return groups


def build_report(db: Path | str | audit.Tables = audit.DEFAULT_DB, *, out: Path, base: Path | None = None,
                 label: str | None = None) -> str:
    """The report as one HTML string; links are relative to ``out``'s folder.

    ``base`` is the folder relative ``source_file`` paths are resolved from (default: the
    current folder, where ``minutes run`` is usually started). ``label`` names the database.
    """
    tables = audit.load(db)
    out_dir, base = out.parent, base or Path.cwd()
    docs = audit.choose_documents(tables)
    decisions = audit.chosen_rows(tables, "decisions")
    recs = audit.recommendations(tables)
    acts = audit.action_status(tables)
    dates = [d for d in map(_date, docs["meeting_date"]) if d is not None]
    start = min(dates) if dates else date.today()
    end = max(dates) if dates else start
    link = {"out_dir": out_dir, "base": base}

    body = [f"<h1>SEC committee minutes — audit report</h1><p class='muted'>From {_e(label or db)}: "
            f"{len(docs)} meeting(s) {_e(start)} to {_e(end)}, one document each.</p>"]
    open_recs = recs[recs["status"] == "pending"]
    open_acts = acts[acts["status"] == "open"]
    stats = [("meetings", len(docs)), ("decisions", len(decisions)), ("recommendations", len(recs)),
             ("open recommendations", len(open_recs)), ("actions", len(acts)), ("open actions", len(open_acts))]
    body.append('<div class="stats">' + "".join(f'<div class="stat"><b>{n}</b>{_e(k)}</div>' for k, n in stats) + "</div>")

    body.append('<h2 id="per-meeting">Decisions per meeting</h2><div class="card">' + bar_chart(docs, decisions) + "</div>")

    body.append('<h2 id="open-recommendations">Open recommendations</h2>')
    body.append(_table(["recommended", "meeting", "proposal", "recommendation", "status / latest", "source"], [
        [_e(r["meeting_date"]), _e(f"{r['meeting_id']} ({r['committee']})"), _e(r["identifier"]),
         _pill(r["outcome"]) + " " + _e(r["text"]),
         _e(r["status"]) + (f" — {_e(r['evidence_meeting_id'])} {_e(r['evidence_date'])}: {_e(r['evidence_text'])} "
                            f"({_source_link(r['evidence_source'], **link)})"
                            if r["evidence_meeting_id"] else ""),
         _source_link(r["source"], **link)]
        for r in open_recs.to_dict("records")], css="open-recommendations"))

    body.append('<h2 id="open-actions">Open actions</h2>')
    body.append(_table(["action", "raised", "owner", "due", "description", "source"], [
        [_e(r["action_id"]), _e(f"{r['meeting_date']} {r['meeting_id']}"), _e(r["owner"]), _e(r["due_date"]),
         _e(r["description"]),
         _source_link(r["source"], **link)]
        for r in open_acts.to_dict("records")], css="open-actions"))

    body.append('<h2 id="proposals">Proposals</h2><div class="legend">' + "".join(
        f'<span><i style="background:{c}"></i>{_e(o.replace("_", " "))}</span>' for o, c in OUTCOME_COLOURS.items()) + "</div>")
    link_table = audit.links(tables)
    for group in proposal_groups(tables):
        hist = audit.history(tables, group[0])
        dec = hist[hist["kind"] == "decision"]
        titles = hist["text"][hist["kind"] == "mention"].str.extract(r"‘(.+)’")[0].dropna()
        title = titles.iloc[0] if len(titles) else ""
        why = link_table[link_table["dp"].isin(group) & link_table["mp"].isin(group)]
        note = "; ".join(f"{r.dp} → {r.mp}: {r.reason}" for r in why.itertuples())
        anchor = "p-" + "-".join(group)
        body.append(f'<div class="card proposal" id="{_e(anchor)}" data-identifiers="{_e(" ".join(group))}">'
                    f'<h3>{_e(" → ".join(group))} <span class="muted">{_e(title)}</span></h3>'
                    + (f'<p class="muted">Linked: {_e(note)}</p>' if note else "")
                    + timeline(dec, start=start, end=end)
                    + _table(["date", "meeting", "id", "verb", "outcome", "text", "source"], [
                        [_e(r["meeting_date"]), _e(f"{r['meeting_id']} ({r['committee']})"), _e(r["identifier"]), _e(r["verb"]),
                         _pill(r["outcome"]), _e(r["text"]), _link(r, **link)]
                        for r in dec.to_dict("records")], css="history") + "</div>")

    body.append('<h2 id="documents">Documents used</h2><p class="muted">One document per meeting: final over draft, '
                'then the one with the fewest OCR\'d pages, then the highest OCR confidence.</p>')
    body.append(_table(["meeting", "committee", "date", "status", "document used", "set aside"], [
        [_e(r["meeting_id"]), _e(r["committee"]), _e(r["meeting_date"]), _e(r["status"]),
         _link({"source_file": r["source_file"], "page": None}, **link), _e(r["others"])]
        for r in docs.to_dict("records")], css="documents"))

    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            f"<title>Minutes audit report</title><style>{CSS}</style></head><body><main>"
            + "\n".join(body) + "</main></body></html>\n")


def _table(headers: list[str], rows: list[list[str]], *, css: str) -> str:
    """Cells are already escaped HTML."""
    if not rows:
        return f'<p class="muted {css}">None.</p>'
    head = "".join(f"<th>{_e(h)}</th>" for h in headers)
    cls = {h: ' class="text"' if h in ("text", "description", "recommendation", "status / latest") else "" for h in headers}
    body = "".join("<tr>" + "".join(f"<td{cls[h]}>{c}</td>" for h, c in zip(headers, row, strict=True)) + "</tr>" for row in rows)
    return f'<table class="{css}"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def write_report(db: Path | str | audit.Tables = audit.DEFAULT_DB, *, out: Path = Path("outputs/report.html"),
                 base: Path | None = None) -> Path:
    """Write :func:`build_report` to ``out`` (folders created) and return its path."""
    tables = audit.load(db)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    html_text = build_report(tables, out=out, base=base, label=None if isinstance(db, audit.Tables) else str(db))
    out.write_text(html_text, encoding="utf-8")
    return out
