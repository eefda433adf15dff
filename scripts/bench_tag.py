"""``tag``: the full tagger's MB/s against jieba.lcut and a bare ahocorasick-rs scan of the
codebook terms over the same generated zh+en corpus, and 2 worker processes against 1."""

from __future__ import annotations

import argparse
import multiprocessing

import benchgen
from bench_common import Results, timed

_WORKER_TAGGER = None


def _tag_chunk(texts: list[str]) -> int:
    """Codings found by the full pipeline (segments, tagger) over ``texts``."""
    global _WORKER_TAGGER
    from kgreview.model import Document
    from kgreview.pipeline import build_bundle
    from kgreview.tagging import load_tagger

    if _WORKER_TAGGER is None:
        _WORKER_TAGGER = load_tagger()
    found = 0
    for n, text in enumerate(texts):
        doc = Document(id=f"doc:{n}", title=text[:40], text=text)
        found += len(build_bundle(doc, _WORKER_TAGGER.tag).codings)
    return found


def tag_command(args: argparse.Namespace, results: Results) -> None:
    import jieba

    from kgreview.nlp.normalize import normalise
    from kgreview.tagging import load_tagger

    documents = benchgen.corpus_mb(args.mb)
    mb = sum(len(d.encode("utf-8")) for d in documents) / 1_000_000
    tagger = load_tagger()
    jieba.initialize()
    _tag_chunk(documents[:50])  # warm caches in this process, as a long-running CLI would
    found = [0]
    full_s = timed(lambda: found.__setitem__(0, _tag_chunk(documents)))
    jieba_s = timed(lambda: [jieba.lcut(d) for d in documents])
    scan_s = timed(lambda: [tagger.automaton.find_matches_as_indexes(d.lower()) for d in documents])
    normalise_s = timed(lambda: [normalise(d) for d in documents])
    size = max(20, len(documents) // 8)
    chunks = [documents[k : k + size] for k in range(0, len(documents), size)]
    with multiprocessing.get_context("fork").Pool(2) as pool:
        pool.map(_tag_chunk, [documents[:50], documents[:50]])  # start and warm both workers
        two_s = timed(lambda: pool.map(_tag_chunk, chunks, chunksize=1))
    rate = mb / full_s
    results.note(f"tag: {len(documents):,} documents, {mb:.1f} MB (zh+en, from corpus/)")
    results.ratio("tag.full_vs_jieba_lcut", rate / (mb / jieba_s))
    results.ratio("tag.full_vs_bare_automaton", rate / (mb / scan_s))
    results.ratio("tag.two_workers_vs_one", full_s / two_s)
    results.value("tag.full_mb_per_s", rate, "MB/s")
    results.value("tag.jieba_lcut_mb_per_s", mb / jieba_s, "MB/s")
    results.value("tag.bare_automaton_mb_per_s", mb / scan_s, "MB/s")
    results.value("tag.normalise_mb_per_s", mb / normalise_s, "MB/s")
    # The corpus is drawn from corpus/ (texts written to exercise the codebook): denser in codes
    # than real abstracts (the seeds: 3–10 per KB), and the per-coding work dominates.
    results.value("tag.codings_per_kb", found[0] / (mb * 1000), "codings/KB")


def add_parsers(sub: argparse._SubParsersAction) -> None:
    """The ``tag`` subcommand."""
    tag = sub.add_parser("tag", help="full tagger vs jieba and a bare automaton scan")
    tag.add_argument("--mb", type=float, default=50.0)
    tag.set_defaults(run=tag_command)


QUICK = {"tag": ["--mb", "1"]}
