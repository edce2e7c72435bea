"""Each reader on real phrasings (from the seed and the other forms minutes use), distractors included."""

from __future__ import annotations

import pytest

from pipeline.nlp import extract, load
from pipeline.nlp.dates import parse_date, parse_time_range
from pipeline.reading.document import Block, Document, Line, Page, Table
from pipeline.store.records import Records


def document(*pages: list[str | list[list[str]]], conf: float | None = None) -> Document:
    """Pages of blocks: a string is a text block (lines on newlines), a list of rows a table."""
    out = []
    for number, blocks in enumerate(pages, start=1):
        page_blocks = []
        for b in blocks:
            if isinstance(b, str):
                lines = [Line(words=[], text=t) for t in b.split("\n")]
                if conf is not None:
                    from pipeline.reading.document import Word

                    lines = [Line(words=[Word(t, (0, 0, 1, 1), conf)], text=t) for t in b.split("\n")]
                page_blocks.append(Block("text", lines))
            else:
                page_blocks.append(Block("table", table=Table(b)))
        out.append(Page(number, "ocr" if conf is not None else "text", blocks=page_blocks))
    return Document("t.txt", "0" * 64, out)


def run(text: str, **kw: object) -> Records:
    blocks: list[str | list[list[str]]] = [b for b in text.split("\n\n") if b.strip()]
    return extract(document(blocks, **kw), nlp=load(), meeting_id_fallback="t")


# ---------------------------------------------------------------- identifiers

@pytest.mark.parametrize(("text", "want"), [
    ("affected modifications are SECMP0062 ‘Northbound Application Traffic Management — Alert Storm\n"
     "Protection’ and MPQ93 ‘Implementing IRP511 and CRP535 to support GBCS v3.2 devices’.",
     {"SECMP0062", "MP093", "IRP511", "CRP535"}),
    ("The CSC was provided with a progress update on DP 129 ‘Allowing the use of CNSA variant for\nECDSA'.", {"DP129"}),
    ("The Proposer of DPO94 presented.", {"DP094"}),
    ("This means that as result of SECMP0018’s implementation, GBCS Table 28d is in conflict.", {"SECMP0018"}),
    ("Grid Code GC0139 and CUSC CMP280 and DCUSA DCP 350 and UNC 0678 were noted.", {"GC0139", "CMP280", "DCP350", "UNC0678"}),
    ("SECCSC_15_2605 - Draft Minutes", set()),
    ("to support GBCS v3.2 devices", set()),
    ("security screening to British Standard (BS) 7858:2019 or equivalent", set()),
    ("the obligations in SEC Section G ‘Security’ G4.2 and G4.3 apply", set()),
    ("after SR 12.2 has been executed incorrectly", set()),
    ("GBCS references Green Book (DLMS UA 1000-2 Ed. 8) and Blue Book", set()),
    ("Three new DPs have been raised in the last week:", set()),
])
def test_identifiers(text: str, want: set[str]) -> None:
    assert {i.identifier for i in run(text).identifiers} == want


def test_identifier_title_prefers_first_clean_mention() -> None:
    rec = run("DP124 ‘Consequential changes to DUIS and MMC’\n"
              "The CSC considered the problem statement for DP124 ‘Conseguential changes to DUIS and MMC’.")
    (row,) = rec.identifiers
    assert (row.identifier, row.kind, row.title, row.mentions, row.first_page) == (
        "DP124", "DP", "Consequential changes to DUIS and MMC", 2, 1)


# ---------------------------------------------------------------- decisions

CONVERT = "convert_to_modification_proposal"


@pytest.mark.parametrize(("text", "want"), [
    ("The Chair confirmed no comments were received on the minutes from the previous CSC meeting,\n"
     "held on Tuesday 28 April 2020. The CSC APPROVED the minutes as written.",
     [(None, "APPROVED", "minutes_approved")]),
    ("DP124 ‘Consequential changes to DUIS and MMC’\n\nThe CSC:\n"
     "e AGREED the Draft Proposal is ready to be converted to a Modification Proposal; and\n\n"
     "¢ RECOMMENDED to the Panel that the Maodification Proposal should proceed to the Report\nPhase.",
     [("DP124", "AGREED", CONVERT), ("DP124", "RECOMMENDED", "report_phase")]),
    ("DP094 ‘Supporting prepayment customers’\n\n PS echoed the idea to explore cost effective ways.\nThe CSC:\n"
     "« AGREED the Draft Proposal is ready to be converted to a Modification Proposal; and\n"
     "° RECOMMENDED to the Panel that the Modification Proposal should proceed to the\nRefinement Process.",
     [("DP094", "AGREED", CONVERT), ("DP094", "RECOMMENDED", "refinement_process")]),
    ("DP126 ‘Smart meter consumer data access and control’\n\n"
     "The CSC AGREED further development is required to define and understand the issue.",
     [("DP126", "AGREED", "further_development")]),
    ("DP096 ‘DNO Power Outage Alerts’\n\nThe CSC NOTED the update.", [("DP096", "NOTED", "noted")]),
    ("The Panel agreed that MP097 should proceed to the Report Phase.", [("MP097", "AGREED", "report_phase")]),
    ("The minutes of the previous meeting were approved.", [(None, "APPROVED", "minutes_approved")]),
    ("The Change Board approved MP093.", [("MP093", "APPROVED", "approved")]),
    ("Following a vote, the Change Board REJECTED MP089.", [("MP089", "REJECTED", "rejected")]),
    ("The Panel DECIDED to defer its decision on MP098 to the June Panel meeting.", [("MP098", "DECIDED", "deferred")]),
    ("The Panel NOTED the withdrawal of MP086.", [("MP086", "NOTED", "withdrawn")]),
    ("The CSC AGREED that DP131 should be closed.", [("DP131", "AGREED", "closed")]),
    ("The Panel AGREED to convert DP094 into MP100 ‘Supporting prepayment customers’ and APPROVED that "
     "MP100 should proceed to the Refinement Process.",
     [("DP094", "AGREED", CONVERT), ("MP100", "APPROVED", "refinement_process")]),
    ("The Operations Group ENDORSED the operational readiness plan.", [(None, "ENDORSED", "approved")]),
])
def test_decisions(text: str, want: list[tuple[str | None, str, str]]) -> None:
    rec = run(text)
    assert [(d.identifier, d.verb, d.outcome) for d in rec.decisions] == want
    assert [d.decision_id for d in rec.decisions] == [f"t/D{n}" for n in range(1, len(want) + 1)]


@pytest.mark.parametrize("text", [
    "CSC member (PS) confirmed the whilst the current volume is low, this could become an increasing problem.\n"
    "As such, members agreed that it would be beneficial for the Draft Proposal to proceed to the Refinement Process.",
    "The Consumer Representative agreed with the previous member’s comments and believed that more\n"
    "could be done to assess the scale of the issue.",
    "The CSC Chair (AB) advised a substantial amount of work has been undertaken. As such, it was agreed "
    "this could be discussed during the\nRefinement Process.",
    "SECAS noted that the Operations Group had raised the same point in January.",
    "SECAS (JH) advised that two Parties noted the lack of WAN coverage for between 2% - 3% of installations.",
    "Members agreed they were happy for this to be converted to a\nModification Proposal.",
    "Consultation for this modification closed on Friday 22 May 2020, responses are being collated.",
    "It was noted that currently the consumer cannot control how their energy data is processed.",
    "The Chair confirmed no comments were received on the minutes.",
])
def test_not_decisions(text: str) -> None:
    # in minutes that record their decisions as upper-case words, lower-case prose is narration
    formal = "The CSC AGREED further development is required.\n\nThe CSC NOTED the update.\n\n"
    assert [d.verb for d in run(formal + text).decisions] == ["AGREED", "NOTED"]


def test_decision_text_is_one_clean_line() -> None:
    rec = run("DP094 ‘X’\n\nThe CSC:\ne AGREED the Draft Proposal is ready to be converted to a Modification "
              "Proposal; and\n\n¢ RECOMMENDED to the Panel that the Modification Proposal should proceed to the\n"
              "Refinement Process.")
    assert [d.text for d in rec.decisions] == [
        "AGREED the Draft Proposal is ready to be converted to a Modification Proposal",
        "RECOMMENDED to the Panel that the Modification Proposal should proceed to the Refinement Process.",
    ]


def test_confidence_drops_for_ocr_repair_and_poor_lines() -> None:
    clean = run("The CSC AGREED further development is required.").decisions[0]
    repaired = run("The CSC AGREFD further development is required.").decisions[0]
    poor = run("The CSC AGREED further development is required.", conf=45.0).decisions[0]
    assert repaired.verb == "AGREED"
    assert 0 < repaired.confidence < clean.confidence <= 1
    assert 0 < poor.confidence < clean.confidence


# ---------------------------------------------------------------- actions

@pytest.mark.parametrize(("text", "want"), [
    ("DP108 ‘SSI Job Type Role for SRO/ARO’\n\nCSC 15/01: SECAS to invite the Proposer of DP108 ‘SSI Job Type "
     "Role for SRO/ARQ’ to the next\nCSC meeting on 30 June 2020 to further understand the issue and confirm "
     "options moving forward.",
     ("CSC 15/01", "SECAS", "2020-06-30", "DP108")),
    ("ACTION: DCC to provide the root cause analysis for the Category 2 incident of 21 January 2020 to the\n"
     "Operations Group by 14 April 2020.", ("t/A1", "DCC", "2020-04-14", None)),
    ("ACTION SECP 81/01: SECAS to publish the revised Panel Information Policy on the SEC website by 29\nMay 2020.",
     ("SECP 81/01", "SECAS", "2020-05-29", None)),
    ("Minute 5604: JM to circulate the revised terms of reference for MP093 by 3 March 2021.",
     ("Minute 5604", "JM", "2021-03-03", "MP093")),
    ("1-01 Members to comment on updated service specification prior to next steering group on 6.2.19",
     ("1-01", "Members", "2019-02-06", None)),
    ("ACTION: DCC to present options for automating the release of quarantined Service Requests at the next meeting.",
     ("t/A1", "DCC", None, None)),
])
def test_actions(text: str, want: tuple[str, str, str | None, str | None]) -> None:
    (a,) = run(text).actions
    assert (a.action_id, a.owner, a.due_date, a.identifier) == want


def test_action_owner_after_paragraph() -> None:
    (a,) = run("The Working Group will review the draft legal text for DP094 and report back to the Panel.\n"
               "Action: DS").actions
    assert a.owner == "DS"
    assert a.description.startswith("The Working Group will review the draft legal text")
    assert a.identifier == "DP094"


def test_action_table_with_wrapped_rows() -> None:
    doc = document(["4. Summary of Actions", [
        ["Ref", "Action", "Owner", "Due"],
        ["OPSG 31/02", "Publish Communications Hub return data in a", "DCC", "14 April 2020"],
        ["", "consistent monthly format", "", ""],
        ["OPSG 31/03", "Circulate a request for evidence for DP096", "SECAS", ""],
    ]])
    rec = extract(doc, nlp=load(), meeting_id_fallback="t")
    got = [(a.action_id, a.owner, a.due_date, a.identifier, a.description) for a in rec.actions]
    assert got == [
        ("OPSG 31/02", "DCC", "2020-04-14", None, "Publish Communications Hub return data in a consistent monthly format"),
        ("OPSG 31/03", "SECAS", None, "DP096", "Circulate a request for evidence for DP096"),
    ]


# ---------------------------------------------------------------- attendees

def people(rec: Records) -> list[tuple]:
    return [(a.name, a.initials, a.role, a.representing, a.present) for a in rec.attendees]


def test_attendee_lines_with_square_initials() -> None:
    rec = run("Attendees\n\nDionne Sheppard [DS] Operations Group Chair\nKate Frazer [KF] Ofgem\n\n"
              "Apologies\n\nLisa Chambers [LC] E.ON\n\n1. Welcome\nThe Chair (DS) welcomed members.")
    assert people(rec) == [
        ("Dionne Sheppard", "DS", "chair", "Operations Group Chair", True),
        ("Kate Frazer", "KF", "member", "Ofgem", True),
        ("Lisa Chambers", "LC", "apology", "E.ON", False),
    ]


def test_flattened_table_with_apologies() -> None:
    rec = run("Attendees:\n\nCategory\n\nChange Sub-Committee Chair\n\nChange Sub-Committee Members\nAlison Beard (AB)\n\n"
              "Large Suppliers\n\nPaul Saker (PS)\n\nRepresenting\n\nOther Participants\n\nDCC\nPaul Howard (PH)\n"
              "SECAS Bradley Baker (BB)\n\nApologies:\n\nRepresenting\n\nName\n\nDCC Mari Toda (MT)\n"
              "Other SEC Parties Elias Hanna\nSECCSC_15 2605 - Draft Minutes Managed by Page 1 of 7\n\n"
              "1. Welcome and Introductions\nThe Chair welcomed Members to the meeting.")
    assert people(rec) == [
        ("Alison Beard", "AB", "chair", None, True),
        ("Paul Saker", "PS", "member", "Large Suppliers", True),
        ("Paul Howard", "PH", "participant", "DCC", True),
        ("Bradley Baker", "BB", "participant", "SECAS", True),
        ("Mari Toda", "MT", "apology", "DCC", False),
        ("Elias Hanna", None, "apology", "Other SEC Parties", False),
    ]


def test_later_mentions_repair_roles_and_representing() -> None:
    rec = run("Attendees:\n\nMembers\nGemma Slaney (GS)\nDCC\nJoe Hehir (JH)\n\n1. Welcome\n"
              "The CSC Chair (GS) opened the meeting. SECAS (JH) presented the paper.")
    assert people(rec) == [("Gemma Slaney", "GS", "chair", None, True),
                           ("Joe Hehir", "JH", "member", "SECAS", True)]


def test_apologies_prose_and_bare_initials() -> None:
    rec = run("Apologies\n\nIan Sturgess IS Consumer Member (voting by proxy)\n\n1. Apologies and Quorum\n"
              "Apologies were received from Mari Toda (DCC) and Elias Hanna. The meeting was quorate.")
    assert people(rec) == [
        ("Ian Sturgess", "IS", "apology", "Consumer Member (voting by proxy)", False),
        ("Mari Toda", None, "apology", "DCC", False),
        ("Elias Hanna", None, "apology", None, False),
    ]


def test_attendee_tables() -> None:
    doc = document([
        "Attendees:",
        [["Category", "Name", "Representing"],
         ["Change Sub-Committee Chair", "Alison Beard (AB)", ""],
         ["Change Sub-Committee Members", "Paul Saker (PS)", "Large Suppliers"],
         ["", "Simon Trivella (ST)", ""],
         ["Other Participants", "Joe Hehir (JH)", "SECAS"]],
        "Apologies:",
        [["Representing", "Name"], ["DCC", "Mari Toda (MT)"]],
        [["Name", "Initials", "Role"], ["Kevin Lawson", "KL", "Change Board Chair"],
         ["Jade Morley", "JM", "SECAS (Change Board Secretariat)"]],
        [["Katie Brown Marcus Pell", "[KB] [MP]", "British Gas EDF Energy"]],
    ])
    rec = extract(doc, nlp=load(), meeting_id_fallback="t")
    assert people(rec) == [
        ("Alison Beard", "AB", "chair", None, True),
        ("Paul Saker", "PS", "member", "Large Suppliers", True),
        ("Simon Trivella", "ST", "member", "Large Suppliers", True),
        ("Joe Hehir", "JH", "participant", "SECAS", True),
        ("Mari Toda", "MT", "apology", "DCC", False),
        ("Kevin Lawson", "KL", "chair", "Change Board Chair", True),
        ("Jade Morley", "JM", "participant", "SECAS (Change Board Secretariat)", True),
        ("Katie Brown", "KB", "member", None, True),
        ("Marcus Pell", "MP", "member", None, True),
    ]


# ---------------------------------------------------------------- header

@pytest.mark.parametrize(("text", "want"), [
    ("SEC\n\nSmart Code\n\nThis document is classified as White in accordance with the Panel Information Policy.\n\n"
     "SEC Change Sub-Committee Meeting 15 2605\n\n26 May 2020, 10:00 - 11:10\n\nTeleconference\n\n"
     "SECCSC_15_2605 - Draft Minutes\n\nAttendees:",
     ("SECCSC_15_2605", "Change Sub-Committee", "15", "2020-05-26", "10:00", "11:10", "Teleconference", "draft")),
    ("SEC Panel Meeting 83\n17 July 2020, 10:00 - 13:15\nMicrosoft Teams\nSECP_83_1707 - Final Minutes\nAttendees:",
     ("SECP_83_1707", "Panel", "83", "2020-07-17", "10:00", "13:15", "Microsoft Teams", "final")),
    ("SEC Operations Group Meeting 31\n10 March 2020, 10:30 - 13:00\nGemserv, 8 Fenchurch Place, London, EC3M 4AJ\n"
     "OPSG_31_1003 - Final Minutes",
     ("OPSG_31_1003", "Operations Group", "31", "2020-03-10", "10:30", "13:00",
      "Gemserv, 8 Fenchurch Place, London, EC3M 4AJ", "final")),
    ("SEC Change Board Meeting 55\n22 April 2020, 10:00 - 10:45\nTeleconference\nSECCB_55_2204 - Final Minutes",
     ("SECCB_55_2204", "Change Board", "55", "2020-04-22", "10:00", "10:45", "Teleconference", "final")),
    ("MINUTES OF THE COMMITTEE MEETING\n\nNORTH OF TYNE LPC COMMITTEE\n\nDate: Wednesday 23rd January 2019\n"
     "Time: 9.30 – 16.30\nLocation: Holiday Inn Newcastle –Gosforth Park\n\nPRESENT:",
     ("t", "North of Tyne LPC Committee", None, "2019-01-23", "09:30", "16:30",
      "Holiday Inn Newcastle –Gosforth Park", None)),
])
def test_header(text: str, want: tuple) -> None:
    m = run(text).meeting
    got = (m.meeting_id, m.committee, m.meeting_number, m.meeting_date, m.start_time, m.end_time,
           m.location, m.status)
    assert got == want


@pytest.mark.parametrize(("text", "want"), [
    ("There was no further business and the Chair closed the meeting.\n\nNext Meeting: 30 June 2020.", "2020-06-30"),
    ("The next meeting will be held on Tuesday 28 July 2020 via Microsoft Teams.", "2020-07-28"),
    ("Date and time of next LPC meeting:\nWednesday 6th March 2019, 09.30 – 17.00", "2019-03-06"),
    ("an update will be circulated to CSC members before the next meeting in June 2020 to seek views", None),
    ("SECAS to invite the Proposer to the next CSC meeting on 30 June 2020.", None),
])
def test_next_meeting(text: str, want: str | None) -> None:
    assert run(text).meeting.next_meeting_date == want


# ---------------------------------------------------------------- dates and times

@pytest.mark.parametrize(("text", "want"), [
    ("26 May 2020, 10:00 - 11:10", "2020-05-26"),
    ("held on Tuesday 28 April 2020.", "2020-04-28"),
    ("Date: Wednesday 23rd January 2019", "2019-01-23"),
    ("May 26, 2020", "2020-05-26"),
    ("26/05/2020", "2020-05-26"),
    ("2020-05-26", "2020-05-26"),
    ("on 6.2.19", "2019-02-06"),
    ("26 Mav 2020", "2020-05-26"),
    ("3O June 2O20", "2020-06-30"),
    ("in June 2020", None),
    ("GBCS v3.2 Table 28d", None),
    ("31 February 2020", None),
])
def test_parse_date(text: str, want: str | None) -> None:
    assert parse_date(text) == want


@pytest.mark.parametrize(("text", "want"), [
    ("26 May 2020, 10:00 - 11:10", ("10:00", "11:10")),
    ("Time: 9.30 – 16.30", ("09:30", "16:30")),
    ("2pm to 3.30pm", ("14:00", "15:30")),
    ("10am - 12pm", ("10:00", "12:00")),
    ("between 2% - 3% of attempted installations", (None, None)),
    ("DLMS UA 1000-2 Ed. 8", (None, None)),
    # poor scans: the colon read as a hyphen, a space, a full stop or a degree sign
    ("26 August 2020, 10-00 - 10:50", ("10:00", "10:50")),
    ("28 April 2020, 10:00 - 11 30", ("10:00", "11:30")),
    ("16 June 2020, 13 00 - 15.30", ("13:00", "15:30")),
    ("17 July 2020, 10:00 - 13°15", ("10:00", "13:15")),
    ("pages 10 - 12 of the report", (None, None)),
    ("Minute 5604 - 12 members voted", (None, None)),
])
def test_time_range(text: str, want: tuple[str | None, str | None]) -> None:
    assert parse_time_range(text) == want


def test_pipe_joined_rows_in_text_are_tables() -> None:
    rec = run("PRESENT:\nName | Organisation | Affilliation\nKeith Kendall | NoT LPC | Chair\n"
              "Simon Clark | Tesco | CCA\n\nIN ATTENDANCE:\nName | Organisation | Affilliation\n"
              "Mark Burdon | PSNC | Area Rep\nMike King | PSNC | LPC and Contractor Support\n\n"
              "APOLOGIES:\nName | Organisation | Affilliation\nAmanda Lertoria | Lloyds | CCA\n"
              "Andy Watson | Whitworth Chemists | Independent\n\n01 Introduction")
    assert [(a.name, a.role, a.representing, a.present) for a in rec.attendees] == [
        ("Keith Kendall", "chair", "NoT LPC", True),
        ("Simon Clark", "member", "Tesco", True),
        ("Mark Burdon", "participant", "PSNC", True),
        ("Mike King", "participant", "PSNC", True),
        ("Amanda Lertoria", "apology", "Lloyds", False),
        ("Andy Watson", "apology", "Whitworth Chemists", False),
    ]


# ---------------------------------------------------------------- poor-scan OCR confusions


@pytest.mark.parametrize(("text", "want"), [
    ("The Panel agreed that MP10i should proceed to the Report Phase.", {"MP101"}),  # 1 read as i
    ("AGREED to convert DP!28 into MP104 to be progressed.", {"DP128", "MP104"}),  # 1 read as !
    ("OP111 ‘SMDA Budget Amendments’", {"DP111"}),  # D read as O in the prefix
    ("DP128-‘Gas Network Operators SMKI Requirements”", {"DP128"}),  # no space before the quote
    ("the OPSG meets at OP10 and OPQ93", set()),  # an O-prefix needs clean digits
])
def test_identifiers_misread_on_poor_scans(text: str, want: set[str]) -> None:
    assert {i.identifier for i in run(text).identifiers} == want


def test_misread_prefix_gives_a_heading() -> None:
    rec = run("DP108 ‘SSI Job Type Role’\n\nThe CSC AGREED further development is required.\n\n"
              "OP111 ‘SMDA Budget Amendments’\nSECAS advised that the consultation was issued on 24 April 2020\n"
              "Board has asked for responses to address the proposed funding model in particular\n"
              "The CSC NOTED the update.")
    assert [(d.identifier, d.verb) for d in rec.decisions] == [("DP108", "AGREED"), ("DP111", "NOTED")]


@pytest.mark.parametrize(("text", "want"), [
    # OCR lost the full stop before "The <body>": the decision is its own sentence, naming nothing
    ("The Consumer Member (ER) welcomed the RFI on DP094 and emphasised the impact on prepayment\n"
     "customers who are unable to top up remotely The Panel NOTED the update.",
     [(None, "NOTED", "noted")]),
    ("The Operations Group recommends that the report be published, with supplier-specific figures\n"
     "removed The Panel AGREED to publish the report on that basis and to close the action.",
     [(None, "AGREED", "other")]),  # as the clean sentence reads on its own: no outcome rule fits
    # a heading line after a sentence whose full stop was lost
    ("MP100 ‘Supporting prepayment customers’\n"
     "The Panel agreed that MP100 should proceed to the Report Phase\n"
     "MP101 ‘Consequential changes to DUIS and MMC’\n"
     "SECAS presented the draft Modification Report. The Panel\nAPPROVED the Modification Report for submission.",
     [("MP100", "AGREED", "report_phase"), ("MP101", "APPROVED", "approved")]),
    # a bullet glued to the decision word
    ("DP132 ‘DLMS references in GBCS’\n\nThe CSC:\n"
     "• AGREED the Draft Proposal is ready to be converted to a Modification Proposal, and\n"
     "e -RECOMMENDED to the Panel that the Modification Proposal should proceed to the Report Phase.",
     [("DP132", "AGREED", CONVERT), ("DP132", "RECOMMENDED", "report_phase")]),
])
def test_decisions_on_poor_scans(text: str, want: list[tuple[str | None, str, str]]) -> None:
    assert [(d.identifier, d.verb, d.outcome) for d in run(text).decisions] == want


def test_speck_full_stop_ends_no_sentence() -> None:
    # "Working =." is a speck, not a sentence end: "Group agreed" is the Working Group's narration
    rec = run("MP097 ‘Clarifying the Threshold Anomaly Detection procedures’\n"
              "All six respondents supported the proposed solution, and the Working =.\n"
              "Group agreed that the legal text was ready for the Report Phase.\n"
              "The Panel agreed that MP097 should proceed to the Report Phase.")
    assert [(d.identifier, d.verb, d.outcome) for d in rec.decisions] == [("MP097", "AGREED", "report_phase")]


@pytest.mark.parametrize(("text", "want"), [
    ("ACTION DCC to provide the root cause analysis for the Category 2 incident of 21 January 2020 to the\n"
     "Operations Group by 14 Apnil 2020.", ("t/A1", "DCC", "2020-04-14")),  # colon lost
    ("ACTION SECAS to issue the Report Phase consultations for MP100 and MP107 by 24 July\n2020",
     ("t/A1", "SECAS", "2020-07-24")),
    ("OPSG 31/02: bcc to circulate the incident summary to members by 12 May 2020.",
     ("OPSG 31/02", "DCC", "2020-05-12")),  # owner misread, lower case
    ("CSC 14/01: SECAS to issue an RFI on DP094 and present a summary of the responses at the\n"
     "next CSC meeting on 26 May 2 2020. .", ("CSC 14/01", "SECAS", "2020-05-26")),  # a speck in the date
    ("CSC 14/02: SFCAS to chase the Proposer of DP108 by 12 May 2020.", ("CSC 14/02", "SECAS", "2020-05-12")),
])
def test_actions_on_poor_scans(text: str, want: tuple[str, str, str | None]) -> None:
    (a,) = run(text).actions
    assert (a.action_id, a.owner, a.due_date) == want


def test_action_table_owner_repaired_with_lower_confidence() -> None:
    from pipeline.nlp import actions as actions_mod
    from pipeline.nlp.parties import known_parties

    doc = document(["6. Summary of Actions", [
        ["Ref", "Action", "‘Owner", "Due"],
        ["OPSG 31/02", "Publish Communications Hub return data monthly", "bcc", "14 April 2020"],
        ["OPSG 31/03", "Circulate a request to Network Operators for", "SECAS", ""],
        ["", "evidence of power outage alerts", ".", ""],
        ["OPSG 31/04", "Share the draft operational transition plan", "pce", "“12 May 2020"],
        ["OPSG 31/05", "Report back on the survey", "IM", ""],
    ], "Attendees\n\nJade Morley (JM) SECAS"])
    rec = extract(doc, nlp=load(), meeting_id_fallback="t")
    assert [(a.action_id, a.owner, a.due_date) for a in rec.actions] == [
        ("OPSG 31/02", "DCC", "2020-04-14"), ("OPSG 31/03", "SECAS", None),
        ("OPSG 31/04", "DCC", "2020-05-12"), ("OPSG 31/05", "JM", None)]
    # the published rows carry the repair: fuzzy-matched owners are less sure than clean ones
    assert [a.confidence for a in rec.actions] == [0.7, 1.0, 0.7, 0.7]
    acts = [actions_mod.Action("X 1/01", "bcc", "d", None, 0, 1), actions_mod.Action("X 1/02", "DCC", "d", None, 0, 1)]
    actions_mod.repair_owners(acts, known_parties(load().get_pipe("minutes_lexicon").data))
    assert [(a.owner, a.confidence) for a in acts] == [("DCC", 0.7), ("DCC", 1.0)]
    # initials read in mixed case are the attendee's whose initials they spell
    acts = [actions_mod.Action("4-01", "Fw", "d", None, 0, 1), actions_mod.Action("4-02", "yc", "d", None, 0, 1),
            actions_mod.Action("4-03", "Jo", "d", None, 0, 1)]
    actions_mod.repair_owners(acts, ["FW", "YC", "DCC"])
    assert [a.owner for a in acts] == ["FW", "YC", "Jo"]


@pytest.mark.parametrize(("owner", "want"), [
    ("bcc", ("DCC", True)), ("pce", ("DCC", True)), ("SECA5", ("SECAS", True)), ("DCC", ("DCC", False)),
    ("DCC and SECAS", ("DCC and SECAS", False)), ("bcc/SECAS", ("DCC/SECAS", True)),
    ("Members", ("Members", False)), ("The Proposer", ("The Proposer", False)),
])
def test_party_repair(owner: str, want: tuple[str, bool]) -> None:
    from pipeline.nlp.parties import known_parties, repair

    assert repair(owner, known_parties(load().get_pipe("minutes_lexicon").data)) == want


def test_attendee_table_names_garbled_by_ocr() -> None:
    doc = document([
        "Attendees",
        [["Name", "Initials", "Role"],
         ["7 Graeme Barnes", "GB", "Large Supplier Member"],
         ["Jade Morley “IM", "", "SECAS (Change Board Secretariat)"],
         ["Rem: Oluwabamise", "RO,", "DCC"],
         ["Apologies °", "", ""],
         ["Lisa.Chambers", "[LC]", "E.ON"],
         ["Tan Sturgess", "IS", "Consumer Member"]],
        "1. Welcome\nMinute 5506: JM to circulate the voting outcomes by 1 May 2020.",
    ])
    rec = extract(doc, nlp=load(), meeting_id_fallback="t")
    assert [(a.name, a.initials, a.present) for a in rec.attendees] == [
        ("Graeme Barnes", "GB", True), ("Jade Morley", "JM", True), ("Remi Oluwabamise", "RO", True),
        ("Lisa Chambers", "LC", False), ("Ian Sturgess", "IS", False)]


def test_attendee_representing_misread_party() -> None:
    doc = document(["Attendees", [["Name", "Representing"], ["Nina Clarke (NC)", "bcc"],
                                  ["Joe Hehir (JH)", "SECAS"]]])
    rec = extract(doc, nlp=load(), meeting_id_fallback="t")
    assert [(a.name, a.representing) for a in rec.attendees] == [("Nina Clarke", "DCC"), ("Joe Hehir", "SECAS")]


@pytest.mark.parametrize(("text", "want"), [
    ("next CSC meeting on 26 May 2 2020.", "2020-05-26"),  # a speck between month and year
    ("by May 2 2020", "2020-05-02"),
])
def test_parse_date_with_speck(text: str, want: str) -> None:
    assert parse_date(text) == want


def test_every_row_is_less_sure_when_read_from_poor_ocr() -> None:
    text = ("Attendees\n\nDionne Sheppard [DS] Operations Group Chair\n\n"
            "3. DP094 ‘Supporting prepayment customers’\n\n"
            "The CSC AGREED further development is required.\n\n"
            "CSC 15/01: SECAS to invite the Proposer to the next meeting on 30 June 2020.")
    clean, poor = run(text), run(text, conf=45.0)
    for table in ("attendees", "identifiers", "decisions", "actions"):
        (good,), (bad,) = getattr(clean, table), getattr(poor, table)
        assert good.confidence >= 0.85 and bad.confidence <= good.confidence * 0.55, table
