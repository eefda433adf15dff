"""Polarity from cues in the clause: a gap must never be counted as use."""

from __future__ import annotations

import pytest

from kgreview.model import Polarity
from kgreview.nlp.cues import load_cues
from kgreview.nlp.normalize import normalise
from kgreview.nlp.polarity import SentenceContext, polarity

CUES = load_cues()


def decide(sentence: str, term: str, *, next_sentence: str = "", review: bool = False) -> str:
    view, nxt = normalise(sentence).text, normalise(next_sentence).text
    i = view.index(normalise(term).text)
    return polarity(
        SentenceContext(view, nxt), i, i + len(normalise(term).text), CUES, review
    ).value


@pytest.mark.parametrize(
    ("sentence", "term", "expected"),
    [
        ("本研究在增能理论指导下开展小组工作。", "增能理论", Polarity.USES),
        ("已有研究较少运用社会学习理论分析居民参与。", "社会学习理论", Polarity.GAP),
        ("针对混合型社区的实证研究仍显不足。", "混合型社区", Polarity.GAP),
        ("居民缺乏参与意识，参与渠道狭窄。", "参与意识", Polarity.USES),
        ("本研究建议建立居民反馈机制。", "反馈机制", Polarity.RECOMMENDS),
        ("本文提出完善业主委员会运作的对策。", "业主委员会", Polarity.RECOMMENDS),
        ("王某认为优势视角有助于发掘居民资源。", "优势视角", Polarity.MENTIONS),
        ("受研究时间所限，本研究未能追踪长期成效。", "长期成效", Polarity.LIMITATION),
        ("本研究并非采用个案工作方法。", "个案工作", Polarity.NEGATED),
        (
            "The existing literature rarely analyses it from the perspective of social "
            "learning theory.",
            "social learning theory",
            Polarity.GAP,
        ),
        (
            "Some scholars believe that there is still a lack of normative systems for residents.",
            "normative systems",
            Polarity.MENTIONS,
        ),
        (
            "This study, under the guidance of empowerment theory, designs a service plan.",
            "empowerment theory",
            Polarity.USES,
        ),
        ("Future research should use action research.", "action research", Polarity.RECOMMENDS),
        (
            "The study is limited to its own level and a single case.",
            "single case",
            Polarity.LIMITATION,
        ),
    ],
)
def test_polarity_of_a_clause(sentence: str, term: str, expected: Polarity) -> None:
    assert decide(sentence, term) == expected.value


def test_lack_of_research_stated_then_a_mention_after_a_colon() -> None:
    sentence = (
        "There is a lack of literature on the reasons: many scholars have studied it "
        "from advantage perspective theory, synergy theory and structural functionalism."
    )
    for term in ("advantage perspective", "synergy theory", "structural functionalism"):
        assert decide(sentence, term, review=True) == "mentions"


def test_gap_carried_from_a_sentence_about_research_that_the_next_refers_back_to() -> None:
    first = "Most studies compared empowerment theory and the strengths perspective."
    second = "Whether these studies hold in rural areas has yet to be examined."
    assert decide(first, "strengths perspective", next_sentence=second) == "gap"
    unrelated = "Residents lack trust in the committee."
    assert decide(first, "strengths perspective", next_sentence=unrelated) != "gap"


def test_background_sentence_before_a_referring_gap_stays_background() -> None:
    # gold convention: the gap is coded on the sentence that refers back ("such communities",
    # 此类社区, see anaphora.py); the sentence describing those communities is background.
    first = "There are also urban mixed communities whose residents differ in background."
    second = "Yet there is a lack of corresponding empirical research in the literature."
    assert decide(first, "urban mixed communities", next_sentence=second, review=True) == (
        "mentions"
    )


def test_review_reports_others_actions_as_mentions() -> None:
    sentence = "Social workers use empowerment theory to intervene in three dimensions."
    assert decide(sentence, "empowerment theory", review=True) == "mentions"
    assert decide(sentence, "empowerment theory", review=False) == "uses"
