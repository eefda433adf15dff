"""Writing one batch of document bundles into Neo4j, in one transaction.

A document the database has never seen owns nothing yet: its nodes (the document, its
segments, participants, gaps and codings) and the relationships it owns cannot exist, so they
are CREATEd, and the per-document deletes of stale parts are skipped. That is the online bulk
path of a first ingest: MERGE's lookup-then-lock and the deletes cost the server about as much
as the inserts (a 3k-document profile: 40 % of server time). Documents already stored take the
MERGE path, which replaces their stale parts. ``neo4j-admin database import`` would be faster
still, but it needs the server stopped and its files on this machine; a team's server is
neither.
"""

from __future__ import annotations

from typing import Any

import neo4j

from kgreview.store import neo4j_cypher as cy
from kgreview.store.neo4j_review import delete_owned_source_rels
from kgreview.store.neo4j_search import refresh_search_text
from kgreview.store.rows import BUNDLE_RELATIONSHIPS, OWNED_SOURCE_RELATIONSHIPS, WriteBatch
from kgreview.store.schema import SCHEMA, Label

Tx = neo4j.ManagedTransaction
Rows = list[dict[str, Any]]
# Nodes a document owns (their ``document_id`` names it): new with a new document.
OWNED_LABELS = (Label.Segment, Label.Participant, Label.Gap, Label.Coding)


def write_nodes(tx: Tx, nodes: dict[str, Rows], fresh: frozenset[str] = frozenset()) -> None:
    """Upsert node rows and the links their properties hold; rows whose id is in ``fresh``
    (nodes of documents new to the store) are created, with their links."""
    split = {label: _split(rows, fresh) for label, rows in nodes.items()}
    for label, (new, old) in split.items():
        spec = SCHEMA.nodes[label]
        if new:
            tx.run(cy.create_nodes(spec), rows=new).consume()
        if old:
            tx.run(cy.upsert_nodes(spec), rows=old).consume()
    # Links after all nodes, so a link to a node written later in the batch is found.
    for label, parts in split.items():
        for link in SCHEMA.links_held_by(label):
            prop = link.stored_as[1] if link.stored_as else ""
            for create, rows in zip((True, False), parts, strict=True):
                # Only the two ids travel again, and only where the link exists.
                pairs = [{"id": r["id"], "to": r[prop]} for r in rows if r.get(prop) is not None]
                if pairs:
                    tx.run(cy.link_from_property(link, create=create), pairs=pairs).consume()
    refresh_search_text(tx, nodes)  # sentences' search_text, same transaction


def write_batch(tx: Tx, batch: WriteBatch, create: bool = True) -> None:
    """One batch of bundles: stale parts of stored documents removed, everything upserted;
    without ``create`` every document takes the replacing path."""
    ids = [keep.id for keep in batch.documents]
    stored = {row[0] for row in tx.run(cy.STORED_DOCUMENTS, ids=ids)} if create else set(ids)
    new_documents = {i for i in ids if i not in stored}
    old = [keep for keep in batch.documents if keep.id in stored]
    if old:
        _delete_stale(tx, old)
    fresh = set(new_documents)
    for label in OWNED_LABELS:
        rows = batch.nodes.get(label, ())
        fresh.update(r["id"] for r in rows if r.get("document_id") in new_documents)
    frozen = frozenset(fresh)
    write_nodes(tx, batch.nodes, frozen)
    for rel, rows in batch.relationships.items():
        spec = SCHEMA.relationships[rel]
        if rel in BUNDLE_RELATIONSHIPS:
            end = "dst" if spec.target == Label.Document else "src"
        elif rel in OWNED_SOURCE_RELATIONSHIPS:
            end = "src"
        else:  # not owned by a document (WROTE, AFFILIATED): always merged
            tx.run(cy.upsert_relationships(spec), rows=rows).consume()
            continue
        new = _last_per_pair([r for r in rows if r[end] in frozen])
        if new:
            tx.run(cy.upsert_relationships(spec, create=True), rows=new).consume()
        merged = [r for r in rows if r[end] not in frozen]
        if merged:
            tx.run(cy.upsert_relationships(spec), rows=merged).consume()


def _delete_stale(tx: Tx, documents: list) -> None:
    ids = [keep.id for keep in documents]
    for rel in OWNED_SOURCE_RELATIONSHIPS:
        spec = SCHEMA.relationships[rel]
        tx.run(delete_owned_source_rels(spec.source, spec.type), ids=ids).consume()
    for label in (Label.Segment, Label.Participant, Label.Gap):
        docs = [{"id": k.id, "keep": k.owned_ids.get(label, [])} for k in documents]
        tx.run(cy.delete_stale_owned(label), docs=docs).consume()
    docs = [{"id": k.id, "keep": k.auto_coding_ids} for k in documents]
    tx.run(cy.DELETE_STALE_AUTO_CODINGS, docs=docs).consume()
    for rel in BUNDLE_RELATIONSHIPS:
        tx.run(cy.delete_document_relationships(SCHEMA.relationships[rel]), ids=ids).consume()


def _split(rows: Rows, fresh: frozenset[str]) -> tuple[Rows, Rows]:
    if not fresh:
        return [], rows
    new = [r for r in rows if r["id"] in fresh]
    return new, ([r for r in rows if r["id"] not in fresh] if len(new) < len(rows) else [])


def _last_per_pair(rows: Rows) -> Rows:
    # MERGE made one edge per pair, the last row's properties winning; CREATE must too.
    return list({(r["src"], r["dst"]): r for r in rows}.values())
