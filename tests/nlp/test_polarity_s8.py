"""Polarity misfires of the s8 round, each checked on sentences written for this test (not from
any gold document): the misfire, and near cases that must keep their polarity."""

from __future__ import annotations

import pytest

from tests.nlp.test_polarity import decide
from tests.nlp.test_sections import polarity_of


@pytest.mark.parametrize(
    ("sentence", "term", "expected"),
    [
        # 主要以 / 主要发挥 describe what is: 要 there is no "must"
        ("调查发现，老年居民主要以旁观的方式被动参与。", "被动参与", "uses"),
        ("研究发现，楼栋长主要发挥着联络作用，居民缺少参与渠道。", "参与渠道", "uses"),
        # near: a real "要以" / "要加强" still proposes
        ("社区要以楼栋为单位建立议事小组。", "议事小组", "recommends"),
        ("街道要加强居民议事会的制度建设。", "居民议事会", "recommends"),
        # 重建议事小组, 组建议事会: 建 ends the verb, 议事 is the council (no 建议)
        ("社工协助居民组建议事会，定期讨论楼道清理。", "议事会", "uses"),
        ("灾后村里成立了重建议事小组，村民的决策参与有所提升。", "决策参与", "uses"),
        # near: a proposal of the council still proposes
        ("建议社区成立居民议事会。", "居民议事会", "recommends"),
        ("本研究建议事先征求居民意见，再成立议事会。", "议事会", "recommends"),
        # a proposal verb inside the study's finding is what was found ("能够提出议题")
        ("研究发现，青少年能够提出具体议题，表现出较强的组织能力。", "组织能力", "uses"),
        # near: the study's own proposal
        ("本文提出建立居民议事会，提升居民的组织能力。", "居民议事会", "recommends"),
        # 应与…统筹推进: a normative "should go with"
        ("研究认为，社区养老服务应与老旧小区改造统筹推进。", "老旧小区改造", "recommends"),
        # near: 相应与 / 响应与 are no modal
        ("居民对楼道改造的响应与参与都很积极。", "楼道改造", "uses"),
    ],
)
def test_s8_sentence_cues(sentence: str, term: str, expected: str) -> None:
    assert decide(sentence, term) == expected


def test_a_conclusions_and_proposals_heading_does_not_make_findings_proposals() -> None:
    findings = "研究发现，A小区依托积分制动员居民，投放准确率明显提高。"
    text = f"第五章 结论与建议\n{findings}\n基于上述发现，本文提出以下建议：社区宜设立议事会。"
    assert polarity_of(text, "积分制", title="第五章 结论与建议") == {"uses"}
    assert polarity_of(text, "议事会", title="第五章 结论与建议") == {"recommends"}
    # near: a heading of proposals alone still announces the paragraph under it
    text = "第五章 对策建议\n社区依托积分制动员居民。\n"
    assert polarity_of(text, "积分制", title="第五章 对策建议") == {"recommends"}


def test_former_and_dated_titles_are_no_scholars() -> None:
    # 原某厂 is "the former X factory", not an anonymised scholar 某
    text = "标题\n本文以W社区（原某纺织厂宿舍区）为个案，采用深度访谈收集资料。"
    assert polarity_of(text, "深度访谈") == {"uses"}
    # a date in a title's brackets ("笔记（2023年5月…）") is no citation year
    notes = "观察笔记（2023年5月6日，S社区消防演练）\n上午，网格员在楼道张贴演练通知。"
    assert polarity_of(notes, "网格员", title="观察笔记（2023年5月6日，S社区消防演练）") == {"uses"}
    # near: an anonymised scholar and a cited year still credit the act to the scholar
    assert polarity_of("标题\n王某通过深度访谈发现居民参与不足。", "深度访谈") == {"mentions"}
    assert polarity_of("标题\n李明等（2019）通过深度访谈发现居民参与不足。", "深度访谈") == {
        "mentions"
    }


def test_a_numbered_proposals_heading_run_into_its_paragraph() -> None:
    text = (
        "标题\n一、调研情况。课题组走访了12个社区。\n二、对策建议。（一）居民议事会每月召开一次。"
    )
    assert polarity_of(text, "居民议事会") == {"recommends"}
    # near: a numbered heading of findings announces nothing
    other = (
        "标题\n一、调研情况。课题组走访了12个社区。\n二、主要发现。（一）居民议事会每月召开一次。"
    )
    assert polarity_of(other, "居民议事会") == {"uses"}


def test_it_was_found_that_is_the_studys_own_finding() -> None:
    text = "A thesis\n\nThis thesis takes S estate as a case. It was found that trust was low."
    assert polarity_of(text, "trust", title="A thesis") == {"uses"}
    # near: someone else's finding stays reported
    other = "A thesis\n\nThis thesis takes S estate as a case. Wang found that trust was low."
    assert polarity_of(other, "trust", title="A thesis") == {"mentions"}


@pytest.mark.parametrize(
    ("sentence", "evidence"),
    [
        (
            "Because all in-depth interviews were held through interpreters, some nuances "
            "may have been lost in translation.",
            "in-depth interviews",
        ),
        ("Given the topic, the number of interviewees is small.", "interviewees"),
        ("Members may have overstated their role in the focus group.", "focus group"),
        (
            "As the author ran the focus group, the analysis may carry subjective bias.",
            "focus group",
        ),
    ],
)
def test_english_admissions_of_the_studys_own_data(sentence: str, evidence: str) -> None:
    text = f"A thesis\n\nThis thesis uses in-depth interviews and a focus group. {sentence}"
    assert "limitation" in polarity_of(text, evidence, title="A thesis")
    # near: the same methods named as done stay uses
    assert polarity_of(text.replace(sentence, ""), evidence, title="A thesis") <= {"uses"}


@pytest.mark.parametrize(
    ("sentence", "term", "expected"),
    [
        ("Ethnographic studies of tenants' groups are rarer still.", "tenants' groups", "gap"),
        (
            "Existing surveys count votes and say little about deliberation.",
            "deliberation",
            "gap",
        ),
        # near: "rarer" about the world, and "little" about residents, are no gap
        ("Meetings of tenants' groups became rarer after the move.", "tenants' groups", "uses"),
        ("Residents knew little about deliberation before the project.", "deliberation", "uses"),
    ],
)
def test_s8_english_gaps(sentence: str, term: str, expected: str) -> None:
    assert decide(sentence, term) == expected


def test_a_respondent_tag_past_a_chinese_comma_is_no_title_of_the_term() -> None:
    text = "标题\n本研究在Q社区开展调研。访谈中，一位居民（R5，女，61岁）说小区停车难。"
    assert polarity_of(text, "访谈") == {"uses"}
    # near: a title right before the tag is the informant's, a mention
    text = "标题\n本研究在Q社区开展调研。楼栋长老刘（R2，男，66岁）常在群里通知大家。"
    assert polarity_of(text, "楼栋长") == {"mentions"}
