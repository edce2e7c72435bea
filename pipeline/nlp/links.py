"""Facts that tie rows across meetings, found at extraction time so the audit only queries.

- :func:`conversions`: the DP -> MP conversions a sentence states ("convert DP094 into MP100",
  "DP094 ... now MP100", "MP100 ... originated as DP094", or "converted to MP100" under a DP
  item), as ``DP094>MP100`` pairs.
- :func:`closures`: what a decision does to earlier action items: the status word
  (``superseded``, ``closed``, ``done``), the action ids it names (ranges such as
  ``CSC 14/01–02`` expanded) and how many it ends without naming them ("close the action": 1,
  "both actions": 2, "all actions": -1).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_DP_MP = [
    re.compile(r"\bconvert(?:ed|ing|s)?\s+(?P<dp>DP\d+)\s+(?:in)?to\s+(?:an?\s+)?(?:Modification\s+Proposal\s+)?(?P<mp>(?:SEC)?MP\d+)", re.I),
    re.compile(r"\b(?P<dp>DP\d+)\b[^.;]*?\b(?:converted\s+(?:in)?to|became|becomes|is\s+now|now)\s+(?P<mp>(?:SEC)?MP\d+)", re.I),
    re.compile(r"\b(?P<mp>(?:SEC)?MP\d+)\b[^.;]*?\b(?:originated|originating|raised)\s+as\s+(?P<dp>DP\d+)", re.I),
]
# "converted to MP100" / "now MP100" in a row whose own identifier is the DP
_TO_MP = re.compile(r"\b(?:convert(?:ed|ing|s)?\s+(?:in)?to|now)\s+(?P<mp>(?:SEC)?MP\d+)", re.I)

_ACTION_RANGE = re.compile(r"\b([A-Z]{2,})\s*(\d+)/(\d+)\s*[-–]\s*(\d+)\b")
# the shapes an action id takes when a later decision names it: CSC 14/01, OPSG 31/02, Minute 5506
_ACTION_REF = re.compile(r"(?<![\w/])(?:[A-Z]{2,8}\s*\d{1,3}\s*/\s*\d{1,3}|Minute\s+\d{3,5})(?![\w/])")
_UNNAMED_CLOSE = re.compile(
    r"\bclos(?:e|ed|ing)\s+(?:(?P<one>the|this|that)\s+action\b|(?P<two>both|the\s+two)\s+actions\b"
    r"|(?P<all>all(?:\s+the)?(?:\s+(?:outstanding|open|remaining))?)\s+actions\b)", re.I)
_ACTION_STATUS = [
    ("superseded", re.compile(r"\bsupersed\w*|\breplaced\s+by\b|\bno\s+longer\s+(?:required|needed)\b", re.I)),
    ("closed", re.compile(r"\bclos(?:e|ed|es|ing|ure)\b", re.I)),
    ("done", re.compile(r"\b(?:complete|completed|done|delivered)\b", re.I)),
]


def kind_of(identifier: str) -> str:
    return re.sub(r"\d.*", "", identifier.upper())


def conversions(text: str, own_identifier: str | None = None) -> str | None:
    """``DP094>MP100`` pairs (``; ``-joined) the text states, or None."""
    pairs = [(m["dp"].upper(), m["mp"].upper()) for rx in _DP_MP for m in rx.finditer(text)]
    own = (own_identifier or "").upper()
    if kind_of(own) == "DP":
        pairs += [(own, m["mp"].upper()) for m in _TO_MP.finditer(text)]
    found = list(dict.fromkeys(f"{dp}>{mp}" for dp, mp in pairs))
    return "; ".join(found) or None


def expand_ranges(text: str) -> str:
    """``CSC 14/01–02`` -> ``CSC 14/01 CSC 14/02`` so each id can be found by name."""
    def expand(m: re.Match[str]) -> str:
        prefix, meeting, first, last = m.group(1), m.group(2), int(m.group(3)), int(m.group(4))
        if not 0 <= last - first <= 20:
            return m.group(0)
        width = len(m.group(3))
        return " ".join(f"{prefix} {meeting}/{n:0{width}d}" for n in range(first, last + 1))
    return _ACTION_RANGE.sub(expand, text)


@dataclass(frozen=True)
class Closure:
    status: str  # superseded | closed | done
    named: tuple[str, ...]  # action ids named, spaces normalised (``CSC 14/01``)
    unnamed: int  # 1, 2, -1 for all, 0 for none


def closures(text: str, outcome: str | None) -> Closure | None:
    """What the decision ``text`` does to earlier actions, or None when it ends none."""
    text = expand_ranges(text)
    status = next((s for s, rx in _ACTION_STATUS
                   if rx.search(text) or (s == "closed" and (outcome or "") == "closed")), None)
    if status is None:
        return None
    named = tuple(dict.fromkeys(re.sub(r"\s*/\s*", "/", re.sub(r"\s+", " ", m.group(0)))
                                for m in _ACTION_REF.finditer(text)))
    m = _UNNAMED_CLOSE.search(text)
    unnamed = 0 if m is None else 1 if m["one"] else 2 if m["two"] else -1
    return Closure(status, named, unnamed)
