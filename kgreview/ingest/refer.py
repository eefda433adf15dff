"""EndNote / Refer exports, as CNKI writes them: ``%0 Journal Article``, ``%A``, ``%T`` ...

Thesis records: ``%Y`` (tertiary author) is the supervisor, ``%I`` the awarding school,
``%9`` the degree. Records start at ``%0``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from kgreview.ingest import Item, ReadOptions
from kgreview.ingest.records import Fields, split_authors, to_document
from kgreview.ingest.stream import open_lines
from kgreview.ingest.tagged import RawRecord, read_records, regex_parser

_PARSE = regex_parser(r"^(%[0-9A-Z@+!#$&()*<>=~^]) ?(.*)$")


def _people(raw: RawRecord, tag: str) -> list[str]:
    return [a for v in raw.values(tag, sep=";") for a in split_authors(v)]


def fields_of(raw: RawRecord) -> Fields:
    """Our fields from one Refer record."""
    doc_type = raw.first("%0")
    thesis = "thesis" in doc_type.casefold() or "学位" in doc_type
    fields = Fields(
        title=raw.first("%T"),
        abstract=raw.first("%X", sep="\n"),
        authors=_people(raw, "%A"),
        supervisors=_people(raw, "%Y") if thesis else [],
        affiliations=[a for v in raw.values("%+", sep="") for a in split_authors(v)],
        keywords=raw.values("%K", sep=";"),
        year=raw.first("%D", "%8"),
        doi=raw.first("%R"),
        doc_type=doc_type,
        lang=raw.first("%G"),
        venue=raw.first("%I") if thesis else raw.first("%J", "%B"),
    )
    fields.extra = {
        "volume": raw.first("%V"),
        "issue": raw.first("%N"),
        "pages": raw.first("%P"),
        "issn": raw.first("%@"),
        "degree": raw.first("%9") if thesis else "",
        "institution": raw.first("%I") if thesis else "",
        "publisher": "" if thesis else raw.first("%I"),
        "clc": raw.first("%L"),
        "database": raw.first("%W"),
        "url": raw.first("%U"),
    }
    return fields


def read(path: Path, options: ReadOptions) -> Iterator[Item]:
    """Every record of a Refer file, streamed."""
    for raw in read_records(open_lines(path), _PARSE, "%0"):
        yield to_document(fields_of(raw), path, fmt="refer", record=raw.number, line=raw.line)
