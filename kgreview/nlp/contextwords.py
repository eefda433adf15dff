"""Codes allowed only in a text that holds one of their context words (``requires_context``
in the codebook), found with one automaton pass instead of a substring search per word."""

from __future__ import annotations

from collections.abc import Iterable

import ahocorasick_rs


class ContextWords:
    """The codebook's context words; :meth:`codes_in` gives the codes a text allows."""

    def __init__(self, codes: Iterable) -> None:
        by_word: dict[str, list[str]] = {}
        for entry in codes:
            for word in entry.requires_context:
                by_word.setdefault(word.lower(), []).append(entry.id)
        self._always = frozenset(by_word.pop("", ()))  # "" is in every text
        self._words = list(by_word)
        self._codes = [by_word[w] for w in self._words]
        self._automaton = ahocorasick_rs.AhoCorasick(
            self._words or ["\x00"], matchkind=ahocorasick_rs.MATCHKIND_STANDARD
        )

    def codes_in(self, text: str) -> frozenset[str]:
        """Codes with a context word in ``text`` (``any(w in text ...)`` for each code)."""
        if not self._words:
            return self._always
        hits = self._automaton.find_matches_as_indexes(text, overlapping=True)
        return self._always.union(*(self._codes[index] for index, _, _ in hits))
