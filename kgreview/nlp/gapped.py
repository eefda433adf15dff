"""Gapped Chinese forms: a codebook form written ``拓宽…渠道`` matches 拓宽 and 渠道 with a few
characters between them in one clause (拓宽租户参与公共事务的渠道, 社会组织的力量依然薄弱).
Chinese writers put modifiers inside a fixed phrase; a literal form cannot follow them.

They are weaker evidence than a literal form: the tagger takes them only where neither part
overlaps a literal match, so a term inside the gap, or a longer term holding a part, keeps
its own code.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

import ahocorasick_rs

from kgreview.nlp.normalize import normalise

GAP = "…"
MAX_GAP = 12  # characters between the parts: a modifier, not a second clause
_CLAUSE_BREAK = re.compile(r"[，。；：！？、,.;:!?\n“”\"（）()]")


def is_gapped(form: str) -> bool:
    """Whether a codebook form has a gap (``head…tail``)."""
    return GAP in form


class GappedForms:
    """The codebook's gapped forms; :meth:`find` gives their matches in a text."""

    def __init__(
        self, forms: Iterable[tuple[str, str]], joined: Iterable[tuple[str, str, str, str]] = ()
    ) -> None:
        """``forms``: (head…tail, code); ``joined``: (head, joiner, tail, code) whose gap must be
        exactly the joiner (参与|的|意愿)."""
        parts: dict[tuple[str, str, str], str] = {}
        for form, code in forms:
            head, _, tail = (normalise(p).text.strip() for p in form.partition(GAP))
            if head and tail:
                parts.setdefault((head, tail, ""), code)
        for head, joiner, tail, code in joined:
            parts.setdefault((head, tail, joiner), code)
        self.parts = list(parts)
        self.codes = [parts[p] for p in self.parts]
        heads = [head for head, _, _ in self.parts] or ["\x00"]
        self._automaton = ahocorasick_rs.AhoCorasick(
            heads, matchkind=ahocorasick_rs.MATCHKIND_STANDARD
        )

    def find(self, view: str) -> Iterator[tuple[int, int, int, int, int]]:
        """(form index, start, head end, tail start, end) for each head followed, within
        MAX_GAP characters of one clause, by its tail."""
        if not self.parts:
            return
        for index, i, j in self._automaton.find_matches_as_indexes(view, overlapping=True):
            _, tail, joiner = self.parts[index]
            if joiner:
                if view.startswith(joiner + tail, j):
                    yield index, i, j, j + len(joiner), j + len(joiner) + len(tail)
                continue
            window = view[j : j + MAX_GAP + len(tail)]
            k = window.find(tail)
            if k > 0 and not _CLAUSE_BREAK.search(window, 0, k):
                yield index, i, j, j + k, j + k + len(tail)
