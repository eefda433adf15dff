"""``search``: full-text search latency on N generated documents (ported from the single-file
scripts/bench): the generation time includes keeping the full-text index; then
``search_segments`` (median of 5) for a two-character Chinese query every document matches,
longer Chinese and English ones, a word fragment, a selective one (one added document), one
with no hit and a filtered one; ``value search.<name>_ms``. ``--store`` keeps (and reuses)
the generated store."""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path
from statistics import median

from bench_common import Results
from benchgen_fixed import make_bundles

from kgreview.store import open_store

QUERIES = {
    "zh2_every_doc": ("增能", {}),
    "zh5_every_doc": ("半结构式访谈", {}),
    "en_word_every_doc": ("community", {}),
    "en_fragment": ("trengths-bas", {}),
    "selective_one_doc": ("社区韧性", {}),
    "no_hit": ("抗逆力理论", {}),
    "zh2_filtered": ("增能", {"year_from": 2020, "year_to": 2022, "doc_types": ["thesis"]}),
    "zh2_page_20": ("增能", {"offset": 1000}),
}


def search_command(args: argparse.Namespace, results: Results) -> None:
    from kgreview.model import Document
    from kgreview.pipeline import build_bundle

    with tempfile.TemporaryDirectory(prefix="bench-search-") as tmp:
        store = open_store(args.store or str(Path(tmp) / "search.db"))
        if store.stats()["documents"] < args.documents:
            began = time.perf_counter()
            from kgreview.tagging import load_tagger

            codes = load_tagger().codebook.to_codes()
            store.upsert_codes(codes)
            for start in range(0, args.documents, 1000):
                count = min(1000, args.documents - start)
                store.upsert_bundles(make_bundles(start, count, [c.id for c in codes]))
            seconds = time.perf_counter() - began
            store.upsert_bundles([build_bundle(Document(
                "doc:bench-unique", "抗逆力", "抗逆力视角下的社区韧性建设研究。", lang="zh",
                doc_type="article", year=2024))])  # fmt: skip
            results.value("search.generate_docs_per_s", args.documents / seconds, "docs/s")
        results.note(f"search: store {store.stats()}")
        for name, (query, filters) in QUERIES.items():
            times, hits = [], []
            for _ in range(5):
                began = time.perf_counter()
                hits = store.search_segments(query, **filters)
                times.append(time.perf_counter() - began)
            results.value(f"search.{name}_ms", median(times) * 1000, "ms")
            results.note(f"search.{name}: {query!r}, {len(hits)} hits on the page")
        store.close()


def add_parsers(sub: argparse._SubParsersAction) -> None:
    """The ``search`` subcommand."""
    search = sub.add_parser("search", help="full-text search latency on N generated documents")
    search.add_argument("--documents", type=int, default=10_000)
    search.add_argument("--store", help="keep the generated embedded store here (reused)")
    search.set_defaults(run=search_command)


QUICK = {"search": ["--documents", "500"]}
