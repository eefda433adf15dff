"""The one interface every graph store implements, and the errors it raises.

The app, CLI and analysis only ever see this protocol; Cypher and SQL stay in ``store/``.
Every write is one transaction and bumps :meth:`GraphStore.revision`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, Protocol, runtime_checkable

from kgreview.model import (
    AttributedCoding,
    Code,
    CodeCount,
    Coder,
    Coding,
    Document,
    DocumentBundle,
    DocumentFacet,
    DocumentHit,
    DocumentSummary,
    Evidence,
    Fingerprint,
    GapStatement,
    Memo,
    Participant,
    Segment,
)
from kgreview.model_search import SearchHit
from kgreview.store.base_corpus import CorpusReads
from kgreview.store.rows import WriteBatch
from kgreview.store.schema import Label


class StoreError(Exception):
    """A store problem worth one clear line to the user."""


class StoreUnavailable(StoreError):
    """The store cannot be reached or opened (server down, bad credentials, bad URI)."""


class StoreWriteError(StoreError):
    """A write failed and was rolled back as a whole."""


# What `kgreview stats` counts: key -> the label whose nodes it counts.
STAT_LABELS = {
    "documents": Label.Document,
    "segments": Label.Segment,
    "codings": Label.Coding,
    "codes": Label.Code,
    "authors": Label.Author,
    "references": Label.Reference,
}
STAT_KEYS = tuple(STAT_LABELS)


@runtime_checkable
class GraphStore(CorpusReads, Protocol):
    """Documents, segments, codes, codings, authors and references in one graph."""

    # --- lifecycle and bookkeeping -------------------------------------------------------
    def close(self) -> None: ...
    def describe(self) -> str: ...
    def revision(self) -> int:
        """A counter every write bumps; caches key on it."""
        ...

    def schema_version(self) -> int: ...
    def migrations(self) -> list[tuple[int, str]]:
        """Applied migrations as (version, name), oldest first."""
        ...

    def clear(self) -> None:
        """Delete every node and relationship (tests, ``kgreview reset``)."""
        ...

    # --- writes --------------------------------------------------------------------------
    def upsert_codes(self, codes: Iterable[Code]) -> None: ...
    def upsert_bundles(self, bundles: Sequence[DocumentBundle]) -> None:
        """Write documents with everything derived from them, all or nothing.

        A bundle replaces its document's segments, auto codings and bibliographic links;
        manual codings are kept. Writing the same bundles twice changes nothing but the
        revision.
        """
        ...

    def replace_auto_codings(
        self,
        document_id: str,
        codings: Sequence[Coding],
        tag_key: str | None = None,
        review: WriteBatch | None = None,
    ) -> None:
        """Swap a document's auto codings (and record the tag key they came from); with
        ``review`` (see :func:`kgreview.store.rows.review_batch`) its gaps and attributions too.
        """
        ...

    def set_tag_key(self, document_ids: Sequence[str], tag_key: str) -> None:
        """Record that these documents' auto codings are current under ``tag_key`` (a
        codebook edit that cannot change them); nothing else changes. One transaction."""
        ...

    def add_codings(self, codings: Sequence[Coding]) -> None: ...
    def delete_coding(self, coding_id: str) -> None: ...
    def memos_for(self, target_id: str | None = None) -> list[Memo]:
        """Memos on one target (document, segment, code or coding), or all, oldest first."""
        ...

    def recode(self, coding_ids: Sequence[str], code_id: str) -> None:
        """Move codings to another code (merge, split): the coding keeps span and coder."""
        ...

    def delete_code(self, code_id: str, reparent_to: str | None = None) -> None:
        """Remove an unused code; its children move to ``reparent_to``. Refuses (ValueError)
        while codings use it."""
        ...

    def delete_document(self, document_id: str) -> None:
        """Remove a document, its segments, codings and gaps; shared authors and codes stay."""
        ...

    # --- reads ---------------------------------------------------------------------------
    def stats(self) -> dict[str, int]:
        """Counts keyed by :data:`STAT_KEYS`."""
        ...

    def get_document(self, document_id: str) -> Document | None: ...
    def documents_with_other_tag_key(self, tag_key: str) -> list[Document]:
        """Documents tagged with another codebook/cues/tagger than ``tag_key`` names."""
        ...

    def fingerprints(self) -> dict[str, Fingerprint]: ...
    def list_codes(self) -> list[Code]: ...
    def document_facets(self) -> list[DocumentFacet]: ...
    def code_frequencies(self, category: str | None = None) -> list[CodeCount]:
        """Codes with at least one coding, most documents first."""
        ...

    def documents_for_code(self, code_id: str) -> list[DocumentHit]: ...
    def incidence(self) -> list[tuple[str, str]]:
        """Distinct (document_id, code_id) pairs: the input of co-occurrence analysis."""
        ...

    def evidence_for_code(self, code_id: str, limit: int | None = None) -> list[Evidence]: ...
    def codings_for_document(self, document_id: str) -> list[Coding]: ...
    def codings_by_coder(self, coder: str) -> list[Coding]: ...
    def document_summaries(self) -> list[DocumentSummary]:
        """Every document's id, title, type, language, year and source, by id."""
        ...

    def ingest_history(self) -> list[tuple[str, int, tuple[str, ...]]]:
        """(ingested_at, documents, their distinct sources) per ingest run, newest first."""
        ...

    def polarity_incidence(self) -> list[tuple[str, str, str]]:
        """Distinct (document, code, polarity) rows."""
        ...

    def gap_statements(self) -> list[GapStatement]:
        """Stored gap sentences with the codes they concern."""
        ...

    def attributed_codings(self, code_id: str) -> list[AttributedCoding]:
        """Codings of ``code_id`` in sentences attributed to a scholar (ATTRIBUTES)."""
        ...

    def authorship(self) -> list[tuple[str, str, int]]:
        """(document, author name, byline position) for every AUTHORED edge."""
        ...

    def reference_summaries(self) -> list[tuple[str, str, int | None, tuple[str, ...]]]:
        """(id, title, year, authors) of every Reference node."""
        ...

    def same_as(self) -> list[tuple[str, str]]:
        """(reference, document) pairs: a cited work that is also in the corpus."""
        ...

    def link_same_as(self, pairs: Sequence[tuple[str, str]]) -> None:
        """Record SAME_AS edges (idempotent)."""
        ...

    def sites_of(self, document_id: str) -> list[tuple[str, str]]:
        """(name, city) of the case sites a document studies (STUDIES)."""
        ...

    def policies_cited(self, document_id: str) -> list[tuple[int, str, str]]:
        """(n, title, issuer) for each policy text a document's reference list cites."""
        ...

    def references_of(self, document_id: str) -> list[tuple[int, str, tuple[str, ...]]]:
        """(n, reference id, its authors via WROTE) for each CITES edge of a document."""
        ...

    def authors_of(self, document_id: str) -> list[str]:
        """Author names in byline order."""
        ...

    def supervisors_of(self, document_id: str) -> list[str]:
        """A thesis's supervisors (SUPERVISED, never AUTHORED), in the order given."""
        ...

    def affiliations_of(self, document_id: str) -> list[tuple[str, str]]:
        """(author, institution) for the document's authors (AFFILIATED), sorted."""
        ...

    def keywords_of(self, document_id: str) -> list[str]:
        """The document's own (author) keywords, alphabetically; not codebook codes."""
        ...

    def search_segments(
        self,
        query: str,
        *,
        codes: Sequence[str] | None = None,
        category: str | None = None,
        polarity: str | None = None,
        year_from: int | None = None,
        year_to: int | None = None,
        doc_types: Sequence[str] | None = None,
        speaker: str | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> list[SearchHit]:
        """Sentences containing ``query`` as literal text (normalised as the tagger does:
        width, case, Traditional → Simplified), through the backend's full-text index; the
        newest documents first, then by document and position. ``codes``/``category``/
        ``polarity`` select sentences with one coding passing all three; ``speaker`` is a
        participant's name or a turn's label. An empty ``query`` with ``codes`` gives every
        sentence coded with them; without ``codes``, nothing. Raises ValueError on a bad
        limit or a query over 200 characters. See :mod:`kgreview.store.search_common`."""
        ...

    # --- a whole qualitative project (REFI-QDA export and import) ------------------------
    def segments_of(self, document_id: str) -> list[Segment]:
        """A document's segments (sections, paragraphs, sentences, turns, entries) by start."""
        ...

    def participants_of(self, document_id: str) -> list[Participant]:
        """The people of a transcript (Participant nodes), by label."""
        ...

    def memos(self) -> list[Memo]:
        """Every memo, by target."""
        ...

    def list_coders(self) -> list[Coder]:
        """Coder nodes (a coding's coder exists as a node even when never named), by id."""
        ...

    def upsert_coders(self, coders: Iterable[Coder]) -> None:
        """Name coders (id, name, kind human|machine); idempotent."""
        ...

    def add_memos(self, memos: Sequence[Memo]) -> None:
        """Write memos (idempotent by id); a memo about a coding gets its ABOUT edge."""
        ...

    # --- raw, schema-driven transfer (copy, backup, restore, verify) ----------------------
    def export_nodes(self, label: str, after: str | None, limit: int) -> list[dict[str, Any]]:
        """Up to ``limit`` nodes of ``label`` with a key above ``after``, by key: every
        declared property as stored (json properties as JSON text, absent ones None)."""
        ...

    def export_relationships(
        self, rel_type: str, after: tuple[str, str] | None, limit: int
    ) -> list[dict[str, Any]]:
        """Up to ``limit`` edges of a stored relationship (not ``stored_as``) as rows
        ``{src, dst, **properties}``, by (src, dst) above ``after``; only edges whose two
        ends exist."""
        ...

    def import_nodes(self, label: str, rows: Sequence[dict[str, Any]]) -> None:
        """Upsert exported rows in one transaction (idempotent). Links a property holds
        (``stored_as``) are materialised both ways, so labels may arrive in any order."""
        ...

    def import_relationships(self, rel_type: str, rows: Sequence[dict[str, Any]]) -> None:
        """Upsert exported edges in one transaction (idempotent; missing ends are skipped)."""
        ...

    def count_nodes(self, label: str) -> int: ...
    def count_relationships(self, rel_type: str) -> int:
        """Edges of any declared type (stored or ``stored_as``) whose two ends exist."""
        ...
