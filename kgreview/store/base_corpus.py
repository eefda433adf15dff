"""The part of the :class:`~kgreview.store.base.GraphStore` protocol that reads many
documents at once: aggregates the store computes itself and batched per-document reads.

Why a part of its own: on Neo4j every record and every round trip crosses Bolt, so a page that
needs counts over 10^5 codings, or the rows of 300 documents, asks for exactly that in one
read instead of whole-corpus rows or one read per document.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from kgreview.model import Document
from kgreview.review_rows import DocumentDetail


class CorpusReads(Protocol):
    def code_cooccurrence(self, row_category: str, col_category: str) -> list[tuple[str, str, int]]:
        """(row code, column code, documents coded with both) for codes of the two categories,
        most documents first, then by ids; with one category twice, each pair once (row id <
        column id). Aggregated in the store: only the pairs leave it."""
        ...

    def polarity_counts(self, category: str | None = None) -> list[tuple[str, str, int]]:
        """(code, polarity, documents with such a coding of it), by code and polarity; only
        the codes of ``category`` when given."""
        ...

    def year_counts(self, code_ids: Sequence[str]) -> list[tuple[str, int, int]]:
        """(code, year, documents of that year coded with it) for these codes, by code and
        year; documents without a year (or year 0) are left out."""
        ...

    def get_documents(self, document_ids: Sequence[str]) -> list[Document]:
        """The stored documents among ``document_ids``, in the order given (each once): one
        read where ``get_document`` per id would be one round trip each."""
        ...

    def document_details(self, document_ids: Sequence[str]) -> list[DocumentDetail]:
        """``get_documents`` with each one's ``codings_for_document``, ``authors_of``,
        ``supervisors_of`` and ``sites_of``, in one read."""
        ...
