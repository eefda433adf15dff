"""Author–year citations in reviews; sentences around abbreviations and heading lines."""

from __future__ import annotations

import pytest

from kgreview.model import Reference
from kgreview.nlp.attributions import load_review_cues
from kgreview.nlp.authoryear import surname, year_index
from kgreview.nlp.segment import segment_text

REFS = [
    Reference("r1", "", authors=("Chen Y", "Li M"), year=2018),
    Reference("r2", "", authors=("van der Berg A",), year=2019),
    Reference("r3", "", authors=("杨敏",), year=2007),
]


def cited(sentence: str, refs: list[Reference] = REFS) -> list[tuple[tuple[str, ...], str]]:
    found = load_review_cues().author_year.citations(sentence, year_index(refs))
    return [(names, via) for _, names, via in found]


def test_a_narrative_citation_takes_the_reference_lists_names() -> None:
    assert cited("Chen and Li (2018) applied empowerment theory to older residents.") == [
        (("Chen Y", "Li M"), "cited")
    ]


def test_parenthetical_citations_english_and_chinese() -> None:
    found = cited("Tenants stay away (Chen & Li, 2018; Wang, 2020).")
    assert found == [(("Chen Y", "Li M"), "cited"), (("Wang",), "named")]
    assert cited("居住年限影响参与（杨敏，2007；王思斌等，2015）。") == [
        (("杨敏",), "cited"),
        (("王思斌",), "named"),
    ]


def test_et_al_and_particles_resolve_by_first_author() -> None:
    assert cited("Chen et al. (2018) found the same.") == [(("Chen Y", "Li M"), "cited")]
    assert cited("van der Berg (2019) traced councils.") == [(("van der Berg A",), "cited")]


@pytest.mark.parametrize(
    "sentence",
    [
        "In Shanghai (2019) the city piloted councils.",  # a place, no list entry, no verb
        "The survey (2020) covered 300 households.",
        "Turnout rose (from 12% in 2018 to 30%).",
    ],
)
def test_a_capitalised_word_before_a_year_is_no_scholar(sentence: str) -> None:
    assert cited(sentence) == []


def test_without_a_list_a_narrative_citation_needs_a_verb() -> None:
    assert cited("Wang (2020) used the strengths perspective.", []) == [(("Wang",), "named")]


def test_surnames() -> None:
    assert [surname(n) for n in ("Chen Y", "Putnam R D", "van der Berg A", "杨敏")] == [
        "Chen",
        "Putnam",
        "van der Berg",
        "杨敏",
    ]


def sentences(text: str) -> list[str]:
    return [text[s.start : s.end] for s in segment_text("d", text) if s.kind == "sentence"]


def test_et_al_initials_and_eg_end_no_sentence() -> None:
    text = (
        "Zhao et al. (2021) adopted social capital theory. "
        "R. D. Putnam argued the same, e.g. in 2000. It ends."
    )
    assert sentences(text) == [
        "Zhao et al. (2021) adopted social capital theory.",
        "R. D. Putnam argued the same, e.g. in 2000.",
        "It ends.",
    ]


def test_a_heading_line_is_its_own_sentence() -> None:
    text = "二、社会工作介入居民参与\n部分学者从增能理论出发开展小组工作。"
    assert sentences(text) == ["二、社会工作介入居民参与", "部分学者从增能理论出发开展小组工作。"]


def test_a_wrapped_line_is_not_cut() -> None:
    text = "Residents who had lived in the estate\nfor longer took part more often."
    assert len(sentences(text)) == 1


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        (
            "张和清、杨锡聪（2016）从优势视角出发开展社区营造。",
            ("张和清", "杨锡聪"),
        ),  # 和 in a name
        ("徐永祥和孙莹（2019）探讨了社区营造。", ("徐永祥", "孙莹")),
        ("王和平与李明（2019）探讨了社区营造。", ("王和平", "李明")),
        ("Smith and colleagues (2019) found the same.", ("Smith",)),
        ("As argued by Okafor (2021), turnout is low.", ("Okafor",)),
    ],
)
def test_names_as_written(sentence: str, names: tuple[str, ...]) -> None:
    assert cited(sentence, []) == [(names, "named")]


def test_a_joiner_inside_a_name_does_not_split_a_named_scholar() -> None:
    from kgreview.nlp.attributions import scholars_in

    assert scholars_in("张和清认为社区营造需要居民参与。", load_review_cues()) == ["张和清"]


def test_a_wrapped_line_opening_with_a_number_is_not_a_heading() -> None:
    text = "On the first evening about\n12 residents attended the meeting and\nvoted for the rules."
    assert len(sentences(text)) == 1
    numbered = "2.4 Digital platforms\nEarly studies were optimistic."
    assert sentences(numbered) == ["2.4 Digital platforms", "Early studies were optimistic."]
