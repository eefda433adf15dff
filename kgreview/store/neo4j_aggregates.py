"""Whole-corpus reads and aggregates of the Neo4j store (a mixin).

Bolt pays per record: 40,000 (document, code, polarity) records take 1–2 s to stream and
~0.5 s of client CPU to decode at 10k documents, the same values grouped into a few hundred
records (one list of documents per code) ~0.3 s. So the row reads are shipped grouped or as
columns and expanded here, in the order the protocol promises, and the aggregates (counts,
co-occurrence) are computed on the server: only their results travel.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from kgreview.model import Coding, Document, DocumentSummary
from kgreview.review_rows import DocumentDetail
from kgreview.store.rows import from_row
from kgreview.store.schema import Label, Rel

# Codes of the two categories, then each document's distinct codes among them (from the
# indexed Coding.code_id), then its (row, column) pairs counted over documents.
COOCCURRENCE = f"""
MATCH (k:{Label.Code}) WHERE k.category IN [$rows, $cols]
WITH collect(k.id) AS wanted,
     collect(CASE WHEN k.category = $rows THEN k.id END) AS row_codes,
     collect(CASE WHEN k.category = $cols THEN k.id END) AS col_codes
MATCH (c:{Label.Coding}) WHERE c.code_id IN wanted
WITH c.document_id AS d, collect(DISTINCT c.code_id) AS found, row_codes, col_codes
UNWIND [x IN found WHERE x IN row_codes] AS r
UNWIND [y IN found WHERE y IN col_codes] AS k
WITH r, k WHERE $rows <> $cols OR r < k
RETURN r, k, count(*) AS n ORDER BY n DESC, r, k"""

POLARITY_COUNTS = f"""
MATCH (c:{Label.Coding})
RETURN c.code_id, c.polarity, count(DISTINCT c.document_id)"""
# A category's codes, then their codings through the code_id index.
POLARITY_COUNTS_OF = f"""
MATCH (k:{Label.Code} {{category: $category}}) MATCH (c:{Label.Coding} {{code_id: k.id}})
RETURN k.id, c.polarity, count(DISTINCT c.document_id)"""

YEAR_COUNTS = f"""
UNWIND $codes AS k MATCH (c:{Label.Coding} {{code_id: k}})
WITH DISTINCT k, c.document_id AS id
MATCH (d:{Label.Document} {{id: id}}) WHERE d.year IS NOT NULL AND d.year <> 0
RETURN k, d.year, count(*) ORDER BY k, d.year"""

# Grouped: one record per code (and polarity) holding its documents.
INCIDENCE = f"""
MATCH (c:{Label.Coding}) RETURN c.code_id, collect(DISTINCT c.document_id)"""
POLARITY_INCIDENCE = f"""
MATCH (c:{Label.Coding}) RETURN c.code_id, c.polarity, collect(DISTINCT c.document_id)"""
# One record: a list of rows (a row may hold nulls; ``collect`` drops only null elements).
DOCUMENT_SUMMARIES = f"""
MATCH (d:{Label.Document})
RETURN collect([d.id, coalesce(d.title, ''), coalesce(d.doc_type, ''), coalesce(d.lang, ''),
                d.year, coalesce(d.source, '')])"""
AUTHORSHIP = f"""
MATCH (a:{Label.Author})-[r:{Rel.AUTHORED}]->(d:{Label.Document})
RETURN collect([d.id, a.name, r.position])"""


# One round trip for many documents (UNWIND keeps no promise of order: the caller restores
# it). Each part is ordered as its per-document read (codings_for_document, authors_of, …).
DOCUMENTS = f"""
UNWIND $ids AS id MATCH (d:{Label.Document} {{id: id}}) RETURN properties(d)"""
DETAILS = f"""
UNWIND $ids AS id MATCH (d:{Label.Document} {{id: id}})
RETURN properties(d),
  COLLECT {{ MATCH (c:{Label.Coding} {{document_id: id}})
            WITH c ORDER BY c.start, c.id RETURN properties(c) }},
  COLLECT {{ MATCH (a:{Label.Author})-[r:{Rel.AUTHORED}]->(d)
            WITH a, r ORDER BY r.position RETURN a.name }},
  COLLECT {{ MATCH (a:{Label.Author})-[r:{Rel.SUPERVISED}]->(d)
            WITH a, r ORDER BY r.position RETURN a.name }},
  COLLECT {{ MATCH (d)-[:{Rel.STUDIES}]->(s:{Label.Site})
            WITH s ORDER BY s.name RETURN [s.name, coalesce(s.city, '')] }}"""


def _in_order(ids: Sequence[str], found: dict[str, Any]) -> list[Any]:
    return [found[i] for i in dict.fromkeys(ids) if i in found]


def _nulls_first(value: Any) -> tuple[bool, Any]:
    # ORDER BY in both stores puts nulls first; Python cannot compare None with a value.
    return (value is not None, value if value is not None else 0)


class Neo4jAggregates:
    def _rows(self, query: str, **params: Any) -> list[list[Any]]:
        raise NotImplementedError

    def _packed(self, query: str) -> list[list[Any]]:
        """The rows of a query returning them as one record (one list of rows)."""
        return self._rows(query)[0][0]

    def code_cooccurrence(self, row_category: str, col_category: str) -> list[tuple[str, str, int]]:
        rows = self._rows(COOCCURRENCE, rows=row_category, cols=col_category)
        return [(r, k, n) for r, k, n in rows]

    def polarity_counts(self, category: str | None = None) -> list[tuple[str, str, int]]:
        query = POLARITY_COUNTS if category is None else POLARITY_COUNTS_OF
        rows = [(k, p, n) for k, p, n in self._rows(query, category=category)]
        return sorted(rows, key=lambda r: (r[0], _nulls_first(r[1])))

    def year_counts(self, code_ids: Sequence[str]) -> list[tuple[str, int, int]]:
        rows = self._rows(YEAR_COUNTS, codes=list(dict.fromkeys(code_ids)))
        return [(k, y, n) for k, y, n in rows]

    def incidence(self) -> list[tuple[str, str]]:
        return sorted((d, k) for k, docs in self._rows(INCIDENCE) for d in docs)

    def polarity_incidence(self) -> list[tuple[str, str, str]]:
        rows = [(d, k, p) for k, p, docs in self._rows(POLARITY_INCIDENCE) for d in docs]
        if any(p is None for _, _, p in rows):  # rare; a keyed sort costs 10x the plain one
            return sorted(rows, key=lambda r: (r[0], r[1], _nulls_first(r[2])))
        return sorted(rows)

    def document_summaries(self) -> list[DocumentSummary]:
        return sorted((DocumentSummary(*row) for row in self._packed(DOCUMENT_SUMMARIES)),
                      key=lambda s: s.id)  # fmt: skip

    def authorship(self) -> list[tuple[str, str, int]]:
        rows = [(d, name, pos) for d, name, pos in self._packed(AUTHORSHIP)]
        return sorted(rows, key=lambda r: (r[0], _nulls_first(r[2])))

    def get_documents(self, document_ids: Sequence[str]) -> list[Document]:
        ids = list(dict.fromkeys(document_ids))
        found = {r[0]["id"]: from_row(Document, r[0]) for r in self._rows(DOCUMENTS, ids=ids)}
        return _in_order(ids, found)

    def document_details(self, document_ids: Sequence[str]) -> list[DocumentDetail]:
        ids = list(dict.fromkeys(document_ids))
        found = {
            doc["id"]: DocumentDetail(
                from_row(Document, doc),
                tuple(from_row(Coding, c) for c in codings),
                tuple(authors),
                tuple(supervisors),
                tuple((name, city) for name, city in sites),
            )
            for doc, codings, authors, supervisors, sites in self._rows(DETAILS, ids=ids)
        }
        return _in_order(ids, found)
