"""``ingest``: a generated Web of Science export (or a mixed corpus) ingested into a fresh
embedded store by a child process; records/s, peak RSS of the process tree, and with
``--compare-workers`` the same file with one tagging process as the floor of the ratio."""

from __future__ import annotations

import argparse
import multiprocessing
import resource
import tempfile
import time
from pathlib import Path

import benchgen
import benchgen_files
from bench_common import Results, TreeRss


def _cpu(usage: resource.struct_rusage) -> float:
    return usage.ru_utime + usage.ru_stime


def _ingest_child(
    paths: list[str], uri: str, password: str, tag: bool, workers: int, batch: int, queue
) -> None:
    """Runs in a fresh process: one ``kgreview ingest`` of ``paths`` into ``uri``."""
    from kgreview.config import StoreSettings
    from kgreview.pipeline import ingest
    from kgreview.store import open_store
    from kgreview.tagging import load_tagger

    store = open_store(StoreSettings(uri=uri, password=password) if "://" in uri else uri)
    tagger = load_tagger() if tag else None
    if tagger:
        store.upsert_codes(tagger.codebook.to_codes())
    # CPU of the ingest alone: imports and loading the tagger are not the writer's work.
    own0, workers0 = (
        resource.getrusage(resource.RUSAGE_SELF),
        resource.getrusage(resource.RUSAGE_CHILDREN),
    )
    started = time.perf_counter()
    report = ingest(
        paths,
        store,
        annotate=tagger.tag if tagger else None,
        tag_key=tagger.key if tagger else "",
        batch_size=batch,
        workers=workers,
    )
    seconds = time.perf_counter() - started
    own, workers_used = (
        resource.getrusage(resource.RUSAGE_SELF),
        resource.getrusage(resource.RUSAGE_CHILDREN),
    )
    stats = store.stats()
    store.close()
    queue.put(
        {
            "records": report.records,
            "documents": report.documents,
            "failures": len(report.failures),
            "unchanged_files": report.unchanged_files,
            "seconds": seconds,
            "cpu_main": _cpu(own) - _cpu(own0),
            "cpu_workers": _cpu(workers_used) - _cpu(workers0),
            "stats": stats,
            "first_failure": report.failures[0].line() if report.failures else "",
        }
    )


def run_ingest(
    paths: list[Path],
    uri: str,
    *,
    tag: bool = True,
    workers: int = 1,
    password: str = "",
    batch: int = 500,
) -> dict:
    """Ingest in a fresh process (its own imports, caches and peak); the child's figures plus
    ``peak_mb``, the largest summed RSS of it and its workers, and ``wall`` seconds."""
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    child = context.Process(
        target=_ingest_child,
        args=([str(p) for p in paths], uri, password, tag, workers, batch, queue),
    )
    began = time.perf_counter()
    child.start()
    sampler = TreeRss(child.pid)
    figures = queue.get()
    child.join()
    figures["peak_mb"] = sampler.stop()
    figures["wall"] = time.perf_counter() - began
    if figures["failures"]:
        print(f"  {figures['failures']} failures, first: {figures['first_failure']}")
    return figures


def ingest_command(args: argparse.Namespace, results: Results) -> None:
    with tempfile.TemporaryDirectory(prefix="bench-ingest-") as tmp:
        if args.mixed:
            path = Path(tmp) / "corpus"
            benchgen_files.write_mixed(path, args.records)
        else:
            path = Path(tmp) / "savedrecs.txt"
            benchgen_files.write_wos(path, benchgen.records(args.records, zh_share=0.0))
        size_mb = sum(p.stat().st_size for p in [path, *path.rglob("*")] if p.is_file()) / 1e6
        run = run_ingest(
            [path],
            str(Path(tmp) / "bench.db"),
            tag=args.tag,
            workers=args.workers,
            batch=args.batch,
        )
        one = None
        if args.compare_workers:
            one = run_ingest(
                [path], str(Path(tmp) / "one.db"), tag=args.tag, workers=1, batch=args.batch
            )
    what = "mixed corpus" if args.mixed else "WoS records"
    results.note(
        f"ingest: {args.records:,} {what}, {size_mb:.0f} MB; read {run['records']:,}, "
        f"stored {run['documents']:,}, {run['failures']} failures, {run['seconds']:.1f} s "
        f"({'with the tagger' if args.tag else 'tagger off'}, {args.workers} workers)"
    )
    results.value("ingest.records_per_s", run["records"] / run["seconds"], "records/s")
    results.value("ingest.peak_rss_mb", run["peak_mb"], "MB")
    if one is not None:
        results.ratio(f"ingest.{args.workers}_workers_vs_1", one["seconds"] / run["seconds"])
        results.value("ingest.1_worker_records_per_s", one["records"] / one["seconds"], "records/s")
        # On a shared machine the wall-clock ratio measures the neighbours as much as us (the
        # kernel's autogroups give a session one share however many processes it runs), so
        # the CPU work is reported too: the bound it sets on an idle machine with 2 cores.
        main, workers = run["cpu_main"], run["cpu_workers"]
        bound = (one["cpu_main"] + one["cpu_workers"]) / max(main, (main + workers) / 2)
        results.value(f"ingest.{args.workers}_workers_vs_1_cpu_bound", bound, "x")
        results.value("ingest.main_process_cpu_share", main / (main + workers), "")


def add_parsers(sub: argparse._SubParsersAction) -> None:
    """The ``ingest`` subcommand."""
    ingest = sub.add_parser("ingest", help="stream a generated export into a fresh store")
    ingest.add_argument("--records", type=int, default=100_000)
    ingest.add_argument("--tag", action="store_true", help="run the tagger too")
    ingest.add_argument(
        "--mixed",
        action="store_true",
        help="WoS + CNKI + RIS files and transcripts instead of one WoS file",
    )
    ingest.add_argument("--workers", type=int, default=1, help="tagging processes")
    ingest.add_argument("--batch", type=int, default=500, help="documents per write")
    ingest.add_argument(
        "--compare-workers",
        action="store_true",
        help="also run with one worker and print the ratio",
    )
    ingest.set_defaults(run=ingest_command)


QUICK = {
    "ingest": [
        "--records",
        "2000",
        "--tag",
        "--workers",
        "2",
        "--compare-workers",
        "--batch",
        "250",
    ]
}
