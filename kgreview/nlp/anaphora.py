"""Gaps stated about "such communities" (此类社区): code the anaphor with what it points back to.

When a sentence states a research gap and refers back ("此类社区", "such communities",
"corresponding research"), the community contexts coded in the sentence before are coded
again on the referring words, with polarity ``gap`` — so the gap sentence itself carries
evidence for the context it is about.
"""

from __future__ import annotations

import re

from kgreview.nlp.cues import Cues
from kgreview.nlp.gapcues import referring_gap_clauses

# The noun after the referring word: 此类|社区, such|communities, corresponding|empirical research.
_FOLLOWING = re.compile(r"[\u4e00-\u9fff]{1,2}|\s+[a-z\-]+(?:\s+[a-z\-]+)?")
CARRIED_CATEGORIES = frozenset({"context"})


def anaphor_spans(sentence_view: str, cues: Cues) -> list[tuple[int, int]]:
    """View spans (within the sentence) of referring words in its gap clauses."""
    spans = []
    for lo, hi in referring_gap_clauses(sentence_view, cues):
        clause = sentence_view[lo:hi]
        for m in cues.refers_back.finditer(clause):
            tail = _FOLLOWING.match(clause, m.end())
            end = tail.end() if tail else m.end()
            spans.append((lo + m.start(), lo + end))
    return spans
