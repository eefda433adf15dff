"""The normalised view matching runs on, with a map back to the stored text's offsets.

Normalising: NFKC (full-width → half-width, compatibility forms), lower case, Traditional →
Simplified Chinese (OpenCC ``t2s``), and a space inserted into scraped run-ons
(``governance.The``, ``co-governance,co-construction``). The stored text is never changed:
a match ``[i, j)`` in the view maps back through :meth:`NormalisedView.span`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

import numpy as np
import opencc

# Punctuation glued between two words by scraping: "governance.The", "a,b".
# (The punctuation first, so the regex engine scans for it; the lookbehind then checks the two
# letters before it: the same matches as "(?<=[a-z][a-z])[.,;:](?=[a-z]{2})".)
_RUN_ON = re.compile(r"[.,;:](?<=[a-z][a-z][.,;:])(?=[a-z]{2})")


@dataclass(frozen=True, slots=True)
class NormalisedView:
    text: str
    # starts[k], ends[k]: the stored-text span of view character k (None: identity map).
    starts: np.ndarray | None
    ends: np.ndarray | None

    def span(self, i: int, j: int) -> tuple[int, int]:
        """The stored-text span ``[start, end)`` of view span ``[i, j)``."""
        if self.starts is None or self.ends is None:
            return i, j
        return int(self.starts[i]), int(self.ends[j - 1])


@cache
def _changing() -> re.Pattern[str]:
    """Runs of characters the translate table changes: translating only those runs gives the
    same string as translating the whole text, at a fraction of the cost (a text is mostly
    CJK or lower-case letters the table leaves alone)."""
    table, _ = _tables()
    return re.compile("[" + "".join(re.escape(chr(cp)) for cp in sorted(table)) + "]+")


def _translate(text: str) -> str:
    table, _ = _tables()
    return _changing().sub(lambda m: m.group().translate(table), text)


@cache
def _tables() -> tuple[dict[int, str], re.Pattern[str]]:
    """A translate table for 1:1 changes, and a pattern for characters that expand."""
    table: dict[int, str] = {}
    expanding = []
    for cp in range(0x20, 0x10000):
        if 0xD800 <= cp <= 0xDFFF:
            continue
        ch = chr(cp)
        out = unicodedata.normalize("NFKC", ch).lower()
        if out == ch:
            continue
        if len(out) == 1:
            table[cp] = out
        else:
            expanding.append(re.escape(ch))
    pattern = re.compile("[" + "".join(expanding) + "]") if expanding else re.compile(r"(?!)")
    return table, pattern


@cache
def _t2s() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


_HAN_TRADITIONAL_HINT = re.compile(r"[\u4e00-\u9fff]")


def _to_simplified(text: str) -> str:
    if not _HAN_TRADITIONAL_HINT.search(text):
        return text
    converted = _t2s().convert(text)
    if len(converted) == len(text):
        return converted
    # A phrase conversion changed the length: convert character by character instead.
    convert = _t2s().convert
    return "".join(c if len(s := convert(c)) != 1 else s for c in text)


def normalise(text: str) -> NormalisedView:
    """Build the matching view of ``text`` (pure function; cheap when nothing changes)."""
    _, expanding = _tables()
    starts: np.ndarray | None = None
    ends: np.ndarray | None = None
    if expanding.search(text):
        pieces = [unicodedata.normalize("NFKC", ch).lower() for ch in text]
        counts = np.fromiter((len(p) for p in pieces), dtype=np.int64, count=len(pieces))
        index = np.arange(len(text), dtype=np.int64)
        starts, ends = np.repeat(index, counts), np.repeat(index + 1, counts)
        view = "".join(pieces)
    else:
        view = _translate(text)
    view = _to_simplified(view)
    inserts = [m.end() for m in _RUN_ON.finditer(view)]
    if inserts:
        if starts is None or ends is None:
            starts = np.arange(len(view), dtype=np.int64)
            ends = starts + 1
        positions = np.asarray(inserts, dtype=np.int64)
        # An inserted space is zero-width in the stored text, just before the next character.
        anchor = starts[positions]
        starts = np.insert(starts, positions, anchor)
        ends = np.insert(ends, positions, anchor)
        parts, last = [], 0
        for pos in inserts:
            parts.append(view[last:pos])
            parts.append(" ")
            last = pos
        parts.append(view[last:])
        view = "".join(parts)
    return NormalisedView(view, starts, ends)
