"""Plain-text files: one document per file, titled by its first line."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from kgreview import ids
from kgreview.ingest import ReaderError
from kgreview.ingest.scrape import clean_scraped
from kgreview.ingest.textnorm import DecodeError, decode_bytes
from kgreview.model import Document
from kgreview.nlp.lang import detect_lang

MAX_TITLE = 200


_FIRST_SENTENCE = re.compile(r"^.{10,}?(?:[。！？!?]|\.(?=\s|[A-Z]|$))")


def _title(first_line: str) -> str:
    """A heading line is the title; a text that starts straight into prose gets its first
    sentence (shortened), so lists stay readable."""
    if len(first_line) <= MAX_TITLE:
        return first_line
    found = _FIRST_SENTENCE.match(first_line)
    title = found.group(0) if found else first_line
    return title if len(title) <= MAX_TITLE else title[: MAX_TITLE - 1].rstrip() + "…"


def read(path: Path, data: bytes) -> Iterator[Document]:
    try:
        decoded = decode_bytes(data)
    except DecodeError as exc:
        raise ReaderError(str(exc)) from exc
    cleaned = clean_scraped(decoded.text)
    text, found = cleaned.text, cleaned.metadata
    if not text.strip():
        raise ReaderError("empty file")
    title = _title(next(line.strip() for line in text.splitlines() if line.strip()))
    meta: dict[str, object] = {"encoding": decoded.encoding, "newline": decoded.newline}
    if found.get("author"):
        meta["authors"] = [found["author"]]
    meta.update({k: v for k, v in found.items() if k in ("degree", "subject")})
    year = int(found["year"]) if found.get("year") else None
    # Plain files rarely carry reliable metadata, so the id comes from the text: the same
    # text read from two files (another encoding, CRLF) is the same document.
    yield Document(
        id=ids.document_id(text=text),
        title=title,
        text=text,
        lang=detect_lang(text),
        doc_type=(found.get("type") or "text").lower(),
        year=year,
        source=str(path),
        text_hash=ids.text_hash(text),
        meta=meta,
    )
