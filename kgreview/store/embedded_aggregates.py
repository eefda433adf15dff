"""Whole-corpus aggregates of the embedded store, computed by SQLite (a mixin).

The same answers as :mod:`kgreview.store.neo4j_aggregates`. There is no wire to save here:
the point is reading only the columns and codings an answer needs.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Sequence
from typing import Any

from kgreview.model import Document
from kgreview.review_rows import DocumentDetail
from kgreview.store.embedded_sql import q
from kgreview.store.schema import Label

C, D, K = q(Label.Coding), q(Label.Document), q(Label.Code)

# The codings of the two categories' codes. A full scan (NOT INDEXED): when the categories
# hold most codings, as theory and context do, 10^6 lookups through the code_id index cost
# twice the scan (1.0 s against 0.5 s of CPU at 100k documents, 1.1M codings).
WANTED = f"""
SELECT c.document_id, c.code_id FROM {C} c NOT INDEXED
WHERE c.code_id IN (SELECT id FROM {K} WHERE category IN (:rows, :cols))"""
CATEGORIES = f"SELECT id, category FROM {K} WHERE category IN (:rows, :cols)"

POLARITY_COUNTS = f"""
SELECT code_id, polarity, count(DISTINCT document_id) FROM {C}
WHERE :category IS NULL OR code_id IN (SELECT id FROM {K} WHERE category = :category)
GROUP BY code_id, polarity ORDER BY code_id, polarity"""

YEAR_COUNTS = f"""
SELECT f.code_id, d.year, count(*)
FROM (SELECT DISTINCT code_id, document_id FROM {C}
      WHERE code_id IN (SELECT value FROM json_each(:codes))) f
JOIN {D} d ON d.id = f.document_id
WHERE d.year IS NOT NULL AND d.year <> 0
GROUP BY f.code_id, d.year ORDER BY f.code_id, d.year"""


class EmbeddedAggregates:
    def _read(self, query: str, params: Sequence | dict = ()) -> list[tuple]:
        raise NotImplementedError

    def code_cooccurrence(self, row_category: str, col_category: str) -> list[tuple[str, str, int]]:
        params = {"rows": row_category, "cols": col_category}
        category = dict(self._read(CATEGORIES, params))
        by_document: dict[str, set[str]] = defaultdict(set)
        for document, code in self._read(WANTED, params):
            by_document[document].add(code)
        same = row_category == col_category
        counts: Counter[tuple[str, str]] = Counter()
        for found in by_document.values():
            rows = [k for k in found if category[k] == row_category]
            cols = [k for k in found if category[k] == col_category]
            counts.update((r, k) for r in rows for k in cols if not same or r < k)
        pairs = [(r, k, n) for (r, k), n in counts.items()]
        return sorted(pairs, key=lambda p: (-p[2], p[0], p[1]))

    def polarity_counts(self, category: str | None = None) -> list[tuple[str, str, int]]:
        return [(k, p, n) for k, p, n in self._read(POLARITY_COUNTS, {"category": category})]

    def year_counts(self, code_ids: Sequence[str]) -> list[tuple[str, int, int]]:
        rows = self._read(YEAR_COUNTS, {"codes": json.dumps(list(code_ids))})
        return [(k, y, n) for k, y, n in rows]

    # No round trips to save in SQLite: the batched reads are the per-document ones in turn.
    def get_documents(self, document_ids: Sequence[str]) -> list[Document]:
        me: Any = self  # the store this mixin is part of
        found = (me.get_document(i) for i in dict.fromkeys(document_ids))
        return [d for d in found if d is not None]

    def document_details(self, document_ids: Sequence[str]) -> list[DocumentDetail]:
        me: Any = self
        return [
            DocumentDetail(d, tuple(me.codings_for_document(d.id)), tuple(me.authors_of(d.id)),
                           tuple(me.supervisors_of(d.id)), tuple(me.sites_of(d.id)))
            for d in self.get_documents(document_ids)
        ]  # fmt: skip
