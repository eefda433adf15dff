"""Genre-level frames and forms every academic text uses (the frames2 round): case-study
phrasing, research named by its kind, needs found out by the study's acts, participation that
stops at a token step, absence from decisions, and slogans enumerated with 、. Every sentence
here is written for this test (none from a gold document): what a family must catch and what
it must leave alone."""

from __future__ import annotations

import pytest

from kgreview.nlp.frames import load_frames
from kgreview.nlp.surface import enumerated_variants
from tests.nlp.test_tagger import codes

# (family, code, sentences it must catch, sentences it must not code with that code)
FAMILIES = [
    ("case_of", "method.case_study",
     ["本文选取杭州市某街道“邻里食堂”项目为研究案例，分析老年人的参与。",
      "本研究以西安市G村为案例，考察村民议事的形成。",
      "We took the Riverside estate in Ningbo as a typical case of tenant organising."],
     ["本文以垃圾分类为案例讨论居民参与。",  # a topic, not a place or project
      "以成都市H社区为例，居民参与以老年人为主。",  # the gold's convention: 为例 alone is no case
      "Taking the Riverside estate as an example, residents organised a clean-up."]),
    ("research_kind", "method.quantitative",
     ["由于样本较小，未能对各因素进行量化检验。",
      "Quantitative work on tenants has rarely looked at renters.",
      "The project lacked quantitative evidence of its effects."],
     ["居民的参与热情难以量化。", "The quality of the meetings is hard to quantify."]),
    ("research_kind", "method.qualitative",
     ["Qualitative interviews with twelve carers showed the strain."], ["The data were rich."]),
    ("research_kind", "method.comparative",
     ["Comparative designs across several estates would show what works."],
     ["A comparative advantage of the estate is its park."]),
    ("compares", "method.comparative",
     ["本研究没有比较城乡社区之间的差异。", "笔者对比了两个村在议事规则上的异同。"],
     ["两个小区的参与率存在比较大的差异。", "居民比较关心停车问题。"]),
    ("assess_needs", "method.needs_assessment",
     ["社工先入户摸清了独居老人的生活需求。",
      "The team first surveyed the needs of migrant families.",
      "Staff visited every household to understand the needs of carers."],
     ["服务满足了老人的多样需求。", "The review identified few studies on carers' needs."]),
    ("stays_at", "participation_type.shallow",
     ["多数村民的参与仅限于举手表决。",
      "Tenants' participation was confined to voting on a finished plan."],
     ["这间会议室仅限于投票日使用。", "The hall was limited to voting days."]),
    ("participation_in", "participation_type.decision",
     ["Renters were shut out of decisions about the courtyard.",
      "Women were largely absent from decision-making in the village."],
     ["Two members were absent from the meeting."]),
    ("burden_from", "factor.family_support",
     ["她说家人不太理解她做志愿者。", "照料老伴的压力让他很少出门参加活动。",
      "Family duties kept most young mothers away from the meetings."],
     ["已有研究讨论了家庭压力的测量。", "The family moved to the estate in 2010."]),
    ("hostile", "factor.neighbourhood",
     ["刑释人员回到社区后常遭邻居排斥。", "Former patients faced hostility from neighbours."],
     ["邻居们一起打扫了楼道。", "The neighbours organised a party."]),
    ("share_of", "context.elderly",
     ["该社区60岁以上老人占常住人口的三成。",
      "Over a third of the estate's residents are over 65."],
     ["议事会成员中老年人占多数。", "Half of the volunteers were over 60."]),
    ("whole_process", "participation_type.deep",
     ["村民参与了从选址、设计到验收的全过程。",
      "Tenants were involved in every stage of the renovation."],
     ["社工记录了项目的全过程。"]),
    ("tie_kind", "factor.social_capital",
     ["Bridging ties between old and new residents stayed thin."], ["Bonding agents were used."]),
    ("unclear_where", "factor.information_asymmetry",
     ["许多村民不知道集体收益的去向。",
      "Residents did not know where the money from parking went."],
     ["笔者不清楚这一说法的用途。"]),
    ("mostly", "factor.participant_structure",
     ["议事提案多由少数积极分子提出。", "Meetings were dominated by a handful of activists."], []),
    ("willing", "factor.willingness",
     ["邻居们即使听到争吵也不愿介入。"], ["社工及时介入了纠纷。"]),
    ("deficiency", "factor.language_barrier",
     ["不少外来媳妇普通话不好，很少发言。",
      "Limited Mandarin kept older migrants out of meetings."],
     ["The class taught Mandarin to children."]),
    ("stigmatised", "factor.stigma",
     ["刑满释放人员常遭到邻居歧视，很少出门。",
      "Discrimination from neighbours kept former drug users at home."],
     ["邻居之间见面很少打招呼。"]),
    ("deficiency", "factor.space_shortage",
     ["社区缺乏活动场地，老人只能在路边下棋。",
      "The youth club had no venues of its own and met in a car park."],
     ["The venue was booked for Friday."]),
    ("deficiency", "factor.occupation",
     ["The lack of stable employment weighed on returnees."], ["Employment rose in the district."]),
    ("deficiency", "factor.time",
     ["夜班工人很难保证时间参加议事。"], ["社工保证了活动时间。"]),
    ("recipient", "participation_type.passive",
     ["Older members moved from passive acceptance of care to running the rota."], []),
    ("level_kind", "factor.individual",
     ["Survey studies weigh individual and structural explanations of turnout.",
      "不少受访者因个人原因退出了议事会。"],
     ["Each individual was thanked.", "个人简介见附录。"]),
    ("level_kind", "factor.institutional",
     ["制度障碍使租户难以进入业委会。"], ["The institutional review board approved it."]),
    ("this_work", "method.literature",
     ["This review covers work published since 2000.", "本综述梳理了近十年的中文文献。"],
     ["Residents asked for a review of the fees."]),
    ("age_band", "factor.age",
     ["Tenants under 35 rarely came to the meetings."], ["The building is over 60 years old."]),
    ("group_of", "context.ethnic",
     ["社区里的少数民族居民多从事餐饮。", "Ethnic minority households live on the east side."],
     ["少数民族文化研究已有很多。"]),
    ("provides", "factor.channels",
     ["议事会为租户反映问题提供了渠道。", "The online forum provided a channel for complaints."],
     ["渠道建设仍在讨论中。"]),
    ("residents_do", "participation_type.organised",
     ["业主组织化程度的提高改变了与物业的关系。"], ["社区工作的组织化仍然不足。"]),
    ("case_count", "method.case_study",
     ["已有文献多采用单一案例，缺少比较。", "作者选取多个案例进行对照。"],
     ["社工接手了一个个案。"]),
    ("mostly", "factor.participant_structure",
     ["The council was dominated by a small circle of retired cadres."], []),
    ("deficiency", "factor.weak_social_orgs",
     ["Rural towns have fewer community organisations."], []),
    ("this_work", "method.observation",
     ["本次观察只覆盖了两个楼栋。", "Our observations covered only weekday meetings."],
     ["居民观察到了楼道的变化。"]),
    ("owned_by", "countermeasure.self_organisations",
     ["The project left behind two tenant organisations."], ["Community organisations met."]),
    ("skill_of", "countermeasure.capacity_training",
     ["社工为照料者开展了沟通技能训练。"], ["学生参加了军事训练。"]),
    ("level_of", "factor.health",
     ["Volunteers were mostly pensioners in good health.",
      "Tenants with poor health rarely left their flats."],
     ["The clinic ran a health fair."]),
    ("held_event", "countermeasure.neighbourhood_festival",
     ["The social workers organised a Mid-Autumn festival gathering for the two blocks.",
      "居委会在广场举办了一场邻里美食节。"],
     ["During the Spring Festival most tenants went home.", "居民组织了一次楼道清扫。"]),
    ("activity", "countermeasure.cultural_activities",
     ["Weekly calligraphy classes drew older men.", "Oral-history workshops gathered stories."],
     ["The art of negotiation was discussed."]),
    ("online_act", "countermeasure.online_channels",
     ["居委会通过线上投票确定了改造方案。", "The estate moved its consultations to online voting."],
     ["居民在网上购物。", "志愿服务的线上登记系统很少有人用。"]),
    ("deficiency", "factor.weak_social_orgs",
     ["Poorer districts have few and weak voluntary associations."],
     ["Voluntary associations ran the summer camp."]),
]  # fmt: skip


@pytest.mark.parametrize(("family", "code", "catch", "leave"), FAMILIES)
def test_a_genre_family_generalises(family: str, code: str, catch: list, leave: list) -> None:
    assert family in load_frames().frames
    for sentence in catch:
        assert code in codes(sentence), (family, sentence)
    for sentence in leave:
        assert code not in codes(sentence), (family, sentence)


def test_a_slogan_written_with_enumeration_commas_is_still_the_term() -> None:
    """等靠要 is written “等、靠、要”; a slogan of parallel two-character units likewise."""
    assert "factor.government_dependence" in codes("部分村民存在“等、靠、要”的思想。")
    assert "factor.government_dependence" in codes("部分村民有等、靠、要的心理。")
    assert enumerated_variants("共建共治共享") == {"共建、共治、共享"}
    # two free words are never joined: 居民、参与 would read a list of two things as the term
    assert enumerated_variants("社区参与") == {"社、区、参、与"}
    assert enumerated_variants("居民参与治理") == set()


def test_a_gapped_form_matches_with_its_parts_touching() -> None:
    """参与…停留在 also holds where nothing stands between the parts (参与停留在表决环节)."""
    assert "participation_type.shallow" in codes("居民的参与停留在表决环节。")


def test_a_specific_ability_keeps_its_own_code() -> None:
    """能力参差不齐 alone is no social-work capacity: 协商能力参差不齐 is the members' negotiation
    ability (the generic literal used to take the span from the specific compound)."""
    found = codes("议事会成员的协商能力参差不齐。")
    assert "factor.negotiation_ability" in found
    assert "factor.social_worker_capacity" not in found
    assert "factor.social_worker_capacity" in codes("驻站社工专业能力参差不齐。")
