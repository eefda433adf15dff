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
        # One pattern per distinct head (社区 heads 22 forms): a hit tries that head's tails.
        by_head: dict[str, list[tuple[int, str, str]]] = {}
        for index, (head, tail, joiner) in enumerate(self.parts):
            by_head.setdefault(head, []).append((index, tail, joiner))
        self._heads = list(by_head) or ["\x00"]
        # Per head its tails (position in the head's list, form index, tail) and, apart, its
        # joined forms keyed by their first character: a head (社区) has hundreds of joined
        # forms, and trying each at every hit was most of this scan's time.
        self._plain: list[list[tuple[int, int, str]]] = []
        self._joined: list[dict[str, list[tuple[int, int, int, str]]]] = []
        for head in self._heads:
            plain, joined = [], {}
            for pos, (index, tail, joiner) in enumerate(by_head.get(head, [])):
                if joiner:
                    text = joiner + tail
                    joined.setdefault(text[0], []).append((pos, index, len(joiner), text))
                else:
                    plain.append((pos, index, tail))
            self._plain.append(plain)
            self._joined.append(joined)
        self._automaton = ahocorasick_rs.AhoCorasick(
            self._heads, matchkind=ahocorasick_rs.MATCHKIND_STANDARD
        )
        self._longest = max((len(t) + len(j) for _, t, j in self.parts), default=0)

    def find(self, view: str) -> Iterator[tuple[int, int, int, int, int]]:
        """(form index, start, head end, tail start, end) for each head followed, within
        MAX_GAP characters of one clause, by its tail."""
        if not self.parts:
            return
        for which, i, j in self._automaton.find_matches_as_indexes(view, overlapping=True):
            here = []  # (position in the head's list, index, tail start, end): yielded in order
            for pos, index, n, text in self._joined[which].get(view[j : j + 1], ()):
                if view.startswith(text, j):  # the gap is exactly the joiner
                    here.append((pos, index, j + n, j + len(text)))
            plain = self._plain[which]
            if plain:
                window = view[j : j + MAX_GAP + self._longest]
                found = _CLAUSE_BREAK.search(window)
                cut = found.start() if found else len(window)  # a tail must start before it
                for pos, index, tail in plain:
                    k = window.find(tail, 0, MAX_GAP + len(tail))
                    if 0 <= k <= cut:  # 参与停留在: the parts may also touch
                        here.append((pos, index, j + k, j + k + len(tail)))
            here.sort()
            for _, index, t, end in here:
                yield index, i, j, t, end
