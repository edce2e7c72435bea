"""The scorer on small hand-made cases."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.devtools.evaluate import evaluate, format_report, gold_for, variant_of
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
    "identifiers": [{"identifier": "DP094", "kind": "DP", "title": "T", "mentions": 3},
                    {"identifier": "MP093", "kind": "MP", "title": None, "mentions": 1}],
    "decisions": [{"identifier": None, "verb": "APPROVED", "outcome": "minutes_approved", "text": ""},
                  {"identifier": "DP094", "verb": "AGREED", "outcome": "convert_to_modification_proposal", "text": ""},
                  {"identifier": "DP094", "verb": "RECOMMENDED", "outcome": "refinement_process", "text": ""}],
    "actions": [{"action_id": "CSC 15/01", "owner": "SECAS", "description": "invite", "due_date": "2020-06-30",
                 "identifier": "DP108"}],
}


def perfect(mid: str = "SECCSC_15_2605") -> Records:
    return Records(
        meeting=MeetingRow(source_file="x", sha256="", **MEETING),
        attendees=[AttendeeRow(mid, "x", "Alison Beard", "AB", "chair"),
                   AttendeeRow(mid, "x", "Mari  Toda", "MT", "apology", "DCC", False)],
        identifiers=[IdentifierRow(mid, "x", "DP094", "DP", "T", 1, 3), IdentifierRow(mid, "x", "MP093", "MP")],
        decisions=[DecisionRow(mid, "x", f"{mid}/D1", None, "APPROVED", "minutes_approved", ""),
                   DecisionRow(mid, "x", f"{mid}/D2", "DP094", "AGREED", "convert_to_modification_proposal", ""),
                   DecisionRow(mid, "x", f"{mid}/D3", "DP094", "RECOMMENDED", "refinement_process", "")],
        actions=[ActionRow(mid, "x", "CSC 15/01", "SECAS", "invite", "2020-06-30", "DP108")],
    )


def test_perfect() -> None:
    report = evaluate([("samples/rendered/tiny__digital.pdf", perfect(), GOLD)])
    for table, score in report.total.tables.items():
        assert (score.precision, score.recall, score.f1) == (1.0, 1.0, 1.0), table
    assert report.total.outcome_accuracy == 1.0


def test_one_missing_decision() -> None:
    rec = perfect()
    rec.decisions.pop(1)
    s = evaluate([("tiny__digital", rec, GOLD)]).total.tables["decisions"]
    assert (s.tp, s.fp, s.fn) == (2, 0, 1)
    assert s.precision == 1.0 and s.recall == pytest.approx(2 / 3)
    assert s.f1 == pytest.approx(0.8)


def test_one_extra_identifier_and_wrong_outcome() -> None:
    rec = perfect()
    rec.identifiers.append(IdentifierRow("m", "x", "SECMP0062", "SECMP"))
    rec.decisions[2].outcome = "report_phase"
    report = evaluate([("tiny__digital", rec, GOLD)])
    s = report.total.tables["identifiers"]
    assert (s.tp, s.fp, s.fn) == (2, 1, 0)
    assert s.precision == pytest.approx(2 / 3) and s.recall == 1.0
    assert report.total.outcome_accuracy == pytest.approx(2 / 3)
    assert report.documents[0].extra["identifiers"] == ["SECMP0062"]


def test_multiset_duplicates_count() -> None:
    rec = perfect()
    rec.decisions.append(DecisionRow("m", "x", "m/D4", "DP094", "AGREED", None, ""))
    s = evaluate([("tiny", rec, GOLD)]).total.tables["decisions"]
    assert (s.tp, s.fp, s.fn) == (3, 1, 0)


def test_action_key_includes_owner_and_due() -> None:
    rec = perfect()
    rec.actions[0].due_date = "2020-07-01"
    s = evaluate([("tiny", rec, GOLD)]).total.tables["actions"]
    assert (s.tp, s.fp, s.fn) == (0, 1, 1)


def test_attendee_names_normalised_and_meeting_fields() -> None:
    rec = perfect()
    rec.attendees[0].name = "Dr alison  BEARD"
    rec.meeting.location = "Microsoft Teams"
    report = evaluate([("tiny", rec, GOLD)])
    assert report.total.tables["attendees"].f1 == 1.0
    m = report.total.tables["meeting"]
    assert (m.tp, m.fp, m.fn) == (8, 1, 1)


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
    assert "tiny__scan300" in text and "variant scan300" in text and "all documents" in text


def test_gold_for(tmp_path: Path) -> None:
    (tmp_path / "csc_15.json").write_text(json.dumps(GOLD), encoding="utf-8")
    assert gold_for(Path("samples/rendered/csc_15__scan300.pdf"), tmp_path)["key"] == "tiny"
    assert gold_for(Path("csc_15.txt"), tmp_path) is not None
    assert gold_for(Path("samples/rendered/csc_99__digital.pdf"), tmp_path) is None
    assert variant_of("samples/rendered/csc_15__scan200poor.pdf") == "scan200poor"
    assert variant_of("csc_15.pdf") == ""
