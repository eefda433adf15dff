"""Full texts: ``.txt``/``.md`` files and pasted web pages, one document per file.

Scrape boilerplate is removed, a ``Keywords:`` / ``关键词：`` line becomes keywords, and the
title is the first line. :func:`full_text_document` is shared with the Word and PDF readers.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from kgreview import ids
from kgreview.ingest import Item, ReaderError, ReadOptions, RecordFailure
from kgreview.ingest.records import split_keywords
from kgreview.ingest.scrape import clean_scraped
from kgreview.ingest.textnorm import DecodedText, DecodeError, decode_bytes
from kgreview.model import Document
from kgreview.nlp.lang import detect_lang

MAX_TITLE = 200
DEFAULT_MAX_TEXT_BYTES = 20 * 1024 * 1024

_FIRST_SENTENCE = re.compile(r"^.{10,}?(?:[。！？!?]|\.(?=\s|[A-Z]|$))")
# "Keywords/Search Tags:a, b" (thesis aggregators), "关键词：甲；乙", "Key words: a; b".
_KEYWORDS = re.compile(
    r"^\s*(?:Keywords?(?:/Search Tags)?|Key words|关键词|关键字)\s*[:：]\s*(.+)$", re.IGNORECASE
)


def _title(first_line: str) -> str:
    """A heading line is the title; a text that starts straight into prose gets its first
    sentence (shortened), so lists stay readable."""
    if len(first_line) <= MAX_TITLE:
        return first_line
    found = _FIRST_SENTENCE.match(first_line)
    title = found.group(0) if found else first_line
    return title if len(title) <= MAX_TITLE else title[: MAX_TITLE - 1].rstrip() + "…"


def decoded_file(path: Path) -> DecodedText:
    """A whole text file decoded (any encoding); one ReaderError naming the line if not."""
    try:
        return decode_bytes(path.read_bytes())
    except DecodeError as exc:
        reason = str(exc) if str(exc).startswith("undecodable") else f"undecodable bytes: {exc}"
        raise ReaderError(reason, line=exc.line) from exc


def too_large(path: Path, options: ReadOptions) -> RecordFailure | None:
    """A failure if the file alone is beyond the per-document text limit."""
    limit = options.max_text_bytes or DEFAULT_MAX_TEXT_BYTES
    size = path.stat().st_size
    if size > limit:
        return RecordFailure(1, 1, f"document text exceeds the limit ({size} > {limit} bytes)")
    return None


def full_text_document(
    path: Path, text: str, *, fmt: str, title: str = "", meta: dict | None = None
) -> Document | RecordFailure:
    """The Document for one full text (already extracted): keywords lifted, title found."""
    meta = dict(meta or {})
    # The keywords line stays in the text (it is the author's words) and is lifted as well.
    hit = next(filter(None, map(_KEYWORDS.match, text.split("\n"))), None)
    if hit and not meta.get("keywords"):
        meta["keywords"] = split_keywords(hit.group(1))
    if not text.strip():
        return RecordFailure(1, 1, "empty file")
    title = title.strip() or _title(next(ln.strip() for ln in text.splitlines() if ln.strip()))
    meta["full_text"] = True
    meta["provenance"] = [{"file": str(path), "record": 1, "line": 1, "format": fmt}]
    authors = meta.get("authors") or []
    year = meta.pop("year", None)
    # The id comes from the text: the same text read from two files (another encoding,
    # CRLF) is the same document. Title and author are match keys for records of it.
    return Document(
        id=ids.document_id(text=text),
        title=title,
        text=text,
        lang=detect_lang(text),
        doc_type=str(meta.pop("type", "") or "text").lower(),
        year=year,
        source=str(path),
        text_hash=ids.text_hash(text),
        meta=meta,
        match_keys=ids.match_keys(
            doi=None, title=title, first_author=authors[0] if authors else None,
            year=year, full_text=True,
        ),
    )  # fmt: skip


def read(path: Path, options: ReadOptions) -> Iterator[Item]:
    """One text file (any encoding) as one document."""
    failure = too_large(path, options)
    if failure:
        yield failure
        return
    decoded = decoded_file(path)
    cleaned = clean_scraped(decoded.text)
    if not cleaned.text.strip():
        raise ReaderError("empty file", line=1)
    found = cleaned.metadata
    meta: dict[str, object] = {"encoding": decoded.encoding, "newline": decoded.newline}
    if found.get("author"):
        meta["authors"] = [found["author"]]
    meta.update({k: v for k, v in found.items() if k in ("degree", "subject", "type")})
    if found.get("year"):
        meta["year"] = int(found["year"])
    yield full_text_document(path, cleaned.text, fmt="text", meta=meta)
