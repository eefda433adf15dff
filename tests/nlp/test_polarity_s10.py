"""Polarity causes found in session 10, each on sentences of our own."""

from __future__ import annotations

import pytest

from kgreview.model import Document
from kgreview.pipeline import build_bundle
from kgreview.tagging import load_tagger


def polarity_of(text: str, code: str) -> set[str]:
    bundle = build_bundle(Document(id="doc:p10", title="A study", text=text), load_tagger().tag)
    return {c.polarity for c in bundle.codings if c.code_id == code}


@pytest.mark.parametrize(
    "text",
    [
        "本研究在台北市某社区开展小组工作。",  # 市某 is a place kept anonymous, not a scholar 赵某
        "笔者于2023年在某镇某村开展小组工作。",
        "课题组在杭州市某街道开展小组工作。",
    ],
)
def test_an_anonymised_place_is_not_a_scholar(text: str) -> None:
    assert polarity_of(text, "method.group_work") == {"uses"}


@pytest.mark.parametrize(
    "text",
    ["赵某（2019）在一个老旧小区开展小组工作。", "刘某指出，社区开展小组工作效果较好。"],
)
def test_an_anonymised_scholar_still_reports_others_work(text: str) -> None:
    assert polarity_of(text, "method.group_work") == {"mentions"}
