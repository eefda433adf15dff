"""SQL of the embedded store's full-text search: an FTS5 trigram index over sentence text.

``search_segment`` holds each sentence's normalised text (rowid ``n``, stable under VACUUM);
``search_segment_fts`` indexes it (external content, trigram tokenizer, so any substring of
three or more characters — Chinese included — is an index lookup). Triggers keep both in step
with the Segment and Document tables on every write path: bundles, rewrites, deletes,
imports, restores, copies, clear. ``kg_search_text`` is the Python normaliser, registered on
each connection (:func:`kgreview.store.embedded_search.register`).
"""

from __future__ import annotations

from kgreview.store.embedded_sql import q
from kgreview.store.schema import Label
from kgreview.store.search_common import SEARCHED_KIND

TEXT_TABLE, FTS_TABLE = "search_segment", "search_segment_fts"
MIGRATION_NAME = "create segment search index (FTS5 trigram)"
D, S, C, K, P = (
    q(x) for x in (Label.Document, Label.Segment, Label.Coding, Label.Code, Label.Participant)
)

# `+s.kind`: never let the planner pick the kind index (every sentence of the corpus) over the
# document's own segments — that made each document write scan all sentences.
# The sentence's text cut from its document (SQLite's substr counts code points, as we do).
_SLICE = 'kg_search_text(substr({doc}.text, {seg}.start + 1, {seg}."end" - {seg}.start))'
_FROM_DOC = (
    f"INSERT INTO {TEXT_TABLE} (segment_id, text) "
    f"SELECT s.id, {_SLICE.format(doc='new', seg='s')} FROM {S} s "
    f"WHERE s.document_id = new.id AND +s.kind = '{SEARCHED_KIND}';"
)
_FROM_SEGMENT = (
    f"INSERT INTO {TEXT_TABLE} (segment_id, text) "
    f"SELECT new.id, {_SLICE.format(doc='d', seg='new')} FROM {D} d "
    f"WHERE d.id = new.document_id AND new.kind = '{SEARCHED_KIND}';"
)


def _forget(ids: str) -> str:
    return f"DELETE FROM {TEXT_TABLE} WHERE segment_id IN ({ids});"


_OF_DOC = f"SELECT id FROM {S} WHERE document_id = {{}}.id"

# The index over the text table (SQLite >= 3.34 has the trigram tokenizer). New sentences are
# queued in PENDING_TABLE and indexed once per write transaction (FLUSH_FTS, run by the store
# before every commit): one set-based insert costs a fifth of a trigger's row-by-row inserts,
# and sentence rows were most of a first ingest's writing time. A sentence deleted before its
# flush was never indexed, so it is only dequeued.
PENDING_TABLE = "search_segment_pending"
CREATE_FTS = [
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5("
    f"text, content='{TEXT_TABLE}', content_rowid='n', tokenize='trigram')",
    f"CREATE TABLE IF NOT EXISTS {PENDING_TABLE} (n INTEGER PRIMARY KEY)",
    f"CREATE TRIGGER IF NOT EXISTS {TEXT_TABLE}_queue AFTER INSERT ON {TEXT_TABLE} BEGIN "
    f"INSERT INTO {PENDING_TABLE} (n) VALUES (new.n); END",
    f"CREATE TRIGGER IF NOT EXISTS {TEXT_TABLE}_unindex AFTER DELETE ON {TEXT_TABLE} BEGIN "
    f"INSERT INTO {FTS_TABLE} ({FTS_TABLE}, rowid, text) SELECT 'delete', old.n, old.text "
    f"WHERE NOT EXISTS (SELECT 1 FROM {PENDING_TABLE} WHERE n = old.n); "
    f"DELETE FROM {PENDING_TABLE} WHERE n = old.n; END",
]
FLUSH_FTS = [
    f"INSERT INTO {FTS_TABLE} (rowid, text) SELECT t.n, t.text FROM {PENDING_TABLE} p "
    f"JOIN {TEXT_TABLE} t ON t.n = p.n",
    f"DELETE FROM {PENDING_TABLE}",
]
# The row-by-row triggers of stores made before the queue (replaced on open).
OLD_FTS_TRIGGERS = [f"{TEXT_TABLE}_ai", f"{TEXT_TABLE}_ad"]
OLD_TRIGGERS_PRESENT = (
    "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name IN ("
    + ", ".join(f"'{name}'" for name in OLD_FTS_TRIGGERS)
    + ")"
)
QUEUE_MIGRATION_NAME = "index new sentences once per write"
REBUILD_FTS = f"INSERT INTO {FTS_TABLE} ({FTS_TABLE}) VALUES ('rebuild')"
HAS_FTS = f"SELECT count(*) FROM sqlite_master WHERE name = '{FTS_TABLE}'"
FTS_MIGRATION_NAME = "create segment search trigram index"

# The normalised sentence texts, kept in step by triggers.
CREATE = [
    f"CREATE TABLE IF NOT EXISTS {TEXT_TABLE} "
    "(n INTEGER PRIMARY KEY, segment_id TEXT NOT NULL UNIQUE, text TEXT NOT NULL)",
    f"CREATE TRIGGER IF NOT EXISTS search_segment_insert AFTER INSERT ON {S} BEGIN "
    f"{_forget('new.id')} {_FROM_SEGMENT} END",
    # Re-writing an unchanged segment (every re-ingest) costs nothing: only moved spans count.
    "CREATE TRIGGER IF NOT EXISTS search_segment_update "
    f'AFTER UPDATE OF document_id, kind, start, "end" ON {S} '
    "WHEN old.document_id IS NOT new.document_id OR old.kind IS NOT new.kind "
    f'OR old.start IS NOT new.start OR old."end" IS NOT new."end" BEGIN '
    f"{_forget('old.id')} {_FROM_SEGMENT} END",
    f"CREATE TRIGGER IF NOT EXISTS search_segment_delete AFTER DELETE ON {S} BEGIN "
    f"{_forget('old.id')} END",
    # A document arriving after its segments (imports in any order), or its text changing.
    f"CREATE TRIGGER IF NOT EXISTS search_document_insert AFTER INSERT ON {D} BEGIN "
    f"{_forget(_OF_DOC.format('new'))} {_FROM_DOC} END",
    f"CREATE TRIGGER IF NOT EXISTS search_document_update AFTER UPDATE OF text ON {D} "
    f"WHEN old.text IS NOT new.text BEGIN {_forget(_OF_DOC.format('new'))} {_FROM_DOC} END",
    f"CREATE TRIGGER IF NOT EXISTS search_document_delete AFTER DELETE ON {D} BEGIN "
    f"{_forget(_OF_DOC.format('old'))} END",
]

BACKFILL = (
    f"INSERT INTO {TEXT_TABLE} (segment_id, text) "
    f"SELECT s.id, {_SLICE.format(doc='d', seg='s')} FROM {S} s JOIN {D} d "
    f"ON d.id = s.document_id WHERE s.kind = '{SEARCHED_KIND}'"
)

# Candidates: an index lookup for 3+ characters (then checked exactly), else a scan.
BY_INDEX = (
    f"SELECT t.segment_id AS id FROM {FTS_TABLE} f JOIN {TEXT_TABLE} t ON t.n = f.rowid "
    f"WHERE {FTS_TABLE} MATCH :phrase AND instr(t.text, :key) > 0"
)
BY_SCAN = f"SELECT segment_id AS id FROM {TEXT_TABLE} WHERE instr(text, :key) > 0"
# No text, only codes: the searched sentences holding a coding of one of them.
BY_CODES = (
    f"SELECT DISTINCT t.segment_id AS id FROM {C} c JOIN {TEXT_TABLE} t "
    "ON t.segment_id = c.segment_id WHERE c.code_id IN (SELECT value FROM json_each(:codes))"
)

_HITS = f"""
WITH hits AS (<candidates>)
SELECT s.id, d.id, coalesce(d.title, ''), d.year, coalesce(d.doc_type, ''), s.start, s."end",
       substr(d.text, s.start + 1, s."end" - s.start), coalesce(s.speaker, ''), p.label,
       p.attributes
FROM hits h JOIN {S} s ON s.id = h.id JOIN {D} d ON d.id = s.document_id
LEFT JOIN {P} p ON p.id = s.participant_id
WHERE (:doc_types IS NULL OR d.doc_type IN (SELECT value FROM json_each(:doc_types)))
  AND (:year_from IS NULL OR d.year >= :year_from) AND (:year_to IS NULL OR d.year <= :year_to)
  AND (:speaker IS NULL OR s.speaker = :speaker OR p.label = :speaker)
  AND (NOT :coded OR EXISTS (
        SELECT 1 FROM {C} c LEFT JOIN {K} k ON k.id = c.code_id WHERE c.segment_id = s.id
        AND (:codes IS NULL OR c.code_id IN (SELECT value FROM json_each(:codes)))
        AND (:category IS NULL OR k.category = :category)
        AND (:polarity IS NULL OR c.polarity = :polarity)))
ORDER BY d.year IS NULL, d.year DESC, d.id, s.start, s.id
LIMIT :limit OFFSET :offset"""

HITS_BY_INDEX = _HITS.replace("<candidates>", BY_INDEX)
HITS_BY_SCAN = _HITS.replace("<candidates>", BY_SCAN)
HITS_BY_CODES = _HITS.replace("<candidates>", BY_CODES)

CODINGS_OF = f"""
SELECT c.segment_id, c.code_id, coalesce(k.label_en, ''), coalesce(k.label_zh, ''),
       coalesce(k.category, ''), coalesce(c.polarity, ''), c.start, c."end", c.coder, c.origin
FROM {C} c LEFT JOIN {K} k ON k.id = c.code_id
WHERE c.segment_id IN (SELECT value FROM json_each(?))"""
