"""Audit: what the database says happened to a proposal, a recommendation or an action.

Reads only the contract's tables from ``minutes.sqlite`` (meetings, identifiers, decisions,
actions) and never the pipeline, so it works on any database ``minutes run`` wrote.

- One meeting often exists as several documents (a digital PDF and its scan, a draft and the
  final minutes): they share ``meeting_id``. :func:`choose_documents` keeps one per meeting —
  status ``final`` over ``draft`` over unknown, then the document with the fewest OCR'd pages,
  then the highest ``ocr_mean_confidence``, then the first ``source_file`` — and every audit
  row names the ``source_file:page`` it came from.
- A Draft Proposal that became a Modification Proposal is one proposal: :func:`links` ties a DP
  to an MP when both carry the same quoted title, or when the extractor found that a decision
  or action says so (its ``converts`` column: "convert DP094 into MP100"). Nothing here reads
  the words of a decision: what they state was found at extraction time (``pipeline.nlp.links``).
- :func:`history`, :func:`recommendations` and :func:`action_status` return DataFrames;
  :func:`render` prints one as an aligned table, CSV or JSON (``minutes audit``).
"""

from __future__ import annotations

import json
import re
import sqlite3
import textwrap
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pandas as pd

from pipeline.errors import UsageError
from pipeline.store.export import read_tables, safe_frame
from pipeline.store.records import columns

DEFAULT_DB = Path("outputs/minutes.sqlite")
TABLES = ("meetings", "identifiers", "decisions", "actions")

# Recommendation follow-up: a later decision with one of these outcomes (or verb REJECTED), or a
# later RECOMMENDED decision, supersedes the recommendation; one that only notes or defers the
# proposal leaves it pending; any other later decision follows it up.
SUPERSEDING_OUTCOMES = frozenset({"rejected", "withdrawn", "closed"})
NON_ACTING_OUTCOMES = frozenset({"noted", "deferred"})

@dataclass(frozen=True)
class Tables:
    """The contract tables an audit reads, each with at least the contract's columns.

    What is derived from them (the document chosen per meeting, its rows, the DP -> MP links)
    is worked out once per Tables and kept in ``memo``: a report asks for it per proposal.
    """

    meetings: pd.DataFrame
    identifiers: pd.DataFrame
    decisions: pd.DataFrame
    actions: pd.DataFrame
    memo: dict = field(default_factory=dict, init=False, repr=False, compare=False)

    def derived(self, key: str, make):
        if key not in self.memo:
            self.memo[key] = make()
        return self.memo[key]

    @classmethod
    def from_frames(cls, **frames: pd.DataFrame) -> Tables:
        """Tables from DataFrames (missing tables or columns are empty); for tests and tools."""
        return cls(**{name: _conform(name, frames.get(name)) for name in TABLES})


def load(db: Path | str | Tables = DEFAULT_DB) -> Tables:
    """Read the contract tables from ``db`` (a ``minutes.sqlite``); a Tables passes through."""
    if isinstance(db, Tables):
        return db
    db = Path(db)
    if not db.is_file():
        raise UsageError(f"no database at {db}; run 'minutes run PATH... --out {db.parent}' first (or give --db PATH)")
    try:
        frames = read_tables(db, TABLES)
    except sqlite3.DatabaseError as err:
        raise UsageError(f"{db} is not a database written by 'minutes run' ({err}); give --db PATH") from err
    if "meetings" not in frames:
        raise UsageError(f"{db} has no meetings table; is it a database written by 'minutes run'?")
    return Tables.from_frames(**frames)


def _conform(name: str, df: pd.DataFrame | None) -> pd.DataFrame:
    cols = columns(name)
    df = pd.DataFrame(columns=cols) if df is None else df.copy()
    for col in cols:
        if col not in df.columns:
            df[col] = None
    df = df.drop_duplicates().reset_index(drop=True)
    for col in ("page", "first_page", "mentions", "page_count", "ocr_page_count"):
        if col in df.columns:
            df[col] = pd.to_numeric(df[col], errors="coerce").astype("Int64")
    if "ocr_mean_confidence" in df.columns:
        df["ocr_mean_confidence"] = pd.to_numeric(df["ocr_mean_confidence"], errors="coerce")
    for col in df.columns:
        if df[col].dtype == object:
            df[col] = df[col].map(lambda v: None if v is None or v != v or v == "" else v)
    df["seq_"] = range(len(df))  # document order as stored
    return df


# ---------------------------------------------------------------- one document per meeting

_STATUS_RANK = {"final": 0, "draft": 1}


def choose_documents(tables: Tables) -> pd.DataFrame:
    """One row per meeting: the document the audit uses and how many others it set aside.

    Columns: meeting_id, source_file, committee, meeting_date, status, ocr_page_count,
    ocr_mean_confidence, documents (how many the database holds), others (their source files).
    """
    return tables.derived("documents", lambda: _choose_documents(tables))


def _choose_documents(tables: Tables) -> pd.DataFrame:
    m = tables.meetings.copy()
    if m.empty:
        return pd.DataFrame(columns=["meeting_id", "source_file", "committee", "meeting_date", "status",
                                     "ocr_page_count", "ocr_mean_confidence", "documents", "others"])
    m["_status"] = m["status"].map(lambda s: _STATUS_RANK.get(str(s).lower(), 2) if s else 2)
    m["_ocr"] = m["ocr_page_count"].fillna(0)
    m["_conf"] = -m["ocr_mean_confidence"].fillna(100.0)
    m = m.sort_values(["meeting_id", "_status", "_ocr", "_conf", "source_file"], kind="stable")
    rows = []
    for meeting_id, group in m.groupby("meeting_id", sort=True):
        best = group.iloc[0]
        others = [s for s in dict.fromkeys(group["source_file"]) if s != best["source_file"]]
        rows.append({
            "meeting_id": meeting_id, "source_file": best["source_file"],
            "committee": best["committee"] or _first(group["committee"]),
            "meeting_date": best["meeting_date"] or _first(group["meeting_date"]),
            "status": best["status"], "ocr_page_count": best["ocr_page_count"],
            "ocr_mean_confidence": best["ocr_mean_confidence"],
            "documents": len(others) + 1, "others": "; ".join(others),
        })
    out = pd.DataFrame(rows)
    out["date_"] = out["meeting_date"].fillna("9999-99-99")
    return out.sort_values(["date_", "meeting_id"], kind="stable").drop(columns="date_").reset_index(drop=True)


def _nulls(df: pd.DataFrame) -> pd.DataFrame:
    """Missing values as None (null in JSON, empty in CSV), whatever pandas made of them."""
    return df.astype(object).where(df.notna(), None).reset_index(drop=True)


def _first(values: pd.Series) -> object:
    found = values.dropna()
    return found.iloc[0] if len(found) else None


def chosen_rows(tables: Tables, table: str) -> pd.DataFrame:
    """Rows of ``table`` from each meeting's chosen document, with the meeting's committee and date."""
    return tables.derived(f"rows:{table}", lambda: _chosen_rows(tables, table)).copy()


def _chosen_rows(tables: Tables, table: str) -> pd.DataFrame:
    docs = choose_documents(tables)[["meeting_id", "source_file", "committee", "meeting_date"]]
    df = getattr(tables, table)
    out = df.merge(docs, on=["meeting_id", "source_file"], how="inner")
    out = out.astype(object).where(out.notna(), None)
    out["date_"] = out["meeting_date"].fillna("9999-99-99")
    return out.sort_values(["date_", "meeting_id", "seq_"], kind="stable").reset_index(drop=True)


def source(source_file: object, page: object) -> str:
    """``source_file:page`` (or the file alone when the page is unknown)."""
    if source_file is None:
        return ""
    if page is None or page is pd.NA or (isinstance(page, float) and page != page):
        return str(source_file)
    return f"{source_file}:{int(page)}"


# ---------------------------------------------------------------- DP -> MP links

def _norm_title(title: object) -> str:
    if not isinstance(title, str):
        return ""
    return re.sub(r"\s+", " ", title.strip(" \t'\"‘’“”")).casefold()


def kind_of(identifier: str) -> str:
    return re.sub(r"\d.*", "", identifier.upper())


def links(db: Path | str | Tables = DEFAULT_DB) -> pd.DataFrame:
    """Pairs of identifiers that are one proposal (a DP and the MP it became), with the reason.

    Columns: dp, mp, reason (``same title`` or ``text``), evidence (the title, or the sentence
    with its meeting and ``source_file:page``).
    """
    tables = load(db)
    return tables.derived("links", lambda: _links(tables))


def _links(tables: Tables) -> pd.DataFrame:
    found: dict[tuple[str, str, str], str] = {}
    ids = chosen_rows(tables, "identifiers")
    ids = ids[ids["identifier"].notna()]
    by_title: dict[str, dict[str, str]] = {}
    for row in ids.itertuples():
        key = _norm_title(row.title)
        if len(key) >= 8:
            by_title.setdefault(key, {}).setdefault(row.identifier.upper(), row.title)
    for idents in by_title.values():
        dps = sorted(i for i in idents if kind_of(i) == "DP")
        mps = sorted(i for i in idents if kind_of(i) in ("MP", "SECMP"))
        for dp in dps:
            for mp in mps:
                found.setdefault((dp, mp, "same title"), f"‘{idents[mp]}’")
    for table, text_col in (("decisions", "text"), ("actions", "description")):
        df = chosen_rows(tables, table)
        for row in df[df["converts"].notna()].itertuples():
            for pair in row.converts.split(";"):
                dp, _, mp = pair.strip().partition(">")
                if dp and mp:
                    text = getattr(row, text_col)
                    found.setdefault((dp, mp, "text"), f"{row.meeting_id}: “{_clip(text, 90)}” [{source(row.source_file, row.page)}]")
    rows = [{"dp": dp, "mp": mp, "reason": reason, "evidence": ev} for (dp, mp, reason), ev in found.items()]
    return pd.DataFrame(rows, columns=["dp", "mp", "reason", "evidence"]).sort_values(["dp", "mp", "reason"]).reset_index(drop=True)


def linked(identifier: str, link_table: pd.DataFrame) -> list[str]:
    """Every identifier joined to ``identifier`` through DP -> MP links, itself first."""
    identifier = identifier.upper()
    group, todo = [identifier], [identifier]
    while todo:
        cur = todo.pop()
        near = link_table.loc[link_table["dp"] == cur, "mp"].tolist() + link_table.loc[link_table["mp"] == cur, "dp"].tolist()
        for other in near:
            if other not in group:
                group.append(other)
                todo.append(other)
    return [identifier] + sorted(group[1:])


def link_reasons(db: Path | str | Tables, group: list[str]) -> str:
    """Why the identifiers of ``group`` are one proposal, one clause per link."""
    link_table = links(db)
    inside = link_table[link_table["dp"].isin(group) & link_table["mp"].isin(group)]
    return "; ".join(f"{r.dp} -> {r.mp} by {r.reason} {r.evidence}" for r in inside.itertuples())


def _link_note(identifier: str, asked: str, link_table: pd.DataFrame) -> str:
    if identifier == asked:
        return ""
    pair = link_table[((link_table["dp"] == identifier) | (link_table["mp"] == identifier))]
    reasons = sorted(set(pair["reason"]))
    return f"linked to {asked}: {' and '.join(reasons)}" if reasons else f"linked to {asked}"


# ---------------------------------------------------------------- history

HISTORY_COLUMNS = ["meeting_id", "committee", "meeting_date", "kind", "identifier", "ref", "verb", "outcome",
                   "text", "source", "source_file", "page", "linked_via"]


def history(db: Path | str | Tables, identifier: str) -> pd.DataFrame:
    """A proposal's life across meetings, in date order: every decision, action and mention.

    A DP and the MP it became are one history; ``linked_via`` says why a row of the other
    identifier is included (``links`` gives the evidence). Within a meeting, the mention comes
    first, then decisions and actions by page in document order.
    """
    tables = load(db)
    asked = identifier.strip().upper()
    if not asked:
        raise UsageError("give a proposal identifier, e.g. DP094")
    link_table = links(tables)
    group = linked(asked, link_table)
    rows: list[dict] = []
    ids = chosen_rows(tables, "identifiers")
    for r in ids[ids["identifier"].str.upper().isin(group)].itertuples():
        n = int(r.mentions) if r.mentions is not pd.NA and r.mentions is not None else 1
        text = f"{n} mention{'s' if n != 1 else ''}" + (f": ‘{r.title}’" if r.title else "")
        rows.append(_hist_row(r, "mention", r.identifier, None, None, None, text, r.first_page, 0))
    dec = chosen_rows(tables, "decisions")
    for r in dec[dec["identifier"].fillna("").str.upper().isin(group)].itertuples():
        rows.append(_hist_row(r, "decision", r.identifier, r.decision_id, r.verb, r.outcome, r.text, r.page, 1))
    act = chosen_rows(tables, "actions")
    for r in act[act["identifier"].fillna("").str.upper().isin(group)].itertuples():
        rows.append(_hist_row(r, "action", r.identifier, r.action_id, None, None, r.description, r.page, 1))
    out = pd.DataFrame(rows, columns=[*HISTORY_COLUMNS, "date_", "rank_", "page_", "seq_"])
    if out.empty:
        return out[HISTORY_COLUMNS]
    out["identifier"] = out["identifier"].str.upper()
    out["linked_via"] = out["identifier"].map(lambda i: _link_note(i, asked, link_table))
    out = out.sort_values(["date_", "meeting_id", "rank_", "page_", "seq_"], kind="stable")
    return _nulls(out[HISTORY_COLUMNS])


def _hist_row(r, kind, identifier, ref, verb, outcome, text, page, rank) -> dict:
    page = None if page is None or page is pd.NA else int(page)
    return {
        "meeting_id": r.meeting_id, "committee": r.committee, "meeting_date": r.meeting_date, "kind": kind,
        "identifier": identifier, "ref": ref, "verb": verb, "outcome": outcome, "text": text,
        "source": source(r.source_file, page), "source_file": r.source_file, "page": page,
        "date_": r.meeting_date or "9999-99-99", "rank_": rank, "page_": page or 0,
        "seq_": (0 if kind == "decision" else 1, r.seq_),
    }


# ---------------------------------------------------------------- recommendations

RECOMMENDATION_COLUMNS = [
    "meeting_id", "committee", "meeting_date", "decision_id", "identifier", "outcome", "text", "source",
    "status", "linked", "evidence_meeting_id", "evidence_committee", "evidence_date", "evidence_identifier",
    "evidence_verb", "evidence_outcome", "evidence_text", "evidence_source",
]


def recommendations(db: Path | str | Tables = DEFAULT_DB, *, since: str | None = None, until: str | None = None,
                    committee: str | None = None) -> pd.DataFrame:
    """Every RECOMMENDED decision and what happened next, in date order.

    ``status`` comes from the first decision on the same proposal (or its linked DP/MP) at a
    later meeting that acts on it: ``superseded`` when it rejects, withdraws or closes the
    proposal (outcome ``rejected``/``withdrawn``/``closed`` or verb REJECTED) or is a new
    RECOMMENDED decision replacing it; ``followed_up`` for any other acting decision (converted,
    approved, refinement, report phase...). Decisions that only note or defer it do not act:
    with none acting the status is ``pending`` and the evidence is the last deferral or note,
    if any. ``since``/``until`` (ISO dates, inclusive) and ``committee`` (case-insensitive
    substring) filter the recommending meeting.
    """
    tables = load(db)
    lo, hi = _iso(since, "--since"), _iso(until, "--until")
    link_table = links(tables)
    dec = chosen_rows(tables, "decisions")
    recs = dec[dec["verb"].fillna("").str.upper() == "RECOMMENDED"]
    if lo:
        recs = recs[recs["meeting_date"].fillna("") >= lo]
    if hi:
        recs = recs[recs["meeting_date"].fillna("9999") <= hi]
    if committee:
        recs = recs[recs["committee"].fillna("").str.casefold().str.contains(committee.casefold(), regex=False)]
    rows = []
    for r in recs.itertuples():
        group = linked(r.identifier, link_table) if r.identifier else []
        later = dec[dec["identifier"].fillna("").str.upper().isin(group) & (dec["meeting_date"].fillna("") > (r.meeting_date or "9999"))]
        status, ev = "pending", None
        for e in later.itertuples():
            outcome, verb = (e.outcome or "").lower(), (e.verb or "").upper()
            if outcome in SUPERSEDING_OUTCOMES or verb in ("REJECTED", "RECOMMENDED"):
                status, ev = "superseded", e
                break
            if outcome in NON_ACTING_OUTCOMES or (not outcome and verb == "NOTED"):
                ev = e  # pending, but show the latest deferral or note
                continue
            status, ev = "followed_up", e
            break
        rows.append({
            "meeting_id": r.meeting_id, "committee": r.committee, "meeting_date": r.meeting_date,
            "decision_id": r.decision_id, "identifier": r.identifier, "outcome": r.outcome, "text": r.text,
            "source": source(r.source_file, r.page), "status": status, "linked": ", ".join(group[1:]),
            **_evidence(ev),
        })
    return _nulls(pd.DataFrame(rows, columns=RECOMMENDATION_COLUMNS))


def _evidence(e) -> dict:
    if e is None:
        return dict.fromkeys(["evidence_meeting_id", "evidence_committee", "evidence_date", "evidence_identifier",
                              "evidence_verb", "evidence_outcome", "evidence_text", "evidence_source"])
    return {
        "evidence_meeting_id": e.meeting_id, "evidence_committee": e.committee, "evidence_date": e.meeting_date,
        "evidence_identifier": getattr(e, "identifier", None), "evidence_verb": e.verb,
        "evidence_outcome": e.outcome, "evidence_text": e.text, "evidence_source": source(e.source_file, e.page),
    }


def _iso(value: str | None, option: str) -> str | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError as err:
        raise UsageError(f"{option} {value!r} is not a date; write it as YYYY-MM-DD") from err


# ---------------------------------------------------------------- actions

ACTION_COLUMNS = [
    "action_id", "meeting_id", "committee", "meeting_date", "owner", "description", "due_date", "identifier",
    "source", "status", "match", "evidence_meeting_id", "evidence_committee", "evidence_date",
    "evidence_identifier", "evidence_verb", "evidence_outcome", "evidence_text", "evidence_source",
    "last_listed",
]


def _action_key(action_id: str) -> str:
    return re.sub(r"\s+", "", action_id).upper()


def action_status(db: Path | str | Tables = DEFAULT_DB, *, open_only: bool = False) -> pd.DataFrame:
    """Every action item (once, where it was first raised) and whether a later meeting ended it.

    A decision at a later meeting ends an action when the extractor found that it names the
    action id and says what became of it (columns ``closes_action`` and ``closes_as``:
    ``superseded``, ``closed`` or ``done``). A decision that closes "the action" without
    naming one (``closes_unnamed``) ends the only action still open from the same committee's
    previous meeting (``match`` says which way it was found). Otherwise the action
    is ``open``; ``last_listed`` is the latest meeting whose minutes list it again.
    """
    tables = load(db)
    act = chosen_rows(tables, "actions")
    act = act[act["action_id"].notna()]
    act["key_"] = act["action_id"].map(_action_key)
    state: dict[str, dict] = {}
    for r in act.itertuples():
        if r.key_ not in state:
            state[r.key_] = {
                "action_id": r.action_id, "meeting_id": r.meeting_id, "committee": r.committee,
                "meeting_date": r.meeting_date, "owner": r.owner, "description": r.description,
                "due_date": r.due_date, "identifier": r.identifier, "source": source(r.source_file, r.page),
                "status": "open", "match": None, **_evidence(None), "last_listed": r.meeting_id,
                "date_": r.meeting_date or "9999-99-99",
            }
        else:
            state[r.key_]["last_listed"] = r.meeting_id
            state[r.key_]["identifier"] = state[r.key_]["identifier"] or r.identifier
    decisions = chosen_rows(tables, "decisions")
    for _, meeting in decisions.groupby("meeting_id", sort=False):
        unnamed = []
        for d in meeting[meeting["closes_as"].notna()].itertuples():  # first every action named at this meeting
            when = d.meeting_date or "9999-99-99"
            refs = {_action_key(r) for r in (d.closes_action or "").split(";") if r.strip()}
            named = [a for key, a in state.items() if a["date_"] < when and key in refs]
            for a in named:
                if a["status"] == "open":
                    a.update(status=d.closes_as, match="named", **_evidence(d))
            count = int(d.closes_unnamed or 0)
            if not named and count:
                unnamed.append((d, count))
        for d, count in unnamed:  # then "close the action" / "both actions": the committee's open ones
            when = d.meeting_date or "9999-99-99"
            still_open = [a for a in state.values()
                          if a["committee"] == d.committee and a["date_"] < when and a["status"] == "open"]
            if still_open and (count == len(still_open) or count == -1):
                where = ", ".join(dict.fromkeys(a["meeting_id"] for a in still_open))
                for a in still_open:
                    a.update(status="closed", match=f"unnamed: the {len(still_open)} action(s) of this committee still open ({where})",
                             **_evidence(d))
    out = pd.DataFrame(list(state.values()), columns=ACTION_COLUMNS)
    if open_only:
        out = out[out["status"] == "open"]
    return _nulls(out)


# ---------------------------------------------------------------- output

# (column, header, width) for the table view; width None is the one column that takes the rest
TABLE_VIEWS = {
    "history": [("meeting_date", "date", 10), ("meeting_id", "meeting", 14), ("identifier", "id", 9),
                ("_what", "what", 11), ("_outcome", "outcome", 12), ("_text", "text [source]", None)],
    "recommendations": [("meeting_date", "date", 10), ("meeting_id", "meeting", 14), ("identifier", "id", 9),
                        ("_outcome", "recommended", 12), ("status", "status", 11), ("_next", "what happened next [source]", None)],
    "actions": [("action_id", "action", 15), ("meeting_date", "raised", 10), ("owner", "owner", 6),
                ("due_date", "due", 10), ("status", "status", 6), ("_text", "action / evidence [source]", None)],
}


def _clip(text: object, n: int) -> str:
    s = re.sub(r"\s+", " ", str(text or "")).strip()
    return s if len(s) <= n else s[: n - 1] + "…"


def _short(src: object, width: int = 34) -> str:
    """A source reference that fits a table cell: the path, or ``…/file:page`` when too long."""
    src = str(src or "")
    if len(src) <= width:
        return src
    base = "…/" + src.replace("\\", "/").rsplit("/", 1)[-1]
    return base if len(base) <= width else "…" + src[-(width - 1):]


def _table_frame(view: str, df: pd.DataFrame, flex: int) -> pd.DataFrame:
    out = df.copy()
    if "outcome" in out:
        out["_outcome"] = out["outcome"].fillna("").str.replace("_", " ")
    rows = out.to_dict("records")
    if view == "history":
        out["_what"] = [r["verb"] if r["kind"] == "decision" and r["verb"] else r["kind"] for r in rows]
        out["_text"] = [f"{_clip(r['text'], 160)}\n[{_short(r['source'], flex)}]" for r in rows]
    elif view == "recommendations":
        out["_next"] = [
            (f"{r['evidence_meeting_id']} {r['evidence_date'] or ''} {r['evidence_verb'] or ''} "
             f"{(r['evidence_outcome'] or '').replace('_', ' ')}: {_clip(r['evidence_text'], 100)}"
             f"\n[{_short(r['evidence_source'], flex)}]") if r["evidence_meeting_id"] else "no later decision"
            for r in rows
        ]
    elif view == "actions":
        out["_text"] = [
            f"{_clip(r['description'], 120)}\n[{_short(r['source'], flex)}]"
            + (f"\n{r['status']} by {r['evidence_meeting_id']} {r['evidence_date'] or ''}: "
               f"{_clip(r['evidence_text'], 100)}\n[{_short(r['evidence_source'], flex)}]" if r["evidence_meeting_id"] else "")
            for r in rows
        ]
    return out


def render(df: pd.DataFrame, fmt: str = "table", *, view: str = "history", width: int = 100,
           note: str = "") -> str:
    """``df`` as ``table`` (aligned, wrapped to ``width`` columns), ``csv`` or ``json``."""
    if fmt == "json":
        records = [{k: (v.item() if hasattr(v, "item") else v) for k, v in row.items()} for row in _nulls(df).to_dict("records")]
        return json.dumps(records, ensure_ascii=False, indent=1, default=str)
    if fmt == "csv":
        return safe_frame(df).to_csv(index=False, lineterminator="\n").rstrip("\n")  # formula cells neutralised
    if fmt != "table":
        raise UsageError(f"unknown format {fmt!r}; use table, csv or json")
    spec = TABLE_VIEWS[view]
    gap = 2
    fixed = sum(w for _, _, w in spec if w) + gap * (len(spec) - 1)
    flex = max(20, width - fixed)
    widths = [w or flex for _, _, w in spec]
    lines = [wrapped for para in note.split("\n") if note
             for wrapped in textwrap.wrap(para, width, subsequent_indent="  ", break_on_hyphens=False)]
    header = (" " * gap).join(h.ljust(w) for (_, h, _), w in zip(spec, widths, strict=True)).rstrip()
    lines += [header, "-" * width]
    if df.empty:
        lines.append("(no rows)")
        return "\n".join(lines)
    view_df = _table_frame(view, df, flex)
    for _, row in view_df.iterrows():
        cells = []
        for (col, _, _), w in zip(spec, widths, strict=True):
            value = row[col]
            text = "" if value is None or value is pd.NA or value != value else str(value)
            cells.append([ln for para in text.split("\n")
                          for ln in (textwrap.wrap(para, w, break_long_words=True, break_on_hyphens=False) or [""])])
        for i in range(max(len(c) for c in cells)):
            lines.append((" " * gap).join((c[i] if i < len(c) else "").ljust(w) for c, w in zip(cells, widths, strict=True)).rstrip())
    return "\n".join(lines)


def sources_note(db: Path | str | Tables) -> str:
    """One line per meeting held as several documents: which one the audit used."""
    docs = choose_documents(load(db))
    many = docs[docs["documents"] > 1]
    return "\n".join(f"{r.meeting_id}: used {r.source_file} ({r.status or 'no status'}, "
                     f"{int(r.ocr_page_count or 0)} OCR'd page(s)); set aside {r.others}" for r in many.itertuples())
