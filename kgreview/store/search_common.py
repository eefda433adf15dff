"""Full-text search over segments, the parts both backends share.

What is searched: every **sentence** segment (the finest unit every text has; transcript
sentences sit inside turns and carry their speaker), in the tagger's normalised form
(:func:`kgreview.nlp.normalize.normalise`: NFKC, lower case, Traditional → Simplified). The
query is normalised the same way and found as a literal substring, so 增能 finds 增能理论,
"Empowerment" finds "empowerment", ＡＢＣ finds abc and 社區 finds 社区. Both backends answer
with the same hits in the same order: the newest documents first, then by document and
position.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from kgreview.model import SegmentKind
from kgreview.model_search import SearchCoding, SearchHit, SearchQuery
from kgreview.nlp.normalize import normalise

SEARCHED_KIND = SegmentKind.SENTENCE.value
MAX_QUERY_CHARS = 200
MAX_LIMIT = 1000


def search_text(raw: str | None) -> str:
    """The indexed form of a sentence (also registered as an SQLite function)."""
    return normalise(raw or "").text


def search_key(text: str) -> str:
    """The normalised query; ``""`` when there is nothing to search."""
    return normalise(text.strip()).text.strip()


def make_query(text: str, **filters: Any) -> SearchQuery:
    """A :class:`SearchQuery` from protocol keyword arguments, checked and normalised."""
    if len(text) > MAX_QUERY_CHARS:
        raise ValueError(f"query longer than {MAX_QUERY_CHARS} characters")
    codes, doc_types = filters.pop("codes", None), filters.pop("doc_types", None)
    limit, offset = int(filters.pop("limit", 50)), int(filters.pop("offset", 0))
    if not 0 < limit <= MAX_LIMIT or offset < 0:
        raise ValueError(f"limit must be 1..{MAX_LIMIT} and offset >= 0")
    return SearchQuery(
        text=search_key(text),
        codes=tuple(codes) if codes else None,
        doc_types=tuple(doc_types) if doc_types else None,
        limit=limit,
        offset=offset,
        **{k: (v if v != "" else None) for k, v in filters.items()},
    )


def matches_in(sentence: str, key: str) -> tuple[tuple[int, int], ...]:
    """Where ``key`` (normalised) occurs in the stored ``sentence``, as sentence offsets."""
    if not key:
        return ()
    view = normalise(sentence)
    found, at = [], view.text.find(key)
    while at >= 0:
        found.append(view.span(at, at + len(key)))
        at = view.text.find(key, at + len(key))
    return tuple(found)


def role_of(attributes: str | dict | None) -> str:
    """A participant's role for display: ``interviewer``, else the declared role, else ""."""
    if isinstance(attributes, str):
        attributes = json.loads(attributes) if attributes else {}
    attributes = attributes or {}
    if attributes.get("interviewer"):
        return "interviewer"
    return str(attributes.get("role") or "")


# A hit row as both backends read it: segment id, document id, title, year, doc type,
# start, end, sentence text, segment speaker label, participant label, participant attributes.
HitRow = tuple[str, str, str, int | None, str, int, int, str, str, str | None, Any]
# A coding row: segment id, then the SearchCoding fields in order.
CodingRow = tuple[str, str, str, str, str, str, int, int, str, str]


def assemble(
    query: SearchQuery, rows: Sequence[HitRow], codings: Iterable[CodingRow]
) -> list[SearchHit]:
    """Hits from the backend's rows (already filtered, ordered and paged)."""
    by_segment: dict[str, list[SearchCoding]] = defaultdict(list)
    for segment_id, *fields in codings:
        by_segment[segment_id].append(SearchCoding(*fields))
    hits = []
    for seg, doc, title, year, doc_type, start, end, text, speaker, person, attrs in rows:
        found = sorted(by_segment.get(seg, ()), key=lambda c: (c.start, c.end, c.code_id, c.coder))
        hits.append(
            SearchHit(
                segment_id=seg,
                document_id=doc,
                title=title or "",
                year=int(year) if year is not None else None,
                doc_type=doc_type or "",
                start=int(start),
                end=int(end),
                text=text,
                speaker=person or speaker or "",
                role=role_of(attrs),
                matches=matches_in(text, query.text),
                codings=tuple(found),
            )
        )
    return hits
