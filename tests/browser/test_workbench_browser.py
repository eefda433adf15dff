"""Page 7, the coding workbench, in real headless Chromium on the demo corpus's transcripts,
against the embedded store and Neo4j: coder A selects words in a turn with the mouse and
applies a code, coder B codes the same turn, and the agreement panel shows what the store's
codings give; the stored spans are exactly the words the browser selected, astral
characters before them included."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlparse

import pytest

from kgreview.app.workbench_data import turns_of
from kgreview.pipeline import ingest
from kgreview.store import open_store
from kgreview.tagging import load_tagger
from tests.app.test_workbench import R7, TRANSCRIPTS, expected_agreement
from tests.browser.conftest import REQUESTS, serve
from tests.browser.test_explorer_browser import no_exception, shoot
from tests.conftest import neo4j_test_settings

pytestmark = pytest.mark.browser

TITLE = "Coding workbench"
ASTRAL = "Interviewer: How did the group start? 😀\nR9: The 𠀀 group chat 😀 helped us meet.\n"


def _fill(store, folder: Path) -> None:
    """The demo transcripts plus one with astral characters before the words to code."""
    (folder / "astral_r9.txt").write_text(
        "Participant: R9 (female, 35)\n\n" + ASTRAL * 3, encoding="utf-8"
    )
    tagger = load_tagger()
    store.upsert_codes(tagger.codebook.to_codes())
    report = ingest([TRANSCRIPTS, folder], store, annotate=tagger.tag, tag_key=tagger.key)
    assert not report.failures and report.documents == 3


@pytest.fixture(
    scope="module",
    params=["embedded", pytest.param("neo4j", marks=pytest.mark.neo4j)],
)
def workbench_app(request, tmp_path_factory):
    """(url, open the same store) for each backend, served by Streamlit."""
    folder = tmp_path_factory.mktemp(f"workbench-{request.param}")
    (folder / "extra").mkdir()
    if request.param == "neo4j":
        graph = request.getfixturevalue("neo4j_store")
        graph.clear()
        _fill(graph, folder / "extra")
        settings = neo4j_test_settings()
        uri, env = settings.uri, {"KGREVIEW_NEO4J_USER": settings.user,
                                  "KGREVIEW_NEO4J_PASSWORD": settings.password}  # fmt: skip
        reopen = lambda: open_store(settings)  # noqa: E731
    else:
        uri, env = str(folder / "kg.db"), {}
        graph = open_store(uri)
        _fill(graph, folder / "extra")
        graph.close()
        reopen = lambda: open_store(uri)  # noqa: E731
    with serve(uri, folder / "streamlit.log", **env) as url:
        yield url, reopen, request.param


def snap(page, name: str) -> None:
    """A screenshot with the mouse out of the way (no hover toolbars over the page)."""
    page.mouse.move(5, 5)
    page.wait_for_timeout(300)
    shoot(page, name)


def settle(page) -> None:
    """Wait until Streamlit finished the run (and the component redrew)."""
    page.wait_for_timeout(600)
    page.locator('[data-testid="stStatusWidget"]').wait_for(state="detached", timeout=60_000)
    # Elements of the previous run stay, faded, until the new run ends.
    page.wait_for_function("() => !document.querySelector('[data-stale=\"true\"]')", timeout=60_000)
    page.wait_for_timeout(900)


def choose(page, label: str, option: str) -> None:
    box = page.locator('[data-testid="stSelectbox"]').filter(has_text=label).first
    box.click()
    page.get_by_role("option", name=option).first.click()
    settle(page)


def be_coder(page, name: str) -> None:
    field = page.get_by_label("New coder name (Enter)")
    field.fill(name)
    field.press("Enter")
    field.blur()  # later keystrokes (the grid's) must not land in this field
    settle(page)
    picked = page.locator('[data-testid="stSelectbox"]').filter(has_text="Coder").first
    assert picked.locator("input").input_value() == name


# Screen rectangles (inside the component's frame) of the first and last character of
# ``words`` in the turn holding ``context``.
RECTS = """([context, words]) => {
  const text = [...document.querySelectorAll('.kg-text')]
    .find((t) => t.textContent.includes(context));
  const walker = document.createTreeWalker(text, NodeFilter.SHOW_TEXT);
  const nodes = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n);
  const rect = (k) => {  // the box of the UTF-16 unit k of the turn's text
    for (const n of nodes) {
      if (k < n.data.length) {
        const r = document.createRange();
        r.setStart(n, k);
        r.setEnd(n, k + 1);
        return r.getBoundingClientRect();
      }
      k -= n.data.length;
    }
  };
  const start = text.textContent.indexOf(words);
  const first = rect(start), last = rect(start + words.length - 1);
  return {x0: first.left + 1, y0: (first.top + first.bottom) / 2,
          x1: last.right - 1, y1: (last.top + last.bottom) / 2};
}"""


def select_words(page, context: str, words: str) -> str:
    """Drag the mouse over ``words`` in the turn holding ``context``; the browser's selection."""
    frame_element = page.locator('iframe[title*="textselect"]').first
    frame_element.scroll_into_view_if_needed()
    texts = frame_element.content_frame.locator(".kg-text").filter(has_text=context)
    texts.first.wait_for(timeout=30_000)
    frame = frame_element.element_handle().content_frame()
    box = frame_element.bounding_box()
    r = frame.evaluate(RECTS, [context, words])
    page.mouse.move(box["x"] + r["x0"], box["y"] + r["y0"])
    page.mouse.down()
    page.mouse.move(box["x"] + r["x1"], box["y"] + r["y1"], steps=8)
    page.mouse.up()
    selected = frame.evaluate("() => window.getSelection().toString()")
    settle(page)
    quote = page.locator(".kg-selected")
    quote.wait_for(timeout=30_000)
    assert quote.inner_text().strip() == selected.strip()
    # The turn now marks the words waiting for a code.
    pending = frame_element.content_frame.locator("mark.kg-pending")
    pending.first.wait_for(timeout=30_000)
    assert "".join(pending.all_inner_texts()) == selected
    return selected


def apply_code(page, search: str) -> None:
    field = page.get_by_label("Apply an existing code")
    field.fill(search)
    field.press("Enter")
    settle(page)
    page.get_by_role("button", name="Apply code").click()
    settle(page)
    page.get_by_text("Coded:").first.wait_for(timeout=30_000)


def figures(page) -> dict[str, str]:
    page.get_by_role("tab", name="Agreement").click()
    page.wait_for_timeout(500)
    shown = {}
    for metric in page.locator('[data-testid="stMetric"]').all():
        label = metric.locator('[data-testid="stMetricLabel"]').inner_text().strip()
        shown[label] = metric.locator('[data-testid="stMetricValue"]').inner_text().strip()
    return shown


def test_two_coders_code_a_turn_and_the_agreement_panel_follows(workbench_app, browser) -> None:
    url, reopen, backend = workbench_app
    page = browser.new_page(viewport={"width": 1400, "height": 3000})
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(f"{url}/workbench", wait_until="domcontentloaded")
    page.get_by_role("heading", name=TITLE).wait_for(timeout=60_000)
    settle(page)
    choose(page, "Transcript", R7)
    be_coder(page, "A")
    selected_a = select_words(page, "WeChat group", "The WeChat group for Block C")
    assert selected_a == "The WeChat group for Block C"
    apply_code(page, "online participation")
    snap(page, f"workbench-{backend}-coder-a")
    before = figures(page)
    # Coder B: other words of the same turn, and an in-vivo code (another code than A's).
    be_coder(page, "B")
    selected_b = select_words(page, "WeChat group", "the lift was fixed within a week")
    snap(page, f"workbench-{backend}-selection")
    page.get_by_role("button", name="Create an in-vivo code").click()
    settle(page)
    page.get_by_role("tab", name="Agreement").click()
    choose(page, "Coder A", "A")
    choose(page, "Coder B", "B")
    after = figures(page)
    page.locator(".kg-disagree").first.wait_for(timeout=30_000)
    snap(page, f"workbench-{backend}-agreement")
    with _opened(reopen) as graph:
        doc = next(d for d in graph.document_summaries() if d.title == R7)
        text = graph.get_document(doc.id).text
        a = [c for c in graph.codings_by_coder("A") if c.origin == "manual"]
        b = [c for c in graph.codings_by_coder("B") if c.origin == "manual"]
        expected = expected_agreement(graph, doc.id)
        turns = turns_of(graph, doc.id)
    # The stored spans are exactly what the browser selected.
    assert [c.evidence for c in a] == [selected_a] and [c.evidence for c in b] == [selected_b]
    assert all(text[c.start : c.end] == c.evidence for c in a + b)
    # Before B coded, A had no partner on these units; now every turn is a unit of both.
    assert before["Units"] != after["Units"]
    assert after["Units"] == str(expected.pooled.units) == str(2 * len(turns))
    for name, value in (("% agreement", expected.pooled.percent),
                        ("Cohen's kappa", expected.pooled.kappa),
                        ("Krippendorff's alpha", expected.pooled.alpha),
                        ("Holsti", expected.pooled.holsti)):  # fmt: skip
        assert after[name] == f"{value:.3f}", (name, after)
    assert expected.pooled.percent < 1.0  # different codes on the turn disagree
    side_by_side = page.locator(".kg-disagree").all_inner_texts()
    assert any(selected_a in s for s in side_by_side)
    assert any(selected_b in s for s in side_by_side)
    no_exception(page, errors)
    # The component's files too came from the app itself: nothing left 127.0.0.1.
    assert any("/component/" in r for r in requested)
    hosts = {urlparse(r).hostname for r in requested if not r.startswith(("data:", "blob:"))}
    assert hosts == {"127.0.0.1"}, hosts
    REQUESTS.extend(requested)
    page.close()


def test_a_selection_after_astral_characters_is_stored_exactly(workbench_app, browser) -> None:
    url, reopen, backend = workbench_app
    page = browser.new_page(viewport={"width": 1400, "height": 1600})
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(f"{url}/workbench", wait_until="domcontentloaded")
    page.get_by_role("heading", name=TITLE).wait_for(timeout=60_000)
    settle(page)
    choose(page, "Transcript", "astral_r9")
    be_coder(page, "C")
    selected = select_words(page, "𠀀 group chat", "group chat 😀 helped")
    assert selected == "group chat 😀 helped"
    page.get_by_role("button", name="Create an in-vivo code").click()
    settle(page)
    snap(page, f"workbench-{backend}-astral")
    with _opened(reopen) as graph:
        (coding,) = [c for c in graph.codings_by_coder("C") if c.origin == "manual"]
        text = graph.get_document(coding.document_id).text
    assert coding.evidence == selected == text[coding.start : coding.end]
    assert re.search("The 𠀀 group chat 😀 helped", text)

    no_exception(page, errors)
    page.close()


class _opened:
    """``with _opened(reopen) as graph``: the store, closed afterwards (never the shared
    Neo4j session fixture's own connection)."""

    def __init__(self, reopen) -> None:
        self.graph = reopen()

    def __enter__(self):
        return self.graph

    def __exit__(self, *exc) -> None:
        self.graph.close()
