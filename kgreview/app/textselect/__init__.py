"""A small Streamlit component: transcript turns with coded highlights, returning the span
the user selects inside a turn.

The browser counts UTF-16 code units; the store counts code points (``text[start:end] ==
evidence``). The frontend reports UTF-16 offsets into the turn's text and this module converts
them here, at the boundary, so nothing else ever sees a UTF-16 offset. The built assets
(``built/``) ship in the wheel; ``scripts/build-components`` rebuilds them from ``frontend/``.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

BUILT = Path(__file__).parent / "built"
PENDING = "pending"


@dataclass(frozen=True, slots=True)
class Selection:
    """A selected span: code points of the document's stored text."""

    segment: str
    start: int
    end: int
    text: str
    n: int  # the frontend's event number: the same words selected twice are two events


@dataclass(frozen=True, slots=True)
class Mark:
    """A highlight over ``[start, end)`` (document code points)."""

    start: int
    end: int
    kind: str  # mine | other | auto | pending (the selection waiting for a code)
    title: str


def utf16_to_codepoints(text: str, offset16: int) -> int:
    """The code point index of a UTF-16 offset into ``text``.

    An offset inside a surrogate pair (half an astral character) counts the whole
    character as before it, so a span never splits a character.
    """
    units = 0
    for index, char in enumerate(text):
        if units >= offset16:
            return index
        units += 2 if ord(char) > 0xFFFF else 1
    return len(text)


def codepoints_to_utf16(text: str, index: int) -> int:
    """The UTF-16 offset of code point ``index`` in ``text`` (the inverse, for tests and JS)."""
    return sum(2 if ord(c) > 0xFFFF else 1 for c in text[:index])


def pieces(text: str, offset: int, marks: Iterable[Mark]) -> list[dict[str, str]]:
    """A turn's text (``text`` starting at document offset ``offset``) cut at every mark
    boundary; each piece names its highlight (``both`` where mine and another coder's meet),
    the codes on it, and ``p`` when it is part of the pending selection."""
    inside = [m for m in marks if m.end > offset and m.start < offset + len(text)]
    cuts = {0, len(text)}
    for m in inside:
        cuts |= {max(m.start - offset, 0), min(m.end - offset, len(text))}
    bounds = sorted(cuts)
    out: list[dict[str, str]] = []
    for a, b in itertools.pairwise(bounds):
        over = [m for m in inside if m.start - offset < b and m.end - offset > a]
        piece: dict[str, str] = {"t": text[a:b]}
        if any(m.kind == PENDING for m in over):
            piece["p"] = "1"
            over = [m for m in over if m.kind != PENDING]
        kinds = {m.kind for m in over}
        if kinds:
            human = kinds - {"auto"}
            piece["k"] = "both" if {"mine", "other"} <= human else next(iter(sorted(human)), "auto")
            piece["title"] = " · ".join(dict.fromkeys(m.title for m in over))
        out.append(piece)
    return out


def to_selection(value: Any, texts: dict[str, tuple[int, str]]) -> Selection | None:
    """The frontend's value ``{segment, start16, end16, text, n}`` as code points of the
    document; None when it names no known turn or the words do not match the stored text."""
    if not isinstance(value, dict) or value.get("segment") not in texts:
        return None
    offset, text = texts[value["segment"]]
    try:
        start = utf16_to_codepoints(text, int(value["start16"]))
        end = utf16_to_codepoints(text, int(value["end16"]))
    except (KeyError, TypeError, ValueError):
        return None
    if end <= start or text[start:end] != value.get("text"):
        return None
    return Selection(
        value["segment"], offset + start, offset + end, text[start:end], int(value.get("n") or 0)
    )


_component = None


def _declared() -> Any:
    # Declared on first use: importing this module (tests, CLI) needs no Streamlit runtime.
    global _component
    if _component is None:
        import streamlit.components.v1 as components

        _component = components.declare_component("kgreview_textselect", path=str(BUILT))
    return _component


def text_select(
    turns: Sequence[dict[str, Any]],
    key: str,
    hint: str = "",
    selected: str | None = None,
) -> Selection | None:
    """Render ``turns`` (``{id, speaker, timestamp, start, text, marks}``) and return the
    latest selection inside one of them (code points), or None."""
    texts = {t["id"]: (t["start"], t["text"]) for t in turns}
    shown = [
        {
            "id": t["id"],
            "speaker": t.get("speaker") or "",
            "timestamp": t.get("timestamp") or "",
            "pieces": pieces(t["text"], t["start"], t.get("marks", ())),
        }
        for t in turns
    ]
    value = _declared()(turns=shown, hint=hint, selected=selected, key=key, default=None)
    return to_selection(value, texts)
