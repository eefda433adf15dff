"""SQL text for the embedded (SQLite) store, generated from the graph schema or written once.

Tables: one per node label (named as the label), one per stored relationship
(``rel_<TYPE>`` with ``src``, ``dst`` and its properties). Relationships a node property
determines (a coding's ``code_id``) are that column, not a table.
"""

from __future__ import annotations

from kgreview.store.schema import GraphSchema, Label, NodeSpec, Rel, RelSpec

SQL_TYPES = {"str": "TEXT", "int": "INTEGER", "float": "REAL", "bool": "INTEGER", "json": "TEXT"}


def q(name: str) -> str:
    """Quote an identifier that comes from graph.yaml (validated there as a plain identifier)."""
    return f'"{name}"'


def rel_table(rel: str) -> str:
    return q(f"rel_{rel}")


def create_node_table(spec: NodeSpec) -> str:
    cols = ", ".join(
        f"{q(name)} {SQL_TYPES[kind]}{' PRIMARY KEY' if name == spec.key else ''}"
        for name, kind in spec.properties.items()
    )
    return f"CREATE TABLE IF NOT EXISTS {q(spec.label)} ({cols})"


def create_rel_table(spec: RelSpec) -> str:
    cols = "".join(f", {q(name)} {SQL_TYPES[kind]}" for name, kind in spec.properties.items())
    return (
        f"CREATE TABLE IF NOT EXISTS {rel_table(spec.type)} "
        f"(src TEXT NOT NULL, dst TEXT NOT NULL{cols}, PRIMARY KEY (src, dst)) WITHOUT ROWID"
    )


def create_indexes(schema: GraphSchema) -> list[str]:
    statements = []
    for spec in schema.nodes.values():
        held = {r.stored_as[1] for r in schema.links_held_by(spec.label) if r.stored_as}
        for prop in dict.fromkeys([*spec.indexes, *sorted(held)]):
            statements.append(
                f"CREATE INDEX IF NOT EXISTS {q(f'ix_{spec.label}_{prop}')} "
                f"ON {q(spec.label)} ({q(prop)})"
            )
    for rel in schema.stored_relationships():
        statements.append(
            f"CREATE INDEX IF NOT EXISTS {q(f'ix_rel_{rel.type}_dst')} "
            f"ON {rel_table(rel.type)} (dst)"
        )
    return statements


def upsert_node(spec: NodeSpec, columns: list[str]) -> str:
    names = ", ".join(q(c) for c in columns)
    params = ", ".join(f":{c}" for c in columns)
    updates = ", ".join(f"{q(c)} = excluded.{q(c)}" for c in columns if c != spec.key)
    conflict = f"DO UPDATE SET {updates}" if updates else "DO NOTHING"
    return (
        f"INSERT INTO {q(spec.label)} ({names}) VALUES ({params}) "
        f"ON CONFLICT ({q(spec.key)}) {conflict}"
    )


def ensure_node(label: str) -> str:
    return f"INSERT OR IGNORE INTO {q(label)} (id) VALUES (?)"


def upsert_rel(spec: RelSpec) -> str:
    cols = ["src", "dst", *spec.properties]
    names = ", ".join(q(c) for c in cols)
    params = ", ".join(f":{c}" for c in cols)
    return f"INSERT OR REPLACE INTO {rel_table(spec.type)} ({names}) VALUES ({params})"


TABLES = "SELECT name FROM sqlite_master WHERE type = 'table'"


def table_info(label: str) -> str:
    return f"PRAGMA table_info({q(label)})"


def count(label: str) -> str:
    return f"SELECT count(*) FROM {q(label)}"


D, S, C, K, A = (
    q(x) for x in (Label.Document, Label.Segment, Label.Coding, Label.Code, Label.Author)
)
AUTHORED = rel_table(Rel.AUTHORED)

STATS_CODES = count(Label.Code)

CODE_FREQUENCIES = f"""
SELECT k.id, coalesce(k.category, ''), coalesce(k.label_en, ''), coalesce(k.label_zh, ''),
       count(DISTINCT c.document_id) AS docs, count(*) AS n
FROM {C} c JOIN {K} k ON k.id = c.code_id
WHERE (:category IS NULL OR k.category = :category)
GROUP BY k.id ORDER BY docs DESC, n DESC, k.id"""

DOCUMENTS_FOR_CODE = f"""
SELECT d.id, d.title, d.year, count(*), group_concat(DISTINCT c.polarity)
FROM {C} c JOIN {D} d ON d.id = c.document_id
WHERE c.code_id = :code GROUP BY d.id ORDER BY d.id"""

INCIDENCE = f"SELECT DISTINCT document_id, code_id FROM {C} ORDER BY document_id, code_id"

EVIDENCE_FOR_CODE = f"""
SELECT c.id, c.document_id, coalesce(d.title, ''), c.segment_id, c.start, c."end", c.evidence,
       c.polarity, c.coder, c.origin
FROM {C} c LEFT JOIN {D} d ON d.id = c.document_id
WHERE c.code_id = :code ORDER BY c.document_id, c.start, c.id LIMIT :limit"""

CODINGS_WHERE = f"SELECT * FROM {C} WHERE {{column}} = ? ORDER BY document_id, start, id"

AUTHORS_OF = f"""
SELECT a.name FROM {AUTHORED} r JOIN {A} a ON a.id = r.src
WHERE r.dst = ? ORDER BY r.position"""

SUPERVISORS_OF = f"""
SELECT a.name FROM {rel_table(Rel.SUPERVISED)} r JOIN {A} a ON a.id = r.src
WHERE r.dst = ? ORDER BY r.position"""

AFFILIATIONS_OF = f"""
SELECT DISTINCT a.name, i.name FROM {AUTHORED} r JOIN {A} a ON a.id = r.src
JOIN {rel_table(Rel.AFFILIATED)} f ON f.src = a.id JOIN {q(Label.Institution)} i ON i.id = f.dst
WHERE r.dst = ? ORDER BY 1, 2"""

KEYWORDS_OF = f"""
SELECT k.term FROM {rel_table(Rel.HAS_KEYWORD)} r JOIN {q(Label.Keyword)} k ON k.id = r.dst
WHERE r.src = ? ORDER BY k.term"""

DOCUMENT_FACETS = f"""
SELECT coalesce(doc_type, ''), coalesce(lang, ''), year, count(*) FROM {D}
GROUP BY 1, 2, 3 ORDER BY 1, 2, 3"""

FINGERPRINTS = f"SELECT id, file_hash, text_hash, tag_key, match_keys FROM {D}"
# Which of a batch's documents are stored already: only those have anything to replace.
SET_TAG_KEYS = f"UPDATE {D} SET tag_key = ? WHERE id IN (SELECT value FROM json_each(?))"
STORED_AMONG = f"SELECT id FROM {D} WHERE id IN (SELECT value FROM json_each(?))"

# `+origin`: never let the planner pick the origin index (every auto coding of the corpus)
# over the document's own codings — that made each bundle write scan the whole table.
DELETE_STALE_AUTO_CODINGS = f"""
DELETE FROM {C} WHERE document_id = ? AND +origin = 'auto'
AND id NOT IN (SELECT value FROM json_each(?))"""

DELETE_AUTO_CODINGS = f"DELETE FROM {C} WHERE document_id = ? AND +origin = 'auto'"


def delete_stale_owned(label: str) -> str:
    return (
        f"DELETE FROM {q(label)} WHERE document_id = ? "
        "AND id NOT IN (SELECT value FROM json_each(?))"
    )


def delete_owned(label: str) -> str:
    return f"DELETE FROM {q(label)} WHERE document_id = ?"


def delete_rel_touching(rel: RelSpec, column: str) -> str:
    return f"DELETE FROM {rel_table(rel.type)} WHERE {column} = ?"
