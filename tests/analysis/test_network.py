"""The co-occurrence network, its metrics and exports; the combination matrix of gaps."""

from __future__ import annotations

import csv
import io

import networkx as nx

from kgreview.analysis import network as net
from kgreview.analysis.gaps import GapInputs, combination_gaps, combination_matrix
from kgreview.model import Code, DocumentSummary

CODES = [
    Code("theory.a", "theory", "theory A", "理论甲"),
    Code("theory.b", "theory", "theory B", "理论乙"),
    Code("context.x", "context", "context X", "社区X"),
    Code("context.y", "context", "context Y", "社区Y"),
]
ROWS = [
    ("d1", "theory.a"), ("d1", "context.x"), ("d2", "theory.a"), ("d2", "context.x"),
    ("d3", "theory.b"), ("d3", "context.y"), ("d4", "theory.b"), ("d4", "context.x"),
]  # fmt: skip


def test_graph_weights_frequencies_and_filters() -> None:
    graph = net.code_graph(ROWS, CODES)
    assert graph["theory.a"]["context.x"]["weight"] == 2
    assert graph.nodes["context.x"]["frequency"] == 3
    assert graph.nodes["theory.a"]["label_zh"] == "理论甲"
    heavy = net.code_graph(ROWS, CODES, min_weight=2)
    assert {frozenset(e) for e in heavy.edges()} == {frozenset({"theory.a", "context.x"})}
    assert set(heavy) == {"theory.a", "context.x"}  # isolated codes dropped
    theories = net.code_graph(ROWS, CODES, categories=["theory"])
    assert theories.number_of_edges() == 0


def test_metrics_and_exports_read_back() -> None:
    graph = net.code_graph(ROWS, CODES)
    rows = {r["code"]: r for r in net.metrics(graph)}
    assert rows["context.x"]["degree"] == 2 and rows["context.x"]["weighted_degree"] == 3
    assert rows["context.x"]["betweenness"] > rows["theory.a"]["betweenness"]
    assert all(r["community"] >= 1 for r in rows.values())
    back = nx.parse_graphml(net.to_graphml(graph))
    assert back["theory.a"]["context.x"]["weight"] == 2
    gexf = nx.read_gexf(io.BytesIO(net.to_gexf(graph).encode("utf-8")))
    assert gexf.number_of_edges() == graph.number_of_edges()
    matrix = list(csv.reader(io.StringIO(net.to_csv_matrix(graph))))
    header = matrix[0]
    row = next(r for r in matrix if r[0] == "theory.a")
    assert row[header.index("context.x")] == "2" and row[header.index("theory.a")] == "0"


def test_combination_matrix_cells_match_the_gaps() -> None:
    docs = [DocumentSummary(d, d, "article", "en", 2020, "") for d in ("d1", "d2", "d3", "d4")]
    inputs = GapInputs(CODES, docs, [(d, c, "uses") for d, c in ROWS], [])
    rows, cols, cells = combination_matrix(inputs, "theory", "context")
    assert rows == ["theory.a", "theory.b"] and cols == ["context.x", "context.y"]
    assert cells[("theory.a", "context.x")] == ["d1", "d2"]
    assert cells[("theory.a", "context.y")] == []
    gaps = combination_gaps(inputs, pairs=[("theory", "context")], min_margin=1, min_expected=0)
    assert all(not cells[tuple(g.codes)] for g in gaps)
