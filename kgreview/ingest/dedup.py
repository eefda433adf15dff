"""One paper, one Document: finding an earlier copy of a record and merging the two.

Copies are found by DOI first; else by normalised title + first author with the same year
(or either year missing); a bibliographic record and a full text also meet on the title
alone. The index is built from the keys stored with each document (``match_keys``), so a
later ingest finds papers an earlier one stored.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from typing import Any

from kgreview.model import Document


def _split(key: str) -> tuple[str, str, str]:
    """``ta:<hash>|2019`` → (``ta:<hash>``, ``2019``, ``""``); ``t:`` keys carry a kind."""
    head, _, rest = key.partition("|")
    year, _, kind = rest.partition("|")
    return head, year, kind


class MatchIndex:
    """Match key → documents holding it (id, year, kind)."""

    def __init__(self) -> None:
        self._keys: dict[str, list[tuple[str, str, str]]] = {}

    def add(self, document_id: str, keys: Iterable[str]) -> None:
        for key in keys:
            head, year, kind = _split(key)
            holders = self._keys.setdefault(head, [])
            if not any(h[0] == document_id for h in holders):
                holders.append((document_id, year, kind))

    def find(self, keys: Iterable[str]) -> str | None:
        """The id of an earlier copy of the paper these keys describe, if any."""
        ordered = sorted(keys, key=lambda k: (not k.startswith("doi:"), k.startswith("t:")))
        for key in ordered:
            head, year, kind = _split(key)
            for other, other_year, other_kind in self._keys.get(head, ()):
                if year and other_year and year != other_year:
                    continue  # same title and author, another year: another work
                if head.startswith("t:") and kind == other_kind:
                    continue  # title alone joins a record with a full text, nothing else
                return other
        return None


def _is_full_text(document: Document) -> bool:
    return bool(document.meta.get("full_text"))


def _merge_meta(first: dict[str, Any], second: dict[str, Any]) -> dict[str, Any]:
    """``first`` wins field by field; ``second`` fills gaps; provenance is the union."""
    merged = {**second, **{k: v for k, v in first.items() if v not in (None, "", [], {})}}
    seen: set[tuple] = set()
    provenance = []
    for entry in [*second.get("provenance", []), *first.get("provenance", [])]:
        mark = (entry.get("file"), entry.get("record"), entry.get("format"))
        if mark not in seen:
            seen.add(mark)
            provenance.append(entry)
    merged["provenance"] = provenance
    for flag in ("full_text", "abstract"):  # true if either copy has it
        if first.get(flag) or second.get(flag):
            merged[flag] = True
    return merged


def merge(old: Document, new: Document) -> Document:
    """One Document from two copies of a paper, keeping ``old``'s id.

    A full text's stored text wins over a record's title and abstract; the record's
    metadata (title, type, year, DOI, authors, keywords ...) fills the gaps. Between two
    records, the earlier one's values stand and the later one fills what it lacks (an
    abstract, a DOI, keywords).
    """
    if _is_full_text(new) and not _is_full_text(old):
        text_from, record, other = new, old, new
    elif _is_full_text(old) and not _is_full_text(new):
        text_from, record, other = old, new, old
    else:
        richer = new if (new.meta.get("abstract") and not old.meta.get("abstract")) else old
        text_from, record, other = richer, old, new
    return dataclasses.replace(
        old,
        title=record.title or other.title,
        text=text_from.text,
        text_hash=text_from.text_hash,
        lang=text_from.lang,
        doc_type=record.doc_type if record.doc_type != "text" else other.doc_type,
        year=record.year or other.year,
        doi=record.doi or other.doi,
        meta=_merge_meta(record.meta, other.meta),
        match_keys=tuple(dict.fromkeys([*old.match_keys, *new.match_keys])),
    )


def same_content(a: Document, b: Document) -> bool:
    """Equal apart from bookkeeping (which file last brought it, when, under which tagger)."""
    skip = {"file_hash", "ingested_at", "tag_key", "source"}
    return all(
        getattr(a, f.name) == getattr(b, f.name)
        for f in dataclasses.fields(Document)
        if f.name not in skip
    )
