"""RefWorks tagged exports, as CNKI writes them: ``RT Journal Article``, ``A1``, ``T1``, ``JF``,
``YR``, ``K1``, ``AB`` ...; ``A3`` is a thesis's supervisor, ``PB`` its school."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from kgreview.ingest import Item, ReadOptions
from kgreview.ingest.records import Fields, split_authors, to_document
from kgreview.ingest.stream import open_lines
from kgreview.ingest.tagged import RawRecord, read_records, regex_parser

_PARSE = regex_parser(r"^([A-Z][A-Z0-9a-z]) (.*)$")


def _people(raw: RawRecord, *tags: str) -> list[str]:
    return [a for v in raw.values(*tags, sep=";") for a in split_authors(v)]


def fields_of(raw: RawRecord) -> Fields:
    """Our fields from one RefWorks record."""
    doc_type = raw.first("RT")
    thesis = "thesis" in doc_type.casefold() or "学位" in doc_type
    fields = Fields(
        title=raw.first("T1"),
        abstract=raw.first("AB", sep="\n"),
        authors=_people(raw, "A1", "AU"),
        supervisors=_people(raw, "A3") if thesis else [],
        affiliations=_people(raw, "AD"),
        keywords=raw.values("K1", sep=";"),
        year=raw.first("YR", "FD"),
        doi=raw.first("DO"),
        doc_type=doc_type.split("/")[-1] if thesis else doc_type,
        lang=raw.first("LA"),
        venue=raw.first("PB") if thesis else raw.first("JF", "T2"),
    )
    fields.extra = {
        "volume": raw.first("VO", "vo"),
        "issue": raw.first("IS"),
        "pages": "-".join(p for p in (raw.first("OP", "SP"), raw.first("EP")) if p),
        "issn": raw.first("SN"),
        "degree": raw.first("DE") if thesis else "",
        "institution": raw.first("PB") if thesis else "",
        "publisher": "" if thesis else raw.first("PB"),
        "clc": raw.first("CL", "CN"),
        "database": raw.first("DS"),
        "url": raw.first("LK"),
    }
    return fields


def read(path: Path, options: ReadOptions) -> Iterator[Item]:
    """Every record of a RefWorks file, streamed."""
    for raw in read_records(open_lines(path), _PARSE, "RT"):
        yield to_document(fields_of(raw), path, fmt="refworks", record=raw.number, line=raw.line)
