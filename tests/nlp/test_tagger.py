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


def test_not_forms_keep_a_longer_phrase_from_coding_its_inner_term() -> None:
    assert "method.community_work" not in codes("研究访谈了六名社区工作者和八名居民。")
    assert "method.community_work" in codes("社会工作者综合运用小组工作和社区工作方法。")
    assert "context.migrant" not in codes("Returned migrant workers led the village project.")


def test_singular_of_a_plural_form_matches() -> None:
    assert "countermeasure.home_visits" in codes("There had never been a home visit from them.")
    assert "countermeasure.capable_people" in codes("Villagers described him as a natural leader.")


def test_gapped_forms_span_a_modifier_within_one_clause_only() -> None:
    found = codes("本文建议拓宽租户参与公共事务的渠道。")
    assert found["countermeasure.broaden_channels"] == ["拓宽租户参与公共事务的渠道"]
    assert "countermeasure.broaden_channels" not in codes("本文建议拓宽思路，完善参与渠道。")
    # a literal term inside the gap keeps its own code
    inner = codes("多数社区缺乏居民议事会的监督机制。")
    assert "countermeasure.residents_council" in inner
    assert "factor.missing_norms" in inner


def test_british_and_american_spellings_both_match() -> None:
    assert "participation_type.mobilised" in codes("Residents showed mobilized participation.")
    assert "factor.neighbourhood" in codes("Neighborhood relationships were weak.")


def test_a_two_word_compound_matches_with_de_between_but_not_for_theories() -> None:
    assert "method.outcome_evaluation" in codes("对介入成效的评估多停留在满意度调查层面。")
    assert "theory.governance" not in codes("本文梳理社会工作参与社区治理的理论基础。")


def test_coordinated_modifiers_share_the_head_written_once() -> None:
    found = codes("Scholars describe passive, cooperative and autonomous participation.")
    for code in ("passive", "cooperative", "autonomous"):
        assert f"participation_type.{code}" in found
    zh = codes("社会工作者综合运用个案、小组和社区工作方法。")
    assert {"method.casework", "method.group_work", "method.community_work"} <= set(zh)
    assert "participation_type.passive" not in codes("Some were passive; others joined.")
