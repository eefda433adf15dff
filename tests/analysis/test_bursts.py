"""Kleinberg bursts find a planted burst and nothing in flat noise; Price's law."""

from __future__ import annotations

from collections import Counter

import numpy as np

from kgreview.analysis.bursts import kleinberg_bursts, price_core_authors


def test_planted_burst_is_found() -> None:
    rng = np.random.default_rng(3)
    totals = [200] * 20
    hits = list(rng.binomial(200, 0.05, size=20))
    for t in (11, 12, 13):  # planted: the rate quadruples for three periods
        hits[t] = int(rng.binomial(200, 0.2))
    bursts = kleinberg_bursts(hits, totals)
    assert [(b.start, b.end) for b in bursts] == [(11, 13)]
    assert bursts[0].weight > 0


def test_flat_series_has_no_burst() -> None:
    assert kleinberg_bursts([10] * 20, [200] * 20) == []
    assert kleinberg_bursts([10, 11, 9, 10, 12, 10, 9, 11], [200] * 8) == []
    assert kleinberg_bursts([0, 0, 0], [10, 10, 10]) == []


def test_price_core_authors() -> None:
    threshold, core = price_core_authors(Counter({"王思斌": 9, "陈涛": 3, "李某": 1}))
    assert round(threshold, 3) == round(0.749 * 3, 3) and core == ["王思斌", "陈涛"]


def test_trend_report_finds_a_planted_code_burst() -> None:
    from kgreview.analysis.trendreport import trend_report
    from kgreview.model import Code, DocumentSummary

    documents = [DocumentSummary(f"d{n}", "t", "article", "zh", 2010 + n // 10, "")
                 for n in range(100)]  # ten documents a year, 2010–2019  # fmt: skip
    # 增能理论 in one document a year, except 2016–2017 when every document uses it.
    rows = [(d.id, "theory.empowerment", "uses") for d in documents
            if int(d.id[1:]) % 10 == 0 or d.year in (2016, 2017)]  # fmt: skip
    codes = {"theory.empowerment": Code("theory.empowerment", "theory", "empowerment theory",
                                        "增能理论")}  # fmt: skip
    report = trend_report(documents, rows, codes, {}, Counter({"王思斌": 4, "李某": 1}))
    assert report["years"]["2015"] == 10
    (burst,) = report["bursts"]
    assert (burst["item"], burst["start"], burst["end"]) == ("theory.empowerment", 2016, 2017)
    assert report["core_authors"]["authors"] == [{"name": "王思斌", "papers": 4}]


def test_an_item_in_every_document_has_no_burst() -> None:
    # p0 = 1 once made the log-likelihood undefined (math domain error in `kgreview trends`).
    assert kleinberg_bursts([2, 3, 1], [2, 3, 1]) == []
