"""The embedded store's promises as a file: a reader while another process writes, and a
write killed midway that leaves whole batches only."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from kgreview.store import open_store

WRITER = """
import sys
from kgreview import ids
from kgreview.model import Document, DocumentBundle, Segment
from kgreview.store import open_store
store = open_store(sys.argv[1])
batch, size = [], int(sys.argv[2])
for n in range(int(sys.argv[3])):
    text = f"document {n} " + "社区治理 " * 50
    doc = Document(id=f"doc:{n}", title=f"t{n}", text=text)
    segs = tuple(Segment(ids.segment_id(doc.id, "sentence", k, k + 5), doc.id, "sentence", k, k + 5)
                 for k in range(0, 200, 5))
    batch.append(DocumentBundle(document=doc, segments=segs))
    if len(batch) == size:
        store.upsert_bundles(batch)
        print("batch", flush=True)
        batch = []
"""


def _writer(path: Path, size: int, total: int) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path), str(size), str(total)],
        stdout=subprocess.PIPE,
        text=True,
    )


def test_a_reader_reads_while_another_process_writes(tmp_path: Path) -> None:
    path = tmp_path / "kg.db"
    reader = open_store(str(path))
    writer = _writer(path, size=200, total=4000)
    seen = []
    while writer.poll() is None:
        seen.append(reader.stats()["documents"])  # never blocked, never an error
        time.sleep(0.01)
    assert writer.returncode == 0
    assert reader.stats()["documents"] == 4000
    assert seen == sorted(seen) and all(n % 200 == 0 for n in seen)
    reader.close()


def test_a_write_killed_midway_leaves_only_whole_batches(tmp_path: Path) -> None:
    path = tmp_path / "kg.db"
    open_store(str(path)).close()
    writer = _writer(path, size=2000, total=40_000)
    assert writer.stdout is not None
    writer.stdout.readline()  # the first batch is committed; kill during a later one
    time.sleep(0.2)
    writer.send_signal(signal.SIGKILL)
    writer.wait()
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    store = open_store(str(path))
    stats = store.stats()
    assert stats["documents"] % 2000 == 0 and 2000 <= stats["documents"] < 40_000
    assert stats["segments"] == stats["documents"] * 40
    store.close()
