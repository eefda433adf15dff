"""Anonymising exports: participant names and named places become pseudonyms, and every span
is recomputed so codings still point at the right words.

Pure functions over plain values and the model's dataclasses: :func:`pseudonyms` assigns one
pseudonym per name (the same name gets the same pseudonym across the whole export), and
:func:`anonymise_text` replaces the names in one text and returns an :class:`OffsetMap` that
carries any ``[start, end)`` of the original text to the anonymised one. A span that starts
or ends inside a replaced name grows to cover the whole pseudonym, so
``new_text[start:end]`` is always the span's evidence in the anonymised text.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

PEOPLE, PLACES = "person", "place"
_SCHEMA = Path(__file__).resolve().parents[2] / "schemas" / "anonymise.yaml"


@cache
def _rules() -> dict:
    return yaml.safe_load(_SCHEMA.read_text(encoding="utf-8"))


def place_names(text: str) -> list[str]:
    """Named 小区/街道/社区/村 places in ``text`` (幸福里社区, 金桥街道), generic ones excluded
    (老旧小区, 城市社区, 本小区): a 2–4 character name before the place word, not from the
    generic list, and not starting with a function character (在, 以, 的 …)."""
    rules = _rules()
    found = []
    for match in re.finditer(rules["place_pattern"], text):
        name, kind = match.group("name"), match.group("kind")
        # Cut at the last function character: "以幸福里" -> "幸福里".
        cut = max((name.rfind(ch) for ch in rules["function_chars"]), default=-1)
        name = name[cut + 1 :]
        generic = any(g in name for g in rules["generic_prefixes"])
        if len(name) >= 2 and not generic and _name_like(name):
            found.append(name + kind)
    return found


@cache
def _name_like(name: str) -> bool:
    """No verb, adverb, numeral, measure word, conjunction, preposition, pronoun or particle
    in it by jieba's tags: 幸福里, 金桥, 望京 are names; 发挥, 建议设立, 多数 are not."""
    import jieba
    import jieba.posseg

    jieba.setLogLevel(60)  # its "building prefix dict" chatter is not ours to print
    tags = _rules()["not_name_tags"]
    return not any(token.flag.startswith(tuple(tags)) for token in jieba.posseg.cut(name))


def header_place(value: str) -> list[str]:
    """The named place an interview header gives (``Place: Riverside Estate community centre``
    → Riverside Estate; ``访谈地点：幸福里社区居委会`` → 幸福里社区)."""
    english = re.match(r"^((?:[A-Z][\w'-]+\s+){0,3}[A-Z][\w'-]+)", value.strip())
    names = place_names(value)
    if english and english.group(1).casefold() not in _rules()["generic_english"]:
        names.append(english.group(1))
    return names


def pseudonyms(names: Iterable[tuple[str, str]]) -> dict[str, str]:
    """(name, kind) in order of first appearance → {name: pseudonym}: people ``[P1]``,
    ``[P2]`` …, places ``[S1]`` …; blank and repeated names skipped."""
    table: dict[str, str] = {}
    counts = {PEOPLE: 0, PLACES: 0}
    for name, kind in names:
        name = name.strip()
        if len(name) < 2 or name in table:
            continue
        counts[kind] += 1
        table[name] = f"[{'P' if kind == PEOPLE else 'S'}{counts[kind]}]"
    return table


@dataclass(frozen=True, slots=True)
class OffsetMap:
    """Carries offsets of an original text to its anonymised text. ``cuts`` are the replaced
    [start, end) of the original, ``new`` where each replacement starts and ends now."""

    cuts: tuple[tuple[int, int], ...] = ()
    new: tuple[tuple[int, int], ...] = ()

    def _shift(self, i: int) -> int:
        # Offset change accumulated by replacements wholly before position i.
        k = bisect.bisect_right([end for _, end in self.cuts], i)
        return (self.new[k - 1][1] - self.cuts[k - 1][1]) if k else 0

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The anonymised [start, end) of an original span (grown over cut names)."""
        new_start, new_end = start + self._shift(start), end + self._shift(end)
        for (a, b), (na, nb) in zip(self.cuts, self.new, strict=True):
            if a < start < b or (a == start and start < b):
                new_start = na
            if a < end < b:
                new_end = nb
        return new_start, max(new_start, new_end)


def anonymise_text(text: str, table: dict[str, str]) -> tuple[str, OffsetMap]:
    """``text`` with every name of ``table`` replaced (longest name first where they
    overlap), and the map of its offsets."""
    if not table or not text:
        return text, OffsetMap()
    names = sorted(table, key=len, reverse=True)
    pattern = re.compile("|".join(re.escape(n) for n in names))
    parts, cuts, new, at, shift = [], [], [], 0, 0
    for match in pattern.finditer(text):
        start, end = match.span()
        parts.append(text[at:start])
        replacement = table[match.group(0)]
        parts.append(replacement)
        cuts.append((start, end))
        new.append((start + shift, start + shift + len(replacement)))
        shift += len(replacement) - (end - start)
        at = end
    parts.append(text[at:])
    return "".join(parts), OffsetMap(tuple(cuts), tuple(new))


def respan(item, new_text: str, offsets: OffsetMap, evidence_field: str | None = "evidence"):
    """A Coding, Segment, Evidence or Gap (anything with ``start``/``end``) moved to the
    anonymised text; its evidence (if it has one) re-read from there."""
    start, end = offsets.span(item.start, item.end)
    changes: dict[str, object] = {"start": start, "end": end}
    if evidence_field and hasattr(item, evidence_field):
        changes[evidence_field] = new_text[start:end]
    return dataclasses.replace(item, **changes)
