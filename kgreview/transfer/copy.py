"""Copy every node and edge from a source (a store or a backup) into a target store.

Pages are written one transaction each, in the order of :func:`steps`; after each page the
target records how far it got (a bookkeeping node, Label.Transfer). Killed midway, the same
command resumes from there; a page written twice changes nothing, since every write is an
upsert by key. A target that already holds a graph is refused unless ``merge`` is set.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from kgreview.store.base import GraphStore, StoreError
from kgreview.store.schema import SCHEMA, Label
from kgreview.transfer.source import Source, Step, steps

CHECKPOINT_ID = "transfer"
RUNNING, DONE = "running", "done"
Progress = Callable[[Step, int], None]


class TransferError(StoreError):
    """A copy or restore that cannot start (non-empty target, damaged backup ...)."""


@dataclass(slots=True)
class TransferReport:
    source: str
    target: str
    resumed: bool = False
    merged: bool = False
    copied: dict[str, int] = field(default_factory=dict)  # rows written per step, this run


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def checkpoint(target: GraphStore) -> dict[str, Any] | None:
    """The target's record of the last copy into it, if any."""
    rows = target.export_nodes(Label.Transfer, None, 10)
    return next((row for row in rows if row["id"] == CHECKPOINT_ID), None)


def _save(target: GraphStore, row: dict[str, Any], step: int, at: Step, after: Any) -> None:
    row.update(step=step, cursor=json.dumps({"step": str(at), "after": after}), updated_at=_now())
    target.import_nodes(Label.Transfer, [row])


def graph_size(store: GraphStore) -> dict[str, int]:
    """Node counts per content label that has any."""
    counts = {label: store.count_nodes(label) for label in SCHEMA.content_labels()}
    return {label: n for label, n in counts.items() if n}


def _start(source: Source, target: GraphStore, merge: bool) -> tuple[dict[str, Any], int, Any]:
    """The checkpoint row to keep up to date, and the step index and cursor to start from."""
    last = checkpoint(target)
    plan = steps()
    if last and last["state"] == RUNNING and last["source"] == source.name:
        cursor = json.loads(last["cursor"] or "{}")
        names = [str(s) for s in plan]
        if cursor.get("step") in names:
            return last, names.index(cursor["step"]), cursor.get("after")
        return last, 0, None
    if not merge:
        if last and last["state"] == RUNNING:
            raise TransferError(
                f"{target.describe()} holds an unfinished copy from {last['source']}: "
                "finish it with the same command, or pass --merge to add this one as well"
            )
        size = graph_size(target)
        if size:
            what = ", ".join(f"{n} {label}" for label, n in list(size.items())[:4])
            raise TransferError(
                f"{target.describe()} is not empty ({what} ...): pass --merge to add to it "
                "(same ids are updated, nothing is duplicated), or copy into an empty store"
            )
    row = {"id": CHECKPOINT_ID, "source": source.name, "state": RUNNING, "started_at": _now()}
    return row, 0, None


def transfer(
    source: Source,
    target: GraphStore,
    *,
    merge: bool = False,
    batch: int = 2000,
    progress: Progress | None = None,
) -> TransferReport:
    """Copy ``source`` into ``target`` (resuming an interrupted copy of the same source)."""
    row, first, after = _start(source, target, merge)
    report = TransferReport(source.describe(), target.describe(), resumed=first > 0 or bool(after))
    report.merged = merge
    plan = steps()
    _save(target, row, first, plan[first], after)
    for index in range(first, len(plan)):
        step = plan[index]
        start = after if index == first else None
        written = 0
        for rows, cursor in source.pages(step, start, batch):
            if step.kind == "nodes":
                target.import_nodes(step.name, rows)
            else:
                target.import_relationships(step.name, rows)
            written += len(rows)
            _save(target, row, index, step, cursor)
            if progress:
                progress(step, len(rows))
        report.copied[str(step)] = written
    row["state"] = DONE
    _save(target, row, len(plan) - 1, plan[-1], None)
    return report
