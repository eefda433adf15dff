"""APA and Harvard reference entries: 'Chen, Y., & Li, M. (2018). Title. Journal, 12(3), 45-60.'

English-language reviews list their sources this way far more often than in GB/T 7714's
'CHEN Y, LI M. Title[J]. Journal, 2018, 12(3): 45-60.' The year follows the authors in
parentheses, so authors, year and the rest come apart cleanly; names are stored as the
Western GB/T form writes them ('Chen Y', 'Putnam R D'), so the same scholar gets one id
whichever style cited them.
"""

from __future__ import annotations

import re

from kgreview.nlp.reftail import Fields, strip_field

PARTICLE = r"(?:van|von|de|der|den|da|di|du|le|la)"  # lower-case name particles
WORD = r"[A-ZÀ-ÖØ-Þ](?:[^\W\d_]|['’-])+"  # a capitalised name word, accents included
_SURNAME = rf"(?:{PARTICLE} )*{WORD}(?: (?:{WORD}|{PARTICLE}))*"
_INITIALS = r"[A-Z]\.(?:\s?-?[A-Z]\.)*"
_NAME = rf"{_SURNAME}, {_INITIALS}"
_HEAD = re.compile(
    rf"^(?P<authors>{_NAME}(?:,? (?:{_NAME}))*(?:,? (?:&|and) {_NAME})?(?:,? et al\.)?)"
    r"(?:\s*\((?:Eds?|eds?)\.\))?\s*\((?P<year>\d{4})[a-z]?(?:, [^)]{1,30})?\)\.?\s+(?P<rest>\S.*)$"
)
_ONE_NAME = re.compile(rf"(?P<surname>{_SURNAME}), (?P<initials>{_INITIALS})")
# A title ends at the first sentence stop followed by a capital (the container's name).
_TITLE_END = re.compile(r"(?<=[^A-Z][.?!])\s+(?=[A-Z0-9])")
_JOURNAL = re.compile(
    r"^(?P<source>[^,]+?),\s*(?P<volume>\d+)\s*(?:\((?P<issue>[^)]{1,12})\))?"
    r"(?:,\s*(?:pp?\.\s*)?(?P<pages>[A-Za-z]?\d+(?:\s*[-–]\s*[A-Za-z]?\d+)?))?"
)
_DOI = re.compile(r"(?:https?://(?:dx\.)?doi\.org/|doi:\s*)(?P<doi>10\.\S+?)[.\s]*$", re.I)
_PLACE_PUBLISHER = re.compile(r"^(?P<place>[A-Z][^:]{1,40}):\s*(?P<publisher>[^.]+)")


def author_name(surname: str, initials: str) -> str:
    """'Putnam', 'R. D.' → 'Putnam R D' (the Western GB/T form)."""
    return " ".join([surname, *re.findall(r"[A-Z]", initials)])


def parse_apa(body: str) -> Fields | None:
    """Fields of an APA/Harvard entry, or None when ``body`` does not open with
    'Surname, I., … (year)'."""
    head = _HEAD.match(body)
    if head is None:
        return None
    fields = Fields(year=int(head["year"]))
    fields.authors = [
        author_name(m["surname"], m["initials"]) for m in _ONE_NAME.finditer(head["authors"])
    ]
    rest = head["rest"].strip()
    doi = _DOI.search(rest)
    if doi:
        fields.doi = doi["doi"]
        rest = rest[: doi.start()].strip()
    end = _TITLE_END.search(rest)
    if end is None:
        fields.title = strip_field(rest)
        return fields
    fields.title = strip_field(rest[: end.start()])
    container = rest[end.end() :].strip().rstrip(".")
    journal = _JOURNAL.match(container)
    if journal:
        fields.type = "J"
        fields.source = strip_field(journal["source"])
        fields.volume, fields.issue = journal["volume"], journal["issue"]
        fields.pages = journal["pages"] and re.sub(r"\s*[-–]\s*", "-", journal["pages"])
        return fields
    book = _PLACE_PUBLISHER.match(container)
    if book:
        fields.type = "M"
        fields.place, fields.source = strip_field(book["place"]), strip_field(book["publisher"])
    else:
        fields.source = strip_field(container)
    return fields
