"""Batches of documents on their way into a store: deduplicated while pending, tagged at flush
(in worker processes when asked: tagging is the slow part of an ingest), written in one
transaction per batch, a failed batch retried one document at a time."""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable
from typing import TYPE_CHECKING

from kgreview.ingest.dedup import MatchIndex
from kgreview.model import Document, DocumentBundle
from kgreview.store.base import GraphStore, StoreWriteError

if TYPE_CHECKING:
    from kgreview.pipeline import IngestReport

Builder = Callable[[Document], DocumentBundle]
# Below this many documents a flush tags in-process: a pool round trip would cost more.
MIN_PARALLEL = 16
_WORKER_BUILD: Builder | None = None  # set before the pool forks; workers inherit it


def _build_safely(build: Builder, document: Document) -> DocumentBundle | str:
    """The bundle, or one line saying why this document could not be tagged."""
    try:
        return build(document)
    except Exception as exc:  # one document's surprise must not sink its batch
        return f"not tagged: {type(exc).__name__}: {' '.join(str(exc).split())}"


def _build_in_worker(document: Document) -> DocumentBundle | str:
    assert _WORKER_BUILD is not None
    return _build_safely(_WORKER_BUILD, document)


class BatchWriter:
    """Pending documents by id; a later copy of a pending document replaces it (it was
    merged with it). ``flush`` tags and writes them."""

    def __init__(self, store: GraphStore, size: int, report: IngestReport, build: Builder,
                 workers: int = 1) -> None:  # fmt: skip
        self.store, self.size, self.report, self.build = store, size, report, build
        self.pending: dict[str, Document] = {}
        self.workers = max(1, workers)
        self._pool: multiprocessing.pool.Pool | None = None

    def add(self, document: Document) -> None:
        self.pending[document.id] = document
        if len(self.pending) >= self.size:
            self.flush()

    def _bundles(self, documents: list[Document]) -> list[DocumentBundle | str]:
        if self.workers == 1 or len(documents) < MIN_PARALLEL:
            return [_build_safely(self.build, d) for d in documents]
        if self._pool is None:
            global _WORKER_BUILD
            _WORKER_BUILD = self.build
            # fork: workers start with the tagger the parent already built (no reload).
            self._pool = multiprocessing.get_context("fork").Pool(self.workers)
        chunk = max(1, len(documents) // (self.workers * 4))
        return self._pool.map(_build_in_worker, documents, chunksize=chunk)

    def flush(self) -> None:
        documents, self.pending = list(self.pending.values()), {}
        if not documents:
            return
        bundles = []
        for document, built in zip(documents, self._bundles(documents), strict=True):
            if isinstance(built, str):
                self._fail(document, built)
            else:
                bundles.append(built)
        if bundles:
            self._write(bundles)

    def close(self) -> None:
        """Flush what is pending and stop the workers."""
        try:
            self.flush()
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
        if target in self.written:
            return self.store.get_document(target), True
        return None, False

    def remember(self, document: Document) -> None:
        self.index.add(document.id, document.match_keys)
        self.written.add(document.id)
