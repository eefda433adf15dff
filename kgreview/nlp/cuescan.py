"""Every polarity cue list matched in one pass over a document.

Python's ``re`` tries each alternative of a long cue list at every position of a sentence, so
scanning a dozen lists was half of the tagger's time. Almost every cue starts with a literal
(研究, "few ", "this study"), so one Aho–Corasick automaton over those literal prefixes finds
the few positions where a cue can start, and only there is the cue's regex tried. Per sentence
the result equals ``re.finditer`` of the list's alternation (leftmost match, first alternative
wins, no overlaps); cues whose start cannot be reduced to literals are scanned as before.
"""

from __future__ import annotations

import bisect
import re
import re._constants as sre_c  # reads a pattern's structure; matching stays in re
import re._parser as sre_parse
from collections.abc import Iterable
from dataclasses import dataclass

import ahocorasick_rs

Spans = list[tuple[int, int]]

PREFIX_LIMIT = 4  # literal characters an anchor keeps: enough to be selective
MAX_PREFIXES = 256  # a cue that expands into more alternatives is scanned as a regex
SMALL_CLASS = 12  # [abc] with at most this many characters is expanded

# (string, complete): ``complete`` means the sub-pattern ends right after the string.
_Starts = set[tuple[str, bool]]
_ZERO_WIDTH = {sre_c.AT, sre_c.ASSERT, sre_c.ASSERT_NOT}


def _class_chars(items) -> list[str] | None:
    chars: list[str] = []
    for op, arg in items:
        if op is sre_c.LITERAL:
            chars.append(chr(arg))
        elif op is sre_c.RANGE and arg[1] - arg[0] < SMALL_CLASS:
            chars.extend(chr(c) for c in range(arg[0], arg[1] + 1))
        else:
            return None
    return chars if len(chars) <= SMALL_CLASS else None


def _item_starts(op, arg) -> _Starts | None:
    """The strings one regex element can start with, or None when they cannot be listed."""
    if op is sre_c.LITERAL:
        return {(chr(arg), True)}
    if op is sre_c.IN:
        chars = _class_chars(arg)
        return None if chars is None else {(c, True) for c in chars}
    if op in _ZERO_WIDTH:
        return {("", True)}
    if op is sre_c.SUBPATTERN:
        return _sequence_starts(arg[-1])
    if op is sre_c.BRANCH:
        found: _Starts = set()
        for branch in arg[1]:
            starts = _sequence_starts(branch)
            if starts is None:
                return None
            found |= starts
        return found
    if op in (sre_c.MAX_REPEAT, sre_c.MIN_REPEAT):
        low, high, body = arg
        starts = _sequence_starts(body)
        if starts is None:
            return None
        if high != 1:  # repeated: what follows the first repetition is not known here
            starts = {(s, False) for s, _ in starts}
        return starts | {("", True)} if low == 0 else starts
    return None


def _sequence_starts(sequence) -> _Starts | None:
    found: _Starts = {("", True)}
    for op, arg in sequence:
        if all(not done or len(s) >= PREFIX_LIMIT for s, done in found):
            break
        item = _item_starts(op, arg)
        grown: _Starts = set()
        for text, done in found:
            if not done or len(text) >= PREFIX_LIMIT:
                grown.add((text[:PREFIX_LIMIT], False))
            elif item is None:
                grown.add((text, False))  # stop here: the prefix so far still holds
            else:
                for more, more_done in item:
                    joined = text + more
                    grown.add((joined[:PREFIX_LIMIT], more_done and len(joined) <= PREFIX_LIMIT))
        found = grown
        if len(found) > MAX_PREFIXES:
            return None
    return found


def literal_prefixes(pattern: str) -> set[str] | None:
    """Strings one of which starts every match of ``pattern``; None if there are none short
    of the empty string (the cue must then be scanned as a regex)."""
    starts = _sequence_starts(sre_parse.parse(pattern))
    if starts is None or any(not text for text, _ in starts):
        return None
    return {text for text, _ in starts}


@dataclass(frozen=True, slots=True)
class _Cue:
    rule: int
    order: int
    regex: re.Pattern[str]


class CueScanner:
    """Cue lists (rule name → patterns, in priority order) matched in one automaton pass."""

    def __init__(self, rules: dict[str, Iterable[str]]) -> None:
        self.rules = list(rules)
        self.rule_index = {name: r for r, name in enumerate(self.rules)}
        # "section_*" rules are read once per document (sections.py), never per sentence
        self.sentence_rules = [
            (r, n) for r, n in enumerate(self.rules) if not n.startswith("section_")
        ]
        self._cues: list[_Cue] = []
        self._scanned: list[list[_Cue]] = [[] for _ in self.rules]  # no literal start
        by_prefix: dict[str, list[int]] = {}
        for r, patterns in enumerate(rules.values()):
            for order, pattern in enumerate(patterns):
                cue = _Cue(r, order, re.compile(pattern))
                prefixes = literal_prefixes(pattern)
                if prefixes is None:
                    self._scanned[r].append(cue)
                    continue
                self._cues.append(cue)
                for prefix in prefixes:
                    by_prefix.setdefault(prefix, []).append(len(self._cues) - 1)
        self._prefixes = list(by_prefix)
        self._prefix_cues = [by_prefix[p] for p in self._prefixes]
        self._automaton = ahocorasick_rs.AhoCorasick(
            self._prefixes or ["\x00"], matchkind=ahocorasick_rs.MATCHKIND_STANDARD
        )

    def scan(self, text: str) -> DocumentCues:
        """Where each rule's cues may start in ``text`` (resolved per sentence later)."""
        starts: list[list[tuple[int, int, int]]] = [[] for _ in self.rules]
        if self._prefixes:
            for index, i, _ in self._automaton.find_matches_as_indexes(text, overlapping=True):
                for c in self._prefix_cues[index]:
                    cue = self._cues[c]
                    starts[cue.rule].append((i, cue.order, c))
        for rule_starts in starts:
            rule_starts.sort()
        return DocumentCues(self, text, starts)


class DocumentCues:
    """One document's candidate cue positions; :meth:`spans` resolves them for a sentence."""

    def __init__(self, scanner: CueScanner, text: str, starts) -> None:
        self.scanner, self.text, self._starts = scanner, text, starts
        self._positions = [[s[0] for s in rule] for rule in starts]

    def sentence_spans(self, lo: int, hi: int) -> dict[str, Spans]:
        """Every rule's matches inside the sentence ``text[lo:hi]`` (rules without one left
        out), as :meth:`spans` gives them."""
        found: dict[str, Spans] = {}
        scanned = self.scanner._scanned
        for r, name in self.scanner.sentence_rules:
            positions = self._positions[r]
            first = bisect.bisect_left(positions, lo)
            if (first < len(positions) and positions[first] < hi) or scanned[r]:
                spans = self.spans(name, lo, hi)
                if spans:
                    found[name] = spans
        return found

    def first(self, rule: str, lo: int, hi: int) -> int | None:
        """Where the first match of ``rule`` in ``text[lo:hi]`` starts (relative to ``lo``),
        without resolving the rest; rules with regex-scanned cues fall back to :meth:`spans`."""
        r = self.scanner.rule_index[rule]
        if self.scanner._scanned[r]:
            found = self.spans(rule, lo, hi)
            return found[0][0] if found else None
        starts, positions = self._starts[r], self._positions[r]
        for i, _, c in starts[bisect.bisect_left(positions, lo) :]:
            if i >= hi:
                break
            m = self.scanner._cues[c].regex.match(self.text, i, hi)
            if m and m.end() > i:
                return i - lo
        return None

    def spans(self, rule: str, lo: int, hi: int) -> Spans:
        """Matches of ``rule`` inside the sentence ``text[lo:hi]``, relative to ``lo``, as
        ``re.finditer`` over that sentence alone would give them."""
        r = self.scanner.rule_index[rule]
        text, starts, positions = self.text, self._starts[r], self._positions[r]
        first = bisect.bisect_left(positions, lo)
        candidates = starts[first : bisect.bisect_left(positions, hi, first)]
        if not candidates and not self.scanner._scanned[r]:
            return []
        extra = []
        for cue in self.scanner._scanned[r]:
            extra += [(m.start() + lo, cue.order, cue) for m in cue.regex.finditer(text[lo:hi])]
        if extra:
            candidates = sorted(
                [(i, order, self.scanner._cues[c]) for i, order, c in candidates] + extra
            )
        else:
            candidates = [(i, order, self.scanner._cues[c]) for i, order, c in candidates]
        found: Spans = []
        last_end = lo
        for i, _, cue in candidates:
            if i >= hi:
                break
            if i < last_end:
                continue
            m = cue.regex.match(text, i, hi)
            if m and m.end() > i:
                found.append((i - lo, m.end() - lo))
                last_end = m.end()
        return found
