"""Causes found by writing Chinese texts genre by genre (session 11), each on sentences of our own:
a timed transcript with descriptors in its labels, a worker's own service record, a policy's
directives, a thesis's 创新与不足 section, a 社区社会工作站, funding channels, peer groups."""

from __future__ import annotations

import pytest

from kgreview.model import Document
from kgreview.pipeline import build_bundle
from kgreview.tagging import load_tagger


def polarity_of(text: str, code: str) -> set[str]:
    bundle = build_bundle(Document(id="doc:g11", title="A study", text=text), load_tagger().tag)
    return {c.polarity for c in bundle.codings if c.code_id == code}


def tag_file(tmp_path, text: str, name: str = "pasted.txt") -> list[tuple[str, str]]:
    """Codings of a file, read as `kgreview tag` reads it (its reader, its title)."""
    from kgreview.pipeline import read_documents

    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    (document,) = read_documents(path, path.read_bytes())
    bundle = build_bundle(document, load_tagger().tag)
    return [(c.code_id, c.polarity) for c in bundle.codings]


TIMED = (
    "居民访谈（第5号）\n\n"
    "[00:00:10] 访谈者：您平时参加社区活动吗？\n"
    "[00:00:18] 受访者（B2，男，70岁）：参加过，去年还去了两次居民议事会。\n"
    "[00:01:02] 访谈者：感觉怎么样？\n"
    "[00:01:09] 受访者（B2，男，70岁）：说实话，提了意见也没人管。\n"
)


def test_a_timed_turn_whose_label_carries_a_descriptor_is_a_turn() -> None:
    from kgreview.ingest.transcript_parse import parse_transcript

    found = parse_transcript(TIMED)
    assert found is not None
    assert [t.speaker for t in found.turns] == ["访谈者", "受访者", "访谈者", "受访者"]
    assert found.turns[1].timestamp == "00:00:18"
    bare = parse_transcript(TIMED.replace("受访者（B2，男，70岁）", "B2（男，70岁）"))
    assert bare is not None and bare.turns[1].speaker == "B2"


def test_a_parenthesised_heading_is_no_turn() -> None:
    from kgreview.ingest.transcript_parse import parse_transcript

    text = (
        "一、研究背景（节选）：\n随着城市化推进，居民参与日益重要。\n"
        "二、研究方法（摘要）：\n本文采用访谈法。\n"
    )
    assert parse_transcript(text) is None


def test_what_a_respondent_reports_in_a_timed_transcript_is_reported(tmp_path) -> None:
    found = tag_file(tmp_path, TIMED)
    assert ("countermeasure.residents_council", "mentions") in found
    # the interviewer's label names no interview method of its own in every turn
    assert found.count(("method.interview", "uses")) <= 1


def test_timed_turns_pasted_into_a_document_make_it_interview_notes() -> None:
    # a Word file or a pasted text is not read by the transcript reader: its turns still count
    text = TIMED.replace("居民访谈（第5号）", "社区调研材料")
    assert polarity_of(text, "countermeasure.residents_council") == {"mentions"}
    own = "社区调研材料\n\n[00:00:10] 本次调研中，我们召开了两次居民议事会。\n"
    assert polarity_of(own, "countermeasure.residents_council") == {"uses"}


@pytest.mark.parametrize("title", ["访谈转录稿（编号C-03）", "访谈逐字稿", "访谈转写稿（节选）"])
def test_a_transcription_title_is_interview_notes(tmp_path, title: str) -> None:
    text = f"{title}\n\n居委会每个月都开协商会，我们也去。\n"
    assert ("countermeasure.deliberation", "mentions") in tag_file(tmp_path, text)


@pytest.mark.parametrize("title", ["个案服务记录（编号：B-09）", "小组工作过程记录", "活动记录"])
def test_a_workers_own_record_is_the_services_own_account(tmp_path, title: str) -> None:
    text = f"{title}\n\n社工每两周入户探访一次，并将服务对象转介至日间照料中心。\n"
    found = tag_file(tmp_path, text)
    assert ("countermeasure.home_visits", "uses") in found
    assert ("countermeasure.referral", "uses") in found


def test_a_meeting_record_still_reports_others(tmp_path) -> None:
    text = "座谈会记录\n\n居委会每个月都开协商会，我们也去。\n"
    assert ("countermeasure.deliberation", "mentions") in tag_file(tmp_path, text)


@pytest.mark.parametrize(
    "text",
    [
        "鼓励居民通过楼栋议事会等形式参与协商。",
        "明确工作责任。鼓励社区建立居民议事会。",
        "各地要鼓励居民参加居民议事会。",
        "街道应搭建居民议事会等协商平台。",
    ],
)
def test_a_policy_directive_is_a_proposal(text: str) -> None:
    assert polarity_of(text, "countermeasure.residents_council") == {"recommends"}


@pytest.mark.parametrize(
    "text",
    [
        "居委会鼓励居民参加居民议事会，共有30人报名。",
        "社区相应开展了居民议事会。",
        "社区主要开展居民议事会。",
        "社工说要组建居民议事会，我就报了名。",  # an intention reported, no proposal
    ],
)
def test_someone_encouraging_or_a_done_act_stays_used(text: str) -> None:
    assert polarity_of(text, "countermeasure.residents_council") == {"uses"}


@pytest.mark.parametrize("text", ["社区应培育社区骨干。", "社区要培育一批社区骨干。"])
def test_should_cultivate_is_a_proposal(text: str) -> None:
    assert polarity_of(text, "countermeasure.backbones") == {"recommends"}


STRENGTHS_AND_LIMITS = (
    "五、创新与不足\n"
    "本研究的创新之处在于把社会工作站作为服务平台来考察。"
    "不足之处在于，受时间所限，未能对服务对象进行长期跟踪；此外，访谈对象数量有限。\n"
)


def test_a_strengths_and_limits_heading_keeps_the_strength_the_studys_own() -> None:
    assert polarity_of(STRENGTHS_AND_LIMITS, "countermeasure.social_work_station") == {"uses"}
    assert polarity_of(STRENGTHS_AND_LIMITS, "method.longitudinal") == {"limitation"}


def test_a_limitations_heading_still_makes_its_paragraph_limitations() -> None:
    text = "五、研究不足\n本研究以社会工作站为平台，只访谈了一个社区的居民。\n"
    assert polarity_of(text, "countermeasure.social_work_station") == {"limitation"}


def test_what_others_research_lacks_is_no_limitation_of_ours() -> None:
    text = "已有研究的不足在于，很少关注社会工作站在农村社区的作用。"
    assert "limitation" not in polarity_of(text, "countermeasure.social_work_station")


@pytest.mark.parametrize("text", ["笔者在S社区社会工作站实习。", "依托社区社会工作服务站服务。"])
def test_a_community_social_work_station_is_a_station(text: str) -> None:
    assert polarity_of(text, "countermeasure.social_work_station")
    assert not polarity_of(text, "method.community_work")


def test_community_social_work_is_still_the_method() -> None:
    assert polarity_of("本研究采用社区社会工作方法开展服务。", "method.community_work")


@pytest.mark.parametrize("text", ["建议拓宽多元筹资渠道。", "项目应拓展资金来源渠道。"])
def test_funding_channels_are_funding_not_participation_channels(text: str) -> None:
    assert polarity_of(text, "factor.funding") == {"recommends"}
    assert not polarity_of(text, "countermeasure.broaden_channels")


def test_participation_channels_stay_channels() -> None:
    assert polarity_of("建议拓宽居民表达意见的渠道。", "countermeasure.broaden_channels")


@pytest.mark.parametrize(
    "text", ["社工为失独老人组建了互助小组。", "社工协助单亲妈妈成立互助小组，每月聚会一次。"]
)
def test_a_mutual_aid_group_of_people_sharing_a_hardship_is_peer_support(text: str) -> None:
    assert polarity_of(text, "countermeasure.peer_support")
    assert not polarity_of(text, "countermeasure.mutual_aid")


@pytest.mark.parametrize(
    "text", ["社工组织楼栋居民成立邻里互助小组。", "同伴支持和邻里互助同样重要。"]
)
def test_neighbours_mutual_aid_stays(text: str) -> None:
    assert polarity_of(text, "countermeasure.mutual_aid")


def test_the_peer_group_named_again_is_still_peer_support() -> None:
    text = "社工协助癌症患者家属成立了互助小组。半年后，互助小组已能自行组织聚会。"
    assert polarity_of(text, "countermeasure.peer_support") == {"uses"}
    assert not polarity_of(text, "countermeasure.mutual_aid")


def test_a_neighbours_group_in_a_text_without_a_peer_group_stays_mutual_aid() -> None:
    text = "社工为独居老人开设了支持性小组。楼里的邻居也成立了互助小组。"
    assert polarity_of(text, "countermeasure.mutual_aid") == {"uses"}


NOTEEXPRESS = """{Reference Type}: Journal Article
{Title}: 城市社区治理中的居民参与研究
{Author}: 赵晴
{Year}: 2022
{Keywords}: 居民议事会;;社会资本;;老旧小区
{Abstract}: 本文以南京市某街道为例，分析居民参与的现状与困境。
{Database Provider}: CNKI


{Reference Type}: Journal Article
{Title}: 社区参与研究述评
{Author}: 钱亮
{Year}: 2021
{Keywords}: 社会资本;文献述评
{Abstract}: 本文梳理了近十年的社区参与研究。
{Database Provider}: CNKI
"""


def test_a_records_keywords_are_coded_each_in_its_own_document(tmp_path) -> None:
    from kgreview.pipeline import read_documents

    path = tmp_path / "export.net"
    path.write_text(NOTEEXPRESS, encoding="utf-8")
    study, review = read_documents(path, path.read_bytes())
    assert study.text.endswith("\n关键词：居民议事会；社会资本；老旧小区\n")
    coded = {
        d.title: {(c.code_id, c.polarity) for c in build_bundle(d, load_tagger().tag).codings}
        for d in (study, review)
    }
    # the study's keywords name what it is about; a review's name what it reports
    assert ("countermeasure.residents_council", "uses") in coded[study.title]
    assert ("context.old_community", "uses") in coded[study.title]
    assert ("factor.social_capital", "mentions") in coded[review.title]
    assert not any(code == "countermeasure.residents_council" for code, _ in coded[review.title])


def test_a_record_without_keywords_keeps_its_text(tmp_path) -> None:
    from kgreview.pipeline import read_documents

    path = tmp_path / "export.net"
    text = NOTEEXPRESS.replace("{Keywords}: 居民议事会;;社会资本;;老旧小区\n", "")
    path.write_text(text, encoding="utf-8")
    study, _ = read_documents(path, path.read_bytes())
    assert study.text.endswith("分析居民参与的现状与困境。\n")
    assert "关键词" not in study.text


def test_english_keywords_print_as_a_full_text_does() -> None:
    from kgreview.ingest.records import keywords_line

    assert keywords_line(["social capital", "trust"]) == "Keywords: social capital; trust"
    assert keywords_line(["trust", "社会资本"]) == "关键词：trust；社会资本"
