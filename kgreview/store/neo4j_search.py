"""Full-text search of the Neo4j store, as a mixin, and the upkeep of ``search_text``.

A user's query is literal text, never Lucene syntax. The Lucene query is built only from
terms every sentence containing the query must hold as whole tokens — each run of Chinese
characters (a phrase of one-character tokens) and each ASCII word with a space on both sides
inside the query — each escaped and quoted; the exact ``CONTAINS`` check on the normalised
text then decides, so both backends find the same sentences. A query without such a term
(``ticip``, ``a:b``) is answered through the TEXT index instead.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any

from kgreview.model_search import SearchHit, SearchQuery
from kgreview.store import neo4j_cypher as cy
from kgreview.store import neo4j_search_cypher as scy
from kgreview.store.schema import Label
from kgreview.store.search_common import SEARCHED_KIND, assemble, make_query, search_text

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\U00020000-\U0003134f]+")
# A whole word: spaces on both sides inside the query, so the text has them there too.
_WORD = re.compile(r"(?<=\s)[a-z0-9]{1,200}(?=\s)")
_LUCENE_SPECIAL = re.compile(r'([+\-&|!(){}\[\]^"~*?:\\/])')
MAX_TERMS = 16
BACKFILL_BATCH = 5000


def lucene_escape(term: str) -> str:
    """``term`` with every Lucene query-syntax character backslash-escaped."""
    return _LUCENE_SPECIAL.sub(r"\\\1", term)


def lucene_query(key: str) -> str | None:
    """An AND of quoted terms every match of ``key`` must contain; None when there is none."""
    terms = [*_HAN.findall(key), *_WORD.findall(key)]
    if not terms:
        return None
    unique = list(dict.fromkeys(terms))[:MAX_TERMS]
    return " AND ".join(f'"{lucene_escape(term)}"' for term in unique)


def refresh_search_text(tx: Any, nodes: dict[str, list[dict]]) -> None:
    """Set ``search_text`` on the sentences a write touched: its own sentence rows and every
    sentence of a document it wrote (the text may have changed). Same transaction."""
    texts = {r["id"]: r.get("text") for r in nodes.get(Label.Document, ())}
    spans = {
        r["id"]: (r["document_id"], r["start"], r["end"])
        for r in nodes.get(Label.Segment, ())
        if r.get("kind") == SEARCHED_KIND
    }
    if not texts and not spans:
        return
    if texts:
        found = tx.run(scy.OTHER_SENTENCES, ids=list(texts), known=list(spans))
        spans.update({sid: (doc, start, end) for doc, sid, start, end in found})
    _write_texts(tx, spans, texts)


def _write_texts(
    tx: Any, spans: dict[str, tuple], texts: dict[str, str | None], orphans: bool = False
) -> None:
    missing = list({doc for doc, _, _ in spans.values()} - texts.keys())
    if missing:
        texts.update({d: t for d, t in tx.run(scy.DOCUMENT_TEXTS, ids=missing)})
    rows = []
    for sid, (doc, start, end) in spans.items():
        text = texts.get(doc)
        if text is not None and start is not None and end is not None:
            rows.append({"id": sid, "text": search_text(text[start:end])})
        elif orphans:
            # No document (yet): its arrival fills the text; "" just marks it as seen.
            rows.append({"id": sid, "text": ""})
    if rows:
        tx.run(scy.SET_SEARCH_TEXT, rows=rows).consume()


def ensure_index(session: Any) -> None:
    """Create the indexes; once per database, fill ``search_text`` of stored sentences and
    record the migration."""
    for statement in scy.INDEXES:
        session.run(statement).consume()
    if session.run(scy.HAS_MIGRATION, name=scy.MIGRATION_NAME).single()[0]:
        return
    after = ""
    while after is not None:
        after = session.execute_write(_backfill_batch, after)
    # New indexes fill in the background: be searchable before the store is handed out.
    session.run(scy.AWAIT_INDEXES).consume()
    version = session.run(cy.READ_META).single()[1] + 1
    at = datetime.now(UTC).isoformat(timespec="seconds")
    params = {"id": f"migration:{version}", "version": version, "at": at}
    session.execute_write(
        lambda tx: tx.run(cy.RECORD_MIGRATION, name=scy.MIGRATION_NAME, **params).consume()
    )


def _backfill_batch(tx: Any, after: str) -> str | None:
    """Fill one batch of sentences above ``after`` (by id); the next cursor, None at the end."""
    found = list(tx.run(scy.UNINDEXED, after=after, limit=BACKFILL_BATCH))
    spans = {sid: (doc, start, end) for doc, sid, start, end in found}
    _write_texts(tx, spans, {}, orphans=True)
    return found[-1][1] if len(found) == BACKFILL_BATCH else None


class Neo4jSearch:
    def _rows(self, query: str, **params: Any) -> list[list[Any]]:
        raise NotImplementedError

    def search_segments(self, query: str, **filters: object) -> list[SearchHit]:
        """Sentences containing ``query`` (normalised, literal), filtered; see GraphStore."""
        found = make_query(query, **filters)
        if not found.text and not found.codes:
            return []
        lucene = lucene_query(found.text)
        statement = scy.HITS_BY_SCAN if lucene is None else scy.HITS_BY_INDEX
        if not found.text:
            statement = scy.HITS_BY_CODES
        rows = self._rows(statement, lucene=lucene, **_params(found))
        texts = dict(self._rows(scy.DOCUMENT_TEXTS, ids=list({r[1] for r in rows})))
        # Cut sentences here: Cypher's substring counts UTF-16 units, offsets are code points.
        shaped = [(*r[:7], (texts.get(r[1]) or "")[r[5] : r[6]], *r[7:]) for r in rows]
        codings = self._rows(scy.CODINGS_OF, ids=[r[0] for r in rows]) if rows else []
        return assemble(found, shaped, [tuple(c) for c in codings])


def _params(found: SearchQuery) -> dict[str, object]:
    return {
        "key": found.text,
        "codes": list(found.codes) if found.codes else None,
        "category": found.category,
        "polarity": found.polarity,
        "coded": found.coded,
        "year_from": found.year_from,
        "year_to": found.year_to,
        "doc_types": list(found.doc_types) if found.doc_types else None,
        "speaker": found.speaker,
        "limit": found.limit,
        "offset": found.offset,
    }
