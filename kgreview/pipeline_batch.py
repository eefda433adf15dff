"""Batches of documents on their way into a store: deduplicated while pending, tagged at flush
(in worker processes when asked: tagging is the slow part of an ingest), written in one
transaction per batch, a failed batch retried one document at a time."""

from __future__ import annotations

import contextlib
import copyreg
import gc
import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from multiprocessing.pool import AsyncResult
from typing import TYPE_CHECKING

from kgreview.ingest.dedup import MatchIndex
from kgreview.model import Document, DocumentBundle, SegmentKind
from kgreview.store.base import GraphStore, StoreWriteError
from kgreview.store.rows import PreparedBundle, WriteBatch, prepare

if TYPE_CHECKING:
    from kgreview.pipeline import IngestReport

Builder = Callable[[Document], DocumentBundle]
Built = DocumentBundle | WriteBatch | str  # a bundle, a worker's rows of one, or why not
# Below this many documents a flush tags in-process: a pool round trip would cost more.
MIN_PARALLEL = 16
WORKER_NICENESS = 10
_WORKER_BUILD: Builder | None = None  # set before the pool forks; workers inherit it


@contextmanager
def frozen_heap() -> Iterator[None]:
    """Around a fork: the parent's objects stay out of the children's garbage collections,
    which would write to every object's header and so copy most of the inherited heap."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def _build_safely(build: Builder, document: Document) -> DocumentBundle | str:
    """The bundle, or one line saying why this document could not be tagged."""
    try:
        return build(document)
    except Exception as exc:  # one document's surprise must not sink its batch
        return f"not tagged: {type(exc).__name__}: {' '.join(str(exc).split())}"


def _plain_kind(kind: SegmentKind) -> tuple[type[str], tuple[str]]:
    return str, (kind.value,)


def _init_worker() -> None:
    """In a tagging worker only: segment kinds travel back as plain strings (equal to the
    enum members); unpickling an enum member per segment was a third of the parent's cost
    of receiving a batch, and the parent only writes them."""
    copyreg.pickle(SegmentKind, _plain_kind)
    # The writer is the critical path (about half of all the work, and it cannot be split):
    # at equal priority two taggers and the writer share two cores three ways and the writer
    # runs at two thirds of a core. Nicer taggers still get every cycle it leaves idle.
    with contextlib.suppress(OSError):
        os.nice(WORKER_NICENESS)


def _build_in_worker(document: Document) -> WriteBatch | str:
    """The bundle as rows: building them here, in parallel, takes the largest share of the
    writer's work off it, and rows travel back cheaper than the objects they came from (the
    document itself does not travel back: the writer holds it already)."""
    assert _WORKER_BUILD is not None
    built = _build_safely(_WORKER_BUILD, document)
    if isinstance(built, str):
        return built
    try:
        return prepare(built).rows or WriteBatch({}, {}, [])
    except Exception as exc:  # as in _build_safely: one document's surprise, one line
        return f"not stored: {type(exc).__name__}: {' '.join(str(exc).split())}"


class BatchWriter:
    """Pending documents by id; a later copy of a pending document replaces it (it was
    merged with it). ``flush`` tags and writes them.

    With worker processes a flushed batch is tagged asynchronously while the caller reads
    the next one; finished batches are written in the order they were flushed (a later copy
    of a paper is always written after the earlier one), at most ``window`` batches are in
    flight, and ``inflight`` holds their documents so duplicates still find them."""

    def __init__(self, store: GraphStore, size: int, report: IngestReport, build: Builder,
                 workers: int = 1) -> None:  # fmt: skip
        self.store, self.size, self.report, self.build = store, size, report, build
        self.pending: dict[str, Document] = {}
        self.inflight: dict[str, Document] = {}
        self.workers = max(1, workers)
        self.window = max(2, self.workers)
        self._queue: deque[tuple[list[Document], AsyncResult]] = deque()
        self._pool: multiprocessing.pool.Pool | None = None

    def add(self, document: Document) -> None:
        self.pending[document.id] = document
        if len(self.pending) >= self.size:
            self.flush()
        elif self._queue and self._queue[0][1].ready():
            self._drain(1)  # write what the workers finished, while they tag the rest

    def _start_pool(self) -> multiprocessing.pool.Pool:
        if self._pool is None:
            global _WORKER_BUILD
            _WORKER_BUILD = self.build
            # fork: workers start with the tagger the parent already built (no reload).
            with frozen_heap():
                self._pool = multiprocessing.get_context("fork").Pool(self.workers, _init_worker)
        return self._pool

    def flush(self) -> None:
        documents, self.pending = list(self.pending.values()), {}
        if not documents:
            return
        if self.workers == 1 or len(documents) < MIN_PARALLEL:
            self._drain()  # earlier batches first: write order is flush order
            self._store(documents, [_build_safely(self.build, d) for d in documents])
            return
        chunk = max(1, len(documents) // (self.workers * 4))
        tagged = self._start_pool().map_async(_build_in_worker, documents, chunksize=chunk)
        self._queue.append((documents, tagged))
        self.inflight.update((d.id, d) for d in documents)
        while len(self._queue) > self.window:
            self._drain(1)

    def _drain(self, batches: int | None = None) -> None:
        """Write the oldest ``batches`` in-flight batches (all when None), waiting for them."""
        while self._queue and (batches is None or batches > 0):
            documents, tagged = self._queue.popleft()
            built = tagged.get()
            for document in documents:
                if self.inflight.get(document.id) is document:
                    del self.inflight[document.id]
            self._store(documents, built)
            if batches is not None:
                batches -= 1

    def _store(self, documents: list[Document], built: list[Built]) -> None:
        bundles: list[DocumentBundle] = []
        for document, bundle in zip(documents, built, strict=True):
            if isinstance(bundle, str):
                self._fail(document, bundle)
            elif isinstance(bundle, WriteBatch):  # a worker's rows, for the document we hold
                bundles.append(PreparedBundle(document, rows=bundle))
            else:
                bundles.append(bundle)
        if bundles:
            self._write(bundles)

    def close(self) -> None:
        """Flush what is pending, write every batch in flight and stop the workers."""
        try:
            self.flush()
            self._drain()
        finally:
            if self._pool is not None:
                self._pool.close()
                self._pool.join()
                self._pool = None

    def _fail(self, document: Document, why: str) -> None:
        from kgreview.pipeline import Failure

        self.report.failures.append(Failure(f"{document.source} [{document.title[:60]}]", why))

    def _write(self, batch: list[DocumentBundle]) -> None:
        try:
            self.store.upsert_bundles(batch)
            self.report.documents += len(batch)
        except StoreWriteError as exc:
            if len(batch) > 1:
                for bundle in batch:
                    self._write([bundle])
                return
            self._fail(batch[0].document, f"not stored (rolled back): {exc}")


class Deduplicator:
    """Finds the earlier copy of each incoming paper (pending, stored or written this run)."""

    def __init__(self, store: GraphStore, writer: BatchWriter) -> None:
        self.store, self.writer = store, writer
        self.prints = store.fingerprints()
        self.index = MatchIndex()
        for fingerprint in self.prints.values():
            self.index.add(fingerprint.document_id, fingerprint.match_keys)
        self.written: set[str] = set(self.prints)

    def earlier(self, document: Document) -> tuple[Document | None, bool]:
        """(the earlier copy, whether it is the stored one) for ``document``, if any."""
        target = self.index.find(document.match_keys) or document.id
        if target in self.writer.pending:
            return self.writer.pending[target], False
        if target in self.writer.inflight:  # being tagged: as good as written this run
            return self.writer.inflight[target], True
        if target in self.written:
            return self.store.get_document(target), True
        return None, False

    def remember(self, document: Document) -> None:
        self.index.add(document.id, document.match_keys)
        self.written.add(document.id)
