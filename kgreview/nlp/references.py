"""Reference lists: GB/T 7714 (Chinese and its English renderings), Western entries, WoS CR.

Public API (the citation graph and attributions build on it):

- ``parse_reference_list(text)`` → every entry of the document's reference list, in order,
  with offsets into ``text`` and ``duplicate_of`` set;
- ``parse_reference(raw, n, start)`` → one entry; ``parse_wos_cr(raw)`` → one WoS ``CR`` item;
- ``reference_key(ref)`` → the normalised (first author, title, year) identity used to spot
  the same work twice, in one list or across documents.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace

from kgreview.nlp.reflist import find_reference_list, split_entries
from kgreview.nlp.refparse import parse_fields

__all__ = [
    "ParentWork",
    "ParsedReference",
    "find_reference_list",
    "mark_duplicates",
    "parse_reference",
    "parse_reference_list",
    "parse_wos_cr",
    "reference_key",
    "split_entries",
]


@dataclass(frozen=True, slots=True)
class ParentWork:
    """The container of an analytic part ('[M]//Editors. Book', '[A].Proceedings[C]')."""

    authors: tuple[str, ...]
    title: str | None


@dataclass(frozen=True, slots=True)
class ParsedReference:
    """One cited work as its list entry gives it.

    ``start``/``end`` are the entry's code-point offsets in the text it was parsed from (raw ==
    text[start:end]). ``source`` is where the work appeared: journal or newspaper (J, N), the
    degree-granting school (D), the publisher or issuing body (M, R, S, C, A and analytic
    parts, whose container is ``parent``). Volume, issue and pages are strings as written
    ('01', '12A', '15-18,31'); a newspaper's page (版次) goes in ``pages``. ``type`` is the
    GB/T 7714 code (J, D, M, N, C, R, S, P, A, EB/OL, …) or None; ``notes`` say what was
    inferred or repaired (a stray '[1]' read as [J], a type guessed from 'Proceedings').
    """

    n: int
    raw: str
    start: int
    end: int
    authors: tuple[str, ...] = ()
    title: str | None = None
    type: str | None = None
    source: str | None = None
    place: str | None = None
    year: int | None = None
    volume: str | None = None
    issue: str | None = None
    pages: str | None = None
    date: str | None = None
    accessed: str | None = None
    url: str | None = None
    doi: str | None = None
    edition: str | None = None
    degree: str | None = None
    parent: ParentWork | None = None
    duplicate_of: int | None = None
    notes: tuple[str, ...] = ()

    def as_json(self) -> dict:
        """Plain JSON-ready dict (lists, not tuples) with every field."""
        row = {name: getattr(self, name) for name in self.__slots__}
        row["authors"] = list(self.authors)
        row["notes"] = list(self.notes)
        if self.parent is not None:
            row["parent"] = {"authors": list(self.parent.authors), "title": self.parent.title}
        return row


_NUMBER = re.compile(
    r"^\s*(?:[-*+•]\s+)?(?:[\[［【]\s*\d{1,3}\s*[\]］】]|\d{1,3}[.．、]|[(（]\d{1,3}[)）])"
)


def parse_reference(raw: str, n: int = 1, start: int = 0) -> ParsedReference:
    """Parse one entry (its '[n]' marker may be included) into a ParsedReference."""
    marker = _NUMBER.match(raw)
    fields = parse_fields(raw[marker.end() :] if marker else raw)
    parent = None
    if fields.parent_title is not None or fields.parent_authors:
        parent = ParentWork(tuple(fields.parent_authors or ()), fields.parent_title)
    return ParsedReference(
        n=n, raw=raw, start=start, end=start + len(raw), authors=tuple(fields.authors),
        title=fields.title, type=fields.type, source=fields.source, place=fields.place,
        year=fields.year, volume=fields.volume, issue=fields.issue, pages=fields.pages,
        date=fields.date, accessed=fields.accessed, url=fields.url, doi=fields.doi,
        edition=fields.edition, degree=fields.degree, parent=parent, notes=tuple(fields.notes),
    )  # fmt: skip


def parse_reference_list(text: str) -> list[ParsedReference]:
    """Find the reference list in a document, split and parse its entries, mark duplicates.

    ``n`` is the number the entry carries ('[12]'), else its position; an empty list when the
    text has no reference list.
    """
    span = find_reference_list(text)
    if span is None:
        return []
    refs = []
    for position, entry in enumerate(split_entries(text, *span), start=1):
        raw = text[entry.start : entry.end]
        refs.append(parse_reference(raw, entry.number or position, entry.start))
    return mark_duplicates(refs)


_FOLD_DROP = re.compile(r"[\W_]+")


def fold_text(text: str | None) -> str:
    """Compare-form: NFKC (full → half width), no markup/punctuation/space, case-folded."""
    if not text:
        return ""
    return _FOLD_DROP.sub("", unicodedata.normalize("NFKC", text).casefold())


def reference_key(ref: ParsedReference) -> str | None:
    """'first author|title|year' folded; None when the title is missing (no identity then).

    Only the first author counts, so 'X, Y' and 'X, et al.' match; the year must match too,
    so two editions of a book stay apart.
    """
    title = fold_text(ref.title)
    if not title:
        return None
    first = fold_text(ref.authors[0]) if ref.authors else ""
    return f"{first}|{title}|{ref.year or ''}"


def mark_duplicates(refs: list[ParsedReference]) -> list[ParsedReference]:
    """Set ``duplicate_of`` to the n of the first earlier entry with the same reference_key."""
    seen: dict[str, int] = {}
    marked = []
    for ref in refs:
        key = reference_key(ref)
        if key is not None and key in seen:
            marked.append(replace(ref, duplicate_of=seen[key]))
            continue
        if key is not None:
            seen[key] = ref.n
        marked.append(ref)
    return marked


_CR_VOLUME = re.compile(r"^V(?P<v>\S+)$")
_CR_PAGE = re.compile(r"^P(?P<p>\S+)$")
_CR_DOI = re.compile(r"^DOI\s+(?:\[)?(?P<doi>10\.[^\s,\]]+)", re.IGNORECASE)


def parse_wos_cr(raw: str, n: int = 1, start: int = 0) -> ParsedReference:
    """One Web of Science ``CR`` item ('Smith J, 2019, SOC WORK, V64, P12, DOI 10.x/y').

    WoS gives no title: author, year, abbreviated source, volume, first page and DOI only.
    """
    parts = [p.strip() for p in raw.strip().split(",")]
    authors: tuple[str, ...] = ()
    year = source = volume = pages = doi = None
    rest = parts
    if rest and not rest[0].isdigit():
        name = rest[0].strip(" .")
        authors = () if name.lower() in {"[anonymous]", "anonymous", ""} else (name,)
        rest = rest[1:]
    if rest and re.fullmatch(r"\d{4}", rest[0]):
        year, rest = int(rest[0]), rest[1:]
    for part in rest:
        if found := _CR_DOI.match(part):
            doi = found["doi"]
        elif found := _CR_VOLUME.match(part):
            volume = found["v"]
        elif found := _CR_PAGE.match(part):
            pages = found["p"]
        elif source is None and part:
            source = part
    return ParsedReference(
        n=n, raw=raw, start=start, end=start + len(raw), authors=authors, year=year,
        source=source, volume=volume, pages=pages, doi=doi,
    )  # fmt: skip
