"""Files → documents → segments (→ codings) → store, in batches, skipping unchanged files."""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from kgreview import ids
from kgreview.ingest import ReaderError, readers
from kgreview.ingest.detect import IGNORED_SUFFIXES, detect_format
from kgreview.model import Author, Document, DocumentBundle, Segment
from kgreview.nlp.segment import segment_text
from kgreview.nlp.tagger import TagResult
from kgreview.store.base import GraphStore, StoreWriteError
from kgreview.store.rows import review_batch

# What the tagger derives from a document and its segments: codings and case sites.
Annotator = Callable[[Document, Sequence[Segment]], TagResult]
Progress = Callable[[Path], None]


@dataclass(frozen=True, slots=True)
class Failure:
    where: str  # file, or file + record
    reason: str

    def line(self) -> str:
        return f"{self.where}: {self.reason}"


@dataclass(slots=True)
class IngestReport:
    files: int = 0
    documents: int = 0
    unchanged_files: int = 0
    unchanged_documents: int = 0
    failures: list[Failure] = field(default_factory=list)


def iter_files(paths: Iterable[str | Path], failures: list[Failure]) -> Iterator[Path]:
    """Files named, and files under folders named (recursively, hidden ones skipped)."""
    for raw in paths:
        path = Path(raw)
        if path.is_file():
            yield path
        elif path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    child = Path(root, name)
                    if not name.startswith(".") and child.suffix.lower() not in IGNORED_SUFFIXES:
                        yield child
        else:
            failures.append(Failure(str(path), "no such file or folder"))


def read_documents(path: Path, data: bytes) -> Iterator[Document]:
    """Every document in one file, via the reader its content and name call for."""
    fmt = detect_format(path, data[:4096])
    if fmt is None:
        raise ReaderError(f"unsupported file type {path.suffix or '(none)'}")
    yield from readers()[fmt](path, data)


def build_bundle(document: Document, annotate: Annotator | None = None) -> DocumentBundle:
    segments = tuple(segment_text(document.id, document.text))
    authors = tuple(
        Author(ids.author_id(name), name) for name in document.meta.get("authors") or ()
    )
    if annotate is None:
        return DocumentBundle(document=document, segments=segments, authors=authors)
    result = annotate(document, segments)
    return DocumentBundle(
        document=document, segments=segments, codings=result.codings, sites=result.sites,
        authors=authors, gaps=result.review.gaps, gap_codes=result.review.gap_codes,
        attributions=result.review.attributions,
    )  # fmt: skip


class _BatchWriter:
    """Buffers bundles; a batch that fails is retried one document at a time."""

    def __init__(self, store: GraphStore, size: int, report: IngestReport) -> None:
        self.store, self.size, self.report = store, size, report
        self.buffer: list[DocumentBundle] = []

    def add(self, bundle: DocumentBundle) -> None:
        self.buffer.append(bundle)
        if len(self.buffer) >= self.size:
            self.flush()

    def flush(self) -> None:
        batch, self.buffer = self.buffer, []
        if batch:
            self._write(batch)

    def _write(self, batch: list[DocumentBundle]) -> None:
        try:
            self.store.upsert_bundles(batch)
            self.report.documents += len(batch)
        except StoreWriteError as exc:
            if len(batch) > 1:
                for bundle in batch:
                    self._write([bundle])
                return
            doc = batch[0].document
            self.report.failures.append(
                Failure(f"{doc.source} [{doc.title[:60]}]", f"not stored (rolled back): {exc}")
            )


def ingest(
    paths: Iterable[str | Path],
    store: GraphStore,
    *,
    annotate: Annotator | None = None,
    tag_key: str = "",
    batch_size: int = 200,
    progress: Progress | None = None,
) -> IngestReport:
    """Read, segment (and annotate) every file, writing to ``store`` in batches.

    ``tag_key`` names the codebook, cues and tagger version in use. A file whose bytes and tag
    key match what the store holds is skipped unread; a document whose text and tag key match
    is not re-tagged.
    Bad files and records are reported in ``IngestReport.failures``; the rest still goes in.
    """
    report = IngestReport()
    prints = store.fingerprints()
    known = {(f.file_hash, f.tag_key) for f in prints.values()}
    writer = _BatchWriter(store, batch_size, report)
    now = datetime.now(UTC).isoformat(timespec="seconds")
    for path in iter_files(paths, report.failures):
        report.files += 1
        try:
            data = path.read_bytes()
            digest = ids.file_hash(data)
            if (digest, tag_key) in known:
                report.unchanged_files += 1
                continue
            for document in read_documents(path, data):
                seen = prints.get(document.id)
                if seen and (seen.text_hash, seen.tag_key) == (document.text_hash, tag_key):
                    report.unchanged_documents += 1
                    continue  # same text, same codebook: never re-tag it
                stamped = dataclasses.replace(
                    document, file_hash=digest, tag_key=tag_key, ingested_at=now
                )
                writer.add(build_bundle(stamped, annotate))
        except (ReaderError, OSError) as exc:
            report.failures.append(Failure(str(path), str(exc) or type(exc).__name__))
        finally:
            if progress:
                progress(path)
    writer.flush()
    return report


def retag(
    store: GraphStore, annotate: Annotator, tag_key: str, progress: Progress | None = None
) -> int:
    """Re-tag stored documents tagged under another tag key; manual codings stay untouched.

    One transaction per document, so an interrupted run leaves every document either wholly
    re-tagged or wholly as it was, and running it again finishes the job.
    """
    stale = store.documents_with_other_tag_key(tag_key)
    for document in stale:
        segments = segment_text(document.id, document.text)
        result = annotate(document, segments)
        found = result.review
        review = review_batch(found.gaps, found.gap_codes, found.attributions)
        store.replace_auto_codings(document.id, result.codings, tag_key=tag_key, review=review)
        if progress:
            progress(Path(document.source or document.id))
    return len(stale)
