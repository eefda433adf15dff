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


class PolarityJudge:
    """Decides polarities for one document, remembering each clause's verdict (a sentence
    with several codes is judged once per clause, not once per code)."""

    def __init__(self, cues: Cues, is_review: bool) -> None:
        self.cues, self.is_review = cues, is_review
        self.default = Polarity(cues.default_review if is_review else cues.default_other)
        self._verdicts: dict[str, Polarity | None] = {}
        self._carried: dict[str, bool] = {}

    def _rule(self, text: str) -> Polarity | None:
        if text not in self._verdicts:
            self._verdicts[text] = rule_polarity(text, self.cues, self.is_review)
        return self._verdicts[text]

    def __call__(self, sentence: SentenceContext, i: int, j: int) -> Polarity:
        """Polarity of a coding at ``[i, j)`` within ``sentence.text``."""
        cues = self.cues
        lo, hi = _clause(sentence.text, i, j, cues.strong_break)
        strong_text = sentence.text[lo:hi]
        w_lo, w_hi = _clause(strong_text, i - lo, j - lo, cues.weak_break)
        for scope in (strong_text[w_lo:w_hi], strong_text):
            found = self._rule(scope)
            if found:
                return found
        nxt = sentence.next_text
        if nxt not in self._carried:
            self._carried[nxt] = carried_gap(nxt, cues)
        if self._carried[nxt]:
            return Polarity.GAP
        return self._rule(sentence.text) or self.default


def polarity(
    sentence: SentenceContext, i: int, j: int, cues: Cues, is_review: bool = False
) -> Polarity:
    """Polarity of a coding at ``[i, j)`` within ``sentence.text`` (one-off; see PolarityJudge)."""
    return PolarityJudge(cues, is_review)(sentence, i, j)
