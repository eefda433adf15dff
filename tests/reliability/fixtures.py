"""Fixtures of the crash, fault, concurrency and idempotence tests (imported by each module):
one generated corpus, the tagger, a store of each backend with its URI."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from kgreview.nlp.tagger import Tagger
from kgreview.store import GraphStore, open_store
from kgreview.tagging import load_tagger
from tests.conftest import neo4j_test_settings
from tests.reliability.corpus_gen import Corpus, generate
from tests.reliability.harness import fingerprint, kgreview

# One corpus and one uninterrupted ingest of it per test session, whichever modules use them.
_ONCE: dict[str, object] = {}
INGEST = ("--batch", "25", "--workers", "2")  # small batches: many commits to kill between


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    if "corpus" not in _ONCE:
        _ONCE["corpus"] = generate(tmp_path_factory.mktemp("reliability") / "corpus")
    return _ONCE["corpus"]  # type: ignore[return-value]


@pytest.fixture(scope="session")
def baseline(corpus: Corpus, tmp_path_factory: pytest.TempPathFactory):
    """The fingerprint of an uninterrupted ingest of the corpus (embedded; Neo4j gives the
    same counts and hash, which the tests rely on)."""
    if "baseline" not in _ONCE:
        path = tmp_path_factory.mktemp("baseline") / "kg.db"
        run = kgreview("ingest", str(corpus.root), *INGEST, "--store", str(path))
        assert run.returncode == 0, run.stderr[-2000:]
        store = open_store(str(path))
        _ONCE["baseline"] = fingerprint(store)
        store.close()
        _ONCE["baseline_path"] = path
    return _ONCE["baseline"]


def baseline_copy(dest: Path) -> str:
    """A copy of the uninterrupted run's embedded store (needs the ``baseline`` fixture)."""
    source = _ONCE["baseline_path"]
    assert isinstance(source, Path)
    dest.parent.mkdir(parents=True, exist_ok=True)
    for part in source.parent.glob(source.name + "*"):  # the file and any WAL beside it
        shutil.copy(part, dest.parent / part.name.replace(source.name, dest.name))
    return str(dest)


@pytest.fixture(scope="session")
def tagger() -> Tagger:
    return load_tagger()


class Target:
    """A store for a child process (its URI and environment) and for the test (opened)."""

    def __init__(self, kind: str, uri: str, store: GraphStore, env: dict[str, str]) -> None:
        self.kind, self.uri, self.store, self.env = kind, uri, store, env

    def reset(self, path: Path | None = None) -> None:
        """Empty again (embedded: a new file at ``path``)."""
        if self.kind == "neo4j":
            self.store.clear()
        else:
            assert path is not None
            self.store.close()
            self.uri = str(path)
            self.store = open_store(self.uri)


@pytest.fixture(params=["embedded", pytest.param("neo4j", marks=pytest.mark.neo4j)])
def target(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Target]:
    if request.param == "neo4j":
        settings = neo4j_test_settings()
        store = request.getfixturevalue("neo4j_store")
        store.clear()
        yield Target("neo4j", settings.uri, store, {"KGREVIEW_NEO4J_PASSWORD": settings.password})
        store.clear()
        return
    uri = str(tmp_path / "kg.db")
    made = Target("embedded", uri, open_store(uri), {})
    yield made
    made.store.close()
