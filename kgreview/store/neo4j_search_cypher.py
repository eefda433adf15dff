"""Cypher of the Neo4j store's full-text search over sentence segments.

Each sentence segment carries ``search_text``: its text in the normalised form (derived, not
a declared property: never exported, copied or compared; recomputed on every write). Two
indexes serve it: a FULLTEXT index with the ``standard-no-stop-words`` analyzer — it makes
every Chinese character a token, so a phrase of characters finds any Chinese substring, even
one character, and it keeps English stop words (the ``cjk`` analyzer indexes bigrams only and
drops "the", "in": measured, it misses 能 and "in the") — and a TEXT index for the queries
no Lucene term can narrow (a fragment of a word), which it answers as ``CONTAINS``.
"""

from __future__ import annotations

from kgreview.store.schema import Label
from kgreview.store.search_common import SEARCHED_KIND

FULLTEXT_INDEX, TEXT_INDEX = "segment_search", "segment_search_text"
ANALYZER = "standard-no-stop-words"
MIGRATION_NAME = "create segment search index (full-text, standard-no-stop-words)"
S, D = Label.Segment, Label.Document

INDEXES = [
    f"CREATE FULLTEXT INDEX {FULLTEXT_INDEX} IF NOT EXISTS FOR (n:{S}) ON EACH [n.search_text] "
    f"OPTIONS {{indexConfig: {{`fulltext.analyzer`: '{ANALYZER}'}}}}",
    f"CREATE TEXT INDEX {TEXT_INDEX} IF NOT EXISTS FOR (n:{S}) ON (n.search_text)",
]

# Offsets of the sentences of written documents that the same write did not carry.
OTHER_SENTENCES = (
    # The hint keeps the planner on the document's own segments, never on every sentence.
    f"MATCH (s:{S}) USING INDEX s:{S}(document_id) "
    f"WHERE s.document_id IN $ids AND s.kind = '{SEARCHED_KIND}' "
    "AND NOT s.id IN $known RETURN s.document_id, s.id, s.start, s.end"
)
DOCUMENT_TEXTS = f"MATCH (d:{D}) WHERE d.id IN $ids RETURN d.id, d.text"
SET_SEARCH_TEXT = f"UNWIND $rows AS r MATCH (s:{S} {{id: r.id}}) SET s.search_text = r.text"
UNINDEXED = (
    f"MATCH (s:{S}) WHERE s.id > $after AND s.kind = '{SEARCHED_KIND}' "
    "AND s.search_text IS NULL RETURN s.document_id, s.id, s.start, s.end "
    "ORDER BY s.id LIMIT $limit"
)
AWAIT_INDEXES = "CALL db.awaitIndexes(300)"
HAS_MIGRATION = f"MATCH (g:{Label.Migration}) WHERE g.name = $name RETURN count(g)"

BY_INDEX = (
    f"CALL db.index.fulltext.queryNodes('{FULLTEXT_INDEX}', $lucene) YIELD node AS s "
    "WITH s WHERE s.search_text CONTAINS $key"
)
BY_SCAN = f"MATCH (s:{S}) WHERE s.search_text CONTAINS $key"
# No text, only codes: the searched sentences holding a coding of one of them.
BY_CODES = (
    f"MATCH (c:{Label.Coding}) WHERE c.code_id IN $codes MATCH (s:{S} {{id: c.segment_id}}) "
    "WHERE s.search_text IS NOT NULL WITH DISTINCT s"
)

_HITS = f"""<candidates>
MATCH (d:{D} {{id: s.document_id}})
WHERE ($doc_types IS NULL OR d.doc_type IN $doc_types)
  AND ($year_from IS NULL OR d.year >= $year_from) AND ($year_to IS NULL OR d.year <= $year_to)
OPTIONAL MATCH (p:{Label.Participant} {{id: s.participant_id}})
WITH s, d, p WHERE ($speaker IS NULL OR s.speaker = $speaker OR p.label = $speaker)
  AND (NOT $coded OR EXISTS {{
        MATCH (c:{Label.Coding} {{segment_id: s.id}})
        WHERE ($codes IS NULL OR c.code_id IN $codes)
          AND ($polarity IS NULL OR c.polarity = $polarity)
          AND ($category IS NULL OR EXISTS {{
                MATCH (k:{Label.Code} {{id: c.code_id}}) WHERE k.category = $category }}) }})
RETURN s.id, d.id, coalesce(d.title, ''), d.year, coalesce(d.doc_type, ''), s.start, s.end,
       coalesce(s.speaker, ''), p.label, p.attributes
ORDER BY d.year IS NULL, d.year DESC, d.id, s.start, s.id SKIP $offset LIMIT $limit"""

HITS_BY_INDEX = _HITS.replace("<candidates>", BY_INDEX)
HITS_BY_SCAN = _HITS.replace("<candidates>", BY_SCAN)
HITS_BY_CODES = _HITS.replace("<candidates>", BY_CODES)

CODINGS_OF = f"""
MATCH (c:{Label.Coding}) WHERE c.segment_id IN $ids
OPTIONAL MATCH (k:{Label.Code} {{id: c.code_id}})
RETURN c.segment_id, c.code_id, coalesce(k.label_en, ''), coalesce(k.label_zh, ''),
       coalesce(k.category, ''), coalesce(c.polarity, ''), c.start, c.end, c.coder, c.origin"""
