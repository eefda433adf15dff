"""Polarity causes found in session 11, each on sentences of our own."""

from __future__ import annotations

import pytest

from kgreview.model import Document
from kgreview.pipeline import build_bundle
from kgreview.tagging import load_tagger


def polarities(text: str) -> dict[str, set[str]]:
    bundle = build_bundle(Document(id="doc:p11", title="A study", text=text), load_tagger().tag)
    found: dict[str, set[str]] = {}
    for coding in bundle.codings:
        found.setdefault(coding.code_id, set()).add(coding.polarity)
    return found


@pytest.mark.parametrize(
    "text",
    [
        # 、 joins modifiers of one research phrase: the lack is about all of them
        "但从增能理论出发、以小组工作方法介入照护者支持的实证研究仍较缺乏。",
        "以增能理论为指导、运用小组工作方法的实证研究仍较缺乏。",
        "基于增能理论、采用小组工作方法的干预研究较少。",
    ],
)
def test_coordinated_modifiers_of_a_missing_research_share_its_gap(text: str) -> None:
    found = polarities(text)
    assert found["theory.empowerment"] == {"gap"}
    assert found["method.group_work"] == {"gap"}


def test_coordinated_modifiers_of_the_studys_own_work_stay_uses() -> None:
    found = polarities("本研究以增能理论为指导、运用小组工作方法开展介入。")
    assert found["theory.empowerment"] == {"uses"}
    assert found["method.group_work"] == {"uses"}


@pytest.mark.parametrize(
    "text",
    [
        "社会工作者应扮演资源链接者的角色。",  # a role a text assigns is proposed, not played
        "街道社工站应承担协调者的职责，定期召集各方协商。",
    ],
)
def test_a_role_assigned_with_ying_is_recommended(text: str) -> None:
    found = polarities(text)
    roles = {code: p for code, p in found.items() if code.startswith("role.")}
    assert roles and all(p == {"recommends"} for p in roles.values())


@pytest.mark.parametrize(
    "text", ["社工在项目中扮演了协调者的角色。", "社工相应承担了协调者的角色。"]
)
def test_a_role_played_stays_uses(text: str) -> None:
    assert polarities(text)["role.coordinator"] == {"uses"}


@pytest.mark.parametrize(
    "text",
    [
        "Tenant-run estates have hardly been studied.",  # gap→uses in dev17's first reading
        "Rural communities have scarcely been examined.",
    ],
)
def test_hardly_been_studied_is_a_gap(text: str) -> None:
    found = polarities(text)
    assert found and all(p == {"gap"} for p in found.values())


@pytest.mark.parametrize(
    "text",
    [
        "Most studies concentrate on commercial housing estates.",
        "The literature concentrates on commercial housing estates in eastern cities.",
        "Research on digital platforms has concentrated on commercial housing estates.",
    ],
)
def test_what_other_research_mostly_does_is_mentioned(text: str) -> None:
    assert polarities(text)["context.commercial_housing"] == {"mentions"}


def test_the_studys_own_work_beside_other_studies_stays_uses() -> None:
    assert polarities("This study applies empowerment theory, unlike most studies.")[
        "theory.empowerment"
    ] == {"uses"}
