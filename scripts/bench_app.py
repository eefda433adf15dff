"""``scripts/bench app``: each explorer page's server time on a 10,000-document store.

Generates N documents (the ``copy`` benchmark's generator) into a fresh embedded store — or,
with ``--neo4j``, into the scratch Neo4j server of ``scripts/bench`` (WIPED unless it holds
exactly N documents: a previous run's, reused) — then runs
every page the app registers (read from the app itself, so new pages are timed too) through
Streamlit's AppTest: once with cold data caches (``first``: what the first visitor after a
write waits for; the store connection and the codebook are already open, as in a running
server) and once more (``cached``: any later visit). Prints
``value app.<page>.first_ms`` / ``value app.<page>.cached_ms`` and a table against the
targets (< 1 s first, < 100 ms cached) on stdout (AppTest's "no runtime" notices go to
stderr). ``--profile`` prints the top functions (cProfile,
cumulative) of each page over its target.
"""

from __future__ import annotations

import argparse
import os
import pstats
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

FIRST_MS, CACHED_MS = 1000, 100


def _page(start: str, profile_to: str = "") -> None:
    # AppTest runs this function's source as the script, in its own thread: profile in here.
    import cProfile

    from kgreview.app.main import run

    if not profile_to:
        run(start)
        return
    profiler = cProfile.Profile()
    profiler.enable()
    try:
        run(start)
    finally:
        profiler.disable()
        profiler.dump_stats(profile_to)


def _app(start: str, profile_to: str = ""):
    from streamlit.testing.v1 import AppTest

    kwargs = {"start": start, "profile_to": profile_to}
    return AppTest.from_function(_page, kwargs=kwargs, default_timeout=900)


def _run(app) -> tuple[float, float]:
    """Wall and CPU milliseconds of one script run (CPU: this process, every thread — what
    the page costs when the machine is shared)."""
    began, cpu = time.perf_counter(), time.process_time()
    app.run()
    elapsed = (time.perf_counter() - began) * 1000, (time.process_time() - cpu) * 1000
    if app.exception:
        raise SystemExit(f"page failed: {app.exception[0].value}")
    return elapsed


def registered_pages() -> list[str]:
    """The url paths main.py registers (the overview keeps them in the session)."""
    from kgreview.app.overview import PAGES

    app = _app("overview")
    app.run()
    return [page.url_path or "overview" for page in app.session_state[PAGES]]


def cold() -> None:
    """Empty the app's data caches: Streamlit's, and any functools cache in its modules
    (the store connection and the codebook stay open, as in a running server)."""
    import sys

    import streamlit as st

    st.cache_data.clear()
    for name, module in list(sys.modules.items()):
        if name.startswith("kgreview.app"):
            for value in list(vars(module).values()):
                if callable(getattr(value, "cache_clear", None)):
                    value.cache_clear()


def time_pages(pages: list[str], profile: bool, repeat: int) -> dict[str, list[float]]:
    """page → [first wall, cached wall, first CPU, cached CPU] ms, medians of ``repeat``."""

    for path in pages:  # imports and the store connection: a running server has them
        _run(_app(path))
    times = {}
    for path in pages:
        runs = []
        for _ in range(repeat):
            cold()
            app = _app(path)
            first, cached = _run(app), _run(app)
            runs.append((first[0], cached[0], first[1], cached[1]))
        times[path] = [statistics.median(column) for column in zip(*runs, strict=True)]
        first, cached = times[path][:2]
        if profile and first > FIRST_MS:
            show_profile(path, first=True)
        if profile and cached > CACHED_MS:
            show_profile(path, first=False)
    return times


def show_profile(path: str, first: bool, top: int = 25) -> None:

    with tempfile.TemporaryDirectory() as tmp:
        out = str(Path(tmp) / "page.prof")
        if first:
            cold()
        app = _app(path, out)
        _run(app)
        if not first:
            _run(app)
        print(f"--- profile of {path} ({'first' if first else 'cached'} run) ---")
        stats = pstats.Stats(out)
        stats.sort_stats("cumulative").print_stats(top)


def report(times: dict[str, list[float]], label: str) -> None:
    for path, (first, cached, *_) in times.items():
        print(f"value app.{label}{path}.first_ms {first:.0f} ms")
        print(f"value app.{label}{path}.cached_ms {cached:.0f} ms")
    print(f"  {'page':<18} {'first ms':>9} {'cached ms':>10} {'first CPU':>10} {'cached CPU':>11}"
          f"  target (<{FIRST_MS} / <{CACHED_MS} wall)")  # fmt: skip
    for path, (first, cached, first_cpu, cached_cpu) in times.items():
        ok = "ok" if first < FIRST_MS and cached < CACHED_MS else "SLOW"
        print(f"  {path:<18} {first:>9.0f} {cached:>10.0f} {first_cpu:>10.0f} {cached_cpu:>11.0f}"
              f"  {ok}")  # fmt: skip
    print(f"  (medians; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)")


def fill(store, documents: int, make_bundles: Callable) -> None:
    from kgreview.tagging import load_tagger

    codes = load_tagger().codebook.to_codes()
    store.upsert_codes(codes)
    code_ids = [c.id for c in codes]
    began = time.perf_counter()
    for start in range(0, documents, 1000):
        store.upsert_bundles(make_bundles(start, min(1000, documents - start), code_ids))
    print(f"store: {documents:,} documents generated in {time.perf_counter() - began:.0f} s: "
          f"{store.stats()}")  # fmt: skip


def app_command(args: argparse.Namespace, make_bundles: Callable, neo4j_store: Callable) -> None:
    from kgreview.store import open_store

    os.environ.setdefault("STREAMLIT_BROWSER_GATHER_USAGE_STATS", "false")
    with tempfile.TemporaryDirectory(prefix="kgreview-bench-app-") as tmp:
        if args.neo4j:
            store, started = neo4j_store()
            uri, label = store.settings.uri, "neo4j."
            os.environ["KGREVIEW_NEO4J_PASSWORD"] = store.settings.password
            if store.stats()["documents"] != args.documents:  # else: this bench's, reused
                store.clear()
        else:
            started, label = False, ""
            uri = args.store or str(Path(tmp) / "bench.db")
            store = open_store(uri)
            if store.stats()["documents"]:
                print(f"store: reusing {uri}: {store.stats()}")
        try:
            if not store.stats()["documents"]:
                fill(store, args.documents, make_bundles)
        finally:
            store.close()
        os.environ["KGREVIEW_STORE"] = uri
        pages = args.pages.split(",") if args.pages else registered_pages()
        report(time_pages(pages, args.profile, args.repeat), label)
        if started:
            print("  (the Neo4j server started here is left to `scripts/neo4j stop`)")


def add_parser(sub, make_bundles: Callable, neo4j_store: Callable) -> None:
    """Register ``scripts/bench app`` (kept here so scripts/bench stays short)."""
    app = sub.add_parser("app", help="each app page's server time on a 10k-document store")
    app.add_argument("--documents", type=int, default=10_000)
    app.add_argument("--store", help="embedded store to reuse (generated there if empty)")
    app.add_argument("--pages", help="comma-separated url paths (default: every page)")
    app.add_argument("--neo4j", action="store_true", help="the scratch Neo4j server (WIPED)")
    app.add_argument("--repeat", type=int, default=3, help="runs per page (medians)")
    app.add_argument("--profile", action="store_true", help="cProfile the slow pages")
    app.set_defaults(run=lambda args: app_command(args, make_bundles, neo4j_store))
