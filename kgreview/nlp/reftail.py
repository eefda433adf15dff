"""The part of a reference entry after its type code: source, place, year, volume, issue,
pages, dates, URL and DOI (GB/T 7714 2005/2015 and their English renderings)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

DOT = "[.．。]"
COMMA = "[,，]"
COLON = "[:：]"
CJK = r"\u3400-\u9fff"
# Types whose tail reads "place: publisher, year: pages" (the source is a publisher or school).
PUBLISHER_TYPES = {"M", "D", "R", "C", "A", "S", "G", "Z", "K"}

_URL = re.compile(r"(?:https?://|www\.)[^\s,，;；\u3400-\u9fff]+")
_DOI = re.compile(r"(?:doi\s*[:：]?\s*|DOI\s+)?(?P<doi>10\.\d{4,9}/[^\s,，;；]+)", re.IGNORECASE)
_BRACKET_DATE = re.compile(r"[\[［]\s*(?P<d>\d{4}-\d{1,2}-\d{1,2})\s*[\]］]")
_PAREN_DATE = re.compile(r"[(（]\s*(?P<d>\d{4}-\d{1,2}-\d{1,2})\s*[)）]")
_SLASH_DATES = re.compile(r"(?P<d>\d{4}-\d{1,2}-\d{1,2})\s*/\s*(?P<a>\d{4}-\d{1,2}-\d{1,2})")
# source, year[-mm-dd | mm], volume(issue): pages — anchored at the end; the lazy source stops
# at the first year after which only volume, issue and pages follow.
TAIL = re.compile(
    rf"^(?P<source>.*?)[\s,，.．:：]*(?<!\d)(?P<year>(?:1[5-9]|20)\d{{2}})"
    r"(?:(?P<date>-\d{1,2}(?:-\d{1,2})?)|(?P<month>0[1-9]|1[0-2]))?(?!\d)"
    rf"\s*(?:{COMMA}\s*(?P<volume>[^,，(（):：]*?))?"
    r"\s*(?:[(（]\s*(?P<issue>[^)）]*?)\s*[)）])?"
    rf"\s*(?:{COLON}\s*(?P<pages>[^:：]+?))?\s*[.．。]?$"
)
_PLACE = re.compile(rf"^(?P<place>[^:：,，\d]{{1,30}}?)\s*{COLON}\s*(?P<rest>.+)$")
_NEWSPAPER = re.compile(
    r"^(?P<source>.+?)[,，]\s*(?P<date>[^,，()（）]+)[(（](?P<page>[^)）]+)[)）]$"
)
_DEGREE = re.compile(
    r"\s*[(（]?(?P<deg>硕士|博士|学士)(?:学位)?论文[)）]?\s*$"
    r"|\s*[(（]?(?P<en>master|doctoral|phd|ph\.d\.)(?:'s)? (?:thesis|dissertation)[)）]?\s*$",
    re.IGNORECASE,
)


@dataclass
class Fields:
    """What the parser found in one entry; references.py turns it into a ParsedReference."""

    authors: list[str] = field(default_factory=list)
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
    parent_authors: list[str] | None = None
    parent_title: str | None = None
    notes: list[str] = field(default_factory=list)


def strip_field(text: str | None) -> str | None:
    """Trim spaces and the punctuation a field picks up at its edges; empty → None."""
    if text is None:
        return None
    text = text.strip(" ,，.．。:：;；")
    return text or None


def _take_links(tail: str, fields: Fields) -> str:
    """URL, DOI and GB/T 7714 dates ((updated)[cited], or updated/cited) out of the tail."""
    found = _URL.search(tail)
    if found:
        fields.url = found.group(0).rstrip(".,，。")
        tail = tail[: found.start()] + tail[found.end() :]
    in_url = _DOI.search(fields.url or "")  # https://doi.org/10.… is a DOI too
    found = in_url or _DOI.search(tail)
    if found:
        fields.doi = found["doi"].rstrip(".")
        if not in_url:
            tail = tail[: found.start()] + tail[found.end() :]
    found = _SLASH_DATES.search(tail)
    if found:
        fields.date, fields.accessed = found["d"], found["a"]
        tail = tail[: found.start()] + tail[found.end() :]
    found = _BRACKET_DATE.search(tail)
    if found:
        fields.accessed = found["d"]
        tail = tail[: found.start()] + tail[found.end() :]
    found = _PAREN_DATE.search(tail)
    if found:
        fields.date = found["d"]
        tail = tail[: found.start()] + tail[found.end() :]
    return tail.strip(" .．。,，")


def _set_source(source: str | None, fields: Fields, with_place: bool) -> None:
    source = strip_field(source)
    if source and with_place:
        found = _PLACE.match(source)
        if found:
            fields.place, source = strip_field(found["place"]), strip_field(found["rest"])
    if source and fields.type == "D":
        found = _DEGREE.search(source)
        if found:
            fields.degree = (found["deg"] or found["en"]).lower()
            source = strip_field(source[: found.start()])
    fields.source = source


def parse_tail(tail: str, fields: Fields) -> None:
    """Everything after the type code: source, place, year, volume, issue, pages, dates."""
    tail = _take_links(tail, fields)
    base = (fields.type or "").split("/")[0]
    with_place = base in PUBLISHER_TYPES or fields.parent_title is not None
    if fields.date and not fields.year:
        fields.year = int(fields.date[:4])
    if not tail:
        return
    found = TAIL.match(tail)
    if not found:
        paper = _NEWSPAPER.match(tail) if base == "N" else None
        if paper:
            fields.source, fields.date = strip_field(paper["source"]), strip_field(paper["date"])
            fields.pages = strip_field(paper["page"])
        else:
            _set_source(tail, fields, with_place)
        return
    fields.year = int(found["year"])
    if found["date"]:
        fields.date = found["year"] + found["date"]
    elif found["month"]:
        fields.date = f"{found['year']}-{found['month']}"
    _set_source(found["source"], fields, with_place)
    fields.volume, fields.pages = strip_field(found["volume"]), strip_field(found["pages"])
    issue = strip_field(found["issue"])
    if base == "N":
        # A newspaper's '2018-03-07(06)' gives the page (版次), not an issue.
        fields.pages = fields.pages or issue
    else:
        fields.issue = issue
