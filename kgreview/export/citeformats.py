"""RIS (NoteExpress, Zotero, EndNote) and BibTeX for any set of reference entries, through
rispy and bibtexparser 2 — the libraries the readers use too, so what we write reads back."""

from __future__ import annotations

import re

import bibtexparser
import rispy
from bibtexparser.model import Entry, Field

from kgreview import ids
from kgreview.nlp.references import ParsedReference

RIS_TYPES = {"J": "JOUR", "M": "BOOK", "D": "THES", "C": "CONF", "A": "CHAP", "N": "NEWS",
             "R": "RPRT", "S": "STAND", "P": "PAT", "EB/OL": "ELEC"}  # fmt: skip
BIBTEX_TYPES = {"J": "article", "M": "book", "D": "phdthesis", "C": "inproceedings",
                "A": "incollection", "N": "article", "R": "techreport", "S": "misc",
                "P": "misc", "EB/OL": "online"}  # fmt: skip

VENUE_FIELD = {"article": "journal", "phdthesis": "school", "mastersthesis": "school",
               "inproceedings": "booktitle", "incollection": "booktitle"}  # fmt: skip


def _page_range(pages: str | None) -> tuple[str | None, str | None]:
    if not pages:
        return None, None
    first, _, last = re.split(r"[+,]", pages)[0].partition("-")
    return first or None, last or None


def to_ris(refs: list[ParsedReference]) -> str:
    """One RIS record per entry."""
    records = []
    for ref in refs:
        start, end = _page_range(ref.pages)
        record = {
            "type_of_reference": RIS_TYPES.get(ref.type or "", "GEN"), "authors": list(ref.authors),
            "title": ref.title, "year": str(ref.year) if ref.year else None,
            "secondary_title": (ref.parent.title if ref.parent else ref.source),
            "publisher": ref.source if ref.type not in ("J", "N") else None,
            "place_published": ref.place, "volume": ref.volume, "number": ref.issue,
            "start_page": start, "end_page": end, "doi": ref.doi,
            "urls": [ref.url] if ref.url else None,
        }  # fmt: skip
        records.append({k: v for k, v in record.items() if v})
    return rispy.dumps(records)


def bibtex_key(ref: ParsedReference) -> str:
    """First author's surname + year + a short digest, ASCII only."""
    first = (ref.authors[0] if ref.authors else "anon").split(",")[0].split()[0]
    # Classic BibTeX chokes on non-ASCII keys: Chinese first authors get a neutral stem.
    stem = re.sub(r"[^a-z0-9]+", "", first.lower()) if first.isascii() else "ref"
    return f"{stem or 'ref'}{ref.year or ''}{ids.digest(ref.raw or ref.title, size=4)}"


def to_bibtex(refs: list[ParsedReference]) -> str:
    """One BibTeX entry per reference (theses as phdthesis/mastersthesis by degree)."""
    library = bibtexparser.Library()
    for ref in refs:
        kind = BIBTEX_TYPES.get(ref.type or "", "misc")
        if ref.type == "D" and (ref.degree or "").startswith(("硕士", "Master", "master")):
            kind = "mastersthesis"
        venue = VENUE_FIELD.get(kind, "publisher")
        fields = {
            "author": " and ".join(ref.authors), "title": ref.title,
            "year": str(ref.year) if ref.year else None,
            venue: ref.parent.title if ref.parent and venue == "booktitle" else ref.source,
            "address": ref.place, "volume": ref.volume, "number": ref.issue,
            "pages": (ref.pages or "").replace("-", "--") or None, "doi": ref.doi,
            "url": ref.url,
        }  # fmt: skip
        library.add(Entry(kind, bibtex_key(ref), [Field(k, v) for k, v in fields.items() if v]))
    return bibtexparser.write_string(library)
