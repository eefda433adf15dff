"""Polarity families of the voice4 round, each checked on sentences written for this test (not
from any gold document): sentences a family must catch and ones it must leave alone."""

from __future__ import annotations

import pytest

from tests.nlp.test_polarity import decide
from tests.nlp.test_sections import polarity_of


def test_heading_lines_joined_to_a_sentence_are_not_its_cues() -> None:
    zh = "第五章 结论与建议\n5.1 主要发现\n本研究发现居民的参与意愿普遍较低。"
    assert polarity_of(zh, "参与意愿") == {"uses"}
    en = (
        "Chapter 5 Conclusions and Recommendations\n5.1 Findings\n"
        "The survey found that trust was low."
    )
    assert polarity_of(en, "trust", title="Chapter 5") == {"uses"}
    # must not: a proposals heading still carries to the paragraph under it
    assert polarity_of("标题\n本研究以S社区为个案。\n对策建议\n社区宜设立议事会。", "议事会") == {
        "recommends"
    }


def test_an_english_limitations_heading_line_opens_a_passage() -> None:
    text = (
        "Report\nWe ran a time bank.\n4.3 Limitations\n"
        "The interviews reached mainly active members.\n"
    )
    assert polarity_of(text, "interviews", title="Report") == {"limitation"}
    # must not: the same paragraph under a findings heading is the study's own method
    other = (
        "Report\nWe ran a time bank.\n4.3 Findings\nThe interviews reached mainly active members.\n"
    )
    assert polarity_of(other, "interviews", title="Report") == {"uses"}


@pytest.mark.parametrize(
    ("sentence", "term", "expected"),
    [
        # a constraint fronting the sentence, a threat to the sample's reach, a count of cases
        ("Constrained by the project budget, we ran the survey only once.", "survey", "limitation"),
        ("Because volunteers chose to answer, this may affect the representativeness of the "
         "survey.", "survey", "limitation"),
        ("本次调研仅访谈了三位楼栋长。", "访谈", "limitation"),
        ("We only interviewed two council members.", "interviewed", "limitation"),
        ("The questionnaire was offered in English alone, so older migrants are "
         "under-represented.", "questionnaire", "limitation"),
        # must not: a limit on the residents, a plain count of visits, a finding about a council
        ("Residents' participation was limited by the lack of meeting space.", "meeting space",
         "uses"),
        ("社工走访了五户居民。", "走访", "uses"),
        ("Older migrants are under-represented on the residents' council.", "residents' council",
         "uses"),
    ],
)  # fmt: skip
def test_own_constraints_and_counts_are_limitations(
    sentence: str, term: str, expected: str
) -> None:
    assert decide(sentence, term) == expected


@pytest.mark.parametrize(
    ("sentence", "term", "expected"),
    [
        ("Income was not a barrier to joining the council.", "income", "negated"),
        ("收入并不是居民参与的障碍。", "收入", "negated"),
        ("Without stable employment, many tenants left the estate within a year.",
         "stable employment", "uses"),
        # must not: a factor affirmed; a negation inside the sentence still negates
        ("Income was a barrier to joining the council.", "income", "uses"),
        ("The council met without any tenants present.", "tenants", "negated"),
    ],
)  # fmt: skip
def test_denied_factors_and_fronted_absence(sentence: str, term: str, expected: str) -> None:
    assert decide(sentence, term) == expected


@pytest.mark.parametrize(
    ("sentence", "term", "expected"),
    [
        ("社区治理要从行政动员走向居民自治。", "居民自治", "recommends"),
        ("关键在于让居民进入议事会。", "议事会", "recommends"),
        ("The key is to give tenants a seat on the council.", "tenants", "recommends"),
        # must not: 主要从 is no modal, a key problem is a finding, a chosen sample no proposal
        ("本研究主要从居民自治的角度展开分析。", "居民自治", "uses"),
        ("问题的关键在于居民之间缺乏信任。", "信任", "uses"),
        ("The interviewees were recommended by the street office.", "interviewees", "uses"),
    ],
)  # fmt: skip
def test_normative_modals_and_the_key_step(sentence: str, term: str, expected: str) -> None:
    assert decide(sentence, term) == expected


def test_a_design_is_research_only_with_a_research_modifier() -> None:
    sentence = "Tenants joined the fair but were absent from the design workshops."
    assert decide(sentence, "tenants") == "uses"
    assert decide("Few research designs include a comparison group.", "comparison group") == "gap"


def test_doing_words_in_respondents_notes_report_others_acts() -> None:
    notes = "访谈记录\n问：您参加过哪些活动？\nA2：去年社工组织了一个互助小组，我也去了。\n"
    assert polarity_of(notes, "互助小组", title="访谈记录") == {"mentions"}
    own = "访谈记录\n本次调研采用半结构式访谈。\n"
    assert polarity_of(own, "半结构式访谈", title="访谈记录") == {"uses"}
    # must not: the same act in the study's own text
    study = "社区研究\n去年社工组织了一个互助小组。\n"
    assert polarity_of(study, "互助小组", title="社区研究") == {"uses"}


def test_a_cited_scholars_survey_is_the_scholars() -> None:
    assert decide("李某（2018）通过问卷调查发现，居民的信任程度普遍较低。", "信任") == "mentions"
    assert decide("Zhao (2017) used a survey and found that trust was low.", "trust") == "mentions"
    # must not: the study's own survey
    assert decide("本研究通过问卷调查发现，居民的信任程度普遍较低。", "信任") == "uses"


def test_a_lack_that_fronts_its_object_continues_the_research_subject() -> None:
    sentence = "现有研究多关注业委会的成立，对议事会如何运转缺乏追踪。"
    assert decide(sentence, "议事会") == "gap"
    # must not: residents lacking trust, as a scholar reports it
    assert decide("多数研究认为，居民对议事会缺乏信任。", "议事会") != "gap"


def test_a_method_reporting_a_finding_is_the_studys_analysis() -> None:
    text = "A study\nLogistic regression shows that trust among neighbours predicts attendance.\n"
    assert polarity_of(text, "trust") == {"uses"}
    # must not: people describing, not an analysis finding
    said = "A study\nSeveral interviewees described trust among neighbours as fragile.\n"
    assert polarity_of(said, "trust") == {"mentions"}


def test_a_mention_word_inside_a_method_name_reports_no_one() -> None:
    text = "社区研究\n本研究综合运用文献研究、问卷调查和深度访谈。\n"
    assert polarity_of(text, "问卷调查", title="社区研究") == {"uses"}
    # must not: literature as the subject still reports others' work
    other = "社区研究\n本研究以S社区为个案。已有文献多采用问卷调查。\n"
    assert polarity_of(other, "问卷调查", title="社区研究") == {"mentions"}


def test_an_informants_title_is_a_mention() -> None:
    notes = "田野笔记\n笔者在S小区调研。楼栋长老王（R2，男，70岁）正在门口贴通知。\n"
    assert polarity_of(notes, "楼栋长", title="田野笔记") == {"mentions"}
    en = (
        "Field notes\nWe visited the estate. "
        "The building head Mr Li (R4, male, 62) was fixing a gate.\n"
    )
    assert polarity_of(en, "building head", title="Field notes") == {"mentions"}
    # must not: the study's own building leaders, no informant named
    own = "田野笔记\n笔者在S小区调研。社区选出了十二名楼栋长。\n"
    assert polarity_of(own, "楼栋长", title="田野笔记") == {"uses"}


@pytest.mark.parametrize(
    ("sentence", "term", "expected"),
    [
        ("The estate's chat groups seldom serve as a residents' council.", "residents' council",
         "negated"),
        ("业主群很少成为居民议事会的延伸。", "议事会", "negated"),
        # must not: a status affirmed; research that rarely studies something stays a gap
        ("The chat groups became a residents' council in all but name.", "residents' council",
         "uses"),
        ("Studies have rarely examined how residents' councils work.", "residents' councils",
         "gap"),
    ],
)  # fmt: skip
def test_a_status_denied_is_negated(sentence: str, term: str, expected: str) -> None:
    assert decide(sentence, term) == expected


@pytest.mark.parametrize(
    ("sentence", "term", "expected"),
    [
        ("本研究发现居民之间缺乏信任。", "信任", "uses"),
        ("本文表明老年居民普遍缺乏参与渠道。", "参与渠道", "uses"),
        # must not: the study's own shortfall stays a limitation
        ("本研究未能追踪居民的参与意愿。", "参与意愿", "limitation"),
        ("本研究缺乏对照组，难以评估介入效果。", "介入效果", "limitation"),
    ],
)  # fmt: skip
def test_a_lack_the_study_found_is_its_finding(sentence: str, term: str, expected: str) -> None:
    assert decide(sentence, term) == expected


@pytest.mark.parametrize(
    ("sentence", "term", "expected"),
    [
        ("社区应推动居民从被动参与走向主动参与。", "被动参与", "mentions"),
        ("社区应推动居民从被动参与走向主动参与。", "主动参与", "recommends"),
        ("Councils should move residents from passive participation to autonomous "
         "participation.", "passive participation", "mentions"),
        # must not: a change the study observed keeps both states as its finding
        ("The evaluation shows that residents moved from passive participation to autonomous "
         "participation.", "passive participation", "uses"),
    ],
)  # fmt: skip
def test_the_state_a_proposed_change_leaves_is_a_mention(
    sentence: str, term: str, expected: str
) -> None:
    assert decide(sentence, term) == expected


def test_a_context_named_before_a_proposal_is_its_setting() -> None:
    zh = "社区研究\n本研究以S社区为个案。研究认为，老旧小区的加装电梯工作应由居民议事会协商决定。\n"
    assert polarity_of(zh, "老旧小区", title="社区研究") == {"uses"}
    # must not: a context the proposal itself brings in
    brings = "社区研究\n本研究以S社区为个案。本文建议将流动人口纳入居民代表的推选范围。\n"
    assert polarity_of(brings, "流动人口", title="社区研究") == {"recommends"}
