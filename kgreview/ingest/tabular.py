"""Tables of records: WoS tab-delimited (``savedrecs.txt``), Scopus CSV (old and 2023+
layouts) and any CSV/TSV with a column mapping (``--columns title=题名,abstract=摘要``).

Rows are streamed through :mod:`csv`; quoted fields may span lines.
"""

from __future__ import annotations

import csv
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from kgreview.ingest import Item, ReaderError, ReadOptions, RecordFailure
from kgreview.ingest.records import Fields, split_authors, to_document
from kgreview.ingest.stream import TextLines, open_lines
from kgreview.ingest.wos import wos_fields

# Abstracts and reference lists overflow csv's default 128 KiB field limit.
csv.field_size_limit(min(sys.maxsize, 2**31 - 1))

# Field -> header names tried in order when --columns does not say (CNKI/Excel exports).
DEFAULT_COLUMNS = {
    "title": ("title", "题名", "篇名", "标题", "Title-题名", "Article Title"),
    "abstract": ("abstract", "摘要", "Summary-摘要"),
    "authors": ("authors", "author", "作者", "Author-作者"),
    "year": ("year", "年", "年份", "发表时间", "Year-年", "PubTime-发表时间"),
    "keywords": ("keywords", "关键词", "Keyword-关键词", "author keywords"),
    "doi": ("doi", "DOI"),
    "venue": ("source", "journal", "来源", "文献来源", "期刊", "Source-文献来源"),
    "doc_type": ("type", "document type", "文献类型", "SrcDatabase-来源库"),
    "lang": ("language", "语种"),
    "supervisors": ("supervisor", "导师"),
    "affiliations": ("affiliations", "单位", "机构", "Organ-单位"),
    "text": ("text", "full text", "全文"),
}
LIST_FIELDS = {"authors", "supervisors", "affiliations"}
FIELD_NAMES = set(DEFAULT_COLUMNS) | {"volume", "issue", "pages", "fund", "clc", "degree"}
# C1 in the tab layout: "[Fikl, A; Klockner, A] Univ ...; [Radulescu, A] ..."
_AFFIL_SPLIT = re.compile(r";\s*(?=\[)")
_SCOPUS_ID = re.compile(r"\s*\(\d+\)\s*$")


def _rows(lines: TextLines, delimiter: str, quoting: int) -> Iterator[tuple[int, list, list, str]]:
    """(line, header, cells, "") per non-blank row; quoted cells may span lines. A last row
    shorter than the rows before it (or the header) comes with a reason: the file was cut."""
    ended = (line + "\n" for line in lines)
    reader = csv.reader(ended, delimiter=delimiter, quoting=quoting)
    header = [h.strip().lstrip("\ufeff") for h in next(reader, [])]
    if not any(header):
        raise ReaderError("empty file", line=1)
    start, held, width = lines.line + 1, None, len(header)
    try:
        for cells in reader:
            if any(cell.strip() for cell in cells):
                if held:
                    width = len(held[2])
                    yield held
                held = (start, header, cells, "")
            start = lines.line + 1
    except ReaderError:
        if held:  # the row before damaged bytes is whole: it still goes in
            yield held
        raise
    if held and len(held[2]) < width:
        cut = f"truncated record ({len(held[2])} of {width} cells; the file ends inside it)"
        held = (*held[:3], cut)
    if held:
        yield held


def _scopus_cells(header: list[str], cells: list[str]) -> dict[str, str]:
    """A Scopus row by column name. Older exports name one "Funding Text 1" column but write
    one cell per funding text, shifting every later column; the extra cells are put back
    where they belong."""
    extra = len(cells) - len(header)
    if extra > 0 and "Funding Text 1" in header:
        at = header.index("Funding Text 1") + 1
        funding = [c for c in cells[at : at + extra] if c.strip()]
        cells = cells[:at] + cells[at + extra :]
        row = dict(zip(header, cells, strict=False))
        row.update({f"Funding Text {n}": text for n, text in enumerate(funding, start=2)})
        return row
    return dict(zip(header, cells, strict=False))


def _wos_row(row: dict) -> Fields:
    def one(tag: str) -> str:
        return (row.get(tag) or "").strip()

    def many(tag: str) -> list[str]:
        value = one(tag)
        parts = _AFFIL_SPLIT.split(value) if tag == "C1" and "[" in value else value.split(";")
        return [p.strip() for p in parts if p.strip()]

    return wos_fields(one, many)


def _scopus_row(row: dict) -> Fields:
    def one(*names: str) -> str:
        return next((row[n].strip() for n in names if (row.get(n) or "").strip()), "")

    full = one("Author full names")
    if full:
        authors = [_SCOPUS_ID.sub("", a).strip() for a in full.split(";")]
    else:  # old layout: "Phillips J.C., Braun R." ; 2023+: "Phillips J.C.; Braun R."
        names = one("Authors")
        authors = names.split(";") if ";" in names else names.split(", ")
    fields = Fields(
        title=one("Title"),
        abstract="" if one("Abstract") == "[No abstract available]" else one("Abstract"),
        authors=[
            a.strip() for a in authors if a.strip() and a.strip() != "[No author name available]"
        ],
        affiliations=[a for a in one("Affiliations").split(";") if a.strip()],
        keywords=[one("Author Keywords")],
        year=one("Year"),
        doi=one("DOI"),
        doc_type=one("Document Type"),
        lang=one("Language of Original Document"),
        venue=one("Source title"),
        references=[r for r in one("References").split("; ") if r.strip()],
    )
    pages = "-".join(p for p in (one("Page start"), one("Page end")) if p)
    fields.extra = {
        "volume": one("Volume"), "issue": one("Issue"), "pages": pages or one("Art. No."),
        "issn": one("ISSN"), "keywords_plus": one("Index Keywords"),
        "fund": one("Funding Details"), "publisher": one("Publisher"), "scopus_id": one("EID"),
        "times_cited": one("Cited by"),
    }  # fmt: skip
    return fields


def column_mapping(header: Iterable[str], columns: dict[str, str]) -> dict[str, str]:
    """Field -> column: the user's mapping first, then the usual header names."""
    unknown = set(columns) - FIELD_NAMES
    if unknown:
        raise ReaderError(f"--columns names unknown fields {sorted(unknown)}")
    by_name = {h.strip().casefold(): h for h in header}
    mapping: dict[str, str] = {}
    for name in FIELD_NAMES:
        wanted = [columns[name]] if name in columns else list(DEFAULT_COLUMNS.get(name, ()))
        found = next((by_name[w.casefold()] for w in wanted if w.casefold() in by_name), None)
        if found is None and name in columns:
            raise ReaderError(f"--columns: no column {columns[name]!r} in the header")
        if found is not None:
            mapping[name] = found
    if "title" not in mapping:
        raise ReaderError("no title column (name it with --columns title=<header>)", line=1)
    return mapping


def mapped_fields(row: dict, mapping: dict[str, str]) -> Fields:
    """Our fields from one generic row under a field -> column mapping."""
    values = {name: str(row.get(col) or "").strip() for name, col in mapping.items()}
    fields = Fields(
        title=values.get("title", ""),
        abstract=values.get("abstract", "") or values.get("text", ""),
        keywords=[values.get("keywords", "")],
        year=values.get("year", ""),
        doi=values.get("doi", ""),
        doc_type=values.get("doc_type", ""),
        lang=values.get("lang", ""),
        venue=values.get("venue", ""),
    )
    for name in LIST_FIELDS:
        setattr(fields, name, split_authors(values.get(name, "")))
    fields.extra = {k: values[k] for k in ("volume", "issue", "pages", "fund", "clc", "degree")
                    if k in values}  # fmt: skip
    return fields


def _delimiter(path: Path, lines: TextLines) -> str:
    if path.suffix.lower() in (".tsv", ".tab"):
        return "\t"
    first = next(iter(TextLines(path, lines.encoding)), "")
    return max((",", "\t", ";"), key=first.count)


def read(path: Path, options: ReadOptions) -> Iterator[Item]:
    """Every row of a WoS tab-delimited, Scopus or generic table, streamed."""
    lines = open_lines(path)
    if options.fmt == "wos_tab":
        # WoS quotes nothing: a '"' in a title is just a character.
        rows = enumerate(_rows(lines, "\t", csv.QUOTE_NONE), start=1)
        for number, (line, header, cells, cut) in rows:
            if cut:
                yield RecordFailure(line, number, cut)
                continue
            fields = _wos_row(dict(zip(header, cells, strict=False)))
            yield to_document(fields, path, fmt="wos_tab", record=number, line=line)
        return
    rows = enumerate(_rows(lines, _delimiter(path, lines), csv.QUOTE_MINIMAL), start=1)
    mapping: dict[str, str] | None = None
    for number, (line, header, cells, cut) in rows:
        if cut:
            yield RecordFailure(line, number, cut)
            continue
        if options.fmt == "scopus":
            fields = _scopus_row(_scopus_cells(header, cells))
        elif len(cells) > len(header):
            yield RecordFailure(line, number, f"{len(cells)} cells, {len(header)} columns")
            continue
        else:
            mapping = mapping or column_mapping(header, options.columns)
            fields = mapped_fields(dict(zip(header, cells, strict=False)), mapping)
        yield to_document(fields, path, fmt=options.fmt or "csv", record=number, line=line)
