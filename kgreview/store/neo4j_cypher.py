"""Cypher for the Neo4j store: small builders over graph.yaml plus the fixed read queries.

Labels and types are spliced in from the schema (validated identifiers); every value is a
query parameter.
"""

from __future__ import annotations

from kgreview.store.schema import GraphSchema, Label, NodeSpec, Rel, RelSpec


def constraints_and_indexes(schema: GraphSchema) -> list[str]:
    statements = []
    for spec in schema.nodes.values():
        statements.append(
            f"CREATE CONSTRAINT {spec.label.lower()}_{spec.key}_unique IF NOT EXISTS "
            f"FOR (n:{spec.label}) REQUIRE n.{spec.key} IS UNIQUE"
        )
        held = {r.stored_as[1] for r in schema.links_held_by(spec.label) if r.stored_as}
        for prop in dict.fromkeys([*spec.indexes, *sorted(held)]):
            statements.append(
                f"CREATE INDEX {spec.label.lower()}_{prop} IF NOT EXISTS "
                f"FOR (n:{spec.label}) ON (n.{prop})"
            )
    return statements


def upsert_nodes(spec: NodeSpec) -> str:
    return f"UNWIND $rows AS row MERGE (n:{spec.label} {{{spec.key}: row.{spec.key}}}) SET n += row"


def create_nodes(spec: NodeSpec) -> str:
    """Nodes known to be new (a new document's parts): no lookup before the insert."""
    return f"UNWIND $rows AS row CREATE (n:{spec.label}) SET n = row"


def link_from_property(rel: RelSpec, create: bool = False) -> str:
    """Materialise a relationship that a node property determines (e.g. Coding.code_id);
    ``create`` when the holders are new nodes, which have no relationships yet."""
    assert rel.stored_as is not None
    holder, _ = rel.stored_as
    other = rel.target if holder == rel.source else rel.source
    find_other = "MERGE" if rel.ensure_target and other == rel.target else "MATCH"
    pattern = "(h)-[:{t}]->(o)" if holder == rel.source else "(o)-[:{t}]->(h)"
    # Rows are pairs {id, to}: the holder's id and the other end's id (never null).
    return (
        f"UNWIND $pairs AS row MATCH (h:{holder} {{id: row.id}}) "
        f"{find_other} (o:{other} {{id: row.to}}) "
        f"{'CREATE' if create else 'MERGE'} {pattern.format(t=rel.type)}"
    )


def upsert_relationships(rel: RelSpec, create: bool = False) -> str:
    """Relationship rows {src, dst, properties}; ``create`` when the pair cannot be linked
    yet (an end is a new document or a node it owns)."""
    props = ", ".join(f"{p}: row.{p}" for p in rel.properties)
    return (
        f"UNWIND $rows AS row MATCH (a:{rel.source} {{id: row.src}}) "
        f"MATCH (b:{rel.target} {{id: row.dst}}) "
        f"{'CREATE' if create else 'MERGE'} (a)-[r:{rel.type}]->(b) SET r = {{{props}}}"
    )


def delete_stale_owned(label: str) -> str:
    return (
        f"UNWIND $docs AS d MATCH (n:{label} {{document_id: d.id}}) "
        "WHERE NOT n.id IN d.keep DETACH DELETE n"
    )


DELETE_STALE_AUTO_CODINGS = (
    f"UNWIND $docs AS d MATCH (c:{Label.Coding} {{document_id: d.id, origin: 'auto'}}) "
    "WHERE NOT c.id IN d.keep DETACH DELETE c"
)


def delete_document_relationships(rel: RelSpec) -> str:
    pattern = (
        f"(:{Label.Document} {{id: d}})<-[r:{rel.type}]-()"
        if rel.target == Label.Document
        else f"(:{Label.Document} {{id: d}})-[r:{rel.type}]->()"
    )
    return f"UNWIND $ids AS d MATCH {pattern} DELETE r"


def delete_owned(label: str) -> str:
    return f"MATCH (n:{label} {{document_id: $id}}) DETACH DELETE n"


DELETE_DOCUMENT = f"MATCH (d:{Label.Document} {{id: $id}}) DETACH DELETE d"
DELETE_AUTO_CODINGS = (
    f"MATCH (c:{Label.Coding} {{document_id: $id, origin: 'auto'}}) DETACH DELETE c"
)
DELETE_CODING = f"MATCH (c:{Label.Coding} {{id: $id}}) DETACH DELETE c"

META = f"MERGE (m:{Label.StoreMeta} {{id: 'store'}}) "
BUMP_REVISION = META + "SET m.revision = coalesce(m.revision, 0) + 1"
READ_META = f"MATCH (m:{Label.StoreMeta} {{id: 'store'}}) RETURN m.revision, m.schema_version"
ENSURE_META = (
    META + "ON CREATE SET m.revision = 0, m.schema_version = 0 RETURN m.schema_version AS v"
)
RECORD_MIGRATION = (
    f"MERGE (g:{Label.Migration} {{id: $id}}) "
    "SET g.version = $version, g.name = $name, g.applied_at = $at "
    "WITH g " + META + "SET m.schema_version = $version"
)
MIGRATIONS = f"MATCH (g:{Label.Migration}) RETURN g.version, g.name ORDER BY g.version"
# Edges first, in batches: detaching a dense node (a coder with 300k codings) in one inner
# transaction exceeds the server's transaction memory.
CLEAR_RELATIONSHIPS = "MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS"
CLEAR = (
    f"MATCH (n) WHERE NOT n:{Label.StoreMeta} AND NOT n:{Label.Migration} "
    "CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS"
)


def count(label: str) -> str:
    return f"MATCH (n:{label}) RETURN count(n)"


STORED_DOCUMENTS = f"UNWIND $ids AS id MATCH (d:{Label.Document} {{id: id}}) RETURN d.id"
SET_TAG_KEY = f"MATCH (d:{Label.Document} {{id: $id}}) SET d.tag_key = $key"
SET_TAG_KEYS = f"UNWIND $ids AS id MATCH (d:{Label.Document} {{id: id}}) SET d.tag_key = $key"
DOCUMENTS_WITH_OTHER_TAG_KEY = (
    f"MATCH (d:{Label.Document}) WHERE coalesce(d.tag_key, '') <> $key "
    "RETURN properties(d) AS p ORDER BY d.id"
)
GET_DOCUMENT = f"MATCH (d:{Label.Document} {{id: $id}}) RETURN properties(d) AS p"
FINGERPRINTS = (
    f"MATCH (d:{Label.Document}) RETURN d.id, d.file_hash, d.text_hash, d.tag_key, d.match_keys"
)
LIST_CODES = f"MATCH (k:{Label.Code}) RETURN properties(k) AS p ORDER BY k.id"
DOCUMENT_FACETS = f"""
MATCH (d:{Label.Document})
WITH coalesce(d.doc_type, '') AS t, coalesce(d.lang, '') AS l, d.year AS y, count(*) AS n
RETURN t, l, y, n ORDER BY t, l, y"""

CODE_FREQUENCIES = f"""
MATCH (c:{Label.Coding})-[:{Rel.OF_CODE}]->(k:{Label.Code})
WHERE $category IS NULL OR k.category = $category
WITH k, count(DISTINCT c.document_id) AS docs, count(c) AS n
RETURN k.id, coalesce(k.category, ''), coalesce(k.label_en, ''), coalesce(k.label_zh, ''),
       docs, n
ORDER BY docs DESC, n DESC, k.id"""

DOCUMENTS_FOR_CODE = f"""
MATCH (c:{Label.Coding} {{code_id: $code}}) MATCH (d:{Label.Document} {{id: c.document_id}})
WITH d, count(c) AS n, collect(DISTINCT c.polarity) AS pols
RETURN d.id, d.title, d.year, n, pols ORDER BY d.id"""

EVIDENCE_FOR_CODE = f"""
MATCH (c:{Label.Coding} {{code_id: $code}})
OPTIONAL MATCH (d:{Label.Document} {{id: c.document_id}})
RETURN c.id, c.document_id, coalesce(d.title, ''), c.segment_id, c.start, c.end, c.evidence,
       c.polarity, c.coder, c.origin
ORDER BY c.document_id, c.start, c.id"""

CODINGS_FOR_DOCUMENT = (
    f"MATCH (c:{Label.Coding} {{document_id: $value}}) RETURN properties(c) AS p "
    "ORDER BY c.document_id, c.start, c.id"
)
CODINGS_BY_CODER = (
    f"MATCH (c:{Label.Coding} {{coder: $value}}) RETURN properties(c) AS p "
    "ORDER BY c.document_id, c.start, c.id"
)
AUTHORS_OF = (
    f"MATCH (a:{Label.Author})-[r:{Rel.AUTHORED}]->(:{Label.Document} {{id: $id}}) "
    "RETURN a.name ORDER BY r.position"
)
SUPERVISORS_OF = (
    f"MATCH (a:{Label.Author})-[r:{Rel.SUPERVISED}]->(:{Label.Document} {{id: $id}}) "
    "RETURN a.name ORDER BY r.position"
)
AFFILIATIONS_OF = (
    f"MATCH (i:{Label.Institution})<-[:{Rel.AFFILIATED}]-(a:{Label.Author})"
    f"-[:{Rel.AUTHORED}]->(:{Label.Document} {{id: $id}}) "
    "RETURN DISTINCT a.name, i.name ORDER BY a.name, i.name"
)
KEYWORDS_OF = (
    f"MATCH (:{Label.Document} {{id: $id}})-[:{Rel.HAS_KEYWORD}]->(k:{Label.Keyword}) "
    "RETURN k.term ORDER BY k.term"
)
