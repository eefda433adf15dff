"""Which polarity judge reads a sentence of a transcript.

Respondents' turns are reported speech (the transcript default, `mentions`); the researcher's own
lines before the first turn ("访谈记录（节选）：南京市Q社区人民调解委员会", "Interview excerpt, …")
speak as the study, so the interview they name is the study's own (`uses`), as in any other text.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from kgreview.model import Segment, SegmentKind
from kgreview.nlp.cues import Cues
from kgreview.nlp.polarity import PolarityJudge


def sentence_judges(
    cues: Cues, is_review: bool, is_transcript: bool, segments: Sequence[Segment]
) -> Callable[[Segment], PolarityJudge]:
    """The judge for each sentence segment: the document's, except a transcript's lines outside
    its turns (only when the text was read into turns)."""
    judge = PolarityJudge(cues, is_review, is_transcript)
    turns = {s.id for s in segments if s.kind == SegmentKind.TURN}
    if not (is_transcript and turns):
        return lambda sentence: judge
    own = PolarityJudge(cues, is_review, False)
    return lambda sentence: judge if sentence.parent_id in turns else own
