"""The normalised view: what matching sees, and the exact way back to the stored text."""

from __future__ import annotations

import pytest

from kgreview.nlp.normalize import normalise

CASES = [
    ("Ｅｍｐｏｗｅｒｍｅｎｔ　Theory", "empowerment theory", "Ｅｍｐｏｗｅｒｍｅｎｔ　Theory"),
    ("以增權理論為指導", "增权理论", "增權理論"),
    ("social governance.The community", "the", "The"),
    ("co-governance,co-construction and sharing", "co-construction", "co-construction"),
    ("ﬁne-grained ① data", "fine", "ﬁne"),
]


@pytest.mark.parametrize(("stored", "needle", "expected"), CASES)
def test_view_spans_map_back_to_the_stored_text(stored: str, needle: str, expected: str) -> None:
    view = normalise(stored)
    i = view.text.index(needle)
    start, end = view.span(i, i + len(needle))
    assert stored[start:end] == expected


def test_run_ons_are_split_in_the_view_only() -> None:
    stored = "participation in governance.The 2022 report"
    view = normalise(stored)
    assert "governance. the" in view.text
    assert "governance.The" in stored


def test_plain_text_keeps_identity_offsets() -> None:
    view = normalise("plain ascii, nothing to change")
    assert view.starts is None and view.span(3, 9) == (3, 9)


def test_decimal_numbers_are_not_split() -> None:
    assert normalise("version 3.5 and e.g. values").text == "version 3.5 and e.g. values"
