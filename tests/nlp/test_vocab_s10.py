"""Session 10 vocabulary for factor, participation_type, role and context codes: forms added
after reading the misses of dev12–dev15, each checked on a sentence written for this test (none
from a gold document), plus the not_forms that keep look-alikes out."""

from __future__ import annotations

import pytest

from tests.nlp.test_tagger import codes

# (code, sentences it must catch): one per added form or head
CATCH = [
    ("context.rural", ["村委会每月召开一次村民会议。", "她在村委会做了十年会计。"]),
    ("role.coordinator",
     ["社会工作者小李负责协调各方的时间安排。", "由居委会牵头、社会工作者协调，双方坐到了一起。"]),
    ("role.organizer",
     ["社会工作者组织居民清理楼道杂物。", "社会工作者组织开展了四次邻里茶话会。",
      "社会工作者组织召开业主座谈会。", "社会工作者组织志愿者每周探访独居老人。"]),
    ("role.guide", ["社会工作者引导居民自己拟定活动规则。", "社工引导家长轮流值班。"]),
    ("role.resource_linker", ["社会工作者为困难家庭链接了医疗和法律资源。"]),
    ("factor.information_asymmetry",
     ["租户对加装电梯方案的知情渠道很少。", "居民缺乏知情的途径，只能听传言。"]),
    ("factor.participant_structure",
     ["Retired teachers were over-represented among those who kept coming.",
      "Women were overrepresented among participants in every round.",
      "Party members were over-represented among volunteers.",
      "Attendance was concentrated among retirees from the old factory.",
      "Membership is concentrated among older residents.",
      "Grant applications came from residents concentrated in a few active buildings.",
      "现有巡逻队员多为退休党员。"]),
    ("context.disaster",
     ["The village trains young people to watch for forest fires.",
      "Wildfires threaten the hillside settlements every dry season.",
      "Volunteers patrol the slopes as a fire-watch team.",
      "The committee added fire prevention to the village rules.",
      "村里每年春季组织森林防火巡查。", "去年的山火之后，村民自发组建了巡山队。",
      "一场火灾之后，楼道堆物问题引起重视。",
      "After the campus emergency the station opened its doors to parents.",
      "Staff were trained to respond to critical incidents in schools.",
      "一起校园安全事件后，社区设立了心理服务站。", "危机事件发生后，社工进驻了小区。"]),
    ("context.disability",
     ["Stroke survivors in the block rarely leave their flats.",
      "Family members of people living with schizophrenia carry the care alone.",
      "他患精神分裂症十余年，一直由母亲照料。"]),
    ("participation_type.mobilised",
     ["Emergency mobilisation brought hundreds of residents out within a day.",
      "台风来临前的应急动员让许多居民第一次走进居委会。"]),
    ("context.ethnic",
     ["几位老人只会讲藏语，会上需要翻译。", "社工用彝语向老人解释新规定。",
      "通知同时印成了维吾尔语和汉语两个版本。", "活动中使用民族语言主持。",
      "Meetings were interpreted into minority languages.",
      "Older women spoke only the Miao language at home."]),
    ("participation_type.political",
     ["Migrants without local hukou could not elect the committee.",
      "Tenants took no part in electing the residents' committee.",
      "Owners elected committee members by secret ballot."]),
    ("participation_type.decision",
     ["The fund lets residents decide which projects get money.",
      "Villagers decided where the new well would go.",
      "Tenants decide the cleaning rota for themselves.",
      "The council asked the families to decide for themselves."]),
    ("factor.space_shortage",
     ["不少老人说小区里没地方活动。", "议事会常常没有地方开会，只能借用物业办公室。",
      "Teenagers said there was nowhere to gather after school."]),
    ("context.elderly",
     ["随着人口老龄化加深，社区养老需求上升。",
      "Population ageing has made home care a pressing issue for the district."]),
    ("context.ethnic",
     ["少数民族居民在议事会中发言较少。",
      "Some ethnic minority migrants run noodle shops near the station."]),
    ("participation_type.child",
     ["Planners seldom consult children about park design.",
      "The guideline calls for consultation with children before any renovation."]),
    ("participation_type.environmental",
     ["社区培育了一支环保志愿队。", "大学生环保社团每月来清理河岸。"]),
    ("factor.burnout", ["做到第三年，觉得自己被掏空了。", "几位楼长说身心俱疲，想换人来做。"]),
    ("factor.social_cohesion",
     ["Cohesion was measured with a five-item scale.", "Mixed blocks reported lower cohesion."]),
    ("factor.residence_length", ["Young tenants move house frequently and rarely join in."]),
    ("factor.property_conflict",
     ["Owners withhold property fees in protest at the broken lifts.",
      "部分业主以拒缴物业费表达不满。"]),
]  # fmt: skip

# (code, look-alike sentences it must leave)
LEAVE = [
    ("context.rural",
     ["2018年撤村建居后，村委会改设为社区居委会。", "本研究未涉及农村社区，结论仅限城市。"]),
    ("factor.time", ["社区规划师驻点时间不足，难以深入了解居民需求。"]),
    ("factor.party_membership",
     ["护河队由退休党员组成。", "议事会成员多为退休党员。"]),
    ("factor.income",
     ["本研究只选取了一个经济条件较好的村庄。", "社区经济条件的差异未纳入分析。"]),
    ("role.organizer", ["社会工作者与社会组织合作开展服务。"]),
    ("context.disaster", ["楼道里的消防通道被电动车占满。"]),
    ("context.disability", ["He had a stroke last year but recovered fully."]),
    ("factor.social_worker_capacity", ["街道、社工机构和派出所之间缺乏衔接。"]),
    ("factor.participant_structure",
     ["Angry tenants are probably over-represented in the sample."]),
]  # fmt: skip


@pytest.mark.parametrize(("code", "sentences"), CATCH)
def test_session10_vocabulary_catches(code: str, sentences: list[str]) -> None:
    """Each added form finds its concept in wording of our own."""
    for sentence in sentences:
        assert code in codes(sentence), sentence


@pytest.mark.parametrize(("code", "sentences"), LEAVE)
def test_session10_vocabulary_leaves_look_alikes(code: str, sentences: list[str]) -> None:
    """Narrower forms and not_forms keep the code off what only looks like it."""
    for sentence in sentences:
        assert code not in codes(sentence), sentence


def test_knowing_channels_are_both_a_channel_and_an_information_gap() -> None:
    """知情 as a deficiency head adds the information gap without taking 渠道 from channels."""
    found = codes("居民对整治方案的知情渠道有限。")
    assert "factor.information_asymmetry" in found
    assert "factor.channels" in found


def test_village_committee_keeps_dependence_on_it_a_factor() -> None:
    """村委会 is now a rural literal; literal forms keep 对村委会的依赖 from losing its factor."""
    for text in ("村民对村委会的依赖很深。", "大小事都依赖村委会。"):
        assert "factor.government_dependence" in codes(text), text


def test_an_environmental_self_organisation_keeps_its_self_organisation_code() -> None:
    """环保自组织 stays a self-organisation: no environmental form may swallow 自组织."""
    assert "countermeasure.self_organisations" in codes("街道培育居民环保自组织。")


def test_retired_party_members_stay_a_participant_structure() -> None:
    """Blocking 退休党员 for party membership must not hide the 'mostly retirees' finding."""
    found = codes("现有志愿者多为退休党员，结构单一。")
    assert "factor.participant_structure" in found
    assert "factor.party_membership" not in found
