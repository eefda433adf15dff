"""Session 9 vocabulary for factor and participation_type codes: forms added after reading the
misses of dev10–dev14, each checked on a sentence written for this test (none from a gold
document), plus the narrower forms and not_forms that keep look-alikes out."""

from __future__ import annotations

import pytest

from tests.nlp.test_sections import polarity_of
from tests.nlp.test_tagger import codes

# (code, sentences it must catch): one per added form
CATCH = [
    ("factor.social_worker_capacity",
     ["驻点社工忙于台账，专业性难以发挥。", "社工被当作办事员使用，专业性得不到发挥。",
      "由于岗位设置不合理，社工的专业作用难以发挥。", "项目周期太短，社工的专业优势难以发挥。"]),
    ("factor.property_conflict",
     ["Group chats filled with complaints about property fees after the rise.",
      "Most calls to the hotline were complaints about the property fee."]),
    ("factor.residence_length",
     ["Frequent moves left tenants with little stake in the block.",
      "Renters who move frequently seldom join the owners' meetings.",
      "Young workers keep moving frequently between rented rooms."]),
    ("factor.motivation", ["Volunteers gave mixed motives for joining the patrol."]),
    ("factor.identity",
     ["Many migrants did not think of themselves as residents of the estate.",
      "Few tenants thought of themselves as residents at all.",
      "Owners see themselves as residents; renters do not.",
      "The newcomers saw themselves as residents only after the festival.",
      "Students rarely regard themselves as residents of the district."]),
    ("factor.government_dependence",
     ["该小组对社区居委会的依赖仍然很大。", "合作社对村委会的依赖较重。",
      "志愿队对街道的依赖明显。"]),
    ("participation_type.environmental",
     ["居民积极参与资源回收，每周把纸箱送到站点。", "楼道里设了废品回收点，由老人志愿者值守。"]),
    ("factor.family_support",
     ["受访者提到家庭内部支持不足。", "个别家长疏于管教，孩子放学后无人照看。",
      "父母过度保护，不让残障子女出门参加活动。",
      "Family estrangement left many returnees without help.",
      "Some residents were estranged from their families for years.",
      "Older men estranged from family lived alone in the block."]),
    ("factor.language_barrier",
     ["几位老人听不太懂方言，开会时只能干坐着。", "新来的租户听不懂当地方言。",
      "外省来的工人听不太懂当地方言的通知。", "少数民族老人听不太懂普通话。",
      "Many of the women speak neither Mandarin nor Cantonese.",
      "The herders speak little Mandarin, so notices pass them by.",
      "Her mother speaks little Mandarin and relies on the children."]),
    ("factor.social_network",
     ["务工人员依靠同乡网络找工作。", "他们通过老乡网络互通消息。", "亲缘网络仍是求助的首选。",
      "村民主要依赖亲属网络解决纠纷。", "Traders relied on kinship networks for credit.",
      "Kin networks carried news faster than the notice board.",
      "Hometown networks helped newcomers find rooms.",
      "Resettlement broke up village networks that had lasted decades."]),
    ("factor.time",
     ["调解员都有本职工作，时间难以保证。", "楼长多在外地上班，值班时间无法保证。",
      "兼职志愿者的服务时间得不到保证。"]),
    ("factor.accessibility", ["The design ignored accessibility standards for wheelchairs."]),
    ("factor.burnout",
     ["做了三年楼长，热情快没了。", "连续加班之后，大家的热情都没了。", "活动办多了，热情没了。",
      "志愿者们没了热情，值班表排不满。"]),
    ("factor.age",
     ["护绿队缺少年轻人，骨干都在七十岁上下。", "合唱团缺乏年轻人，成员逐年减少。",
      "议事会缺少中青年，讨论总围绕老年人的需求。", "志愿队缺乏中青年，周末值班常常开天窗。",
      "中青年因为上班参与较少。", "年轻人由于通勤时间长参与较少。", "年轻居民平时参与较少。",
      "Few younger residents came to the meetings.", "The choir has few young people left.",
      "Older residents were largely absent from the app survey.",
      "Young residents are few among the volunteers.",
      "Younger people were absent from the meeting."]),
    ("factor.space_shortage", ["小区里可用的空地十分有限，装不下新的活动设施。"]),
    ("factor.neighbourhood", ["搬进新楼后，邻里之间互不相识。"]),
    ("factor.communication_ability", ["不少老人不善于表达自己的想法。"]),
]  # fmt: skip

# (code, look-alike sentences it must leave)
LEAVE = [
    ("factor.age", ["年轻居民很少看到这些通知。"]),
    ("factor.income",
     ["The company must publish its fee income each year.",
      "Owners asked to see the income and spending of the maintenance fund.",
      "The block houses low-income households and retired teachers."]),
    ("factor.trust",
     ["The fund was set up as a charitable trust.", "A trust company holds the money."]),
    ("factor.language_barrier",
     ["Studies on this topic are scarce in both English and Chinese literature."]),
    ("participation_type.passive", ["活动结束后，居民从旁观者转变为组织者。"]),
    ("participation_type.social", ["The chapter reviews the evidence on civic participation."]),
    ("factor.communication_ability", ["议事会为居民表达诉求提供了渠道。"]),
    ("factor.residence_length",
     ["Long-term residents and newcomers live side by side in the estate."]),
]  # fmt: skip


@pytest.mark.parametrize(("code", "sentences"), CATCH)
def test_session9_vocabulary_catches(code: str, sentences: list[str]) -> None:
    """Each added form finds its concept in wording of our own."""
    for sentence in sentences:
        assert code in codes(sentence), sentence


@pytest.mark.parametrize(("code", "sentences"), LEAVE)
def test_session9_vocabulary_leaves_look_alikes(code: str, sentences: list[str]) -> None:
    """Narrower forms and not_forms keep the code off what only looks like it."""
    for sentence in sentences:
        assert code not in codes(sentence), sentence


def test_new_age_form_keeps_the_time_code_inside_its_gap() -> None:
    """中青年…参与较少 is weaker than a literal: 工作繁忙 inside the gap stays time."""
    found = codes("中青年居民因工作繁忙参与较少。")
    assert "factor.age" in found
    assert "factor.time" in found


def test_a_finding_introduced_by_research_is_not_a_gap() -> None:
    """研究还发现/研究也表明 report the study's own finding: a lack after it is the finding."""
    assert polarity_of("研究还发现，护绿队缺少年轻人参加。", "缺少年轻人") == {"uses"}
    assert polarity_of("研究也表明，居民长期受到污名化。", "污名化") == {"uses"}
    # research as the subject of the lack still states a gap
    assert polarity_of("现有研究很少关注社区缺少年轻人的问题。", "缺少年轻人") == {"gap"}


ROUND_TWO = [
    ("participation_type.spontaneous",
     ["Most of the estate's participation is recreational, such as dancing.",
      "Their involvement stayed leisure-based for years.",
      "社区参与以娱乐性为主，议事很少有人来。"]),
    ("factor.information_asymmetry",
     ["Information between the committee and tenants is not smooth.",
      "Notices to the tenants were not smooth."]),
    ("factor.property_conflict",
     ["物业公司与部分业主长期存在矛盾。", "物业公司和业委会之间的纠纷拖了两年。"]),
]  # fmt: skip


@pytest.mark.parametrize(("code", "sentences"), ROUND_TWO)
def test_session9_second_round_catches(code: str, sentences: list[str]) -> None:
    """Heads and gapped forms of the second round find their concept in our own wording."""
    for sentence in sentences:
        assert code in codes(sentence), sentence


def test_second_round_forms_leave_look_alikes() -> None:
    """A lack said as "not smooth" needs a deficiency head (a road is none); 物业公司 alone is
    no conflict."""
    assert "factor.information_asymmetry" not in codes("The road to the township is not smooth.")
    assert "factor.property_conflict" not in codes("物业公司负责小区的保洁和绿化。")


def test_a_lack_of_identity_said_with_not_is_the_factor_not_its_negation() -> None:
    """The form "did not think of themselves as residents" states the missing identity (uses),
    as "do not know their neighbours" does for neighbourhood relations."""
    text = "Many renters did not think of themselves as residents of the block."
    assert polarity_of(text, "did not think of themselves as residents") == {"uses"}


def test_an_information_system_is_software_not_an_information_gap() -> None:
    """A missing information system is a tool gap; residents lacking information are the factor."""
    assert "factor.information_asymmetry" not in codes(
        "No shared information system links the two clinics."
    )
    assert "factor.information_asymmetry" not in codes("街道缺乏统一的信息系统。")
    assert "factor.information_asymmetry" in codes("Tenants lacked information about the vote.")
