"""The ten codes of session 7: each catches sentences of our own and leaves look-alikes."""

from __future__ import annotations

import pytest

from tests.nlp.test_tagger import codes

CASES = [
    ("method.cross_sectional",
     ["由于采用横截面数据，本文无法判断信任与参与之间的因果方向。",
      "As a cross-sectional survey, the study cannot show how attitudes changed."],
     ["我们在三年内对同一批家庭进行了四轮追踪调查。"]),
    ("method.arts_based",
     ["青少年用影像发声记录了小区里不安全的角落。",
      "Residents took part in a photovoice project about their streets."],
     ["社区每年举办一次摄影比赛。"]),
    ("countermeasure.peer_support",
     ["社工为失智老人照顾者建立了同伴支持小组。",
      "Parents of autistic children met monthly in a peer support group."],
     ["邻居之间守望相助，谁家有事都来帮忙。"]),
    ("countermeasure.referral",
     ["社工将有就业需求的居民转介至街道就业服务中心。",
      "Caseworkers set up referral pathways to the district mental health clinic."],
     ["The residents' council referred to the 2019 plan in its minutes."]),
    ("factor.nimby",
     ["垃圾中转站选址引发了附近居民的邻避冲突。",
      "Homeowners' NIMBY protests stalled the planned day-care centre."],
     ["居民支持在小区内增设养老服务站点。"]),
    ("factor.accessibility",
     ["老旧楼房没有电梯，坐轮椅的居民几乎无法下楼参加活动。",
      "The meeting hall had no ramps, so wheelchair users stayed at home."],
     ["The committee repaired the lift in block 3 last spring."]),
    ("factor.burnout",
     ["连续两年的疫情值守让不少社区干部出现了职业倦怠。",
      "After three years without a break, the volunteers spoke of burnout."],
     ["志愿者们的热情很高，每周都准时到岗。"]),
    ("participation_type.environmental",
     ["居民志愿者轮流在垃圾分类投放点值守。",
      "Residents joined a river protection group that walks the canal every week."],
     ["小区的环境比较安静。"]),
    ("participation_type.child",
     ["社区成立了儿童议事会，由孩子们讨论游乐场的改造方案。",
      "The children's council voted on where the new playground should go."],
     ["Young parents found it hard to attend evening meetings."]),
    ("context.hollow_village",
     ["该村已成为典型的空心村，大量房屋常年闲置。",
      "Out-migration has left the village with few working-age people."],
     ["城中村的出租屋大多住着外来务工人员。"]),
]  # fmt: skip

SYNONYMS = [
    ("factor.stigma", "部分康复者存在自我污名，不愿参加社区活动。"),
    ("factor.stigma", "Internalised stigma kept former patients away from the meetings."),
    ("context.migrant", "The study followed marriage migrants from Vietnam in a border town."),
    ("context.migrant", "社区里的外籍新娘很少参加居民会议。"),
]


@pytest.mark.parametrize(("code", "catch", "leave"), CASES)
def test_a_session7_code_catches_and_leaves(code: str, catch: list, leave: list) -> None:
    """Each new code finds its concept in fresh sentences and stays off look-alikes."""
    for sentence in catch:
        assert code in codes(sentence), sentence
    for sentence in leave:
        assert code not in codes(sentence), sentence


@pytest.mark.parametrize(("code", "sentence"), SYNONYMS)
def test_new_synonyms_reach_existing_codes(code: str, sentence: str) -> None:
    """Self-stigma and marriage migrants code the existing stigma and migrant codes."""
    assert code in codes(sentence), sentence


def test_a_carers_group_is_peer_support_not_only_neighbourly_aid() -> None:
    """A group of people sharing a role is peer support, even when it is called 互助小组."""
    found = codes("社工协助患者家属成立互助小组，每月交流照护经验。")
    assert "countermeasure.peer_support" in found


def test_a_support_group_is_both_group_work_and_peer_support() -> None:
    """支持性小组 names the method (a group) and what its members do for each other."""
    found = codes("社工为丧亲家庭开设了支持性小组。")
    assert {"countermeasure.peer_support", "method.group_work"} <= set(found)


def test_out_migration_keeps_the_participant_structure_it_leaves_behind() -> None:
    """A hollowed-out village and who is left to take part are two codes, not one."""
    found = codes("该村青壮年外出务工，留守老人成为参与主体。")
    assert {"context.hollow_village", "factor.participant_structure"} <= set(found)
    assert "factor.participant_structure" not in codes("该村青壮年外出务工，村里的事多由干部决定。")
