"""Session 9, round r10a: vocabulary for factor, participation_type, context and role codes
added after reading the misses of dev13–dev15. Each form is checked on a sentence written for
this test (none from a gold document); risky forms also get a look-alike they must leave."""

from __future__ import annotations

import pytest

from tests.nlp.test_tagger import codes

# (code, sentences it must catch): one per added form or group of sibling forms
CATCH = [
    ("factor.social_network", ["村里办事多靠宗族网络牵线。", "老人主要依靠家族网络互相照应。"]),
    (
        "factor.participation_ability",
        ["不少租户参与社区事务的能力较弱。", "培训提升了妇女参与公共事务的能力。"],
    ),
    ("participation_type.mobilised", ["这类活动大多由居委会自上而下动员居民参加。"]),
    (
        "factor.space_shortage",
        [
            "活动室太小，来的人一多就转不开身。",
            "周末来的家长多，屋里根本坐不下。",
            "临时安置点容纳不下所有转移的居民。",
            "The boys complained there was nowhere to play.",
        ],
    ),
    (
        "factor.language_barrier",
        ["几位老人听不懂开会时讲的普通话。", "年长的牧民汉语不太流利，发言要人翻译。"],
    ),
    ("factor.occupation", ["外卖员的职业流动性很强，很难固定参加活动。"]),
    ("factor.planning_ability", ["社工带着青年骨干学习项目策划。"]),
    ("participation_type.autonomous", ["这次游园会完全由居民自主策划。"]),
    ("participation_type.decision", ["业主在改造方案上的决策空间有限。"]),
    ("factor.stigma", ["一些房东对刑满释放人员存在偏见。", "不少邻居心存偏见，不让孩子来往。"]),
    ("factor.apathy", ["Tenants do not lack interest in the estate's affairs."]),
    ("factor.family_support", ["Help from relatives stopped once the harvest began."]),
    ("context.rural", ["The survey covered retirees and rural villagers alike."]),
    ("factor.lack_incentives", ["Patrol members resented the absence of any recognition."]),
    ("factor.policy_support", ["The county should issue supporting policies for the cooperative."]),
    ("factor.burnout", ["After the third flood, the wardens spoke of fatigue."]),
    (
        "context.children",
        [
            "The project worked with teenagers from two estates.",
            "We ran a mapping workshop with children aged 7 to 10.",
        ],
    ),
    (
        "context.elderly",
        ["该小区65岁以上老人占比超过四成。", "这个街区老年居民占比高，活动以白天为主。"],
    ),
    (
        "factor.missing_norms",
        ["小区没有任何关于电动车充电的规定。", "物业合同对公共收益的分配没有明确规定。"],
    ),
    ("factor.interest", ["The interest demands of ground-floor owners differ from the rest."]),
]

CATCH += [
    ("context.rural", ["The clinic serves a mountain village three hours from the county seat."]),
    ("factor.motivation", ["我们想了解大学生参与社区服务的动机。"]),
    (
        "factor.neighbourhood",
        ["楼上楼下的邻里纠纷越来越多。", "邻里之间因为晾衣服产生了矛盾。"],
    ),
]

# (code, look-alikes it must leave)
LEAVE = [
    ("factor.space_shortage", ["居民在方案上的决策空间有限。", "青年在村里的发展空间有限。"]),
    (
        "factor.trust",
        [
            "The village set up a community land trust for the plots.",
            "Donations are held by a trust company.",
            "A charitable trust paid for the benches.",
        ],
    ),
    ("factor.income", ["The value-added income of land went to the developer."]),
    ("participation_type.deep", ["由于笔者深度参与了项目，结论可能带有主观色彩。"]),
]


@pytest.mark.parametrize(("code", "sentences"), CATCH)
def test_round_r10a_vocabulary_catches(code: str, sentences: list[str]) -> None:
    """Each added form finds its concept in wording of our own."""
    for sentence in sentences:
        assert code in codes(sentence), sentence


@pytest.mark.parametrize(("code", "sentences"), LEAVE)
def test_round_r10a_not_forms_leave_look_alikes(code: str, sentences: list[str]) -> None:
    """Not-forms keep the code off what only looks like it."""
    for sentence in sentences:
        assert code not in codes(sentence), sentence


def test_a_linking_mechanism_is_no_motivation() -> None:
    """动机 alone would match 互动机制; only 参与…的动机 and 参与动机 are forms."""
    assert "factor.motivation" not in codes("分析多元主体之间的互动机制。")


def test_a_neighbour_dispute_keeps_the_mediation_countermeasure() -> None:
    """邻里纠纷 names the strained relations; 调解 beside it stays mediation."""
    found = codes("社区设立调解室，专门调解邻里纠纷。")
    assert "factor.neighbourhood" in found
    assert "countermeasure.mediation" in found


def test_household_income_is_still_income() -> None:
    """Land's value-added income is blocked; residents' income keeps its code."""
    assert "factor.income" in codes("Household income shaped who joined the committee.")


def test_a_trust_in_people_is_still_trust() -> None:
    """The not-forms name institutions only: trust between residents keeps its code."""
    assert "factor.trust" in codes("Residents had little trust in the new committee.")


def test_residents_deep_participation_is_still_deep() -> None:
    """Only the researcher's own 深度参与 is blocked; residents' stays participation_type.deep."""
    assert "participation_type.deep" in codes("居民深度参与了改造方案的设计。")


def test_a_planning_form_keeps_the_training_countermeasure() -> None:
    """项目策划 sits inside 开展…培训: the gapped capacity-training form must still hold."""
    found = codes("社区开展了项目策划培训。")
    assert "factor.planning_ability" in found
    assert "countermeasure.capacity_training" in found
