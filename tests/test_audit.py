"""``minutes audit``: a proposal's history, recommendations and actions, against hand-made gold.

The gold (``samples/gold/audit/series.json``) was derived by hand from ``samples/specs``; the
database is built once per session from the 10 digital samples with ``pipeline.run.run``.
"""

from __future__ import annotations

import atexit
import functools
import json
import shutil
import sqlite3
import tempfile
from pathlib import Path

import pandas as pd
import pytest
from conftest import GOLD, RENDERED

from pipeline.audit import queries as audit
from pipeline.cli import main
from pipeline.errors import UsageError
from pipeline.nlp import links

SERIES = ["ops_31", "cb_55", "csc_14", "panel_81", "csc_15", "ops_34", "panel_82", "csc_16", "panel_83", "cb_59"]
AUDIT_GOLD = json.loads((GOLD / "audit" / "series.json").read_text(encoding="utf-8"))


def _tmpdir(prefix: str) -> Path:
    path = Path(tempfile.mkdtemp(prefix=prefix))
    atexit.register(shutil.rmtree, path, ignore_errors=True)
    return path


@functools.cache
def sample_db() -> Path:
    """The series' database, built once per test session (shared with test_report)."""
    from pipeline.batch.run import run

    paths = [RENDERED / f"{key}__digital.pdf" for key in SERIES]
    missing = [p for p in paths if not p.exists()]
    if missing:
        pytest.fail(f"{missing[0]} is missing; render samples with 'make samples'")
    out = _tmpdir("audit-db-")
    run([str(p) for p in paths], out_dir=out)
    return out / "minutes.sqlite"


@pytest.fixture(scope="module")
def db() -> Path:
    return sample_db()


# ---------------------------------------------------------------- the series against gold

@pytest.mark.parametrize("ident", sorted(AUDIT_GOLD["history"]))
def test_history_matches_gold(db: Path, ident: str) -> None:
    want = AUDIT_GOLD["history"][ident]
    hist = audit.history(db, ident)
    decisions = hist[hist["kind"] == "decision"]
    assert [list(r) for r in decisions[["meeting_id", "meeting_date", "identifier", "verb", "outcome"]].itertuples(index=False)] == want["decisions"]
    actions = hist[hist["kind"] == "action"]
    assert [list(r) for r in actions[["meeting_id", "meeting_date", "ref", "identifier"]].itertuples(index=False)] == want["actions"]
    mentions = hist[hist["kind"] == "mention"]
    assert sorted(map(list, mentions[["meeting_id", "identifier"]].itertuples(index=False))) == sorted(want["mentions"])
    # date order, and each meeting's rows together
    assert list(hist["meeting_date"]) == sorted(hist["meeting_date"])
    assert list(dict.fromkeys(m for m, _ in want["mentions"])) == list(dict.fromkeys(mentions["meeting_id"]))
    # every row names its source document and page; rows of the linked MP say why
    assert all(s == f"{f}:{p}" and f.endswith("__digital.pdf") for s, f, p in zip(hist["source"], hist["source_file"], hist["page"], strict=True))
    assert set(hist.loc[hist["identifier"] == ident, "linked_via"]) == {""}
    other = want["group"][1]
    assert set(hist.loc[hist["identifier"] == other, "linked_via"]) == {f"linked to {ident}: " + " and ".join(want["link_reasons"])}


@pytest.mark.parametrize("ident", sorted(AUDIT_GOLD["history"]))
def test_links_and_history_from_either_end(db: Path, ident: str) -> None:
    want = AUDIT_GOLD["history"][ident]
    links = audit.links(db)
    dp, mp = want["group"]
    assert sorted(links.loc[(links["dp"] == dp) & (links["mp"] == mp), "reason"]) == want["link_reasons"]
    assert audit.linked(mp, links) == [mp, dp]
    from_mp = audit.history(db, mp.lower())
    from_dp = audit.history(db, dp)
    cols = ["meeting_id", "kind", "identifier", "ref", "verb", "outcome", "source"]
    assert from_mp[cols].equals(from_dp[cols])


def test_recommendations_match_gold(db: Path) -> None:
    recs = audit.recommendations(db)
    got = [
        {"meeting_id": r.meeting_id, "date": r.meeting_date, "identifier": r.identifier, "outcome": r.outcome,
         "status": r.status, "evidence": [r.evidence_meeting_id, r.evidence_date, r.evidence_verb, r.evidence_outcome]}
        for r in recs.itertuples()
    ]
    assert got == AUDIT_GOLD["recommendations"]
    assert all(s.endswith("__digital.pdf:" + s.rsplit(":", 1)[1]) for s in recs["evidence_source"])


@pytest.mark.parametrize(("options", "idents"), [
    ({"since": "2020-06-01"}, ["DP108", "DP132"]),
    ({"until": "2020-05-31"}, ["DP094", "DP124", "DP127", "DP125", "DP128", "DP129"]),
    ({"since": "2020-05-26", "until": "2020-05-26"}, ["DP094", "DP124", "DP127", "DP125", "DP128", "DP129"]),
    ({"committee": "change sub-committee"}, ["DP094", "DP124", "DP127", "DP125", "DP128", "DP129", "DP108", "DP132"]),
    ({"committee": "Panel"}, []),
    ({"since": "2020-07-01"}, []),
])
def test_recommendation_filters(db: Path, options: dict, idents: list[str]) -> None:
    assert list(audit.recommendations(db, **options)["identifier"]) == idents


def test_bad_date_is_a_usage_error(db: Path) -> None:
    with pytest.raises(UsageError, match="YYYY-MM-DD"):
        audit.recommendations(db, since="26/05/2020")


def test_actions_match_gold(db: Path) -> None:
    acts = audit.action_status(db)
    got = [[r.action_id, r.meeting_id, r.status, r.evidence_meeting_id] for r in acts.itertuples()]
    assert got == AUDIT_GOLD["actions"]
    for action_id, meeting in AUDIT_GOLD["last_listed"].items():
        assert acts.loc[acts["action_id"] == action_id, "last_listed"].item() == meeting
    closed = acts[acts["status"] == "closed"]
    assert all(closed["evidence_outcome"].isin(["closed", None]) & closed["evidence_verb"].eq("AGREED"))
    open_ids = [a for a, _, status, _ in AUDIT_GOLD["actions"] if status == "open"]
    assert list(audit.action_status(db, open_only=True)["action_id"]) == open_ids


def test_one_document_per_meeting(db: Path) -> None:
    docs = audit.choose_documents(audit.load(db))
    assert [list(r) for r in docs[["meeting_id", "meeting_date", "committee"]].itertuples(index=False)] == AUDIT_GOLD["meetings"]
    assert set(docs["documents"]) == {1}


# ---------------------------------------------------------------- the command line

def test_cli_history_json(db: Path, capsys) -> None:
    assert main(["audit", "history", "DP094", "--db", str(db), "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    got = [[r["meeting_id"], r["meeting_date"], r["identifier"], r["verb"], r["outcome"]] for r in rows if r["kind"] == "decision"]
    assert got == AUDIT_GOLD["history"]["DP094"]["decisions"]
    assert set(rows[0]) >= {"meeting_id", "committee", "meeting_date", "kind", "verb", "outcome", "text", "source"}


def test_cli_history_of_an_unknown_identifier_says_which_are_known(db: Path, capsys) -> None:
    assert main(["audit", "history", "DP999", "--db", str(db)]) == 0
    captured = capsys.readouterr()
    assert "(no rows)" in captured.out
    assert "DP999 is not in" in captured.err and "DP094" in captured.err


def test_cli_recommendations_csv_with_filters(db: Path, capsys) -> None:
    assert main(["audit", "recommendations", "--db", str(db), "--format", "csv", "--since", "2020-06-01", "--committee", "Change Sub"]) == 0
    out = capsys.readouterr().out
    df = pd.read_csv(pd.io.common.StringIO(out))
    assert list(df["identifier"]) == ["DP108", "DP132"]
    assert list(df["status"]) == ["followed_up", "followed_up"]
    assert list(df["evidence_meeting_id"]) == ["SECP_83_1707", "SECP_83_1707"]


def test_cli_actions_table_fits_100_columns(db: Path, capsys) -> None:
    assert main(["audit", "actions", "--open", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert max(len(line) for line in out.splitlines()) <= 100
    open_ids = [a for a, _, status, _ in AUDIT_GOLD["actions"] if status == "open"]
    assert out.splitlines()[0] == f"{len(open_ids)} action(s): {len(open_ids)} open"
    starts = [line.split("  ")[0] for line in out.splitlines()[3:] if line[:1].strip()]
    assert starts == open_ids


def test_cli_history_table_names_the_link(db: Path, capsys) -> None:
    assert main(["audit", "history", "DP094", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("history of DP094 + MP100 (linked: DP094 -> MP100 by same title")
    assert max(len(line) for line in out.splitlines()) <= 100
    assert "[…/cb_59__digital.pdf:2]" in out


def test_missing_database_is_a_usage_error(tmp_path: Path, capsys) -> None:
    assert main(["audit", "actions", "--db", str(tmp_path / "none.sqlite")]) == 2
    assert "run 'minutes run" in capsys.readouterr().err


def test_scan_copy_does_not_duplicate_history(tmp_path: Path, capsys) -> None:
    """The digital PDF and a 300-dpi scan of one meeting: one history row each, from the digital file."""
    from pipeline.batch.run import run

    digital, scan = RENDERED / "csc_14__digital.pdf", RENDERED / "csc_14__scan300.pdf"
    if not scan.exists():
        pytest.fail(f"{scan} is missing; render samples with 'make samples'")
    run([str(scan), str(digital)], out_dir=tmp_path)
    db = tmp_path / "minutes.sqlite"
    with sqlite3.connect(db) as con:
        assert con.execute("SELECT COUNT(*) FROM meetings WHERE meeting_id = 'SECCSC_14_2804'").fetchone()[0] == 2
    con.close()
    hist = audit.history(db, "DP094")
    want = AUDIT_GOLD["history"]["DP094"]
    decisions = hist[hist["kind"] == "decision"]
    assert [list(r) for r in decisions[["meeting_id", "meeting_date", "identifier", "verb", "outcome"]].itertuples(index=False)] == [
        d for d in want["decisions"] if d[0] == "SECCSC_14_2804"]
    assert list(hist["kind"]) == ["mention", "decision", "action"]
    assert all(hist["source_file"].str.endswith("csc_14__digital.pdf"))
    assert main(["audit", "history", "DP094", "--db", str(db)]) == 0
    note = " ".join(capsys.readouterr().out.split("history of DP094", 1)[1].split("date ", 1)[0].split())
    assert note == (f"meetings held as several documents: SECCSC_14_2804: used {digital} (final, 0 OCR'd page(s)); "
                    f"set aside {scan}")


# ---------------------------------------------------------------- edge cases on hand-made tables

def _tables(meetings: list[tuple], decisions: list[tuple] = (), actions: list[tuple] = (), identifiers: list[tuple] = ()) -> audit.Tables:
    """Hand-made tables; the link columns are what the extractor finds in each row's text."""
    dec = pd.DataFrame(decisions, columns=["meeting_id", "source_file", "decision_id", "identifier", "verb", "outcome", "text", "page"])
    closures = [links.closures(r.text, r.outcome) for r in dec.itertuples()]
    dec["converts"] = [links.conversions(r.text, r.identifier if isinstance(r.identifier, str) else None) for r in dec.itertuples()]
    dec["closes_as"] = [c.status if c else None for c in closures]
    dec["closes_action"] = [("; ".join(c.named) or None) if c else None for c in closures]
    dec["closes_unnamed"] = [c.unnamed if c else 0 for c in closures]
    act = pd.DataFrame(actions, columns=["meeting_id", "source_file", "action_id", "owner", "description", "identifier", "page"])
    act["converts"] = [links.conversions(r.description, r.identifier if isinstance(r.identifier, str) else None) for r in act.itertuples()]
    return audit.Tables.from_frames(
        meetings=pd.DataFrame(meetings, columns=["meeting_id", "source_file", "committee", "meeting_date", "status", "ocr_page_count", "ocr_mean_confidence"]),
        decisions=dec, actions=act,
        identifiers=pd.DataFrame(identifiers, columns=["meeting_id", "source_file", "identifier", "kind", "title", "first_page", "mentions"]),
    )


MEETINGS = [
    ("CSC_1", "csc1.pdf", "Change Sub-Committee", "2021-01-10", "final", 0, None),
    ("P_1", "p1.pdf", "Panel", "2021-02-10", "final", 0, None),
    ("CSC_2", "csc2.pdf", "Change Sub-Committee", "2021-03-10", "final", 0, None),
    ("P_2", "p2.pdf", "Panel", "2021-04-10", "final", 0, None),
]


def test_dp_mp_link_from_text_alone() -> None:
    t = _tables(MEETINGS, decisions=[
        ("CSC_1", "csc1.pdf", "CSC_1/D1", "DP200", "RECOMMENDED", "refinement_process", "RECOMMENDED that it proceed.", 1),
        ("P_1", "p1.pdf", "P_1/D1", "DP200", "AGREED", "convert_to_modification_proposal", "The Panel AGREED that DP200, now MP300, be converted.", 2),
        ("P_2", "p2.pdf", "P_2/D1", "MP300", "APPROVED", "approved", "The Panel APPROVED MP300.", 1),
    ], identifiers=[("CSC_1", "csc1.pdf", "DP200", "DP", "One title", 1, 1), ("P_2", "p2.pdf", "MP300", "MP", "Another title", 1, 1)])
    links = audit.links(t)
    assert list(map(list, links[["dp", "mp", "reason"]].itertuples(index=False))) == [["DP200", "MP300", "text"]]
    hist = audit.history(t, "MP300")
    assert list(hist.loc[hist["kind"] == "decision", "meeting_id"]) == ["CSC_1", "P_1", "P_2"]
    assert hist.loc[hist["identifier"] == "DP200", "linked_via"].unique().tolist() == ["linked to MP300: text"]


def test_same_title_links_only_dp_to_mp() -> None:
    t = _tables(MEETINGS, identifiers=[
        ("CSC_1", "csc1.pdf", "DP201", "DP", "‘Shared title here’", 1, 1),
        ("P_1", "p1.pdf", "MP301", "MP", "Shared title here", 1, 1),
        ("P_1", "p1.pdf", "IRP9", "IRP", "Shared title here", 1, 1),
    ])
    assert list(map(list, audit.links(t)[["dp", "mp", "reason"]].itertuples(index=False))) == [["DP201", "MP301", "same title"]]
    assert audit.linked("IRP9", audit.links(t)) == ["IRP9"]


@pytest.mark.parametrize(("later", "status", "evidence"), [
    ([], "pending", None),
    ([("P_1", "DP200", "DECIDED", "deferred"), ("CSC_2", "DP200", "NOTED", "noted")], "pending", "CSC_2"),
    ([("P_1", "DP200", "DECIDED", "deferred"), ("P_2", "DP200", "REJECTED", "rejected")], "superseded", "P_2"),
    ([("CSC_2", "DP200", "RECOMMENDED", "report_phase")], "superseded", "CSC_2"),
    ([("P_1", "DP200", "NOTED", "withdrawn")], "superseded", "P_1"),
    ([("P_1", "DP200", "AGREED", "convert_to_modification_proposal"), ("P_2", "DP200", "REJECTED", "rejected")], "followed_up", "P_1"),
    ([("P_1", "DP999", "AGREED", "approved")], "pending", None),  # another proposal
])
def test_recommendation_status(later: list[tuple], status: str, evidence: str | None) -> None:
    files = {m[0]: m[1] for m in MEETINGS}
    decisions = [("CSC_1", "csc1.pdf", "CSC_1/D1", "DP200", "RECOMMENDED", "refinement_process", "RECOMMENDED to the Panel.", 3)]
    decisions += [(m, files[m], f"{m}/D{i}", ident, verb, outcome, f"{verb} {ident}.", 1) for i, (m, ident, verb, outcome) in enumerate(later, 1)]
    recs = audit.recommendations(_tables(MEETINGS, decisions=decisions))
    first = recs.iloc[0]  # a later recommendation is listed too, after it
    assert (first["status"], first["evidence_meeting_id"], first["source"]) == (status, evidence, "csc1.pdf:3")
    assert len(recs) == 1 + sum(verb == "RECOMMENDED" for _, _, verb, _ in later)


def test_action_closed_later_and_never_closed() -> None:
    t = _tables(MEETINGS, actions=[
        ("CSC_1", "csc1.pdf", "CSC 1/01", "SECAS", "issue an RFI", "DP200", 2),
        ("CSC_1", "csc1.pdf", "CSC 1/02", "DCC", "cost the options", None, 2),
        ("CSC_1", "csc1.pdf", "CSC 1/03", "DCC", "write a paper", None, 2),
        ("P_1", "p1.pdf", "P_1/A1", "DS", "report back", None, 3),
    ], decisions=[
        ("CSC_1", "csc1.pdf", "CSC_1/D1", None, "AGREED", "closed", "The CSC AGREED to close action CSC 1/01.", 1),  # same meeting: not later
        ("P_1", "p1.pdf", "P_1/D1", None, "NOTED", "noted", "The Panel NOTED progress on CSC 1/01.", 1),  # named, no status word
        ("CSC_2", "csc2.pdf", "CSC_2/D1", None, "AGREED", "closed", "The CSC AGREED to close actions CSC 1/01–02.", 1),
        ("P_2", "p2.pdf", "P_2/D1", None, "AGREED", "approved", "The Panel AGREED to publish it and to close the action.", 1),
    ])
    acts = audit.action_status(t)
    got = [[r.action_id, r.status, r.evidence_meeting_id, r.match] for r in acts.itertuples()]
    assert got == [
        ["CSC 1/01", "closed", "CSC_2", "named"],
        ["CSC 1/02", "closed", "CSC_2", "named"],
        ["CSC 1/03", "open", None, None],
        ["P_1/A1", "closed", "P_2", "unnamed: the 1 action(s) of this committee still open (P_1)"],
    ]
    assert list(audit.action_status(t, open_only=True)["action_id"]) == ["CSC 1/03"]


@pytest.mark.parametrize(("text", "status"), [
    ("Action CSC 1/01 has been completed.", "done"),
    ("Action CSC 1/01 was superseded by the new plan and the CSC AGREED to close it.", "superseded"),
    ("The CSC AGREED to close both actions.", "open"),  # two unnamed, but three are open: not guessed
])
def test_action_status_words(text: str, status: str) -> None:
    t = _tables(MEETINGS, actions=[
        ("CSC_1", "csc1.pdf", "CSC 1/01", "SECAS", "a", None, 2),
        ("CSC_1", "csc1.pdf", "CSC 1/02", "SECAS", "b", None, 2),
        ("CSC_1", "csc1.pdf", "CSC 1/03", "SECAS", "c", None, 2),
    ], decisions=[("CSC_2", "csc2.pdf", "CSC_2/D1", None, "NOTED", None, text, 1)])
    assert audit.action_status(t)["status"].iloc[0] == status


def test_document_choice_prefers_final_then_digital() -> None:
    meetings = [
        ("M_1", "m1_draft.pdf", "Panel", "2021-01-10", "draft", 0, None),
        ("M_1", "m1_final_scan.pdf", "Panel", "2021-01-10", "final", 3, 91.5),
        ("M_1", "m1_final_poor.pdf", "Panel", "2021-01-10", "final", 3, 72.0),
        ("M_2", "m2_scan.pdf", "Panel", "2021-02-10", None, 3, 88.0),
        ("M_2", "m2_digital.pdf", "Panel", "2021-02-10", None, 0, None),
    ]
    decisions = [(m, f, f"{m}/D1", "MP1", "APPROVED", "approved", "APPROVED MP1.", 1) for m, f, *_ in meetings]
    t = _tables(meetings, decisions=decisions)
    docs = audit.choose_documents(t)
    assert list(docs["source_file"]) == ["m1_final_scan.pdf", "m2_digital.pdf"]
    assert list(docs["documents"]) == [3, 2]
    hist = audit.history(t, "MP1")
    assert list(hist["source"]) == ["m1_final_scan.pdf:1", "m2_digital.pdf:1"]


def test_render_formats() -> None:
    df = pd.DataFrame([{"meeting_id": "M", "meeting_date": "2021-01-01", "identifier": "DP1", "kind": "decision",
                        "verb": "AGREED", "outcome": "convert_to_modification_proposal", "text": "x " * 200,
                        "source": "a/very/long/path/to/some/minutes/file_name.pdf:3", "linked_via": ""}])
    table = audit.render(df, "table", view="history")
    assert max(len(line) for line in table.splitlines()) <= 100
    assert "[…/file_name.pdf:3]" in table and "convert to" in table
    assert json.loads(audit.render(df, "json"))[0]["outcome"] == "convert_to_modification_proposal"
    assert audit.render(df, "csv").splitlines()[0].startswith("meeting_id,meeting_date,identifier")
