"""Polarity families, each checked on sentences written for this test (not from any gold
document): sentences a family must catch and ones it must leave alone."""

from __future__ import annotations

import pytest

from tests.nlp.test_polarity import decide
from tests.nlp.test_sections import polarity_of


@pytest.mark.parametrize(
    ("sentence", "term", "expected"),
    [
        # existence denied over the whole clause
        ("We saw no evidence that the volunteers felt any apathy toward the estate.", "apathy",
         "negated"),
        ("None of the five estates had set up a residents' council by the end of 2022.",
         "residents' council", "negated"),
        ("访谈中并未发现居民对议事会存在抵触情绪的迹象。", "抵触情绪", "negated"),
        # must not: a plain finding, and a lack of research stays a gap
        ("We saw that the volunteers felt apathy toward the estate.", "apathy", "uses"),
        ("There is little evidence that social capital predicts turnout.", "social capital",
         "gap"),
    ],
)  # fmt: skip
def test_existence_denial_negates_its_clause(sentence: str, term: str, expected: str) -> None:
    assert decide(sentence, term) == expected


@pytest.mark.parametrize(
    ("sentence", "term", "expected"),
    [
        ("With only four households retained, the follow-up survey rests on very few cases.",
         "survey", "limitation"),
        ("Our estimates of the programme's effect should be read with caution, as the "
         "questionnaire was answered by volunteers.", "questionnaire", "limitation"),
        ("The interviews relied on convenience sampling, so they say little about the town as "
         "a whole.", "interviews", "limitation"),
        ("由于只跟踪了一个学期，对小组工作成效的判断仍属初步。", "小组工作", "limitation"),
        ("本研究的问卷通过方便抽样在两个小区发放。", "问卷", "limitation"),
        # must not: the study's method described plainly; a reviewed study's weakness
        ("The survey was sent to all 410 households in the estate.", "survey", "uses"),
    ],
)  # fmt: skip
def test_held_back_verdicts_on_own_results_are_limitations(
    sentence: str, term: str, expected: str
) -> None:
    assert decide(sentence, term) == expected


def test_a_reviewed_studys_weakness_is_not_the_reviews_limitation() -> None:
    sentence = "Their survey relied on convenience sampling in two districts."
    assert decide(sentence, "survey", review=True) != "limitation"


@pytest.mark.parametrize(
    ("sentence", "term", "expected"),
    [
        ("后续研究可以尝试引入社会支持理论，比较不同社区的差异。", "社会支持理论", "recommends"),
        ("街道可尝试借助时间银行记录志愿服务时长。", "时间银行", "recommends"),
        # must not: what the study did
        ("本研究借助时间银行记录了志愿服务时长。", "时间银行", "uses"),
    ],
)  # fmt: skip
def test_modals_of_trying_are_proposals(sentence: str, term: str, expected: str) -> None:
    assert decide(sentence, term) == expected


def test_a_heading_ending_in_a_proposal_noun_opens_a_passage() -> None:
    text = (
        "标题\n本研究以R社区为个案。\n五、工作建议\n"
        "由街道牵头设立楼栋议事会；通过时间银行把志愿服务积分与社区超市挂钩。\n"
    )
    assert polarity_of(text, "时间银行") == {"recommends"}
    # the same sentence without the heading reports what was done
    plain = "标题\n本研究以R社区为个案。\n社区通过时间银行把志愿服务积分与社区超市挂钩。\n"
    assert polarity_of(plain, "时间银行") == {"uses"}


@pytest.mark.parametrize(
    ("sentence", "term", "expected"),
    [
        ("Building on Arnstein's ladder, Zhou Qing found that tenants were kept at the lowest "
         "rungs.", "arnstein's ladder", "mentions"),
        ("Studies of time banks in rural villages explain participation as reciprocity.",
         "time banks", "mentions"),
        ("关于时间银行的研究多从互惠角度解释老年人的参与。", "时间银行", "mentions"),
        # must not: the study's own opening act; research lacking stays a gap
        ("Building on Arnstein's ladder, we found that tenants were kept at the lowest rungs.",
         "arnstein's ladder", "uses"),
        ("Studies of time banks in rural villages remain scarce.", "time banks", "gap"),
        ("本文是一项关于时间银行的研究。", "时间银行", "uses"),
    ],
)  # fmt: skip
def test_others_research_as_the_subject_is_a_mention(
    sentence: str, term: str, expected: str
) -> None:
    assert decide(sentence, term) == expected


def test_the_study_classing_what_it_saw_is_its_use() -> None:
    sentence = (
        "居民只在发放物资时到场，很少参与方案的讨论，属于典型的象征性参与；受访者认为“这与我无关”。"
    )
    assert decide(sentence, "象征性参与") == "uses"
    # a labelled field note of the observer is the study's own record, even in interview notes
    notes = (
        "访谈记录\n受访者A1（男，60岁）：我们不太去开会。\n受访者A2（女，66岁）：听说过议事会。\n"
        "田野笔记：村里的议事会一年只开过一次，老人大多不知道。\n"
    )
    assert polarity_of(notes, "议事会", title="访谈记录") >= {"uses"}


def test_an_admitted_shortfall_goes_on_over_the_sentence() -> None:
    admitted = "本研究的资料来自八位社工的访谈，未能纳入居民的看法；" + (
        "另外，小组工作的效果只能依据组员自评加以判断。"
    )
    assert decide(admitted, "小组工作") == "limitation"
    # must not: no shortfall admitted before
    assert decide("本研究访谈了十二位居民；此外，社区开展了小组工作。", "小组工作") == "uses"


def test_a_contrast_ends_what_the_sentence_said_before() -> None:
    # the fallback reads only what follows the turn: the background's mention stays behind
    sentence = "近年来各地推行线上参与，但本社区的议事会仍只在线下召开。"
    assert decide(sentence, "议事会") == "uses"
    # must not: a reporting verb before the turn still reaches over it
    said = "她说自己愿意参加议事会，但白天没有时间。"
    assert decide(said, "没有时间") == "mentions"


def test_what_research_mostly_does_is_no_gap_of_its_own() -> None:
    """The clause saying what existing work mostly does is a mention; the gap belongs to the
    clause that states the lack, about that clause's terms (checked with the full tagger, whose
    sentences carry every term of the sentence)."""
    review = "2.1 研究述评\n"
    zh = review + (
        "现有研究存在以下不足：其一，成果多为问卷调查的描述，运用参与式观察追踪议事过程的研究仍然很少。\n"
    )
    assert polarity_of(zh, "问卷调查", title="2.1 研究述评") == {"mentions"}
    assert polarity_of(zh, "参与式观察", title="2.1 研究述评") == {"gap"}
    en = (
        "2.1 Review of research\nExisting research has two weaknesses: first, studies rely "
        "mainly on satisfaction surveys, and few studies have used participant observation.\n"
    )
    assert polarity_of(en, "satisfaction surveys", title="2.1 Review of research") == {"mentions"}
    assert polarity_of(en, "participant observation", title="2.1 Review of research") == {"gap"}


@pytest.mark.parametrize(
    ("sentence", "term", "expected"),
    [
        ("Tenants described the owners' committee as a club for landlords.",
         "owners' committee", "mentions"),
        ("Two officials characterised grid management as a way of passing orders down.",
         "grid management", "mentions"),
        # must not: the study's own characterisation; a passive that names no one
        ("We described the owners' committee as a club for landlords.", "owners' committee",
         "uses"),
        ("In the estate, the owners' committee is often described as a club for landlords.",
         "owners' committee", "uses"),
    ],
)  # fmt: skip
def test_someones_characterisation_is_reported(sentence: str, term: str, expected: str) -> None:
    assert decide(sentence, term) == expected


@pytest.mark.parametrize(
    ("sentence", "term", "expected"),
    [
        ("社工在项目中扮演了资源链接者的角色，另一方面也转达了居民希望延长开放时间的要求。",
         "资源链接者", "uses"),
        ("进一步访谈发现，业委会换届推迟削弱了居民的信任。", "信任", "uses"),
        # must not: a proposal in the term's own clause; a done act someone reports
        ("今后应当让社工承担资源链接者的角色。", "资源链接者", "recommends"),
        ("他提醒，过去几次活动都没兑现，居民对社区的信任已经很低。", "信任", "mentions"),
    ],
)  # fmt: skip
def test_a_done_act_is_no_proposal(sentence: str, term: str, expected: str) -> None:
    assert decide(sentence, term) == expected


@pytest.mark.parametrize(
    ("sentence", "term", "expected"),
    [
        ("建议由街道牵头设立楼栋议事会；通过时间银行把志愿服务积分与社区超市挂钩。", "时间银行",
         "recommends"),
        ("We recommend that the street office fund a council; then, through a time bank, "
         "volunteers earn credits.", "time bank", "recommends"),
        # must not: a contrast or a done act ends the list
        ("建议由街道牵头设立楼栋议事会；但社区已经通过时间银行把积分与超市挂钩。", "时间银行",
         "uses"),
    ],
)  # fmt: skip
def test_an_opening_proposal_goes_on_over_its_list(sentence: str, term: str, expected: str) -> None:
    assert decide(sentence, term) == expected


@pytest.mark.parametrize(
    ("sentence", "term", "expected"),
    [
        ("The outcome evaluation relied only on satisfaction ratings.", "outcome evaluation",
         "limitation"),
        ("项目成效判断主要依据服务对象的满意度评分。", "满意度", "limitation"),
        ("Drawing on Arnstein, Zhou describes a council that met monthly.", "arnstein",
         "mentions"),
        # must not: residents' reliance is a finding; the study's own opening act
        ("Residents relied solely on the owners' committee for news.", "owners' committee",
         "uses"),
        ("Drawing on social capital theory, I examined two estates.", "social capital theory",
         "uses"),
    ],
)  # fmt: skip
def test_sources_of_a_verdict_and_openings(sentence: str, term: str, expected: str) -> None:
    assert decide(sentence, term) == expected


def test_a_heading_ending_in_a_shortfall_opens_a_limitation_passage() -> None:
    text = "标题\n本研究以R社区为个案。\n六、研究局限\n资料收集依靠访谈，样本集中在一个社区。\n"
    assert polarity_of(text, "访谈") == {"limitation"}


def test_the_study_naming_itself_speaks_for_itself() -> None:
    zh, en = (
        "研究认为，楼栋长制度与安置社区的熟人网络相契合。",
        ("The thesis argues that grid management crowds out residents' councils."),
    )
    assert decide(zh, "熟人网络") == "uses"
    assert decide(en, "residents' councils") == "uses"
    # must not: in a review "the thesis" and 研究 are reviewed works
    assert decide(zh, "熟人网络", review=True) == "mentions"
    assert decide(en, "residents' councils", review=True) == "mentions"


def test_departing_from_earlier_work_is_the_studys_own_finding() -> None:
    zh = "与已有研究的结论相反，本社区租户并不缺少时间，多数受访者表示缺少的是参与渠道。"
    assert decide(zh, "参与渠道") == "uses"
    en = "Contrary to earlier studies, tenants in the estate did trust the owners' committee."
    assert decide(en, "owners' committee") == "uses"
    # must not: earlier work cited without the study setting itself against it
    assert decide("已有研究认为租户缺少参与渠道。", "参与渠道") == "mentions"


def test_a_subjectless_lack_after_a_conjunction_keeps_the_research_subject() -> None:
    sentence = "Most studies use questionnaires, and very few use participant observation."
    assert decide(sentence, "participant observation") == "gap"
    # must not: the subject is residents, not research
    residents = "Most residents use WeChat groups, and very few attend the residents' council."
    assert decide(residents, "residents' council") == "uses"


def test_a_sample_the_study_admits_is_skewed_is_a_limitation() -> None:
    sentence = "We surveyed mostly retired residents, so working tenants are under-represented."
    assert decide(sentence, "tenants") == "limitation"
    # must not: a finding about who takes part
    assert decide("We found that tenants are under-represented in councils.", "tenants") == "uses"


@pytest.mark.parametrize(
    ("sentence", "term", "expected"),
    [
        ("It may be worth piloting a time bank in the older blocks.", "time bank", "recommends"),
        ("One option is to give the owners' committee a small budget.", "owners' committee",
         "recommends"),
        ("楼栋议事会的做法值得在其他安置社区推广。", "楼栋议事会", "recommends"),
        ("社区或可借助时间银行吸引低龄老人。", "时间银行", "recommends"),
        # must not: what happened, told plainly
        ("The estate piloted a time bank in the older blocks.", "time bank", "uses"),
    ],
)  # fmt: skip
def test_tentative_proposals_are_proposals(sentence: str, term: str, expected: str) -> None:
    assert decide(sentence, term) == expected


@pytest.mark.parametrize(
    ("sentence", "term", "expected"),
    [
        ("We cannot rule out that the survey over-counted active residents.", "survey",
         "limitation"),
        ("本研究无法排除问卷填答中的社会期许效应。", "问卷", "limitation"),
        ("The design does not allow causal claims about the time bank.", "time bank",
         "limitation"),
        # must not: a negated finding is no caveat
        ("The survey did not show any effect of the time bank.", "time bank", "negated"),
    ],
)  # fmt: skip
def test_caveats_on_the_studys_inference(sentence: str, term: str, expected: str) -> None:
    assert decide(sentence, term) == expected


def test_cues_inside_another_frame_play_that_frames_part() -> None:
    # the evidence of the study's own denial is no research: negated, not a gap
    own = "We found no evidence that tenants lacked interest in estate affairs."
    assert decide(own, "lacked interest") == "negated"
    assert decide("There is little evidence that tenants lack interest.", "tenants") == "gap"
    # the modal of a caveat proposes nothing: the admission goes on over the colon
    caveat = (
        "The findings should be read with caution: the interviews were arranged through the "
        "committee, so critical voices may be missing."
    )
    assert decide(caveat, "interviews") == "limitation"


def test_an_opening_participle_makes_the_whole_clause_reported() -> None:
    sentence = (
        "Drawing on Habermas, Gao Ming examines residents' councils in Chengdu and argues that "
        "they rarely decide anything."
    )
    assert decide(sentence, "residents' councils") == "mentions"
    own = "Drawing on Habermas, we examine residents' councils in two estates."
    assert decide(own, "residents' councils") == "uses"


def test_a_sentence_announcing_n_steps_opens_a_recommendation_passage() -> None:
    text = (
        "Brief\nWe visited four estates. We propose two steps. First, pay volunteers to visit "
        "housebound residents. Second, let grid workers hand the door-to-door visits over.\n"
    )
    assert polarity_of(text, "grid workers", title="Brief") == {"recommends"}
    plain = "Brief\nWe visited four estates. Grid workers handed the visits over.\n"
    assert polarity_of(plain, "Grid workers", title="Brief") == {"uses"}


def test_rare_outcome_evaluations_are_a_gap() -> None:
    assert decide("对社区协商的成效评估仍然少见。", "成效评估") == "gap"
    # must not: a project that evaluated its own outcomes
    assert decide("项目在结项时开展了成效评估。", "成效评估") == "uses"


@pytest.mark.parametrize(
    ("sentence", "term", "expected"),
    [
        ("项目期间，居委会始终没有召开居民议事会。", "居民议事会", "negated"),
        ("笔者同时是项目社工，研究结论可能高估了小组工作的成效。", "小组工作", "limitation"),
        ("As the author ran the sessions, the account may overstate what the group work "
         "achieved.", "group work", "limitation"),
        ("Future projects could pair each time bank with a volunteer team.", "time bank",
         "recommends"),
        # must not: a council that was convened; residents' own overstatement is a finding
        ("项目期间，居委会召开了居民议事会。", "居民议事会", "uses"),
    ],
)  # fmt: skip
def test_never_convened_overstated_and_future_work(sentence: str, term: str, expected: str) -> None:
    assert decide(sentence, term) == expected


def test_a_parenthetical_however_does_not_split_the_clause() -> None:
    sentence = "Our evaluation of the time bank, however, covered only six months."
    assert decide(sentence, "time bank") == "limitation"
    # must not: a 'however' that opens a new clause still splits it
    split = "The survey covered only six months; however, the volunteer team was active."
    assert decide(split, "volunteer team") == "uses"


def test_a_respondents_we_is_not_the_study() -> None:
    notes = (
        "Notes from Block 7\n"
        "Respondent R1 (female, 70): I stopped going because nobody listens.\n"
        "Respondent R2 (male, 45): We set up a WeChat group for the block.\n"
        "Observer's note: we saw that the WeChat group carried most notices.\n"
    )
    assert polarity_of(notes, "WeChat group", title="Notes from Block 7") == {"mentions", "uses"}


def test_unnamed_groups_of_authors_are_scholars() -> None:
    sentence = "Several authors recommend that social workers act as resource linkers."
    assert decide(sentence, "resource linkers") == "mentions"
    assert decide("We recommend that social workers act as resource linkers.",
                  "resource linkers") == "recommends"  # fmt: skip


def test_poorly_understood_research_is_a_gap() -> None:
    assert decide("How time banks sustain volunteering remains poorly understood.",
                  "time banks") == "gap"  # fmt: skip
    # must not: residents who understand little are a finding, not missing research
    tenants = "The rules of the residents' council were poorly understood by tenants."
    assert decide(tenants, "residents' council") == "uses"


def test_a_report_with_two_limits_and_next_years_plan() -> None:
    text = (
        "Report\nWe ran a time bank in three estates.\n"
        "The evaluation has two limits. The survey reached mainly active members. Next year the "
        "project plans to open the time bank to tenants.\n"
    )
    assert polarity_of(text, "survey", title="Report") == {"limitation"}
    assert polarity_of(text, "tenants", title="Report") == {"recommends"}
    # must not: a plan already carried out last year
    done = "Report\nWe ran a time bank. Last year the project opened it to tenants.\n"
    assert polarity_of(done, "tenants", title="Report") == {"uses"}


def test_items_of_an_enumeration_are_statements_apart() -> None:
    sentence = (
        "一是居民很少参与预案讨论；二是多数受访者认为灾害离自己很远；三是居民缺乏进入决策的渠道。"
    )
    assert decide(sentence, "渠道") == "uses"
    en = "First, grid workers lack time; second, several respondents said the council was remote."
    assert decide(en, "lack time") == "uses"
    # must not: the respondent's item itself stays reported
    assert decide(sentence, "灾害") == "mentions"


def test_no_study_having_done_something_is_a_gap() -> None:
    sentence = "No study has traced how mobilised volunteers become autonomous participants."
    assert decide(sentence, "mobilised volunteers") == "gap"
    # must not: no resident having done something is a finding, negated
    residents = "No one had attended the residents' council since May."
    assert decide(residents, "residents' council") == "negated"
