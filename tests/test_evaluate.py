"""The scorer on small hand-made cases: row matching, field accuracy, figures, gold lookup, report."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.devtools.evaluate import (
    evaluate,
    figures,
    find_gold,
    format_json,
    format_report,
    gold_for,
    variant_of,
)
from pipeline.store.records import (
    ActionRow,
    AttendeeRow,
    DecisionRow,
    IdentifierRow,
    MeetingRow,
    Records,
)

MEETING = {"meeting_id": "SECCSC_15_2605", "committee": "Change Sub-Committee", "meeting_number": "15",
           "meeting_date": "2020-05-26", "start_time": "10:00", "end_time": "11:10",
           "location": "Teleconference", "status": "draft", "next_meeting_date": "2020-06-30"}
GOLD = {
    "key": "tiny",
    "meeting": MEETING,
    "attendees": [{"name": "Alison Beard", "initials": "AB", "role": "chair", "representing": None, "present": True},
                  {"name": "Mari Toda", "initials": "MT", "role": "apology", "representing": "DCC", "present": False}],
    "identifiers": [{"identifier": "DP094", "kind": "DP", "title": "T", "mentions": 3, "first_page": 1},
                    {"identifier": "MP093", "kind": "MP", "title": None, "mentions": 1, "first_page": 2}],
    "decisions": [{"identifier": None, "verb": "APPROVED", "outcome": "minutes_approved", "page": 1,
                   "text": "The CSC APPROVED the minutes of the meeting held on 28 April 2020."},
                  {"identifier": "DP094", "verb": "AGREED", "outcome": "convert_to_modification_proposal", "page": 2,
                   "text": "AGREED the Draft Proposal is ready to be converted to a Modification Proposal"},
                  {"identifier": "DP094", "verb": "RECOMMENDED", "outcome": "refinement_process", "page": 2,
                   "text": "RECOMMENDED to the Panel that the Modification Proposal should proceed to the Refinement Process."}],
    "actions": [{"action_id": "CSC 15/01", "owner": "SECAS", "description": "invite the Proposer of DP108 to the next meeting",
                 "due_date": "2020-06-30", "identifier": "DP108", "page": 3}],
}
M = "SECCSC_15_2605"


def perfect() -> Records:
    g = GOLD["decisions"]
    return Records(
        meeting=MeetingRow(source_file="x", sha256="", **MEETING),
        attendees=[AttendeeRow(M, "x", "Alison Beard", "AB", "chair", page=1),
                   AttendeeRow(M, "x", "Mari  Toda", "MT", "apology", "DCC", False, page=1)],
        identifiers=[IdentifierRow(M, "x", "DP094", "DP", "T", 1, 3), IdentifierRow(M, "x", "MP093", "MP", None, 2, 1)],
        decisions=[DecisionRow(M, "x", f"{M}/D{n}", d["identifier"], d["verb"], d["outcome"], d["text"], d["page"])
                   for n, d in enumerate(g, start=1)],
        actions=[ActionRow(M, "x", "CSC 15/01", "SECAS", "invite the Proposer of DP108 to the next meeting",
                           "2020-06-30", "DP108", 3)],
    )


def test_perfect() -> None:
    report = evaluate([("samples/rendered/tiny__digital.pdf", perfect(), GOLD)])
    for table, score in report.total.tables.items():
        assert (score.precision, score.recall, score.f1) == (1.0, 1.0, 1.0), table
        assert score.field_accuracy == 1.0, table
        assert all(fs.total for fs in score.fields.values()), table  # every field was compared
    assert report.total.outcome_accuracy == 1.0
    assert report.documents[0].issues == []


def test_one_missing_decision() -> None:
    rec = perfect()
    rec.decisions.pop(1)
    doc = evaluate([("tiny__digital", rec, GOLD)]).documents[0]
    s = doc.tables["decisions"]
    assert (s.tp, s.fp, s.fn) == (2, 0, 1)
    assert s.precision == 1.0 and s.recall == pytest.approx(2 / 3)
    assert s.f1 == pytest.approx(0.8)
    assert doc.missing["decisions"] == ["DP094 AGREED p2"]


def test_wrong_fields_count_against_their_field_not_the_row() -> None:
    rec = perfect()
    rec.decisions[2].outcome = "report_phase"
    rec.decisions[2].page = 3
    rec.attendees[0].role = "member"
    rec.attendees[1].representing = "SECAS"
    rec.attendees[1].present = True
    rec.identifiers[0].title = None
    rec.identifiers[1].mentions = 2
    rec.actions[0].owner = "DCC"
    rec.actions[0].identifier = "DP094"
    rec.meeting.location = "Microsoft Teams"
    doc = evaluate([("tiny__digital.pdf", rec, GOLD)]).documents[0]
    for table in ("decisions", "attendees", "identifiers", "actions", "meeting"):
        assert doc.tables[table].f1 == 1.0, table
    wrong = {(m.table, m.field) for m in doc.issues}
    assert wrong == {("decisions", "outcome"), ("decisions", "page"), ("attendees", "role"),
                     ("attendees", "representing"), ("attendees", "present"), ("identifiers", "title"),
                     ("identifiers", "mentions"), ("actions", "owner"), ("actions", "identifier"),
                     ("meeting", "location")}
    assert doc.outcome_accuracy == pytest.approx(2 / 3)
    assert doc.tables["attendees"].fields["role"].correct == 1
    assert doc.tables["meeting"].fields["location"].accuracy == 0.0
    text = format_report(evaluate([("tiny__digital.pdf", rec, GOLD)]), details=True)
    assert "tiny__digital.pdf:2 decisions.outcome: 'report_phase' → 'refinement_process'" in text
    assert "tiny__digital.pdf:3 actions.identifier: 'DP094' → 'DP108'   (CSC 15/01: " in text
    assert "tiny__digital.pdf:1 attendees.role: 'member' → 'chair'   (Alison Beard)" in text
    assert "tiny__digital.pdf:- meeting.location: 'Microsoft Teams' → 'Teleconference'" in text


def test_text_similarity_field_and_threshold() -> None:
    rec = perfect()
    rec.decisions[1].text = "• AGREED the Draft Proposal is ready to be converted to a Modification Proposal;"
    rec.decisions[2].text = "RECOMMENDED to the Panel"  # a fragment: still the sentence, but cut short
    doc = evaluate([("tiny", rec, GOLD)]).documents[0]
    s = doc.tables["decisions"]
    assert (s.tp, s.fp, s.fn) == (3, 0, 0)
    assert (s.fields["text"].correct, s.fields["text"].total) == (2, 3)
    # a decision with the right key but another sentence is not that decision
    rec.decisions[2].text = "The CSC NOTED that the Panel would be asked."
    s = evaluate([("tiny", rec, GOLD)]).total.tables["decisions"]
    assert (s.tp, s.fp, s.fn) == (2, 1, 1)


def test_rows_with_one_key_pair_by_text_not_by_order() -> None:
    gold = dict(GOLD, decisions=[
        {"identifier": None, "verb": "AGREED", "outcome": "approved", "page": 1, "text": "It was agreed to buy new chairs for the hall."},
        {"identifier": None, "verb": "AGREED", "outcome": "deferred", "page": 2, "text": "It was agreed to postpone the summer fete."}])
    rec = perfect()
    rec.decisions = [DecisionRow(M, "x", f"{M}/D1", None, "AGREED", "deferred", "It was agreed to postpone the summer fete.", 2),
                     DecisionRow(M, "x", f"{M}/D2", None, "AGREED", "approved", "It was agreed to buy new chairs for the hall.", 1)]
    s = evaluate([("tiny", rec, gold)]).total.tables["decisions"]
    assert (s.tp, s.fp, s.fn) == (2, 0, 0)
    assert s.field_accuracy == 1.0


def test_multiset_duplicates_count() -> None:
    rec = perfect()
    rec.decisions.append(DecisionRow(M, "x", f"{M}/D4", "DP094", "AGREED", None, GOLD["decisions"][1]["text"], 2))
    s = evaluate([("tiny", rec, GOLD)]).total.tables["decisions"]
    assert (s.tp, s.fp, s.fn) == (3, 1, 0)


def test_actions_key_on_written_id_else_description() -> None:
    rec = perfect()
    rec.actions[0].due_date = "2020-07-01"  # a wrong due date is a wrong field, not a lost action
    s = evaluate([("tiny", rec, GOLD)]).total.tables["actions"]
    assert (s.tp, s.fp, s.fn) == (1, 0, 0) and s.fields["due_date"].correct == 0
    rec.actions[0].action_id = "CSC 15/02"
    s = evaluate([("tiny", rec, GOLD)]).total.tables["actions"]
    assert (s.tp, s.fp, s.fn) == (0, 1, 1)
    # unnumbered: generated ids on both sides never compare; the description decides
    gold = dict(GOLD, actions=[
        {"action_id": "tiny/A1", "owner": "JS", "description": "order medical scales", "due_date": None, "identifier": None, "page": 2},
        {"action_id": "tiny/A2", "owner": "SB", "description": "write to the council about parking", "due_date": None, "identifier": None, "page": 3}])
    rec.actions = [ActionRow(M, "x", f"{M}/A1", "SB", "write to the council about parking.", None, None, 3),
                   ActionRow(M, "x", f"{M}/A2", "JS", "send the agenda to members", None, None, 2)]
    doc = evaluate([("tiny", rec, gold)]).documents[0]
    s = doc.tables["actions"]
    assert (s.tp, s.fp, s.fn) == (1, 1, 1)
    assert s.field_accuracy == 1.0
    assert doc.missing["actions"] == ["tiny/A1"] and doc.extra["actions"] == [f"{M}/A2"]


def test_attendee_names_normalised_and_gold_without_a_field() -> None:
    rec = perfect()
    rec.attendees[0].name = "Dr alison  BEARD (AB)"
    rec.attendees[0].page = 7  # gold gives no attendee page: not scored
    report = evaluate([("tiny", rec, GOLD)])
    assert report.total.tables["attendees"].f1 == 1.0
    assert "page" not in report.total.tables["attendees"].fields


def test_meeting_fields_unknown_is_a_value() -> None:
    rec = perfect()
    rec.meeting.status = None
    rec.meeting.end_time = "11:15"
    gold = dict(GOLD, meeting=dict(MEETING, end_time=None))
    m = evaluate([("tiny", rec, gold)]).total.tables["meeting"]
    assert (m.fields["status"].correct, m.fields["end_time"].correct, m.fields["committee"].correct) == (0, 0, 1)
    assert m.field_accuracy == pytest.approx(7 / 9)


def test_failed_extraction_finds_nothing() -> None:
    doc = evaluate([("tiny__scan300.pdf", None, GOLD)]).documents[0]
    assert doc.tables["meeting"].recall == 0.0
    assert doc.tables["decisions"].recall == 0.0 and doc.tables["decisions"].fn == 3
    assert doc.tables["attendees"].fields["role"].total == 0


def test_figures_move_by_one_row() -> None:
    full = figures(evaluate([("tiny", perfect(), GOLD)]).total)
    assert full["decisions"].value == 1.0 and full["decisions.outcome"].value == 1.0
    assert full["decisions.outcome"].one_row == pytest.approx(1 / 3)
    assert full["decisions"].count == "3/0/0"
    rec = perfect()
    rec.decisions.pop()
    lost = figures(evaluate([("tiny", rec, GOLD)]).total)
    assert lost["decisions"].value < full["decisions"].value - full["decisions"].one_row / 2
    rec = perfect()
    rec.attendees.append(AttendeeRow(M, "x", "Someone Else"))
    extra = figures(evaluate([("tiny", rec, GOLD)]).total)
    assert extra["attendees"].value < full["attendees"].value - full["attendees"].one_row / 2
    assert set(full) >= {"meeting", "meeting.location", "identifiers.mentions", "actions.description", "attendees.present"}


def test_variants_and_report_text() -> None:
    bad = perfect()
    bad.decisions = []
    report = evaluate([("samples/rendered/tiny__digital.pdf", perfect(), GOLD),
                       ("samples/rendered/tiny__scan300.pdf", bad, GOLD)])
    variants = report.by_variant()
    assert set(variants) == {"digital", "scan300"}
    assert variants["digital"].tables["decisions"].f1 == 1.0
    assert variants["scan300"].tables["decisions"].recall == 0.0
    assert report.total.tables["decisions"].recall == 0.5
    text = format_report(report)
    assert "tiny__scan300" in text and "variant scan300 (1 document)" in text and "all documents (2 documents)" in text
    assert "outcome 1.00 (3/3)" in text and "role 1.00 (2/2)" in text
    data = json.loads(format_json(report))
    assert data["variants"]["scan300"]["tables"]["decisions"]["fn"] == 3
    assert data["total"]["tables"]["attendees"]["fields"]["role"] == {"correct": 4, "total": 4, "accuracy": 1.0}
    assert [m["key"] for m in data["documents"][1]["mismatches"]] == ["- APPROVED p1", "DP094 AGREED p2", "DP094 RECOMMENDED p2"]


def test_gold_for(tmp_path: Path) -> None:
    (tmp_path / "csc_15.json").write_text(json.dumps(GOLD), encoding="utf-8")
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "notlpc_20170705.json").write_text(json.dumps(dict(GOLD, key="real")), encoding="utf-8")
    assert gold_for(Path("samples/rendered/csc_15__scan300.pdf"), tmp_path)["key"] == "tiny"
    assert gold_for(Path("csc_15.txt"), tmp_path) is not None
    assert gold_for(Path("samples/rendered/csc_99__digital.pdf"), tmp_path) is None
    assert variant_of("samples/rendered/csc_15__scan200poor.pdf") == "scan200poor"
    assert variant_of("csc_15.pdf") == ""
    assert find_gold(Path("samples/rendered/csc_15__tiff.tif"), tmp_path)[1] == "tiff"
    # the real minutes: found by stem wherever the PDF lies, variant "real"
    found = find_gold(Path("/anywhere/shared/real/notlpc_20170705.pdf"), tmp_path)
    assert found is not None and found[0]["key"] == "real" and found[1] == "real"
    assert find_gold(Path("notlpc_20170705.txt"), tmp_path)[1] == "real_txt"
    assert find_gold(Path("notlpc_20990101.pdf"), tmp_path) is None


def test_cli_eval_prints_every_field_and_json(capsys: pytest.CaptureFixture[str]) -> None:
    from conftest import GOLD as GOLD_DIR
    from conftest import SEED

    from pipeline.cli import main

    assert main(["eval", str(SEED), "--gold", str(GOLD_DIR), "--details"]) == 0
    out = capsys.readouterr().out
    assert "variant ocrtext (1 document)" in out
    for cell in ("outcome", "text", "page", "initials", "role", "representing", "present", "kind", "title",
                 "owner", "due_date", "description", "committee", "next_meeting_date"):
        assert f" {cell} " in out, cell
    assert main(["eval", str(SEED), "--gold", str(GOLD_DIR), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["documents"][0]["variant"] == "ocrtext"
    assert set(data["total"]["tables"]["actions"]["fields"]) == {"owner", "due_date", "identifier", "page", "description"}
