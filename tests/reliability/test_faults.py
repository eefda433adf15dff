"""Neo4j going away in the middle of an ingest, on a server this module starts for itself
(its own port and data folder, so the suite's shared server is untouched).

To land the fault mid-ingest on a fast or a slow machine alike, the ingest is frozen
(SIGSTOP) once it has committed some documents, the server is stopped, and the ingest is
let go again (SIGCONT): its next transaction meets a server that is gone.

- Gone for good: one clear error line naming the store (its URI, never the password), a
  non-zero exit, no traceback; after a restart the same command completes, and the store
  equals an uninterrupted run (counts and content hash): nothing duplicated.
- Back within the retry window: the driver's managed transactions retry with backoff, and
  the ingest completes as if nothing happened.
"""

from __future__ import annotations

import os
import signal
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pytest

from kgreview.config import StoreSettings
from kgreview.store import GraphStore, open_store
from kgreview.store.schema import Label
from tests.conftest import REPO, missing_service
from tests.reliability.fixtures import INGEST, baseline, corpus  # noqa: F401
from tests.reliability.harness import fingerprint, kgreview, start, wait_until

PASSWORD = "kgreview-fault-secret"
PORT = os.environ.get("KGREVIEW_FAULT_NEO4J_PORT", "7699")
HOME = os.environ.get(
    "KGREVIEW_FAULT_NEO4J_HOME", str(Path.home() / ".cache" / "kgreview" / "neo4j-fault")
)
URI = f"bolt://127.0.0.1:{PORT}"

# Server starts and stops take minutes on a loaded machine.
pytestmark = [pytest.mark.neo4j, pytest.mark.slow, pytest.mark.timeout(900)]


class Server:
    """The fault server: started and stopped through scripts/neo4j with its own settings."""

    env: ClassVar[dict[str, str]] = {
        **os.environ, "KGREVIEW_NEO4J_HOME": HOME, "KGREVIEW_NEO4J_PORT": PORT,
        "KGREVIEW_NEO4J_PASSWORD": PASSWORD, "KGREVIEW_NEO4J_HEAP": "512m",
        "KGREVIEW_NEO4J_PAGECACHE": "128m",
    }  # fmt: skip

    def run(self, action: str) -> subprocess.CompletedProcess:
        return subprocess.run([str(REPO / "scripts" / "neo4j"), action], env=self.env,
                              capture_output=True, text=True, timeout=240)  # fmt: skip

    def start(self) -> None:
        done = self.run("start")
        if done.returncode != 0:
            missing_service(f"fault Neo4j on {URI}: {done.stderr[-500:]}")

    def stop(self) -> None:
        assert self.run("stop").returncode == 0


@pytest.fixture(scope="module")
def server() -> Iterator[Server]:
    made = Server()
    made.start()
    try:
        yield made
    finally:
        made.stop()


def _open() -> GraphStore:
    return open_store(StoreSettings(URI, password=PASSWORD, retry_seconds=60))


def _frozen_mid_ingest(root: Path, retry: int, log: Path) -> subprocess.Popen:
    """An ingest into the fault server, stopped (SIGSTOP) once 25 documents are committed."""
    watch = _open()
    watch.clear()
    env = {"KGREVIEW_NEO4J_PASSWORD": PASSWORD, "KGREVIEW_NEO4J_RETRY_SECONDS": str(retry)}
    proc = start("ingest", str(root), *INGEST, "--store", URI, env=env, log=log)
    reached = wait_until(lambda: watch.count_nodes(Label.Document) >= 25, proc, 180)
    os.killpg(proc.pid, signal.SIGSTOP)
    stored = watch.count_nodes(Label.Document)
    watch.close()
    assert reached and stored < 200, f"the ingest was not caught midway ({stored} documents)"
    return proc


def test_server_gone_is_one_error_line_and_the_rerun_completes(
    server: Server,
    corpus,  # noqa: F811
    baseline,  # noqa: F811
    tmp_path: Path,
) -> None:
    proc = _frozen_mid_ingest(corpus.root, retry=3, log=tmp_path / "ingest.log")
    server.stop()
    began = time.monotonic()
    os.killpg(proc.pid, signal.SIGCONT)
    status = proc.wait(timeout=180)
    stderr = (tmp_path / "ingest.log").read_text()
    print(f"\nserver gone: exit {status} after {time.monotonic() - began:.1f} s")
    assert status != 0
    assert "Traceback" not in stderr and PASSWORD not in stderr
    errors = [line for line in stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and URI in errors[0], stderr[-2000:]
    down = kgreview("stats", "--store", URI, env={"KGREVIEW_NEO4J_PASSWORD": PASSWORD})
    assert down.returncode == 1 and "Traceback" not in down.stderr
    assert URI in down.stderr and PASSWORD not in down.stderr

    server.start()
    rerun = kgreview("ingest", str(corpus.root), *INGEST, "--store", URI,
                     env={"KGREVIEW_NEO4J_PASSWORD": PASSWORD})  # fmt: skip
    assert rerun.returncode == 0, rerun.stderr[-2000:]
    store = _open()
    try:
        assert fingerprint(store) == baseline  # nothing lost, nothing duplicated
    finally:
        store.close()


def test_a_server_back_within_the_retry_window_is_retried_through(
    server: Server,
    corpus,  # noqa: F811
    baseline,  # noqa: F811
    tmp_path: Path,
) -> None:
    proc = _frozen_mid_ingest(corpus.root, retry=180, log=tmp_path / "ingest.log")
    server.stop()
    os.killpg(proc.pid, signal.SIGCONT)  # it meets a dead server and retries with backoff
    time.sleep(2)
    assert proc.poll() is None, "the ingest gave up at once instead of retrying"
    server.start()
    status = proc.wait(timeout=240)
    assert status == 0, (tmp_path / "ingest.log").read_text()[-2000:]
    store = _open()
    try:
        assert fingerprint(store) == baseline
    finally:
        store.close()
