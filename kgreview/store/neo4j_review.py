"""Review reads of the Neo4j store (gaps, attributions, authorship), as a mixin."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from typing import Any

from kgreview.model import AttributedCoding, GapStatement
from kgreview.store.neo4j_aggregates import Neo4jAggregates
from kgreview.store.schema import Label, Rel

# One ingest run stamps every document it writes with the same time (Document.ingested_at).
INGEST_HISTORY = f"""
MATCH (d:{Label.Document})
WITH coalesce(d.ingested_at, '') AS at, d
RETURN at, count(d), collect(DISTINCT coalesce(d.source, '')) ORDER BY at DESC"""

GAP_STATEMENTS = f"""
MATCH (g:{Label.Gap})
OPTIONAL MATCH (d:{Label.Document} {{id: g.document_id}})
OPTIONAL MATCH (g)-[:{Rel.CONCERNS}]->(k:{Label.Code})
WITH g, d, collect(k.id) AS codes
RETURN g.id, g.document_id, coalesce(d.title, ''), coalesce(d.doc_type, ''), d.year, g.kind,
       g.statement, g.start, g.end, codes
ORDER BY g.document_id, g.start"""

ATTRIBUTED_CODINGS = f"""
MATCH (s:{Label.Segment})-[r:{Rel.ATTRIBUTES}]->(a:{Label.Author})
MATCH (c:{Label.Coding} {{segment_id: s.id, code_id: $code}})
WHERE r.clause_start IS NULL OR (c.start >= r.clause_start AND c.end <= r.clause_end)
OPTIONAL MATCH (d:{Label.Document} {{id: c.document_id}})
RETURN a.name, r.via, c.document_id, coalesce(d.title, ''), c.segment_id, c.code_id,
       c.polarity, c.start, c.end, c.evidence
ORDER BY a.name, c.document_id, c.start"""

REFERENCES_OF = f"""
MATCH (:{Label.Document} {{id: $id}})-[c:{Rel.CITES}]->(r:{Label.Reference})
OPTIONAL MATCH (a:{Label.Author})-[w:{Rel.WROTE}]->(r)
WITH c, r, a, w ORDER BY c.n, w.position
RETURN c.n, r.id, [x IN collect(a.name) WHERE x IS NOT NULL] ORDER BY c.n"""

POLICIES_CITED = f"""
MATCH (:{Label.Document} {{id: $id}})-[c:{Rel.CITES_POLICY}]->(p:{Label.PolicyDocument})
RETURN c.n, p.title, coalesce(p.issuer, '') ORDER BY c.n"""

REFERENCE_SUMMARIES = f"""
MATCH (r:{Label.Reference}) RETURN r.id, coalesce(r.title, ''), r.year, r.authors ORDER BY r.id"""
SAME_AS = f"""
MATCH (r:{Label.Reference})-[:{Rel.SAME_AS}]->(d:{Label.Document}) RETURN r.id, d.id
ORDER BY r.id, d.id"""
LINK_SAME_AS = f"""
UNWIND $pairs AS p MATCH (r:{Label.Reference} {{id: p[0]}}) MATCH (d:{Label.Document} {{id: p[1]}})
MERGE (r)-[:{Rel.SAME_AS}]->(d)"""


SITES_OF = f"""
MATCH (:{Label.Document} {{id: $id}})-[:{Rel.STUDIES}]->(s:{Label.Site})
RETURN s.name, coalesce(s.city, '') ORDER BY s.name"""


def delete_owned_source_rels(source: str, rel_type: str) -> str:
    """Relationships leaving nodes a document owns (its segments, its gaps)."""
    return f"UNWIND $ids AS d MATCH (n:{source} {{document_id: d}})-[r:{rel_type}]->() DELETE r"


class Neo4jReviewReads(Neo4jAggregates):
    def _rows(self, query: str, **params: Any) -> list[list[Any]]:
        raise NotImplementedError

    def _write(self, work: Callable[[Any], None]) -> None:
        raise NotImplementedError

    def ingest_history(self) -> list[tuple[str, int, tuple[str, ...]]]:
        return [(at, n, tuple(sorted(sources))) for at, n, sources in self._rows(INGEST_HISTORY)]

    def gap_statements(self) -> list[GapStatement]:
        return [
            GapStatement(*row[:9], tuple(sorted(set(row[9])))) for row in self._rows(GAP_STATEMENTS)
        ]

    def attributed_codings(self, code_id: str) -> list[AttributedCoding]:
        return [AttributedCoding(*row) for row in self._rows(ATTRIBUTED_CODINGS, code=code_id)]

    def reference_summaries(self) -> list[tuple[str, str, int | None, tuple[str, ...]]]:
        return [
            (ref, title, year, tuple(json.loads(authors)) if authors else ())
            for ref, title, year, authors in self._rows(REFERENCE_SUMMARIES)
        ]

    def same_as(self) -> list[tuple[str, str]]:
        return [(ref, doc) for ref, doc in self._rows(SAME_AS)]

    def link_same_as(self, pairs: Sequence[tuple[str, str]]) -> None:
        rows = [list(p) for p in pairs]
        self._write(lambda tx: tx.run(LINK_SAME_AS, pairs=rows).consume())

    def sites_of(self, document_id: str) -> list[tuple[str, str]]:
        return [(name, city) for name, city in self._rows(SITES_OF, id=document_id)]

    def policies_cited(self, document_id: str) -> list[tuple[int, str, str]]:
        return [tuple(row) for row in self._rows(POLICIES_CITED, id=document_id)]

    def references_of(self, document_id: str) -> list[tuple[int, str, tuple[str, ...]]]:
        return [
            (n, ref, tuple(names)) for n, ref, names in self._rows(REFERENCES_OF, id=document_id)
        ]
