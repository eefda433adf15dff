"""Fixtures for the browser tests: the explorer served by Streamlit on a seeded store, and
Debian's headless Chromium driven by Playwright, logging every request it makes."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.app.seeded import seeded_store
from tests.conftest import REPO, missing_service

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = REPO / "test-artifacts"


def _free_port() -> int:
    """A free 127.0.0.1 port: the first free one of ``KGREVIEW_APP_PORTS`` (comma-separated;
    on a shared machine each engineer serves only on their own ports), else any."""
    for port in os.environ.get("KGREVIEW_APP_PORTS", "").split(","):
        if port.strip():
            with socket.socket() as sock:
                try:
                    sock.bind(("127.0.0.1", int(port)))
                except OSError:
                    continue
                return int(port)
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def stop_group(proc: subprocess.Popen) -> None:
    """Stop a process started with ``start_new_session=True`` and all its children."""
    os.killpg(proc.pid, signal.SIGTERM)
    try:
        proc.wait(timeout=20)
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)  # a child that ignored SIGTERM


@contextmanager
def serve(store: str, log_path: Path, **env: str) -> Iterator[str]:
    """``streamlit run app.py`` on a free 127.0.0.1 port for ``store``; yields its URL."""
    port = _free_port()
    command = [
        sys.executable, "-m", "streamlit", "run", str(REPO / "app.py"),
        "--server.address", "127.0.0.1", "--server.port", str(port),
        "--server.headless", "true", "--browser.gatherUsageStats", "false",
        "--client.toolbarMode", "minimal",
    ]  # fmt: skip
    full_env = {**os.environ, **env, "KGREVIEW_STORE": store}
    with open(log_path, "wb") as log:
        proc = subprocess.Popen(command, env=full_env, stdout=log, stderr=subprocess.STDOUT)
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


@pytest.fixture(scope="session")
def served_app(tmp_path_factory) -> Iterator[str]:
    path = seeded_store(tmp_path_factory.mktemp("app") / "kg.db")
    with serve(path, Path(path).with_suffix(".log")) as url:
        yield url


@pytest.fixture(scope="session")
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


# Every URL any page of the session requested: the no-network check reads it at the end.
REQUESTS: list[str] = []


@pytest.fixture
def app_page(browser, served_app):
    """``open(path)`` → a new page at that app path, with its errors collected in ``errors``."""
    pages, errors = [], []

    def open_(path: str = "", height: int = 1600):
        page = browser.new_page(viewport={"width": 1400, "height": height})
        page.on("request", lambda request: REQUESTS.append(request.url))
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.goto(f"{served_app}/{path}", wait_until="domcontentloaded")
        pages.append(page)
        return page

    open_.errors = errors
    yield open_
    for page in pages:
        page.close()


# Screen position of a node of the network page's live ECharts chart (window.kgreviewNetwork):
# the browser tests and `scripts/bench network` click it.
NODE_AT = """(id) => {
  const chart = window.kgreviewNetwork;
  const data = chart.getModel().getSeriesByIndex(0).getData();
  const i = [...Array(data.count()).keys()].find((k) => data.getId(k) === id);
  const [px, py] = chart.convertToPixel({seriesIndex: 0}, data.getItemLayout(i));
  const box = chart.getDom().getBoundingClientRect();
  return [box.x + px, box.y + py];
}"""
