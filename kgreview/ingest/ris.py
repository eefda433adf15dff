"""RIS exports (Zotero, EndNote, NoteExpress, IEEE, CNKI's RIS flavour), parsed with rispy.

The file is cut into records at ``TY``/``ER`` as it streams, and each record is handed to
rispy on its own: memory stays flat and one bad record does not sink the others.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import rispy

from kgreview.ingest import Item, ReadOptions, RecordFailure
from kgreview.ingest.records import Fields, doc_type_of, split_authors, to_document
from kgreview.ingest.stream import open_lines

_TAG = re.compile(r"^([A-Z][A-Z0-9])  -(?: (.*))?$")


def _chunks(path: Path) -> Iterator[tuple[int, int, list[str], bool]]:
    """(line, number, lines, complete) per record, cut at TY and ER."""
    lines = open_lines(path)
    chunk: list[str] = []
    start = count = 0
    for text in lines:
        tag = _TAG.match(text.lstrip("\ufeff"))
        if tag and tag.group(1) == "TY":
            if chunk:
                yield start, count, chunk, False
            count += 1
            start, chunk = lines.line, []
        if not chunk and not (tag and tag.group(1) == "TY"):
            continue  # text between records
        chunk.append(text.lstrip("\ufeff"))
        if tag and tag.group(1) == "ER":
            yield start, count, chunk, True
            chunk = []
    if chunk:
        yield start, count, chunk, False


def _list(entry: dict, *keys: str) -> list[str]:
    out: list[str] = []
    for key in keys:
        value = entry.get(key) or []
        out.extend([value] if isinstance(value, str) else value)
    return out


def fields_of(entry: dict) -> Fields:
    """Our fields from one rispy entry."""
    one = lambda *keys: next((str(entry[k]) for k in keys if entry.get(k)), "")  # noqa: E731
    doc_type = doc_type_of(one("type_of_reference"))
    thesis = doc_type == "thesis"
    authors = [a for v in _list(entry, "authors", "first_authors") for a in split_authors(v)]
    fields = Fields(
        title=one("title", "primary_title"),
        abstract=one("abstract", "notes_abstract"),
        authors=authors,
        supervisors=[a for v in _list(entry, "tertiary_authors") for a in split_authors(v)]
        if thesis else [],
        affiliations=[a for v in _list(entry, "author_address") for a in split_authors(v)],
        keywords=_list(entry, "keywords"),
        year=one("year", "publication_year", "date"),
        doi=one("doi"),
        doc_type=doc_type,
        lang=one("language"),
        venue=one("publisher") if thesis else one(
            "journal_name", "secondary_title", "alternate_title3", "alternate_title1"
        ),
    )  # fmt: skip
    pages = "-".join(p for p in (one("start_page"), one("end_page")) if p)
    fields.extra = {
        "volume": one("volume"), "issue": one("number"), "pages": pages, "issn": one("issn"),
        "degree": one("type_of_work") if thesis else "",
        "institution": one("publisher") if thesis else "",
        "publisher": "" if thesis else one("publisher"),
        "database": one("name_of_database", "database_provider"), "clc": one("call_number"),
    }  # fmt: skip
    return fields


def read(path: Path, options: ReadOptions) -> Iterator[Item]:
    """Every record of a RIS file, streamed."""
    for line, number, chunk, complete in _chunks(path):
        if not complete:
            yield RecordFailure(line, number, "truncated record (the file ends before ER)")
            continue
        try:
            (entry,) = rispy.loads("\n".join(chunk) + "\n")
        except Exception as exc:  # rispy raises bare Exceptions on malformed records
            yield RecordFailure(line, number, f"unreadable RIS record: {exc}")
            continue
        yield to_document(fields_of(entry), path, fmt="ris", record=number, line=line)
