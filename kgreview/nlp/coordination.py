"""Coordinated modifiers sharing one head: "passive, cooperative and autonomous participation",
"process and outcome evaluation", 个人、社会和制度因素 name three codes, though only the last is
written out in full.

The heads are read off the codebook, not listed: a word that ends the labels of at least three
codes of one category (participation/参与, theory/理论, factors/因素, evaluation/评估). A form
"<modifier> <head>" makes <modifier> name its code when it stands in a coordination ending in
that head. Matches are weak: taken after the literal forms, where no literal form overlaps.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator

import ahocorasick_rs

from kgreview.nlp.normalize import normalise

_EN_JOIN = (
    r"\s*(?:,|/|\band\b|\bor\b|\bvs\.?|\bversus\b|\bfrom\b|\bto\b|\brather than\b)\s*"
    r"(?:and\s+|or\s+)?"
)
_ZH_JOIN = r"(?:、|和|与|及|或|到|向)"
_ZH_JOINERS = frozenset("、和与及或到向")  # _ZH_JOIN's characters
_ZH_SUFFIXES = frozenset("式型性")  # the optional [式型性] after a Chinese modifier
_MIN_LABELS = 3


def _head(label: str, lang: str) -> str:
    return label.rsplit(" ", 1)[-1].lower() if lang == "en" else label[-2:]


class Coordination:
    """Modifiers per head; :meth:`find` gives (modifier index, start, end) in a text."""

    def __init__(self, codes: Iterable) -> None:
        codes = tuple(codes)
        heads: Counter[tuple[str, str, str]] = Counter()
        for e in codes:
            heads[(e.category, "en", _head(e.label_en, "en"))] += " " in e.label_en.strip()
            heads[(e.category, "zh", _head(e.label_zh, "zh"))] += len(e.label_zh.strip()) > 3
        shared = {key for key, n in heads.items() if n >= _MIN_LABELS}
        mods: dict[tuple[str, str], dict[str, str]] = {}
        for e in codes:
            for text, lang in e.surface_forms():
                form = " ".join(normalise(text).text.split())
                lang = "en" if form.isascii() else "zh"
                if lang == "en":  # pseudo-participation is a pseudo participation
                    form = re.sub(r"-(?=[a-z]+$)", " ", form)
                head = _head(form, lang)
                if (e.category, lang, head) not in shared:
                    continue
                mod = form[: -len(head)].strip() if lang == "en" else form[:-2]
                if lang == "zh":
                    mod = mod[:-1] if len(mod) == 3 and mod[-1] in "式型性" else mod
                if len(mod) >= 2 and form.lower() != head and not re.search(r"\.\.\.|…|的$", mod):
                    mods.setdefault((lang, head), {}).setdefault(mod.lower(), e.id)
        self.codes: list[str] = []
        self._mods: list[str] = []
        self._patterns: list[tuple[re.Pattern[str], dict[str, int]]] = []
        for (lang, head), table in mods.items():
            index = {}
            for mod, code in table.items():
                index[mod] = len(self.codes)
                self.codes.append(code)
                self._mods.append(mod)
            alt = "|".join(re.escape(m) for m in sorted(table, key=len, reverse=True))
            if lang == "en":
                m = rf"\b(?:{alt})\b"
                plural = (
                    rf"{re.escape(head[:-1])}(?:y|ies)"
                    if head.endswith("y")
                    else rf"{re.escape(head)}s?"
                )
                tail = rf"\s+{plural}\b"
                pattern = rf"(?:{m}{_EN_JOIN})+{m}{tail}"
                flags = re.IGNORECASE
            else:
                m = rf"(?:{alt})[式型性]?"
                pattern = rf"(?:{m}{_ZH_JOIN})+{m}{re.escape(head)}"
                flags = 0
            self._patterns.append((re.compile(pattern, flags), index, re.compile(m, flags)))
        # Where a coordination can begin: at a modifier. One automaton pass finds them all, so
        # each pattern is tried only there (running the patterns over whole texts was 35 % of
        # all tagging time: an alternation of every modifier, tried at every position).
        owners: dict[str, list[int]] = {}
        for number, (_, table, _) in enumerate(self._patterns):
            for mod in table:
                owners.setdefault(mod, []).append(number)
        self._mod_list = list(owners)
        self._mod_owners = [owners[m] for m in self._mod_list]
        # a Chinese coordination's first modifier is followed by a joiner (、和与…): a modifier
        # of only Chinese patterns without one cannot start a match (most hits, each a try)
        zh = [lang != "en" for lang, _ in mods]
        self._mod_zh = [all(zh[n] for n in owners[m]) for m in self._mod_list]
        self._starts = ahocorasick_rs.AhoCorasick(self._mod_list) if owners else None

    def modifiers(self) -> list[tuple[str, str]]:
        """(modifier, code) pairs, for comparing two codebooks' matchers."""
        return list(zip(self._mods, self.codes, strict=True))

    def _matches(self, view: str) -> Iterator[tuple[int, re.Match[str]]]:
        """(pattern number, match) as each pattern's ``finditer`` over ``view`` gives them."""
        lowered = view.lower()
        if self._starts is None:
            return
        if len(lowered) != len(view):  # a rare letter whose lower case is longer: scan plainly
            for number, (pattern, _, _) in enumerate(self._patterns):
                yield from ((number, found) for found in pattern.finditer(view))
            return
        starts: list[set[int]] = [set() for _ in self._patterns]
        for which, start, end in self._starts.find_matches_as_indexes(lowered, overlapping=True):
            if self._mod_zh[which]:
                after = lowered[end : end + 1]
                if after in _ZH_SUFFIXES:
                    after = lowered[end + 1 : end + 2]
                if after not in _ZH_JOINERS:
                    continue
            for number in self._mod_owners[which]:
                starts[number].add(start)
        for number, (pattern, _, _) in enumerate(self._patterns):
            after = 0  # finditer's matches never overlap: resume after the last one
            for start in sorted(starts[number]):
                if start >= after and (found := pattern.match(view, start)):
                    after = found.end()
                    yield number, found

    def find(self, view: str) -> Iterator[tuple[int, int, int]]:
        """(modifier index, start, end) for every modifier in a coordination before its head."""
        for number, found in self._matches(view):
            _, index, mod = self._patterns[number]
            for m in mod.finditer(view, found.start(), found.end()):
                key = m.group(0).lower()
                key = key if key in index else key[:-1]  # 被动式 → 被动
                if key in index:
                    yield index[key], m.start(), m.end()
