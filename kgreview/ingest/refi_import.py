"""Writing a REFI-QDA project into a store: codes, coders, sources as documents (segments,
turns, participants), manual codings and memos — what ``kgreview ingest x.qdpx`` does."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime
from pathlib import Path

from kgreview import ids
from kgreview.ingest.refi_qda import (
    ImportReport,
    codings_of,
    in_segments,
    memos_of,
    participants_of,
    project_records,
    source_document,
)  # fmt: skip
from kgreview.store.base import GraphStore

PROJECT_FORMATS = {"qdpx", "qdc"}
DEFAULT_MAX_ENTRY_BYTES = 50 * 1024 * 1024


def import_project(
    path: Path,
    store: GraphStore,
    *,
    annotate=None,
    tag_key: str = "",
    file_hash: str = "",
    max_entry_bytes: int = DEFAULT_MAX_ENTRY_BYTES,
) -> ImportReport:
    """Import one ``.qdpx``/``.qde``/``.qdc`` file; raises ReaderError for a refused file."""
    from kgreview.pipeline import build_bundle  # the pipeline imports this module lazily

    path = Path(path)
    project, mapping = project_records(path, store, max_entry_bytes)
    report = ImportReport()
    codes = mapping.codes(project)
    if codes:
        store.upsert_codes(codes)
    coders = list(mapping.coder.values())
    if coders:
        store.upsert_coders(coders)
    report.codes, report.coders = len(codes), len(coders)
    now = datetime.now(UTC).isoformat(timespec="seconds")
    doc_ids: dict[str, str] = {}
    targets = {("code", g): cid for g, cid in mapping.code.items()}
    work = []
    for source in project.sources:
        if source.text is None:
            report.failures.append(f"{source.name}: {source.problem}; source skipped")
            continue
        doc = source_document(path, project, source, mapping)
        stored = store.get_document(doc.id)
        if stored is not None and stored.text != doc.text:
            report.failures.append(f"{source.name}: the store's {doc.id} has another text; "
                                   "imported as a document of its own")  # fmt: skip
            doc, stored = dataclasses.replace(doc, id=f"doc:{ids.digest('exact', doc.text)}"), None
        doc = dataclasses.replace(doc, file_hash=file_hash, tag_key=tag_key, ingested_at=now)
        doc_ids[source.guid] = targets[("source", source.guid)] = doc.id
        work.append((source, doc, stored))
    cases = participants_of(project, doc_ids)
    for source, doc, stored in work:
        bundle = None if stored else build_bundle(doc, annotate)
        segments = bundle.segments if bundle else tuple(store.segments_of(doc.id))
        found = codings_of(source, doc, mapping, report)
        codings = [c for _, _, c in found]
        if not mapping.meta:  # our own export names each coding's segment; others do not
            codings = in_segments(codings, segments)
        for (coding_guid, selection_guid, _), coding in zip(found, codings, strict=True):
            targets[("coding", coding_guid)] = coding.id
            targets.setdefault(("selection", selection_guid), coding.id)
        for sel in source.selections:  # a note on an uncoded selection: on its segment
            held = [s for s in segments if s.start <= sel.start and 0 <= sel.end <= s.end]
            if ("selection", sel.guid) not in targets and held:
                targets[("selection", sel.guid)] = min(held, key=lambda s: s.end - s.start).id
        if bundle is None:
            store.add_codings(codings)
        else:
            people = {p.id: p for p in bundle.participants}
            people.update({p.id: p for p in cases.get(doc.id, ())})
            store.upsert_bundles([dataclasses.replace(
                bundle, codings=bundle.codings + tuple(codings), participants=tuple(people.values())
            )])  # fmt: skip
            report.participants += len(people)
        report.sources += 1
        report.codings += len(codings)
    memos = memos_of(project, mapping, targets)
    if memos:
        store.add_memos(memos)
    report.memos = len(memos)
    return report


def ingest_project(path: Path, store: GraphStore, report, *, annotate, tag_key: str,
                   file_hash: str, options=None) -> None:  # fmt: skip
    """The ``kgreview ingest`` route for project files: counts and one line per problem."""
    from kgreview.pipeline import Failure

    limit = max(getattr(options, "max_text_bytes", 0) or 0, DEFAULT_MAX_ENTRY_BYTES)
    found = import_project(path, store, annotate=annotate, tag_key=tag_key,
                           file_hash=file_hash, max_entry_bytes=limit)  # fmt: skip
    report.records += found.sources
    report.documents += found.sources
    report.failures.extend(Failure(str(path), line) for line in found.failures)
