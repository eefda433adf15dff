"""What a copy reads from: a store, or a backup file — the same steps, in pages with a cursor."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Protocol

from kgreview.store.base import GraphStore
from kgreview.store.schema import SCHEMA


@dataclass(frozen=True, slots=True)
class Step:
    """One label's nodes or one stored relationship type's edges."""

    kind: str  # "nodes" | "relationships"
    name: str

    @property
    def member(self) -> str:
        """Its name in a backup archive, e.g. ``nodes/Coding.jsonl``."""
        return f"{self.kind}/{self.name}.jsonl"

    def __str__(self) -> str:
        return f"{self.kind}/{self.name}"


def steps() -> list[Step]:
    """Every node label graph.yaml declares (documents first), then every stored relationship.

    Links a property holds (a coding's code) travel with their node and are materialised by
    the target store; bookkeeping labels (schema version, migrations, resume points) stay.
    """
    nodes = [Step("nodes", label) for label in SCHEMA.content_labels()]
    return nodes + [Step("relationships", rel.type) for rel in SCHEMA.stored_relationships()]


# Rows, and the cursor to pass to get the rows after them.
Page = tuple[list[dict[str, Any]], Any]


class Source(Protocol):
    name: str

    def describe(self) -> str: ...
    def count(self, step: Step) -> int: ...
    def pages(self, step: Step, after: Any, limit: int) -> Iterator[Page]: ...


class StoreSource:
    """Pages of a store in key order; the cursor is the last key (a (src, dst) pair for edges)."""

    def __init__(self, store: GraphStore, name: str | None = None) -> None:
        self.store = store
        self.name = name or store.describe()

    def describe(self) -> str:
        return self.store.describe()

    def count(self, step: Step) -> int:
        if step.kind == "nodes":
            return self.store.count_nodes(step.name)
        return self.store.count_relationships(step.name)

    def pages(self, step: Step, after: Any, limit: int) -> Iterator[Page]:
        while True:
            if step.kind == "nodes":
                rows = self.store.export_nodes(step.name, after, limit)
                if rows:
                    after = rows[-1][SCHEMA.nodes[step.name].key]
            else:
                rows = self.store.export_relationships(
                    step.name, tuple(after) if after else None, limit
                )
                if rows:
                    after = [rows[-1]["src"], rows[-1]["dst"]]
            if not rows:
                return
            yield rows, after
            if len(rows) < limit:
                return
