"""The seed: real OCR'd SEC Change Sub-Committee minutes as a .txt Document, end to end."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import SEED

from pipeline.devtools.evaluate import evaluate, format_report, gold_for
from pipeline.nlp import extract, load
from pipeline.reading.document import Block, Document, Line, Page
from pipeline.store.records import Records

REPO = Path(__file__).resolve().parents[1]
GOLD_DIR = REPO / "samples" / "gold"


def text_document(path: Path) -> Document:
    """A .txt file as ingestion gives it: pages on form feeds, blocks on blank lines."""
    text = path.read_text(encoding="utf-8")
    pages = []
    for number, page_text in enumerate(text.split("\f"), start=1):
        blocks = [
            Block("text", [Line(words=[], text=line) for line in chunk.split("\n")])
            for chunk in page_text.split("\n\n")
            if chunk.strip()
        ]
        pages.append(Page(number, "text", blocks=blocks))
    return Document(str(path), "0" * 64, pages)


@pytest.fixture(scope="module")
def records() -> Records:
    return extract(text_document(SEED), nlp=load(), meeting_id_fallback=SEED.stem)


@pytest.fixture(scope="module")
def gold() -> dict:
    found = gold_for(SEED, GOLD_DIR)
    assert found is not None, "samples/gold/csc_15_seed.json is missing"
    return found


def test_gold_is_the_seed_gold(gold: dict) -> None:
    assert gold["key"] == "csc_15_seed"
    assert len(gold["decisions"]) == 20


def test_header(records: Records, gold: dict) -> None:
    m = records.meeting
    for field, want in gold["meeting"].items():
        assert getattr(m, field) == want, field
    assert m.source_file == str(SEED)


def test_all_twenty_decisions(records: Records, gold: dict) -> None:
    got = [(d.identifier, d.verb, d.outcome) for d in records.decisions]
    want = [(d["identifier"], d["verb"], d["outcome"]) for d in gold["decisions"]]
    assert got == want
    assert [d.decision_id for d in records.decisions] == [f"SECCSC_15_2605/D{n}" for n in range(1, 21)]
    assert all(d.page == 1 for d in records.decisions)
    assert all("\n" not in d.text and not d.text.startswith(("e ", "¢ ")) for d in records.decisions)


def test_narration_is_not_a_decision(records: Records) -> None:
    texts = " ".join(d.text for d in records.decisions)
    assert "members agreed that it would be beneficial" not in texts
    assert "Consumer Representative agreed" not in texts
    assert "it was agreed this could be discussed" not in texts


def test_action(records: Records) -> None:
    assert len(records.actions) == 1
    a = records.actions[0]
    assert (a.action_id, a.owner, a.due_date, a.identifier) == ("CSC 15/01", "SECAS", "2020-06-30", "DP108")
    assert a.description.startswith("invite the Proposer of DP108")


def test_identifiers(records: Records, gold: dict) -> None:
    got = {i.identifier: (i.kind, i.title, i.mentions) for i in records.identifiers}
    want = {i["identifier"]: (i["kind"], i["title"], i["mentions"]) for i in gold["identifiers"]}
    assert got == want
    for ident in ["DP094", "DP124", "DP125", "DP126", "DP127", "DP128", "DP129", "DP131", "DP132",
                  "DP133", "DP096", "DP108", "DP111", "SECMP0062", "MP093", "SECMP0018"]:
        assert ident in got
    assert "MPQ93" not in got and "SECCSC_15_2605" not in got


def test_attendees(records: Records, gold: dict) -> None:
    got = {a.name: (a.initials, a.role, a.present) for a in records.attendees}
    want = {a["name"]: (a["initials"], a["role"], a["present"]) for a in gold["attendees"]}
    assert got == want
    by_name = {a.name: a for a in records.attendees}
    assert by_name["Joe Hehir"].representing == "SECAS"  # repaired from "SECAS (JH)"
    assert by_name["Elias Hanna"].representing == "Other SEC Parties"


def test_evaluate_on_seed_is_perfect(records: Records, gold: dict) -> None:
    report = evaluate([(str(SEED), records, gold)])
    total = report.total
    for table, score in total.tables.items():
        assert score.f1 == 1.0, (table, format_report(report, details=True))
        for name, field_score in score.fields.items():  # every field of every matched row, too
            assert field_score.correct == field_score.total, (table, name, format_report(report, details=True))
    assert total.outcome_accuracy == 1.0
    assert report.documents[0].issues == []


def test_gold_file_is_valid_json() -> None:
    data = json.loads((GOLD_DIR / "csc_15_seed.json").read_text(encoding="utf-8"))
    assert set(data) >= {"key", "meeting", "attendees", "identifiers", "decisions", "actions"}
