"""The Neo4j store: a real server for teams and large corpora, through the official driver.

Writes are batched (``UNWIND $rows ... MERGE``), one transaction per batch; constraints and
indexes come from graph.yaml on first open.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, datetime
from typing import Any

import neo4j
from neo4j import GraphDatabase
from neo4j import exceptions as neo_errors

from kgreview.config import StoreSettings
from kgreview.model import (
    Code,
    CodeCount,
    Coding,
    Document,
    DocumentBundle,
    DocumentFacet,
    DocumentHit,
    Evidence,
    Fingerprint,
)
from kgreview.store import neo4j_cypher as cy
from kgreview.store.base import STAT_LABELS, StoreUnavailable, StoreWriteError
from kgreview.store.neo4j_coding import Neo4jCoding
from kgreview.store.neo4j_errors import message, reported_gone
from kgreview.store.neo4j_review import Neo4jReviewReads, delete_owned_source_rels
from kgreview.store.neo4j_search import Neo4jSearch, ensure_index
from kgreview.store.neo4j_transfer import Neo4jTransfer
from kgreview.store.neo4j_write import write_batch, write_nodes
from kgreview.store.project_reads import Neo4jProjectReads
from kgreview.store.rows import (
    OWNED_SOURCE_RELATIONSHIPS,
    WriteBatch,
    batch_from_bundles,
    facet_order,
    from_row,
    rows_for,
)
from kgreview.store.schema import SCHEMA, Label

SCHEMA_VERSION = 1
Tx = neo4j.ManagedTransaction


def _connect(settings: StoreSettings) -> neo4j.Driver:
    try:
        driver = GraphDatabase.driver(
            settings.uri,
            auth=(settings.user, settings.password),
            # A property no node has yet is normal here (schema-wide exports), not a warning.
            notifications_min_severity="OFF",
            max_transaction_retry_time=settings.retry_seconds,
        )
        driver.verify_connectivity()
        return driver
    except neo_errors.AuthError as exc:
        raise StoreUnavailable(
            f"Neo4j at {settings.uri} refused the credentials for user {settings.user!r} "
            "(set KGREVIEW_NEO4J_USER / KGREVIEW_NEO4J_PASSWORD)"
        ) from exc
    except (neo_errors.ServiceUnavailable, OSError) as exc:
        raise StoreUnavailable(f"Neo4j at {settings.uri} is not answering: {exc}") from exc
    except (neo_errors.ConfigurationError, ValueError) as exc:
        raise StoreUnavailable(f"bad Neo4j URI {settings.uri!r}: {exc}") from exc
    except neo_errors.Neo4jError as exc:
        raise StoreUnavailable(f"Neo4j at {settings.uri}: {exc.message}") from exc


class Neo4jStore(Neo4jTransfer, Neo4jReviewReads, Neo4jCoding, Neo4jProjectReads, Neo4jSearch):
    """GraphStore over a Neo4j 5 server."""

    def __init__(self, settings: StoreSettings) -> None:
        self.settings = settings
        self._driver = _connect(settings)
        self._database = settings.database
        try:
            self._migrate()
        except (neo_errors.Neo4jError, neo_errors.DriverError) as exc:
            self._driver.close()
            raise StoreUnavailable(f"Neo4j at {settings.uri}: {message(exc)}") from exc

    # --- lifecycle -----------------------------------------------------------------------
    def close(self) -> None:
        self._driver.close()

    def describe(self) -> str:
        return f"Neo4j {self.settings.uri} (database {self._database})"

    def _session(self) -> neo4j.Session:
        return self._driver.session(database=self._database)

    def _write(self, work: Callable[[Tx], None]) -> None:
        def unit(tx: Tx) -> None:
            work(tx)
            tx.run(cy.BUMP_REVISION)

        try:
            with reported_gone(self.settings, "a write"), self._session() as session:
                session.execute_write(unit)
        except neo_errors.Neo4jError as exc:
            raise StoreWriteError(f"write rolled back: {exc.message}") from exc
        except (TypeError, ValueError) as exc:
            raise StoreWriteError(f"write rolled back: {exc}") from exc

    def _rows(self, query: str, **params: Any) -> list[list[Any]]:
        with reported_gone(self.settings, "a read"), self._session() as session:
            return session.execute_read(lambda tx: [r.values() for r in tx.run(query, **params)])

    def _migrate(self) -> None:
        with self._session() as session:
            for statement in cy.constraints_and_indexes(SCHEMA):
                session.run(statement).consume()
            version = session.execute_write(lambda tx: tx.run(cy.ENSURE_META).single()["v"])
            if version < SCHEMA_VERSION:
                at = datetime.now(UTC).isoformat(timespec="seconds")
                session.execute_write(
                    lambda tx: tx.run(
                        cy.RECORD_MIGRATION,
                        id=f"migration:{SCHEMA_VERSION}",
                        version=SCHEMA_VERSION,
                        name="create graph schema",
                        at=at,
                    ).consume()
                )
            ensure_index(session)

    def revision(self) -> int:
        return self._rows(cy.READ_META)[0][0]

    def schema_version(self) -> int:
        return self._rows(cy.READ_META)[0][1]

    def migrations(self) -> list[tuple[int, str]]:
        return [(v, n) for v, n in self._rows(cy.MIGRATIONS)]

    def clear(self) -> None:
        with self._session() as session:
            session.run(cy.CLEAR_RELATIONSHIPS).consume()
            session.run(cy.CLEAR).consume()
        self._write(lambda tx: None)

    # --- writes --------------------------------------------------------------------------
    _write_nodes = staticmethod(write_nodes)  # what the write mixins call

    def upsert_bundles(self, bundles: Sequence[DocumentBundle]) -> None:
        batch = batch_from_bundles(bundles)
        try:
            self._write(lambda tx: write_batch(tx, batch))
        except StoreWriteError as exc:
            if not isinstance(exc.__cause__, neo_errors.ConstraintError):
                raise
            # Another writer stored one of these documents since we looked: replace instead.
            self._write(lambda tx: write_batch(tx, batch, create=False))

    def upsert_codes(self, codes: Iterable[Code]) -> None:
        nodes = rows_for(list(codes))
        self._write(lambda tx: write_nodes(tx, nodes))

    def add_codings(self, codings: Sequence[Coding]) -> None:
        nodes = rows_for(list(codings))
        self._write(lambda tx: write_nodes(tx, nodes))

    def set_tag_key(self, document_ids: Sequence[str], tag_key: str) -> None:
        ids = list(document_ids)
        self._write(lambda tx: tx.run(cy.SET_TAG_KEYS, ids=ids, key=tag_key).consume())

    def replace_auto_codings(
        self,
        document_id: str,
        codings: Sequence[Coding],
        tag_key: str | None = None,
        review: WriteBatch | None = None,
    ) -> None:
        nodes = rows_for(list(codings))

        def work(tx: Tx) -> None:
            tx.run(cy.DELETE_AUTO_CODINGS, id=document_id).consume()
            if tag_key is not None:
                tx.run(cy.SET_TAG_KEY, id=document_id, key=tag_key).consume()
            write_nodes(tx, nodes)
            if review is not None:
                for rel in OWNED_SOURCE_RELATIONSHIPS:
                    spec = SCHEMA.relationships[rel]
                    query = delete_owned_source_rels(spec.source, spec.type)
                    tx.run(query, ids=[document_id]).consume()
                tx.run(cy.delete_owned(Label.Gap), id=document_id).consume()
                write_nodes(tx, review.nodes)
                for rel, rows in review.relationships.items():
                    tx.run(cy.upsert_relationships(SCHEMA.relationships[rel]), rows=rows).consume()

        self._write(work)

    def delete_coding(self, coding_id: str) -> None:
        self._write(lambda tx: tx.run(cy.DELETE_CODING, id=coding_id).consume())

    def delete_document(self, document_id: str) -> None:
        def work(tx: Tx) -> None:
            for label in (Label.Coding, Label.Segment, Label.Participant, Label.Gap):
                tx.run(cy.delete_owned(label), id=document_id).consume()
            tx.run(cy.DELETE_DOCUMENT, id=document_id).consume()

        self._write(work)

    # --- reads ---------------------------------------------------------------------------
    def stats(self) -> dict[str, int]:
        return {key: self._rows(cy.count(label))[0][0] for key, label in STAT_LABELS.items()}

    def get_document(self, document_id: str) -> Document | None:
        rows = self._rows(cy.GET_DOCUMENT, id=document_id)
        return from_row(Document, rows[0][0]) if rows else None

    def documents_with_other_tag_key(self, tag_key: str) -> list[Document]:
        rows = self._rows(cy.DOCUMENTS_WITH_OTHER_TAG_KEY, key=tag_key)
        return [from_row(Document, r[0]) for r in rows]

    def fingerprints(self) -> dict[str, Fingerprint]:
        return {
            r[0]: Fingerprint(r[0], r[1] or "", r[2] or "", r[3] or "", _keys(r[4]))
            for r in self._rows(cy.FINGERPRINTS)
        }

    def list_codes(self) -> list[Code]:
        return [from_row(Code, r[0]) for r in self._rows(cy.LIST_CODES)]

    def document_facets(self) -> list[DocumentFacet]:
        facets = [DocumentFacet(*r) for r in self._rows(cy.DOCUMENT_FACETS)]
        return sorted(facets, key=facet_order)

    def code_frequencies(self, category: str | None = None) -> list[CodeCount]:
        return [CodeCount(*r) for r in self._rows(cy.CODE_FREQUENCIES, category=category)]

    def documents_for_code(self, code_id: str) -> list[DocumentHit]:
        return [
            DocumentHit(d, t or "", y, n, tuple(sorted(p)))
            for d, t, y, n, p in self._rows(cy.DOCUMENTS_FOR_CODE, code=code_id)
        ]

    def evidence_for_code(self, code_id: str, limit: int | None = None) -> list[Evidence]:
        query = cy.EVIDENCE_FOR_CODE + (" LIMIT $limit" if limit else "")
        return [Evidence(*r) for r in self._rows(query, code=code_id, limit=limit)]

    def codings_for_document(self, document_id: str) -> list[Coding]:
        return [
            from_row(Coding, r[0]) for r in self._rows(cy.CODINGS_FOR_DOCUMENT, value=document_id)
        ]

    def codings_by_coder(self, coder: str) -> list[Coding]:
        return [from_row(Coding, r[0]) for r in self._rows(cy.CODINGS_BY_CODER, value=coder)]

    def authors_of(self, document_id: str) -> list[str]:
        return [r[0] for r in self._rows(cy.AUTHORS_OF, id=document_id)]

    def supervisors_of(self, document_id: str) -> list[str]:
        return [r[0] for r in self._rows(cy.SUPERVISORS_OF, id=document_id)]

    def keywords_of(self, document_id: str) -> list[str]:
        return [r[0] for r in self._rows(cy.KEYWORDS_OF, id=document_id)]

    def affiliations_of(self, document_id: str) -> list[tuple[str, str]]:
        return [(r[0], r[1]) for r in self._rows(cy.AFFILIATIONS_OF, id=document_id)]


def _keys(value: str | None) -> tuple[str, ...]:
    # match_keys is a json property: JSON text in both stores.
    return tuple(json.loads(value)) if value else ()
