"""Review reads of the embedded store (gaps, attributions, authorship), as a mixin."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from contextlib import AbstractContextManager

from kgreview.model import AttributedCoding, DocumentSummary, GapStatement
from kgreview.store import embedded_review_sql as sql
from kgreview.store.embedded_aggregates import EmbeddedAggregates


class EmbeddedReviewReads(EmbeddedAggregates):
    def _read(self, query: str, params: Sequence | dict = ()) -> list[tuple]:
        raise NotImplementedError

    def _select(self, query: str, params: Sequence | dict = ()) -> list[dict]:
        raise NotImplementedError

    def _write(self) -> AbstractContextManager[sqlite3.Connection]:
        raise NotImplementedError

    def document_summaries(self) -> list[DocumentSummary]:
        return [DocumentSummary(*row) for row in self._read(sql.DOCUMENT_SUMMARIES)]

    def ingest_history(self) -> list[tuple[str, int, tuple[str, ...]]]:
        return [
            (at, n, tuple(sorted(json.loads(sources))))
            for at, n, sources in self._read(sql.INGEST_HISTORY)
        ]

    def polarity_incidence(self) -> list[tuple[str, str, str]]:
        return [(d, c, p) for d, c, p in self._read(sql.POLARITY_INCIDENCE)]

    def gap_statements(self) -> list[GapStatement]:
        return [
            GapStatement(*row[:9], tuple(sorted(set((row[9] or "").split(",")) - {""})))
            for row in self._read(sql.GAP_STATEMENTS)
        ]

    def attributed_codings(self, code_id: str) -> list[AttributedCoding]:
        return [
            AttributedCoding(*row) for row in self._read(sql.ATTRIBUTED_CODINGS, {"code": code_id})
        ]

    def authorship(self) -> list[tuple[str, str, int]]:
        return [(d, name, pos) for d, name, pos in self._read(sql.AUTHORSHIP)]

    def reference_summaries(self) -> list[tuple[str, str, int | None, tuple[str, ...]]]:
        return [
            (ref, title, year, tuple(json.loads(authors)))
            for ref, title, year, authors in self._read(sql.REFERENCE_SUMMARIES)
        ]

    def same_as(self) -> list[tuple[str, str]]:
        return [(ref, doc) for ref, doc in self._read(sql.SAME_AS)]

    def link_same_as(self, pairs: Sequence[tuple[str, str]]) -> None:
        with self._write() as conn:
            conn.executemany(sql.INSERT_SAME_AS, list(pairs))

    def sites_of(self, document_id: str) -> list[tuple[str, str]]:
        return [(name, city) for name, city in self._read(sql.SITES_OF, (document_id,))]

    def policies_cited(self, document_id: str) -> list[tuple[int, str, str]]:
        return [tuple(row) for row in self._read(sql.POLICIES_CITED, (document_id,))]

    def references_of(self, document_id: str) -> list[tuple[int, str, tuple[str, ...]]]:
        return [
            (n, ref, tuple(json.loads(names)))
            for n, ref, names in self._read(sql.REFERENCES_OF, (document_id,))
        ]
