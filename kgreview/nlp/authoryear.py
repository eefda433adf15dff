"""Author–year citations in running text: "Chen and Li (2018) applied …", "(Wang, 2020;
Zhao et al., 2021)", 王思斌（2015）运用…, （杨敏，2007）.

English reviews cite this way, not with [n]; without it "who cites empowerment theory" missed
every English review. A citation is resolved against the document's reference list by first
author's surname and year, so the scholar gets the full names the list gives ('Chen Y',
'Li M') and the edge says "cited"; a citation the list lacks keeps the names as written
("named"). A narrative form without a list must be followed by a reporting or research verb
("Shanghai (2019) …" is no scholar); a parenthetical form needs neither.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from kgreview.model import Reference
from kgreview.nlp.refapa import PARTICLE, WORD

# One word after any particles: a narrative citation's name must not swallow the capitalised
# words before it ("In Shanghai Wang (2020)"), unlike a reference entry's surname.
_SURNAME = rf"(?:{PARTICLE} )*{WORD}"
_SURNAMES = rf"{_SURNAME}(?:(?:,? and |, |,? & ){_SURNAME})*(?P<etal> et al\.?| and colleagues)?"
_YEAR = r"(?:1[89]|20)\d{2}"
_INITIAL = re.compile(r"^[A-Z]$")
_ANY_YEAR = re.compile(_YEAR)
_SPLIT_EN = re.compile(r",? and |, |,? & ")
_JOINER_ZH = "和与及"  # also characters inside names (张和清): split only between two whole names


def split_zh(names: str) -> list[str]:
    """'徐永祥和孙莹' → two names; '张和清' stays one: a joiner splits only where the name before
    it has two or three characters."""
    found, start = [], 0
    for at, char in enumerate(names):
        if char in _JOINER_ZH and 2 <= at - start <= 3 and len(names) - at - 1 >= 2:
            found.append(names[start:at])
            start = at + 1
    return [*found, names[start:]]


def year_index(references: Iterable[Reference]) -> dict[tuple[str, int], Reference]:
    """(first author's surname casefolded, year) → reference."""
    index: dict[tuple[str, int], Reference] = {}
    for ref in references:
        if ref.authors and ref.year:
            index.setdefault((surname(ref.authors[0]).casefold(), ref.year), ref)
    return index


def surname(name: str) -> str:
    """'Chen Y' → 'Chen'; 'van der Berg A' → 'van der Berg'; 杨敏 stays (a full name)."""
    words = name.split()
    while len(words) > 1 and _INITIAL.match(words[-1]):
        words.pop()
    return " ".join(words)


class AuthorYear:
    """Finds author–year citations in sentences; ``zh_name`` is the review cues' pattern of
    a Chinese name, ``verbs`` their reporting and research verbs."""

    def __init__(self, zh_name: str, verbs: str) -> None:
        en_narrative = rf"(?<![\w(（])(?P<names>{_SURNAMES})(?:'s|’s)? ?\((?P<year>{_YEAR})[a-z]?\)"
        zh_names = rf"{zh_name}(?:[、和与及]{zh_name})*"
        zh_narrative = rf"(?P<names>{zh_names})(?:等人?)?[（(](?P<year>{_YEAR})[）)]"
        self._en_narrative = re.compile(en_narrative)
        self._zh_narrative = re.compile(zh_narrative)
        item = rf"(?P<names>{_SURNAMES}|{zh_names}(?:等人?)?)[,，]? ?(?P<year>{_YEAR})[a-z]?"
        self._item = re.compile(item)
        self._brackets = re.compile(
            rf"[(（]((?:[^()（）]{{0,200}}?[,， ]{_YEAR}[a-z]?)[^()（）]{{0,40}})[)）]"
        )
        self._verb_after = re.compile(rf"\s*(?:{verbs})")

    def citations(
        self, sentence: str, index: dict[tuple[str, int], Reference]
    ) -> Iterator[tuple[int, tuple[str, ...], str]]:
        """(position, names, via) per citation in ``sentence``: via "cited" when the reference
        list holds it (names from the list), else "named" (names as written)."""
        if not _ANY_YEAR.search(sentence):
            return  # every form holds a year: most sentences are skipped here
        for pattern in (self._en_narrative, self._zh_narrative):
            for found in pattern.finditer(sentence):
                resolved = self._resolve(found["names"], int(found["year"]), index)
                if resolved:
                    yield found.start(), *resolved
                elif self._verb_after.match(sentence, found.end()) or sentence[
                    max(0, found.start() - 3) : found.start()
                ] in ("by ", "of "):  # "as argued by Wang (2020)", "the work of Wang (2020)"
                    yield found.start(), *self._as_written(found["names"])
        for bracket in self._brackets.finditer(sentence):
            for part in re.split(r"[;；]", bracket.group(1)):
                found = self._item.fullmatch(part.strip().rstrip(".,，"))
                if found:
                    year = int(found["year"])
                    names = found["names"]
                    yield (
                        bracket.start(),
                        *(self._resolve(names, year, index) or self._as_written(names)),
                    )

    @staticmethod
    def _names(names: str) -> list[str]:
        names = re.sub(r"\s*(et al\.?|and colleagues)$|等人?$", "", names.strip())
        if names.isascii():
            return [n.strip() for n in _SPLIT_EN.split(names) if n.strip()]
        return [n for part in re.split(r"\s*[、,，]\s*", names) for n in split_zh(part) if n]

    def _resolve(
        self, names: str, year: int, index: dict[tuple[str, int], Reference]
    ) -> tuple[tuple[str, ...], str] | None:
        first = self._names(names)
        ref = index.get((first[0].casefold(), year)) if first else None
        return (ref.authors, "cited") if ref else None

    def _as_written(self, names: str) -> tuple[tuple[str, ...], str]:
        return tuple(self._names(names)), "named"
