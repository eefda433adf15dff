"""Web of Science plain-text (tagged) exports: ``PT J`` … ``ER``, two-letter tags, one author
or cited reference per continuation line; with or without the ``FN``/``VR`` header.

:func:`wos_fields` maps WoS tags to our fields for the tab-delimited export too.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path

from kgreview.ingest import Item, ReadOptions
from kgreview.ingest.records import Fields, to_document
from kgreview.ingest.stream import open_lines
from kgreview.ingest.tagged import read_records, regex_parser, truncated

_PARSE = regex_parser(r"^([A-Z][A-Z0-9]|\ufeff?FN|\ufeff?PT)(?: (.*))?$")
_CONTINUATION = re.compile(r"^ {2,3}\S")
# "[Fikl, A; Klockner, A] Univ Illinois, Urbana, IL USA": the bracket names who, not where.
_WHO = re.compile(r"^\[([^\]]*)\]\s*")

DOC_TYPES = {"J": "article", "B": "book", "S": "article", "P": "patent", "C": "conference"}


def wos_fields(one: Callable[[str], str], many: Callable[[str], list[str]]) -> Fields:
    """Our fields from WoS tags: ``one(tag)`` a single value, ``many(tag)`` a list."""
    doc_type = one("DT") or DOC_TYPES.get(one("PT"), "article")
    if doc_type.casefold().startswith("proceedings"):
        doc_type = "conference"
    pages = "-".join(p for p in (one("BP"), one("EP")) if p)
    fields = Fields(
        title=one("TI"),
        abstract=one("AB"),
        authors=many("AF") or many("AU"),
        affiliations=[_WHO.sub("", a) for a in many("C1")],
        keywords=[one("DE")],
        year=one("PY") or one("EA"),
        doi=one("DI"),
        doc_type=doc_type.split(";")[0],
        lang=one("LA"),
        venue=one("SO"),
        references=many("CR"),
    )
    # "[Fikl, A; Klockner, A] Univ Illinois, Dept Math, ...": the organisation comes first.
    fields.affiliated = [
        (name.strip(), _WHO.sub("", a).split(",")[0].strip())
        for a in many("C1")
        if (who := _WHO.match(a))
        for name in who.group(1).split(";")
    ]
    fields.extra = {
        "volume": one("VL"),
        "issue": one("IS"),
        "pages": pages or one("AR"),
        "issn": one("SN"),
        "keywords_plus": one("ID"),
        "fund": one("FU"),
        "publisher": one("PU"),
        "wos_id": one("UT"),
        "times_cited": one("TC"),
    }
    return fields


def read(path: Path, options: ReadOptions) -> Iterator[Item]:
    """Every record of a WoS tagged file, streamed."""
    for raw in read_records(open_lines(path), _PARSE, "PT", "ER", _CONTINUATION):
        if not raw.complete:
            yield truncated(raw, "ER")
            continue

        def many(tag: str, raw=raw) -> list[str]:
            # C1 and CR hold one item per line; AU/AF too. DE/ID wrap mid-list instead.
            return raw.items(tag)

        fields = wos_fields(lambda tag, raw=raw: raw.first(tag), many)
        yield to_document(fields, path, fmt="wos", record=raw.number, line=raw.line)
