"""A store filled the way users fill it: the shared seeds plus our abstracts, ingested and
auto-coded with the default codebook (what `kgreview ingest` does)."""

from __future__ import annotations

from pathlib import Path

from kgreview.pipeline import ingest
from kgreview.store import open_store
from kgreview.tagging import load_tagger
from tests.conftest import REPO, SHARED

SOURCES = (SHARED / "seeds", REPO / "corpus" / "abstracts")


def seeded_store(path: Path) -> str:
    store = open_store(str(path))
    try:
        tagger = load_tagger()
        store.upsert_codes(tagger.codebook.to_codes())
        report = ingest(SOURCES, store, annotate=tagger.tag, tag_key=tagger.key)
        assert not report.failures, [f.line() for f in report.failures]
        assert report.documents == sum(len(list(d.glob("*.txt"))) for d in SOURCES)
    finally:
        store.close()
    return str(path)
