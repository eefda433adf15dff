"""``store``: batched vs row-per-transaction upserts; ``copy``: kgreview copy embedded → Neo4j."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import benchgen
from bench_common import Neo4jServer, Results, children_peak_mb, timed

from kgreview import ids
from kgreview.model import Coding
from kgreview.store import GraphStore, open_store
from kgreview.store.schema import SCHEMA


def make_codings(n: int, codes: int = 300, per_document: int = 100) -> list[Coding]:
    """``n`` distinct auto codings spread over documents of ``per_document`` codings each."""
    rows = []
    for i in range(n):
        doc = f"doc:bench{i // per_document:06d}"
        code = f"bench.code{(i * 7919) % codes:03d}"
        start = (i % per_document) * 10
        rows.append(
            Coding(
                id=ids.coding_id(doc, start, start + 4, code, "tagger"),
                document_id=doc,
                segment_id=None,
                code_id=code,
                coder="tagger",
                start=start,
                end=start + 4,
                evidence="增能理论",
                polarity="uses",
            )
        )
    return rows


def bench_backend(
    results: Results, name: str, store: GraphStore, codings: list[Coding], rowwise: int, batch: int
) -> None:
    """One backend: all codings in batches, then the first ``rowwise`` one per transaction."""
    store.clear()
    # Warm the server (query plans, JIT) so neither timing pays for a cold start.
    store.add_codings(codings[:batch])
    store.add_codings(codings[:1])
    store.clear()
    batched_s = timed(
        lambda: [store.add_codings(codings[i : i + batch]) for i in range(0, len(codings), batch)]
    )
    assert store.stats()["codings"] == len(codings)
    store.clear()
    rowwise_s = timed(lambda: [store.add_codings([c]) for c in codings[:rowwise]])
    assert store.stats()["codings"] == rowwise
    store.clear()
    batched_rate, rowwise_rate = len(codings) / batched_s, rowwise / rowwise_s
    results.ratio(f"store.{name}.batched_vs_rowwise", batched_rate / rowwise_rate)
    results.value(f"store.{name}.batched_rows_per_s", batched_rate, "rows/s")
    results.value(f"store.{name}.rowwise_rows_per_s", rowwise_rate, "rows/s")


def store_command(args: argparse.Namespace, results: Results) -> None:
    codings = make_codings(args.codings)
    with tempfile.TemporaryDirectory(prefix="bench-store-") as tmp:
        embedded = open_store(str(Path(tmp) / "bench.db"))
        bench_backend(results, "embedded", embedded, codings, args.rowwise, args.batch)
        embedded.close()
    server = Neo4jServer()
    store = server.open()
    if store is None:
        results.note(f"store: Neo4j at {server.settings.uri} unreachable, skipped")
        return
    try:
        bench_backend(results, "neo4j", store, codings, args.rowwise, args.batch)
    finally:
        store.close()
        server.stop()


def copy_command(args: argparse.Namespace, results: Results) -> None:
    server = Neo4jServer()
    store = server.open()
    if store is None:
        results.note(f"copy: Neo4j at {server.settings.uri} unreachable, skipped")
        return
    try:
        store.clear()
        settings = store.settings
        store.close()
        with tempfile.TemporaryDirectory(prefix="bench-copy-") as tmp:
            path = str(Path(tmp) / "source.db")
            source = open_store(path)
            began = time.perf_counter()
            benchgen.fill_store(source, args.documents)
            counts = source.stats()
            source.close()
            results.note(
                f"copy: source of {args.documents:,} documents generated in "
                f"{time.perf_counter() - began:.0f} s: {counts}"
            )
            env = {**os.environ, "KGREVIEW_NEO4J_PASSWORD": settings.password}
            command = [
                sys.executable,
                "-c",
                "from kgreview.cli import main; main()",
                "copy",
                "--from",
                path,
                "--to",
                settings.uri,
                "--batch",
                str(args.batch),
            ]
            began = time.perf_counter()
            done = subprocess.run(command, env=env, stderr=subprocess.PIPE, text=True, check=False)
            seconds = time.perf_counter() - began
            if done.returncode:
                sys.exit(f"copy failed: {done.stderr[-2000:]}")
            target = open_store(settings)
            try:
                assert target.stats() == counts, (target.stats(), counts)
                rows = sum(target.count_nodes(label) for label in SCHEMA.content_labels())
                source = open_store(path)
                for rel in SCHEMA.relationships:
                    assert target.count_relationships(rel) == source.count_relationships(rel)
                source.close()
                target.clear()
            finally:
                target.close()
        results.value("copy.seconds", seconds, "s")
        results.value("copy.nodes_per_s", rows / seconds, "nodes/s")
        results.value("copy.peak_rss_mb", children_peak_mb(), "MB")
    finally:
        server.stop()


def add_parsers(sub: argparse._SubParsersAction) -> None:
    """The ``store`` and ``copy`` subcommands."""
    store = sub.add_parser("store", help="batched vs row-per-transaction upserts, both backends")
    store.add_argument("--codings", type=int, default=100_000)
    store.add_argument("--rowwise", type=int, default=5_000)
    store.add_argument("--batch", type=int, default=5_000)
    store.set_defaults(run=store_command)
    copy = sub.add_parser("copy", help="kgreview copy of N generated documents embedded → Neo4j")
    copy.add_argument("--documents", type=int, default=100_000)
    copy.add_argument("--batch", type=int, default=2000)
    copy.set_defaults(run=copy_command)


QUICK = {"store": ["--codings", "3000", "--rowwise", "150"], "copy": ["--documents", "200"]}
