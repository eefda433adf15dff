"""``e2e``: what a user waits for with a large corpus, on a generated mixed corpus of N
documents (WoS + CNKI NoteExpress + RIS exports and transcripts, benchgen_files.write_mixed).

- ingest+tag+store into a fresh embedded store (a child process like ``kgreview ingest``,
  2 tagging workers): seconds and the peak summed RSS of the child and its workers;
- the same into Neo4j (``--backends``; the server's own memory is not counted);
- re-ingest of the unchanged corpus against the first ingest (the file-hash skip);
- bulk path (a batch of new documents into an empty store: inserts only) against
  incremental upserts (the same batch again: each document's old parts replaced), per backend;
- a codebook edit (one synonym added) → ``retag`` on the ingested store, with how many
  documents were re-tagged and how many kept their auto codings.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

import benchgen
import benchgen_files
import yaml
from bench_common import Neo4jServer, Results
from bench_ingest import run_ingest

from kgreview.store import GraphStore, open_store


def bulk_vs_incremental(results: Results, name: str, store: GraphStore, documents: int) -> None:
    """The same generated bundles written into an empty store, then again over themselves."""
    store.clear()
    codes, theory, context, others = benchgen.code_groups()
    store.upsert_codes(codes)
    batches = [benchgen.bundles(k, min(500, documents - k), theory, context, others)
               for k in range(0, documents, 500)]  # fmt: skip
    store.upsert_bundles(batches[0][:50])  # warm the server's query plans, then start empty
    store.clear()
    store.upsert_codes(codes)
    began = time.perf_counter()
    for batch in batches:
        store.upsert_bundles(batch)
    bulk = time.perf_counter() - began
    began = time.perf_counter()
    for batch in batches:
        store.upsert_bundles(batch)
    incremental = time.perf_counter() - began
    store.clear()
    results.ratio(f"e2e.{name}.bulk_vs_incremental", incremental / bulk)
    results.value(f"e2e.{name}.bulk_docs_per_s", documents / bulk, "docs/s")
    results.value(f"e2e.{name}.incremental_docs_per_s", documents / incremental, "docs/s")


def codebook_edit(folder: Path):
    """The default codebook with one English synonym added to the building-leader code."""
    from kgreview.nlp.codebook import default_codebook_path, load_codebook
    from kgreview.nlp.cues import load_cues
    from kgreview.nlp.tagger import Tagger

    data = yaml.safe_load(default_codebook_path().read_text(encoding="utf-8"))
    code = next(c for c in data["codes"] if c["label"]["zh"] == "楼栋长")
    code.setdefault("synonyms", {}).setdefault("en", []).append("building representative")
    path = folder / "edited.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return Tagger(load_codebook(path), load_cues())


def bench_retag(results: Results, store_path: str, folder: Path) -> None:
    """``retag`` after a synonym edit, on the store the first ingest filled."""
    from kgreview.pipeline import retag
    from kgreview.retagging import keep_setup, split_stale
    from kgreview.tagging import load_tagger

    keep_setup(load_tagger())  # what `kgreview ingest` keeps after an ingest
    new = codebook_edit(folder)
    store = open_store(store_path)
    store.upsert_codes(new.codebook.to_codes())
    began = time.perf_counter()
    stale = store.documents_with_other_tag_key(new.key)
    todo, current, _ = split_stale(stale, new)
    planned = time.perf_counter() - began
    began = time.perf_counter()
    count = retag(store, new.tag, new.key, tagger=new)
    seconds = time.perf_counter() - began
    assert count == len(stale) and not store.documents_with_other_tag_key(new.key)
    store.close()
    results.value("retag.seconds", seconds, "s")
    results.value("retag.plan_seconds", planned, "s")
    results.note(f"retag: {len(stale):,} documents; {len(todo):,} re-tagged, {len(current):,} "
                 f"kept their auto codings")  # fmt: skip


def e2e_command(args: argparse.Namespace, results: Results) -> None:
    with tempfile.TemporaryDirectory(prefix="bench-e2e-") as tmp:
        folder = Path(tmp)
        os.environ["KGREVIEW_CACHE_DIR"] = str(folder / "cache")  # kept setups: ours only
        corpus = folder / "corpus"
        counts = benchgen_files.write_mixed(corpus, args.documents)
        size = sum(p.stat().st_size for p in corpus.rglob("*") if p.is_file()) / 1e6
        results.note(f"e2e: {args.documents:,} documents {counts}, {size:.0f} MB")
        db = str(folder / "e2e.db")
        first = run_ingest([corpus], db, workers=args.workers)
        results.value("e2e.embedded.seconds", first["wall"], "s")
        results.value("e2e.embedded.docs_per_s", first["documents"] / first["seconds"], "docs/s")
        results.value("e2e.embedded.peak_rss_mb", first["peak_mb"], "MB")
        # CPU seconds: what the run costs on an idle machine, whatever the neighbours did.
        results.value("e2e.embedded.cpu_writer_s", first["cpu_main"], "s")
        results.value("e2e.embedded.cpu_workers_s", first["cpu_workers"], "s")
        again = run_ingest([corpus], db, workers=args.workers)
        assert again["documents"] == 0, again
        results.ratio("e2e.reingest_vs_first", again["seconds"] / first["seconds"])
        results.note(f"e2e: stored {first['stats']}; re-ingest {again['seconds']:.2f} s "
                     f"({again['unchanged_files']} unchanged files)")  # fmt: skip
        bench_retag(results, db, folder)
        bulk_store = open_store(str(folder / "bulk.db"))
        bulk_vs_incremental(results, "embedded", bulk_store, args.bulk)
        bulk_store.close()
        if "neo4j" in args.backends:
            server = Neo4jServer()
            store = server.open()
            if store is None:
                results.note(f"e2e: Neo4j at {server.settings.uri} unreachable, skipped")
                return
            try:
                store.clear()
                settings = store.settings
                store.close()
                part = corpus if args.neo4j_documents >= args.documents else folder / "part"
                if part != corpus:
                    benchgen_files.write_mixed(part, args.neo4j_documents)
                run = run_ingest([part], settings.uri, workers=args.workers,
                                 password=settings.password)  # fmt: skip
                results.value("e2e.neo4j.seconds", run["wall"], "s")
                results.value("e2e.neo4j.docs_per_s", run["documents"] / run["seconds"], "docs/s")
                results.note(f"e2e.neo4j: {run['documents']:,} documents")
                store = open_store(settings)
                bulk_vs_incremental(results, "neo4j", store, min(args.bulk, 2000))
                store.close()
            finally:
                server.stop()


def add_parsers(sub: argparse._SubParsersAction) -> None:
    """The ``e2e`` subcommand."""
    e2e = sub.add_parser("e2e", help="ingest+tag+store, re-ingest, bulk vs incremental, re-tag")
    e2e.add_argument("--documents", type=int, default=100_000)
    e2e.add_argument(
        "--neo4j-documents",
        type=int,
        default=100_000,
        help="documents for the Neo4j ingest (a generated corpus of its own)",
    )
    e2e.add_argument("--bulk", type=int, default=10_000, help="documents for bulk vs upserts")
    e2e.add_argument("--workers", type=int, default=2)
    e2e.add_argument("--backends", default="embedded,neo4j")
    e2e.set_defaults(run=e2e_command)


QUICK = {"e2e": ["--documents", "500", "--neo4j-documents", "200", "--bulk", "300"]}
