"""The demo corpus, tagged, with two human coders and a memo: built once, copied per test."""

from __future__ import annotations

import dataclasses
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kgreview import ids
from kgreview.config import corpus_dir
from kgreview.model import Coding, Memo, Origin, Polarity
from kgreview.pipeline import ingest
from kgreview.store import GraphStore, open_store
from kgreview.store.rows import to_row
from kgreview.store.schema import Label, Rel
from kgreview.tagging import load_tagger
from tests.conftest import neo4j_test_settings

HUMAN_CODERS = ("coder_a", "coder_b")
AUTO_CODER = "kgreview-tagger"


def human_codings(auto: list[Coding], coder: str) -> list[Coding]:
    """A coder who confirms some auto codings and disagrees on the polarity of others."""
    picked = auto[:: 7 if coder == "coder_a" else 5]
    out = []
    for n, c in enumerate(picked):
        polarity = c.polarity if n % 3 else Polarity.LIMITATION.value
        out.append(
            dataclasses.replace(
                c,
                id=ids.coding_id(c.document_id, c.start, c.end, c.code_id, coder),
                coder=coder,
                origin=Origin.MANUAL.value,
                polarity=polarity,
                confidence=1,
                created="2026-11-20T10:00:00+00:00",
            )
        )
    return out


def build_demo(store: GraphStore) -> None:
    tagger = load_tagger()
    store.upsert_codes(tagger.codebook.to_codes())
    ingest([corpus_dir()], store, annotate=tagger.tag, tag_key=tagger.key)
    auto = [c for c in store.codings_by_coder(AUTO_CODER) if c.origin == Origin.AUTO]
    assert auto, "the tagger found nothing in the demo corpus"
    for coder in HUMAN_CODERS:
        store.add_codings(human_codings(auto, coder))
    about = store.codings_by_coder("coder_a")[0]
    memo = Memo("memo:1", about.id, "coder_a", "是增能还是赋权？ check with coder_b", "2026-11-21")
    store.import_nodes(Label.Memo, [to_row(memo)])
    store.import_relationships(Rel.ABOUT, [{"src": memo.id, "dst": about.id}])


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    store = open_store(str(path))
    try:
        build_demo(store)
    finally:
        store.close()
    return path


@pytest.fixture
def demo_copy(demo_db: Path, tmp_path: Path) -> Path:
    """A private copy of the demo store file."""
    path = tmp_path / "source.db"
    shutil.copy(demo_db, path)
    return path


def kgreview(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", "from kgreview.cli import main; main()", *args],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, **(env or {})},
    )


def neo4j_cli() -> tuple[str, dict[str, str]]:
    """The test server's URI and the environment the CLI needs to log in to it."""
    settings = neo4j_test_settings()
    env = {"KGREVIEW_NEO4J_USER": settings.user, "KGREVIEW_NEO4J_PASSWORD": settings.password}
    return settings.uri, env
