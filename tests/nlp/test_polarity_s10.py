"""Polarity causes found in session 10, each on sentences of our own."""

from __future__ import annotations

import pytest

from kgreview.model import Document
from kgreview.pipeline import build_bundle
from kgreview.tagging import load_tagger


def polarity_of(text: str, code: str) -> set[str]:
    bundle = build_bundle(Document(id="doc:p10", title="A study", text=text), load_tagger().tag)
    return {c.polarity for c in bundle.codings if c.code_id == code}


@pytest.mark.parametrize(
    "text",
    [
        "本研究在台北市某社区开展小组工作。",  # 市某 is a place kept anonymous, not a scholar 赵某
        "笔者于2023年在某镇某村开展小组工作。",
        "课题组在杭州市某街道开展小组工作。",
    ],
)
def test_an_anonymised_place_is_not_a_scholar(text: str) -> None:
    assert polarity_of(text, "method.group_work") == {"uses"}


@pytest.mark.parametrize(
    "text",
    ["赵某（2019）在一个老旧小区开展小组工作。", "刘某指出，社区开展小组工作效果较好。"],
)
def test_an_anonymised_scholar_still_reports_others_work(text: str) -> None:
    assert polarity_of(text, "method.group_work") == {"mentions"}


def tag_file(tmp_path, text: str) -> list[tuple[str, str]]:
    """Codings of a pasted text file, read as `kgreview tag` reads it (first line → title)."""
    from kgreview.pipeline import read_documents

    path = tmp_path / "pasted.txt"
    path.write_text(text, encoding="utf-8")
    (document,) = read_documents(path, path.read_bytes())
    bundle = build_bundle(document, load_tagger().tag)
    return [(c.code_id, c.polarity) for c in bundle.codings]


def test_a_pasted_abstract_naming_interviews_is_not_interview_notes(tmp_path) -> None:
    # one line: the title is its first sentence, whose 深度访谈法 says nothing of genre
    text = (
        "本文以广州市T社区为个案，采用参与式观察和深度访谈法，探讨社会工作者的协调者角色。"
        "社会工作者通过召开楼栋协商会推动了加装电梯。\n"
    )
    assert ("countermeasure.deliberation", "uses") in tag_file(tmp_path, text)


def test_a_pasted_abstract_that_surveys_literature_first_is_not_a_review(tmp_path) -> None:
    text = (
        "本文在梳理相关文献的基础上，以成都市H社区为个案，分析社会工作者的角色。"
        "社会工作者通过召开楼栋协商会推动了加装电梯。\n"
    )
    assert ("countermeasure.deliberation", "uses") in tag_file(tmp_path, text)


def test_a_heading_still_names_interview_notes(tmp_path) -> None:
    text = "访谈记录（节选）\n\n居委会每个月都开协商会，我们也去。\n"
    assert ("countermeasure.deliberation", "mentions") in tag_file(tmp_path, text)


@pytest.mark.parametrize(
    ("title", "is_heading"),
    [
        ("访谈记录（编号R09）", True),
        ("Roles and Methods of Social Workers: A Literature Review", True),
        ("本文采用参与式观察和深度访谈法，探讨社会工作者的角色。", False),
        ("This paper reviews the literature on empowerment.", False),
        ("本文在梳理文献的基础上，以H社区为个案，分析社会工作者角色", False),
    ],
)
def test_heading_tells_a_heading_from_opening_prose(title: str, is_heading: bool) -> None:
    from kgreview.nlp.titles import heading

    assert bool(heading(title)) is is_heading


def test_what_the_study_proposes_from_several_angles_is_recommended() -> None:
    # the study's own voice (本文) before 从…方面提出对策 introduces proposals, not its acts
    text = "据此，本文从培育社区社会组织、搭建线上议事平台两个方面提出对策建议。"
    assert polarity_of(text, "countermeasure.cultivate_social_orgs") == {"recommends"}
    done = "本文培育了两个社区社会组织。"
    assert polarity_of(done, "countermeasure.cultivate_social_orgs") == {"uses"}


@pytest.mark.parametrize(
    "text",
    [
        "Unlike previous studies that emphasise apathy, we find that residents were willing.",
        "Earlier studies stress apathy among tenants.",
    ],
)
def test_what_departed_from_research_stresses_is_theirs(text: str) -> None:
    assert polarity_of(text, "factor.apathy") == {"mentions"}


def test_the_study_own_finding_after_a_foil_stays_its_own() -> None:
    text = "Contrary to earlier research, we find that residents showed apathy."
    assert polarity_of(text, "factor.apathy") == {"uses"}


def test_a_need_met_is_no_proposal() -> None:
    # a respondent's account of what was done: 需要 here is whoever needs it, not "we need to"
    text = "社工小王帮我们申请了微创投项目，买了两台轮椅放在楼下，谁家需要就借。"
    assert polarity_of(text, "countermeasure.micro_projects") == {"uses"}
    proposal = "社区需要通过微创投项目激发居民参与。"
    assert polarity_of(proposal, "countermeasure.micro_projects") == {"recommends"}


@pytest.mark.parametrize("text", ["很多老人不会看手机上的通知。", "不少老人不太会用智能手机。"])
def test_older_people_who_cannot_read_their_phones(text: str) -> None:
    assert polarity_of(text, "factor.digital_divide")


def test_embedded_development_is_the_embeddedness_frame() -> None:
    text = "王某（2016）指出，专业社会工作在我国呈现嵌入性发展的特征。"
    assert polarity_of(text, "theory.embeddedness") == {"mentions"}


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # "social work" is no research: its lack is a problem of the community, not a gap
        ("The community suffers from a lack of professional social work talents.",
         "countermeasure.local_social_workers"),
        ("Tenants lack work and stable income.", "factor.income"),
    ],
)  # fmt: skip
def test_a_lack_of_social_work_is_no_research_gap(text: str, code: str) -> None:
    assert "gap" not in polarity_of(text, code)


@pytest.mark.parametrize(
    "text",
    [
        "Little work has examined the role of social workers in rural communities.",
        "Prior work has rarely examined rural communities.",
    ],
)
def test_scholars_work_still_has_gaps(text: str) -> None:
    assert polarity_of(text, "context.rural") == {"gap"}


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # literal English renderings of Chinese theses (弱参与意识, 协商平台, 三社联动)
        ("The main reason is the weak awareness of residents.", "factor.awareness"),
        ("We suggest building a platform for consultation in each estate.",
         "countermeasure.negotiation_platform"),
        ("It proposes a linkage between communities, social organizations and social workers.",
         "countermeasure.three_social_linkage"),
    ],
)  # fmt: skip
def test_literal_renderings_are_found(text: str, code: str) -> None:
    assert polarity_of(text, code)


def test_weak_awareness_of_rights_stays_rights_awareness() -> None:
    text = "Tenants showed a weak awareness of rights."
    assert polarity_of(text, "factor.rights_awareness")
    assert not polarity_of(text, "factor.awareness")


def test_following_a_project_by_observation_is_the_observation_method() -> None:
    text = "本研究通过对W社区院落自治项目的跟踪观察，得出以下结论。"
    assert polarity_of(text, "method.observation") == {"uses"}


def test_a_plan_finalised_by_officials_before_residents_see_it() -> None:
    text = "The layout had already been finalised by the street office before residents saw it."
    assert polarity_of(text, "participation_type.pseudo")
    assert not polarity_of("The committee has already approved our application.",
                           "participation_type.pseudo")  # fmt: skip


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Li and Wang (2018) show that participation is shaped by social capital and trust.",
         "factor.social_capital"),
        ("Older tenants had little social support in the new estate.",
         "factor.social_support_network"),
    ],
)  # fmt: skip
def test_an_english_noun_phrase_without_a_theory_head_is_the_factor(text: str, code: str) -> None:
    assert polarity_of(text, code)


def test_an_english_verb_names_no_code() -> None:
    text = "The project aimed at empowering residents."
    assert not polarity_of(text, "theory.empowerment")
    assert not polarity_of(text, "countermeasure.empowerment_activities")


@pytest.mark.parametrize(
    "text",
    [
        "由于没有设置对照组，难以判断服务成效。",
        "The study did not use a control group.",
        "The evaluation had no comparison group.",
    ],
)
def test_the_study_without_a_control_group_is_its_limitation(text: str) -> None:
    assert polarity_of(text, "method.quasi_experiment") == {"limitation"}


def test_we_in_a_turn_labelled_by_a_participant_code_is_the_respondent(tmp_path) -> None:
    text = (
        "Interview transcript, Community B\n\n"
        "Interviewer: Have you ever attended a meeting?\n"
        "P4: Nobody told us, the notices are only in the owners' WeChat group, and we are "
        "not in that group.\n"
        "Interviewer: Anything else?\n"
        "P4: No.\n"
    )
    assert ("countermeasure.online_channels", "mentions") in tag_file(tmp_path, text)


@pytest.mark.parametrize(
    "text",
    [
        "Most studies adopt a social capital perspective; few draw on empowerment theory.",
        "多数研究采用社会资本视角；很少运用增能理论。",
    ],
)
def test_research_runs_on_over_a_semicolon_into_its_lack(text: str) -> None:
    assert polarity_of(text, "theory.empowerment") == {"gap"}


def test_residents_lack_after_a_semicolon_is_no_gap() -> None:
    text = "Many residents know the centre; few use the time bank."
    assert "gap" not in polarity_of(text, "countermeasure.time_bank")


def test_rigorous_evaluations_missing_is_a_gap_about_evaluation() -> None:
    text = "Evidence on interventions remains thin, and rigorous evaluations are almost absent."
    assert polarity_of(text, "method.evaluation") == {"gap"}


def test_literature_silent_on_a_community_type_is_a_gap() -> None:
    text = "Third, the literature is almost silent on resettlement communities."
    assert polarity_of(text, "context.resettlement") == {"gap"}
    residents = "Residents stayed silent on resettlement."
    assert "gap" not in polarity_of(residents, "context.resettlement")


@pytest.mark.parametrize(
    "text",
    [
        "项目依赖政府资金，资金的可持续性不足。",
        "The centre's dependence on government funding limits its plans.",
    ],
)
def test_funding_dependence_is_a_funding_factor(text: str) -> None:
    assert polarity_of(text, "factor.funding")


@pytest.mark.parametrize(
    ("text", "code", "wanted"),
    [
        # a positive state under a verb's negation: the factor at work, as a deficit
        ("Residents did not trust the committee.", "factor.trust", "uses"),
        ("Many said they did not feel at home.", "factor.belonging", "uses"),
        # a negative form denied, and a contrast of nouns, stay negated
        ("Residents were not indifferent to community affairs.", "factor.apathy", "negated"),
        ("Tenants did not lack interest in community affairs.", "factor.apathy", "negated"),
        ("Sense of belonging, not income, explained participation.", "factor.income", "negated"),
    ],
)
def test_a_factor_deficit_is_used_a_denial_negated(text: str, code: str, wanted: str) -> None:
    assert polarity_of(text, code) == {wanted}


@pytest.mark.parametrize(
    "text", ["The survey did not measure trust.", "Previous studies did not examine trust."]
)
def test_a_study_verb_negated_is_no_deficit(text: str) -> None:
    assert "uses" not in polarity_of(text, "factor.trust")
