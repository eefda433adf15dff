"""Compositional frames (schemas/frames.yaml × codebook heads) catch a concept in words no
synonym lists: each family is checked on sentences written for this test (none from a gold
document) that it must catch and sentences it must leave alone."""

from __future__ import annotations

import pytest
import yaml

from kgreview.config import schemas_dir
from kgreview.nlp.codebook import check_codebook
from kgreview.nlp.frames import FrameMatcher, load_frames
from kgreview.nlp.normalize import normalise
from tests.nlp.test_tagger import codes

# (family, code, sentences it must catch, sentences it must not code with that code)
FAMILIES = [
    ("deficiency", "factor.channels",
     ["调查显示，外来租户缺少向物业反映问题的途径。",
      "Tenants had no route into the decisions of the estate.",
      "The committee lacked any channel for hearing renters."],
     ["已有文献缺少关于居民表达途径的研究。", "居民并不缺乏表达意见的渠道。",
      "Few studies have examined the routes residents use."]),
    ("deficiency", "factor.platform",
     ["居民议事缺乏固定的平台。"], ["线上平台的使用率不足三成。"]),
    ("deficiency", "factor.social_worker_capacity",
     ["站点人手严重不足，一名社工要服务五个小区。", "The centre was short of staff all winter."],
     ["The staff welcomed every resident."]),
    ("deficiency", "factor.weak_social_orgs",
     ["镇上的社会组织力量仍然有限。", "In the new towns there are few community organisations."],
     ["社会组织积极参与了议事。"]),
    ("participation_in", "participation_type.decision",
     ["居民很少参与小区停车方案的制定。", "Renters had almost no voice in the estate's decisions."],
     ["影响居民参与的因素很多，决策者应当重视。",
      "Residents took part in a walk; decisions came later."]),
    ("participation_in", "participation_type.political",
     ["Older villagers seldom voted in the village committee elections."], []),
    ("participation_as", "participation_type.token",
     ["Their involvement remained largely symbolic."], []),
    ("participation_as", "participation_type.shallow",
     ["居民参与多停留在表面。"], ["居民参加社区活动时遇到的问题较表面化。"]),
    ("participation_as", "participation_type.passive",
     ["Most tenants' participation was passive."],
     ["Participation rose; passive residents stayed away."]),
    ("recipient", "participation_type.passive",
     ["居民沦为被动的旁观者。", "Residents were cast as passive beneficiaries of the scheme."], []),
    ("establish", "countermeasure.self_organisations",
     ["社工协助居民成立了由租户自己管理的维修小组。",
      "Project staff helped older women set up a knitting cooperative.",
      "The district funded peer-support groups run by carers."],
     ["Residents found a positive association between trust and voting.",
      "社工组建了志愿者队伍。"]),
    ("owned_by", "countermeasure.self_organisations",
     ["A villagers' association negotiated the land lease."],
     ["Community groups met in the hall.", "Women's groups met in the hall."]),
    ("owned_by", "countermeasure.community_compact",
     ["The tenants' rules on pets were revised."], []),
    ("activity", "countermeasure.deliberation",
     ["A consultation forum on parking was held in May."], ["The consultation ended early."]),
    ("activity", "countermeasure.community_education",
     ["The centre ran an education workshop for carers."], []),
    ("trains", "countermeasure.capacity_training",
     ["The project trained twenty resident volunteers in first aid."],
     ["Trains run past the estate every hour."]),
    ("scheme", "countermeasure.points_system",
     ["The committee started a points-based reward scheme."], ["Points raised in the meeting."]),
    ("scheme", "countermeasure.incentive_mechanism",
     ["The incentive scheme paid out coupons."], []),
    ("drawn", "countermeasure.community_mapping",
     ["居民一起绘制了社区安全地图。", "Volunteers drew a map of flood hazards."],
     ["地图显示社区位于城郊。"]),
    ("willing", "factor.willingness",
     ["年轻人不愿意出面参加议事会。", "Neighbours were keen to help with shopping."],
     ["He was willing to lend a ladder."]),
    ("stake", "factor.interest",
     ["Their financial interest decided the vote.", "此事关系居民的经济利益。"],
     ["It served the public interest.", "They shared interests in music."]),
    ("skill_of", "countermeasure.capacity_training",
     ["急救培训很受欢迎。"], ["社工接受了督导与培训。"]),
    ("kind_of", "countermeasure.incentive_mechanism",
     ["正向激励能提高参与。", "Small rewards kept volunteers coming."], []),
    ("knows_little", "factor.information_asymmetry",
     ["Migrant families know nothing about the committee's meetings."],
     ["We know little about tenants' votes."]),
    ("mostly", "factor.participant_structure",
     ["The volunteers were mainly older residents.", "议事会成员清一色是老年人。"],
     ["Participants were mostly satisfied."]),
    ("from_above", "factor.administrative",
     ["检查任务都由街道层层下达。"], ["通知已下达到每户。"]),
    ("works_in", "factor.occupation",
     ["受访者多从事建筑、家政等行业。"], ["社工从事社会工作多年。"]),
    ("moves_to", "participation_type.cooperative",
     ["居民的参与逐渐从旁观转向与物业的合作。",
      "Tenants' participation moved to cooperation with the landlord."],
     ["社区与企业走向合作。"]),
    ("civic_skills", "factor.participation_ability",
     ["Volunteering built the civic skills of young mothers."],
     ["The workshops trained meeting skills."]),
    ("campaign", "countermeasure.publicity",
     ["The street office ran a mobilisation campaign before the vote.",
      "Rounds of publicity preceded the launch."],
     ["The campaign for better housing failed."]),
    ("burdened", "factor.committee_burden",
     ["社区干部疲于应付上级检查。", "Committee workers were tied up with reporting every week."],
     ["学生完成了考试。"]),
    ("deficiency", "factor.weak_social_orgs",
     ["村里的社会组织发育缓慢，数量很少。", "Community organisations are few and weak."], []),
    ("neighbourly", "countermeasure.mutual_aid",
     ["老人们之间的邻里帮扶很常见。", "The scheme relied on neighbourly help."],
     ["The neighbourhood committee met."]),
    ("cultivate", "countermeasure.backbones",
     ["社工在楼栋里挖掘了几位带头人。", "The project set out to nurture resident leaders."],
     ["家长注重培养孩子的兴趣。"]),
    ("predecided", "participation_type.pseudo",
     ["方案其实干部早就定好了，开会只是走程序。",
      "The plan had been decided in advance by the committee."],
     ["居民先定好时间再报名。"]),
    ("have_say", "participation_type.decision",
     ["Tenants had little say in how the budget was spent.", "外来租户在小区事务中没有发言权。"],
     ["They had little to say about it."]),
    ("passively_do", "participation_type.passive",
     ["居民往往只是被动地接受安排。", "Most members passively followed the plan."],
     ["居民被动员参加了清洁活动。"]),
    ("self_run", "countermeasure.self_organisations",
     ["The estate now has three resident-run clubs.", "楼里成立了由居民自己管理的维修队伍。"],
     ["The district-run clubs closed."]),
    ("charted", "countermeasure.community_mapping",
     ["Residents mapped local assets together."], ["The survey mapped nothing."]),
    ("reciprocal", "countermeasure.mutual_aid",
     ["邻里之间互相帮忙照看孩子。", "Neighbours helped each other with shopping."],
     ["The two studies support each other."]),
    ("deficiency", "factor.missing_norms",
     ["There were no clear rules for how proposals would be handled."],
     ["涉及公共规则的议题较少。"]),
    ("rely_on", "factor.government_dependence",
     ["居民习惯了什么事都找政府。", "Residents expected the government to solve everything."],
     ["The study relied on the survey."]),
    ("conflict_with", "factor.property_conflict",
     ["物业与业主之间矛盾突出。", "Disputes with the property company kept residents away."],
     ["居民之间矛盾突出。"]),
    ("earned", "countermeasure.points_system",
     ["Volunteers earned points that could be exchanged for groceries."],
     ["The team earned praise."]),
    ("via_online", "participation_type.online",
     ["年轻居民更多通过微信群参与讨论。", "Tenants voted via WeChat groups."],
     ["居委会通过微信群发布通知。"]),
    ("mobilise_who", "participation_type.mobilised",
     ["The committee mobilised residents to attend.", "居民大多是被居委会动员来的。"],
     ["居民自发前来。"]),
    ("cannot_use", "factor.digital_divide",
     ["老人们不会用智能手机，无法参与线上投票。", "Older residents could not use the app to vote."],
     ["Residents could not use the hall on Sundays."]),
    ("level_of", "factor.education",
     ["Residents with less schooling seldom attended.", "Better educated tenants spoke up more."],
     ["Schooling was discussed at the meeting."]),
    ("manner", "participation_type.organised",
     ["居民以组织化的方式参与改造。"], ["社区以组织化的方式推进改造。"]),
    ("deficiency", "factor.funding",
     ["The group's grant was cut after one year.", "协会因缺钱只能暂停活动。"],
     ["已有文献缺少关于资金的研究。"]),
    ("deficiency", "factor.information_asymmetry",
     ["Notices about the works were almost non-existent in the older blocks."], []),
    ("deficiency", "factor.belonging",
     ["Newcomers felt little attachment to the estate."], []),
    ("establish", "countermeasure.self_organisations",
     ["居民自愿组成了护绿小组。"], []),
    ("earned", "countermeasure.points_system",
     ["The committee rewarded regular sorters with points."], []),
    ("knows_little", "factor.information_asymmetry",
     ["Many tenants had no idea who chaired the meetings."], ["We have no idea why."]),
    ("deficiency", "factor.time",
     ["双职工家庭很难抽出时间参加议事。"], ["本研究的调查时间不足三个月。"]),
    ("willing", "factor.willingness",
     ["Retired teachers were happy to volunteer at the library."], []),
    ("participation_in", "participation_type.decision",
     ["Tenants were not consulted on decisions about the renovation."], []),
    ("not_told", "factor.information_asymmetry",
     ["不少业主对维修基金的去向一无所知。", "Households were rarely told about the new bin times."],
     ["笔者对这一理论知之甚少。"]),
    ("reciprocal", "countermeasure.mutual_aid",
     ["几户人家的老人住得近，平时相互照看。"], []),
]  # fmt: skip


@pytest.mark.parametrize(("family", "code", "catch", "leave"), FAMILIES)
def test_a_frame_family_generalises(family: str, code: str, catch: list, leave: list) -> None:
    assert family in load_frames().frames
    for sentence in catch:
        assert code in codes(sentence), (family, sentence)
    for sentence in leave:
        assert code not in codes(sentence), (family, sentence)


def test_a_negated_or_reported_lack_keeps_its_polarity() -> None:
    """A frame match is judged like any coding: a lack reported by scholars is not the study's."""
    from tests.nlp.test_sections import polarity_of

    text = "已有学者指出，流动人口缺少表达诉求的途径。"
    assert polarity_of(text, "缺少表达诉求的途径") == {"mentions"}


def test_a_head_needs_its_frames_cue_in_the_same_clause() -> None:
    matcher = FrameMatcher([_Entry("factor.channels", (("deficiency", "zh", "渠道"),))])
    assert list(matcher.find(normalise("居民缺乏表达意见的渠道").text))
    assert not list(matcher.find(normalise("居民缺乏信心，渠道也多").text))  # a clause break
    assert not list(matcher.find(normalise("居民缺乏一种能让大家都愿意长期坚持下去的渠道").text))


def test_the_codebook_check_reports_unknown_frames_and_shared_heads() -> None:
    data = yaml.safe_load((schemas_dir() / "codebook.yaml").read_text(encoding="utf-8"))
    codes_ = data["codes"]
    codes_[0]["heads"] = {"no_such_frame": {"zh": ["渠道"]}}
    channels = next(c for c in codes_ if c["id"] == "factor.channels")
    codes_[1]["heads"] = {"deficiency": {"zh": [channels["heads"]["deficiency"]["zh"][0]]}}
    problems = check_codebook(data)
    assert any("unknown frame 'no_such_frame'" in p for p in problems)
    assert any(p.startswith("factor.channels: deficiency head") for p in problems)


class _Entry:
    def __init__(self, id: str, heads: tuple) -> None:
        self.id, self.heads = id, heads


def test_an_english_head_may_end_a_two_part_compound_only() -> None:
    """ "a health-education workshop" is an education event; in "a points-for-prizes scheme" the
    hyphen chain is a phrase whose last word is no head of the scheme."""
    assert "countermeasure.community_education" in codes("They ran a health-education workshop.")
    found = codes("The estate ran a points-for-rewards scheme.")
    assert "countermeasure.points_system" in found
    assert "countermeasure.incentive_mechanism" not in found


def test_editing_a_codes_heads_retags_every_document(tmp_path, monkeypatch) -> None:
    """Heads change what the tagger finds in any text: no term scan can tell which documents
    they touch, so the retag plan is a full one (and so is a change of frames.yaml)."""
    from kgreview.nlp.codebook import load_codebook
    from kgreview.nlp.cues import load_cues
    from kgreview.nlp.tagger import Tagger
    from kgreview.retagging import keep_setup, plan_retag

    monkeypatch.setenv("KGREVIEW_CACHE_DIR", str(tmp_path / "cache"))
    source = schemas_dir() / "codebook.yaml"
    old_book = tmp_path / "old.yaml"
    old_book.write_bytes(source.read_bytes())
    old = Tagger(load_codebook(old_book), load_cues())
    assert keep_setup(old) is not None
    data = yaml.safe_load(source.read_text(encoding="utf-8"))
    channels = next(c for c in data["codes"] if c["id"] == "factor.channels")
    channels["heads"]["deficiency"]["zh"].append("门道")
    edited = tmp_path / "edited.yaml"
    edited.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    plan = plan_retag(old.key, Tagger(load_codebook(edited), load_cues()))
    assert plan.full and "factor.channels" in plan.reason
