"""Import & export in real headless Chromium, on both backends: a file uploaded on the page
shows up in the overview; and every page the app registers — found in its navigation, not
listed here — loads without one request leaving 127.0.0.1."""

from __future__ import annotations

import contextlib
import subprocess
import sys
import time
import urllib.request
import zipfile
from collections.abc import Iterator
from pathlib import Path, PurePath
from urllib.parse import urlparse

import pytest

from kgreview.pipeline import ingest
from kgreview.store import open_store
from kgreview.tagging import load_tagger
from tests.browser.conftest import REQUESTS, _free_port, serve, stop_group
from tests.browser.test_explorer_browser import shoot
from tests.conftest import REPO, neo4j_test_settings

pytestmark = pytest.mark.browser

# A small NoteExpress export written for this test (CNKI's format, Chinese).
NOTEEXPRESS = """{Reference Type}: Thesis
{Title}: 浏览器上传测试：增能理论视角下的老旧小区居民参与研究
{Author}: 周岚
{Tertiary Author}: 王红
{Publisher}: 华东理工大学
{Year}: 2024
{Type of Work}: 硕士
{Abstract}: 本研究在增能理论指导下开展小组工作，研究发现居民参与意愿明显提升。

""".encode()
SAMPLE = (REPO / "corpus" / "abstracts",)


def _fill(store) -> None:
    tagger = load_tagger()
    store.upsert_codes(tagger.codebook.to_codes())
    report = ingest(SAMPLE, store, annotate=tagger.tag, tag_key=tagger.key)
    assert report.documents and not report.failures


@pytest.fixture(scope="module", params=["embedded", pytest.param("neo4j", marks=pytest.mark.neo4j)])
def backend_app(request, tmp_path_factory) -> Iterator[str]:
    """The app served on a small store of its own (uploads change it), per backend."""
    folder = tmp_path_factory.mktemp(f"transfer-{request.param}")
    if request.param == "embedded":
        uri, env = str(folder / "kg.db"), {}
        store = open_store(uri)
        _fill(store)
        store.close()
    else:
        store = request.getfixturevalue("neo4j_store")
        store.clear()
        _fill(store)
        settings = neo4j_test_settings()
        uri = settings.uri
        env = {"KGREVIEW_NEO4J_USER": settings.user, "KGREVIEW_NEO4J_PASSWORD": settings.password}
    with serve(uri, folder / "streamlit.log", **env) as url:
        yield url


def settled(page) -> None:
    """The page's title is up and Streamlit has finished running its script."""
    page.locator("h1").first.wait_for(timeout=90_000)
    page.wait_for_timeout(500)
    page.locator('[data-testid="stStatusWidget"]').wait_for(state="detached", timeout=90_000)
    page.wait_for_timeout(1000)


def metric(page, label: str) -> int:
    box = page.locator('[data-testid="stMetric"]').filter(has_text=label).first
    return int(box.locator('[data-testid="stMetricValue"]').inner_text().replace(",", ""))


def no_exception(page, errors: list[str]) -> None:
    assert page.locator('[data-testid="stException"]').count() == 0
    assert not errors, errors


def test_uploaded_file_appears_in_the_overview(browser, backend_app: str, request) -> None:
    backend = request.node.callspec.params["backend_app"]
    page = browser.new_page(viewport={"width": 1400, "height": 1800})
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("request", lambda r: REQUESTS.append(r.url))
    page.goto(backend_app, wait_until="domcontentloaded")
    settled(page)
    before = metric(page, "Documents")
    page.goto(f"{backend_app}/import-export", wait_until="domcontentloaded")
    settled(page)
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(
        files=[
            {"name": "../cnki-upload.net", "mimeType": "text/plain", "buffer": NOTEEXPRESS},
            {"name": "notes.ris", "mimeType": "text/plain", "buffer": b""},  # a bad one
        ]
    )
    button = page.get_by_role("button", name="Import into the store")
    button.wait_for(timeout=30_000)
    page.wait_for_function(
        "() => [...document.querySelectorAll('button')].some("
        "b => b.innerText.includes('Import into the store') && !b.disabled)",
        timeout=30_000,
    )
    button.click()
    done = "Imported, with problems: 1 documents written from 2 files"
    page.get_by_text(done).wait_for(timeout=120_000)
    settled(page)
    assert page.locator('[data-testid="stCode"]').inner_text() == "skipped notes.ris:1: empty file"
    shoot(page, f"import-export-{backend}")
    no_exception(page, errors)
    # Deferred downloads: the server builds each file when its button is clicked.
    for button, starts in (("Code frequencies (.csv)", "\ufeffcategory,code,"),
                           ("GraphML", "<graphml")):  # fmt: skip
        with page.expect_download(timeout=120_000) as download:
            page.get_by_role("button", name=button).click()
        path = download.value.path()
        assert path is not None and Path(path).read_text(encoding="utf-8").startswith(starts)
    with page.expect_download(timeout=120_000) as download:
        page.get_by_role("button", name="Project (.qdpx)").click()
    with zipfile.ZipFile(download.value.path()) as archive:
        assert "project.qde" in archive.namelist()
    page.get_by_role("link", name="Overview").first.click()
    settled(page)
    page.get_by_text("What was ingested when").wait_for(timeout=30_000)
    assert metric(page, "Documents") == before + 1
    history = page.locator('[data-testid="stDataFrame"]').last
    history.scroll_into_view_if_needed()
    page.wait_for_timeout(1000)  # the data grid paints on a canvas after it is attached
    # The grid draws on a canvas; its accessible table (hidden) holds the cell text.
    assert "cnki-upload.net" in history.inner_text() or page.get_by_text("cnki-upload.net").count()
    shoot(page, f"overview-after-upload-{backend}")
    no_exception(page, errors)
    page.close()


def test_no_page_requests_anything_beyond_127_0_0_1(browser, backend_app: str) -> None:
    page = browser.new_page(viewport={"width": 1400, "height": 1600})
    seen: list[str] = []
    errors: list[str] = []
    page.on("request", lambda r: seen.append(r.url))
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(backend_app, wait_until="domcontentloaded")
    settled(page)
    links = page.locator('[data-testid="stSidebarNav"] a')
    hrefs = sorted({links.nth(i).get_attribute("href") for i in range(links.count())})
    assert len(hrefs) >= 6, hrefs  # overview … import & export, and whatever comes later
    assert any(h.rstrip("/").endswith("import-export") for h in hrefs), hrefs
    for href in hrefs:
        page.goto(href if href.startswith("http") else f"{backend_app}/{href.lstrip('/')}")
        settled(page)
        no_exception(page, errors)
    REQUESTS.extend(seen)
    hosts = {urlparse(u).hostname for u in seen if not u.startswith(("data:", "blob:"))}
    assert hosts == {"127.0.0.1"}, hosts
    page.close()


def test_kgreview_demo_opens_on_the_overview_with_the_corpus(browser, tmp_path) -> None:
    port, store = _free_port(), tmp_path / "demo.db"
    proc = subprocess.Popen(
        [sys.executable, "-c", "from kgreview.cli import main; main()", "demo",
         "--store", str(store), "--port", str(port)],
        stdout=subprocess.DEVNULL, stderr=(tmp_path / "demo.log").open("wb"),
        start_new_session=True,  # demo runs streamlit as a child: stop the whole group
    )  # fmt: skip
    try:
        url = f"http://127.0.0.1:{port}"
        for _ in range(600):  # the demo ingests and tags the corpus first
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=1):
                    break
            except OSError:
                assert proc.poll() is None, (tmp_path / "demo.log").read_text()[-2000:]
                time.sleep(0.5)
        else:
            pytest.fail("kgreview demo did not serve the app within 300 s")
        page = browser.new_page(viewport={"width": 1400, "height": 1800})
        page.goto(url, wait_until="domcontentloaded")
        settled(page)
        assert page.locator("h1").first.inner_text() == "kgreview — corpus overview"
        shown = metric(page, "Documents")
        with contextlib.closing(open_store(str(store))) as graph:
            stored = graph.stats()["documents"]
            sources = {PurePath(s).name for _, _, found in graph.ingest_history() for s in found}
        assert shown == stored >= 20  # abstracts, exports, transcripts, gold documents
        assert {"cnki_noteexpress.net", "en_riverside_r7.txt"} <= sources
        page.locator('[data-testid="stDataFrame"]').last.wait_for(timeout=30_000)
        page.wait_for_timeout(1500)  # the data grids paint on a canvas after they attach
        shoot(page, "demo-overview")
        page.close()
    finally:
        stop_group(proc)
