"""Session 7 vocabulary of the factor codes: names researchers give each factor, caught in
sentences of our own, and look-alike sentences that must stay uncoded."""

from __future__ import annotations

import pytest

from tests.nlp.test_tagger import codes

CASES = [
    ("factor.family_support",
     ["不少中年居民上有老下有小，很难抽身参加议事会。",
      "老人不会用手机报名，往往由子女代为操作。",
      "Many women cited caring responsibilities as the reason they left the group."],
     ["社工为困境家庭提供了上门服务。"]),
    ("factor.committee_burden",
     ["上面千条线，下面一根针，居委会疲于完成各项任务。",
      "社区工作人员大量时间花在事务性工作上。",
      "Staff complained about the administrative workload imposed by the district."],
     ["居委会每周召开一次例会。"]),
    ("factor.social_worker_capacity",
     ["机构社工专业化程度不高，难以回应居民需求。",
      "一线社工普遍缺乏专业督导。",
      "The centre faced a shortage of social workers after two staff left."],
     ["社工带领居民开展了楼道美化。"]),
    ("factor.channels",
     ["租户缺少利益表达渠道，意见难以传到居委会。",
      "Tenants had few avenues for participation beyond the annual meeting."],
     ["社工通过入户走访了解居民需求。"]),
    ("factor.platform",
     ["The committee lacked a venue for participation that residents trusted."],
     ["The platform was used by the city to publish notices about road works."]),
    ("factor.information_asymmetry",
     ["很多居民对改造方案蒙在鼓里，直到施工才知道。",
      "Older tenants were kept in the dark about the redevelopment plan."],
     ["社区在公告栏公布了活动安排。"]),
    ("factor.time",
     ["年轻居民早出晚归，很少参加周末以外的活动。",
      "Shift workers could not attend meetings held during working hours."],
     ["The meeting lasted two hours."]),
    ("factor.occupation",
     ["个体户和自由职业者很少参加居民议事会。",
      "Self-employed residents rarely joined the volunteer teams."],
     ["居民们在广场上跳舞。"]),
    ("factor.trust",
     ["部分居民对社工抱有戒备心理，不愿透露家中情况。",
      "居委会的公信力不足，通知常被居民忽视。"],
     ["社工与居民一起清理了楼道。"]),
    ("factor.willingness",
     ["Interviews revealed a general reluctance among tenants to speak at meetings."],
     ["The tenants spoke at the meeting."]),
    ("factor.traditional_culture",
     ["受臣民意识影响，村民习惯听从村干部安排。",
      "A subject mentality left many villagers waiting for instructions."],
     ["村民在祠堂举办了重阳节敬老宴。"]),
    ("factor.heterogeneity",
     ["商品房小区居民构成复杂，利益多元，难以形成共识。",
      "In a heterogeneous community, agreement on shared rules took months."],
     ["居民一起制定了楼道公约。"]),
    ("factor.government_dependence",
     ["不少居民存在依赖思想，有事找政府。",
      "A dependency mentality kept residents from organising on their own."],
     ["街道办与居委会联合开展了安全检查。"]),
    ("factor.funding",
     ["社区社会组织资金短缺，活动难以为继。",
      "The project was underfunded and closed after a year."],
     ["项目资金来自街道公益创投。"]),
    ("factor.policy_support",
     ["由于缺乏顶层设计，各街道做法不一。",
      "Without supportive policies, the pilot could not be scaled up."],
     ["社工向居民讲解了垃圾分类的做法。"]),
    ("factor.administrative",
     ["居委会沦为“二政府”，自治功能弱化。",
      "The committee acted as an extension of the government rather than a residents' body."],
     ["社工没有包办代替，而是请居民自己分工。"]),
    ("factor.missing_norms",
     ["议事会与居委会权责不清，决议常无人执行。",
      "Unclear responsibilities between the two bodies stalled the repairs."],
     ["议事会选出了五名代表。"]),
    ("factor.lack_incentives",
     ["楼栋长觉得这份工作吃力不讨好，不愿继续。",
      "Volunteers felt the role was thankless and gave it up."],
     ["志愿者领取了统一的马甲。"]),
    ("factor.stranger_society",
     ["楼上楼下住了十年，对门不相识。",
      "Most tenants lived as strangers in the new towers."],
     ["居民在新楼里住了十年。"]),
    ("factor.public_spirit",
     ["骨干身上有很强的公益精神。",
      "Their altruism kept the tool library open."],
     ["居民在公益集市上交换旧物。"]),
    ("factor.property_conflict",
     ["小区物业服务不到位，业主拒交物业费。",
      "Unpaid property fees left the management company short of staff."],
     ["物业公司派人参加了协商会。"]),
    ("factor.family_support",
     ["有的妇女说丈夫反对她晚上出门开会。"],
     ["丈夫和妻子一起参加了亲子活动。"]),
    ("factor.social_worker_capacity",
     ["受访者认为机构督导不足，新社工成长缓慢。"],
     ["督导每月与社工讨论一次个案。"]),
    ("factor.efficacy",
     ["老人们觉得自己人微言轻，提了意见也改变不了什么。",
      "Tenants said nobody listens to them at the estate board."],
     ["Residents listened to the talk on fire safety."]),
    ("factor.apathy",
     ["多数业主对加装电梯持观望态度，置身事外。"],
     ["业主们观看了加装电梯的演示视频。"]),
    ("factor.gender",
     ["议事会成员男少女多，男性缺席日常讨论。"],
     ["男女老少都来参加了游园会。"]),
    ("factor.age",
     ["代际差异使年轻人与老人对活动形式看法不同。"],
     ["祖孙两代一起参加了手工活动。"]),
    ("factor.heterogeneity",
     ["居民需求众口难调，方案改了三次。"],
     ["居民对方案进行了投票。"]),
    ("factor.time",
     ["双职工家庭抽不开身，工作日的活动很少参加。"],
     ["活动在周六上午举行。"]),
    ("factor.residence_length",
     ["刚入住的业主对小区事务还不熟悉。"],
     ["新老居民一起参加了迎新活动。"]),
    ("factor.government_dependence",
     ["The residents expected the committee to fix everything."],
     ["节日慰问品由居委会工作人员挨家送到。"]),
]  # fmt: skip


@pytest.mark.parametrize(("code", "catch", "leave"), CASES)
def test_a_factor_name_is_caught_and_look_alikes_are_left(
    code: str, catch: list, leave: list
) -> None:
    """Each factor is found under names writers use for it, and not in near misses."""
    for sentence in catch:
        assert code in codes(sentence), sentence
    for sentence in leave:
        assert code not in codes(sentence), sentence


TRAPS = [
    ("访谈资料均做了匿名化处理。", "factor.stranger_society"),
    ("We thank the provincial foundation for financial support.", "factor.funding"),
    ("Respondents could tick a box if they prefer not to answer.", "factor.willingness"),
    ("研究者查阅了相关政策文件。", "factor.policy_support"),
    ("低保家庭经济负担过重。", "factor.committee_burden"),
    ("街道办事处是区政府的派出机构。", "factor.administrative"),
    ("项目整合了体制内外的资源。", "factor.occupation"),
    ("A socially mixed estate was chosen as the case.", "factor.heterogeneity"),
    ("出现心理障碍的青少年由医院转介。", "factor.psychological"),
    ("The volunteers completed the survey forms.", "factor.committee_burden"),
]


@pytest.mark.parametrize(("sentence", "code"), TRAPS)
def test_a_word_that_only_sometimes_names_a_factor_stays_out(sentence: str, code: str) -> None:
    """Words kept out of the vocabulary because they name something else in other texts."""
    assert code not in codes(sentence)
