"""Coding-workbench writes and reads of the Neo4j store (memos, recoding), as a mixin."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from kgreview.model import Memo
from kgreview.store.rows import from_row
from kgreview.store.schema import Label, Rel

MEMOS_FOR = f"""
MATCH (m:{Label.Memo}) WHERE $target IS NULL OR m.target_id = $target
RETURN properties(m) ORDER BY m.created, m.id"""
# The OF_CODE relationship follows the property: drop the old one, link the new code.
RECODE = f"""
UNWIND $ids AS cid MATCH (c:{Label.Coding} {{id: cid}})
OPTIONAL MATCH (c)-[old:{Rel.OF_CODE}]->()
DELETE old
WITH c SET c.code_id = $code
WITH c MERGE (k:{Label.Code} {{id: $code}}) MERGE (c)-[:{Rel.OF_CODE}]->(k)"""
CODE_IN_USE = f"MATCH (c:{Label.Coding} {{code_id: $code}}) RETURN count(c)"
REPARENT = f"""
MATCH (k:{Label.Code} {{parent: $code}}) OPTIONAL MATCH (k)-[r:{Rel.CHILD_OF}]->()
DELETE r SET k.parent = $to
WITH k WHERE $to IS NOT NULL MATCH (p:{Label.Code} {{id: $to}}) MERGE (k)-[:{Rel.CHILD_OF}]->(p)"""
DELETE_CODE = f"MATCH (k:{Label.Code} {{id: $code}}) DETACH DELETE k"


class Neo4jCoding:
    def _rows(self, query: str, **params: Any) -> list[list[Any]]:
        raise NotImplementedError

    def _write(self, work: Callable[[Any], None]) -> None:
        raise NotImplementedError

    @staticmethod
    def _write_nodes(tx: Any, nodes: dict[str, list[dict]]) -> None:
        raise NotImplementedError

    def memos_for(self, target_id: str | None = None) -> list[Memo]:
        return [from_row(Memo, r[0]) for r in self._rows(MEMOS_FOR, target=target_id)]

    def recode(self, coding_ids: Sequence[str], code_id: str) -> None:
        ids = list(coding_ids)
        self._write(lambda tx: tx.run(RECODE, ids=ids, code=code_id).consume())

    def delete_code(self, code_id: str, reparent_to: str | None = None) -> None:
        (used,) = self._rows(CODE_IN_USE, code=code_id)[0]
        if used:  # checked before the transaction too, so the caller gets the ValueError
            raise ValueError(f"code {code_id} still has {used} codings; recode them first")

        def work(tx: Any) -> None:
            used = tx.run(CODE_IN_USE, code=code_id).single()[0]
            if used:
                raise ValueError(f"code {code_id} still has {used} codings; recode them first")
            tx.run(REPARENT, code=code_id, to=reparent_to).consume()
            tx.run(DELETE_CODE, code=code_id).consume()

        self._write(work)
