"""CNKI's 自定义 (custom) export: ``SrcDatabase-来源库: 期刊`` blocks of ``Name-名称: value``
lines, with 基金 (Fund), 中图分类号 (CLC) and, for theses, 导师 and 学位授予单位."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from kgreview.ingest import Item, ReadOptions
from kgreview.ingest.records import Fields, split_authors, to_document
from kgreview.ingest.stream import open_lines
from kgreview.ingest.tagged import RawRecord, lowercase_tags, read_records, regex_parser

# The English half of the label is the tag; the Chinese half is for people.
_PARSE = lowercase_tags(regex_parser(r"^\ufeff?([A-Za-z][A-Za-z ]*)-[^:：]*[:：]\s?(.*)$"))

# 来源库 → record type; the degree comes from it too (博士/硕士).
_SOURCE_TYPES = (
    ("博士", "thesis"), ("硕士", "thesis"), ("会议", "conference"), ("报纸", "newspaper"),
    ("图书", "book"), ("年鉴", "book"), ("标准", "standard"), ("专利", "patent"),
    ("期刊", "article"), ("辑刊", "article"),
)  # fmt: skip


def _people(raw: RawRecord, *tags: str) -> list[str]:
    return [a for v in raw.values(*tags, sep=";") for a in split_authors(v)]


def fields_of(raw: RawRecord) -> Fields:
    """Our fields from one custom-export record."""
    database = raw.first("srcdatabase")
    doc_type = next((t for k, t in _SOURCE_TYPES if k in database), database or "article")
    thesis = doc_type == "thesis"
    school = raw.first("publisher", "organ") if thesis else ""
    fields = Fields(
        title=raw.first("title"),
        abstract=raw.first("summary", "abstract", sep="\n"),
        authors=_people(raw, "author"),
        supervisors=_people(raw, "contributor", "tutor", "supervisor"),
        affiliations=[] if thesis else _people(raw, "organ"),
        keywords=raw.values("keyword", sep=";"),
        year=raw.first("year", "pubtime"),
        doi=raw.first("doi"),
        doc_type=doc_type,
        lang=raw.first("language"),
        venue=school or raw.first("source"),
    )
    fields.extra = {
        "volume": raw.first("roll", "volume"),
        "issue": raw.first("period"),
        "pages": raw.first("pagecount", "page"),
        "issn": raw.first("issn"),
        "degree": ("博士" if "博士" in database else "硕士") if thesis else "",
        "institution": school,
        "fund": raw.first("fund"),
        "clc": raw.first("clc"),
        "source_category": raw.first("sourcecategory", "category"),
        "database": database,
        "url": raw.first("link", "url"),
    }
    return fields


def read(path: Path, options: ReadOptions) -> Iterator[Item]:
    """Every record of a custom export, streamed."""
    for raw in read_records(open_lines(path), _PARSE, "srcdatabase"):
        yield to_document(fields_of(raw), path, fmt="cnki_custom", record=raw.number, line=raw.line)
