"""One dataclass per output table; field order is the contract's column order.

``../shared/CONTRACT.md`` fixes these columns: add fields at the end, never rename or
reorder. ``pipeline.export`` turns lists of these into DataFrames, CSVs and SQLite.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields


@dataclass
class MeetingRow:
    meeting_id: str
    source_file: str
    sha256: str
    committee: str | None = None
    meeting_number: str | None = None
    meeting_date: str | None = None  # YYYY-MM-DD
    start_time: str | None = None  # HH:MM
    end_time: str | None = None
    location: str | None = None
    status: str | None = None  # draft | final | None
    next_meeting_date: str | None = None
    page_count: int = 0
    ocr_page_count: int = 0
    ocr_mean_confidence: float | None = None


@dataclass
class AttendeeRow:
    meeting_id: str
    source_file: str
    name: str
    initials: str | None = None
    role: str | None = None  # chair | member | participant | apology
    representing: str | None = None
    present: bool = True
    page: int | None = None
    confidence: float = 1.0  # beyond the contract's columns: lower for names read from poor OCR


@dataclass
class IdentifierRow:
    meeting_id: str
    source_file: str
    identifier: str
    kind: str
    title: str | None = None
    first_page: int | None = None
    mentions: int = 1
    confidence: float = 1.0  # beyond the contract's columns: lower when only OCR-repaired or poorly read


@dataclass
class DecisionRow:
    meeting_id: str
    source_file: str
    decision_id: str
    identifier: str | None
    verb: str
    outcome: str | None
    text: str
    page: int | None = None
    confidence: float = 1.0
    # beyond the contract's columns: facts the audit joins on, found by the NLP stage
    converts: str | None = None  # DP -> MP conversions the text states: ``DP094>MP100; …``
    closes_as: str | None = None  # what it does to earlier actions: superseded | closed | done
    closes_action: str | None = None  # action ids it names: ``CSC 14/01; CSC 14/02``
    closes_unnamed: int = 0  # actions it ends without naming them: 1, 2, -1 (all), 0


@dataclass
class ActionRow:
    meeting_id: str
    source_file: str
    action_id: str
    owner: str | None
    description: str
    due_date: str | None = None
    identifier: str | None = None
    page: int | None = None
    confidence: float = 1.0  # beyond the contract's columns: lower for repaired owners, poor OCR
    converts: str | None = None  # DP -> MP conversions the description states: ``DP094>MP100``


@dataclass
class ErrorRow:
    source_file: str
    page: int | None
    stage: str
    error_type: str
    message: str


@dataclass
class Records:
    """Everything extracted from one document."""

    meeting: MeetingRow
    attendees: list[AttendeeRow] = field(default_factory=list)
    identifiers: list[IdentifierRow] = field(default_factory=list)
    decisions: list[DecisionRow] = field(default_factory=list)
    actions: list[ActionRow] = field(default_factory=list)


TABLES: dict[str, type] = {
    "meetings": MeetingRow,
    "attendees": AttendeeRow,
    "identifiers": IdentifierRow,
    "decisions": DecisionRow,
    "actions": ActionRow,
    "errors": ErrorRow,
}


def columns(table: str) -> list[str]:
    return [f.name for f in fields(TABLES[table])]
