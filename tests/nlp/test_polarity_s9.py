"""Polarity causes found on dev15 (session 9), each on sentences of our own."""

from __future__ import annotations

from kgreview.model import Document
from kgreview.pipeline import build_bundle
from kgreview.tagging import load_tagger


def polarity_of(text: str, code: str, title: str = "A study") -> set[str]:
    bundle = build_bundle(Document(id="doc:p9", title=title, text=text), load_tagger().tag)
    return {c.polarity for c in bundle.codings if c.code_id == code}


def test_a_lack_of_testing_based_on_data_is_a_research_gap() -> None:
    text = "社区议事究竟带来实质参与还是形式参与，也缺乏基于过程资料的检验。"
    assert polarity_of(text, "participation_type.genuine") == {"gap"}


def test_a_residents_lack_stays_a_factor_not_a_gap() -> None:
    text = "调查发现，不少居民缺乏对议事规则的了解，参与意识不强。"
    assert "gap" not in polarity_of(text, "factor.awareness")
