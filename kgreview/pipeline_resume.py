"""What an ingest killed midway leaves for the next one: files only partly written.

An ingest skips a file whose hash a stored document carries. A file is written in several
batches, so a kill between two of them leaves some of its documents stored and the rest not;
skipping it next time would lose the rest. Before a batch cuts a file (writes part of it),
the file's hash goes into a bookkeeping record in the store (a Transfer node with id
``ingest``, next to the resume point of a copy); it leaves that record only after the batch
holding its last document is committed. The next ingest reads such files again (documents
already stored as they are stay untouched). The record also says whether the last ingest
that wrote anything ended, so the closing steps (linking cited works) run again after a kill.
An ingest that finds nothing new writes no record at all.
"""

from __future__ import annotations

import json
from collections import deque
from datetime import UTC, datetime
from typing import Any

from kgreview.model import Document
from kgreview.pipeline_batch import BatchWriter, Built
from kgreview.store.base import GraphStore
from kgreview.store.schema import Label

MARKER_ID = "ingest"
RUNNING, DONE = "running", "done"


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class PartialFiles:
    """The store's record of files partly written by an ingest, kept up to date as we go."""

    def __init__(self, store: GraphStore) -> None:
        self.store = store
        row = self._load()
        self.interrupted = bool(row) and row["state"] == RUNNING  # the last ingest was killed
        self.listed: set[str] = set(self._partial(row))  # partial before this run began
        self.mine: set[str] = set()  # hashes this run added and has not cleared yet
        self.running = False  # this run has marked the record running

    def _load(self) -> dict[str, Any] | None:
        rows = self.store.export_nodes(Label.Transfer, None, 50)
        return next((row for row in rows if row["id"] == MARKER_ID), None)

    @staticmethod
    def _partial(row: dict[str, Any] | None) -> list[str]:
        return list(json.loads(row.get("cursor") or "{}").get("partial", [])) if row else []

    def _save(self, add: set[str], remove: set[str], state: str) -> None:
        # Read again just before writing: another ingest may have listed its own files.
        row = self._load() or {"id": MARKER_ID, "source": "kgreview ingest", "step": 0,
                               "started_at": _now()}  # fmt: skip
        partial = (set(self._partial(row)) | add) - remove
        row.update(state=state, updated_at=_now(), cursor=json.dumps({"partial": sorted(partial)}))
        self.store.import_nodes(Label.Transfer, [row])

    def cut(self, file_hash: str | None) -> None:
        """Before a commit: mark the run running (once), and list ``file_hash``, the file
        this commit writes only part of (if any)."""
        add = {file_hash} - self.mine - self.listed if file_hash else set()
        if add or not self.running:
            self._save(add, set(), RUNNING)
            self.mine |= add
            self.running = True

    def complete(self, file_hashes: set[str]) -> None:
        """Every document of these files is committed: take them off the list."""
        done = file_hashes & (self.mine | self.listed)
        if done:
            self._save(set(), done, RUNNING)
            self.mine -= done
            self.listed -= done

    def finish(self) -> None:
        """The ingest ended normally (failures reported): mark the record done."""
        if self.running or self.interrupted:
            self._save(set(), set(), DONE)


class ResumableWriter(BatchWriter):
    """A :class:`BatchWriter` that keeps :class:`PartialFiles` true at every commit."""

    def __init__(self, *args: Any, partial: PartialFiles, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.partial = partial
        self.reading: str | None = None  # hash of the file being read
        self.read: set[str] = set()  # files read to the end since the last flush
        # One entry per batch flushed and not yet written (workers tag batches while the
        # next is read): the files whose last documents it holds, completed once it is.
        self.waiting: deque[set[str]] = deque()

    def start_file(self, file_hash: str) -> None:
        self.reading = file_hash

    def end_file(self) -> None:
        if self.reading is not None:
            self.read.add(self.reading)
        self.reading = None

    def flush(self) -> None:
        done, self.read = self.read, set()
        if self.pending:
            self.partial.cut(self.reading)  # this batch writes part of the file being read
            self.waiting.append(done)
            super().flush()
        elif self.waiting:
            self.waiting[-1] |= done  # their last documents are in a batch still in flight
        else:
            self.partial.complete(done)  # all their documents are committed

    def _store(self, documents: list[Document], built: list[Built]) -> None:
        super()._store(documents, built)
        # Batches are written in the order they were flushed.
        self.partial.complete(self.waiting.popleft())
