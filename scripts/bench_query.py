"""``query``: the analytics a reviewer waits for, on a generated store of N documents.

Co-occurrence of every theory × context code pair (the store's own aggregate,
``code_cooccurrence``), cold (first call on a freshly opened store, after one other query has
warmed the connection) and cached (the app's way: a result kept per store revision, so a rerun
costs one revision read), on both backends, checked against (and timed beside) the old way:
every incidence row and one sparse product in Python; the gaps page's
theory × context matrix; and Krippendorff's alpha (with % agreement, Holsti, kappa) for two
coders over U sentence units, per code, with the peak memory it took."""

from __future__ import annotations

import argparse
import resource
import tempfile
import time
from pathlib import Path

import benchgen
from bench_common import Neo4jServer, Results

from kgreview.analysis.agreement import Unit, agreement, decisions, scores
from kgreview.analysis.cooccurrence import cooccurrence
from kgreview.analysis.gaps import GapInputs, combination_matrix
from kgreview.store import GraphStore, open_store


def theory_context_pairs(store: GraphStore) -> list[tuple[str, str, int]]:
    """(theory, context, documents holding both) for every pair that co-occurs: the store's
    own aggregate (only the pairs leave a Neo4j server)."""
    return store.code_cooccurrence("theory", "context")


def theory_context_rows(store: GraphStore) -> list[tuple[str, str, int]]:
    """The same pairs from every (document, code) row and one sparse product in Python: the
    way before the store aggregated, kept as the check and the floor."""
    category = {c.id: c.category for c in store.list_codes()}
    wanted = {"theory", "context"}
    rows = [(d, c) for d, c in store.incidence() if category.get(c) in wanted]
    pairs = [(a, b, n) if category[a] == "theory" else (b, a, n) for a, b, n in cooccurrence(rows)
             if category[a] != category[b]]  # fmt: skip
    return sorted(pairs, key=lambda p: (-p[2], p[0], p[1]))


class RevisionCache:
    """What the app does (kgreview/app/components.py): one result per store revision."""

    def __init__(self) -> None:
        self.kept: dict[tuple[str, int, str], object] = {}

    def get(self, store: GraphStore, name: str, fn):
        key = (store.describe(), store.revision(), name)
        if key not in self.kept:
            self.kept[key] = fn(store)
        return self.kept[key]


def bench_backend(
    results: Results, name: str, open_fn, documents: int, source: str | None = None
) -> list:
    """Fill a store of this backend with ``documents`` (a copy of the embedded ``source``
    when given: kgreview copy is Neo4j's fast path) and time its queries."""
    store = open_fn()
    store.clear()
    began = time.perf_counter()
    if source:
        from kgreview.transfer.copy import transfer
        from kgreview.transfer.source import StoreSource

        origin = open_store(source)
        transfer(StoreSource(origin), store, batch=5000)
        origin.close()
    else:
        benchgen.fill_store(store, documents)
    results.note(
        f"query.{name}: {documents:,} documents written in "
        f"{time.perf_counter() - began:.0f} s: {store.stats()}"
    )
    store.close()
    store = open_fn()  # cold: a new connection, nothing kept in this process
    store.stats()  # a different query first: the connection (and a JVM's JIT) is warm
    cache = RevisionCache()
    began = time.perf_counter()
    pairs = cache.get(store, "pairs", theory_context_pairs)
    cold = time.perf_counter() - began
    began = time.perf_counter()
    again = cache.get(store, "pairs", theory_context_pairs)
    cached = time.perf_counter() - began
    assert again == pairs and pairs, "no theory × context pairs"
    began = time.perf_counter()
    assert theory_context_rows(store) == pairs, "the aggregate differs from the rows' answer"
    rows_s = time.perf_counter() - began
    began = time.perf_counter()
    inputs = GapInputs(store.list_codes(), [], store.polarity_incidence(), [])
    rows, cols, _ = combination_matrix(inputs, "theory", "context")
    matrix = time.perf_counter() - began
    results.value(f"query.{name}.cold_s", cold, "s")
    results.value(f"query.{name}.cached_s", cached, "s")
    results.value(f"query.{name}.rows_s", rows_s, "s")  # the old way: every incidence row
    results.value(f"query.{name}.gaps_matrix_s", matrix, "s")
    results.note(
        f"query.{name}: {len(pairs)} theory × context pairs; gaps matrix {len(rows)} × {len(cols)}"
    )
    if source:
        store.close()
    return pairs


def bench_alpha(results: Results, units_wanted: int) -> None:
    """Agreement of coder_a and coder_b over ``units_wanted`` sentence units."""
    _, theory, context, others = benchgen.code_groups()
    units, codings, start = [], [], 0
    while len(units) < units_wanted:
        for bundle in benchgen.bundles(start, 1000, theory, context, others):
            units += [
                Unit(s.document_id, s.id, s.start, s.end)
                for s in bundle.segments
                if s.kind == "sentence"
            ]
            codings += [c for c in bundle.codings if c.coder in ("coder_a", "coder_b")]
        start += 1000
    units = units[:units_wanted]
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    began = time.perf_counter()
    matrices, _ = decisions(units, codings, ["coder_a", "coder_b"])
    build = time.perf_counter() - began
    slowest = 0.0
    for matrix in matrices.values():
        began = time.perf_counter()
        scores(matrix)
        slowest = max(slowest, time.perf_counter() - began)
    began = time.perf_counter()
    report = agreement(units, codings, ["coder_a", "coder_b"])
    whole = time.perf_counter() - began
    grown = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    per_code = build / max(1, len(matrices)) + slowest
    results.value("query.alpha.max_s_per_code", per_code, "s")
    results.value("query.alpha.all_codes_s", whole, "s")
    results.value("query.alpha.peak_growth_mb", grown, "MB")
    results.note(
        f"alpha: {len(units):,} units, {len(codings):,} codings by 2 coders, "
        f"{len(matrices)} codes; pooled alpha {report.pooled.alpha:.3f}"
    )


def query_command(args: argparse.Namespace, results: Results) -> None:
    with tempfile.TemporaryDirectory(prefix="bench-query-") as tmp:
        path = str(Path(tmp) / "query.db")
        pairs = bench_backend(results, "embedded", lambda: open_store(path), args.documents)
        if "neo4j" in args.backends:
            server = Neo4jServer()
            probe = server.open()
            if probe is None:
                results.note(f"query: Neo4j at {server.settings.uri} unreachable, skipped")
            else:
                probe.close()
                size = min(args.neo4j_documents, args.documents)
                if size < args.documents:  # a smaller source of its own, and its answer
                    path = str(Path(tmp) / "small.db")
                    pairs = bench_backend(results, "embedded_small", lambda: open_store(path), size)
                try:
                    same = bench_backend(
                        results, "neo4j", lambda: open_store(server.settings), size, source=path
                    )
                    assert same == pairs, "the backends disagree on co-occurrence"
                finally:
                    server.stop()
    bench_alpha(results, args.units)


def add_parsers(sub: argparse._SubParsersAction) -> None:
    """The ``query`` subcommand."""
    query = sub.add_parser("query", help="co-occurrence (cold, cached) and Krippendorff alpha")
    query.add_argument("--documents", type=int, default=100_000)
    query.add_argument("--units", type=int, default=100_000)
    query.add_argument(
        "--neo4j-documents",
        type=int,
        default=100_000,
        help="documents in the Neo4j store (a copy of a generated embedded one)",
    )
    query.add_argument("--backends", default="embedded,neo4j")
    query.set_defaults(run=query_command)


QUICK = {"query": ["--documents", "1000", "--units", "10000"]}
