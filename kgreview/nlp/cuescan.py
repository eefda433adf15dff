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

from kgreview.nlp.regexinfo import context_free, required_literal

Spans = list[tuple[int, int]]
BREAK_RULE = "strong_break"  # the strong clause break pattern, scanned with the cues

# Literal characters an anchor keeps. Longer anchors are exact too (every match still starts
# with one) and more selective: at 8, half as many candidate starts as at 4, so fewer regex tries.
PREFIX_LIMIT = 8
MAX_PREFIXES = 1024  # a cue that expands into more alternatives is scanned as a regex
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
        self.sentence_rule_names = frozenset(n for _, n in self.sentence_rules)
        self._cues: list[_Cue] = []
        self._scanned: list[list[int]] = [[] for _ in self.rules]  # cues with no literal start
        self._needs: dict[int, str | None] = {}  # a scanned cue's required literal
        rules = {name: list(patterns) for name, patterns in rules.items()}
        self._context_free = [all(map(context_free, ps)) for ps in rules.values()]
        by_prefix: dict[str, list[int]] = {}
        for r, patterns in enumerate(rules.values()):
            for order, pattern in enumerate(patterns):
                cue = _Cue(r, order, re.compile(pattern))
                prefixes = literal_prefixes(pattern)
                self._cues.append(cue)
                if prefixes is None:
                    self._scanned[r].append(len(self._cues) - 1)
                    self._needs[len(self._cues) - 1] = required_literal(pattern)
                    continue
                for prefix in prefixes:
                    by_prefix.setdefault(prefix, []).append(len(self._cues) - 1)
        self._prefixes = list(by_prefix)
        self._prefix_cues = [by_prefix[p] for p in self._prefixes]
        # Per prefix, its cues' (rule, order, cue) entries, so a hit costs no lookups.
        self._prefix_entries = [
            tuple((self._cues[c].rule, self._cues[c].order, c) for c in cues)
            for cues in self._prefix_cues
        ]
        self._automaton = ahocorasick_rs.AhoCorasick(
            self._prefixes or ["\x00"], matchkind=ahocorasick_rs.MATCHKIND_STANDARD
        )

    def scan(self, text: str) -> DocumentCues:
        """Where each rule's cues may start in ``text`` (resolved per sentence later)."""
        merged: list[tuple[int, int, int, int]] = []  # (start, rule, order, cue), all rules
        if self._prefixes:
            entries, add = self._prefix_entries, merged.append
            for index, i, _ in self._automaton.find_matches_as_indexes(text, overlapping=True):
                for rule, order, c in entries[index]:
                    add((i, rule, order, c))
        merged.sort()
        return DocumentCues(self, text, merged)


class DocumentCues:
    """One document's candidate cue positions; :meth:`spans` resolves them for a sentence."""

    def __init__(self, scanner: CueScanner, text: str, merged) -> None:
        self.scanner, self.text = scanner, text
        # Sorted by (start, rule, order, cue): per rule, the order re.finditer tries them in.
        self._merged = merged
        self._merged_positions = [m[0] for m in merged]
        self._per_rule: list[list[tuple[int, int, int]]] | None = None
        self._sentences: dict[tuple[int, int], dict[str, Spans]] = {}

    def exact_from(self, lo: int, rule: str) -> bool:
        """Whether ``rule``'s spans in a sentence starting at ``lo`` equal ``re.finditer`` over
        that sentence alone: its patterns are :func:`context_free` and no word character
        precedes ``lo`` (the other cue lists keep their established behaviour)."""
        r = self.scanner.rule_index.get(rule)
        if r is None or not self.scanner._context_free[r]:
            return False
        before = self.text[lo - 1] if lo else " "
        return not (before.isalnum() or before == "_")

    def _rule_starts(self, r: int) -> tuple[list[tuple[int, int, int]], list[int]]:
        if self._per_rule is None:
            per_rule: list[list[tuple[int, int, int]]] = [[] for _ in self.scanner.rules]
            for i, rule, order, c in self._merged:
                per_rule[rule].append((i, order, c))
            self._per_rule = per_rule
            self._positions = [[s[0] for s in rule] for rule in per_rule]
        return self._per_rule[r], self._positions[r]

    def sentence_spans(self, lo: int, hi: int) -> dict[str, Spans]:
        """Every rule's matches inside the sentence ``text[lo:hi]`` (rules without one left
        out), as :meth:`spans` gives them; one slice of the document's candidates for all
        rules, remembered per sentence."""
        key = (lo, hi)
        found = self._sentences.get(key)
        if found is not None:
            return found
        positions = self._merged_positions
        first = bisect.bisect_left(positions, lo)
        last = bisect.bisect_left(positions, hi, first)
        by_rule: dict[int, list[tuple[int, int, int]]] = {}
        for i, rule, order, c in self._merged[first:last]:
            group = by_rule.get(rule)
            if group is None:
                group = by_rule[rule] = []
            group.append((i, order, c))
        scanner = self.scanner
        found = {}
        for r, name in scanner.sentence_rules:
            candidates = by_rule.get(r)
            if candidates is None and not scanner._scanned[r]:
                continue
            spans = self._resolve(r, candidates or [], lo, hi)
            if spans:
                found[name] = spans
        self._sentences[key] = found
        return found

    def first(self, rule: str, lo: int, hi: int) -> int | None:
        """Where the first match of ``rule`` in ``text[lo:hi]`` starts (relative to ``lo``),
        without resolving the rest; rules with regex-scanned cues fall back to :meth:`spans`."""
        r = self.scanner.rule_index[rule]
        if self.scanner._scanned[r]:
            found = self.spans(rule, lo, hi)
            return found[0][0] if found else None
        starts, positions = self._rule_starts(r)
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
        known = self._sentences.get((lo, hi))
        if known is not None and rule in self.scanner.sentence_rule_names:
            return list(known.get(rule, ()))
        r = self.scanner.rule_index[rule]
        starts, positions = self._rule_starts(r)
        first = bisect.bisect_left(positions, lo)
        candidates = starts[first : bisect.bisect_left(positions, hi, first)]
        if not candidates and not self.scanner._scanned[r]:
            return []
        return self._resolve(r, candidates, lo, hi)

    def _resolve(self, r: int, candidates: list[tuple[int, int, int]], lo: int, hi: int) -> Spans:
        """Leftmost, first-alternative, non-overlapping matches among ``candidates`` (start,
        order, cue index, sorted) of rule ``r`` in ``[lo, hi)``, plus its regex-scanned cues."""
        text, cues = self.text, self.scanner._cues
        scanned = self.scanner._scanned[r]
        if scanned:
            extra = []
            for c in scanned:
                need = self.scanner._needs[c]
                if need is not None and text.find(need, lo, hi) < 0:
                    continue  # the sentence lacks a literal every match holds
                order, regex = cues[c].order, cues[c].regex
                extra += [(m.start() + lo, order, c) for m in regex.finditer(text[lo:hi])]
            if extra:
                candidates = sorted(candidates + extra)
        found: Spans = []
        last_end = lo
        for i, _, c in candidates:
            if i >= hi:
                break
            if i < last_end:
                continue
            m = cues[c].regex.match(text, i, hi)
            if m and m.end() > i:
                found.append((i - lo, m.end() - lo))
                last_end = m.end()
        return found


def break_spans(sentence, spans: dict[str, Spans], kind: str, pattern: re.Pattern[str]) -> Spans:
    """Clause breaks of ``kind`` in ``sentence.text`` (a polarity SentenceContext): the strong
    ones come with the sentence's cue ``spans`` where that is exact (see
    :meth:`DocumentCues.exact_from`), else ``pattern`` runs over the sentence."""
    document, start = sentence.document, sentence.start
    if kind == "strong" and document is not None and document.exact_from(start, BREAK_RULE):
        return spans.get(BREAK_RULE, [])
    return [m.span() for m in pattern.finditer(sentence.text)]
