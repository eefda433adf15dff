"""Full-text search of the embedded store (FTS5, trigram tokenizer), as a mixin.

The index and its triggers are created by a recorded migration (:func:`ensure_index`, called
from :func:`kgreview.store.embedded_migrate.migrate`). Trigrams need three characters: a
one- or two-character query (增能, 社区 — common in Chinese) scans the same normalised rows
with ``instr`` instead, so it finds exactly what a longer query would.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence

from kgreview.model_search import SearchHit, SearchQuery
from kgreview.store import embedded_search_sql as ssql
from kgreview.store.search_common import assemble, make_query, search_text

TRIGRAM = 3


def register(conn: sqlite3.Connection) -> None:
    """Make the normaliser the index triggers call available on this connection."""
    conn.create_function("kg_search_text", 1, search_text, deterministic=True)


def ensure_index(conn: sqlite3.Connection, existing: set[str]) -> list[str]:
    """Create the index and triggers when missing (filling it from stored segments); the
    migration steps taken, for the caller to record."""
    steps = []
    for statement in ssql.CREATE:
        conn.execute(statement)
    if ssql.TEXT_TABLE not in existing:
        conn.execute(ssql.BACKFILL)
        steps.append(ssql.MIGRATION_NAME)
    replaced = conn.execute(ssql.OLD_TRIGGERS_PRESENT).fetchone()[0]
    try:
        for statement in ssql.CREATE_FTS:
            conn.execute(statement)
    except sqlite3.OperationalError:
        # An SQLite older than 3.34 has no trigram tokenizer: every search scans the
        # normalised rows instead (same answers, slower); a newer SQLite adds the index.
        return steps
    if replaced:
        for name in ssql.OLD_FTS_TRIGGERS:  # their rows are indexed already: nothing queued
            conn.execute(f"DROP TRIGGER IF EXISTS {name}")
        steps.append(ssql.QUEUE_MIGRATION_NAME)
    if ssql.FTS_TABLE not in existing:
        conn.execute(ssql.REBUILD_FTS)
        if not steps:
            steps.append(ssql.FTS_MIGRATION_NAME)
    return steps


def flush_index(conn: sqlite3.Connection) -> None:
    """Index the sentences this transaction queued (the store calls it before each commit)."""
    if conn.execute(ssql.HAS_FTS).fetchone()[0]:
        for statement in ssql.FLUSH_FTS:
            conn.execute(statement)


def _phrase(key: str) -> str:
    # An FTS5 string: the whole query as one literal phrase (quotes doubled), never syntax.
    return '"' + key.replace('"', '""') + '"'


class EmbeddedSearch:
    def _read(self, query: str, params: Sequence | dict = ()) -> list[tuple]:
        raise NotImplementedError

    def search_segments(self, query: str, **filters: object) -> list[SearchHit]:
        """Sentences containing ``query`` (normalised, literal), filtered; see GraphStore."""
        found = make_query(query, **filters)
        if not found.text and not found.codes:
            return []
        rows = self._read(self._hits_sql(found), self._params(found))
        ids = json.dumps([row[0] for row in rows])
        return assemble(found, rows, self._read(ssql.CODINGS_OF, (ids,)) if rows else [])

    def _hits_sql(self, found: SearchQuery) -> str:
        if not found.text:
            return ssql.HITS_BY_CODES
        indexed = len(found.text) >= TRIGRAM and self._has_trigram_index()
        return ssql.HITS_BY_INDEX if indexed else ssql.HITS_BY_SCAN

    def _has_trigram_index(self) -> bool:
        if not hasattr(self, "_trigram_index"):
            self._trigram_index = bool(self._read(ssql.HAS_FTS)[0][0])
        return self._trigram_index

    @staticmethod
    def _params(found: SearchQuery) -> dict[str, object]:
        return {
            "key": found.text,
            "phrase": _phrase(found.text),
            "codes": json.dumps(found.codes) if found.codes else None,
            "category": found.category,
            "polarity": found.polarity,
            "coded": found.coded,
            "year_from": found.year_from,
            "year_to": found.year_to,
            "doc_types": json.dumps(found.doc_types) if found.doc_types else None,
            "speaker": found.speaker,
            "limit": found.limit,
            "offset": found.offset,
        }
