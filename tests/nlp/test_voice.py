"""Who speaks in a sentence decides its polarity: the study, scholars, or respondents."""

from __future__ import annotations

from kgreview.nlp.cues import load_cues
from kgreview.nlp.normalize import normalise
from kgreview.nlp.voice import transcript_like
from tests.nlp.test_polarity import decide


def test_the_studys_own_finding_is_a_use_not_a_reported_position() -> None:
    sentence = "The survey found that poor health kept many residents at home."
    assert decide(sentence, "poor health") == "uses"
    # in a review "the survey" is a reviewed one: its finding is reported
    assert decide(sentence, "poor health", review=True) == "mentions"


def test_a_finding_frame_owns_the_respondents_views_it_reports() -> None:
    sentence = "研究发现，多数租户缺乏参与意识，认为小区事务与租房的人无关。"
    assert decide(sentence, "参与意识") == "uses"
    assert decide("王某认为居民缺乏参与意识。", "参与意识") == "mentions"


def test_a_shortfall_the_study_admits_is_its_limitation() -> None:
    sentence = "此外，研究未能对房东群体进行深入访谈。"
    assert decide(sentence, "深入访谈") == "limitation"
    finding = "本研究发现居民无法参与议事会。"
    assert decide(finding, "议事会") != "limitation"
    english = "Because this is a single-case study, its findings may not apply elsewhere."
    assert decide(english, "single-case study") == "limitation"


def test_the_studys_own_proposal_recommends_what_follows() -> None:
    sentence = "基于此，本文提出建立信息公开制度，将线上讨论与线下居民议事会相衔接。"
    assert decide(sentence, "居民议事会") == "recommends"


def test_a_proposal_credited_to_a_scholar_is_a_mention() -> None:
    sentence = "钟某运用社会支持理论，建议以小组工作重建老年人的支持网络。"
    assert decide(sentence, "小组工作", review=True) == "mentions"
    assert decide("本文建议以小组工作重建支持网络。", "小组工作") == "recommends"


def test_a_subjectless_lack_after_but_shares_the_clause_subject() -> None:
    sentence = "The transition to self-governance is often asserted but rarely traced over time."
    assert decide(sentence, "self-governance", review=True) == "gap"
    assert decide("Residents often join but rarely lead.", "residents", review=True) != "gap"


def test_this_study_is_no_research_subject_of_a_gap() -> None:
    sentence = "This study asks why so few owners join owners' committees."
    assert decide(sentence, "owners' committees") == "uses"


def test_respondents_turns_make_a_text_interview_notes() -> None:
    cues = load_cues()
    text = normalise(
        "Field Notes: Interviews in an estate\n\nSetting: J Garden is an estate.\n"
        "Respondent N1 (male, 36): He rarely attends.\nRespondent N2 (female, 49): She helps."
    ).text
    assert transcript_like(cues, "field notes: interviews in an estate", text, None)
    assert not transcript_like(cues, "field notes", "setting: j garden is an estate.", None)
    # a study built on interviews is no transcript
    assert not transcript_like(cues, "居民议事会的成因:基于两个社区的访谈研究", "本研究…", None)


def test_a_research_subject_runs_on_to_a_subjectless_lack() -> None:
    sentence = "此外，多数研究采用单一案例，缺少跨社区的比较分析。"
    assert decide(sentence, "比较分析", review=True) == "gap"
    reported = "有研究指出，缺乏参与意识是主要原因。"
    assert decide(reported, "参与意识", review=True) != "gap"


def test_raising_a_topic_is_no_reported_speech() -> None:
    sentence = "居民难以提出自己关心的议题，议事会带有明显的动员色彩。"
    assert decide(sentence, "动员") == "uses"
