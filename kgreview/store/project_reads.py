"""Whole-project reads and the coder/memo writes (REFI-QDA export and import), as mixins of
both stores: the queries are in :mod:`kgreview.store.project_sql`."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Sequence
from contextlib import AbstractContextManager
from typing import Any

from kgreview.model import Coder, Memo, Participant, Segment
from kgreview.store import project_sql as sql
from kgreview.store.rows import from_row, rows_for


def _about(memos: Sequence[Memo]) -> list[dict[str, str]]:
    # ABOUT (Memo → Coding) where a memo is about a coding; other targets are its target_id.
    return [{"src": m.id, "dst": m.target_id} for m in memos if m.target_id.startswith("cod:")]


class EmbeddedProjectReads:
    def _select(self, query: str, params: Sequence | dict = ()) -> list[dict]:
        raise NotImplementedError

    def _upsert_objects(self, objects: list[object]) -> None:
        raise NotImplementedError

    def _write(self) -> AbstractContextManager[sqlite3.Connection]:
        raise NotImplementedError

    def _write_nodes(self, conn: sqlite3.Connection, label: str, rows: list[dict]) -> None:
        raise NotImplementedError

    def segments_of(self, document_id: str) -> list[Segment]:
        return [from_row(Segment, r) for r in self._select(sql.SEGMENTS_OF, (document_id,))]

    def participants_of(self, document_id: str) -> list[Participant]:
        rows = self._select(sql.PARTICIPANTS_OF, (document_id,))
        return [from_row(Participant, r) for r in rows]

    def memos(self) -> list[Memo]:
        return [from_row(Memo, r) for r in self._select(sql.MEMOS)]

    def list_coders(self) -> list[Coder]:
        return [from_row(Coder, r) for r in self._select(sql.CODERS)]

    def upsert_coders(self, coders: Iterable[Coder]) -> None:
        self._upsert_objects(list(coders))

    def add_memos(self, memos: Sequence[Memo]) -> None:
        memos = list(memos)
        with self._write() as conn:
            for label, rows in rows_for(memos).items():
                self._write_nodes(conn, label, rows)
            conn.executemany(sql.INSERT_ABOUT, _about(memos))


class Neo4jProjectReads:
    def _rows(self, query: str, **params: Any) -> list[list[Any]]:
        raise NotImplementedError

    def _write(self, work: Callable[[Any], None]) -> None:
        raise NotImplementedError

    @staticmethod
    def _write_nodes(tx: Any, nodes: dict[str, list[dict]]) -> None:
        raise NotImplementedError

    def segments_of(self, document_id: str) -> list[Segment]:
        return [from_row(Segment, r[0]) for r in self._rows(sql.CY_SEGMENTS_OF, id=document_id)]

    def participants_of(self, document_id: str) -> list[Participant]:
        rows = self._rows(sql.CY_PARTICIPANTS_OF, id=document_id)
        return [from_row(Participant, r[0]) for r in rows]

    def memos(self) -> list[Memo]:
        return [from_row(Memo, r[0]) for r in self._rows(sql.CY_MEMOS)]

    def list_coders(self) -> list[Coder]:
        return [from_row(Coder, r[0]) for r in self._rows(sql.CY_CODERS)]

    def upsert_coders(self, coders: Iterable[Coder]) -> None:
        nodes = rows_for(list(coders))
        self._write(lambda tx: self._write_nodes(tx, nodes))

    def add_memos(self, memos: Sequence[Memo]) -> None:
        memos = list(memos)
        nodes, about = rows_for(memos), _about(memos)

        def work(tx: Any) -> None:
            self._write_nodes(tx, nodes)
            if about:
                tx.run(sql.CY_ABOUT, rows=about).consume()

        self._write(work)
