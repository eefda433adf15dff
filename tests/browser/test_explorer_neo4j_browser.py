"""Every explorer page in Chromium against Neo4j: same protocol, same pages, no exception."""

from __future__ import annotations

import pytest

from kgreview.pipeline import ingest
from kgreview.tagging import load_tagger
from tests.app.seeded import SOURCES
from tests.browser.conftest import REQUESTS, serve
from tests.browser.test_explorer_browser import PAGES, no_exception, settle, shoot
from tests.conftest import neo4j_test_settings

pytestmark = [pytest.mark.browser, pytest.mark.neo4j]


@pytest.fixture(scope="module")
def neo4j_app(neo4j_store, tmp_path_factory):
    neo4j_store.clear()
    tagger = load_tagger()
    neo4j_store.upsert_codes(tagger.codebook.to_codes())
    ingest(SOURCES, neo4j_store, annotate=tagger.tag, tag_key=tagger.key)
    settings = neo4j_test_settings()
    log = tmp_path_factory.mktemp("neo4j-app") / "streamlit.log"
    with serve(
        settings.uri, log, KGREVIEW_NEO4J_USER=settings.user,
        KGREVIEW_NEO4J_PASSWORD=settings.password,
    ) as url:  # fmt: skip
        yield url


@pytest.mark.parametrize("path", ["", *PAGES])
def test_page_loads_on_neo4j(browser, neo4j_app: str, path: str) -> None:
    page = browser.new_page(viewport={"width": 1400, "height": 1600})
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("request", lambda request: REQUESTS.append(request.url))
    page.goto(f"{neo4j_app}/{path}", wait_until="domcontentloaded")
    settle(page, PAGES.get(path, "kgreview — corpus overview"))
    shoot(page, f"neo4j-{path or 'overview'}")
    if path == "who-cites":
        page.locator('[data-testid="stExpander"]').filter(has_text="Ma Tao").first.wait_for(
            timeout=90_000
        )
    no_exception(page, errors)
    page.close()
