"""SQL for the raw transfer API of the embedded store (export pages, counts), from graph.yaml."""

from __future__ import annotations

from kgreview.store.embedded_sql import q, rel_table
from kgreview.store.schema import NodeSpec, RelSpec


def export_nodes(spec: NodeSpec, after: bool) -> str:
    cols = ", ".join(q(c) for c in spec.properties)
    where = f"WHERE {q(spec.key)} > ? " if after else ""
    return f"SELECT {cols} FROM {q(spec.label)} {where}ORDER BY {q(spec.key)} LIMIT ?"


def _edge_join(rel: RelSpec) -> str:
    # Only edges whose two ends exist, as in Neo4j, where an edge cannot dangle.
    return (
        f"FROM {rel_table(rel.type)} r JOIN {q(rel.source)} a ON a.id = r.src "
        f"JOIN {q(rel.target)} b ON b.id = r.dst"
    )


def export_relationships(rel: RelSpec, after: bool) -> str:
    cols = "".join(f", r.{q(p)}" for p in rel.properties)
    where = "WHERE (r.src, r.dst) > (?, ?) " if after else ""
    return f"SELECT r.src, r.dst{cols} {_edge_join(rel)} {where}ORDER BY r.src, r.dst LIMIT ?"


def count_relationships(rel: RelSpec) -> str:
    if rel.stored_as is None:
        return f"SELECT count(*) {_edge_join(rel)}"
    holder, prop = rel.stored_as
    other = rel.target if holder == rel.source else rel.source
    return f"SELECT count(*) FROM {q(holder)} h JOIN {q(other)} o ON o.id = h.{q(prop)}"
