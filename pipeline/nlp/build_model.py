"""Build the versioned spaCy pipeline ``models/minutes_nlp`` from ``spacy.blank("en")``.

Run ``python -m pipeline.nlp.build_model`` after changing a table below and commit the output
directory. At run time nothing here is read: the identifier kinds live in
``models/minutes_nlp/identifier_ruler/patterns.jsonl`` (one label per kind), the decision
cues in ``cue_ruler/patterns.jsonl``, the outcome rules in ``minutes_decisions/outcomes.jsonl``
and the word lists in ``minutes_lexicon/lexicon.json``; edit those and the change holds.
"""

from __future__ import annotations

import argparse
import logging
import shutil
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from spacy.util import compile_infix_regex, compile_prefix_regex

from pipeline.nlp import components  # noqa: F401  (registers the factories)

logger = logging.getLogger(__name__)

NAME = "minutes_nlp"
VERSION = "0.1.0"
DEFAULT_OUT = Path(__file__).resolve().parents[2] / "models" / NAME

# kind (the prefix, as canonical) → how many digits follow it
KINDS: list[tuple[str, int, int]] = [
    ("SECMP", 3, 4),
    ("DP", 3, 4),
    ("MP", 3, 4),
    ("IRP", 3, 4),
    ("CRP", 3, 4),
    ("CMP", 3, 4),
    ("DCP", 3, 4),
    ("UNC", 3, 4),
    ("GC", 4, 4),
]
DIGIT_CLASS = "[0-9OoQDIlSB|i!]"

DECISION_VERBS = ["AGREED", "RECOMMENDED", "NOTED", "APPROVED", "DECIDED", "REJECTED", "ENDORSED",
                  "DEFERRED", "RESOLVED", "ACCEPTED", "CONFIRMED", "RATIFIED", "WITHDRAWN"]
# words that look like a decision word to fuzzy matching but are not one
CAPS_STOP = ["AGREE", "NOTES", "NOTE", "ACTION", "ACTIONS", "REFERRED", "RESOLVE", "AGENDA",
             "APPROVAL", "DECISION", "DECISIONS", "AGREEMENT", "ACCEPT", "CONFIRM", "REJECT"]
# a lower-case decision word followed by one of these is narration ("agreed with the member")
NOT_AFTER = {"*": ["with", "by", "upon"], "NOTED": ["that", "concerns"]}
LOWER_VERBS = ["AGREED", "RECOMMENDED", "NOTED", "APPROVED", "DECIDED", "REJECTED", "ENDORSED",
               "DEFERRED", "RESOLVED", "ACCEPTED"]
PASSIVE_MINUTES = ["APPROVED", "AGREED", "ACCEPTED", "CONFIRMED", "RATIFIED"]

BODIES = ["CSC", "Change Sub-Committee", "Change Sub Committee", "Sub-Committee", "Panel",
          "SEC Panel", "Change Board", "Board", "Committee", "Operations Group", "OPSG", "Group",
          "TABASC", "SSC", "Security Sub-Committee", "Council", "Trustees", "TAC", "LPC",
          "Meeting", "Working Group"]

OUTCOME_RULES: list[dict[str, Any]] = [
    {"outcome": "minutes_approved", "verbs": PASSIVE_MINUTES + ["ENDORSED", "NOTED"],
     "pattern": r"\bminutes\b", "scope": "sentence"},
    {"outcome": "rejected", "verbs": ["REJECTED"]},
    {"outcome": "deferred", "verbs": ["DEFERRED"]},
    {"outcome": "withdrawn", "verbs": ["WITHDRAWN"]},
    {"outcome": "withdrawn", "pattern": r"\bwithdr[ae]wn?\b|\bwithdrawal\b"},
    {"outcome": "noted", "verbs": ["NOTED"]},
    {"outcome": "deferred", "pattern": r"^\w+\s+(?:to\s+|that\s+.{0,60}?\s+(?:be|is)\s+)?(?:defer|postpone)"},
    {"outcome": "closed", "pattern": r"^\w+\s+(?:to\s+close\b|that\s+.{0,60}?\s+(?:be|is|was)\s+closed\b)"},
    {"outcome": "convert_to_modification_proposal", "pattern": r"\bconver(?:t|ted|ting|sion)\b"},
    {"outcome": "refinement_process", "pattern": r"\brefinement\b"},
    {"outcome": "report_phase", "pattern": r"\breport\s+phase\b"},
    {"outcome": "further_development",
     "pattern": r"\b(?:further|continued?|support(?:ing)?\s+the)\s+development\b"},
    {"outcome": "rejected", "pattern": r"\breject(?:ed|ion)?\b|\bnot\s+(?:be\s+)?approved?\b"},
    {"outcome": "deferred", "pattern": r"\bdefer(?:red|ral)?\b|\bpostpone"},
    {"outcome": "closed", "pattern": r"\b(?:be|is|was|being|now)\s+closed\b"},
    {"outcome": "approved", "verbs": ["APPROVED", "RATIFIED", "ENDORSED"]},
    {"outcome": "approved", "pattern": r"\bapprov(?:e|ed|al)\b|\bimplement(?:ed|ation)?\b"},
]

LEXICON: dict[str, Any] = {
    "committees": [
        {"canonical": "Change Sub-Committee", "names": ["Change Sub-Committee", "Change Sub Committee"],
         "abbrevs": ["CSC", "SECCSC"]},
        {"canonical": "Change Board", "names": ["Change Board"], "abbrevs": ["CB", "SECCB"]},
        {"canonical": "Operations Group", "names": ["Operations Group"], "abbrevs": ["OPSG", "SECOPSG"]},
        {"canonical": "Panel", "names": ["SEC Panel", "Smart Energy Code Panel", "Panel"],
         "abbrevs": ["PANEL", "SECP", "SECPANEL"]},
    ],
    "constituencies": [
        "Large Suppliers", "Large Supplier", "Small Suppliers", "Small Supplier",
        "Electricity Network Parties", "Electricity Network Party", "Gas Network Parties",
        "Gas Network Party", "Other SEC Parties", "Other SEC Party", "Consumer Representative",
        "Consumer Representatives", "Consumer Member", "DCC", "SECAS", "Ofgem", "BEIS",
        "Citizens Advice", "Independent", "Independent Member", "Secretariat", "Gemserv",
        "Smart DCC", "Proposer", "Elexon", "Xoserve",
    ],
    # attendee-table category (lower-case substring) → contract role, first match wins
    "categories": [
        ["apolog", "apology"], ["chair", "chair"], ["member", "member"], ["attendance", "participant"],
        ["participant", "participant"], ["observer", "participant"], ["secretariat", "participant"],
        ["guest", "participant"], ["present", "member"], ["attendee", "member"],
        ["in attendance", "participant"], ["officer", "participant"], ["trustee", "member"],
    ],
    "table_headers": ["category", "name", "names", "representing", "initials", "role",
                      "organisation", "organization", "company", "constituency", "attendee",
                      "attendees", "member", "title", "present"],
    "furniture": [
        r"\bPage\s+\d+\s+of\s+\d+\b", r"classified\s+as", r"^\W*White\W*$", r"^Gemserv$",
        r"^Smart\s+Code$", r"^SEC$", r"\bManaged\s+by\b", r"Information\s+Policy",
        r"can\s+be\s+shared\s+with\s+the\s+public", r"^\W*$",
    ],
    "action_id_patterns": [
        r"(?P<id>\b[A-Z][A-Za-z]{1,7}\s?\d{1,3}\s?/\s?\d{1,3}[a-z]?)\b",
        r"(?P<id>\bMinute\s+\d{2,5}[a-z]?)\b",
        r"(?P<id>\bA\d{1,3}(?:\.\d{1,2})?)\b",
    ],
}


def identifier_patterns() -> list[dict[str, Any]]:
    patterns: list[dict[str, Any]] = []
    for kind, lo, hi in KINDS:
        digits = f"{DIGIT_CLASS}{{{lo},{hi}}}"
        patterns.append({"label": kind, "id": f"{kind}-joined",
                         "pattern": [{"TEXT": {"REGEX": f"^{kind}{digits}$"}}]})
        patterns.append({"label": kind, "id": f"{kind}-spaced",
                         "pattern": [{"TEXT": kind}, {"TEXT": {"REGEX": f"^{digits}$"}}]})
        look_alikes = components.PREFIX_REPAIRS.get(kind[0])
        if look_alikes:
            # ``OP111`` for ``DP111``: canonical_identifier accepts it only with clean digits
            patterns.append({"label": kind, "id": f"{kind}-misread",
                             "pattern": [{"TEXT": {"REGEX": f"^[{look_alikes}]{kind[1:]}[0-9]{{{lo},{hi}}}$"}}]})
    return patterns


def cue_patterns() -> list[dict[str, Any]]:
    patterns: list[dict[str, Any]] = [{"label": "BODY", "pattern": body} for body in BODIES]
    patterns.append({"label": "DECISION", "pattern": [{"TEXT": {"IN": DECISION_VERBS}}]})
    patterns.append({"label": "ACTION", "pattern": [{"LOWER": "action"}, {"TEXT": ":", "OP": "?"}]})
    return patterns


# OCR drops the space around punctuation: ``DP128-‘Title’``, ``DP094:‘Title’``, ``e -RECOMMENDED``
EXTRA_INFIXES = [r"(?<=[0-9])[-–—:](?=[‘“'\"`A-Za-z])", r"(?<=[-–—:])[‘“]"]
EXTRA_PREFIXES = [r"-(?=[A-Z])"]


def build(out: Path = DEFAULT_OUT) -> Language:
    nlp = spacy.blank("en")
    nlp.tokenizer.infix_finditer = compile_infix_regex(
        list(nlp.Defaults.infixes) + EXTRA_INFIXES).finditer
    nlp.tokenizer.prefix_search = compile_prefix_regex(
        list(nlp.Defaults.prefixes) + EXTRA_PREFIXES).search
    nlp.meta.update({
        "name": NAME,
        "version": VERSION,
        "description": "Rule-based extraction of SEC committee minutes: identifiers, decisions, "
                       "actions and attendees (spaCy blank('en') + rules).",
        "author": "minutes",
        "license": "MIT",
    })
    nlp.add_pipe("span_ruler", name="identifier_ruler",
                 config={"spans_key": components.IDENTIFIERS_KEY, "validate": True})
    nlp.add_pipe("minutes_identifiers")
    nlp.add_pipe("span_ruler", name="cue_ruler",
                 config={"spans_key": components.CUES_KEY, "phrase_matcher_attr": "LOWER",
                         "validate": True})
    nlp.add_pipe("minutes_segmenter")
    nlp.add_pipe("minutes_decisions")
    nlp.add_pipe("minutes_lexicon")
    nlp.get_pipe("identifier_ruler").add_patterns(identifier_patterns())
    nlp.get_pipe("cue_ruler").add_patterns(cue_patterns())
    nlp.get_pipe("minutes_decisions").initialize(
        verbs=DECISION_VERBS, rules=OUTCOME_RULES, passive_minutes=PASSIVE_MINUTES,
        not_after=NOT_AFTER, lower_verbs=LOWER_VERBS, caps_stop=CAPS_STOP,
    )
    nlp.get_pipe("minutes_lexicon").initialize(data=LEXICON)
    if out.exists():
        shutil.rmtree(out)
    nlp.to_disk(out)
    logger.info("wrote %s", out)
    return nlp


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="model directory to write")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    build(args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
