"""Plain-text files: one document per file, titled by its first line."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from kgreview import ids
from kgreview.ingest import ReaderError
from kgreview.ingest.textnorm import DecodeError, decode_bytes
from kgreview.model import Document
from kgreview.nlp.lang import detect_lang

MAX_TITLE = 200


def read(path: Path, data: bytes) -> Iterator[Document]:
    try:
        decoded = decode_bytes(data)
    except DecodeError as exc:
        raise ReaderError(str(exc)) from exc
    text = decoded.text
    if not text.strip():
        raise ReaderError("empty file")
    title = next(line.strip() for line in text.splitlines() if line.strip())[:MAX_TITLE]
    # A plain file carries no reliable author/year, so its id comes from its text: the same
    # text read from two files (another encoding, CRLF) is the same document.
    yield Document(
        id=ids.document_id(text=text),
        title=title,
        text=text,
        lang=detect_lang(text),
        doc_type="text",
        source=str(path),
        text_hash=ids.text_hash(text),
        meta={"encoding": decoded.encoding, "newline": decoded.newline},
    )
