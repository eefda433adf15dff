"""BibTeX (Zotero, JabRef, WoS and CNKI-converter exports), parsed with bibtexparser 2.

Entries are cut out of the stream by brace depth and parsed one at a time, so a file of any
size reads in flat memory and an entry with unbalanced braces fails alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import bibtexparser
from bibtexparser.middlewares import LatexDecodingMiddleware

from kgreview.ingest import Item, ReadOptions, RecordFailure
from kgreview.ingest.records import Fields, to_document
from kgreview.ingest.stream import open_lines

_ENTRY = re.compile(r"^\s*@\s*([A-Za-z]+)\s*[{(]")
_ESCAPED = re.compile(r"\\[{}]")
_AND = re.compile(r"\s+and\s+", re.IGNORECASE)
_SKIP = {"comment", "preamble", "string"}
MAX_ENTRY_BYTES = 1024 * 1024


def _depth(text: str) -> int:
    plain = _ESCAPED.sub("", text)
    return plain.count("{") - plain.count("}")


def _chunks(path: Path) -> Iterator[tuple[int, int, str, str]]:
    """(line, number, text, problem) per entry; ``problem`` is empty for a whole entry."""
    lines = open_lines(path)
    chunk: list[str] = []
    start = count = depth = 0
    opened = False  # a "{" seen in this chunk (kept as a flag: joining per line is quadratic)
    for text in lines:
        text = text.lstrip("\ufeff")
        opening = _ENTRY.match(text)
        if opening and chunk:
            # A new entry while the last is still open: its braces never balanced.
            yield start, count, "\n".join(chunk), "unbalanced braces"
            chunk, opened = [], False
        if opening:
            count += 1
            start, depth = lines.line, 0
            if opening.group(1).casefold() in _SKIP:
                count -= 1
                start = -1
        if not chunk and not opening:
            continue
        chunk.append(text)
        depth += _depth(text)
        opened = opened or "{" in text
        if depth <= 0 and opened:
            if start > 0:
                yield start, count, "\n".join(chunk), ""
            chunk, opened = [], False
    if chunk and start > 0:
        yield start, count, "\n".join(chunk), "unbalanced braces (the file ends inside it)"


def _field(entry: object, *names: str) -> str:
    fields = {k.casefold(): v for k, v in entry.fields_dict.items()}  # type: ignore[attr-defined]
    for name in names:
        if name in fields and str(fields[name].value).strip():
            value = str(fields[name].value).strip()
            return "" if value.casefold() == "null" else value
    return ""


def fields_of(entry: object) -> Fields:
    """Our fields from one parsed bibtexparser entry."""
    kind = entry.entry_type.casefold()  # type: ignore[attr-defined]
    thesis = kind.endswith("thesis")
    one = lambda *names: _field(entry, *names)  # noqa: E731
    fields = Fields(
        title=one("title"),
        abstract=one("abstract"),
        authors=[a for a in _AND.split(one("author")) if a.strip()],
        supervisors=[a for a in _AND.split(one("supervisor", "advisor")) if a.strip()],
        affiliations=[a for a in re.split(r"\n|;\s*(?=[A-Z])", one("affiliation")) if a],
        keywords=[one("keywords", "author-keywords")],
        year=one("year", "date"),
        doi=one("doi"),
        doc_type=kind,
        lang=one("language", "langid"),
        venue=one("school", "institution") if thesis else one("journal", "booktitle"),
        references=[],
    )
    degree = "博士" if kind == "phdthesis" else one("type")
    fields.extra = {
        "volume": one("volume"), "issue": one("number", "issue"), "pages": one("pages"),
        "issn": one("issn"), "degree": degree if thesis else "",
        "institution": one("school", "institution") if thesis else "",
        "publisher": one("publisher"), "fund": one("funding-acknowledgement"),
        "bibtex_key": entry.key,  # type: ignore[attr-defined]
    }  # fmt: skip
    return fields


def read(path: Path, options: ReadOptions) -> Iterator[Item]:
    """Every entry of a BibTeX file, streamed."""
    middleware = [LatexDecodingMiddleware()]
    for line, number, text, problem in _chunks(path):
        if problem:
            yield RecordFailure(line, number, problem)
            continue
        size, limit = len(text.encode("utf-8")), min(options.max_text_bytes, MAX_ENTRY_BYTES)
        if size > (limit or MAX_ENTRY_BYTES):
            # LaTeX decoding runs at about 100 KB/s: a huge entry would stall the batch.
            reason = f"entry exceeds the limit ({size} > {limit or MAX_ENTRY_BYTES} bytes)"
            yield RecordFailure(line, number, reason)
            continue
        library = bibtexparser.parse_string(text, append_middleware=middleware)
        if library.failed_blocks or not library.entries:
            why = library.failed_blocks[0].error if library.failed_blocks else "no entry"
            yield RecordFailure(line, number, f"unreadable BibTeX entry: {why}")
            continue
        yield to_document(
            fields_of(library.entries[0]), path, fmt="bibtex", record=number, line=line
        )
