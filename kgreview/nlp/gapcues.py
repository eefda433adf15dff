"""Gap statements at sentence level: research said to be missing, and gaps stated in a
sentence that refers back to the one before ("such communities", 此类社区)."""

from __future__ import annotations

from collections.abc import Iterator

from kgreview.nlp.cues import Cues


def is_gap(text: str, cues: Cues) -> bool:
    """Research said to be missing: a research subject and a lack cue in one text, or an
    expression that says so by itself ("few studies", 鲜有研究)."""
    if cues.gap_standalone.search(text):
        return True
    return bool(cues.gap_subject.search(text) and cues.gap_lack.search(text))


def carried_gap(next_text: str, cues: Cues) -> bool:
    """The next sentence states a gap about what this one named ("such communities")."""
    return any(True for _ in referring_gap_clauses(next_text, cues))


def referring_gap_clauses(text: str, cues: Cues) -> Iterator[tuple[int, int]]:
    """(start, end) of each strong clause of ``text`` that states a gap and refers back."""
    if not text or not cues.refers_back.search(text):
        return
    start = 0
    for m in [*cues.strong_break.finditer(text), None]:
        stop = m.start() if m else len(text)
        clause = text[start:stop]
        if is_gap(clause, cues) and cues.refers_back.search(clause):
            yield start, stop
        start = m.end() if m else stop
