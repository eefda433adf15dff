"""CNKI NoteExpress exports (``.net``): ``{Reference Type}: Journal Article`` blocks.

Thesis records name the supervisor in ``{Tertiary Author}`` (never an author), the degree
in ``{Type of Work}`` and the awarding school in ``{Publisher}``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from kgreview.ingest import Item, ReadOptions
from kgreview.ingest.records import Fields, split_authors, to_document
from kgreview.ingest.stream import open_lines
from kgreview.ingest.tagged import RawRecord, lowercase_tags, read_records, regex_parser

_PARSE = lowercase_tags(regex_parser(r"^\{([^}]+)\}\s*[:：]\s?(.*)$"))
START = "reference type"


def fields_of(raw: RawRecord) -> Fields:
    """Our fields from one NoteExpress record."""
    doc_type = raw.first("reference type")
    thesis = "thesis" in doc_type.casefold() or "学位" in doc_type
    fields = Fields(
        title=raw.first("title"),
        abstract=raw.first("abstract", sep="\n"),
        authors=[a for v in raw.values("author", sep=";") for a in split_authors(v)],
        supervisors=[a for v in raw.values("tertiary author", sep=";") for a in split_authors(v)],
        affiliations=[a for v in raw.values("author address", sep="") for a in split_authors(v)],
        keywords=raw.values("keywords", sep=";"),
        year=raw.first("year", "date"),
        doi=raw.first("doi"),
        doc_type=doc_type,
        lang=raw.first("language"),
        venue=raw.first("publisher") if thesis else raw.first("journal", "secondary title"),
    )
    fields.extra = {
        "volume": raw.first("volume"),
        "issue": raw.first("issue"),
        "pages": raw.first("pages"),
        "issn": raw.first("isbn/issn"),
        "degree": raw.first("type of work") if thesis else "",
        "institution": raw.first("publisher") if thesis else "",
        "publisher": "" if thesis else raw.first("publisher"),
        "fund": raw.first("fund"),
        "clc": raw.first("call number", "clc"),
        "database": raw.first("database provider"),
        "url": raw.first("url"),
    }
    return fields


def read(path: Path, options: ReadOptions) -> Iterator[Item]:
    """Every record of a NoteExpress file, streamed."""
    for raw in read_records(open_lines(path), _PARSE, START):
        yield to_document(fields_of(raw), path, fmt="noteexpress", record=raw.number, line=raw.line)
