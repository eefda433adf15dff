"""Interview transcripts: plain-text transcripts as documents of type ``transcript``.

:func:`transcript_document` turns any extracted text (a ``.txt``, a Word file, a PDF) that
reads as a transcript (see :mod:`kgreview.ingest.transcript_parse`) into a Document whose
``meta`` carries ``turns`` (``[start, end, speaker, timestamp]`` over the text),
``participants`` (``{label, attributes, aliases}``) and ``interview`` (date, place, code …);
:func:`kgreview.nlp.turns.transcript_segments` makes TURN segments and Participant nodes of them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from kgreview.ingest import Item, ReadOptions
from kgreview.ingest.text import decoded_file, full_text_document, too_large
from kgreview.ingest.transcript_parse import Transcript, parse_transcript
from kgreview.model import Document

_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")


def transcript_meta(parsed: Transcript) -> dict[str, Any]:
    """The ``meta`` entries a parsed transcript contributes to its Document."""
    meta: dict[str, Any] = {
        "type": "transcript",
        "turns": [[t.start, t.end, t.speaker, t.timestamp] for t in parsed.turns],
        "participants": parsed.participants,
    }
    interview = {k: v for k, v in parsed.header.items() if k != "title"}
    if interview:
        meta["interview"] = interview
    if (year := _YEAR.search(interview.get("date", ""))) is not None:
        meta["year"] = int(year.group(1))
    return meta


def transcript_document(
    path: Path, text: str, *, fmt: str, title: str = "", meta: dict | None = None
) -> Document | None:
    """``text`` as a transcript Document, or None when it does not read as a transcript."""
    parsed = parse_transcript(text)
    if parsed is None:
        return None
    meta = {**(meta or {}), **transcript_meta(parsed)}
    title = title or parsed.header.get("title", "") or path.stem
    document = full_text_document(path, text, fmt=fmt, title=title, meta=meta)
    return document if isinstance(document, Document) else None


def read(path: Path, options: ReadOptions) -> Iterator[Item]:
    """A plain-text transcript (any encoding, any line ends) as one document."""
    failure = too_large(path, options)
    if failure:
        yield failure
        return
    decoded = decoded_file(path)
    meta = {"encoding": decoded.encoding, "newline": decoded.newline}
    document = transcript_document(path, decoded.text, fmt="transcript", meta=meta)
    if document is None:  # named with --format transcript but no turns: a plain text
        yield full_text_document(path, decoded.text, fmt="text", meta=meta)
        return
    yield document


def looks_like_transcript(head_text: str) -> bool:
    """Detection by content: enough speaker turns in the first part of a text file."""
    return parse_transcript(head_text) is not None
