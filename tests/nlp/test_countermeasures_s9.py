"""Session 9 countermeasure recall: the names writers give measures the codebook lacked (zh and
en), checked on sentences written for this test (none from a gold document) that must be coded,
and look-alikes that must not."""

from __future__ import annotations

import pytest

from tests.nlp.test_tagger import codes

# (code, sentences it must catch, sentences it must leave alone)
CASES = [
    ("countermeasure.information_disclosure",
     ["居委会在公告栏公开了两名候选人的工作履历。",
      "The board agreed to disclose its accounts to every household.",
      "Residents asked the committee to publish poll results after each vote."],
     ["她的工作履历很丰富。", "The researchers publish the results in a journal."]),
    ("countermeasure.feedback",
     ["街道要求网格员在三天内给居民回复。", "议事会明确了提案的反馈程序。",
      "The clinic set up a two-way feedback loop with the social work station."],
     []),
    ("countermeasure.community_fund",
     ["成都的社区保障资金由议事会决定用途。",
      "Local businesses set up a community charitable trust for the estate."],
     []),
    ("countermeasure.three_meetings",
     ["The street office held a hearing on the new parking fees."], []),
    ("countermeasure.self_organisations",
     ["Tenants formed a self-governance committee to deal with repairs.",
      "Few studies look at the elderly migrants' own organisations."],
     []),
    ("countermeasure.negotiation_platform",
     ["社区建立了物业与业主的对话机制。", "小区终于有了固定的协商场所。",
      "The company holds a consultation day with tenants every month."],
     []),
    ("countermeasure.gov_purchase",
     ["The centre's services were purchased by the civil affairs bureau."],
     ["The flats were purchased by young couples."]),
    ("countermeasure.capacity_training",
     ["街道建立了楼栋长培训制度。", "The office will train tenant representatives in budgeting.",
      "社工站培训了十位居民代表。"],
     ["The report represents residents' views."]),
    ("countermeasure.community_education",
     ["The women's federation runs evening literacy classes in the village.",
      "村里开办了妇女识字班。"],
     []),
    ("countermeasure.participatory_planning",
     ["街道邀请老人参与方案设计，确定坡道位置。"], []),
    ("countermeasure.deliberation",
     ["楼栋长组织高低层住户面对面协商电梯费用。"], []),
    ("countermeasure.broaden_channels",
     ["The council should give tenants a channel to participate in estate decisions."], []),
    ("countermeasure.three_social_linkage",
     ["The district promoted the linkage of the three societies in its pilot."], []),
    ("countermeasure.public_space",
     ["Children were asked about the park renovation plan.",
      "The city opened forty pocket parks on vacant lots.", "单位大院的锅炉房被改造为共享客厅。"],
     []),
    ("countermeasure.community_garden",
     ["居民在楼下建起了口袋花园。"], ["The city opened forty pocket parks on vacant lots."]),
    ("countermeasure.smart_community",
     ["社区为独居老人配备了一键呼叫设备。", "居民用“随手拍”上报乱停车。"],
     ["她随手拍照发到了群里。"]),
    ("countermeasure.online_channels",
     ["街道建立了常态化的线上参与平台。"], []),
]  # fmt: skip


@pytest.mark.parametrize(("code", "catch", "leave"), CASES)
def test_session9_countermeasure_forms_catch_and_leave(code: str, catch: list, leave: list) -> None:
    """Each code finds its concept in wording of its own and stays off look-alikes."""
    for sentence in catch:
        assert code in codes(sentence), sentence
    for sentence in leave:
        assert code not in codes(sentence), sentence


@pytest.mark.parametrize(
    "sentence",
    ["物业公司与业委会之间长期存在矛盾。", "楼栋长和业委会之间缺少沟通。"],
)
def test_owners_committee_as_a_party_to_a_relation_is_no_measure(sentence: str) -> None:
    """业委会之间 names the committee as one side of a relation, not a measure taken."""
    assert "countermeasure.owners_committee" not in codes(sentence)


def test_owners_committee_as_a_measure_is_still_found() -> None:
    assert "countermeasure.owners_committee" in codes("社工协助业主成立了业委会。")


@pytest.mark.parametrize(
    "sentence",
    [
        "业委会每季度公开停车费收支。",
        "The housing company should disclose repair spending to every tenant.",
        "Tenants complained that the accounts were never shown to them.",
    ],
)
def test_disclosure_frame_joins_a_verb_and_what_is_made_visible(sentence: str) -> None:
    """公开/公布/"disclose" with accounts, spending or results names information disclosure."""
    assert "countermeasure.information_disclosure" in codes(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "居民担心停车费账目不公开。",
        "The authors published their findings on household spending in a journal.",
    ],
)
def test_disclosure_frame_leaves_worries_and_published_research(sentence: str) -> None:
    assert "countermeasure.information_disclosure" not in codes(sentence)
