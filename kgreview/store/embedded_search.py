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
    for statement in ssql.CREATE:
        conn.execute(statement)
    if ssql.TEXT_TABLE in existing:
        return []
    conn.execute(ssql.BACKFILL)
    return [ssql.MIGRATION_NAME]


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

    @staticmethod
    def _hits_sql(found: SearchQuery) -> str:
        if not found.text:
            return ssql.HITS_BY_CODES
        return ssql.HITS_BY_INDEX if len(found.text) >= TRIGRAM else ssql.HITS_BY_SCAN

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
