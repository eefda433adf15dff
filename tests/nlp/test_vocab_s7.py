"""Session 7 vocabulary for countermeasure, participation_type and context codes: the names
researchers give each concept (zh and en), checked on sentences written for this test (none
from a gold document) that must be coded, and near misses that must not."""

from __future__ import annotations

import pytest

from tests.nlp.test_tagger import codes

# (code, sentences it must catch, sentences it must leave alone)
CASES = [
    ("countermeasure.resource_integration",
     ["社工积极链接外部资源，为老人活动室添置了设备。",
      "The centre pooled resources from two charities and a local school."],
     ["社工扮演了资源链接者的角色。"]),
    ("countermeasure.micro_projects",
     ["街道设立自治金，支持居民提出的小型公共事务。",
      "The district offered micro-grants to resident groups for stairwell repairs."],
     ["社区基金为议事团提供经费。"]),
    ("countermeasure.gov_purchase",
     ["区民政局向一家社工机构购买了为期两年的服务。",
      "The district government contracted a local social work agency to run the centre."],
     ["居民在超市购买了日用品。", "The agency hired two cleaners for the office."]),
    ("countermeasure.deliberation",
     ["村委会组织村民召开坝坝会，讨论道路修缮。",
      "The committee consulted tenants before changing the parking plan."],
     ["The survey consulted the literature on trust."]),
    ("countermeasure.community_compact",
     ["楼栋居民共同制定了文明养宠规则。",
      "The tenants drew up house rules for the shared courtyard."],
     ["组员共同制定了小组规则。", "《残疾人权利公约》强调平等。"]),
    ("countermeasure.smart_community",
     ["街道推进智慧养老平台建设。", "The estate installed facial recognition at its gates."],
     ["老人们在活动室里下棋。"]),
    ("countermeasure.self_organisations",
     ["Renters formed a tenants' union to bargain with the landlord."],
     ["Tenants met the landlord once."]),
    ("countermeasure.volunteer_teams",
     ["几位退休教师作为义工每周辅导孩子。", "Students volunteered at the food bank twice a week."],
     ["The survey was voluntary."]),
    ("countermeasure.mutual_aid",
     ["社区推行以老助老，低龄老人定期看望高龄老人。",
      "Older tenants looked out for each other during the heatwave."],
     ["The two reports look out for each other's errors."]),
    ("countermeasure.community_education",
     ["The estate's seniors' university offered classes in calligraphy."], []),
    ("participation_type.mobilised",
     ["居民参与带有明显的动员式色彩。",
      "Turnout relied on state mobilisation rather than residents' own choice."],
     []),
    ("participation_type.online",
     ["疫情期间，云参与成为居民表达意见的新方式。",
      "Online engagement rose sharply among younger owners."],
     ["The meeting was held in the hall."]),
    ("participation_type.autonomous",
     ["Neighbours took part of their own volition, without being asked."], []),
    ("participation_type.shallow",
     ["居民参与仍以浅层次参与为主。", "Involvement was mostly mere attendance at events."],
     []),
    ("participation_type.institutional",
     ["文章主张引导居民依法有序参与社区事务。"], []),
    ("participation_type.political",
     ["Voter turnout in the committee election fell below a third."], []),
    ("participation_type.decision",
     ["停车方案最终由居民说了算。", "Residents wanted the final say over the garden budget."],
     []),
    ("context.rural",
     ["研究地点是西南山区的一个村落，交通不便。",
      "Many women in the farming village joined the cooperative."],
     []),
    ("context.new_community",
     ["该小区刚交付两年，邻里之间互不熟悉。",
      "The estate was newly constructed on former farmland."],
     []),
    ("context.old_community",
     ["研究对象是一片建于上世纪的筒子楼。", "Residents of the six-storey walk-ups had no lifts."],
     []),
    ("context.commercial_housing",
     ["研究选取了一个中高档小区作为个案。", "Owners in the condominium elected a committee."],
     []),
]  # fmt: skip


@pytest.mark.parametrize(("code", "catch", "leave"), CASES)
def test_session7_vocabulary_catches_and_leaves(code: str, catch: list, leave: list) -> None:
    """Each code finds its concept in wording of its own and stays off look-alikes."""
    for sentence in catch:
        assert code in codes(sentence), sentence
    for sentence in leave:
        assert code not in codes(sentence), sentence


def test_a_longer_new_form_does_not_swallow_another_codes_term() -> None:
    """公共空间…微改造 keeps both codes: no new form joins them into one."""
    found = codes("可以用基金支持居民提出的公共空间微改造项目。")
    assert "countermeasure.public_space" in found
    assert "countermeasure.micro_renewal" in found
