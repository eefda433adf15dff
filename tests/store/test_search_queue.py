"""The embedded search index is filled once per write transaction from a queue: after any mix
of writes it must hold exactly the stored sentences, as if built from scratch."""

from __future__ import annotations

import dataclasses
import sqlite3
from pathlib import Path

from kgreview.store import embedded_search_sql as ssql
from kgreview.store import open_store
from tests.builders import CODES, TEXT_C, bundle, document, sample_bundles

QUERIES = ("增能", "增能理论", "优势视角", "老旧小区", "了解居民", "居民需求")


def index_is_exact(path: Path) -> None:
    """FTS5's own integrity check against its content, and nothing left queued."""
    with sqlite3.connect(path) as conn:
        conn.execute(f"INSERT INTO {ssql.FTS_TABLE} ({ssql.FTS_TABLE}) VALUES ('integrity-check')")
        assert conn.execute(f"SELECT count(*) FROM {ssql.PENDING_TABLE}").fetchone()[0] == 0


def answers(store) -> list:
    return [[h.segment_id for h in store.search_segments(q)] for q in QUERIES]


def scanned(path: Path) -> list:
    """The same queries answered by scanning the sentence texts, never the index."""
    store = open_store(str(path))
    store._trigram_index = False
    found = answers(store)
    store.close()
    return found


def test_index_matches_the_sentences_after_rewrites_and_deletes(tmp_path: Path) -> None:
    path = tmp_path / "kg.db"
    store = open_store(str(path))
    store.upsert_codes(CODES)
    first, second, third = sample_bundles()
    store.upsert_bundles([first, second])
    # One transaction: a stored document whose text changed (its sentences are un-indexed,
    # queued again, then moved by its segments' rewrite) beside a new one.
    changed = dataclasses.replace(first.document, text=first.document.text + "增能理论再次出现。")
    store.upsert_bundles([bundle(changed), third])
    store.delete_document(second.document.id)
    store.upsert_bundles([bundle(document(TEXT_C + "优势视角与居民需求。"))])
    index_is_exact(path)
    found = answers(store)
    assert found == scanned(path)
    assert len(found[1]) == 5  # 增能理论: 3 sentences of the changed one, 1 each in 2 others
    assert found[4] == []  # 了解居民 was only in the deleted document
    store.close()


def test_a_store_with_row_by_row_triggers_moves_to_the_queue(tmp_path: Path) -> None:
    path = tmp_path / "kg.db"
    store = open_store(str(path))
    store.upsert_codes(CODES)
    store.upsert_bundles(sample_bundles()[:2])
    store.close()
    # What a store written before the queue looked like: per-row triggers, no queue.
    with sqlite3.connect(path) as conn:
        conn.execute(f"DROP TRIGGER {ssql.TEXT_TABLE}_queue")
        conn.execute(f"DROP TRIGGER {ssql.TEXT_TABLE}_unindex")
        conn.execute(f"DROP TABLE {ssql.PENDING_TABLE}")
        t, f = ssql.TEXT_TABLE, ssql.FTS_TABLE
        conn.execute(
            f"CREATE TRIGGER {t}_ai AFTER INSERT ON {t} BEGIN "
            f"INSERT INTO {f} (rowid, text) VALUES (new.n, new.text); END"
        )
        conn.execute(
            f"CREATE TRIGGER {t}_ad AFTER DELETE ON {t} BEGIN INSERT INTO {f} ({f}, rowid, text) "
            "VALUES ('delete', old.n, old.text); END"
        )
    store = open_store(str(path))
    assert store.migrations()[-1][1] == ssql.QUEUE_MIGRATION_NAME
    store.upsert_bundles([sample_bundles()[2]])
    store.delete_document(sample_bundles()[0].document.id)
    index_is_exact(path)
    assert answers(store) == scanned(path)
    store.close()
    with sqlite3.connect(path) as conn:
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='trigger'")}
    assert not names & set(ssql.OLD_FTS_TRIGGERS)
