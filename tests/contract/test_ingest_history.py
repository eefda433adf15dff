"""Contract: what was ingested when — documents grouped by the run that wrote them."""

from __future__ import annotations

import dataclasses

from kgreview.store import GraphStore
from tests.builders import CODES, bundle, document


def _stamped(text: str, at: str, source: str):
    doc = dataclasses.replace(document(text), ingested_at=at, source=source)
    return bundle(doc)


def test_ingest_history_groups_documents_by_run_newest_first(store: GraphStore) -> None:
    store.upsert_codes(CODES)
    assert store.ingest_history() == []
    store.upsert_bundles([
        _stamped("第一篇。", "2024-01-01T10:00:00+00:00", "a/first.ris"),
        _stamped("第二篇。", "2024-01-01T10:00:00+00:00", "a/first.ris"),
        _stamped("第三篇。", "2024-01-01T10:00:00+00:00", "b/second.net"),
    ])  # fmt: skip
    store.upsert_bundles([_stamped("第四篇。", "2024-03-05T08:30:00+00:00", "c/later.txt")])
    assert store.ingest_history() == [
        ("2024-03-05T08:30:00+00:00", 1, ("c/later.txt",)),
        ("2024-01-01T10:00:00+00:00", 3, ("a/first.ris", "b/second.net")),
    ]
