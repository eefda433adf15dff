"""Shared fixtures: both store backends, and the services CI must have.

With CI=true or KGREVIEW_REQUIRE_SERVICES=1 a test that cannot reach Neo4j or Chromium
fails; elsewhere it is skipped with the reason.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from kgreview.config import StoreSettings
from kgreview.store import GraphStore, StoreUnavailable, open_store

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"


def services_required() -> bool:
    return (
        os.environ.get("CI", "").lower() == "true"
        or os.environ.get("KGREVIEW_REQUIRE_SERVICES") == "1"
    )


def missing_service(reason: str) -> None:
    if services_required():
        pytest.fail(f"required service missing: {reason}", pytrace=False)
    pytest.skip(reason)


def neo4j_test_settings() -> StoreSettings:
    return StoreSettings(
        uri=os.environ.get("KGREVIEW_TEST_NEO4J_URI", "bolt://127.0.0.1:7687"),
        user=os.environ.get("KGREVIEW_NEO4J_USER", "neo4j"),
        password=os.environ.get("KGREVIEW_NEO4J_PASSWORD", "kgreview-local"),
    )


@pytest.fixture(scope="session")
def neo4j_store() -> Iterator[GraphStore]:
    try:
        store = open_store(neo4j_test_settings())
    except StoreUnavailable as exc:
        missing_service(f"Neo4j: {exc} (start it with scripts/neo4j start)")
        raise
    yield store
    store.clear()
    store.close()


def _open(kind: str, tmp_path: Path, request: pytest.FixtureRequest) -> GraphStore:
    if kind == "neo4j":
        store = request.getfixturevalue("neo4j_store")
        store.clear()
        return store
    return open_store(str(tmp_path / "kg.db"))


BACKENDS = [
    pytest.param("embedded", id="embedded"),
    pytest.param("neo4j", id="neo4j", marks=pytest.mark.neo4j),
]


@pytest.fixture(params=BACKENDS)
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[GraphStore]:
    """A fresh, empty store of each backend."""
    opened = _open(request.param, tmp_path, request)
    yield opened
    if request.param == "embedded":
        opened.close()


@pytest.fixture
def store_factory(request: pytest.FixtureRequest, tmp_path: Path):
    """Open a fresh store of a named backend (for tests that compare backends)."""
    opened: list[tuple[str, GraphStore]] = []

    def make(kind: str) -> GraphStore:
        store = _open(kind, tmp_path / kind, request)
        opened.append((kind, store))
        return store

    yield make
    for kind, store in opened:
        if kind == "embedded":
            store.close()
