"""Gap analysis on hand-made inputs: stated, combination (expected counts, closest documents),
untested factors and trends."""

from __future__ import annotations

from kgreview.analysis.gaps import (
    GapInputs,
    combination_gaps,
    stated_gaps,
    trends,
    untested_factors,
)
from kgreview.model import Code, DocumentSummary, GapStatement

CODES = [
    Code("theory.empowerment", "theory", "empowerment theory", "增能理论"),
    Code("theory.strengths", "theory", "strengths perspective", "优势视角"),
    Code("context.old", "context", "old community", "老旧小区", parent="context.urban"),
    Code("context.mixed", "context", "mixed community", "混合型社区", parent="context.urban"),
    Code("context.rural", "context", "rural community", "农村社区"),
    Code("factor.trust", "factor", "trust", "信任"),
]


def doc(n: int, year: int, doc_type: str = "thesis") -> DocumentSummary:
    return DocumentSummary(f"d{n}", f"title {n}", doc_type, "zh", year, f"file{n}")


def inputs(incidence, statements=(), documents=None) -> GapInputs:
    docs = documents or [doc(n, 2015 + n % 6) for n in range(12)]
    return GapInputs(CODES, docs, incidence, list(statements))


def test_stated_gap_counts_statements_and_users() -> None:
    sentence = "较少有研究从增能理论出发。"
    statement = GapStatement("g1", "d0", "review", "review", 2020, "perspective",
                             sentence, 0, 13, ("theory.empowerment",))  # fmt: skip
    rows = [("d0", "theory.empowerment", "gap")] + [
        (f"d{n}", "theory.empowerment", "uses") for n in (1, 2, 3)
    ]
    (gap,) = stated_gaps(inputs(rows, [statement]))
    j = gap.as_json()
    assert (j["kind"], j["codes"], j["stated_by"], j["used_by"]) == (
        "stated", ["theory.empowerment"], 1, 3)  # fmt: skip
    assert j["evidence"][0]["sentence"] == "较少有研究从增能理论出发。"


def test_empty_cell_ranked_by_expected_count_with_closest_documents() -> None:
    rows = []
    for n in range(6):  # empowerment in old communities, 6 documents
        rows += [(f"d{n}", "theory.empowerment", "uses"), (f"d{n}", "context.old", "uses")]
    for n in range(6, 10):  # strengths in mixed communities, 4 documents
        rows += [(f"d{n}", "theory.strengths", "uses"), (f"d{n}", "context.mixed", "uses")]
    rows.append(("d10", "context.mixed", "gap"))  # a gap never fills a cell
    gaps = combination_gaps(inputs(rows), pairs=[("theory", "context")], min_expected=0.5)
    cells = [tuple(g.codes) for g in gaps]
    # N = 10 documents that fill anything: 6×4/10 = 2.4 for both empty cells.
    assert cells == [("theory.empowerment", "context.mixed"), ("theory.strengths", "context.old")]
    assert gaps[0].detail["expected"] == 2.4
    # Closest: documents with empowerment and a sibling of mixed (old community) come first.
    assert gaps[0].documents[:2] == ["d0", "d1"]
    assert "relative" in gaps[0].evidence[0]["why"]
    assert gaps[0].detail["corpus"]["documents"] == 12
    # A higher minimum is a parameter, not a constant: nothing is reported above 2.4.
    assert combination_gaps(inputs(rows), pairs=[("theory", "context")], min_expected=3) == []


def test_untested_factor_and_review_only_use() -> None:
    documents = [doc(0, 2020, "review"), doc(1, 2021)]
    rows = [("d0", "factor.trust", "uses"), ("d1", "factor.trust", "mentions")]
    (gap,) = untested_factors(inputs(rows, documents=documents))
    assert gap.codes == ["factor.trust"] and gap.documents == ["d0", "d1"]
    rows.append(("d1", "factor.trust", "uses"))  # an empirical study reports it: tested
    assert untested_factors(inputs(rows, documents=documents)) == []


def test_trend_direction() -> None:
    documents = [doc(n, 2015 + n // 2) for n in range(12)]  # two documents a year
    rows = [(f"d{n}", "context.rural", "uses") for n in (8, 9, 10, 11)]  # only recent years
    rows += [(f"d{n}", "theory.strengths", "uses") for n in (0, 1, 2, 3)]  # only early years
    found = {g.codes[0]: g for g in trends(inputs(rows, documents=documents))}
    assert found["context.rural"].detail["direction"] == "rising"
    assert found["theory.strengths"].detail["direction"] == "fading"
