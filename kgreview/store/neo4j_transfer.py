"""The raw transfer API of the Neo4j store (copy, backup, restore, verify), as a mixin."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from kgreview.store import neo4j_cypher as cy
from kgreview.store.rows import full_row, rel_properties
from kgreview.store.schema import SCHEMA, NodeSpec, RelSpec


def export_nodes(spec: NodeSpec, after: bool) -> str:
    props = ", ".join(f".{p}" for p in spec.properties)
    where = f"WHERE n.{spec.key} > $after " if after else ""
    return f"MATCH (n:{spec.label}) {where}RETURN n {{{props}}} ORDER BY n.{spec.key} LIMIT $limit"


def export_relationships(rel: RelSpec, after: bool) -> str:
    props = "".join(f", {p}: r.{p}" for p in rel.properties)
    where = "WHERE a.id > $src OR (a.id = $src AND b.id > $dst) " if after else ""
    return (
        f"MATCH (a:{rel.source})-[r:{rel.type}]->(b:{rel.target}) {where}"
        f"WITH a.id AS src, b.id AS dst, r ORDER BY src, dst LIMIT $limit "
        f"RETURN {{src: src, dst: dst{props}}}"
    )


def link_to_imported(rel: RelSpec) -> str:
    """Materialise a stored_as link from nodes already there to nodes just imported (a
    segment whose parent arrives after it, a code whose parent sorts later)."""
    assert rel.stored_as is not None
    holder, prop = rel.stored_as
    other = _other_end(rel)
    pattern = "(h)-[:{t}]->(o)" if holder == rel.source else "(o)-[:{t}]->(h)"
    return (
        f"UNWIND $ids AS id MATCH (o:{other} {{id: id}}) MATCH (h:{holder} {{{prop}: id}}) "
        f"MERGE {pattern.format(t=rel.type)}"
    )


def _other_end(rel: RelSpec) -> str | None:
    """The end of a stored_as link that does not hold the property (None: a stored edge)."""
    if rel.stored_as is None:
        return None
    return rel.target if rel.stored_as[0] == rel.source else rel.source


def count_relationships(rel: RelSpec) -> str:
    return f"MATCH (:{rel.source})-[r:{rel.type}]->(:{rel.target}) RETURN count(r)"


class Neo4jTransfer:
    def _rows(self, query: str, **params: Any) -> list[list[Any]]:
        raise NotImplementedError

    def _write(self, work: Callable[[Any], None]) -> None:
        raise NotImplementedError

    @staticmethod
    def _write_nodes(tx: Any, nodes: dict[str, list[dict]]) -> None:
        raise NotImplementedError

    def export_nodes(self, label: str, after: str | None, limit: int) -> list[dict[str, Any]]:
        spec = SCHEMA.nodes[label]
        rows = self._rows(export_nodes(spec, after is not None), after=after, limit=limit)
        return [full_row(spec.properties, row[0]) for row in rows]

    def export_relationships(
        self, rel_type: str, after: tuple[str, str] | None, limit: int
    ) -> list[dict[str, Any]]:
        spec = SCHEMA.relationships[rel_type]
        src, dst = after or (None, None)
        query = export_relationships(spec, after is not None)
        rows = self._rows(query, src=src, dst=dst, limit=limit)
        return [full_row(rel_properties(spec), row[0]) for row in rows]

    def import_nodes(self, label: str, rows: Sequence[dict[str, Any]]) -> None:
        spec = SCHEMA.nodes[label]
        shaped = [full_row(spec.properties, row) for row in rows]
        ids = [row[spec.key] for row in shaped]
        incoming = [r for r in SCHEMA.relationships.values() if _other_end(r) == label]

        def work(tx: Any) -> None:
            self._write_nodes(tx, {label: shaped})
            for rel in incoming:
                tx.run(link_to_imported(rel), ids=ids).consume()

        self._write(work)

    def import_relationships(self, rel_type: str, rows: Sequence[dict[str, Any]]) -> None:
        spec = SCHEMA.relationships[rel_type]
        shaped = [full_row(rel_properties(spec), row) for row in rows]
        self._write(lambda tx: tx.run(cy.upsert_relationships(spec), rows=shaped).consume())

    def count_nodes(self, label: str) -> int:
        return self._rows(cy.count(SCHEMA.nodes[label].label))[0][0]

    def count_relationships(self, rel_type: str) -> int:
        return self._rows(count_relationships(SCHEMA.relationships[rel_type]))[0][0]
