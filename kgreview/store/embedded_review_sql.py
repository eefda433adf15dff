"""SQL for the review reads of the embedded store: gaps, attributions, authorship, facets."""

from __future__ import annotations

from kgreview.store.embedded_sql import q, rel_table
from kgreview.store.schema import Label, Rel, RelSpec

C, D, G, A = q(Label.Coding), q(Label.Document), q(Label.Gap), q(Label.Author)

DOCUMENT_SUMMARIES = f"""
SELECT id, coalesce(title, ''), coalesce(doc_type, ''), coalesce(lang, ''), year,
       coalesce(source, '')
FROM {D} ORDER BY id"""

# One ingest run stamps every document it writes with the same time (Document.ingested_at).
INGEST_HISTORY = f"""
SELECT coalesce(ingested_at, ''), count(*), json_group_array(DISTINCT coalesce(source, ''))
FROM {D} GROUP BY coalesce(ingested_at, '') ORDER BY 1 DESC"""

POLARITY_INCIDENCE = f"""
SELECT DISTINCT document_id, code_id, polarity FROM {C} ORDER BY document_id, code_id, polarity"""

GAP_STATEMENTS = f"""
SELECT g.id, g.document_id, coalesce(d.title, ''), coalesce(d.doc_type, ''), d.year, g.kind,
       g.statement, g.start, g."end", group_concat(r.dst)
FROM {G} g LEFT JOIN {D} d ON d.id = g.document_id
LEFT JOIN {rel_table(Rel.CONCERNS)} r ON r.src = g.id
GROUP BY g.id ORDER BY g.document_id, g.start"""

ATTRIBUTED_CODINGS = f"""
SELECT a.name, r.via, c.document_id, coalesce(d.title, ''), c.segment_id, c.code_id,
       c.polarity, c.start, c."end", c.evidence
FROM {rel_table(Rel.ATTRIBUTES)} r JOIN {A} a ON a.id = r.dst
JOIN {C} c ON c.segment_id = r.src
LEFT JOIN {D} d ON d.id = c.document_id
WHERE c.code_id = :code
  AND (r.clause_start IS NULL OR (c.start >= r.clause_start AND c."end" <= r.clause_end))
ORDER BY a.name, c.document_id, c.start"""

AUTHORSHIP = f"""
SELECT r.dst, a.name, r.position FROM {rel_table(Rel.AUTHORED)} r JOIN {A} a ON a.id = r.src
ORDER BY r.dst, r.position"""


REFERENCES_OF = f"""
SELECT c.n, c.dst, (SELECT json_group_array(name) FROM (
         SELECT a.name AS name FROM {rel_table(Rel.WROTE)} w JOIN {A} a ON a.id = w.src
         WHERE w.dst = c.dst ORDER BY w.position))
FROM {rel_table(Rel.CITES)} c WHERE c.src = ? ORDER BY c.n"""

POLICIES_CITED = f"""
SELECT c.n, p.title, coalesce(p.issuer, '') FROM {rel_table(Rel.CITES_POLICY)} c
JOIN {q(Label.PolicyDocument)} p ON p.id = c.dst WHERE c.src = ? ORDER BY c.n"""

REFERENCE_SUMMARIES = f"""
SELECT id, coalesce(title, ''), year, coalesce(authors, '[]') FROM {q(Label.Reference)}
ORDER BY id"""

SAME_AS = f"SELECT src, dst FROM {rel_table(Rel.SAME_AS)} ORDER BY src, dst"
INSERT_SAME_AS = f"INSERT OR IGNORE INTO {rel_table(Rel.SAME_AS)} (src, dst) VALUES (?, ?)"


SITES_OF = f"""
SELECT s.name, coalesce(s.city, '') FROM {rel_table(Rel.STUDIES)} r
JOIN {q(Label.Site)} s ON s.id = r.dst WHERE r.src = ? ORDER BY s.name"""


def delete_owned_source_rels(rel: RelSpec) -> str:
    """Relationship rows leaving nodes a document owns (its segments, its gaps)."""
    return (
        f"DELETE FROM {rel_table(rel.type)} WHERE src IN "
        f"(SELECT id FROM {q(rel.source)} WHERE document_id = ?)"
    )
