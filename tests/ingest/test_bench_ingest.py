"""Streaming holds: a large generated WoS export ingests in bounded memory (scripts/bench)."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from tests.conftest import REPO


@pytest.mark.slow
def test_bench_ingest_reads_every_record_in_bounded_memory() -> None:
    result = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "bench"), "ingest", "--records", "20000"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    assert "read 20,000, stored 20,000, 0 failures" in result.stdout
    rate = re.search(r"value ingest.records_per_s (\d+) records/s", result.stdout)
    peak = re.search(r"value ingest.peak_rss_mb (\d+) MB", result.stdout)
    assert rate and int(rate.group(1)) > 0
    # 100k records measured at ~170 MB; 20k must stay far below the 1 GB acceptance line.
    assert peak and int(peak.group(1)) < 400, result.stdout
