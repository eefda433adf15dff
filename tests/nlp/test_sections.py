"""Announced passages (recommendations, limitations, an observer's note), an abstract's opening
background, clause-wide negation and generic codes folded into specific ones."""

from __future__ import annotations

from kgreview.model import Document
from kgreview.pipeline import build_bundle
from kgreview.tagging import load_tagger


def polarity_of(text: str, evidence: str, title: str = "A study") -> set[str]:
    """Polarities of the codings whose evidence is ``evidence`` (spans checked exact)."""
    bundle = build_bundle(Document(id="doc:s", title=title, text=text), load_tagger().tag)
    for c in bundle.codings:
        assert text[c.start : c.end] == c.evidence
    return {c.polarity for c in bundle.codings if c.evidence == evidence}


def test_a_recommendation_passage_carries_to_its_items() -> None:
    text = (
        "标题\n本研究以S社区为个案。\n"
        "基于上述结论，提出以下几点建议。第一，社区宜尽快启动业委会筹备工作。"
        "第二，可在小区内设立社区微基金。\n本研究也存在不足。资料收集主要依靠访谈。"
    )
    assert polarity_of(text, "业委会") == {"recommends"}
    assert polarity_of(text, "社区微基金") == {"recommends"}
    assert polarity_of(text, "访谈") == {"limitation"}
    # The same sentence outside an announced passage stays the study's own act.
    assert polarity_of("标题\n本研究以S社区为个案。第二，社区成立了业委会。", "业委会") == {"uses"}


def test_a_heading_line_announces_the_next_paragraph() -> None:
    text = "标题\n本研究发现居民参与不足。\n二、对策建议\n依托微信群发布社区信息，做到居务公开。"
    assert polarity_of(text, "微信群") == {"recommends"}
    assert polarity_of(text, "居务公开") == {"recommends"}


def test_an_english_limitations_passage_and_a_negation_inside_it() -> None:
    text = (
        "Title\nThis study surveyed owners with a questionnaire.\n"
        "Several limitations should be kept in mind. Finally, we did not collect data on tenants."
    )
    assert polarity_of(text, "tenants") == {"limitation"}


def test_an_observers_note_in_interview_notes_is_the_studys_voice() -> None:
    text = (
        "Interview Notes: Owners\nOwner A said the owners' committee never met.\n"
        "My reading: this was rights-defending participation, not sustained involvement."
    )
    notes = "Interview Notes: Owners"
    assert polarity_of(text, "rights-defending participation", notes) == {"uses"}
    assert polarity_of(text, "owners' committee", notes) != {"uses"}


def test_an_abstracts_opening_background_is_a_mention() -> None:
    text = (
        "Title\nUrban villages house millions of migrants in China. "
        "This thesis studies participatory planning in D village."
    )
    assert polarity_of(text, "Urban villages") == {"mentions"}
    assert polarity_of(text, "participatory planning") == {"uses"}
    # A sentence naming the case community is the study's own case, not background.
    case = "Title\nMany residents in M community depend on the government. This thesis asks why."
    assert polarity_of(case, "depend on the government") == {"uses"}


def test_a_negation_can_reach_over_its_clause() -> None:
    text = (
        "Title\nThe findings do not support the common view that older residents are "
        "simply apathetic."
    )
    assert polarity_of(text, "apathetic") == {"negated"}
    assert polarity_of("标题\n这更接近象征性参与而非真实参与。", "真实参与") == {"negated"}


def test_a_generic_interview_folds_into_the_specific_method() -> None:
    text = "Title\nWe held 16 in-depth interviews. The interviews were coded by two coders."
    bundle = build_bundle(Document(id="doc:f", title="T", text=text), load_tagger().tag)
    codes = {c.code_id for c in bundle.codings}
    assert "method.in_depth_interview" in codes and "method.interview" not in codes
    alone = build_bundle(Document(id="doc:g", title="T", text="We held interviews."),
                         load_tagger().tag)  # fmt: skip
    assert "method.interview" in {c.code_id for c in alone.codings}
