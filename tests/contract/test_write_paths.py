"""A document new to the store and one stored already take different write paths (Neo4j
creates a new document's parts without lookups): both must leave the same graph."""

from __future__ import annotations

import dataclasses

import pytest

from kgreview.store import GraphStore
from kgreview.store import neo4j_cypher as cypher
from kgreview.store.schema import SCHEMA
from tests.builders import CODES, TEXT_C, bundle, coding, document, sample_bundles


def graph_counts(store: GraphStore) -> dict[str, int]:
    counts = {label: store.count_nodes(label) for label in SCHEMA.nodes}
    counts.update({rel: store.count_relationships(rel) for rel in SCHEMA.relationships})
    return counts


def repeated_byline() -> object:
    """A new document listing one author twice and citing one reference twice."""
    doc = document(TEXT_C + "另一份。", year=2023)
    return bundle(
        doc,
        (coding(doc, "增能理论", "theory.empowerment"),),
        authors=("赵六", "钱七", "赵六"),
        references=("[1] 王某. 增能理论研究[J]. 社会, 2020.",) * 2,
        sites=("K社区", "K社区"),
    )


def test_mixed_batch_of_new_and_stored_documents(store: GraphStore) -> None:
    store.upsert_codes(CODES)
    first, second, _ = sample_bundles()
    store.upsert_bundles([first, second])
    trimmed = dataclasses.replace(first, segments=first.segments[:2], codings=(), authors=())
    new = repeated_byline()
    store.upsert_bundles([trimmed, new])
    counts = graph_counts(store)
    assert store.count_nodes("Segment") == 2 + len(second.segments) + len(new.segments)
    assert store.codings_for_document(first.document.id) == []
    assert store.authors_of(first.document.id) == []
    # One edge per pair, as a repeated upsert would make: the later byline position wins.
    assert store.authors_of(new.document.id) == ["钱七", "赵六"]
    assert store.count_relationships("CITES") == 2  # first's and new's: the repeat is one
    assert store.count_relationships("STUDIES") == 2  # H社区 (first) and K社区 once
    store.upsert_bundles([trimmed, new])  # now both stored: the replacing path
    assert graph_counts(store) == counts


def test_first_write_and_rewrite_leave_the_same_graph(store: GraphStore) -> None:
    store.upsert_codes(CODES)
    bundles = [*sample_bundles(), repeated_byline()]
    store.upsert_bundles(bundles)
    created = graph_counts(store)
    assert created["HAS_SEGMENT"] == sum(len(b.segments) for b in bundles)
    assert created["HAS_CODING"] == created["Coding"] == sum(len(b.codings) for b in bundles)
    store.upsert_bundles(bundles)
    assert graph_counts(store) == created


@pytest.mark.neo4j
def test_neo4j_document_stored_meanwhile_is_replaced_not_duplicated(
    store_factory, monkeypatch
) -> None:
    """Another writer stores a document between our look and our insert: the CREATE fails on
    the uniqueness constraint and the batch is written again on the replacing path."""
    store = store_factory("neo4j")
    store.upsert_codes(CODES)
    bundles = sample_bundles()
    store.upsert_bundles(bundles)
    before = graph_counts(store)
    # Our look finds nothing stored, as if the other writer committed right after it.
    monkeypatch.setattr(
        cypher, "STORED_DOCUMENTS", "UNWIND $ids AS id WITH id WHERE false RETURN id"
    )
    store.upsert_bundles(bundles)
    assert graph_counts(store) == before
