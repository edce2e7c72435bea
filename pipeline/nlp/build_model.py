"""Build the versioned spaCy pipeline ``models/minutes_nlp`` from ``spacy.blank("en")``.

The domain vocabulary is data, and its one home is the model directory itself:

- ``minutes_lexicon/lexicon.json``: committees, constituencies, attendee categories, table
  headers, furniture, action-id shapes, identifier kinds, decision bodies, core parties;
- ``minutes_decisions/cues.json`` and ``outcomes.jsonl``: decision words and outcome rules.

Edit those files. The rulers' patterns (``identifier_ruler/patterns``, ``cue_ruler/patterns``)
are derived from them, as are the tokenizer and config: after an edit that touches identifier
kinds or bodies, run ``python -m pipeline.nlp.build_model`` to rebuild the directory in place
(it reads the data files first, so nothing is lost) and commit it.
"""

from __future__ import annotations

import argparse
import logging
import shutil
from pathlib import Path
from typing import Any

import spacy
import srsly
from spacy.language import Language
from spacy.util import compile_infix_regex, compile_prefix_regex

from pipeline import MODEL_PATH
from pipeline.nlp import components  # noqa: F401  (registers the factories)

logger = logging.getLogger(__name__)

NAME = "minutes_nlp"
VERSION = "0.1.0"
DEFAULT_OUT = MODEL_PATH  # models/minutes_nlp in the checkout

def identifier_patterns(lexicon: dict[str, Any]) -> list[dict[str, Any]]:
    patterns: list[dict[str, Any]] = []
    digit_class = lexicon["identifier_digit_class"]
    for spec in lexicon["identifier_kinds"]:
        kind, lo, hi = spec["kind"], spec["min_digits"], spec["max_digits"]
        digits = f"{digit_class}{{{lo},{hi}}}"
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


def cue_patterns(lexicon: dict[str, Any], verbs: list[str]) -> list[dict[str, Any]]:
    patterns: list[dict[str, Any]] = [{"label": "BODY", "pattern": body} for body in lexicon["bodies"]]
    patterns.append({"label": "DECISION", "pattern": [{"TEXT": {"IN": verbs}}]})
    patterns.append({"label": "ACTION", "pattern": [{"LOWER": "action"}, {"TEXT": ":", "OP": "?"}]})
    return patterns


# OCR drops the space around punctuation: ``DP128-‘Title’``, ``DP094:‘Title’``, ``e -RECOMMENDED``
EXTRA_INFIXES = [r"(?<=[0-9])[-–—:](?=[‘“'\"`A-Za-z])", r"(?<=[-–—:])[‘“]"]
EXTRA_PREFIXES = [r"-(?=[A-Z])"]


def read_sources(source: Path) -> tuple[dict[str, Any], dict[str, Any], list[dict[str, Any]]]:
    """The vocabulary files of a model directory: lexicon, decision cues, outcome rules."""
    lexicon = srsly.read_json(source / "minutes_lexicon" / "lexicon.json")
    cues = srsly.read_json(source / "minutes_decisions" / "cues.json")
    rules = list(srsly.read_jsonl(source / "minutes_decisions" / "outcomes.jsonl"))
    return lexicon, cues, rules


def build(out: Path = DEFAULT_OUT, *, source: Path | None = None) -> Language:
    """Rebuild the pipeline in ``out`` from the vocabulary files in ``source`` (default: ``out``)."""
    lexicon, cues, rules = read_sources(source or out)
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
    nlp.get_pipe("identifier_ruler").add_patterns(identifier_patterns(lexicon))
    nlp.get_pipe("cue_ruler").add_patterns(cue_patterns(lexicon, cues["verbs"]))
    nlp.get_pipe("minutes_decisions").initialize(
        verbs=cues["verbs"], rules=rules, passive_minutes=cues["passive_minutes"],
        not_after=cues["not_after"], lower_verbs=cues["lower_verbs"], caps_stop=cues["caps_stop"],
    )
    nlp.get_pipe("minutes_lexicon").initialize(data=lexicon)
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
