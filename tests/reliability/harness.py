"""What the crash, fault, concurrency and idempotence tests share: the CLI as a child
process, a whole-document check through the store protocol, and a content fingerprint."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from kgreview.model import Origin
from kgreview.nlp.tagger import Tagger
from kgreview.pipeline import build_bundle
from kgreview.store import GraphStore
from kgreview.store.schema import SCHEMA
from kgreview.transfer.verify import document_digests

# When a document was written differs between an interrupted and an uninterrupted run.
VOLATILE = frozenset({"ingested_at"})


def command(*args: str) -> list[str]:
    """``kgreview ARGS`` as this interpreter runs it (the tree on PYTHONPATH)."""
    return [sys.executable, "-c", "from kgreview.cli import main; main()", *args]


def kgreview(*args: str, env: dict | None = None, timeout: float = 300):
    """Run the CLI to the end; stdout and stderr as text."""
    return subprocess.run(command(*args), capture_output=True, text=True, timeout=timeout,
                          env={**os.environ, **(env or {})})  # fmt: skip


def start(*args: str, env: dict | None = None, log: Path | None = None) -> subprocess.Popen:
    """Start the CLI in a process group of its own (so a kill reaches its tagging workers)."""
    out = log.open("w") if log else subprocess.DEVNULL
    return subprocess.Popen(command(*args), stdout=subprocess.DEVNULL, stderr=out,
                            start_new_session=True, env={**os.environ, **(env or {})})  # fmt: skip


def kill(proc: subprocess.Popen) -> int | None:
    """SIGKILL the process group; the exit status if it had already ended by itself."""
    ended = proc.poll()
    if ended is None:
        with contextlib.suppress(ProcessLookupError):  # it ended just now
            os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(timeout=60)
    return ended


def wait_until(condition: Callable[[], bool], proc: subprocess.Popen, limit: float) -> bool:
    """Poll ``condition`` until it holds (True) or the process ends or time runs out."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            if condition():
                return True
        except Exception:  # the store may not exist yet, or be busy opening
            pass
        time.sleep(0.02)
    return False


def fingerprint(store: GraphStore) -> tuple[dict[str, int], str]:
    """(counts per label and relationship type, one hash over every document's content).

    The hash is verify's per-document hash (properties, segments, codings of every coder,
    participants, gaps, edges) without the write time; so two stores with equal
    fingerprints hold the same graph.
    """
    counts = {label: store.count_nodes(label) for label in SCHEMA.content_labels()}
    counts.update({rel: store.count_relationships(rel) for rel in SCHEMA.relationships})
    digests = document_digests(store, skip=VOLATILE)
    text = json.dumps(sorted(digests.items()), sort_keys=True)
    return counts, hashlib.sha256(text.encode()).hexdigest()


def broken_documents(store: GraphStore, tagger: Tagger) -> list[str]:
    """Every stored document that is not whole, one line each.

    Whole means: its segments, auto codings, authors, supervisors, keywords, participants and cited
    references are exactly those the pipeline builds from the stored document (so a
    document written without its codings, or with half its segments, is caught).
    """
    problems = []
    for summary in store.document_summaries():
        doc_id = summary.id
        document = store.get_document(doc_id)
        assert document is not None
        bundle = build_bundle(document, tagger.tag)
        codings = store.codings_for_document(doc_id)
        found = {
            "segments": (
                {s.id for s in store.segments_of(doc_id)},
                {s.id for s in bundle.segments},
            ),
            "auto codings": (
                {c.id for c in codings if c.origin == Origin.AUTO.value},
                {c.id for c in bundle.codings},
            ),
            "authors": (store.authors_of(doc_id), [a.name for a in bundle.authors]),
            "supervisors": (store.supervisors_of(doc_id), [a.name for a in bundle.supervisors]),
            "keywords": (store.keywords_of(doc_id), sorted({k.term for k in bundle.keywords})),
            "participants": (
                {p.id for p in store.participants_of(doc_id)},
                {p.id for p in bundle.participants},
            ),
            "references": (
                {r for _, r, _ in store.references_of(doc_id)},
                {r.id for r in bundle.references},
            ),
        }
        for what, (stored, expected) in found.items():
            if stored != expected:
                problems.append(f"{doc_id}: {what}: {len(stored)} stored, {len(expected)} built")
        if document.tag_key != tagger.key:
            problems.append(f"{doc_id}: tag key {document.tag_key!r}")
    return problems
