"""The raw transfer API every backend offers (export/import pages, counts): run against both."""

from __future__ import annotations

from pathlib import Path

from kgreview.store import GraphStore, open_store
from kgreview.store.schema import SCHEMA, Label, Rel
from tests.builders import CODES, sample_bundles


def _source(tmp_path: Path) -> GraphStore:
    store = open_store(str(tmp_path / "source.db"))
    store.upsert_codes(CODES)
    store.upsert_bundles(sample_bundles())
    return store


def _all_nodes(store: GraphStore, label: str, limit: int) -> list[dict]:
    rows, after = [], None
    while page := store.export_nodes(label, after, limit):
        rows += page
        after = page[-1][SCHEMA.nodes[label].key]
    return rows


def test_export_pages_cover_every_node_once_in_key_order(store: GraphStore) -> None:
    store.upsert_codes(CODES)
    store.upsert_bundles(sample_bundles())
    rows = _all_nodes(store, Label.Segment, 5)
    ids = [row["id"] for row in rows]
    assert len(ids) == store.count_nodes(Label.Segment) == len(set(ids)) > 5
    assert ids == sorted(ids)
    assert set(rows[0]) == set(SCHEMA.nodes[Label.Segment].properties)
    edges, after = [], None
    while page := store.export_relationships(Rel.AUTHORED, after, 1):
        edges += page
        after = (page[-1]["src"], page[-1]["dst"])
    assert len(edges) == store.count_relationships(Rel.AUTHORED) == 4
    assert all(set(e) == {"src", "dst", "position"} for e in edges)


def test_import_in_reverse_order_materialises_every_link(store: GraphStore, tmp_path: Path) -> None:
    """Holders before the nodes they point at, children before parents: links still appear."""
    source = _source(tmp_path)
    try:
        for label in reversed(SCHEMA.content_labels()):
            for row in reversed(_all_nodes(source, label, 1000)):
                store.import_nodes(label, [row])  # one by one: a child before its parent
        for rel in SCHEMA.stored_relationships():
            store.import_relationships(rel.type, source.export_relationships(rel.type, None, 999))
        for label in SCHEMA.content_labels():
            assert _all_nodes(store, label, 7) == _all_nodes(source, label, 7), label
        for rel in SCHEMA.relationships:
            assert store.count_relationships(rel) == source.count_relationships(rel), rel
        assert source.count_relationships(Rel.PART_OF) > 0
        assert source.count_relationships(Rel.CHILD_OF) > 0
        assert store.stats() == source.stats()
        doc = sample_bundles()[0].document
        assert store.get_document(doc.id) == doc
        assert store.codings_for_document(doc.id) == source.codings_for_document(doc.id)
    finally:
        source.close()


def test_import_is_idempotent(store: GraphStore, tmp_path: Path) -> None:
    source = _source(tmp_path)
    try:
        for _ in range(2):
            for label in SCHEMA.content_labels():
                store.import_nodes(label, _all_nodes(source, label, 100))
            for rel in SCHEMA.stored_relationships():
                rows = source.export_relationships(rel.type, None, 100)
                store.import_relationships(rel.type, rows)
            counts = {label: store.count_nodes(label) for label in SCHEMA.content_labels()}
            edges = {rel: store.count_relationships(rel) for rel in SCHEMA.relationships}
        assert counts == {label: source.count_nodes(label) for label in SCHEMA.content_labels()}
        assert edges == {rel: source.count_relationships(rel) for rel in SCHEMA.relationships}
    finally:
        source.close()


def test_edges_to_missing_nodes_are_neither_counted_nor_exported(store: GraphStore) -> None:
    store.upsert_codes(CODES)
    store.upsert_bundles(sample_bundles())
    store.import_relationships(Rel.CONCERNS, [{"src": "gap:missing", "dst": CODES[0].id}])
    assert store.count_relationships(Rel.CONCERNS) == 0
    assert store.export_relationships(Rel.CONCERNS, None, 10) == []
