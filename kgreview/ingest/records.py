"""One bibliographic record → one Document, whatever format it came in.

Readers map their tags to the field names of :class:`Fields` and call :func:`to_document`;
splitting of author and keyword lists, ids, language and provenance happen here, once.
The record's searchable text is its title and abstract; everything else goes to ``meta``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from kgreview import ids
from kgreview.ingest import RecordFailure
from kgreview.model import Document
from kgreview.nlp.lang import detect_lang

# CNKI separates keywords with ";", ";;", "；" or commas, depending on the export.
_KEYWORD_SPLIT = re.compile(r"\s*[;；,，]+\s*")
# Authors: ";" (also ";;") and full-width forms always; "," only between Chinese names,
# where it is CNKI's separator ("谢昕,王小增") and never part of a name.
_AUTHOR_SPLIT = re.compile(r"\s*[;；]+\s*")
_CJK_COMMA = re.compile(r"(?<=[\u3400-\u9fff])\s*[,，、]\s*(?=[\u3400-\u9fff])")
_YEAR = re.compile(r"(1[89]\d\d|20\d\d)")
_BR = re.compile(r"\(#br\)")
_CJK = re.compile(r"[\u3400-\u9fff]")

# Record types in the words exports use → our document types.
DOC_TYPES = {
    "journal article": "article", "jour": "article", "article": "article", "j": "article",
    "期刊": "article", "journal": "article", "review": "article",
    "thesis": "thesis", "dissertation": "thesis", "thes": "thesis", "phdthesis": "thesis",
    "mastersthesis": "thesis", "学位论文": "thesis", "硕士": "thesis", "博士": "thesis",
    "conference proceedings": "conference", "conference paper": "conference",
    "conf": "conference", "cpaper": "conference", "inproceedings": "conference",
    "proceedings paper": "conference", "会议": "conference", "c": "conference",
    "newspaper article": "newspaper", "news": "newspaper", "newspaper": "newspaper",
    "报纸": "newspaper", "book": "book", "b": "book", "图书": "book", "book chapter": "chapter",
    "chap": "chapter", "incollection": "chapter", "standard": "standard", "stand": "standard",
    "标准": "standard", "patent": "patent", "pat": "patent", "专利": "patent",
    "report": "report", "rprt": "report", "techreport": "report",
}  # fmt: skip


@dataclass(slots=True)
class Fields:
    """A record's fields in our own names, filled by a reader tag by tag."""

    title: str = ""
    abstract: str = ""
    authors: list[str] = field(default_factory=list)
    supervisors: list[str] = field(default_factory=list)
    affiliations: list[str] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)
    year: str = ""
    doi: str = ""
    doc_type: str = ""
    lang: str = ""
    venue: str = ""  # journal, school or publisher
    extra: dict[str, object] = field(default_factory=dict)  # volume, issue, fund, clc, ...
    references: list[str] = field(default_factory=list)
    # (author, institution) where the source says who belongs where (WoS "[Name] Address").
    affiliated: list[tuple[str, str]] = field(default_factory=list)


def clean(value: object) -> str:
    """One field value as text: CNKI's ``(#br)`` marks and runs of spaces become single ones."""
    text = _BR.sub("\n", str(value or "")).replace("\u3000", " ")
    if "\n" not in text:  # the common case, without a generator per line (hot in ingest)
        return " ".join(text.split())
    return "\n".join(" ".join(part.split()) for part in text.split("\n")).strip()


def split_keywords(value: str) -> list[str]:
    return [k for k in (" ".join(p.split()) for p in _KEYWORD_SPLIT.split(value or "")) if k]


def keywords_line(keywords: list[str]) -> str:
    """Keywords as a full text prints them ("关键词：甲；乙", "Keywords: a; b")."""
    if any(_CJK.search(k) for k in keywords):
        return "关键词：" + "；".join(keywords)
    return "Keywords: " + "; ".join(keywords)


def split_authors(value: str) -> list[str]:
    text = _CJK_COMMA.sub(";", clean(value))
    return [a for a in (p.strip(" ,") for p in _AUTHOR_SPLIT.split(text)) if a]


def parse_year(value: object) -> int | None:
    found = _YEAR.search(str(value or ""))
    return int(found.group(1)) if found else None


def doc_type_of(value: str, default: str = "article") -> str:
    key = clean(value).casefold()
    return DOC_TYPES.get(key, key.replace(" ", "_") or default)


def _unique(items: list[str]) -> list[str]:
    seen: dict[str, str] = {}
    for item in items:
        seen.setdefault(ids.normalise_key(item), item)
    return list(seen.values())


def to_document(
    fields: Fields, path: Path, *, fmt: str, record: int, line: int
) -> Document | RecordFailure:
    """The Document for one record, or a failure naming what is missing."""
    title = clean(fields.title)
    if not title:
        return RecordFailure(line, record, "missing title")
    abstract = clean(fields.abstract)
    authors = _unique([clean(a) for a in fields.authors if clean(a)])
    year = parse_year(fields.year)
    doi = ids.normalise_doi(fields.doi)
    keywords = _unique([k for raw in fields.keywords for k in split_keywords(raw)])
    text = f"{title}\n\n{abstract}\n" if abstract else f"{title}\n"
    # The author keywords are the author's words for what the study is about: a full text's
    # 关键词 line is tagged, so a record's keywords are too, on a line of their own.
    text += f"\n{keywords_line(keywords)}\n" if keywords else ""
    meta: dict[str, object] = {
        "authors": authors,
        "supervisors": _unique([clean(a) for a in fields.supervisors if clean(a)]),
        "affiliations": _unique([clean(a) for a in fields.affiliations if clean(a)]),
        "keywords": keywords,
        "venue": clean(fields.venue),
        "abstract": bool(abstract),
        "references": [r for r in (clean(x) for x in fields.references) if r],
        "provenance": [{"file": str(path), "record": record, "line": line, "format": fmt}],
    }
    meta.update({k: clean(v) for k, v in fields.extra.items() if clean(v)})
    meta["affiliated"] = _affiliated(fields, authors, meta)
    meta = {k: v for k, v in meta.items() if v not in ("", [], None)}
    first = authors[0] if authors else None
    return Document(
        id=ids.document_id(doi=doi, title=title, first_author=first, year=year, text=text),
        title=title,
        text=text,
        lang=_lang(fields.lang) or detect_lang(text),
        doc_type=doc_type_of(fields.doc_type),
        year=year,
        doi=doi,
        source=str(path),
        text_hash=ids.text_hash(text),
        meta=meta,
        match_keys=ids.match_keys(
            doi=doi, title=title, first_author=first, year=year, full_text=False
        ),
    )


def _lang(value: str) -> str:
    key = clean(value).casefold()
    if key in ("chinese", "zh", "chi", "zho", "中文", "汉语"):
        return "zh"
    if key in ("english", "en", "eng", "英文", "英语"):
        return "en"
    return ""


def _affiliated(fields: Fields, authors: list[str], meta: dict) -> list[list[str]]:
    """Author-institution pairs, only where they are known: stated by the source, a thesis's
    author and school, or a sole author and the addresses listed. Never guessed by position."""
    if fields.affiliated:
        pairs = [(clean(a), clean(i)) for a, i in fields.affiliated]
    elif meta.get("institution"):
        pairs = [(a, str(meta["institution"])) for a in authors]
    elif len(authors) == 1:
        pairs = [(authors[0], i) for i in meta.get("affiliations", [])]
    else:
        pairs = []
    return [list(p) for p in dict.fromkeys(pairs) if p[0] and p[1]]
