"""Matching rules of the tagger on sentences we wrote: boundaries, variants, context rules."""

from __future__ import annotations

from kgreview.model import Document
from kgreview.pipeline import build_bundle
from kgreview.tagging import load_tagger


def codes(text: str, title: str = "A study") -> dict[str, list[str]]:
    bundle = build_bundle(Document(id="doc:t", title=title, text=text), load_tagger().tag)
    found: dict[str, list[str]] = {}
    for c in sorted(bundle.codings, key=lambda c: c.start):
        assert text[c.start : c.end] == c.evidence
        found.setdefault(c.code_id, []).append(c.evidence)
    return found


def test_chinese_boundaries_use_jieba_only_where_ambiguous() -> None:
    assert "countermeasure.capable_people" not in codes("可能人们不愿意参加活动。")
    assert "countermeasure.capable_people" in codes("社会工作者挖掘社区能人参与治理。")


def test_empowerment_is_theory_with_a_head_or_frame_activity_otherwise_verb_never() -> None:
    assert "theory.empowerment" in codes("本研究在增能理论指导下开展服务。")
    assert "theory.empowerment" in codes("在增能视角的指导下，社工开展服务。")
    activity = codes("社工为妇女骨干开展了三次赋能活动。")
    assert "countermeasure.empowerment_activities" in activity
    assert "theory.empowerment" not in activity
    verb = codes("Social workers aim to empower the residents.")
    assert "theory.empowerment" not in verb
    assert "countermeasure.empowerment_activities" not in verb


def test_english_variants_plural_hyphen_and_literal_translations() -> None:
    found = codes(
        "We interviewed backbones of urban mixed communities from an advantage "
        "perspective, using semi structured interviews."
    )
    assert "context.mixed" in found
    assert found["theory.strengths"] == ["advantage perspective"]
    assert "method.semi_structured_interview" in found


def test_traditional_chinese_matches_and_evidence_keeps_the_original_characters() -> None:
    found = codes("本研究以優勢視角為指導。")
    assert found["theory.strengths"] == ["優勢視角"]


def test_regional_development_model_needs_a_social_work_context() -> None:
    economics = "The regional development model explains GDP growth across provinces."
    assert "theory.locality_development" not in codes(economics)
    social_work = economics + " Social workers adapted the regional development model."
    assert "theory.locality_development" in codes(social_work)


def test_head_final_compounds_win_overlaps() -> None:
    found = codes("社会工作者以社区工作搭建居民议事平台。")
    assert "countermeasure.negotiation_platform" in found


def test_such_as_is_an_example_not_a_reference_back() -> None:
    from kgreview.model import Document
    from kgreview.nlp.segment import segment_text
    from kgreview.tagging import load_tagger

    text = (
        "Studies of resettlement communities are common. Few studies examine participation in"
        " places such as community gardens."
    )
    doc = Document(id="d", title="A review", text=text, lang="en", doc_type="review")
    codings = load_tagger().tag(doc, segment_text("d", text)).codings
    assert not any(c.evidence.startswith("such as") for c in codings)
