"""The text component's boundary: the browser's UTF-16 offsets become code points of the
stored text, astral characters (emoji, CJK Extension B) included."""

from __future__ import annotations

import hashlib
import re

import pytest

from kgreview.app.textselect import (
    BUILT,
    Mark,
    codepoints_to_utf16,
    pieces,
    to_selection,
    utf16_to_codepoints,
)

TURN = "我们😀在𠀀楼栋群里说话 and then 🙂 ok"


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


@pytest.mark.parametrize("words", ["楼栋群", "在𠀀楼", "说话 and", "🙂 ok", "我们😀"])
def test_a_selection_after_astral_characters_maps_to_code_points(words: str) -> None:
    start = TURN.index(words)
    start16 = utf16_len(TURN[:start])  # what the browser reports
    end16 = start16 + utf16_len(words)
    assert start16 != start or words.startswith("我")  # the two counts really differ here
    value = {"segment": "seg:1", "start16": start16, "end16": end16, "text": words, "n": 3}
    chosen = to_selection(value, {"seg:1": (100, TURN)})
    assert chosen is not None
    assert (chosen.start, chosen.end) == (100 + start, 100 + start + len(words))
    assert chosen.text == words == TURN[chosen.start - 100 : chosen.end - 100]


def test_every_offset_round_trips() -> None:
    for index in range(len(TURN) + 1):
        assert utf16_to_codepoints(TURN, codepoints_to_utf16(TURN, index)) == index
    assert utf16_to_codepoints(TURN, utf16_len(TURN)) == len(TURN)


def test_half_a_surrogate_pair_never_splits_a_character() -> None:
    inside = codepoints_to_utf16(TURN, TURN.index("😀")) + 1  # between the two halves
    assert utf16_to_codepoints(TURN, inside) == TURN.index("😀") + 1


def test_a_value_that_does_not_match_the_stored_words_is_refused() -> None:
    texts = {"seg:1": (0, TURN)}
    # Offsets counted in code points by mistake: the words no longer match.
    start = TURN.index("楼栋群")
    wrong = {"segment": "seg:1", "start16": start, "end16": start + 3, "text": "楼栋群"}
    assert to_selection(wrong, texts) is None
    assert to_selection({"segment": "seg:2", "start16": 0, "end16": 1, "text": "我"}, texts) is None
    assert to_selection(None, texts) is None


def test_pieces_cut_a_turn_at_every_highlight() -> None:
    marks = [Mark(10 + 2, 10 + 5, "mine", "code A"), Mark(10 + 4, 10 + 8, "other", "code B"),
             Mark(0, 11, "auto", "suggestion")]  # fmt: skip
    cut = pieces(TURN, 10, marks)
    assert "".join(p["t"] for p in cut) == TURN
    assert [(p["t"], p.get("k")) for p in cut[:5]] == [
        ("我", "auto"), ("们", None), ("😀在", "mine"), ("𠀀", "both"), ("楼栋群", "other")
    ]  # fmt: skip
    assert cut[3]["title"] == "code A · code B"


def test_the_pending_selection_is_marked_apart_from_the_codings() -> None:
    marks = [Mark(3, 6, "mine", "code A"), Mark(4, 8, "pending", "selected")]
    cut = pieces("0123456789", 0, marks)
    assert [(p["t"], p.get("k"), p.get("p")) for p in cut] == [
        ("012", None, None), ("3", "mine", None), ("45", "mine", "1"), ("67", None, "1"),
        ("89", None, None),
    ]  # fmt: skip
    assert cut[2]["title"] == "code A"  # the pending mark is no code


def test_the_built_component_ships_and_matches_its_sources() -> None:
    """The committed build is what the sources give (scripts/build-components writes the
    hash), and it loads nothing from outside the package."""
    frontend = BUILT.parent / "frontend"
    names = ["index.html", "package.json", "package-lock.json", "tsconfig.json"]
    files = [frontend / n for n in names] + sorted((frontend / "src").iterdir())
    digest = hashlib.sha256(b"".join(f.read_bytes() for f in files)).hexdigest()
    assert (BUILT / "source.sha256").read_text().strip() == digest, "run scripts/build-components"
    page = (BUILT / "index.html").read_text(encoding="utf-8")
    assert re.findall(r'(?:src|href)="([^"]+)"', page) == ["./style.css", "./index.js"]
    assert (BUILT / "index.js").stat().st_size > 1000
