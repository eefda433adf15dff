"""The network page's discs as Chromium renders them: no two overlap, and a click (or the
pointer) on a node's centre reaches that node, not a neighbour's disc or label."""

from __future__ import annotations

import itertools
import math
import re

import pytest

from tests.browser.conftest import NODE_AT
from tests.browser.test_explorer_browser import PAGES, click_until, no_exception, settle

pytestmark = pytest.mark.browser

# Every node of the live chart: id, name, centre (px in the chart) and radius (px).
DISCS = """() => {
  const chart = window.kgreviewNetwork;
  const data = chart.getModel().getSeriesByIndex(0).getData();
  return [...Array(data.count()).keys()].map((k) => {
    const [x, y] = chart.convertToPixel({seriesIndex: 0}, data.getItemLayout(k));
    const size = data.getItemVisual(k, 'symbolSize');
    return {id: data.getId(k), name: data.getName(k), x, y,
            r: (Array.isArray(size) ? size[0] : size) / 2};
  });
}"""
# The node ECharts reports under the pointer (its own hit test: discs and labels).
HOVERED = """() => {
  window.kgHovered = null;
  window.kgreviewNetwork.on('mouseover', (p) => {
    window.kgHovered = p.dataType === 'node' ? p.data.id : 'edge';
  });
}"""


def open_network(app_page):
    page = app_page("network")
    settle(page, PAGES["network"])
    page.wait_for_function("() => window.kgreviewNetwork !== undefined", timeout=60_000)
    page.wait_for_timeout(1000)
    return page


def test_rendered_discs_do_not_overlap_and_every_centre_is_its_own_node(app_page) -> None:
    page = open_network(app_page)
    discs = page.evaluate(DISCS)
    assert len(discs) >= 20, len(discs)
    crowded = [
        (a["name"], b["name"])
        for a, b in itertools.combinations(discs, 2)
        if math.dist((a["x"], a["y"]), (b["x"], b["y"])) < a["r"] + b["r"]
    ]
    assert not crowded  # the page before: 15 pairs, among them capable people / empowerment
    page.evaluate(HOVERED)
    missed = []
    for disc in discs:
        page.mouse.move(2, 2)
        page.evaluate("() => { window.kgHovered = null; }")
        x, y = page.evaluate(NODE_AT, disc["id"])
        page.mouse.move(x, y)
        page.wait_for_timeout(40)
        hovered = page.evaluate("() => window.kgHovered")
        if hovered != disc["id"]:
            missed.append((disc["id"], hovered))
    assert not missed  # the page before: 9 centres under a neighbour's disc or label
    no_exception(page, app_page.errors)


def test_clicking_nodes_centres_opens_those_nodes(app_page) -> None:
    page = open_network(app_page)
    discs = {d["id"]: d for d in page.evaluate(DISCS)}
    largest = sorted(discs, key=lambda n: (-discs[n]["r"], n))[:2]
    for code_id in ["theory.empowerment", "countermeasure.capable_people", *largest]:
        name = discs[code_id]["name"]
        heading = page.get_by_text(re.compile(rf"^{re.escape(name)}( \(.+\))? · \d+ "))
        click_until(page, lambda c=code_id: page.evaluate(NODE_AT, c), heading.first)
        settle(page, PAGES["network"])
    no_exception(page, app_page.errors)
