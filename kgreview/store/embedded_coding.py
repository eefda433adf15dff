"""Coding-workbench writes and reads of the embedded store (memos, recoding), as a mixin."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from contextlib import AbstractContextManager

from kgreview.model import Memo
from kgreview.store.embedded_sql import q
from kgreview.store.rows import from_row
from kgreview.store.schema import Label

C, K, M = q(Label.Coding), q(Label.Code), q(Label.Memo)
MEMOS_FOR = f"SELECT * FROM {M} WHERE (:target IS NULL OR target_id = :target) ORDER BY created, id"
RECODE = f"UPDATE {C} SET code_id = ? WHERE id IN (SELECT value FROM json_each(?))"
CODE_IN_USE = f"SELECT count(*) FROM {C} WHERE code_id = ?"
DELETE_CODE = f"DELETE FROM {K} WHERE id = ?"
REPARENT = f"UPDATE {K} SET parent = ? WHERE parent = ?"


class EmbeddedCoding:
    def _select(self, query: str, params: Sequence | dict = ()) -> list[dict]:
        raise NotImplementedError

    def _write(self) -> AbstractContextManager[sqlite3.Connection]:
        raise NotImplementedError

    def _upsert_objects(self, objects: list[object]) -> None:
        raise NotImplementedError

    def memos_for(self, target_id: str | None = None) -> list[Memo]:
        return [from_row(Memo, r) for r in self._select(MEMOS_FOR, {"target": target_id})]

    def recode(self, coding_ids: Sequence[str], code_id: str) -> None:
        with self._write() as conn:
            conn.execute(RECODE, (code_id, json.dumps(list(coding_ids))))

    def delete_code(self, code_id: str, reparent_to: str | None = None) -> None:
        with self._write() as conn:
            (used,) = conn.execute(CODE_IN_USE, (code_id,)).fetchone()
            if used:
                raise ValueError(f"code {code_id} still has {used} codings; recode them first")
            conn.execute(REPARENT, (reparent_to, code_id))
            conn.execute(DELETE_CODE, (code_id,))
