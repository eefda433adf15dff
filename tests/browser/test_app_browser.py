"""The explorer served by Streamlit and opened in real headless Chromium (Debian's)."""

from __future__ import annotations

import subprocess
import sys
import time
import urllib.request

import pytest

from tests.app.seeded import SOURCES
from tests.browser.conftest import ARTIFACTS, _free_port, stop_group

pytestmark = pytest.mark.browser


def test_overview_renders_counts_without_exception(served_app: str, browser) -> None:
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(served_app, wait_until="domcontentloaded")
    page.get_by_text("kgreview — corpus overview").wait_for(timeout=60_000)
    metric = page.locator('[data-testid="stMetric"]').filter(has_text="Documents")
    metric.wait_for(timeout=30_000)
    n_docs = sum(len(list(d.glob("*.txt"))) for d in SOURCES)
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
        start_new_session=True,  # `serve` runs streamlit as a child: stop the whole group
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
        stop_group(proc)
