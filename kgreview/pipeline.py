"""Files → documents → segments (→ codings) → store, in batches, skipping unchanged files."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from kgreview import ids
from kgreview.analysis.citations import link_cited_documents
from kgreview.ingest import ReaderError, ReadOptions, RecordFailure
from kgreview.ingest.dedup import merge, same_content
from kgreview.ingest.refi_import import ingest_project
from kgreview.model import (
    Author,
    Document,
    DocumentBundle,
    Institution,
    Keyword,
    Segment,
)
from kgreview.nlp.review import references_from_record
from kgreview.nlp.tagger import Tagger, TagResult
from kgreview.nlp.turns import document_segments
from kgreview.pipeline_batch import Deduplicator
from kgreview.pipeline_read import Failure, FileFailed, FileRead, ReaderProcess, local_files
from kgreview.pipeline_read import iter_files as iter_files  # re-exported: commands use them
from kgreview.pipeline_read import read_documents as read_documents
from kgreview.pipeline_resume import PartialFiles, ResumableWriter
from kgreview.retagging import keep_setup, split_stale
from kgreview.store.base import GraphStore, StoreUnavailable
from kgreview.store.rows import review_batch

# What the tagger derives from a document and its segments: codings and case sites.
Annotator = Callable[[Document, Sequence[Segment]], TagResult]
Progress = Callable[[Path], None]


@dataclass(slots=True)
class IngestReport:
    files: int = 0
    documents: int = 0
    records: int = 0  # documents read (before merging and skipping unchanged ones)
    merged: int = 0  # records that joined an earlier copy of the same paper
    unchanged_files: int = 0
    unchanged_documents: int = 0
    cited_in_corpus: int = 0  # SAME_AS links: cited works that are documents of the corpus
    failures: list[Failure] = field(default_factory=list)

    def summary(self) -> str:
        """The closing line `kgreview ingest` prints (the app shows the same)."""
        return (
            f"{self.documents} documents written from {self.files} files "
            f"({self.unchanged_files} unchanged, {len(self.failures)} failed; "
            f"{self.records} records read, {self.merged} merged into an earlier copy, "
            f"{self.unchanged_documents} documents unchanged)"
        )


def build_bundle(document: Document, annotate: Annotator | None = None) -> DocumentBundle:
    """A document with its segments, people, keywords and cited references (and codings)."""
    found, speakers = document_segments(document)  # a transcript: turns and participants
    segments, meta = tuple(found), document.meta

    def people(key: str) -> tuple[Author, ...]:
        return tuple(Author(ids.author_id(name), name) for name in meta.get(key) or ())

    parts = {
        "authors": people("authors"),
        "supervisors": people("supervisors"),  # SUPERVISED, never AUTHORED
        "keywords": tuple(Keyword(ids.keyword_id(k), k) for k in meta.get("keywords") or ()),
        "affiliations": tuple(
            (ids.author_id(name), Institution(ids.institution_id(place), place))
            for name, place in meta.get("affiliated") or ()
        ),
        "references": references_from_record(meta.get("references") or ()),
        "participants": tuple(speakers),
    }
    if annotate is None:
        return DocumentBundle(document=document, segments=segments, **parts)
    result = annotate(document, segments)
    if result.review.references or result.review.policies:
        # The text's own list, parsed, wins over raw record strings.
        parts["references"] = result.review.references
        parts["policies"] = result.review.policies
    segments += result.review.entries
    return DocumentBundle(
        document=document, segments=segments, codings=result.codings, sites=result.sites,
        gaps=result.review.gaps, gap_codes=result.review.gap_codes,
        attributions=result.review.attributions, **parts,
    )  # fmt: skip


def ingest(
    paths: Iterable[str | Path],
    store: GraphStore,
    *,
    annotate: Annotator | None = None,
    tag_key: str = "",
    batch_size: int = 200,
    progress: Progress | None = None,
    options: ReadOptions | None = None,
    debug: bool = False,
    workers: int = 1,
) -> IngestReport:
    """Read, segment (and annotate) every file, writing to ``store`` in batches.

    ``tag_key`` names the codebook, cues and tagger version in use. A file whose bytes and tag
    key match what the store holds is skipped unread; a document that is already stored as
    it is (same text, metadata and tag key) is not written or re-tagged again. A copy of a
    paper already read (from this or another file or format) is merged into it.
    Bad files and records are reported in ``IngestReport.failures`` (one line each); the
    rest still goes in. ``options`` pass reader settings (``--columns``, the text limit);
    ``debug`` lets an unexpected error in a reader propagate with its traceback.
    ``workers`` > 1 tags each batch in that many processes (the tagging is the slow part),
    and files are hashed and parsed in one more process ahead of this one
    (:mod:`kgreview.pipeline_read`), which then only deduplicates and writes.
    """
    report = IngestReport()
    partial = PartialFiles(store)
    writer = ResumableWriter(store, batch_size, report, lambda d: build_bundle(d, annotate),
                             workers, partial=partial)  # fmt: skip
    dedup = Deduplicator(store, writer)
    # A file a killed ingest wrote only part of is read again, never skipped as unchanged.
    known = {(f.file_hash, f.tag_key) for f in dedup.prints.values()} - {
        (h, tag_key) for h in partial.listed
    }
    now = datetime.now(UTC).isoformat(timespec="seconds")
    run = _Run(known, tag_key, now, store, partial, annotate, options, debug, progress)
    skip = {digest for digest, key in known if key == tag_key}
    files = (
        ReaderProcess(paths, report.failures, options, skip)
        if workers > 1 and not debug  # one process (or a traceback to show): read here
        else local_files(paths, report.failures, options)
    )
    try:
        for found in files:
            _ingest_file(found, run, writer, dedup, report)
    finally:
        if isinstance(files, ReaderProcess):
            files.close()
    writer.close()
    if report.documents or partial.interrupted:  # after a kill, the links may be missing
        report.cited_in_corpus = link_cited_documents(store)
    partial.finish()
    return report


@dataclass(frozen=True, slots=True)
class _Run:
    """What every file of one ingest is read against."""

    known: set[tuple[str, str]]  # (file hash, tag key) of files skipped as unchanged
    tag_key: str
    now: str
    store: GraphStore
    partial: PartialFiles
    annotate: Annotator | None
    options: ReadOptions | None
    debug: bool
    progress: Progress | None


def _ingest_file(found: FileRead, run: _Run, writer: ResumableWriter, dedup: Deduplicator,
                 report: IngestReport) -> None:  # fmt: skip
    """One file: skipped if unchanged, else its documents deduplicated and handed to
    ``writer``; a bad file or record becomes a failure line and the ingest goes on."""
    path, tag_key, now = found.path, run.tag_key, run.now
    report.files += 1
    try:
        digest = found.digest()
        if (digest, tag_key) in run.known:
            report.unchanged_files += 1
            return
        writer.start_file(digest)
        if found.project():
            run.partial.cut(digest)  # a project is written in several transactions
            ingest_project(path, run.store, report, annotate=run.annotate, tag_key=tag_key,
                           file_hash=digest, options=run.options)  # fmt: skip
            return
        for item in found.items():
            if isinstance(item, RecordFailure):
                where, why = f"{path}:{item.line}", f"record {item.record}: {item.reason}"
                report.failures.append(Failure(where, why))
                continue
            report.records += 1
            document = dataclasses.replace(item, file_hash=digest, tag_key=tag_key, ingested_at=now)
            earlier, stored = dedup.earlier(document)
            if earlier is not None:
                merged = merge(earlier, document)
                if stored and earlier.tag_key == tag_key and same_content(merged, earlier):
                    report.unchanged_documents += 1
                    continue  # nothing new, same codebook: never re-tag it
                report.merged += 1
                document = dataclasses.replace(
                    merged, file_hash=digest, tag_key=tag_key, ingested_at=now
                )
            dedup.remember(document)
            writer.add(document)
    except StoreUnavailable:
        raise  # the store went away: stop here; running the same command again resumes
    except FileFailed as exc:  # read in the reader process: its failure line, as it is
        report.failures.append(Failure(exc.where, exc.reason))
    except ReaderError as exc:
        where = f"{path}:{exc.line}" if exc.line else str(path)
        report.failures.append(Failure(where, str(exc)))
    except OSError as exc:
        report.failures.append(Failure(str(path), str(exc) or type(exc).__name__))
    except Exception as exc:  # a library's surprise in one file must not stop the batch
        if run.debug:
            raise
        why = f"unexpected {type(exc).__name__}: {exc} (--debug shows the traceback)"
        report.failures.append(Failure(str(path), " ".join(why.split())))
    finally:
        writer.end_file()
        if run.progress:
            run.progress(path)


def retag(
    store: GraphStore,
    annotate: Annotator,
    tag_key: str,
    progress: Progress | None = None,
    tagger: Tagger | None = None,
) -> int:
    """Re-tag stored documents tagged under another tag key; manual codings stay untouched.

    One transaction per re-tagged document, so an interrupted run leaves every document
    either wholly re-tagged or wholly as it was, and running it again finishes the job.
    With ``tagger`` (whose ``tag`` is ``annotate``), a codebook edit that changed only terms
    re-tags only the documents where a changed term occurs; the others keep their auto
    codings and get the new tag key (:mod:`kgreview.retagging`). Returns the documents
    brought up to date.
    """
    stale = store.documents_with_other_tag_key(tag_key)
    todo = stale
    if tagger is not None and stale:
        todo, current, _ = split_stale(stale, tagger)
        for k in range(0, len(current), 10_000):
            store.set_tag_key([d.id for d in current[k : k + 10_000]], tag_key)
    for document in todo:
        segments, _ = document_segments(document)
        result = annotate(document, segments)
        found = result.review
        review = review_batch(found.gaps, found.gap_codes, found.attributions)
        store.replace_auto_codings(document.id, result.codings, tag_key=tag_key, review=review)
        if progress:
            progress(Path(document.source or document.id))
    if tagger is not None:
        keep_setup(tagger)  # the next edit can be diffed against this one
    return len(stale)
