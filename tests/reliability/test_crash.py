"""``kill -9`` an ingest at random points, restart it, again and again: the store holds only
whole documents after every kill, and the run that finally completes ends with exactly the
counts and content hash of an uninterrupted run — on both backends.

Kill points are drawn from a seeded generator, in three kinds: at a random moment of start-up
(before or during the first reads), a random moment after the run's first commit (inside a
transaction, tagging or reading), and right after a random number of documents is stored.
"""

from __future__ import annotations

import random
import time
from pathlib import Path

import pytest

from kgreview.store.schema import Label
from tests.reliability.fixtures import INGEST, Target, baseline, corpus, tagger, target  # noqa: F401
from tests.reliability.harness import (
    broken_documents,
    fingerprint,
    kgreview,
    kill,
    start,
    wait_until,
)

KILL_POINTS = 6  # per backend
SEED = 20261124

pytestmark = [pytest.mark.slow, pytest.mark.timeout(900)]


def _documents(t: Target) -> int:
    return t.store.count_nodes(Label.Document)


def _one_kill(t: Target, args: tuple[str, ...], rng: random.Random, kind: str, total: int,
              log: Path) -> tuple[str, int] | None:  # fmt: skip
    """Start the ingest and SIGKILL it at a point of ``kind``; None if it ended first."""
    before = _documents(t)
    proc = start(*args, env=t.env, log=log)
    if kind == "start-up":
        time.sleep(rng.uniform(0.2, 2.5))
    elif kind == "after a commit":
        wait_until(lambda: _documents(t) > before, proc, 120)
        time.sleep(rng.uniform(0.0, 0.5))
    else:  # "at N documents"
        goal = rng.randint(before + 1, max(before + 1, (before + total) // 2))
        wait_until(lambda: _documents(t) >= goal, proc, 120)
    if kill(proc) is not None:
        return None  # it finished before the kill: not a kill point
    return kind, _documents(t)


def test_kill_9_leaves_whole_documents_and_the_rerun_ends_identical(
    target: Target,  # noqa: F811
    corpus,  # noqa: F811
    tagger,  # noqa: F811
    baseline,  # noqa: F811
    tmp_path: Path,
) -> None:
    args = ("ingest", str(corpus.root), *INGEST)
    expected = baseline  # an uninterrupted run's counts and hash
    total = expected[0][Label.Document]
    assert total > 200 and expected[0][Label.Coding] > 1000
    rng = random.Random(SEED)
    kinds = ["start-up", "after a commit", "at N documents"]
    landed: list[tuple[str, int]] = []
    for attempt in range(4 * KILL_POINTS):
        if len(landed) == KILL_POINTS:
            break
        point = _one_kill(target, (*args, "--store", target.uri), rng, kinds[attempt % 3],
                          total, tmp_path / f"run{attempt}.log")  # fmt: skip
        if point is None:
            target.reset(tmp_path / f"killed{attempt}.db")  # it completed: begin afresh
            continue
        landed.append(point)
        problems = broken_documents(target.store, tagger)
        assert not problems, f"after kill {point}: {problems[:5]}"
    print(f"\n{target.kind}: {len(landed)} kill points (kind, documents stored): {landed}")
    assert len(landed) == KILL_POINTS
    assert any(0 < n < total for _, n in landed), "no kill fell between two commits"

    rerun = kgreview(*args, "--store", target.uri, env=target.env)
    assert rerun.returncode == 0, rerun.stderr[-2000:]
    assert "Traceback" not in rerun.stderr
    assert fingerprint(target.store) == expected
    assert not broken_documents(target.store, tagger)
