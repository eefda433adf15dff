"""``scripts/bench network``: the co-occurrence network page in headless Chromium at 300 codes
and 2,000 co-occurrence edges (target: interactive in < 2 s).

A generated embedded store whose document-level co-occurrence graph has exactly N nodes and M
edges (deterministic seed): N generated codes of the page's default categories (codes are
data in the store; the page reads them through the protocol) and, per edge, 2-5 one-sentence
documents coding its two codes, so every edge passes the page's default minimum weight (2).
The real page is served by ``streamlit run`` through a three-line script that presets its
"max nodes" slider to N (``network_max``; everything else is the page's default). Chromium
(/usr/bin/chromium, Playwright; a fresh context per visit: a first visit's empty cache) opens
it; ``render`` is navigation start → the ECharts instance (``window.kgreviewNetwork``, set on
its ``finished`` event) holding all N nodes; ``click`` is a click on the most frequent node →
its sentences (``.kg-evidence``) shown; ``interactive`` = render + click. Medians of
``--repeat`` visits, alternating with a small baseline graph (30 / 200) served the same way:
``ratio network.interactive_vs_small``. Also the Python layout alone (``layout_ms``, the
page's own ``network.layout``) and the server's time for the page (AppTest: ``server_first``
with cold data caches, ``server_rerun`` = what a click's rerun costs).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

from bench_common import REPO, Results

CHROMIUM = "/usr/bin/chromium"
TAGGER = "kgreview-tagger"  # the coder of auto codings
CATEGORIES = ("theory", "context", "countermeasure")  # the page's default categories
PAGE = """import os
import streamlit as st
from kgreview.app.main import run
st.session_state.setdefault("network_max", int(os.environ["KGREVIEW_BENCH_NETWORK_NODES"]))
run("network")
"""
RENDERED = """(n) => {
  const chart = window.kgreviewNetwork;
  const series = chart && chart.getModel() && chart.getModel().getSeriesByIndex(0);
  return series && series.getData().count() === n ? performance.now() : null;
}"""
NODE_AT = """(id) => {
  const chart = window.kgreviewNetwork;
  const data = chart.getModel().getSeriesByIndex(0).getData();
  const i = [...Array(data.count()).keys()].find((k) => data.getId(k) === id);
  const [px, py] = chart.convertToPixel({seriesIndex: 0}, data.getItemLayout(i));
  const box = chart.getDom().getBoundingClientRect();
  return [box.x + px, box.y + py];
}"""
ANSWERED = "() => document.querySelector('.kg-evidence') ? performance.now() : null"


def pairs(nodes: int, edges: int, seed: int) -> dict[tuple[int, int], int]:
    """``edges`` distinct node pairs covering all ``nodes`` (a random spanning tree first),
    each with its weight (documents coding both): 2 mostly, up to 5."""
    if not nodes - 1 <= edges <= nodes * (nodes - 1) // 2:
        raise SystemExit(f"{nodes} nodes cannot have {edges} edges and no isolated node")
    rng = random.Random(seed)
    chosen = {(rng.randrange(i), i) for i in range(1, nodes)}
    while len(chosen) < edges:
        a, b = sorted(rng.sample(range(nodes), 2))
        chosen.add((a, b))
    return {pair: 2 + (rng.randrange(1, 4) if rng.random() < 0.3 else 0) for pair in sorted(chosen)}


def fill(path: str, nodes: int, edges: int, seed: int = 12) -> None:
    """The generated store (see the module docstring)."""
    from kgreview import ids
    from kgreview.model import Code, Coding, Document, DocumentBundle, Segment
    from kgreview.store import open_store

    codes = [Code(f"{CATEGORIES[k % 3]}.bench{k:03d}", CATEGORIES[k % 3], f"generated code {k}",
                  f"生成编码{k}") for k in range(nodes)]  # fmt: skip
    bundles, n = [], 0
    for (a, b), weight in pairs(nodes, edges, seed).items():
        for _ in range(weight):
            doc_id, first, second = f"doc:net{n:06d}", codes[a], codes[b]
            text = f"{first.label_zh}与{second.label_zh}在社区实践中相互关联。"
            seg = Segment(ids.segment_id(doc_id, "sentence", 0, len(text)), doc_id, "sentence",
                          0, len(text), 0, lang="zh")  # fmt: skip
            at = len(first.label_zh) + 1
            spans = ((first, 0, len(first.label_zh)), (second, at, at + len(second.label_zh)))
            codings = tuple(
                Coding(ids.coding_id(doc_id, s, e, c.id, TAGGER), doc_id, seg.id, c.id, TAGGER,
                       s, e, text[s:e])
                for c, s, e in spans
            )  # fmt: skip
            document = Document(doc_id, f"网络基准 {n}", text, lang="zh", doc_type="article",
                                year=2000 + n % 25, text_hash=ids.text_hash(text))  # fmt: skip
            bundles.append(DocumentBundle(document, segments=(seg,), codings=codings))
            n += 1
    store = open_store(path)
    try:
        store.upsert_codes(codes)
        for start in range(0, len(bundles), 1000):
            store.upsert_bundles(bundles[start : start + 1000])
    finally:
        store.close()


def graph_of(path: str, nodes: int):
    """The page's graph for this store (its own build: default categories, weight >= 2)."""
    from kgreview.analysis import network as net
    from kgreview.store import open_store

    store = open_store(path)
    try:
        return net.code_graph(store.incidence(), store.list_codes(), CATEGORIES, 2, nodes)
    finally:
        store.close()


def layout_ms(graph, repeat: int = 3) -> tuple[float, float]:
    """Median wall and CPU ms of the page's layout of ``graph``."""
    from kgreview.app.network import layout

    runs = []
    for _ in range(repeat):
        began, cpu = time.perf_counter(), time.process_time()
        layout(graph)
        runs.append(((time.perf_counter() - began) * 1000, (time.process_time() - cpu) * 1000))
    return statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs)


def _page(nodes: int) -> None:
    # AppTest runs this function's source as the script: the served PAGE's twin.
    import streamlit as st

    from kgreview.app.main import run

    st.session_state.setdefault("network_max", nodes)
    run("network")


def server_ms(path: str, nodes: int) -> tuple[float, float]:
    """(first run with cold data caches, a rerun) of the page in AppTest, wall ms."""
    from bench_app import cold
    from streamlit.testing.v1 import AppTest

    os.environ["KGREVIEW_STORE"] = path
    AppTest.from_function(_page, kwargs={"nodes": nodes}, default_timeout=300).run()  # imports
    cold()
    app = AppTest.from_function(_page, kwargs={"nodes": nodes}, default_timeout=300)
    times = []
    for _ in range(2):
        began = time.perf_counter()
        app.run()
        times.append((time.perf_counter() - began) * 1000)
        if app.exception:
            raise SystemExit(f"network page failed: {app.exception[0].value}")
    return times[0], times[1]


@contextlib.contextmanager
def serve(path: str, nodes: int, tmp: Path) -> Iterator[str]:
    """The page for store ``path`` served by ``streamlit run`` on a free port; yields its URL."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    script = tmp / "network_page.py"
    script.write_text(PAGE, encoding="utf-8")
    paths = os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")])
    env = {**os.environ, "KGREVIEW_STORE": path, "KGREVIEW_BENCH_NETWORK_NODES": str(nodes),
           "PYTHONPATH": paths}  # fmt: skip
    command = [sys.executable, "-m", "streamlit", "run", str(script), "--server.address",
               "127.0.0.1", "--server.port", str(port), "--server.headless", "true",
               "--browser.gatherUsageStats", "false", "--client.toolbarMode", "minimal",
               "--global.disableWidgetStateDuplicationWarning", "true"]  # fmt: skip
    log = open(tmp / f"streamlit-{nodes}.log", "wb")  # noqa: SIM115 (closed below)
    proc = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT,
                            start_new_session=True)  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(240):
            with (
                contextlib.suppress(OSError),
                urllib.request.urlopen(f"{url}/_stcore/health", timeout=1) as response,
            ):
                if response.status == 200:
                    break
            time.sleep(0.25)
        else:
            raise SystemExit(f"streamlit did not answer within 60 s: see {log.name}")
        yield f"{url}/network"
    finally:
        os.killpg(proc.pid, 15)
        proc.wait(timeout=20)
        log.close()


def visit(browser, url: str, nodes: int, code_id: str) -> tuple[float, float, int]:
    """(render ms from navigation start, click → answer ms, clicks it took) of a first visit."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    context = browser.new_context(viewport={"width": 1400, "height": 1600})
    try:
        page = context.new_page()
        page.goto(url, wait_until="commit")
        rendered = page.wait_for_function(RENDERED, arg=nodes, timeout=120_000).json_value()
        # Headless Chromium drops the first click of a fresh page before it reaches the chart
        # (6 of 6 tries; the browser tests retry for it): one on the blank sidebar first.
        page.mouse.click(5, 5)
        x, y = page.evaluate(NODE_AT, code_id)
        clicked = page.evaluate("performance.now()")
        for attempt in range(5):  # as a user would: click again when nothing happens
            page.mouse.click(x, y)
            with contextlib.suppress(PlaywrightTimeout):
                answered = page.wait_for_function(ANSWERED, timeout=10_000).json_value()
                return rendered, answered - clicked, attempt + 1
        raise SystemExit(f"5 clicks on {code_id} at {url} opened nothing")
    finally:
        context.close()


def browse(sizes: dict[str, tuple[str, int, str]], repeat: int, tmp: Path) -> dict:
    """label → [(render, click)] per visit, alternating the sizes; one uncounted warm-up
    visit each (the server's imports and first queries)."""
    from playwright.sync_api import sync_playwright

    args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run"]  # fmt: skip
    visits: dict[str, list[tuple[float, float, int]]] = {label: [] for label in sizes}
    with contextlib.ExitStack() as stack:
        urls = {label: stack.enter_context(serve(path, n, tmp))
                for label, (path, n, _) in sizes.items()}  # fmt: skip
        playwright = stack.enter_context(sync_playwright())
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=args)
        stack.callback(browser.close)
        for round_ in range(repeat + 1):
            for label, (_, n, code_id) in sizes.items():
                times = visit(browser, urls[label], n, code_id)
                if round_:
                    visits[label].append(times)
    return visits


def network_command(args: argparse.Namespace, results: Results) -> None:
    os.environ.setdefault("STREAMLIT_BROWSER_GATHER_USAGE_STATS", "false")
    with tempfile.TemporaryDirectory(prefix="bench-network-") as name:
        tmp = Path(name)
        sizes = {}
        for label, nodes, edges in (("", args.nodes, args.edges), ("small.", 30, 200)):
            path = str(tmp / f"network-{nodes}.db")
            began = time.perf_counter()
            fill(path, nodes, edges)
            graph = graph_of(path, nodes)
            if (len(graph), graph.number_of_edges()) != (nodes, edges):
                raise SystemExit(f"generated graph is {graph}, not {nodes} / {edges}")
            top = max(graph, key=lambda c: (graph.nodes[c]["frequency"], c))
            sizes[label] = (path, nodes, top)
            results.note(f"network.{label or 'full.'}: {graph} in a "
                         f"{time.perf_counter() - began:.1f} s generated store")  # fmt: skip
            wall, cpu = layout_ms(graph)
            results.value(f"network.{label}layout_ms", wall, "ms")
            results.value(f"network.{label}layout_cpu_ms", cpu, "ms")
            first, rerun = server_ms(path, nodes)
            results.value(f"network.{label}server_first_ms", first, "ms")
            results.value(f"network.{label}server_rerun_ms", rerun, "ms")
        if not Path(CHROMIUM).exists():
            results.note(f"network: no Chromium at {CHROMIUM}; browser figures skipped")
            return
        visits = browse(sizes, args.repeat, tmp)
        interactive = {}
        for label, runs in visits.items():
            render = statistics.median(r for r, _, _ in runs)
            click = statistics.median(c for _, c, _ in runs)
            interactive[label] = statistics.median(r + c for r, c, _ in runs)
            results.note(f"network.{label or 'full.'}: clicks needed per visit "
                         f"{[n for *_, n in runs]}")  # fmt: skip
            results.value(f"network.{label}render_ms", render, "ms")
            results.value(f"network.{label}click_ms", click, "ms")
            results.value(f"network.{label}interactive_ms", interactive[label], "ms")
        results.ratio("network.interactive_vs_small", interactive[""] / interactive["small."])
        results.note(f"network: medians of {args.repeat} first visits each; load average "
                     f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")  # fmt: skip


def add_parsers(sub: argparse._SubParsersAction) -> None:
    """The ``network`` subcommand."""
    network = sub.add_parser("network", help="the network page in Chromium, 300 nodes / 2k edges")
    network.add_argument("--nodes", type=int, default=300)
    network.add_argument("--edges", type=int, default=2000)
    network.add_argument("--repeat", type=int, default=3, help="visits per size (medians)")
    network.set_defaults(run=network_command)


QUICK = {"network": ["--nodes", "100", "--edges", "600", "--repeat", "1"]}
