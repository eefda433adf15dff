"""The nine method codes of session 10: each catches sentences of our own and leaves look-alikes."""

from __future__ import annotations

import pytest

from tests.nlp.test_tagger import codes

CASES = [
    ("method.ethnography",
     ["笔者在X村开展了为期一年的社区民族志研究。",
      "This ethnographic study followed tenants of two estates for eighteen months."],
     ["笔者在W社区开展了三个月的实地研究，并进行参与式观察。"]),
    ("method.oral_history",
     ["研究者对十二位退休职工进行口述史访谈，重构单位大院的变迁。",
      "Life-history interviews with nine former miners traced how the settlement changed."],
     ["Oral-history workshops let older residents record stories of the lanes."]),
    ("method.narrative",
     ["本文运用叙事研究方法，呈现三位女性骨干的参与经历。",
      "We used narrative inquiry to follow how four volunteers told their stories."],
     ["社工运用叙事疗法帮助服务对象重构生命故事。",
      "The policy narrative analysis shows how officials framed the renewal."]),
    ("method.qca",
     ["本文采用模糊集定性比较分析识别居民参与的多重组合路径。",
      "Using fsQCA on 30 villages, we identify two configurations leading to high turnout."],
     ["本文比较分析了两个社区的参与差异。"]),
    ("method.sem",
     ["本文运用结构方程模型检验社区信任对参与意愿的影响。",
      "A structural equation model showed that trust mediated the effect of tenure."],
     ["本文从居民参与的提升路径分析入手，提出对策建议。",
      "The interviews were semi-structured and lasted an hour."]),
    ("method.discourse_analysis",
     ["研究运用批判话语分析解读社区宣传栏中的“好居民”形象。",
      "Critical discourse analysis of council newsletters showed how tenants were framed."],
     ["居民在议事会上缺乏话语权。"]),
    ("method.policy_text_analysis",
     ["本文采用政策文本分析法，对42份社区治理政策进行编码。",
      "We conducted a policy document analysis of 35 municipal regulations."],
     ["根据相关政策文本，社区应当设立居民议事会。"]),
    ("method.thematic_analysis",
     ["访谈资料采用主题分析法进行编码。",
      "Transcripts were analysed using reflexive thematic analysis."],
     ["社区开展了“邻里一家亲”主题活动。", "街道组织党员开展主题教育。"]),
    ("method.rct",
     ["本研究采用随机对照试验，将120名老人随机分配到干预组和对照组。",
      "A randomised controlled trial assigned 40 households to the visiting programme."],
     ["本研究采用准实验设计，设置实验组和对照组。",
      "The respondents were selected by random sampling."]),
]  # fmt: skip


@pytest.mark.parametrize(("code", "catch", "leave"), CASES)
def test_a_session10_code_catches_and_leaves(code: str, catch: list, leave: list) -> None:
    """Each new method code finds its concept in fresh sentences and stays off look-alikes."""
    for sentence in catch:
        assert code in codes(sentence), sentence
    for sentence in leave:
        assert code not in codes(sentence), sentence


def test_field_research_stays_field_research() -> None:
    """Plain fieldwork and participant observation keep their codes; ethnography is named."""
    found = codes("笔者在W社区开展了三个月的实地研究，并进行参与式观察。")
    assert "method.field_research" in found
    assert "method.participant_observation" in found


def test_oral_history_workshops_are_cultural_activities() -> None:
    """Residents' oral-history workshops are an activity, not the study's research method."""
    found = codes("社区为老人举办口述史工作坊，记录街巷故事。")
    assert "countermeasure.cultural_activities" in found
    assert "method.oral_history" not in found


def test_structural_equation_models_left_statistics() -> None:
    """结构方程模型 codes the new SEM code, no longer generic statistics."""
    found = codes("本文运用结构方程模型检验了研究假设。")
    assert "method.sem" in found
    assert "method.statistics" not in found


def test_quasi_experiment_keeps_designs_without_randomisation() -> None:
    """A quasi-experiment with a comparison group is no randomised trial."""
    found = codes("A quasi-experimental design compared two estates before and after the project.")
    assert "method.quasi_experiment" in found
    assert "method.rct" not in found


def test_abbreviations_need_whole_words() -> None:
    """SEM and QCA match as words (or before 方法/模型 in Chinese), never inside other words."""
    assert "method.sem" in codes("采用SEM方法检验了假设。")
    assert "method.qca" in codes("A QCA of 24 villages found no single sufficient condition.")
    assert "method.sem" not in codes("Seminars for building leaders were held monthly.")


def test_policy_texts_are_their_own_method() -> None:
    """Boundary: 文本分析 of other texts stays content analysis; of policy texts, the new code."""
    assert "method.content_analysis" in codes("本文对居民留言进行文本分析。")
    policy = codes("本文对2010—2023年国家层面的社区治理政策文本进行分析。")
    assert "method.policy_text_analysis" in policy
    assert "method.content_analysis" not in policy
