"""Compositional frames: a cue list shared by many codes × each code's concept heads.

Writers name a concept with words no synonym list foresees (缺少表达意见的渠道, 居民缺乏进入应急
决策的渠道, "residents had no route into decisions"); what stays constant is a small frame — a
deficiency cue and a concept head in one clause. ``schemas/frames.yaml`` holds the frames' cue
lists; a code joins a frame by listing its heads in the codebook (``heads: {deficiency: {zh:
[渠道, 途径], en: [channel, route]}}``). Matches are weaker than literal forms: the tagger takes
them only where no literal form holds the head.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import ahocorasick_rs
import yaml

from kgreview import ids
from kgreview.config import schemas_dir
from kgreview.nlp.normalize import normalise

LANGS = ("zh", "en")
_BREAK = re.compile(r"[,.;:!?\n。，；：！？()（）\"“”]")
# A `loose` frame spans quotes and brackets: 以上海市N社区“口袋花园”项目为案例 is one clause.
_LOOSE_BREAK = re.compile(r"[,.;:!?\n。，；：！？]")
_WORD = re.compile(r"[\w'’-]+")
_SENTENCE_END = re.compile(r"[。！？!?\n]|\.\s")
_EN_TAIL = re.compile(r"(?:e?s)?(?![\w])")  # an English head's plural ending, then no letter
_CUE_LISTS = ("before", "after", "negators", "block", "requires")
_CLAUSE_MAX = 80  # characters looked at on either side of a head


class FramesError(ValueError):
    """``frames.yaml`` has problems; ``problems`` lists them, one line each."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


@dataclass(frozen=True, slots=True)
class Frame:
    name: str
    before: dict[str, re.Pattern[str] | None]
    after: dict[str, re.Pattern[str] | None]
    window: dict[str, int]
    after_window: dict[str, int]  # a predicate may stand further off: "channels … were lacking"
    negators: dict[str, re.Pattern[str] | None]
    block: dict[str, re.Pattern[str] | None]
    reach: dict[str, tuple[int, int]]
    number_after: dict[str, re.Pattern[str] | None]
    requires: dict[str, re.Pattern[str] | None]
    loose: bool = False
    between: bool = False  # `requires` looked for between cue and head, not in the sentence


@dataclass(frozen=True, slots=True)
class Frames:
    digest: str
    frames: dict[str, Frame]


def _pattern(words: Iterable[str], lang: str, suffix: str = "") -> re.Pattern[str] | None:
    words = sorted({normalise(w).text.strip() for w in words if w and w.strip()}, key=len)[::-1]
    if not words:
        return None
    alt = "|".join(r"\s+".join(map(re.escape, w.split())) for w in words)
    # English cues are whole words; Chinese ones any characters (no word spaces to check).
    return re.compile(
        rf"(?<![\w'-])(?:{alt})(?![\w-]){suffix}" if lang == "en" else f"(?:{alt}){suffix}"
    )


def _frame(name: str, spec: dict) -> Frame:
    def per_lang(key: str, suffix: str = "") -> dict[str, re.Pattern[str] | None]:
        block = spec.get(key) or {}
        return {lang: _pattern(block.get(lang) or (), lang, suffix) for lang in LANGS}

    reach = spec.get("reach") or {}
    numbers = spec.get("number_after") or {}
    return Frame(
        name=name, before=per_lang("before"), after=per_lang("after"),
        window={lang: int((spec.get("window") or {}).get(lang, 0)) for lang in LANGS},
        after_window={
            lang: int((spec.get("after_window") or spec.get("window") or {}).get(lang, 0))
            for lang in LANGS
        },
        negators=per_lang("negators", r"\s*$"), block=per_lang("block"),
        reach={lang: tuple(reach.get(lang) or (0, 0)) for lang in LANGS},  # type: ignore[misc]
        number_after={k: re.compile(rf"\s*{v}") for k, v in numbers.items() if v},
        requires=per_lang("requires"), loose=bool(spec.get("loose")),
        between=bool(spec.get("requires_between")),
    )  # fmt: skip


def frames_path() -> Path:
    return schemas_dir() / "frames.yaml"


def _problems(data: object) -> list[str]:
    """Every item that is not text: YAML reads a bare no/yes/on/off as a boolean."""
    if not isinstance(data, dict) or not isinstance(data.get("frames"), dict):
        return ["frames.yaml: needs a 'frames' mapping"]
    return [
        f"frames.yaml: {name}.{key}.{lang}: {item!r} is not text (quote it: 'no', 'on')"
        for name, spec in data["frames"].items()
        for key, block in (spec or {}).items()
        if key in _CUE_LISTS and isinstance(block, dict)
        for lang, items in block.items()
        if isinstance(items, list)
        for item in items
        if not isinstance(item, str)
    ]


@cache
def load_frames(path: Path | None = None) -> Frames:
    """The frames of ``schemas/frames.yaml`` (or ``path``), compiled once; raises
    :class:`FramesError` listing its problems."""
    raw = (path or frames_path()).read_bytes()
    try:
        data = yaml.safe_load(raw) or {}
    except yaml.YAMLError as exc:
        raise FramesError([f"frames.yaml: not valid YAML: {' '.join(str(exc).split())}"]) from exc
    if problems := _problems(data):
        raise FramesError(problems)
    frames = {name: _frame(name, spec or {}) for name, spec in (data.get("frames") or {}).items()}
    return Frames(ids.file_hash(raw), frames)


def heads_problems(codes: list[dict], frames: Frames) -> list[str]:
    """Codebook problems with ``heads``: an unknown frame, a head two codes share in one frame."""
    problems, owner = [], {}
    for code in codes:
        for name, langs in (code.get("heads") or {}).items():
            if name not in frames.frames:
                problems.append(f"{code['id']}: heads name unknown frame {name!r}")
                continue
            for lang in LANGS:
                for head in (langs or {}).get(lang) or ():
                    key = (name, normalise(head).text.strip())
                    if owner.setdefault(key, code["id"]) != code["id"]:
                        problems.append(
                            f"{code['id']}: {name} head {head!r} is also claimed by {owner[key]}"
                        )
    return problems


def _clause(breaks: list[int], size: int, i: int, j: int) -> tuple[int, int]:
    """The clause around ``view[i:j]``: from the break before it to the break after it
    (``breaks``: every break's position in the view, found once per text)."""
    k = bisect.bisect_left(breaks, i)
    lo = breaks[k - 1] + 1 if k else 0
    k = bisect.bisect_left(breaks, j, k)
    hi = breaks[k] if k < len(breaks) else size
    return max(lo, i - _CLAUSE_MAX), min(hi, j + _CLAUSE_MAX)


def _sentence(view: str, i: int, hi: int) -> tuple[int, int]:
    """From the sentence's start (at most ``_CLAUSE_MAX`` back) to the clause end: where a
    required word may stand (邻居们轮流照顾老人，彼此帮衬: the people are a clause back)."""
    lo = max(0, i - _CLAUSE_MAX)
    ends = [m.end() for m in _SENTENCE_END.finditer(view, lo, i)]
    return (ends[-1] if ends else lo), hi


def _chained(view: str, i: int) -> bool:
    """Whether an English head at ``i`` ends a hyphen chain: "life-education" is an education
    (a two-part compound's head comes last), "points-for-rewards" is no reward."""
    if view[i - 1] != "-":
        return False
    start = i - 1
    while start > 0 and (view[start - 1].isalnum() or view[start - 1] == "-"):
        start -= 1
    return "-" in view[start : i - 1]


def _gap(text: str, lang: str) -> int:
    return len(text) if lang == "zh" else len(_WORD.findall(text))


class FrameMatcher:
    """Heads per frame from the codebook; :meth:`find` gives (head index, start, end, head start,
    head end) for every head with a cue of its frame in the same clause."""

    def __init__(self, codes: Iterable, frames: Frames | None = None) -> None:
        self.frames = frames or load_frames()
        self.codes: list[str] = []
        self._heads: list[tuple[Frame, str]] = []
        patterns: list[str] = []
        for entry in codes:
            for name, _lang, head in getattr(entry, "heads", ()):
                frame = self.frames.frames.get(name)
                key = normalise(head).text.strip()
                if frame is not None and key:
                    patterns.append(key)
                    self.codes.append(entry.id)
                    self._heads.append((frame, "en" if key.isascii() else "zh"))
        self._automaton = (
            ahocorasick_rs.AhoCorasick(patterns, matchkind=ahocorasick_rs.MATCHKIND_STANDARD)
            if patterns
            else None
        )

    def find(self, view: str) -> Iterator[tuple[int, int, int, int, int]]:
        """Frame matches in a normalised (lower-case) view."""
        if self._automaton is None:
            return
        breaks: dict[bool, list[int]] = {}
        for index, i, j in self._automaton.find_matches_as_indexes(view, overlapping=True):
            frame, lang = self._heads[index]
            if lang == "en":
                if i and (view[i - 1].isalnum() or _chained(view, i)):
                    continue
                tail = _EN_TAIL.match(view[j : j + 3])
                if tail is None:
                    continue
                j += tail.end()
            if frame.loose not in breaks:  # one pass for the clause breaks of the whole text
                pattern = _LOOSE_BREAK if frame.loose else _BREAK
                breaks[frame.loose] = [m.start() for m in pattern.finditer(view)]
            clause = _clause(breaks[frame.loose], len(view), i, j)
            found = self._cue(view, frame, lang, i, j, clause)
            if found is not None:
                yield index, min(found[0], i), max(found[1], j), i, j

    def _cue(
        self, view: str, frame: Frame, lang: str, i: int, j: int, clause: tuple[int, int]
    ) -> tuple[int, int] | None:
        """The span of the cue that makes head ``view[i:j]`` a match of ``frame``, if any."""
        lo, hi = clause
        window = frame.window[lang]
        cue = None
        before = frame.before[lang]
        if before is not None:
            for m in before.finditer(view, lo, i):
                if _gap(view[m.end() : i], lang) <= window:
                    cue = (m.start(), m.end())  # the last cue in reach: the nearest one
        after = frame.after[lang]
        if cue is None and after is not None:
            m = after.search(view, j, hi)
            number = frame.number_after.get(lang)
            if m and _gap(view[j : m.start()], lang) <= frame.after_window[lang]:
                cue = None if number and number.match(view, m.end()) else (m.start(), m.end())
        required = frame.requires[lang]
        if cue is None:
            return None
        # 以南京市某小区为例: the case named between the cue and the head must be a place
        where = (min(cue[1], i), max(cue[0], j)) if frame.between else _sentence(view, i, hi)
        if required is not None and not required.search(view, *where):
            return None
        negator = frame.negators[lang]
        if negator is not None and negator.search(view, max(lo, cue[0] - 12), cue[0]):
            return None  # 并不缺乏, "no lack of": the concept is not said to be missing
        block = frame.block[lang]
        if block is not None:
            back, ahead = frame.reach[lang]
            a, b = max(lo, min(cue[0], i) - back), min(hi, max(cue[1], j) + ahead)
            if block.search(view, a, b):
                return None  # 缺乏关于渠道的研究: a research gap, not the concept itself
        return cue
