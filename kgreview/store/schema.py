"""The graph schema read from ``schemas/graph.yaml``: labels, relationship types, keys, indexes.

Both stores build their tables/constraints from this, and code names labels through the
``Label``/``Rel`` enums made here, so no label or type string is written twice.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from pathlib import Path

import yaml

from kgreview.config import schemas_dir

PROPERTY_TYPES = {"str", "int", "float", "bool", "json"}
_IDENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


@dataclass(frozen=True, slots=True)
class NodeSpec:
    label: str
    key: str
    properties: dict[str, str]
    indexes: tuple[str, ...]
    # Store bookkeeping (schema version, migrations, a copy's resume point): not graph content.
    bookkeeping: bool = False


@dataclass(frozen=True, slots=True)
class RelSpec:
    type: str
    source: str
    target: str
    # (label, property) when a property of one end determines the relationship.
    stored_as: tuple[str, str] | None
    ensure_target: bool
    properties: dict[str, str]

    @property
    def holder_is_source(self) -> bool:
        return self.stored_as is not None and self.stored_as[0] == self.source


@dataclass(frozen=True, slots=True)
class GraphSchema:
    version: int
    nodes: dict[str, NodeSpec]
    relationships: dict[str, RelSpec]

    def links_held_by(self, label: str) -> list[RelSpec]:
        """Relationships materialised from a property of ``label``'s nodes."""
        return [r for r in self.relationships.values() if r.stored_as and r.stored_as[0] == label]

    def content_labels(self) -> list[str]:
        """Labels holding the graph itself, in declaration order (bookkeeping left out)."""
        return [label for label, spec in self.nodes.items() if not spec.bookkeeping]

    def stored_relationships(self) -> list[RelSpec]:
        return [r for r in self.relationships.values() if r.stored_as is None]


class SchemaError(ValueError):
    pass


def _ident(name: str, where: str) -> str:
    # Labels and property names are spliced into Cypher/SQL; only identifiers are allowed.
    if not _IDENT.match(str(name)):
        raise SchemaError(f"graph.yaml: {where}: {name!r} is not a plain identifier")
    return str(name)


def parse_schema(data: dict) -> GraphSchema:
    nodes: dict[str, NodeSpec] = {}
    for label, spec in (data.get("nodes") or {}).items():
        props = {_ident(k, label): str(v) for k, v in (spec.get("properties") or {}).items()}
        bad = {k: v for k, v in props.items() if v not in PROPERTY_TYPES}
        if bad:
            raise SchemaError(f"graph.yaml: {label}: unknown property types {bad}")
        key = spec.get("key", "id")
        if key not in props:
            raise SchemaError(f"graph.yaml: {label}: key {key!r} is not a property")
        indexes = tuple(spec.get("indexes") or ())
        for index in indexes:
            if index not in props:
                raise SchemaError(f"graph.yaml: {label}: index on unknown property {index!r}")
        bookkeeping = bool(spec.get("bookkeeping"))
        nodes[_ident(label, "label")] = NodeSpec(label, key, props, indexes, bookkeeping)
    rels: dict[str, RelSpec] = {}
    for rtype, spec in (data.get("relationships") or {}).items():
        source, target = spec["from"], spec["to"]
        for end in (source, target):
            if end not in nodes:
                raise SchemaError(f"graph.yaml: {rtype}: unknown label {end!r}")
        stored_as = None
        if spec.get("stored_as"):
            holder, prop = str(spec["stored_as"]).split(".", 1)
            if holder not in (source, target) or prop not in nodes[holder].properties:
                raise SchemaError(f"graph.yaml: {rtype}: bad stored_as {spec['stored_as']!r}")
            stored_as = (holder, prop)
        props = {_ident(k, rtype): str(v) for k, v in (spec.get("properties") or {}).items()}
        rels[_ident(rtype, "relationship")] = RelSpec(
            rtype, source, target, stored_as, bool(spec.get("ensure_target")), props
        )
    return GraphSchema(int(data.get("schema_version", 1)), nodes, rels)


@cache
def load_schema(path: Path | None = None) -> GraphSchema:
    path = path or schemas_dir() / "graph.yaml"
    with open(path, encoding="utf-8") as handle:
        return parse_schema(yaml.safe_load(handle))


SCHEMA = load_schema()
# Attribute access (Label.Document) fails loudly on a typo, unlike a string.
Label = StrEnum("Label", {name: name for name in SCHEMA.nodes})
Rel = StrEnum("Rel", {name: name for name in SCHEMA.relationships})
