"""Session 10, round r11b: forms for countermeasure and method codes and polarity cues added after
reading the misses, false positives and wrong polarities of dev12–dev15. Each form is checked on a
sentence written for this test (none from a gold document); risky forms also get a look-alike
they must leave."""

from __future__ import annotations

import pytest

from tests.nlp.test_sections import polarity_of
from tests.nlp.test_tagger import codes

# (code, sentences it must catch): one per added form
CATCH = [
    (
        "method.evaluation",
        [
            "Evaluation Report: a Pocket Park Project in a Riverside Estate",
            "Mid-term Evaluation: the Neighbourhood Repair Café",
            "This interim evaluation covers the first six months of the pilot.",
            "An end-of-project evaluation was carried out by the agency.",
        ],
    ),
    (
        "countermeasure.residents_congress",
        [
            "Renters said the residents' meeting never discussed their rooms.",
            "The proposal was put on the agenda of the residents meeting in May.",
        ],
    ),
    ("countermeasure.capacity_training", ["楼栋长们普遍缺乏培训，不知道怎样组织讨论。"]),
    (
        "countermeasure.resource_integration",
        ["社工站整合辖区学校的场地资源开办暑期课堂。", "街道整合驻区单位闲置资源建起了共享厨房。"],
    ),
    ("countermeasure.home_visits", ["疫苗登记的任务都落到楼长身上，要他们挨个入户。"]),
    (
        "method.questionnaire",
        ["课题组采用入户调查收集了三百户的数据。", "研究通过入户问卷调查了解老人的需求。"],
    ),
    ("method.observation", ["笔者这次只观察了一次楼道议事会。", "我们仅观察了两场协商会。"]),
    ("method.case_study",
     ["以单个社区个案为基础的系统考察较少。", "基于多个案例的比较考察仍然缺乏。"]),
]  # fmt: skip

# (code, look-alike sentences it must leave)
LEAVE = [
    # two nouns joined by 与, not integrating resources
    ("countermeasure.resource_integration", ["学者强调多元主体之间的目标整合与资源共享。"]),
    # a household survey or a registration done at home is no home visit
    (
        "countermeasure.home_visits",
        ["课题组采用入户调查收集了三百户的数据。", "研究通过入户问卷调查了解老人的需求。",
         "社区开展了流动人口入户登记。"],
    ),
    # a meeting of residents in general is not the statutory assembly
    ("countermeasure.residents_congress", ["Few tenants attend residents' meetings."]),
]  # fmt: skip


@pytest.mark.parametrize(("code", "sentences"), CATCH)
def test_session10_forms_catch(code: str, sentences: list[str]) -> None:
    """Each added form finds its concept in wording of our own."""
    for sentence in sentences:
        assert code in codes(sentence), sentence


@pytest.mark.parametrize(("code", "sentences"), LEAVE)
def test_session10_forms_leave_look_alikes(code: str, sentences: list[str]) -> None:
    """Narrower forms and not_forms keep the code off what only looks like it."""
    for sentence in sentences:
        assert code not in codes(sentence), sentence


def test_a_review_limited_to_its_sources_is_a_limitation() -> None:
    """The review itself limited, or not covering something, is the text's own limit."""
    text = "This review is itself limited to articles indexed in two databases."
    assert polarity_of(text, "This review") == {"limitation"}
    text = "This review does not cover reports written by charities."
    assert polarity_of(text, "This review") == {"limitation"}
    # in a literature review too, where limitation cues usually describe reviewed studies
    title = "Tenant Participation: A Literature Review"
    text = "Wang (2020) studied two estates. This review is limited to articles in two databases."
    assert polarity_of(text, "This review", title=title) == {"limitation"}
    text = "Wang (2020) studied two estates. The sample was limited to one city."
    assert "limitation" not in polarity_of(text, "sample", title=title)


def test_no_control_group_is_a_limitation_not_a_negation() -> None:
    text = "As only eight teens took part and there was no control group, the gains are unclear."
    assert polarity_of(text, "control group") == {"limitation"}


def test_rare_designs_and_data_are_a_research_gap() -> None:
    text = "Panel designs that follow tenants for several years are rare."
    assert polarity_of(text, "Panel designs") == {"gap"}
    text = "Longitudinal data on owners' committees are still rare."
    assert polarity_of(text, "Longitudinal data") == {"gap"}
    # a residents' rarity without research as its subject stays what it was
    assert polarity_of("Meetings in the estate are rare.", "Meetings") != {"gap"}


def test_a_group_invisible_in_the_literature_is_a_gap() -> None:
    text = "Renters are largely invisible in the literature on estates."
    assert polarity_of(text, "Renters") == {"gap"}


def test_the_writers_own_reading_may_be_biased_is_a_limitation() -> None:
    text = "由于不懂当地方言，笔者对部分访谈内容的理解可能存在偏差。"
    assert polarity_of(text, "访谈") == {"limitation"}


def test_a_design_the_study_also_did_without_is_a_limitation() -> None:
    text = "本研究只涉及一个街道，也没有采用追踪设计，结论仍需检验。"
    assert polarity_of(text, "追踪设计") == {"limitation"}


def test_having_followed_only_one_term_is_a_limitation() -> None:
    text = "由于只跟踪了一个学期，志愿者的持续参与情况有待后续追踪研究。"
    assert polarity_of(text, "追踪研究") == {"limitation"}
    # a field's need for tracking studies without the study's own constraint stays a gap
    assert polarity_of("社区参与的长期变化有待追踪研究。", "追踪研究") == {"gap"}


def test_a_refusal_negates_what_is_refused() -> None:
    text = "The management company refused to disclose its accounts to the owners."
    assert polarity_of(text, "disclose its accounts") == {"negated"}


def test_a_measure_said_to_be_lacking_is_negated() -> None:
    """A countermeasure or participation type whose own evidence states its lack is negated."""
    text = "街道与派出所等部门之间缺乏衔接。"
    assert polarity_of(text, "部门之间缺乏衔接") == {"negated"}
    text = "In the new estate, tenants had no say over how the repair fund was spent."
    assert polarity_of(text, "no say over") == {"negated"}


def test_a_factors_lack_stays_the_factor_at_work() -> None:
    """For a factor the lack is the factor: 缺乏参与渠道 is the channels factor, used."""
    found = codes("外来务工人员缺乏参与渠道。")
    assert "factor.channels" in found
    assert polarity_of("外来务工人员缺乏参与渠道。", found["factor.channels"][0]) == {"uses"}


def test_project_cycles_that_are_short_are_a_finding_not_a_limitation() -> None:
    """项目周期短 names a problem of the field; 研究/介入周期仅为… is the study's own limit."""
    text = "社区矫正经费依赖政府购买服务，项目周期短，社工流动性大。"
    assert polarity_of(text, "政府购买服务") == {"uses"}
    text = "本研究的介入周期仅为三个月，问卷只在结束时发放。"
    assert polarity_of(text, "问卷") == {"limitation"}


def test_applicability_still_to_be_assessed_is_a_limitation() -> None:
    text = "本报告基于两个城区的调研，对农村地区的适用性尚需进一步评估。"
    assert polarity_of(text, "农村地区") == {"limitation"}


def test_little_attention_to_a_concept_is_a_gap() -> None:
    text = "已有研究对居民如何参与决策关注不多。"
    assert polarity_of(text, "参与决策") == {"gap"}


def test_people_in_need_do_not_make_a_proposal() -> None:
    """有需要的家庭 are families in need; 需要 there is no recommendation cue."""
    text = "社工组建了家长小组，并将有需要的家庭转介至康复中心。"
    assert polarity_of(text, "转介至") == {"uses"}
    assert polarity_of("社区需要建立转介机制。", "转介机制") == {"recommends"}


def test_a_colloquial_must_and_put_forward_suggestions_propose() -> None:
    assert polarity_of("我觉得得搞个议事会，让大家自己排时间。", "议事会") == {"recommends"}
    text = "The report puts forward suggestions: hold a public consultation on the fund."
    assert polarity_of(text, "public consultation") == {"recommends"}


def test_a_willingness_that_is_not_weak_is_negated() -> None:
    """意愿并不弱/并不低 denies the weak-willingness barrier."""
    assert polarity_of("调查发现，骑手的参与意愿并不弱。", "参与意愿") == {"negated"}


def test_a_short_trial_run_of_the_measure_is_a_limitation() -> None:
    text = "此外，楼道公约试行时间较短，其长期效果有待后续追踪研究。"
    assert polarity_of(text, "追踪研究") == {"limitation"}


def test_a_fronted_lack_of_time_and_an_untraced_outcome_are_the_studys_limitation() -> None:
    text = "Because of the limited time, this study did not trace whether the groups lasted."
    assert polarity_of(text, "did not trace") == {"limitation"}
    # residents short of time are a factor, not the study's limitation
    text = "Due to limited time, working parents rarely joined the patrols; time was the barrier."
    assert "limitation" not in polarity_of(text, "time")


def test_few_in_depth_case_investigations_are_a_gap() -> None:
    text = "已有研究多为经验总结，基于社区个案的深入考察仍不多见。"
    assert polarity_of(text, "个案的深入考察") == {"gap"}


def test_a_small_focus_group_codes_the_method_as_a_limitation() -> None:
    text = "本研究采用焦点小组座谈收集资料。\n本次座谈仅5人，且都是楼栋骨干。"
    assert polarity_of(text, "座谈") >= {"limitation"}


def test_a_possibly_subjective_reading_is_a_limitation() -> None:
    text = "本研究采用参与式行动研究。\n由于笔者深度参与行动过程，结论可能带有一定主观性。"
    assert polarity_of(text, "行动过程") == {"limitation"}
