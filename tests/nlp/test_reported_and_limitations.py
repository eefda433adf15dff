"""Reported speech and limitations carried to the study's own methods."""

from __future__ import annotations

from kgreview.model import Document
from kgreview.nlp.speech import in_speech, quote_closed, relative_clause
from kgreview.pipeline import build_bundle
from kgreview.tagging import load_tagger
from tests.nlp.test_polarity import decide


def polarities(text: str) -> dict[str, set[tuple[str, str]]]:
    bundle = build_bundle(Document(id="doc:l", title="A study", text=text), load_tagger().tag)
    found: dict[str, set[tuple[str, str]]] = {}
    for c in bundle.codings:
        assert text[c.start : c.end] == c.evidence
        found.setdefault(c.code_id, set()).add((c.polarity, c.evidence))
    return found


def test_speech_helpers() -> None:
    speech = "他说“我是老党员，这种事应该带头”。"
    assert in_speech(speech, speech.index("老党员"), speech.index("老党员") + 3)
    term = "大家口中的“能人”很快出现了。"
    assert not in_speech(term, term.index("能人"), term.index("能人") + 2)
    quoted = "居民表示“与我无关”，依赖心理较为普遍"
    assert quote_closed(quoted, quoted.index("表示") + 2, quoted.index("依赖"))
    assert not quote_closed("他认为居民依赖政府", 3, 6)
    english = "an opinion that never receives a reply is tokenism"
    never = english.index("never")
    assert relative_clause(english, never, never + 5, english.index("tokenism"))
    clause = "the problem is not that residents are unwilling"
    n = clause.index("not")
    assert not relative_clause(clause, n, n + 3, clause.index("unwilling"))


def test_reported_words_are_mentions_not_the_studys_use() -> None:
    assert decide("他介绍，筹备组去年通过业主群征集意见。", "业主群") == "mentions"
    assert decide("笔者认为，本研究通过业主群征集意见。", "业主群") != "mentions"
    assert decide("她说“我是老党员，这种事应该带头”。", "老党员") == "mentions"
    assert decide("posting an opinion that never receives a reply is tokenism.", "tokenism") != (
        "negated"
    )
    assert decide(
        "The problem is not that residents are unwilling to participate.", "unwilling"
    ) == ("negated")


def test_limitation_points_back_to_the_methods_the_study_uses() -> None:
    text = (
        "本研究采用深度访谈法，对十八名居民进行了深度访谈。\n\n"
        "本研究的不足在于访谈对象仅有十八人，结论的推广性有限。"
    )
    found = polarities(text)
    # "访谈对象" is the in-depth interviews' data (the generic 访谈 folds into the specific code).
    limited = {e for p, e in found["method.in_depth_interview"] if p == "limitation"}
    assert limited and all(e.startswith("访谈") for e in limited)
    assert ("uses", "深度访谈") in found["method.in_depth_interview"]
    assert "method.interview" not in found
    # The study used no questionnaire, so "the sample" is never coded as one.
    english = "The study used a questionnaire. The sample was limited to 286 residents."
    assert ("limitation", "sample") in polarities(english)["method.questionnaire"]
    assert "method.questionnaire" not in polarities("本研究样本仅限于一个社区，结论需谨慎。")


def test_common_gap_and_limitation_phrasings() -> None:
    assert (
        decide("Participation of migrant tenants has received little attention.", "migrant tenants")
        == "gap"
    )
    assert decide("社区营造的本土研究尚处于起步阶段。", "社区营造") == "gap"
    assert decide("该议题未得到足够的重视，相关的实证研究付之阙如。", "实证研究") == "gap"
    assert decide("本研究采用个案研究，样本代表性不足。", "个案研究") == "limitation"
    assert (
        decide("The findings rest on a small sample of interviews.", "interviews") == "limitation"
    )
    # A lack of residents' awareness is a factor, never a gap in research.
    assert decide("居民缺乏参与意识，参与渠道狭窄。", "参与意识") != "gap"
