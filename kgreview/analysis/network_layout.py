"""Where the network page draws each code and how big: a seeded spring layout per connected
component (connected codes near each other), fitted into the chart's plot area in pixels,
disc sizes chosen from the frequencies and the node count, then overlapping discs pushed
apart until every pair is at least the sum of their radii plus a gap apart."""

from __future__ import annotations

import math
from typing import NamedTuple

import networkx as nx
import numpy as np
from scipy.spatial import cKDTree

# The chart's plot area in px: 560 px high minus the legend (top 40) and bottom (20). ECharts
# fits the node centres' bounding box to this height keeping the aspect (series top/bottom set,
# left/right not), so a layout whose centres span at most 500 px is drawn at scale >= 1:
# distances grow or stay, the discs (px) do not, and discs kept apart here stay apart there.
WIDTH, HEIGHT = 800.0, 500.0
GAP = 4.0  # px between two discs' edges
FILL = 0.35  # the discs' squares (diameter + gap)² cover at most this share of the plot area
SMALLEST, LARGEST = 8.0, 42.0  # disc diameters in px, the rarest and the most frequent code
ROUNDS = 400  # push-apart rounds before the discs shrink and the push starts over
SHRINKS = 30  # 0.85 ** 30: discs at 1 % of their size
LABELLED = 120  # up to this many nodes, labels are kept off other discs' middles too
LABEL_ROUNDS = 200
LABEL_DISTANCE = 5.0  # px from a disc's edge to its label (ECharts' default)


class Disc(NamedTuple):
    """A node's centre (px in the plot area, y down) and diameter (px, ECharts symbolSize)."""

    x: float
    y: float
    size: float


def spring_positions(graph: nx.Graph) -> dict[str, tuple[float, float]]:
    """Node → (x, y) in abstract units: each connected component in its own square (side ∝
    √size), shelved in rows, largest first; a seeded spring layout inside each."""
    # One layout of the whole graph flung isolated pairs to the edges and squeezed the main
    # cluster into a corner, its labels on top of each other.
    parts = sorted(nx.connected_components(graph), key=lambda part: (-len(part), min(part)))
    sides = [math.sqrt(len(part)) for part in parts]
    width = max([*sides, 1.3 * math.sqrt(sum(side * side for side in sides))])
    spots: dict[str, tuple[float, float]] = {}
    x = y = shelf = 0.0
    for part, side in zip(parts, sides, strict=True):
        if x > 0 and x + side > width:
            x, y, shelf = 0.0, y + shelf, 0.0
        sub = graph.subgraph(part)
        spread = 3 / math.sqrt(len(sub))  # 3x networkx's default: hubs knot their neighbours
        inner = nx.spring_layout(sub, k=spread, seed=7, weight="weight") if len(sub) > 1 else {}
        for node in part:
            px, py = inner.get(node, (0.0, 0.0))
            spots[node] = (x + side * (0.5 + 0.45 * float(px)), y + side * (0.5 + 0.45 * float(py)))
        x, shelf = x + side, max(shelf, side)
    return spots


def disc_sizes(frequencies: np.ndarray) -> np.ndarray:
    """Diameters in px: area grows with frequency; all shrunk alike when the node count would
    otherwise crowd the plot area (more than FILL of it covered)."""
    top = max(float(frequencies.max(initial=1)), 1.0)
    sizes = SMALLEST + (LARGEST - SMALLEST) * np.sqrt(frequencies / top)
    # Solve Σ(c·d + GAP)² = FILL·W·H for the shrink factor c (a quadratic in c).
    a, b = float((sizes**2).sum()), float(2 * GAP * sizes.sum())
    c0 = len(sizes) * GAP * GAP - FILL * WIDTH * HEIGHT
    shrink = (-b + math.sqrt(b * b - 4 * a * c0)) / (2 * a) if a and c0 < 0 else 0.25
    return sizes * min(1.0, shrink)


def overlaps(xy: np.ndarray, sizes: np.ndarray, gap: float = 0.0) -> int:
    """Pairs of discs closer than the sum of their radii plus ``gap``."""
    return len(_crowded(xy, sizes, gap)[0])


def label_width(*texts: str) -> float:
    """Rough px width of the widest label at ECharts' 11 px (CJK characters are square)."""
    return max(sum(11.0 if ord(ch) >= 0x2E80 else 6.2 for ch in text or "") for text in texts)


def covered_centres(xy: np.ndarray, sizes: np.ndarray, labels: np.ndarray) -> int:
    """Nodes whose disc's middle (half the radius) lies under another node's label: a click
    there may open the other node."""
    return int(np.count_nonzero(_label_overlap(xy, sizes / 4, sizes, labels)[0].any(0)))


def _crowded(xy: np.ndarray, sizes: np.ndarray, gap: float) -> tuple[np.ndarray, np.ndarray]:
    """(pairs (i, j) of discs closer than radii + gap, how much closer); a k-d tree finds the
    candidates, so a round at 300 nodes costs what the few near pairs cost."""
    pairs = cKDTree(xy).query_pairs(float(sizes.max()) + gap, output_type="ndarray")
    if not len(pairs):
        return pairs.reshape(0, 2), np.zeros(0)
    i, j = pairs[:, 0], pairs[:, 1]
    short = (sizes[i] + sizes[j]) / 2 + gap - np.hypot(*(xy[i] - xy[j]).T)
    keep = short > 1e-9
    return pairs[keep], short[keep]


def _label_overlap(
    xy: np.ndarray, core: np.ndarray, sizes: np.ndarray, labels: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """(conflict[i, j]: node j's core box (half side ``core``) under node i's label, the
    vertical overlap) for labels drawn right of their disc, 14 px high."""
    x0 = xy[:, 0] + sizes / 2 + LABEL_DISTANCE
    ox = np.minimum((x0 + labels)[:, None], xy[None, :, 0] + core) - np.maximum(
        x0[:, None], xy[None, :, 0] - core
    )
    oy = np.minimum((xy[:, 1] + 7)[:, None], xy[None, :, 1] + core) - np.maximum(
        (xy[:, 1] - 7)[:, None], xy[None, :, 1] - core
    )
    conflict = (ox > 0) & (oy > 0)
    np.fill_diagonal(conflict, False)
    return conflict, oy


def _bounds(sizes: np.ndarray, labels: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Lowest and highest centre per node: disc and label inside the plot area."""
    radius = sizes / 2
    low = np.stack([radius, radius], axis=1)
    high = np.stack([WIDTH - radius - LABEL_DISTANCE - labels, HEIGHT - radius], axis=1)
    return low, np.maximum(high, low)


def spread_labels(xy: np.ndarray, sizes: np.ndarray, labels: np.ndarray) -> np.ndarray:
    """Best effort, for graphs small enough to label legibly: nodes moved (vertically, and
    apart as discs) so that no label covers the middle of another node's disc."""
    low, high = _bounds(sizes, labels)
    core = sizes / 4  # half the radius: the middle a user aims a click at
    sign = np.where(np.arange(len(xy))[:, None] < np.arange(len(xy))[None, :], 1.0, -1.0)
    for _ in range(LABEL_ROUNDS):
        conflict, oy = _label_overlap(xy, core, sizes, labels)
        pairs, short = _crowded(xy, sizes, GAP)
        if not conflict.any() and not len(pairs):
            break
        # j leaves i's label up or down, whichever side it already leans to; i the other way
        away = np.where(
            xy[None, :, 1] != xy[:, None, 1], np.sign(xy[None, :, 1] - xy[:, None, 1]), sign
        )
        push = np.where(conflict, (oy / 2 + 0.5) * away, 0.0)
        xy = xy.copy()
        xy[:, 1] += push.sum(0) - push.sum(1)
        xy = _part(xy, pairs, short)
        xy = np.clip(xy, low, high)
    return xy


def _part(xy: np.ndarray, pairs: np.ndarray, short: np.ndarray) -> np.ndarray:
    """One round of pushes: each crowded pair moves apart by half its shortfall each."""
    if not len(pairs):
        return xy
    i, j = pairs[:, 0], pairs[:, 1]
    diff = xy[i] - xy[j]
    dist = np.hypot(*diff.T)
    # Centres the clip stacked on one spot (a corner) have no direction: an index-seeded one.
    turn = (i * 7 + j) * 2.399963
    diff = np.where((dist < 1e-6)[:, None], np.stack([np.cos(turn), np.sin(turn)], 1), diff)
    step = diff / np.maximum(np.hypot(*diff.T), 1e-9)[:, None] * (short / 2)[:, None]
    moved = xy.copy()
    np.add.at(moved, i, step)
    np.add.at(moved, j, -step)
    return moved


def separate(
    xy: np.ndarray, sizes: np.ndarray, labels: np.ndarray, gap: float = GAP
) -> np.ndarray | None:
    """``xy`` moved by rounds of pairwise pushes until no two discs are closer than radii +
    ``gap``, centres kept inside the plot area; None if ROUNDS were not enough."""
    low, high = _bounds(sizes, labels)
    aim = gap * 1.05  # push a little past the gap: the last rounds need not crawl to it
    for _ in range(ROUNDS):
        pairs, short = _crowded(xy, sizes, aim)
        if not (short > aim - gap).any():
            return xy
        xy = np.clip(_part(xy, pairs, short), low, high)
    return None


def layout(graph: nx.Graph) -> dict[str, Disc]:
    """Node → its disc: the same graph gets the same picture on every rerun (a click reruns
    the page, and nodes stay where the user saw them); no two discs overlap."""
    nodes = list(graph)
    if not nodes:
        return {}
    spots = spring_positions(graph)
    xy = np.array([spots[n] for n in nodes], dtype=float)
    sizes = disc_sizes(np.array([graph.nodes[n].get("frequency", 1) for n in nodes], dtype=float))
    # Stretch the spring layout over the plot area (margin: the largest radius), and a tiny
    # index-seeded offset so that no two centres coincide (a push needs a direction).
    margin = sizes.max() / 2
    span = np.maximum(xy.max(0) - xy.min(0), 1e-9)
    xy = margin + (xy - xy.min(0)) / span * (np.array([WIDTH * 0.8, HEIGHT]) - 2 * margin)
    turn = np.arange(len(nodes)) * 2.399963  # the golden angle
    xy += 1e-3 * np.stack([np.cos(turn), np.sin(turn)], axis=1)
    labels = np.array(
        [
            label_width(graph.nodes[n].get("label_en", n), graph.nodes[n].get("label_zh") or n)
            for n in nodes
        ]
    )
    if len(nodes) <= LABELLED:
        xy = spread_labels(xy, sizes, labels)
    for _ in range(SHRINKS):
        if (apart := separate(xy, sizes, labels)) is not None:
            break
        sizes = sizes * 0.85  # too crowded to part: smaller discs, same places
    else:
        apart = xy  # not seen in the tests: a picture with overlaps beats a page that hangs
    return {
        n: Disc(float(x), float(y), float(s))
        for n, (x, y), s in zip(nodes, apart, sizes, strict=True)
    }
