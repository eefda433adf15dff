"""Whether a document's title is a heading, so that its words may say what genre the text is.

A text pasted without a heading gets its first sentence as title (kgreview/ingest/text.py),
and that sentence is prose: "本文在梳理相关文献的基础上，采用深度访谈法…" names a review's and an
interview's words, yet the text is neither a review nor interview notes. Title cues
(``review_title``, ``transcript_title`` in schemas/cues.yaml) read headings only.
"""

from __future__ import annotations

import re

HEADING_MAX = 200  # characters: longer "titles" are a text's opening prose
CLAUSES_MAX = 1  # Chinese commas a heading holds at most ("社区治理：回顾与展望，兼论…")
# a sentence's end: Chinese full stops, or an English full stop after a lower-case word
_PROSE_END = re.compile(r"(?:[。！？]|(?<=[a-z\u4e00-\u9fff)）])\.)\s*$")


def heading(title: str) -> str:
    """``title`` when it reads as a heading; "" when it is prose (a sentence, or clauses)."""
    title = title.strip()
    prose = len(title) > HEADING_MAX or "。" in title or title.count("，") > CLAUSES_MAX
    return "" if prose or _PROSE_END.search(title) else title
