"""The files of an ingest, hashed and read: in the ingesting process, or (with worker processes)
in a reader process of its own that runs ahead of it.

Parsing records into Documents was, after its SQLite writes, the largest share of the
writer's own work once tagging went to workers; it needs nothing the writer holds, so a
reader process does it while the writer deduplicates and writes. It hashes each file, tells
whether it is unchanged (then it is not read) or a project (the writer imports those
itself), and streams the file's documents in small chunks through a bounded queue: memory
stays flat however large a file is.
Everything arrives in file order and record order, so the writer sees exactly the sequence it
would have read itself, and the store ends the same whichever way the files were read.
"""

from __future__ import annotations

import dataclasses
import multiprocessing
import os
import queue
import signal
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kgreview import ids
from kgreview.ingest import ReaderError, ReadOptions, RecordFailure, reader
from kgreview.ingest.detect import BINARY_FORMATS, IGNORED_SUFFIXES, detect_format
from kgreview.ingest.refi_import import PROJECT_FORMATS
from kgreview.ingest.stream import read_head, sniff_encoding
from kgreview.model import Document
from kgreview.pipeline_batch import frozen_heap

Item = Document | RecordFailure
CHUNK = 64  # documents per message: small, so the writer starts on a file at once
QUEUED = 16  # messages the reader may run ahead by (bounded memory)
POLL = 1.0  # seconds between checks that the other side is still there


@dataclass(frozen=True, slots=True)
class Failure:
    where: str  # "file" or "file:line"
    reason: str  # "record N: why" for a bad record

    def line(self) -> str:
        return f"{self.where}: {self.reason}"


def iter_files(paths: Iterable[str | Path], failures: list[Failure]) -> Iterator[Path]:
    """Files named, and files under folders named (recursively, hidden ones skipped)."""
    for raw in paths:
        path = Path(raw)
        if path.is_file():
            yield path
        elif path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    child = Path(root, name)
                    if not name.startswith(".") and child.suffix.lower() not in IGNORED_SUFFIXES:
                        yield child
        else:
            failures.append(Failure(str(path), "no such file or folder"))


def read_documents(
    path: Path, options: ReadOptions | bytes | None = None
) -> Iterator[Document | RecordFailure]:
    """Every document (or bad record) in one file, via the reader its content and name call
    for; streamed, so memory stays flat however large the file.

    Passing the file's bytes (the interface before streaming) still works: the bytes are
    ignored and a bad record raises :class:`ReaderError` instead of being yielded.
    """
    if isinstance(options, bytes):
        for item in read_documents(path):
            if isinstance(item, RecordFailure):
                raise ReaderError(f"record {item.record}: {item.reason}", line=item.line)
            yield item
        return
    options = options or ReadOptions()
    fmt = options.fmt or detect_format(path)
    if fmt is None:
        raise ReaderError(f"unknown format: unsupported file type {path.suffix or '(none)'}")
    limit = options.max_text_bytes
    # Record which encoding a text export was read as: a wrong guess must be visible.
    encoding = None if fmt in BINARY_FORMATS else sniff_encoding(read_head(path))
    found = 0
    for item in reader(fmt)(path, dataclasses.replace(options, fmt=fmt)):
        found += 1
        if isinstance(item, Document):
            where = item.meta.get("provenance", [{}])[0]
            if encoding and where:
                where["encoding"] = item.meta.get("encoding", encoding)
            if limit and len(item.text.encode("utf-8")) > limit:
                reason = f"document text exceeds the limit ({limit} bytes)"
                item = RecordFailure(where.get("line", 1), where.get("record", 1), reason)
        yield item
    if not found:  # a file that yields nothing must still be one line, never silence
        raise ReaderError(f"no records found (read as {fmt})", line=1)


class FileFailed(Exception):
    """A file the reader process could not read (hash, format or parse): its failure line."""

    def __init__(self, where: str, reason: str) -> None:
        super().__init__(reason)
        self.where, self.reason = where, reason


@dataclass(slots=True)
class FileRead:
    """One file of an ingest, in order. ``digest`` and ``items`` raise the file's error."""

    path: Path
    digest: Callable[[], str]
    project: Callable[[], bool]
    items: Callable[[], Iterator[Item]]


def _is_project(path: Path, options: ReadOptions | None) -> bool:
    return ((options and options.fmt) or detect_format(path)) in PROJECT_FORMATS


def local_files(
    paths: Iterable[str | Path], failures: list[Failure], options: ReadOptions | None
) -> Iterator[FileRead]:
    """Files read by the caller itself, lazily, when it asks (one process)."""
    for path in iter_files(paths, failures):
        yield FileRead(
            path,
            lambda path=path: ids.file_hash_of(path),
            lambda path=path: _is_project(path, options),
            lambda path=path: read_documents(path, options),
        )


def _failure_of(path: Path, exc: BaseException) -> tuple[str, str]:
    """(where, reason) of the failure line the writer would print for ``exc``."""
    if isinstance(exc, ReaderError):
        return (f"{path}:{exc.line}" if exc.line else str(path)), str(exc)
    if isinstance(exc, OSError):
        return str(path), str(exc) or type(exc).__name__
    why = f"unexpected {type(exc).__name__}: {exc} (--debug shows the traceback)"
    return str(path), " ".join(why.split())


class _Sender:
    """The reader's end of the queue: gives up when the writer is gone (killed)."""

    def __init__(self, out: Any, parent: int) -> None:
        self.out, self.parent = out, parent

    def __call__(self, *message: Any) -> None:
        while True:
            try:
                self.out.put(message, timeout=POLL)
                return
            except queue.Full:
                if os.getppid() != self.parent:
                    os._exit(0)


def _reader_main(args: tuple) -> None:
    """The reader process: every file's messages, in order, then ``("done",)``."""
    paths, options, skip, out, parent, taken = args
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the writer's: it stops us
    send = _Sender(out, parent)
    failures: list[Failure] = []
    for path in iter_files(paths, failures):
        for failure in failures:
            send("missing", failure)
        failures.clear()
        try:
            digest = ids.file_hash_of(path)
            project = digest not in skip and _is_project(path, options)
        except Exception as exc:
            send("file", str(path), None, False)
            send("failed", *_failure_of(path, exc))
            continue
        send("file", str(path), digest, project)
        if digest in skip or project:
            continue  # unchanged: never parsed; a project: the writer imports it
        chunk: list[Item] = []
        try:
            for item in read_documents(path, options):
                chunk.append(item)
                if len(chunk) >= CHUNK:
                    send("items", chunk)
                    chunk = []
            send("items", chunk)
            send("end")
        except Exception as exc:  # the items read before it still count, as in one process
            send("items", chunk)
            send("failed", *_failure_of(path, exc))
    for failure in failures:
        send("missing", failure)
    send("done")
    # Exit only once the writer took everything (exiting waits for the queue to drain, which
    # would wait forever if the writer was killed).
    while not taken.wait(POLL):
        if os.getppid() != parent:
            os._exit(0)


class ReaderProcess:
    """Files read ahead in a child process; iterate it for :class:`FileRead` in order.

    ``skip`` holds hashes of files the writer will skip as unchanged (they are not read).
    A :class:`FileRead`'s ``items`` must be consumed before the next file is asked for, or
    its rest is dropped; its errors arrive as :class:`FileFailed`.
    """

    def __init__(self, paths: Iterable[str | Path], failures: list[Failure],
                 options: ReadOptions | None, skip: set[str]) -> None:  # fmt: skip
        context = multiprocessing.get_context("fork")
        self._queue, self._taken = context.Queue(QUEUED), context.Event()
        self.failures = failures
        args = (list(paths), options, skip, self._queue, os.getpid(), self._taken)
        self._process = context.Process(target=_reader_main, args=(args,), daemon=True)
        with frozen_heap():
            self._process.start()
        self._held: tuple | None = None  # a message taken but not yet used
        self._finished = False

    def _next(self) -> tuple:
        if self._held is not None:
            message, self._held = self._held, None
            return message
        while True:
            try:
                return self._queue.get(timeout=POLL)
            except queue.Empty:
                if not self._process.is_alive() and self._queue.empty():
                    raise RuntimeError("the reader process ended unexpectedly") from None

    def __iter__(self) -> Iterator[FileRead]:
        while True:
            message = self._next()
            kind = message[0]
            if kind == "done":
                self._finished = True
                self._taken.set()
                return
            if kind == "missing":
                self.failures.append(message[1])
            elif kind == "file":
                yield self._file(Path(message[1]), message[2], message[3])
            # anything else is the rest of a file its consumer stopped reading: dropped

    def _file(self, path: Path, digest: str | None, project: bool) -> FileRead:
        failed: tuple | None = None
        if digest is None:  # hashing failed: its failure is the next message
            failed = self._next()[1:]

        def get_digest() -> str:
            if failed is not None:
                raise FileFailed(*failed)
            return digest or ""

        return FileRead(path, get_digest, lambda: project, self._items)

    def _items(self) -> Iterator[Item]:
        while True:
            message = self._next()
            kind = message[0]
            if kind == "items":
                yield from message[1]
            elif kind == "end":
                return
            elif kind == "failed":
                raise FileFailed(*message[1:])
            else:  # the next file's (or the end's) message: keep it for the iterator
                self._held = message
                return

    def close(self) -> None:
        """Stop the reader (at once if the writer stopped early) and collect it."""
        if not self._finished and self._process.is_alive():
            self._process.terminate()
        self._process.join()
        self._queue.close()
        self._queue.join_thread()
