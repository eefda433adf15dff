"""``scripts/bench network`` end to end at a small size: the generated store has exactly the
asked graph, the page renders it in Chromium and a click on a node opens its sentences."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.browser.conftest import CHROMIUM
from tests.conftest import REPO, missing_service

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def test_bench_network_measures_render_and_click() -> None:
    if not Path(CHROMIUM).exists():
        missing_service(f"Chromium not installed at {CHROMIUM} (scripts/test installs it)")
    command = [sys.executable, str(REPO / "scripts" / "bench"), "network", "--nodes", "40",
               "--edges", "150", "--repeat", "1"]  # fmt: skip
    done = subprocess.run(command, capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-3000:]
    values = {}
    for line in done.stdout.splitlines():
        parts = line.split()
        if len(parts) >= 3 and parts[0] in ("value", "ratio"):
            values[parts[1]] = float(parts[2])
    assert "Graph with 40 nodes and 150 edges" in done.stdout
    for name in ("", "small."):
        assert values[f"network.{name}render_ms"] > 0
        assert values[f"network.{name}click_ms"] > 0  # the click's sentences appeared
        assert values[f"network.{name}interactive_ms"] == pytest.approx(
            values[f"network.{name}render_ms"] + values[f"network.{name}click_ms"], rel=0.5
        )
    assert values["network.interactive_vs_small"] > 0
