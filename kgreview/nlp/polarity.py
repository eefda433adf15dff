"""How a sentence relates to a code it names: uses, recommends, mentions, negated, gap or
limitation — decided from cues in the coding's clause (``schemas/cues.yaml``).

Scope widens step by step: the comma clause, then the clause between strong breaks
(; : but 但), then a gap carried back from the next sentence when that one refers back
("such communities", 此类社区), then the whole sentence, then the document default.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kgreview.model import Polarity
from kgreview.nlp.cues import Cues


def _clause(text: str, i: int, j: int, breaks: re.Pattern[str]) -> tuple[int, int]:
    """The span of ``text`` between the nearest breaks around ``[i, j)``."""
    start, end = 0, len(text)
    for m in breaks.finditer(text):
        if m.end() <= i:
            start = m.end()
        elif m.start() >= j:
            end = m.start()
            break
    return start, end


def is_gap(text: str, cues: Cues) -> bool:
    """Research said to be missing: a research subject and a lack cue in one text."""
    return bool(cues.gap_subject.search(text) and cues.gap_lack.search(text))


def rule_polarity(text: str, cues: Cues, is_review: bool = False) -> Polarity | None:
    """The first polarity rule whose cues occur in ``text``, or None."""
    if cues.limitation.search(text):
        return Polarity.LIMITATION
    reported = cues.attribution.search(text)
    if reported and not cues.uses.search(text[: reported.start()]):  # not "本文提出…"
        # "X believes that <claim>": a gap only if the claim itself is about missing research.
        return Polarity.GAP if is_gap(text[reported.end() :], cues) else Polarity.MENTIONS
    if is_gap(text, cues):
        return Polarity.GAP
    if cues.negated.search(text):
        return Polarity.NEGATED
    if cues.recommends.search(text):
        return Polarity.RECOMMENDS
    if cues.mentions.search(text):
        return Polarity.MENTIONS
    if cues.uses.search(text) or (not is_review and cues.uses_actions.search(text)):
        return Polarity.USES
    return None


@dataclass(frozen=True, slots=True)
class SentenceContext:
    """One sentence of the normalised view, and the one after it (for carried gaps)."""

    text: str
    next_text: str = ""


def carried_gap(next_text: str, cues: Cues) -> bool:
    """The next sentence states a gap about what this one named ("such communities")."""
    if not next_text or not cues.refers_back.search(next_text):
        return False
    start = 0
    for m in [*cues.strong_break.finditer(next_text), None]:
        stop = m.start() if m else len(next_text)
        clause = next_text[start:stop]
        if is_gap(clause, cues) and cues.refers_back.search(clause):
            return True
        start = m.end() if m else stop
    return False


def polarity(
    sentence: SentenceContext, i: int, j: int, cues: Cues, is_review: bool = False
) -> Polarity:
    """Polarity of a coding at ``[i, j)`` within ``sentence.text``."""
    strong = _clause(sentence.text, i, j, cues.strong_break)
    strong_text = sentence.text[strong[0] : strong[1]]
    weak = _clause(strong_text, i - strong[0], j - strong[0], cues.weak_break)
    for scope in (strong_text[weak[0] : weak[1]], strong_text):
        found = rule_polarity(scope, cues, is_review)
        if found:
            return found
    if carried_gap(sentence.next_text, cues):
        return Polarity.GAP
    default = cues.default_review if is_review else cues.default_other
    return rule_polarity(sentence.text, cues, is_review) or Polarity(default)
