"""Pages 2-5 of the explorer in real headless Chromium: each loads without an exception, the
flows reviewers use work, Chinese renders, and no request leaves 127.0.0.1."""

from __future__ import annotations

import io
from urllib.parse import urlparse

import pytest
from PIL import Image

from tests.browser.conftest import ARTIFACTS, NODE_AT, REQUESTS

pytestmark = pytest.mark.browser

PAGES = {
    "codes": "Codes & themes",
    "who-cites": "Who cites a theory",
    "network": "Code co-occurrence network",
    "gaps": "Research gaps",
    "thesis": "Thesis & trends",
    "search": "Evidence search",
    "workbench": "Coding workbench",
    "import-export": "Import & export",
}


def settle(page, title: str) -> None:
    """Wait for the page's title, then for Streamlit to finish running the script."""
    page.get_by_role("heading", name=title).first.wait_for(timeout=60_000)
    page.wait_for_timeout(500)
    page.locator('[data-testid="stStatusWidget"]').wait_for(state="detached", timeout=60_000)
    page.wait_for_timeout(1500)  # charts and data grids paint after they are attached


def locate_node(page, code_id: str) -> tuple[float, float]:
    x, y = page.evaluate(NODE_AT, code_id)
    return x, y


def free_edge(page) -> tuple[float, float]:
    edge = page.evaluate(FREE_EDGE)
    return edge["x"], edge["y"]


def click_until(page, where, expected, attempts: int = 5) -> None:
    """Click the chart where ``where()`` says (asked again each time: a graph may still be
    moving or the page scrolled) until ``expected`` shows; fail after ``attempts``."""
    for attempt in range(attempts):
        page.locator(
            "#kg-network, [data-testid='stCustomComponentV1'], canvas"
        ).first.scroll_into_view_if_needed()
        x, y = where()
        page.mouse.click(x, y)
        try:
            expected.wait_for(timeout=12_000)
            return
        except Exception:
            if attempt == attempts - 1:
                raise


def shoot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def no_exception(page, errors: list[str]) -> None:
    assert page.locator('[data-testid="stException"]').count() == 0
    assert page.locator('[data-testid="stAlertContentError"]').count() == 0
    assert not errors, errors


@pytest.mark.parametrize("path", list(PAGES))
def test_page_loads_without_exception(app_page, path: str) -> None:
    page = app_page(path, height=2400)
    settle(page, PAGES[path])
    shoot(page, path)
    no_exception(page, app_page.errors)


def test_pick_empowerment_theory_then_authors_then_a_sentence(app_page) -> None:
    page = app_page("who-cites")
    settle(page, PAGES["who-cites"])
    search = page.get_by_label("Pick a theory (search English or Chinese)")
    search.fill("增能理论")
    search.press("Enter")
    settle(page, PAGES["who-cites"])
    for author in ("Chen Weidong", "Ma Tao"):
        expander = page.locator('[data-testid="stExpander"]').filter(has_text=author).first
        expander.wait_for(timeout=30_000)
        assert "attributed" in expander.inner_text()
    sentence = page.locator(".kg-evidence").filter(has_text="Social workers use").first
    sentence.scroll_into_view_if_needed()
    assert sentence.is_visible()
    assert sentence.locator("mark").first.inner_text() == "empowerment theory"
    shoot(page, "who-cites-empowerment")
    no_exception(page, app_page.errors)


def test_open_a_gap_cell_shows_its_closest_documents(app_page) -> None:
    page = app_page("gaps", height=2400)
    settle(page, PAGES["gaps"])
    page.locator('[data-testid="stVegaLiteChart"]').first.wait_for(timeout=30_000)
    picker = page.locator('[data-testid="stSelectbox"]').filter(has_text="Open a cell")
    picker.click()
    page.get_by_role("option").filter(has_text="∅").first.click()
    page.get_by_text("Closest documents").wait_for(timeout=30_000)
    settle(page, PAGES["gaps"])
    grid = page.locator('[data-testid="stDataFrame"]').filter(has_text="Why")
    assert grid.count() >= 1
    shoot(page, "gaps-cell")
    no_exception(page, app_page.errors)


def _red_outlined_cell(chart) -> tuple[float, float]:
    """Page coordinates of the centre of the first red-outlined (empty) cell in the heatmap."""
    box = chart.bounding_box()
    image = Image.open(io.BytesIO(chart.screenshot())).convert("RGB")
    scale = image.width / box["width"]
    red = [
        (x, y)
        for y in range(image.height)
        for x in range(image.width)
        if (pixel := image.getpixel((x, y)))[0] > 190 and pixel[1] < 80 and pixel[2] < 80
    ]
    assert red, "the heatmap shows red-outlined empty cells"
    x0, y0 = min(red, key=lambda p: (p[1], p[0]))
    outline = [(x, y) for x, y in red if abs(y - y0) < 40 and x0 - 5 <= x < x0 + 300]
    xs, ys = [x for x, _ in outline], [y for _, y in outline]
    return (
        box["x"] + (min(xs) + max(xs)) / 2 / scale,
        box["y"] + (min(ys) + max(ys)) / 2 / scale,
    )


def test_click_an_empty_heatmap_cell_shows_its_closest_documents(app_page) -> None:
    page = app_page("gaps", height=2400)
    settle(page, PAGES["gaps"])
    chart = page.locator('[data-testid="stVegaLiteChart"]').first
    chart.wait_for(timeout=30_000)
    page.wait_for_timeout(1000)
    page.mouse.click(*_red_outlined_cell(chart))
    page.get_by_text("Closest documents").wait_for(timeout=30_000)
    settle(page, PAGES["gaps"])
    assert page.locator('[data-testid="stDataFrame"]').filter(has_text="Why").count() >= 1
    no_exception(page, app_page.errors)


def test_click_a_network_node_opens_its_sentences(app_page) -> None:
    page = app_page("network")
    settle(page, PAGES["network"])
    page.wait_for_function("() => window.kgreviewNetwork !== undefined", timeout=60_000)
    page.wait_for_timeout(2000)  # the force layout settles

    marked = page.locator(".kg-evidence mark").filter(has_text="empowerment theory").first
    click_until(page, lambda: locate_node(page, "theory.empowerment"), marked)
    settle(page, PAGES["network"])
    shoot(page, "network-clicked")
    no_exception(page, app_page.errors)


# The screen point of the edge whose midpoint lies farthest from every node, and its codes.
FREE_EDGE = """() => {
  const chart = window.kgreviewNetwork;
  const series = chart.getModel().getSeriesByIndex(0);
  const data = series.getData();
  const box = chart.getDom().getBoundingClientRect();
  const at = (k) => chart.convertToPixel({seriesIndex: 0}, data.getItemLayout(k));
  const nodes = [...Array(data.count()).keys()].map(
    (k) => [at(k), data.getItemVisual(k, 'symbolSize')]);
  let best = null;
  series.getGraph().eachEdge((edge) => {
    const a = at(edge.node1.dataIndex), b = at(edge.node2.dataIndex);
    const m = [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
    const clear = Math.min(...nodes.map(
      ([p, size]) => Math.hypot(p[0] - m[0], p[1] - m[1]) - size / 2));
    if (!best || clear > best.clear) {
      best = {clear, x: box.x + m[0], y: box.y + m[1]};
    }
  });
  return best;
}"""


def test_click_a_network_edge_opens_the_documents_coding_both(app_page) -> None:
    page = app_page("network")
    settle(page, PAGES["network"])
    page.wait_for_function("() => window.kgreviewNetwork !== undefined", timeout=60_000)
    page.wait_for_timeout(2000)  # the force layout settles
    edge = page.evaluate(FREE_EDGE)
    assert edge["clear"] > 10, edge  # a midpoint no node covers
    click_until(page, lambda: free_edge(page), page.get_by_text("Documents coding both"))
    settle(page, PAGES["network"])
    assert page.locator(".kg-evidence mark").count() >= 1
    shoot(page, "network-edge")
    no_exception(page, app_page.errors)


def test_chinese_ui_renders(app_page) -> None:
    page = app_page("codes", height=2000)
    settle(page, PAGES["codes"])
    page.locator('[data-testid="stSidebar"]').get_by_text("中文").click()
    settle(page, "编码与主题")
    assert page.get_by_text("增能理论 (empowerment theory)").count() >= 1
    category = page.locator('[data-testid="stSelectbox"]').filter(has_text="类别").first
    assert category.locator("input").input_value() == "理论与实务模式"
    shoot(page, "codes-zh")
    no_exception(page, app_page.errors)


def test_no_request_left_127_0_0_1() -> None:
    # Runs after the page tests above (same module, file order): their request log.
    assert REQUESTS, "the page tests ran first and logged their requests"
    hosts = {urlparse(url).hostname for url in REQUESTS if not url.startswith(("data:", "blob:"))}
    assert hosts == {"127.0.0.1"}, hosts
