"""Queries that read a whole qualitative project (segments, participants, memos, coders) and
write coders and memos — SQL for the embedded store, Cypher for Neo4j."""

from __future__ import annotations

from kgreview.store.embedded_sql import q, rel_table
from kgreview.store.schema import Label, Rel

SEGMENTS_OF = f'SELECT * FROM {q(Label.Segment)} WHERE document_id = ? ORDER BY start, "end", id'
PARTICIPANTS_OF = f"SELECT * FROM {q(Label.Participant)} WHERE document_id = ? ORDER BY label, id"
MEMOS = f"SELECT * FROM {q(Label.Memo)} ORDER BY target_id, created, id"
CODERS = f"SELECT * FROM {q(Label.Coder)} ORDER BY id"
INSERT_ABOUT = f"INSERT OR IGNORE INTO {rel_table(Rel.ABOUT)} (src, dst) VALUES (:src, :dst)"

CY_SEGMENTS_OF = (
    f"MATCH (s:{Label.Segment} {{document_id: $id}}) RETURN properties(s) "
    "ORDER BY s.start, s.end, s.id"
)
CY_PARTICIPANTS_OF = (
    f"MATCH (p:{Label.Participant} {{document_id: $id}}) RETURN properties(p) "
    "ORDER BY p.label, p.id"
)
CY_MEMOS = f"MATCH (m:{Label.Memo}) RETURN properties(m) ORDER BY m.target_id, m.created, m.id"
CY_CODERS = f"MATCH (c:{Label.Coder}) RETURN properties(c) ORDER BY c.id"
CY_ABOUT = (
    f"UNWIND $rows AS row MATCH (m:{Label.Memo} {{id: row.src}}) "
    f"MATCH (c:{Label.Coding} {{id: row.dst}}) MERGE (m)-[:{Rel.ABOUT}]->(c)"
)
