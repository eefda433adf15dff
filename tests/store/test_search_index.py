"""The search index's own upkeep: the migration that adds it to an older store, and the
literal Lucene queries the Neo4j store builds."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from kgreview.store import open_store
from kgreview.store.embedded_search_sql import MIGRATION_NAME
from kgreview.store.neo4j_search import lucene_escape, lucene_query
from tests.builders import CODES, sample_bundles


def test_an_older_store_gets_the_index_by_a_recorded_migration(tmp_path: Path) -> None:
    path = tmp_path / "kg.db"
    store = open_store(str(path))
    store.upsert_codes(CODES)
    store.upsert_bundles(sample_bundles())
    store.close()
    # Make it what a store written before the index looked like.
    with sqlite3.connect(path) as conn:
        triggers = [
            r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='trigger'")
        ]
        for name in triggers:
            conn.execute(f'DROP TRIGGER "{name}"')
        conn.execute("DROP TABLE search_segment_fts")
        conn.execute("DROP TABLE search_segment")
        conn.execute("DELETE FROM Migration")
        conn.execute("INSERT INTO Migration VALUES ('migration:1', 1, 'create graph schema', '')")
        conn.execute("UPDATE StoreMeta SET schema_version = 1")
    store = open_store(str(path))
    assert store.migrations() == [(1, "create graph schema"), (2, MIGRATION_NAME)]
    assert store.schema_version() == 2
    assert len(store.search_segments("增能")) == 3  # what was stored before is indexed
    store.close()
    assert open_store(str(path)).migrations()[-1] == (2, MIGRATION_NAME)  # once only


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("增能", '"增能"'),
        ("增能 理论", '"增能" AND "理论"'),
        ("join the residents", '"the"'),  # edge words may be fragments: only inner ones
        ("ticipat", None),
        ('a:b (c) "d" *~', None),
        ("社区a:b 治理", '"社区" AND "治理"'),
        ("x and y", '"and"'),
    ],
)
def test_lucene_query_holds_only_quoted_necessary_terms(key: str, expected: str | None) -> None:
    assert lucene_query(key) == expected


def test_lucene_escape_covers_the_query_syntax() -> None:
    assert lucene_escape('a:b (c) "d" *~ x/y [z] {w} ^ ! ? + - && || \\') == (
        'a\\:b \\(c\\) \\"d\\" \\*\\~ x\\/y \\[z\\] \\{w\\} \\^ \\! \\? \\+ \\- \\&\\& \\|\\| \\\\'
    )


@pytest.mark.neo4j
def test_neo4j_fills_the_search_text_of_an_older_database(neo4j_store) -> None:
    from kgreview.store.neo4j_search_cypher import MIGRATION_NAME as NEO4J_MIGRATION
    from kgreview.store.schema import Label
    from tests.conftest import neo4j_test_settings

    neo4j_store.clear()
    neo4j_store.upsert_codes(CODES)
    neo4j_store.upsert_bundles(sample_bundles())
    with neo4j_store._session() as session:  # as a database written before the index
        session.run(f"MATCH (s:{Label.Segment}) REMOVE s.search_text").consume()
        session.run(
            f"MATCH (g:{Label.Migration} {{name: $name}}) DELETE g", name=NEO4J_MIGRATION
        ).consume()
    assert neo4j_store.search_segments("增能") == []
    reopened = open_store(neo4j_test_settings())
    try:
        assert len(reopened.search_segments("增能")) == 3
        assert reopened.migrations()[-1][1] == NEO4J_MIGRATION
    finally:
        reopened.close()


def test_without_the_trigram_tokenizer_search_scans_with_the_same_answers(
    tmp_path: Path, monkeypatch
) -> None:
    from kgreview.store import embedded_search_sql as ssql

    indexed = open_store(str(tmp_path / "indexed.db"))
    # An SQLite older than 3.34 refuses the tokenizer; the store must still open and search.
    broken = [s.replace("'trigram'", "'no_such_tokenizer'") for s in ssql.CREATE_FTS]
    monkeypatch.setattr(ssql, "CREATE_FTS", broken)
    scanning = open_store(str(tmp_path / "scanning.db"))
    for store in (indexed, scanning):
        store.upsert_codes(CODES)
        store.upsert_bundles(sample_bundles())
    assert not scanning._has_trigram_index() and indexed._has_trigram_index()
    for query in ("增能", "增能理论", "理论为指", "赋"):
        assert scanning.search_segments(query) == indexed.search_segments(query), query
    assert len(scanning.search_segments("增能理论")) == 3
    scanning.close()
    monkeypatch.undo()  # the SQLite got newer: the next open adds and fills the index
    upgraded = open_store(str(tmp_path / "scanning.db"))
    assert upgraded._has_trigram_index()
    assert upgraded.migrations()[-1][1] == ssql.FTS_MIGRATION_NAME
    assert upgraded.search_segments("增能理论") == indexed.search_segments("增能理论")
    upgraded.close()
    indexed.close()
