"""The embedded store: one SQLite file (WAL), the zero-setup default.

Why SQLite: stdlib, crash-safe (each write is one transaction; WAL survives a kill
mid-write), and a Streamlit reader can read while a CLI process writes. Analytics such as
co-occurrence run on plain rows in ``analysis/`` rather than SQL self-joins.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

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
from kgreview.store import embedded_sql as sql
from kgreview.store.base import STAT_LABELS, StoreUnavailable, StoreWriteError
from kgreview.store.embedded_coding import EmbeddedCoding
from kgreview.store.embedded_migrate import META_ID, migrate
from kgreview.store.embedded_review import EmbeddedReviewReads
from kgreview.store.embedded_review_sql import delete_owned_source_rels
from kgreview.store.embedded_search import EmbeddedSearch, flush_index, register
from kgreview.store.embedded_transfer import EmbeddedTransfer
from kgreview.store.project_reads import EmbeddedProjectReads
from kgreview.store.rows import (
    BUNDLE_RELATIONSHIPS,
    OWNED_SOURCE_RELATIONSHIPS,
    WriteBatch,
    batch_from_bundles,
    facet_order,
    from_row,
    rows_for,
)
from kgreview.store.schema import SCHEMA, Label


class EmbeddedStore(
    EmbeddedTransfer, EmbeddedReviewReads, EmbeddedCoding, EmbeddedProjectReads, EmbeddedSearch
):
    """GraphStore over one SQLite file."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            # Autocommit mode: transactions are explicit (BEGIN IMMEDIATE ... COMMIT).
            self._conn = sqlite3.connect(
                self.path, isolation_level=None, check_same_thread=False, timeout=30
            )
            self._conn.execute("PRAGMA journal_mode=WAL")
            self._conn.execute("PRAGMA synchronous=NORMAL")
            self._conn.execute("PRAGMA busy_timeout=30000")
            # 128 MB of pages, not 2: ids are hashes, so inserts land on random index pages.
            self._conn.execute("PRAGMA cache_size=-131072")
            register(self._conn)  # the search index's triggers call it
        except (OSError, sqlite3.Error) as exc:
            raise StoreUnavailable(f"cannot open embedded store {self.path}: {exc}") from exc
        # One connection shared by Streamlit's threads; the lock serialises its use.
        self._lock = threading.RLock()
        self._migrate()

    # --- lifecycle -----------------------------------------------------------------------
    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def describe(self) -> str:
        return f"embedded store {self.path}"

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
                flush_index(self._conn)
                self._conn.execute(
                    f"UPDATE {sql.q(Label.StoreMeta)} SET revision = revision + 1 WHERE id = ?",
                    (META_ID,),
                )
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")

    def _read(self, query: str, params: Sequence | dict = ()) -> list[tuple]:
        with self._lock:
            return self._conn.execute(query, params).fetchall()

    def _migrate(self) -> None:
        with self._lock:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                migrate(self._conn)
                self._conn.execute("COMMIT")
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise

    def revision(self) -> int:
        return self._read(
            f"SELECT revision FROM {sql.q(Label.StoreMeta)} WHERE id = ?", (META_ID,)
        )[0][0]

    def schema_version(self) -> int:
        return self._read(
            f"SELECT schema_version FROM {sql.q(Label.StoreMeta)} WHERE id = ?", (META_ID,)
        )[0][0]

    def migrations(self) -> list[tuple[int, str]]:
        rows = self._read(f"SELECT version, name FROM {sql.q(Label.Migration)} ORDER BY version")
        return [(v, n) for v, n in rows]

    def clear(self) -> None:
        with self._write() as conn:
            for label in SCHEMA.nodes:
                if label not in (Label.StoreMeta, Label.Migration):
                    conn.execute(f"DELETE FROM {sql.q(label)}")
            for rel in SCHEMA.stored_relationships():
                conn.execute(f"DELETE FROM {sql.rel_table(rel.type)}")

    # --- writes --------------------------------------------------------------------------
    def _write_nodes(self, conn: sqlite3.Connection, label: str, rows: list[dict]) -> None:
        spec = SCHEMA.nodes[label]
        conn.executemany(sql.upsert_node(spec, list(spec.properties)), rows)
        for link in SCHEMA.links_held_by(label):
            if link.ensure_target and link.stored_as:
                prop = link.stored_as[1]
                targets = {(row[prop],) for row in rows if row.get(prop) is not None}
                conn.executemany(sql.ensure_node(link.target), sorted(targets))

    def _write_batch(self, conn: sqlite3.Connection, batch: WriteBatch) -> None:
        ids = json.dumps([keep.id for keep in batch.documents])
        stored = {row[0] for row in conn.execute(sql.STORED_AMONG, (ids,))}
        for keep in batch.documents:
            if keep.id not in stored:
                continue  # a new document owns nothing yet: a first ingest only inserts
            for rel in OWNED_SOURCE_RELATIONSHIPS:
                conn.execute(delete_owned_source_rels(SCHEMA.relationships[rel]), (keep.id,))
            for label, ids in keep.owned_ids.items():
                conn.execute(sql.delete_stale_owned(label), (keep.id, json.dumps(ids)))
            conn.execute(sql.DELETE_STALE_AUTO_CODINGS, (keep.id, json.dumps(keep.auto_coding_ids)))
            for rel in BUNDLE_RELATIONSHIPS:
                spec = SCHEMA.relationships[rel]
                column = "dst" if spec.target == Label.Document else "src"
                conn.execute(sql.delete_rel_touching(spec, column), (keep.id,))
        for label, rows in batch.nodes.items():
            self._write_nodes(conn, label, rows)
        for rel, rows in batch.relationships.items():
            conn.executemany(sql.upsert_rel(SCHEMA.relationships[rel]), rows)

    def upsert_bundles(self, bundles: Sequence[DocumentBundle]) -> None:
        batch = batch_from_bundles(bundles)
        try:
            with self._write() as conn:
                self._write_batch(conn, batch)
        except (sqlite3.Error, ValueError, TypeError, OverflowError) as exc:
            raise StoreWriteError(f"batch of {len(bundles)} documents rolled back: {exc}") from exc

    def upsert_codes(self, codes: Iterable[Code]) -> None:
        self._upsert_objects(list(codes))

    def add_codings(self, codings: Sequence[Coding]) -> None:
        self._upsert_objects(list(codings))

    def _upsert_objects(self, objects: list[object]) -> None:
        try:
            with self._write() as conn:
                for label, rows in rows_for(objects).items():
                    self._write_nodes(conn, label, rows)
        except (sqlite3.Error, ValueError, TypeError) as exc:
            raise StoreWriteError(f"write rolled back: {exc}") from exc

    def replace_auto_codings(
        self,
        document_id: str,
        codings: Sequence[Coding],
        tag_key: str | None = None,
        review: WriteBatch | None = None,
    ) -> None:
        with self._write() as conn:
            conn.execute(sql.DELETE_AUTO_CODINGS, (document_id,))
            if tag_key is not None:
                conn.execute(f"UPDATE {sql.D} SET tag_key = ? WHERE id = ?", (tag_key, document_id))
            for label, rows in rows_for(list(codings)).items():
                self._write_nodes(conn, label, rows)
            if review is not None:
                for rel in OWNED_SOURCE_RELATIONSHIPS:
                    query = delete_owned_source_rels(SCHEMA.relationships[rel])
                    conn.execute(query, (document_id,))
                conn.execute(sql.delete_owned(Label.Gap), (document_id,))
                for label, rows in review.nodes.items():
                    self._write_nodes(conn, label, rows)
                for rel, rows in review.relationships.items():
                    conn.executemany(sql.upsert_rel(SCHEMA.relationships[rel]), rows)

    def set_tag_key(self, document_ids: Sequence[str], tag_key: str) -> None:
        with self._write() as conn:
            conn.execute(sql.SET_TAG_KEYS, (tag_key, json.dumps(list(document_ids))))

    def delete_coding(self, coding_id: str) -> None:
        with self._write() as conn:
            conn.execute(f"DELETE FROM {sql.q(Label.Coding)} WHERE id = ?", (coding_id,))

    def delete_document(self, document_id: str) -> None:
        with self._write() as conn:
            for rel in OWNED_SOURCE_RELATIONSHIPS:
                conn.execute(delete_owned_source_rels(SCHEMA.relationships[rel]), (document_id,))
            for label in (Label.Coding, Label.Segment, Label.Participant, Label.Gap):
                conn.execute(sql.delete_owned(label), (document_id,))
            for rel in SCHEMA.stored_relationships():
                for column, end in (("src", rel.source), ("dst", rel.target)):
                    if end == Label.Document:
                        conn.execute(sql.delete_rel_touching(rel, column), (document_id,))
            conn.execute(f"DELETE FROM {sql.q(Label.Document)} WHERE id = ?", (document_id,))

    # --- reads ---------------------------------------------------------------------------
    def stats(self) -> dict[str, int]:
        return {key: self._read(sql.count(label))[0][0] for key, label in STAT_LABELS.items()}

    def _select(self, query: str, params: Sequence | dict = ()) -> list[dict]:
        with self._lock:
            cursor = self._conn.execute(query, params)
            names = [d[0] for d in cursor.description]
            return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def get_document(self, document_id: str) -> Document | None:
        rows = self._select(f"SELECT * FROM {sql.D} WHERE id = ?", (document_id,))
        return from_row(Document, rows[0]) if rows else None

    def documents_with_other_tag_key(self, tag_key: str) -> list[Document]:
        query = f"SELECT * FROM {sql.D} WHERE coalesce(tag_key, '') != ? ORDER BY id"
        return [from_row(Document, r) for r in self._select(query, (tag_key,))]

    def fingerprints(self) -> dict[str, Fingerprint]:
        return {
            r[0]: Fingerprint(r[0], r[1] or "", r[2] or "", r[3] or "", _keys(r[4]))
            for r in self._read(sql.FINGERPRINTS)
        }

    def list_codes(self) -> list[Code]:
        return [from_row(Code, r) for r in self._select(f"SELECT * FROM {sql.K} ORDER BY id")]

    def document_facets(self) -> list[DocumentFacet]:
        facets = [DocumentFacet(*row) for row in self._read(sql.DOCUMENT_FACETS)]
        return sorted(facets, key=facet_order)

    def code_frequencies(self, category: str | None = None) -> list[CodeCount]:
        return [CodeCount(*row) for row in self._read(sql.CODE_FREQUENCIES, {"category": category})]

    def documents_for_code(self, code_id: str) -> list[DocumentHit]:
        return [
            DocumentHit(d, t or "", y, n, tuple(sorted((p or "").split(","))))
            for d, t, y, n, p in self._read(sql.DOCUMENTS_FOR_CODE, {"code": code_id})
        ]

    def incidence(self) -> list[tuple[str, str]]:
        return [(d, c) for d, c in self._read(sql.INCIDENCE)]

    def evidence_for_code(self, code_id: str, limit: int | None = None) -> list[Evidence]:
        rows = self._read(sql.EVIDENCE_FOR_CODE, {"code": code_id, "limit": limit or -1})
        return [Evidence(*row) for row in rows]

    def codings_for_document(self, document_id: str) -> list[Coding]:
        query = sql.CODINGS_WHERE.format(column="document_id")
        return [from_row(Coding, r) for r in self._select(query, (document_id,))]

    def codings_by_coder(self, coder: str) -> list[Coding]:
        query = sql.CODINGS_WHERE.format(column="coder")
        return [from_row(Coding, r) for r in self._select(query, (coder,))]

    def authors_of(self, document_id: str) -> list[str]:
        return [row[0] for row in self._read(sql.AUTHORS_OF, (document_id,))]

    def supervisors_of(self, document_id: str) -> list[str]:
        return [r[0] for r in self._read(sql.SUPERVISORS_OF, (document_id,))]

    def keywords_of(self, document_id: str) -> list[str]:
        return [r[0] for r in self._read(sql.KEYWORDS_OF, (document_id,))]

    def affiliations_of(self, document_id: str) -> list[tuple[str, str]]:
        return [(r[0], r[1]) for r in self._read(sql.AFFILIATIONS_OF, (document_id,))]


def _keys(value: str | None) -> tuple[str, ...]:
    # match_keys is a json property: JSON text in both stores.
    return tuple(json.loads(value)) if value else ()
