"""Readers: one module per source format, each ``path -> Iterator[Document | RecordFailure]``.

A reader streams: it yields each document as soon as its record is read, so memory stays
flat however large the file. A bad record is yielded as a :class:`RecordFailure` (the
pipeline reports it as ``file:line: record N: reason``) and reading goes on; a file that
cannot be read at all raises :class:`ReaderError`.

:func:`readers` is the one table of formats; :func:`kgreview.ingest.detect.detect_format`
picks one by content first and extension second.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from kgreview.model import Document


class ReaderError(ValueError):
    """A file that cannot be read; the message names the reason."""

    def __init__(self, reason: str, line: int | None = None) -> None:
        super().__init__(reason)
        self.line = line


@dataclass(frozen=True, slots=True)
class RecordFailure:
    """One record that could not be read; the reader carries on with the next."""

    line: int  # where the record starts, 1-based
    record: int  # its number in the file, 1-based
    reason: str


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """What a reader is told besides the path: the detected format and, for generic tables,
    which column holds which field (``{"title": "题名", "abstract": "摘要"}``)."""

    fmt: str = ""
    columns: dict[str, str] = field(default_factory=dict)
    max_text_bytes: int = 20 * 1024 * 1024  # one document's text; files may be any size


Item = Document | RecordFailure
Reader = Callable[[Path, ReadOptions], Iterator[Item]]

# Format name -> module under kgreview.ingest with a ``read(path, options)`` function. The one
# table of formats: detect.py returns these names and nothing else.
FORMATS = {
    "text": "text",
    "docx": "docx",
    "pdf": "pdf",
    "noteexpress": "noteexpress",
    "refer": "refer",
    "refworks": "refworks",
    "cnki_custom": "cnki_custom",
    "ris": "ris",
    "wos": "wos",
    "wos_tab": "tabular",
    "scopus": "tabular",
    "csv": "tabular",
    "xlsx": "xlsx",
    "bibtex": "bibtex",
    "transcript": "transcript",
    "vtt": "subtitles",
    "srt": "subtitles",
    "transcript_csv": "transcript_csv",
    "qdpx": "refi_qda",
    "qdc": "refi_qda",
}


def reader(fmt: str) -> Reader:
    """The reader of one format (its module imported on first use, so a CLI start stays
    fast and a missing optional library only breaks its own format)."""
    return importlib.import_module(f"kgreview.ingest.{FORMATS[fmt]}").read
