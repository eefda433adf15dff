"""Evidence search in real headless Chromium, on the embedded store and on Neo4j: a Chinese
term finds sentences, marked, each with its document; the literature-vs-field tab opens."""

from __future__ import annotations

import pytest

from tests.browser.conftest import REQUESTS
from tests.browser.test_explorer_browser import no_exception, settle, shoot
from tests.browser.test_explorer_neo4j_browser import neo4j_app  # noqa: F401  (fixture)

pytestmark = pytest.mark.browser
TITLE = "Evidence search"


def search_flow(page, errors: list[str], name: str) -> None:
    settle(page, TITLE)
    box = page.get_by_label("Text to find (Chinese or English, any part of a word)")
    box.fill("增能")
    box.press("Enter")
    hit = page.locator("span.kg-hit mark", has_text="增能").first
    hit.wait_for(timeout=60_000)
    page.locator('[data-testid="stStatusWidget"]').wait_for(state="detached", timeout=60_000)
    # The hit's document: the caption under the sentence names it.
    caption = page.locator('[data-testid="stCaptionContainer"]', has_text="— ").first
    caption.wait_for(timeout=30_000)
    assert "增能" in page.locator("span.kg-hit").first.inner_text()
    assert len(caption.inner_text()) > 4
    page.get_by_text("sentences", exact=False).first.wait_for(timeout=30_000)
    shoot(page, f"search-{name}")
    page.get_by_text("Literature vs field", exact=True).click()
    page.get_by_role("heading", name="Literature (").first.wait_for(timeout=60_000)
    page.get_by_role("heading", name="Field: transcripts (").first.wait_for(timeout=60_000)
    page.wait_for_timeout(1000)
    shoot(page, f"search-literature-vs-field-{name}")
    no_exception(page, errors)


def test_search_a_chinese_term_on_embedded(app_page) -> None:
    page = app_page("search")
    search_flow(page, app_page.errors, "embedded")


@pytest.mark.neo4j
def test_search_a_chinese_term_on_neo4j(browser, neo4j_app: str) -> None:  # noqa: F811
    page = browser.new_page(viewport={"width": 1400, "height": 1600})
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("request", lambda request: REQUESTS.append(request.url))
    page.goto(f"{neo4j_app}/search", wait_until="domcontentloaded")
    search_flow(page, errors, "neo4j")
    page.close()
