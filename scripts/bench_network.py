"""``scripts/bench network``: the co-occurrence network page in headless Chromium at 300 codes
and 2,000 co-occurrence edges (target: interactive in < 2 s).

The store is generated (benchgen_network.py) so that the page's own graph has exactly N nodes
and M edges; the real page is served by ``streamlit run`` through a five-line script that
presets its "max nodes" slider to N (everything else is the page's default). Chromium
(/usr/bin/chromium through Playwright; a fresh context per visit, so a first visit's empty
cache) opens it: ``render`` is navigation start → the ECharts instance (``window.kgreviewNetwork``,
set on its ``finished`` event) holding all N nodes; ``click`` is a click on the most frequent
node → its sentences (``.kg-evidence``) shown; ``interactive`` = render + click;
``visit_cpu`` = CPU ms of the servers and the browser during the visit (load-independent).
Medians of ``--repeat`` visits alternating with a baseline graph of 30 / 200 served the same
way (``ratio network.interactive_vs_small`` and ``network.visit_cpu_vs_small``), after one
uncounted warm-up visit each (server imports, first queries). Also the page's own layout
function alone (``layout_ms``) and the server's time for the page (AppTest: ``server_first``
with cold data caches; ``server_rerun``, what a click's rerun costs).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

from bench_common import REPO, Results
from benchgen_network import fill, graph_of

from tests.browser.conftest import NODE_AT, _free_port

CHROMIUM = "/usr/bin/chromium"
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
ANSWERED = "() => document.querySelector('.kg-evidence') ? performance.now() : null"


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
    port = _free_port()
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


def children_cpu() -> dict[int, int]:
    """Clock ticks (user + system) used so far by each live descendant of this process: the
    servers, Playwright's driver and Chromium's processes."""
    parents, cpu = {}, {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            with contextlib.suppress(OSError, ValueError, IndexError):
                with open(f"/proc/{entry}/stat", encoding="utf-8") as f:
                    fields = f.read().rsplit(")", 1)[1].split()
                parents[int(entry)] = int(fields[1])
                cpu[int(entry)] = int(fields[11]) + int(fields[12])
    tree, frontier = set(), {os.getpid()}
    while frontier:
        frontier = {pid for pid, parent in parents.items() if parent in frontier} - tree
        tree |= frontier
    return {pid: cpu[pid] for pid in tree}


def cpu_ms_since(before: dict[int, int]) -> float:
    """CPU ms the descendants used since ``before`` (processes that ended meanwhile drop out:
    the previous visit's renderer must not count negative). What a visit costs whatever else
    runs on the machine."""
    ticks = sum(t - before.get(pid, 0) for pid, t in children_cpu().items())
    return ticks * 1000 / os.sysconf("SC_CLK_TCK")


def visit(
    browser, url: str, nodes: int, code_id: str, warm=None
) -> tuple[float, float, int, float]:
    """(render ms from navigation start, click → answer ms, clicks it took, CPU ms of the
    servers and the browser) of a first visit; with ``warm`` (a browser context that has
    loaded the app before: its HTTP cache holds Streamlit's and ECharts' scripts) a return
    visit in a new tab."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    context = warm or browser.new_context(viewport={"width": 1400, "height": 1600})
    try:
        page = context.new_page()
        cpu = children_cpu()
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
                return rendered, answered - clicked, attempt + 1, cpu_ms_since(cpu)
        raise SystemExit(f"5 clicks on {code_id} at {url} opened nothing")
    finally:
        page.close() if warm else context.close()


def browse(sizes: dict[str, tuple[str, int, str]], repeat: int, tmp: Path) -> dict:
    """label → [(render, click)] per visit, alternating the sizes; one uncounted warm-up
    visit each (the server's imports and first queries)."""
    from playwright.sync_api import sync_playwright

    args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run"]  # fmt: skip
    visits: dict[str, list[tuple[float, float, int, float]]] = {label: [] for label in sizes}
    with contextlib.ExitStack() as stack:
        urls = {label: stack.enter_context(serve(path, n, tmp))
                for label, (path, n, _) in sizes.items()}  # fmt: skip
        playwright = stack.enter_context(sync_playwright())
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=args)
        stack.callback(browser.close)
        warm = {label: browser.new_context(viewport={"width": 1400, "height": 1600})
                for label in sizes}  # fmt: skip
        for round_ in range(repeat + 1):
            for label, (_, n, code_id) in sizes.items():
                times = visit(browser, urls[label], n, code_id)
                again = visit(browser, urls[label], n, code_id, warm=warm[label])
                if round_:
                    visits[label].append(times)
                    visits.setdefault(f"{label}warm.", []).append(again)
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
            render = statistics.median(run[0] for run in runs)
            click = statistics.median(run[1] for run in runs)
            interactive[label] = statistics.median(run[0] + run[1] for run in runs)
            results.note(f"network.{label or 'full.'}: clicks needed per visit "
                         f"{[run[2] for run in runs]}")  # fmt: skip
            results.value(f"network.{label}render_ms", render, "ms")
            results.value(f"network.{label}click_ms", click, "ms")
            results.value(f"network.{label}interactive_ms", interactive[label], "ms")
            cpu = statistics.median(run[3] for run in runs)
            results.value(f"network.{label}visit_cpu_ms", cpu, "ms")  # servers + browser
        results.ratio("network.interactive_vs_small", interactive[""] / interactive["small."])
        results.ratio(
            "network.warm_interactive_vs_small", interactive["warm."] / interactive["small.warm."]
        )
        cpu = {label: statistics.median(run[3] for run in runs) for label, runs in visits.items()}
        results.ratio("network.visit_cpu_vs_small", cpu[""] / cpu["small."])
        results.note(f"network: medians of {args.repeat} first visits (warm.: return visits in "
                     f"a browser that loaded the app before) each; load average "
                     f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")  # fmt: skip


def add_parsers(sub: argparse._SubParsersAction) -> None:
    """The ``network`` subcommand."""
    network = sub.add_parser("network", help="the network page in Chromium, 300 nodes / 2k edges")
    network.add_argument("--nodes", type=int, default=300)
    network.add_argument("--edges", type=int, default=2000)
    network.add_argument("--repeat", type=int, default=3, help="visits per size (medians)")
    network.set_defaults(run=network_command)


QUICK = {"network": ["--nodes", "100", "--edges", "600", "--repeat", "1"]}
