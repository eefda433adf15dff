"""The network layout's discs: no two overlap (at the page's largest size too), they stay in
the plot area, small graphs keep labels off other discs' middles, connected codes stay near
each other, and the same graph gets the same picture."""

from __future__ import annotations

import itertools
import math
import random

import networkx as nx
import numpy as np
import pytest

from kgreview.analysis import network_layout as nl


def dense(nodes: int, edges: int, seed: int = 3) -> nx.Graph:
    """A connected random graph with skewed frequencies (a few big discs, many small)."""
    rng = random.Random(seed)
    graph = nx.Graph()
    for k in range(nodes):
        graph.add_node(
            f"c{k:03d}",
            frequency=max(1, int(200 / (k + 1))),
            label_en=f"code number {k} of the test",
            label_zh=f"编码{k}",
            category="theory",
        )
    for k in range(1, nodes):  # a spanning tree first: one component
        graph.add_edge(f"c{k:03d}", f"c{rng.randrange(k):03d}", weight=rng.randint(1, 9))
    while graph.number_of_edges() < edges:
        a, b = rng.randrange(min(nodes, 40)), rng.randrange(nodes)  # hubs: a tight knot
        if a != b:
            graph.add_edge(f"c{a:03d}", f"c{b:03d}", weight=rng.randint(1, 30))
    return graph


def arrays(discs: dict[str, nl.Disc]) -> tuple[np.ndarray, np.ndarray]:
    return np.array([(d.x, d.y) for d in discs.values()]), np.array(
        [d.size for d in discs.values()]
    )


@pytest.mark.parametrize(("nodes", "edges"), [(80, 600), (100, 1000), (300, 2000)])
def test_no_two_discs_overlap_in_a_dense_network(nodes: int, edges: int) -> None:
    graph = dense(nodes, edges)
    # The spring layout alone as the page drew it before (x·400, y·300 fitted to 500 px high,
    # diameters 8-42 px at any node count) did overlap: the test can fail.
    spots = nl.spring_positions(graph)
    spring = np.array([spots[n] for n in graph]) * (400, 300)
    old = spring * 500 / np.ptp(spring[:, 1])
    frequency = np.array([graph.nodes[n]["frequency"] for n in graph])
    assert nl.overlaps(old, 8 + 34 * np.sqrt(frequency / frequency.max())) > 0
    discs = nl.layout(graph)
    assert set(discs) == set(graph)
    for (a, p), (b, q) in itertools.combinations(discs.items(), 2):
        apart = math.dist((p.x, p.y), (q.x, q.y))
        assert apart >= (p.size + q.size) / 2 + nl.GAP - 1e-6, (a, b, apart)
    for d in discs.values():  # inside the plot area, so ECharts draws it at scale >= 1
        assert d.size / 2 - 1e-6 <= d.x <= nl.WIDTH - d.size / 2 + 1e-6
        assert d.size / 2 - 1e-6 <= d.y <= nl.HEIGHT - d.size / 2 + 1e-6
        assert d.size >= 4  # still a disc one can click


def test_small_networks_keep_labels_off_other_discs_middles() -> None:
    graph = dense(40, 500)
    discs = nl.layout(graph)
    xy, sizes = arrays(discs)
    labels = np.array(
        [nl.label_width(graph.nodes[n]["label_en"], graph.nodes[n]["label_zh"]) for n in discs]
    )
    assert nl.covered_centres(xy, sizes, labels) == 0


def test_the_most_frequent_code_has_the_largest_disc() -> None:
    discs = nl.layout(dense(100, 1000))
    assert max(discs, key=lambda n: discs[n].size) == "c000"
    assert discs["c000"].size > 2 * discs["c099"].size


def test_connected_codes_stay_nearer_than_unconnected_ones() -> None:
    graph = dense(100, 1000)
    discs = nl.layout(graph)

    def gap(a: str, b: str) -> float:
        return math.dist(discs[a][:2], discs[b][:2])

    linked = np.mean([gap(a, b) for a, b in graph.edges()])
    unlinked = np.mean(
        [gap(a, b) for a, b in itertools.combinations(graph, 2) if not graph.has_edge(a, b)]
    )
    assert linked < 0.8 * unlinked


def test_the_same_graph_gets_the_same_picture() -> None:
    assert nl.layout(dense(300, 2000)) == nl.layout(dense(300, 2000))
    assert nl.layout(nx.Graph()) == {}
