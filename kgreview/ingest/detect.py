"""Which reader a file needs: by content first, extension second.

A WoS export saved as ``.ris`` still reads as WoS, a NoteExpress file saved as ``.txt`` as
NoteExpress; only a file whose first lines name no format falls back to its extension.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from kgreview.ingest import ReaderError
from kgreview.ingest.stream import HEAD_BYTES, read_head, sniff_encoding
from kgreview.ingest.subtitles import table_columns
from kgreview.ingest.transcript import looks_like_transcript

TEXT_EXTENSIONS = {".txt", ".text", ".md", ""}
# Files that are plainly not research texts (stores, images, our own YAML such as a gold
# set); skipped quietly when walking folders, still tried when named explicitly.
IGNORED_SUFFIXES = {
    ".db",
    ".db-wal",
    ".db-shm",
    ".pyc",
    ".png",
    ".jpg",
    ".jpeg",
    ".gif",
    ".yaml",
    ".yml",
}
BY_EXTENSION = {
    ".net": "noteexpress", ".enw": "refer", ".ris": "ris", ".bib": "bibtex",
    ".csv": "csv", ".tsv": "csv", ".xlsx": "xlsx", ".docx": "docx", ".pdf": "pdf",
    ".vtt": "vtt", ".srt": "srt", ".qdpx": "qdpx", ".qdc": "qdc", ".qde": "qdpx",
    **dict.fromkeys(TEXT_EXTENSIONS, "text"),
}  # fmt: skip
# Formats read from a container, not as text in some encoding.
BINARY_FORMATS = {"docx", "xlsx", "pdf", "qdpx"}
# First-line signatures of tagged exports, tried on the first few non-empty lines.
SIGNATURES = (
    ("noteexpress", re.compile(r"^\{Reference Type\}\s*[:：]")),
    ("cnki_custom", re.compile(r"^SrcDatabase-")),
    ("refer", re.compile(r"^%0 \S")),
    ("refworks", re.compile(r"^RT \S")),
    ("wos", re.compile(r"^(FN (Clarivate|Thomson)|PT [A-Z]$)")),
    ("ris", re.compile(r"^TY  - ")),
    ("bibtex", re.compile(r"^\s*@\s*[A-Za-z]+\s*[{(]")),
    ("vtt", re.compile(r"^WEBVTT\b")),
)
_SRT_TIME = re.compile(r"^\s*\d{1,2}:\d{2}:\d{2}[,.]\d{1,3}\s*-->")
LOOK_AT_LINES = 5


def _zip_format(path: Path) -> str | None:
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        # A zip signature but no readable directory: an upload or a copy cut short.
        raise ReaderError(f"damaged or truncated zip archive: {exc}", line=1) from exc
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        return "xlsx"
    if "project.qde" in {n.casefold() for n in names}:
        return "qdpx"
    return None


def _table_format(header: str) -> str | None:
    cells = {c.strip().strip('"') for c in re.split(r"[\t,]", header)}
    if header.startswith("PT\t") and {"AU", "TI"} <= cells:
        return "wos_tab"
    if {"Authors", "Title"} <= cells and cells & {"Source title", "EID", "Author(s) ID"}:
        return "scopus"
    if table_columns([c for c in re.split(r"[\t,]", header)]) is not None:
        return "transcript_csv"
    return None


def detect_format(path: Path, head: bytes | None = None) -> str | None:
    """The format name for ``path`` (a key of :data:`kgreview.ingest.FORMATS`), or None.

    Raises :class:`ReaderError` for an empty file and for binary content no reader takes.
    """
    head = read_head(path) if head is None else head
    if not head.strip():
        raise ReaderError("empty file", line=1)
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return _zip_format(path)
    text = head.decode(sniff_encoding(head, len(head) < HEAD_BYTES), errors="replace")
    if "urn:QDA-XML:codebook" in text or "urn:QDA-XML:project" in text:
        return "qdc" if "urn:QDA-XML:codebook" in text else "qdpx"  # REFI-QDA XML
    lines = [ln.lstrip("\ufeff") for ln in text.splitlines() if ln.strip()]
    if lines and (table := _table_format(lines[0])):
        return table
    for line in lines[:LOOK_AT_LINES]:
        for name, signature in SIGNATURES:
            if signature.match(line):
                return name
    if len(lines) > 1 and lines[0].strip().isdigit() and _SRT_TIME.match(lines[1]):
        return "srt"
    fmt = BY_EXTENSION.get(path.suffix.lower())
    # Speaker-turn density: a transcript saved as .txt is read as a transcript.
    return "transcript" if fmt == "text" and looks_like_transcript(text) else fmt
