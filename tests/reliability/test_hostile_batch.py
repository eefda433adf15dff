"""The bad-input battery: hostile files of every format in one batch with good ones, through
the real CLI. Each bad file is one line naming it (and its record or line) with the reason;
no traceback; every good file still goes in; nothing is written outside the store; no
external entity is ever read."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.reliability import batch, hostile

# Lines that would mean a reader blew up instead of naming a reason.
_SURPRISE = re.compile(r"unexpected [A-Z]\w*(Error|Exception)|Traceback")


def _run(tmp_path: Path, big: bool) -> tuple[list[hostile.Case], batch.Outcome, batch.Outcome]:
    root = tmp_path / "sandbox"
    (root / "cwd" / "deep").mkdir(parents=True)  # "../../x" from here lands inside root
    secret = root / "secret.txt"
    secret.write_text(hostile.SECRET)
    outside = tmp_path / "outside"  # where an absolute zip entry points
    cases = hostile.all_cases(secret, outside, big)
    if big:
        cases = [c for c in cases if "12mb" in c.name or "zipbomb" in c.name]
    batch.write_cases(root / "bad", cases)
    batch.good_files(root / "good")
    alone = batch.ingest([root / "good"], tmp_path / "alone" / "kg.db", root / "cwd" / "deep")
    before = batch.tree(tmp_path)
    outcome = batch.ingest(
        [root / "good", root / "bad"], root / "kg.db", root / "cwd" / "deep", "--max-text-mb", "5"
    )
    after = batch.tree(tmp_path)
    assert after == before, "ingest wrote files outside its store"
    assert not outside.exists()
    return cases, outcome, alone


def _check(cases: list[hostile.Case], outcome: batch.Outcome, alone: batch.Outcome) -> None:
    assert "Traceback" not in outcome.stderr
    assert outcome.returncode == 1  # something failed, and said so
    unclaimed = list(outcome.lines)
    problems = []
    for case in cases:
        mine = [ln for ln in outcome.lines if f"/bad/{case.name}" in ln]
        unclaimed = [ln for ln in unclaimed if ln not in mine]
        stored = [t for t in case.titles if any(t in text for text in outcome.texts)]
        wrong = [ln for ln in mine if _SURPRISE.search(ln) or not re.search(case.reason, ln)]
        if case.expect == "any":
            ok = len(mine) <= 1 and not [ln for ln in mine if _SURPRISE.search(ln)]
        elif case.expect == "read":
            ok = not mine and len(stored) == len(case.titles)
        else:  # refused / partial: exactly one line, with the reason; survivors stored
            ok = len(mine) == 1 and not wrong and len(stored) == len(case.titles)
        if not ok:
            problems.append(f"{case.name} ({case.expect}): {mine} stored={stored}")
    assert not problems, "\n".join(problems)
    assert not unclaimed, f"lines about good files: {unclaimed}"
    # Every good file went in whole: nothing of the good set is missing next to the bad.
    assert alone.titles <= outcome.titles
    assert outcome.stats["documents"] >= alone.stats["documents"]
    assert outcome.stats["codings"] >= alone.stats["codings"]
    assert not [t for t in outcome.texts if hostile.SECRET in t], "an external entity was read"


def test_hostile_files_in_one_batch_with_good_ones(tmp_path: Path) -> None:
    cases, outcome, alone = _run(tmp_path, big=False)
    assert len(cases) >= 150  # the README's count of hostile inputs
    _check(cases, outcome, alone)
    for name in ("csv-truncated.csv", "wos-truncated.txt", "ris-truncated.ris"):
        (line,) = [ln for ln in outcome.lines if name in ln]
        assert re.search(rf"{name}:\d+: record 2: ", line), line  # names file, line, record


@pytest.mark.slow
@pytest.mark.timeout(900)
def test_twelve_megabyte_lines_and_zip_bombs(tmp_path: Path) -> None:
    cases, outcome, alone = _run(tmp_path, big=True)
    assert len(cases) == 19
    _check(cases, outcome, alone)
