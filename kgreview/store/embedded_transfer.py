"""The raw transfer API of the embedded store (copy, backup, restore, verify), as a mixin."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from typing import Any

from kgreview.store import embedded_sql as sql
from kgreview.store import embedded_transfer_sql as tsql
from kgreview.store.base import StoreWriteError
from kgreview.store.rows import full_row, rel_properties
from kgreview.store.schema import SCHEMA


class EmbeddedTransfer:
    def _write(self) -> AbstractContextManager[sqlite3.Connection]:
        raise NotImplementedError

    def _write_nodes(self, conn: sqlite3.Connection, label: str, rows: list[dict]) -> None:
        raise NotImplementedError

    def _select(self, query: str, params: Sequence | dict = ()) -> list[dict]:
        raise NotImplementedError

    def _read(self, query: str, params: Sequence | dict = ()) -> list[tuple]:
        raise NotImplementedError

    def export_nodes(self, label: str, after: str | None, limit: int) -> list[dict[str, Any]]:
        spec = SCHEMA.nodes[label]
        params = (limit,) if after is None else (after, limit)
        rows = self._select(tsql.export_nodes(spec, after is not None), params)
        return [full_row(spec.properties, row) for row in rows]

    def export_relationships(
        self, rel_type: str, after: tuple[str, str] | None, limit: int
    ) -> list[dict[str, Any]]:
        spec = SCHEMA.relationships[rel_type]
        params = (limit,) if after is None else (*after, limit)
        rows = self._select(tsql.export_relationships(spec, after is not None), params)
        return [full_row(rel_properties(spec), row) for row in rows]

    def import_nodes(self, label: str, rows: Sequence[dict[str, Any]]) -> None:
        props = SCHEMA.nodes[label].properties
        shaped = [full_row(props, row) for row in rows]
        with _guard(f"{len(rows)} {label} rows"), self._write() as conn:
            self._write_nodes(conn, label, shaped)

    def import_relationships(self, rel_type: str, rows: Sequence[dict[str, Any]]) -> None:
        spec = SCHEMA.relationships[rel_type]
        shaped = [full_row(rel_properties(spec), row) for row in rows]
        with _guard(f"{len(rows)} {rel_type} rows"), self._write() as conn:
            conn.executemany(sql.upsert_rel(spec), shaped)

    def count_nodes(self, label: str) -> int:
        return self._read(sql.count(SCHEMA.nodes[label].label))[0][0]

    def count_relationships(self, rel_type: str) -> int:
        return self._read(tsql.count_relationships(SCHEMA.relationships[rel_type]))[0][0]


@contextmanager
def _guard(what: str) -> Iterator[None]:
    try:
        yield
    except (sqlite3.Error, ValueError, TypeError, OverflowError) as exc:
        raise StoreWriteError(f"import of {what} rolled back: {exc}") from exc
