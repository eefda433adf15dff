"""Polarity on a new writer's phrasing: a review recognised by its citations, a gap never
counted as use, numbered proposals after a heading, a proposal list opened with a colon,
cited scholars as subjects and elliptic negation."""

from __future__ import annotations

import pytest

from kgreview.nlp.cues import load_cues
from kgreview.nlp.normalize import normalise
from kgreview.nlp.voice import review_like
from tests.nlp.test_polarity import decide
from tests.nlp.test_sections import polarity_of

CUES = load_cues()


def _review(title: str, text: str) -> bool:
    view = normalise(text).text
    return review_like(CUES, normalise(title).text, CUES.scanner.scan(view), None)


def test_a_text_citing_works_without_its_own_voice_is_a_review() -> None:
    cited = "Sun (2015) placed residents low. Yang and Zhou (2019) agreed. Chen (2020) did not."
    assert _review("2.2 Levels of participation", cited)
    # the study's own voice makes it a study that cites others, not a review
    assert not _review("Title", "This study builds on Sun (2015), Yang (2019) and Chen (2020).")
    assert not _review("Title", "Sun (2015) placed residents low.")  # one citation is not enough
    assert _review("1.3 国内外研究现状", "新建小区的居民大多是近几年才搬入。")


def test_a_gap_about_research_never_yields_uses() -> None:
    text = (
        "2.2 Levels\nSun (2015) placed residents low. Yang (2019) agreed. Chen (2020) did not.\n"
        "Second, the voices of tenants are largely missing from existing samples. Third, "
        "although social workers are often described as facilitators, hardly any research "
        "has evaluated their facilitation."
    )
    assert polarity_of(text, "tenants", title="2.2 Levels") == {"gap"}
    assert polarity_of(text, "facilitators", title="2.2 Levels") == {"gap"}
    # in a study's own text too: a gap sentence without the study's voice is no use
    assert decide("Few studies have examined tenants and their votes.", "tenants") == "gap"


def test_numbered_proposals_after_a_heading_are_recommendations() -> None:
    text = (
        "Policy Brief\nThis brief draws on our survey.\nRecommendations\n"
        "1. Cut the reporting load on grid workers.\n"
        "2. Keep offline channels for participation open, and offer smartphone training.\n"
        "Note on the evidence: the communities were chosen with the district office."
    )
    assert polarity_of(text, "channels for participation", title="Policy Brief") == {"recommends"}
    assert polarity_of(text, "smartphone training", title="Policy Brief") == {"recommends"}
    zh = (
        "标题\n本研究以J街道为对象。\n二、对策建议\n基于以上结论，提出以下建议：\n"
        "（一）分类培育社区社会组织。\n（二）探索设立社区基金，用于支持居民自主发起的微项目。\n"
        "三、研究不足\n本研究只涉及一个街道。"
    )
    assert polarity_of(zh, "社区基金") == {"recommends"}


def test_a_proposal_opened_with_a_colon_reaches_over_its_semicolons() -> None:
    sentence = "据此，本文提出：应推动公共收益定期公示；由街道牵头对业委会成员开展履职培训。"
    assert decide(sentence, "履职培训") == "recommends"
    assert decide("It is suggested that public venture capital be used.", "venture capital") == (
        "recommends"
    )


def test_a_cited_scholar_as_subject_is_a_mention() -> None:
    assert (
        decide("林晓和黄振宇（2020）通过比较研究发现，区域化党建平台有效。", "比较研究")
        == "mentions"
    )
    assert (
        decide("X区民政局以政府购买服务方式委托某社会工作服务中心实施项目。", "政府购买服务")
        == "uses"
    )


def test_an_ellipsis_negates_and_a_discourse_need_is_no_proposal() -> None:
    sentence = "The survey found that belonging mattered, whereas income was not."
    assert decide(sentence, "income") == "negated"
    limited = "需要指出的是，由于未能访谈到持反对意见的业主，本文的分析可能偏向参与较为积极的一方。"
    assert decide(limited, "访谈") == "limitation"


def test_a_clause_fronting_the_lacks_object_shares_the_gap() -> None:
    sentence = "首先，多数研究关注老旧小区，对新建社区，特别是入住不足五年的商品房小区关注较少。"
    assert decide(sentence, "新建社区", review=True) == "gap"
    assert decide("其三，运用定量方法检验其影响的研究仍然不多。", "定量方法", review=True) == "gap"


@pytest.mark.parametrize(
    ("sentence", "term"),
    [
        ("Empirical work on tenants remains thin.", "tenants"),
        ("There is a dearth of research on mixed communities.", "mixed communities"),
        (
            "No study has yet used social learning theory to explain participation.",
            "social learning theory",
        ),
        (
            "Mixed communities are common, but we know little about how residents act.",
            "mixed communities",
        ),
        ("学界对租户参与的讨论寥寥无几。", "租户"),
        ("国内以社会学习理论解释居民参与的文献极为有限。", "社会学习理论"),
        ("至今没有研究系统评估过社会工作者的协调作用。", "社会工作者"),
        ("混合型社区日益普遍，但相关研究尚不充分。", "混合型社区"),
    ],
)
def test_new_ways_of_saying_research_is_lacking_never_yield_uses(sentence: str, term: str) -> None:
    assert decide(sentence, term) in ("gap", "mentions")
    assert decide("居民的参与渠道有限。", "参与渠道") == "uses"  # a lack without research: no gap


@pytest.mark.parametrize(
    ("sentence", "term"),
    [
        ("一是加强社区社会组织培育，二是完善居民议事会制度。", "居民议事会"),
        ("社区基金应成为常态化的资金来源。", "社区基金"),
        ("亟须完善志愿服务激励机制。", "激励机制"),
        ("社区可以考虑引入罗伯特议事规则。", "罗伯特议事规则"),
        ("It is important to train owners' committee members.", "owners' committee"),
        (
            "The owners' committee could use these networks to reach more owners.",
            "owners' committee",
        ),
    ],
)
def test_proposals_without_the_usual_cues(sentence: str, term: str) -> None:
    assert decide(sentence, term) == "recommends"


@pytest.mark.parametrize(
    ("sentence", "term"),
    [
        ("Neither age nor income predicted attendance.", "income"),
        ("收入并未影响居民的参与。", "收入"),
        ("与预期不同，受教育程度与参与无关。", "受教育程度"),
    ],
)
def test_negations_a_new_writer_uses(sentence: str, term: str) -> None:
    assert decide(sentence, term) == "negated"
    assert decide("租户普遍认为社区事务“与己无关”。", "租户") != "negated"  # a quoted phrase
