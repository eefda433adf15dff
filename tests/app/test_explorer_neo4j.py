"""The same pages on Neo4j: they only see the store protocol, so the answers must match."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from kgreview.pipeline import ingest
from kgreview.tagging import load_tagger
from tests.app.seeded import SOURCES
from tests.app.test_explorer import _page, frames, texts
from tests.conftest import neo4j_test_settings

pytestmark = pytest.mark.neo4j


@pytest.fixture
def neo4j_env(neo4j_store, monkeypatch) -> str:
    neo4j_store.clear()
    tagger = load_tagger()
    neo4j_store.upsert_codes(tagger.codebook.to_codes())
    ingest(SOURCES, neo4j_store, annotate=tagger.tag, tag_key=tagger.key)
    settings = neo4j_test_settings()
    monkeypatch.setenv("KGREVIEW_STORE", settings.uri)
    monkeypatch.setenv("KGREVIEW_NEO4J_USER", settings.user)
    monkeypatch.setenv("KGREVIEW_NEO4J_PASSWORD", settings.password)
    return settings.uri


def run(start: str) -> AppTest:
    app = AppTest.from_function(_page, kwargs={"start": start}, default_timeout=120).run()
    assert not app.exception, app.exception
    assert not app.error, [e.value for e in app.error]
    return app


def test_pages_answer_the_same_on_neo4j(neo4j_env: str) -> None:
    citing = run("who-cites")
    citers = frames(citing)[0]
    assert {"Chen Weidong", "Ma Tao"} <= set(citers[citers["Via"] == "attributed"]["Author name"])
    assert "Social workers use <mark>empowerment theory</mark>" in texts(citing)
    gaps = run("gaps")
    assert "theory.social_learning" in set(frames(gaps)[0]["id"])
    network = run("network")
    assert len(network.get("download_button")) == 3
    codes = run("codes")
    tree = frames(codes)[0]
    assert tree[tree["id"] == "theory.empowerment"].iloc[0]["Documents"] >= 4
