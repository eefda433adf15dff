"""Who said what in a literature review: scholars named in the text ("Chen Weidong and Ma Tao
pointed out", 王思斌认为) and numbered citations ([3], [3-5]) linked to the sentences that
report their positions.

A named attribution's scope runs from its sentence to the next attribution, the reviewer's
own voice (笔者认为, "it can be seen") or the paragraph's end; "He believes" / 他认为 continues
the previous scholar. Codes inside the scope become that scholar's claims (ATTRIBUTES edges
from each sentence to the scholar). Cue lists: ``schemas/review.yaml``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from kgreview import ids
from kgreview.config import schemas_dir
from kgreview.model import Attribution, Author, Reference, Segment, SegmentKind
from kgreview.nlp.authoryear import AuthorYear, split_zh, year_index

_EN_NAME = r"[A-Z][a-z]+(?:[- ][A-Z][a-z]+){1,2}"
_LEAD = r"(?:^|(?<=[。！？；，,;:：\s“\"（(]))"


@dataclass(frozen=True, slots=True)
class ReviewCues:
    digest: str
    named: tuple[re.Pattern[str], ...]  # group "names"
    verb: re.Pattern[str]  # any reporting verb: sentences without one are skipped quickly
    pronoun: re.Pattern[str]
    own_voice: re.Pattern[str]
    not_scholars: frozenset[str]
    titles: re.Pattern[str]
    gap_kind_cues: tuple[tuple[str, re.Pattern[str]], ...]
    gap_kind_by_category: dict[str, str]
    gap_kind_weak_cues: tuple[tuple[str, re.Pattern[str]], ...]
    policy_title: re.Pattern[str]
    author_year: AuthorYear


def _any(patterns: Sequence[str]) -> str:
    return "|".join(f"(?:{p})" for p in patterns) or "(?!)"


@cache
def load_review_cues(path: Path | None = None) -> ReviewCues:
    """The cues of ``schemas/review.yaml`` (or ``path``), compiled once."""
    path = path or schemas_dir() / "review.yaml"
    raw = path.read_bytes()
    data = yaml.safe_load(raw)
    att = data["attribution"]
    surnames = "".join(str(att["surnames_zh"]).split())
    zh_name = f"[{surnames}][\u4e00-\u9fff]{{1,2}}"
    en = (
        rf"{_LEAD}(?P<names>{_EN_NAME}(?:(?:,? and |, ){_EN_NAME})*)(?: et al\.?)?"
        rf"(?: ?[（(]\d{{4}}[）)])? (?:{_any(att['verbs_en'])})\b"
    )
    zh = (
        rf"{_LEAD}(?P<names>{zh_name}(?:[、和与及]{zh_name})*)(?:等人?)?"
        rf"(?:[（(]\d{{4}}[）)])?(?:{_any(att['verbs_zh'])})"
    )
    pronoun = (
        rf"{_LEAD}(?:(?:{_any(att['pronouns_en'])}) (?:{_any(att['verbs_en'])})\b"
        rf"|(?:{_any(att['pronouns_zh'])})(?:还|也|进一步)?(?:{_any(att['verbs_zh'])}))"
    )
    kinds = data["gap_kinds"]
    return ReviewCues(
        digest=ids.file_hash(raw),
        named=(re.compile(en), re.compile(zh)),
        verb=re.compile(_any([*att["verbs_en"], *att["verbs_zh"]])),
        pronoun=re.compile(pronoun),
        own_voice=re.compile(_any([*att["own_voice_en"], *att["own_voice_zh"]]), re.IGNORECASE),
        not_scholars=frozenset(n.casefold() for n in att["not_scholars"]),
        titles=re.compile(rf"^(?:(?:{_any(att.get('titles') or [])})\.? )+"),
        gap_kind_cues=tuple(
            (kind, re.compile(_any(cues), re.IGNORECASE)) for kind, cues in kinds["cues"].items()
        ),
        gap_kind_weak_cues=tuple(
            (kind, re.compile(_any(cues), re.IGNORECASE))
            for kind, cues in (kinds.get("weak_cues") or {}).items()
        ),
        gap_kind_by_category=dict(kinds["categories"]),
        policy_title=re.compile(_any(data.get("policy_titles") or []), re.IGNORECASE),
        author_year=AuthorYear(
            zh_name, _any([*att["verbs_en"], *att["verbs_zh"], *att["research_verbs"]])
        ),
    )


def _split_names(names: str, cues: ReviewCues) -> list[str]:
    pieces = re.split(r",? and |, |、", names)
    pieces = [p for piece in pieces for p in (split_zh(piece) if not piece.isascii() else [piece])]
    parts = (cues.titles.sub("", n.strip()) for n in pieces)
    return [n for n in parts if " " in n or not n.isascii()]


def scholars_in(sentence: str, cues: ReviewCues) -> list[str] | None:
    """Scholars a sentence reports (in order), [] for a pronoun that continues the previous
    ones, None when the sentence names no one."""
    if not cues.verb.search(sentence):
        return None
    for pattern in cues.named:
        found = pattern.search(sentence)
        if found:
            names = [n for n in _split_names(found.group("names"), cues)
                     if n.casefold() not in cues.not_scholars]  # fmt: skip
            if names:
                return names
    if cues.pronoun.search(sentence):
        return []
    return None


_CITATION = re.compile(
    r"[\[［]\s*(\d+(?:\s*[-–—,，、]\s*\d+)*)\s*[\]］]"  # [3], [3-5], [2,7]
    r"|<sup>\s*\[?(\d+(?:\s*[-–—,，]\s*\d+)*)\]?\s*</sup>"  # <sup>3</sup>
    r"|(?<!m)([⁰¹²³⁴⁵⁶⁷⁸⁹]+(?:[,，⁻‐-][⁰¹²³⁴⁵⁶⁷⁸⁹]+)*)"  # superscripts (not m², m³)
)
# Every citation above starts with one of these: a sentence without one is skipped quickly.
_CITATION_START = re.compile(r"[\[［<⁰¹²³⁴⁵⁶⁷⁸⁹]")
_SUPERSCRIPT = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻", "0123456789-")


def cited_numbers(sentence: str) -> list[int]:
    """Reference numbers cited in a sentence: [3], [3-5], [2,7], <sup>4</sup>, ⁵⁻⁷."""
    return [n for _, numbers in cited_groups(sentence) for n in numbers]


def cited_groups(sentence: str) -> list[tuple[int, list[int]]]:
    """(position, reference numbers) per citation mark in a sentence."""
    groups: list[tuple[int, list[int]]] = []
    if not _CITATION_START.search(sentence):
        return groups
    for found in _CITATION.finditer(sentence):
        numbers: list[int] = []
        group = next(g for g in found.groups() if g).translate(_SUPERSCRIPT)
        for part in re.split(r"\s*[,，、]\s*", group):
            bounds = [int(x) for x in re.split(r"\s*[-–—‐]\s*", part) if x]
            if len(bounds) == 2 and 0 <= bounds[1] - bounds[0] < 50:
                numbers += range(bounds[0], bounds[1] + 1)
            else:
                numbers += bounds[:1]
        groups.append((found.start(), numbers))
    return groups


# Where one clause of a sentence ends and another, about other work, begins: a citation covers
# its own clause ("Wang (2020) used X, while Zhao (2021) adopted Y"; "…（王思斌，2015）；也有…[6]").
_CLAUSE_BREAK = re.compile(r"[;；]|,? (?:while|whereas|but) |，(?=而|但|也有|另有|还有)")


def clause_of(sentence: str, position: int) -> tuple[int, int] | None:
    """[start, end) of the clause holding ``position`` in ``sentence``; None for a sentence of
    one clause."""
    breaks = list(_CLAUSE_BREAK.finditer(sentence))
    if not breaks:
        return None
    start = max((m.end() for m in breaks if m.end() <= position), default=0)
    end = min((m.start() for m in breaks if m.start() >= position), default=len(sentence))
    return start, end


def attributions(
    text: str,
    segments: Sequence[Segment],
    references: Mapping[int, Reference] | None = None,
    cues: ReviewCues | None = None,
    stop: int | None = None,
) -> list[Attribution]:
    """ATTRIBUTES rows for one document. ``references`` maps list numbers to parsed entries
    (for [n] citations); sentences from ``stop`` on (the reference list) are not read."""
    cues = cues or load_review_cues()
    references = references or {}
    by_year = year_index(references.values())
    found: list[Attribution] = []
    current: list[str] = []
    paragraph: str | None = None
    for s in sorted((s for s in segments if s.kind == SegmentKind.SENTENCE), key=lambda s: s.start):
        if stop is not None and s.start >= stop:
            break
        sentence = text[s.start : s.end]
        if s.parent_id != paragraph:
            paragraph, current = s.parent_id, []
        named = scholars_in(sentence, cues)
        if named:
            current = named
        elif current and cues.own_voice.search(sentence):
            current = []
        cited = [
            (at, names, via) for at, names, via in cues.author_year.citations(sentence, by_year)
        ]
        for at, numbers in cited_groups(sentence):
            refs = [references[n] for n in numbers if n in references]
            cited.append((at, tuple(a for ref in refs for a in ref.authors), "cited"))
        for at, names, via in cited:
            clause = clause_of(sentence, at)
            lo, hi = (s.start + clause[0], s.start + clause[1]) if clause else (None, None)
            found += [Attribution(s.id, Author(ids.author_id(n), n), via, lo, hi) for n in names]
        # after the citations: a scholar both named and cited keeps the cited clause
        for name in current:
            found.append(Attribution(s.id, Author(ids.author_id(name), name), "named"))
    # One row per (sentence, scholar): the first, so a citation's clause wins over the sentence.
    unique: dict[tuple[str, str], Attribution] = {}
    for a in found:
        unique.setdefault((a.segment_id, a.author.id), a)
    return list(unique.values())
