"""Bibliographies: GB/T 7714-2015 strings (Chinese and English entries), RIS and BibTeX.

The same model serves a document of the corpus and an entry of a reference list
(:class:`~kgreview.nlp.references.ParsedReference`): a document is first turned into one.
GB/T 7714-2015: Chinese entries use half-width punctuation without spaces
(``王思斌.题名[J].刊名,2020(2):3-9.``); Western entries put a space after each mark and write
names as ``SURNAME I``. More than three authors: the first three and 等 / et al.
2005-style analytic parts ([A] in [C]) are written the 2015 way, ``[C]//``.
"""

from __future__ import annotations

import re

from kgreview.model import Document
from kgreview.nlp.references import ParentWork, ParsedReference

TYPE_OF_DOCUMENT = {
    "article": "J", "journal": "J", "thesis": "D", "book": "M", "conference": "C",
    "newspaper": "N", "standard": "S", "patent": "P", "report": "R", "webpage": "EB/OL",
}  # fmt: skip
_CJK = re.compile(r"[\u4e00-\u9fff]")


def _chinese(ref: ParsedReference) -> bool:
    return bool(_CJK.search(ref.title or "") or _CJK.search("".join(ref.authors)))


def western_name(name: str) -> str:
    """'Liu, Wei' / 'Zimmerman, Marc A.' → 'LIU W' / 'ZIMMERMAN M A' (surname in capitals,
    initials without points); names already written that way, or without a comma, stay."""
    if "," not in name:
        return name
    surname, given = (part.strip() for part in name.split(",", 1))
    initials = [p[0].upper() for p in re.split(r"[\s.\-]+", given) if p]
    return " ".join([surname.upper(), *initials])


def _names(authors: tuple[str, ...] | list[str], chinese: bool, more: bool = False) -> str:
    shown = list(authors[:3]) if chinese else [western_name(a) for a in authors[:3]]
    etc = more or len(authors) > 3
    if chinese:
        return ",".join(shown) + (",等" if etc else "")
    return ", ".join(shown) + (", et al" if etc else "")


def _pages(ref: ParsedReference) -> str:
    return (ref.pages or "").replace("–", "-").replace("~", "-")


def gbt7714(ref: ParsedReference) -> str:
    """One GB/T 7714-2015 entry (without its ``[n]`` label)."""
    zh = _chinese(ref)
    dot, comma, colon = (".", ",", ":") if zh else (". ", ", ", ": ")
    kind = "C" if ref.type == "A" else (ref.type or "M")
    head = _names(ref.authors, zh, "et al" in " ".join(ref.notes)) if ref.authors else ""
    out = (head + dot if head else "") + f"{ref.title or ''}[{kind}]"
    if ref.parent is not None:
        container = ref.raw.split("//", 1)[1] if "//" in ref.raw else ""
        more = bool(re.search(r"\bet al\b|等[.．]", container))
        out += "//" + _parent(ref.parent, zh, dot, more)
    where = ""
    if ref.place or ref.source:
        where = colon.join(x for x in (ref.place, ref.source) if x)
    year = str(ref.year) if ref.year else ""
    pages = _pages(ref)
    if kind == "J":
        tail = comma.join(x for x in (ref.source, year) if x)
        vol = (ref.volume or "") + (f"({ref.issue})" if ref.issue else "")
        if vol and ref.volume:
            tail += comma + vol
        elif vol:
            tail += vol  # no volume: 2020(2)
        out += dot + tail + (colon + pages if pages else "")
    elif kind == "N":
        out += dot + comma.join(x for x in (ref.source, ref.date or year) if x)
        out += f"({pages})" if pages else ""
    elif kind == "EB/OL":
        out += (
            dot
            + (f"({ref.date})" if ref.date else "")
            + (f"[{ref.accessed}]" if ref.accessed else "")
        )
        out += dot + (ref.url or "") if ref.url else ""
    elif kind == "P":
        out += dot + (ref.date or year)
    else:  # M, D, C, R, S, A and analytic parts: place:publisher,year:pages
        if ref.edition:
            out += dot + ref.edition
        if where:
            out += dot + where + (comma + year if year else "")
        elif year:
            out += dot + year
        out += colon + pages if pages else ""
    if ref.doi and kind != "EB/OL":
        out += dot + "DOI" + colon + ref.doi
    return out.rstrip() + "."


def _parent(parent: ParentWork, zh: bool, dot: str, more: bool = False) -> str:
    names = _names(parent.authors, zh, more) if parent.authors else ""
    return (names + dot if names else "") + (parent.title or "")


def from_document(document: Document) -> ParsedReference:
    """A corpus document as a reference entry (its metadata, not its text)."""
    meta = document.meta
    kind = TYPE_OF_DOCUMENT.get(document.doc_type, "Z")  # [Z]: other (a plain text)
    source = meta.get("institution") if kind == "D" else meta.get("venue")
    return ParsedReference(
        n=0, raw="", start=0, end=0, authors=tuple(meta.get("authors") or ()),
        title=document.title, type=kind, source=source or None,
        place=meta.get("place") or None, year=document.year,
        volume=str(meta["volume"]).lstrip("0") or None if meta.get("volume") else None,
        issue=str(meta["issue"]).lstrip("0") or None if meta.get("issue") else None,
        pages=str(meta["pages"]) if meta.get("pages") else None, doi=document.doi,
        url=meta.get("url") or None, date=meta.get("date") or None,
    )  # fmt: skip
