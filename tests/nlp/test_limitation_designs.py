"""A design the study says it did not carry out is coded as its limitation (the gold's
convention), whether or not the study uses it elsewhere; outside a limitation it is not."""

from __future__ import annotations

import pytest

from kgreview.model import Document
from kgreview.pipeline import build_bundle
from kgreview.tagging import load_tagger


def polarities(text: str) -> dict[str, set[str]]:
    bundle = build_bundle(Document(id="doc:lim", title="A study", text=text), load_tagger().tag)
    found: dict[str, set[str]] = {}
    for c in bundle.codings:
        assert text[c.start : c.end] == c.evidence
        found.setdefault(c.code_id, set()).add(c.polarity)
    return found


NAMED = [
    (
        "本研究采用问卷调查收集资料。本研究未能跟踪居民参与在项目结束后的变化。",
        "method.longitudinal",
    ),
    (
        "本研究采用问卷调查收集资料。受时间所限，也没有采用追踪设计，结论只能作为初步判断。",
        "method.longitudinal",
    ),
    (
        "We interviewed residents. The study did not follow the groups after the grant ended.",
        "method.longitudinal",
    ),
    (
        "本研究以深度访谈收集资料。本研究没有对新旧两类小区的参与状况进行系统比较。",
        "method.comparative",
    ),
    (
        "We interviewed residents. The thesis does not compare the estate with other estates.",
        "method.comparative",
    ),
    (
        "本研究采用参与式观察。本研究未开展成效评估，服务的长期影响尚不清楚。",
        "method.outcome_evaluation",
    ),
]


@pytest.mark.parametrize(("text", "code"), NAMED)
def test_a_design_not_carried_out_is_the_studys_limitation(text: str, code: str) -> None:
    assert polarities(text).get(code) == {"limitation"}


LEFT = [
    # no limitation: the study's plan, a finding, another scholar's design
    ("本研究采用问卷调查。社工每月跟踪回访困难家庭的需求变化。", "method.longitudinal"),
    (
        "We interviewed twelve residents. Volunteers did not follow the rules of the council.",
        "method.longitudinal",
    ),
    ("本研究采用问卷调查。居民常常把新旧小区进行比较。", "method.comparative"),
    # a limitation of one case followed, not of a longitudinal design
    (
        "本研究采用问卷调查。不足之处在于，本研究只追踪了一个院落议事会的运作。",
        "method.longitudinal",
    ),
]


@pytest.mark.parametrize(("text", "code"), LEFT)
def test_design_words_outside_a_design_limitation_stay_uncoded(text: str, code: str) -> None:
    assert code not in polarities(text)
