"""The code co-occurrence network: a networkx graph from incidence rows, its metrics and its
exports (GraphML and GEXF for Gephi, a CSV matrix)."""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from collections.abc import Iterable, Sequence

import networkx as nx
from networkx.algorithms.community import greedy_modularity_communities

from kgreview.analysis.cooccurrence import cooccurrence
from kgreview.model import Code


def code_graph(
    rows: Iterable[tuple[str, str]],
    codes: Sequence[Code],
    categories: Iterable[str] | None = None,
    min_weight: int = 1,
    max_nodes: int | None = None,
) -> nx.Graph:
    """Codes as nodes (``frequency`` = units coding them), co-occurrence as weighted edges.

    ``rows`` are distinct (unit, code) pairs; only codes of ``categories`` (all if None) and
    the ``max_nodes`` most frequent of them are kept; edges below ``min_weight`` are dropped.
    """
    by_id = {c.id: c for c in codes}
    wanted = set(categories) if categories is not None else None
    units: dict[str, set[str]] = defaultdict(set)
    for unit, code in rows:
        if code in by_id and (wanted is None or by_id[code].category in wanted):
            units[code].add(unit)
    ranked = sorted(units, key=lambda c: (-len(units[c]), c))[:max_nodes]
    keep = set(ranked)
    graph = nx.Graph()
    for code_id in ranked:
        code = by_id[code_id]
        graph.add_node(
            code_id,
            label_en=code.label_en,
            label_zh=code.label_zh,
            category=code.category,
            frequency=len(units[code_id]),
        )
    pairs = cooccurrence((u, c) for c in keep for u in units[c])
    for a, b, n in pairs:
        if n >= min_weight:
            graph.add_edge(a, b, weight=n)
    graph.remove_nodes_from([n for n in list(graph) if graph.degree(n) == 0])
    return graph


def metrics(graph: nx.Graph) -> list[dict]:
    """Per node: degree, weighted degree, betweenness (unweighted) and a modularity community."""
    if not graph:
        return []
    betweenness = nx.betweenness_centrality(graph)
    community = {}
    for n, members in enumerate(greedy_modularity_communities(graph, weight="weight"), start=1):
        for node in members:
            community[node] = n
    rows = [
        {
            "code": node,
            "label_en": data["label_en"],
            "label_zh": data["label_zh"],
            "category": data["category"],
            "frequency": data["frequency"],
            "degree": graph.degree(node),
            "weighted_degree": graph.degree(node, weight="weight"),
            "betweenness": round(betweenness[node], 4),
            "community": community.get(node, 0),
        }
        for node, data in graph.nodes(data=True)
    ]
    return sorted(rows, key=lambda r: (-r["weighted_degree"], r["code"]))


def to_graphml(graph: nx.Graph) -> str:
    return "\n".join(nx.generate_graphml(graph))


def to_gexf(graph: nx.Graph) -> str:
    return "\n".join(nx.generate_gexf(graph))


def to_csv_matrix(graph: nx.Graph) -> str:
    """The symmetric code × code co-occurrence matrix, first row and column the code ids."""
    nodes = sorted(graph)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["code", *nodes])
    for a in nodes:
        writer.writerow([a, *(graph[a][b]["weight"] if graph.has_edge(a, b) else 0 for b in nodes)])
    return out.getvalue()
