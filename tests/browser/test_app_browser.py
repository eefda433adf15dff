"""The explorer served by Streamlit and opened in real headless Chromium (Debian's)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from kgreview.pipeline import ingest
from kgreview.store import open_store
from kgreview.tagging import load_tagger
from tests.conftest import REPO, missing_service

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = REPO / "test-artifacts"
pytestmark = pytest.mark.browser


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def served_app(tmp_path_factory) -> Iterator[str]:
    path = tmp_path_factory.mktemp("app") / "kg.db"
    store = open_store(str(path))
    tagger = load_tagger()
    store.upsert_codes(tagger.codebook.to_codes())
    report = ingest([REPO / "corpus" / "abstracts"], store, annotate=tagger.tag, tag_key=tagger.key)
    store.close()
    assert report.documents >= 3
    port = _free_port()
    env = {**os.environ, "KGREVIEW_STORE": str(path)}
    command = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(REPO / "app.py"),
        "--server.address",
        "127.0.0.1",
        "--server.port",
        str(port),
        "--server.headless",
        "true",
        "--browser.gatherUsageStats",
        "false",
        "--client.toolbarMode",
        "minimal",
    ]
    proc = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(120):
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=1) as response:
                    if response.status == 200:
                        break
            except OSError:
                time.sleep(0.5)
        else:
            pytest.fail("streamlit did not answer within 60 s")
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=20)


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        missing_service(f"Chromium not installed at {CHROMIUM} (scripts/test installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield chromium
        chromium.close()


def test_overview_renders_counts_without_exception(served_app: str, browser) -> None:
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(served_app, wait_until="domcontentloaded")
    page.get_by_text("kgreview — corpus overview").wait_for(timeout=60_000)
    metric = page.locator('[data-testid="stMetric"]').filter(has_text="Documents")
    metric.wait_for(timeout=30_000)
    n_docs = len(list((REPO / "corpus" / "abstracts").glob("*.txt")))
    assert metric.locator('[data-testid="stMetricValue"]').inner_text().strip() == str(n_docs)
    page.locator('[data-testid="stDataFrame"]').nth(1).wait_for(timeout=30_000)  # codes table
    page.wait_for_timeout(1000)  # the data grid paints on a canvas after it is attached
    assert page.locator('[data-testid="stException"]').count() == 0
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "overview.png"), full_page=True)
    assert not errors, errors
    page.close()


def test_kgreview_serve_starts_the_app(tmp_path) -> None:
    port = _free_port()
    proc = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "from kgreview.cli import main; main()",
            "serve",
            "--store",
            str(tmp_path / "kg.db"),
            "--port",
            str(port),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        for _ in range(120):
            try:
                with urllib.request.urlopen(
                    f"http://127.0.0.1:{port}/_stcore/health", timeout=1
                ) as response:
                    assert response.status == 200
                    return
            except OSError:
                assert proc.poll() is None, proc.stdout.read().decode() if proc.stdout else ""
                time.sleep(0.5)
        pytest.fail("kgreview serve did not answer within 60 s")
    finally:
        proc.terminate()
        proc.wait(timeout=20)
