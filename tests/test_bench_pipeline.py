"""Ingest with tagging workers overlaps reading, tagging and writing; the result must be
exactly the one-process result, also when copies of one paper land in different batches
(some still being tagged when the next copy is read)."""

from __future__ import annotations

from pathlib import Path

from kgreview import pipeline_batch
from kgreview.pipeline import ingest
from kgreview.store import open_store
from kgreview.tagging import load_tagger
from tests.conftest import REPO


def _run(tmp_path: Path, workers: int, monkeypatch) -> tuple:
    monkeypatch.setattr(pipeline_batch, "MIN_PARALLEL", 1)  # tiny batches still go to workers
    tagger = load_tagger()
    store = open_store(str(tmp_path / f"w{workers}.db"))
    store.upsert_codes(tagger.codebook.to_codes())
    report = ingest([REPO / "corpus" / "exports", REPO / "corpus" / "abstracts"], store,
                    annotate=tagger.tag, tag_key=tagger.key, batch_size=3,
                    workers=workers)  # fmt: skip
    documents = {}
    for doc_id in sorted(store.fingerprints()):
        document = store.get_document(doc_id)
        codings = sorted((c.id, c.polarity) for c in store.codings_for_document(doc_id))
        documents[doc_id] = (document.title, document.text, document.meta.get("authors"),
                             len(document.meta.get("provenance", [])), codings)  # fmt: skip
    counts = (report.documents, report.records, report.merged, report.unchanged_documents)
    result = (store.stats(), documents, counts, [f.line() for f in report.failures])
    store.close()
    return result


def test_overlapped_workers_store_exactly_what_one_process_does(tmp_path, monkeypatch) -> None:
    one = _run(tmp_path, 1, monkeypatch)
    two = _run(tmp_path, 2, monkeypatch)
    assert one[2][2] > 0, "the sample exports hold copies of one paper: some must merge"
    assert one == two
