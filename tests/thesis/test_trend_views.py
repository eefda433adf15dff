"""The policy timeline (data file + reference lists, one node per policy) and the codes'
timezone view, on both stores."""

from __future__ import annotations

import dataclasses

import pytest

from kgreview.analysis.policies import (
    PolicyFileError,
    load_policies,
    policy_timeline,
    save_policies,
    stored_policies,
)
from kgreview.analysis.timezone import timezone_columns, timezone_view
from kgreview.analysis.trendviews import gather_trends
from kgreview.model import Code, DocumentSummary
from kgreview.nlp.references import parse_reference
from kgreview.nlp.review import to_policy
from tests.builders import CODES, bundle, document, sample_bundles

CITED = "[1] 中共中央,国务院.关于加强和完善城乡社区治理的意见[Z].2017."


def test_the_data_file_holds_the_policies_the_issue_names() -> None:
    by_short = {p.short_name: p for p in load_policies()}
    assert by_short["城乡社区治理意见"].year == 2017
    assert by_short["城乡社区治理意见"].issuer == "中共中央 国务院"
    assert by_short["老旧小区改造意见"].title == "关于全面推进城镇老旧小区改造工作的指导意见"
    assert by_short["老旧小区改造意见"].date == "2020-07-10"
    assert by_short["基层治理意见"].year == 2021
    dates = [p.date for p in load_policies()]
    assert dates == sorted(dates) and len(dates) >= 6


def test_a_bad_date_is_one_clear_error(tmp_path) -> None:
    bad = tmp_path / "p.yaml"
    bad.write_text("policies:\n  - title: 关于某事的意见\n    date: 2017年\n", encoding="utf-8")
    with pytest.raises(PolicyFileError, match="关于某事的意见: date '2017年'"):
        load_policies(bad)


def test_a_cited_policy_and_the_file_entry_are_one_node(store) -> None:
    cited = to_policy(parse_reference(CITED, 1))
    doc = document("本文讨论城乡社区治理。", year=2019)
    store.upsert_bundles([dataclasses.replace(bundle(doc), policies=((1, cited),))])
    policies = load_policies()
    new = save_policies(store, policies)
    assert new == len(policies) - 1  # the cited one was there already
    nodes = {p.id: p for p in stored_policies(store)}
    assert len(nodes) == len(policies)
    assert nodes[cited.id].date == "2017-06-12" and nodes[cited.id].short_name == "城乡社区治理意见"
    timeline = policy_timeline(store)
    row = next(r for r in timeline if r["id"] == cited.id)
    assert row["cited_by"] == 1 and row["issuer"] == "中共中央 国务院"
    assert [r["date"] for r in timeline] == sorted(r["date"] for r in timeline)
    assert save_policies(store, policies) == 0  # loading again adds nothing


def _summaries(years: dict[str, int]) -> list[DocumentSummary]:
    return [DocumentSummary(d, d, "article", "zh", y, "") for d, y in years.items()]


def test_timezone_puts_each_code_at_its_first_year() -> None:
    years = {"a": 2015, "b": 2017, "c": 2017, "d": 2020}
    incidence = [
        ("a", "x", "uses"),
        ("b", "x", "mentions"),
        ("d", "x", "uses"),
        ("c", "y", "uses"),
        ("d", "y", "recommends"),
        ("a", "y", "negated"),
        ("b", "z", "gap"),
    ]
    codes = {"x": Code("x", "theory", "X", "甲"), "y": Code("y", "theory", "Y", "乙")}
    rows = timezone_view(_summaries(years), incidence, codes)
    assert [(r["code"], r["first_year"], r["counts"]) for r in rows] == [
        ("x", 2015, {"2015": 1, "2017": 1, "2020": 1}),
        ("y", 2017, {"2017": 1, "2020": 1}),  # a negation is no first appearance
    ]
    assert list(timezone_columns(rows)) == [2015, 2017]


def test_trends_report_carries_timezone_and_policies(store) -> None:
    store.upsert_codes(CODES)
    store.upsert_bundles(sample_bundles())
    report = gather_trends(store)
    first = {r["code"]: r["first_year"] for r in report["timezone"]}
    assert first["theory.empowerment"] == 2021 and first["theory.strengths"] == 2022
    assert {p["short_name"] for p in report["policies"]} >= {"城乡社区治理意见", "基层治理意见"}
