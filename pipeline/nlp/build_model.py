"""Build the versioned spaCy pipeline ``models/minutes_nlp`` from ``spacy.blank("en")``.

The domain vocabulary is data, and its one home is the model directory itself:

- ``minutes_lexicon/lexicon.json``: committees, constituencies, attendee categories, table
  headers, furniture, action-id shapes, identifier kinds, the OCR confusions identifiers, ids
  and dates tolerate (``ocr_confusions``), decision bodies, core parties, and the words other
  committees' attendance lists use (``attendance_labels``, ``offices``, ``person_titles``,
  ``name_particles``, ``organisation_words``, ``heading_words``);
- ``minutes_decisions/cues.json`` and ``outcomes.jsonl``: decision words and outcome rules
  (the last rule gives ``other``: a decision no other outcome fits).

Edit those files. The rulers' patterns (``identifier_ruler/patterns``, ``cue_ruler/patterns``)
are derived from them, as are the tokenizer and config: after an edit that touches identifier
kinds or bodies, run ``python -m pipeline.nlp.build_model`` to rebuild the directory in place
(it reads the data files first, so nothing is lost) and commit it.
"""

from __future__ import annotations

import argparse
import logging
import re
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
    """Token patterns for every identifier kind, OCR's look-alikes and stray marks included.

    ``DP094``, ``DP 094``, ``DP.094``, ``DP. 094``, ``DPO94``, ``OP094``: the ruler finds the
    shape; ``minutes_identifiers`` decides what it reads as and how sure that is.
    """
    conf = lexicon["ocr_confusions"]
    digit_class = "[0-9" + "".join(re.escape(c) for c in conf["digits"]) + "]"
    stray = "[" + "".join(re.escape(c) for c in conf["stray"]) + "]"

    def letter(ch: str) -> str:
        alikes = conf["letters"].get(ch, "")
        return f"[{re.escape(ch)}{''.join(re.escape(c) for c in alikes)}]" if alikes else re.escape(ch)

    def spellings(kind: str) -> list[str]:
        """The prefix as written and with one look-alike letter (``DP``, ``OP``, ``0P``)."""
        out = [kind]
        for i, ch in enumerate(kind):
            out += [kind[:i] + alike + kind[i + 1 :] for alike in conf["letters"].get(ch, "")]
        return out

    patterns: list[dict[str, Any]] = []
    for spec in lexicon["identifier_kinds"]:
        kind, lo, hi = spec["kind"], spec["min_digits"], spec["max_digits"]
        prefix = "".join(letter(ch) for ch in kind)
        digits = f"{digit_class}{{{lo},{hi}}}"
        patterns.append({"label": kind, "id": f"{kind}-joined",
                         "pattern": [{"TEXT": {"REGEX": f"^{prefix}{stray}?{digits}$"}}]})
        patterns.append({"label": kind, "id": f"{kind}-spaced",
                         "pattern": [{"TEXT": {"IN": spellings(kind)}},
                                     {"TEXT": {"IN": list(conf["stray"])}, "OP": "?"},
                                     {"TEXT": {"REGEX": f"^{digits}$"}}]})
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
    # loaded into an empty tokenizer, not one first built from English's defaults (components.py)
    nlp.config["nlp"]["tokenizer"] = {"@tokenizers": "minutes.Tokenizer.v1"}
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
