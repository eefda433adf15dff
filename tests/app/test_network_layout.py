"""The network page's own layout: components apart, each readable, the same on every rerun."""

from __future__ import annotations

import itertools
import math

import networkx as nx

from kgreview.app.network import layout


def graph_with_islands() -> nx.Graph:
    graph = nx.Graph()
    hub_edges = [("hub", f"leaf{i}") for i in range(12)] + [("leaf0", "leaf1"), ("leaf2", "leaf3")]
    graph.add_edges_from(hub_edges, weight=3)
    graph.add_edge("pair_a", "pair_b", weight=1)
    graph.add_edges_from([("tri_a", "tri_b"), ("tri_b", "tri_c"), ("tri_c", "tri_a")], weight=2)
    graph.add_node("alone")
    return graph


def box(spots: dict, nodes) -> tuple[float, float, float, float]:
    xs, ys = [spots[n][0] for n in nodes], [spots[n][1] for n in nodes]
    return min(xs), min(ys), max(xs), max(ys)


def test_components_do_not_overlap_and_the_largest_gets_the_most_room() -> None:
    graph = graph_with_islands()
    spots = layout(graph)
    assert set(spots) == set(graph)
    parts = sorted(nx.connected_components(graph), key=len, reverse=True)
    boxes = [box(spots, part) for part in parts]
    for (ax0, ay0, ax1, ay1), (bx0, by0, bx1, by1) in itertools.combinations(boxes, 2):
        assert ax1 < bx0 or bx1 < ax0 or ay1 < by0 or by1 < ay0  # disjoint
    widest = [max(b[2] - b[0], b[3] - b[1]) for b in boxes]
    assert widest[0] == max(widest)
    # The main cluster fills much of the drawing and its nodes stand apart (one spring layout
    # of the whole graph gave it 12-24 % of the drawing and 2 % between its closest nodes).
    whole = box(spots, graph)
    extent = max(whole[2] - whole[0], whole[3] - whole[1])
    assert widest[0] >= 0.5 * extent
    main = [spots[n] for n in parts[0]]
    closest = min(math.dist(p, q) for p, q in itertools.combinations(main, 2))
    assert closest >= 0.05 * extent


def test_the_layout_is_the_same_on_every_rerun() -> None:
    assert layout(graph_with_islands()) == layout(graph_with_islands())
    assert layout(nx.Graph()) == {}
