"""Schema creation and migrations of the embedded store, recorded in the store itself.

Tables follow graph.yaml: a label or relationship that is new gets its table, a property that
is new gets its column; each run that changes something is recorded as a numbered migration.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime

from kgreview.store import embedded_sql as sql
from kgreview.store.embedded_search import ensure_index
from kgreview.store.schema import SCHEMA, Label

META_ID = "store"


def migrate(conn: sqlite3.Connection) -> None:
    """Bring the open transaction's database up to graph.yaml (caller commits)."""
    existing = {row[0] for row in conn.execute(sql.TABLES)}
    steps: list[str] = []
    for spec in SCHEMA.nodes.values():
        if spec.label not in existing:
            conn.execute(sql.create_node_table(spec))
            continue
        have = {r[1] for r in conn.execute(sql.table_info(spec.label))}
        for name, kind in spec.properties.items():
            if name not in have:
                conn.execute(
                    f"ALTER TABLE {sql.q(spec.label)} ADD COLUMN {sql.q(name)} "
                    f"{sql.SQL_TYPES[kind]}"
                )
                steps.append(f"add {spec.label}.{name}")
    for rel in SCHEMA.stored_relationships():
        conn.execute(sql.create_rel_table(rel))
        table = f"rel_{rel.type}"
        have = {r[1] for r in conn.execute(sql.table_info(table))}
        for name, kind in rel.properties.items():
            if name not in have:
                conn.execute(
                    f"ALTER TABLE {sql.rel_table(rel.type)} ADD COLUMN {sql.q(name)} "
                    f"{sql.SQL_TYPES[kind]}"
                )
                steps.append(f"add {rel.type}.{name}")
    for statement in sql.create_indexes(SCHEMA):
        conn.execute(statement)
    steps.extend(ensure_index(conn, existing))
    meta = sql.q(Label.StoreMeta)
    conn.execute(
        f"INSERT OR IGNORE INTO {meta} (id, schema_version, revision) VALUES (?, 0, 0)",
        (META_ID,),
    )
    (version,) = conn.execute(
        f"SELECT schema_version FROM {meta} WHERE id = ?", (META_ID,)
    ).fetchone()
    if version < 1:
        steps.insert(0, "create graph schema")
    if steps:
        _record(conn, max(version, 0) + 1, "; ".join(steps))


def _record(conn: sqlite3.Connection, version: int, name: str) -> None:
    now = datetime.now(UTC).isoformat(timespec="seconds")
    conn.execute(
        f"INSERT INTO {sql.q(Label.Migration)} (id, version, name, applied_at) VALUES (?, ?, ?, ?)",
        (f"migration:{version}", version, name, now),
    )
    conn.execute(
        f"UPDATE {sql.q(Label.StoreMeta)} SET schema_version = ? WHERE id = ?",
        (version, META_ID),
    )
