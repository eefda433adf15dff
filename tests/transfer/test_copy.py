"""kgreview copy: embedded ↔ Neo4j round trips, resume after a kill, --merge, refusals."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kgreview.model import Coding, Origin
from kgreview.store import GraphStore, open_store
from kgreview.store.schema import Label
from kgreview.transfer import StoreSource, TransferError, compare, transfer
from kgreview.transfer.copy import DONE, RUNNING, checkpoint
from kgreview.transfer.source import Step, steps
from tests.transfer.conftest import HUMAN_CODERS, kgreview, neo4j_cli


def _assert_same(a: GraphStore, b: GraphStore) -> None:
    result = compare(a, b)
    assert result.identical, [d.line() for d in result.differences[:10]]
    assert result.documents == a.stats()["documents"] > 100


@pytest.mark.neo4j
def test_embedded_to_neo4j_to_embedded_ends_identical(
    demo_copy: Path, tmp_path: Path, neo4j_store: GraphStore
) -> None:
    neo4j_store.clear()
    source = open_store(str(demo_copy))
    back = open_store(str(tmp_path / "back.db"))
    try:
        transfer(StoreSource(source), neo4j_store, batch=500)
        _assert_same(source, neo4j_store)
        transfer(StoreSource(neo4j_store), back, batch=500)
        _assert_same(source, back)
        # What the protocol serves is the same too, codings of every coder included.
        for coder in HUMAN_CODERS:
            mine = source.codings_by_coder(coder)
            assert mine and back.codings_by_coder(coder) == neo4j_store.codings_by_coder(coder)
            assert back.codings_by_coder(coder) == mine
        assert back.stats() == source.stats() == neo4j_store.stats()
        assert back.gap_statements() == source.gap_statements()
        doc = source.document_summaries()[0].id
        assert back.get_document(doc) == source.get_document(doc)
        assert back.references_of(doc) == neo4j_store.references_of(doc)
    finally:
        source.close()
        back.close()
        neo4j_store.clear()


def test_embedded_to_embedded_copy_refuses_a_non_empty_target(
    demo_copy: Path, tmp_path: Path
) -> None:
    target = tmp_path / "target.db"
    first = kgreview("copy", "--from", str(demo_copy), "--to", str(target))
    assert first.returncode == 0, first.stderr
    again = kgreview("copy", "--from", str(demo_copy), "--to", str(target))
    assert again.returncode == 1
    lines = again.stderr.strip().splitlines()
    assert len(lines) == 1 and "is not empty" in lines[0] and "--merge" in lines[0]
    same = kgreview("verify", "--store", str(demo_copy), "--against", str(target))
    assert same.returncode == 0, same.stdout
    assert "no differences" in same.stderr


def test_merge_adds_without_duplicating(demo_copy: Path, tmp_path: Path) -> None:
    source = open_store(str(demo_copy))
    target = open_store(str(tmp_path / "team.db"))
    try:
        # The team store already holds one of the documents, coded by a third coder.
        doc = source.document_summaries()[0].id
        theirs = source.codings_for_document(doc)[0]
        extra = Coding(
            "cod:coder_c", doc, theirs.segment_id, theirs.code_id, "coder_c",
            theirs.start, theirs.end, theirs.evidence, origin=Origin.MANUAL,
        )  # fmt: skip
        target.import_nodes(Label.Document, source.export_nodes(Label.Document, None, 1))
        target.add_codings([extra])
        with pytest.raises(TransferError, match="not empty"):
            transfer(StoreSource(source), target)
        transfer(StoreSource(source), target, merge=True, batch=300)
        counts = target.stats()
        assert counts["codings"] == source.stats()["codings"] + 1
        assert counts["documents"] == source.stats()["documents"]
        transfer(StoreSource(source), target, merge=True, batch=300)
        assert target.stats() == counts  # a second merge adds nothing
        assert extra in target.codings_by_coder("coder_c")
        differences = compare(source, target).differences
        expected = [Label.Coding, Label.Coder, "HAS_CODING", "OF_CODE", "BY", doc]
        assert [d.what for d in differences] == expected
    finally:
        source.close()
        target.close()


def _kill_midway(command: list[str], progressed, env: dict | None = None) -> None:
    """Start the copy, SIGKILL it once ``progressed()`` says it is partway through."""
    import os

    proc = subprocess.Popen(command, env={**os.environ, **(env or {})},
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)  # fmt: skip
    deadline = time.monotonic() + 120
    try:
        while time.monotonic() < deadline and proc.poll() is None:
            if progressed():
                proc.send_signal(signal.SIGKILL)
                break
            time.sleep(0.01)
    finally:
        proc.wait(timeout=60)
    assert proc.returncode == -signal.SIGKILL, "the copy finished before it could be killed"


_CODING_STEP = [str(s) for s in steps()].index(str(Step("nodes", Label.Coding)))
# Run in the copy's own process: the real command, with each page's checkpoint slowed down.
_PAUSED_PAGES = (
    "import time; from kgreview.transfer import copy as c; save = c._save; "
    f"c._save = lambda t, r, i, at, after: (i >= {_CODING_STEP} and time.sleep(0.02), "
    "save(t, r, i, at, after)); "
)


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-c", "from kgreview.cli import main; main()", *args]


def _partway(store_uri: str) -> bool:
    """True once the copy got past documents and segments and is still running.

    Any step from Coding nodes on counts: waiting for that one step alone missed it on a
    fast machine (the whole step took less than one poll).
    """
    try:
        store = open_store(store_uri)
    except Exception:  # not created yet
        return False
    try:
        row = checkpoint(store)
        return bool(row) and row["state"] == RUNNING and int(row["step"]) >= _CODING_STEP
    finally:
        store.close()


def _interrupted_copy_ends_identical(source: Path, target: str, env: dict, reference: Path):
    # Small batches, and a pause after each page from the Coding step on: the whole copy of
    # the demo takes ~0.4 s, less than a poll that opens the store, so it finished unkilled.
    command = _cli("copy", "--from", str(source), "--to", target, "--batch", "5")
    command[2] = _PAUSED_PAGES + command[2]
    _kill_midway(command, lambda: _partway(target), env)
    half, whole_source = open_store(target), open_store(str(source))
    try:
        assert checkpoint(half)["state"] == RUNNING
        assert not compare(whole_source, half).identical  # killed with something left to copy
    finally:
        half.close()
        whole_source.close()
    resumed = kgreview("copy", "--from", str(source), "--to", target, "--batch", "40", env=env)
    assert resumed.returncode == 0, resumed.stderr
    assert "resumed" in resumed.stderr
    whole = kgreview("copy", "--from", str(source), "--to", str(reference))
    assert whole.returncode == 0, whole.stderr
    verdict = kgreview("verify", "--store", target, "--against", str(reference), env=env)
    assert verdict.returncode == 0, verdict.stdout[-2000:]
    done = open_store(target)
    try:
        assert checkpoint(done)["state"] == DONE
    finally:
        done.close()


def test_interrupted_copy_resumes_to_identical_embedded(demo_copy: Path, tmp_path: Path) -> None:
    _interrupted_copy_ends_identical(demo_copy, str(tmp_path / "t.db"), {}, tmp_path / "r.db")


@pytest.mark.neo4j
def test_interrupted_copy_resumes_to_identical_neo4j(
    demo_copy: Path, tmp_path: Path, neo4j_store: GraphStore
) -> None:
    neo4j_store.clear()
    uri, env = neo4j_cli()
    try:
        _interrupted_copy_ends_identical(demo_copy, uri, env, tmp_path / "r.db")
    finally:
        neo4j_store.clear()
