"""A read-only view of a store in which every export reads anonymised data (``--anonymise``).

Names are collected once from the whole store — participants (role words such as
"Interviewer" are no names), case sites (Site nodes), the interview place of each transcript
header, named 小区/街道/社区 in the texts — so one name gets one pseudonym across the export.
Texts, titles, memos, metadata and every span (segments, codings, evidence) are carried over
by :mod:`kgreview.export.anonymise`, so ``text[start:end] == evidence`` holds on the
anonymised text. Writes are refused: an export never changes the store.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import Any

from kgreview import ids
from kgreview.export.anonymise import (
    PEOPLE,
    PLACES,
    OffsetMap,
    anonymise_text,
    header_place,
    place_names,
    pseudonyms,
    respan,
)
from kgreview.ingest.transcript_parse import role_of
from kgreview.model import Document
from kgreview.store.base import GraphStore

_WRITES = ("upsert", "add_", "delete", "replace", "recode", "clear", "import_", "link_")


class AnonymisedStore:
    """Wraps a GraphStore; the reads exports use come back anonymised, other reads pass."""

    def __init__(self, store: GraphStore) -> None:
        self._store = store
        self._texts: dict[str, tuple[str, OffsetMap]] = {}
        names: list[tuple[str, str]] = []
        documents = sorted(store.document_summaries(), key=lambda d: d.id)
        for summary in documents:
            names += [(p.label, PEOPLE) for p in store.participants_of(summary.id)
                      if not role_of(p.label)]  # fmt: skip
        for summary in documents:
            names += [(name, PLACES) for name, _ in store.sites_of(summary.id)]
            document = store.get_document(summary.id)
            if document is None:
                continue
            place = str((document.meta.get("interview") or {}).get("place") or "")
            names += [(name, PLACES) for name in header_place(place)]
            names += [(name, PLACES) for name in place_names(document.text)]
        self.table = pseudonyms(names)

    def __getattr__(self, name: str) -> Any:
        if name.startswith(_WRITES):
            raise AttributeError(f"{name}: an anonymised view is read-only")
        return getattr(self._store, name)

    # --- the pure parts, applied ------------------------------------------------------------
    def text(self, value: str) -> str:
        """Any free text (a title, a memo) with the names replaced."""
        return anonymise_text(value, self.table)[0] if value else value

    def _of(self, document_id: str, read: Document | None = None) -> tuple[str, OffsetMap]:
        if document_id not in self._texts:
            document = read or self._store.get_document(document_id)
            text = document.text if document else ""
            self._texts[document_id] = anonymise_text(text, self.table)
        return self._texts[document_id]

    def _meta(self, value: Any, offsets: OffsetMap) -> Any:
        if isinstance(value, str):
            return self.text(value)
        if isinstance(value, dict):
            return {k: self._meta(v, offsets) for k, v in value.items() if k != "file"}
        if isinstance(value, list):
            return [self._meta(v, offsets) for v in value]
        return value

    # --- reads ------------------------------------------------------------------------------
    def get_document(self, document_id: str):
        """The document with its text, title and metadata anonymised, source dropped."""
        document = self._store.get_document(document_id)
        return None if document is None else self._document(document)

    def get_documents(self, document_ids: Sequence[str]) -> list:
        return [self._document(d) for d in self._store.get_documents(document_ids)]

    def document_details(self, document_ids: Sequence[str]) -> list:
        # The batched read, with each part anonymised as its per-document read is.
        return [
            dataclasses.replace(
                d, document=self._document(d.document), codings=tuple(self._codings(d.codings)),
                sites=tuple((self.table.get(n, n), city) for n, city in d.sites),
            )
            for d in self._store.document_details(document_ids)
        ]  # fmt: skip

    def _document(self, document: Document) -> Document:
        document_id = document.id
        text, offsets = self._of(document_id, document)
        meta = self._meta(dict(document.meta), offsets)
        turns = []
        for start, end, speaker, *rest in document.meta.get("turns") or ():
            new_start, new_end = offsets.span(start, end)
            turns.append([new_start, new_end, self.table.get(speaker, speaker), *rest])
        if turns:
            meta["turns"] = turns
        for person in meta.get("participants") or ():
            if isinstance(person, dict) and "label" in person:
                person["label"] = self.table.get(person["label"], person["label"])
        return dataclasses.replace(
            document, text=text, title=self.text(document.title), meta=meta,
            source=document.id, text_hash=ids.text_hash(text),
        )  # fmt: skip

    def document_summaries(self) -> list:
        return [dataclasses.replace(d, title=self.text(d.title), source=d.id)
                for d in self._store.document_summaries()]  # fmt: skip

    def segments_of(self, document_id: str) -> list:
        _, offsets = self._of(document_id)
        return [
            dataclasses.replace(respan(s, "", offsets, None),
                                speaker=self.table.get(s.speaker, s.speaker) if s.speaker else None)
            for s in self._store.segments_of(document_id)
        ]  # fmt: skip

    def _codings(self, codings: Sequence) -> list:
        return [respan(c, *self._of(c.document_id)) for c in codings]

    def codings_for_document(self, document_id: str) -> list:
        return self._codings(self._store.codings_for_document(document_id))

    def codings_by_coder(self, coder: str) -> list:
        return self._codings(self._store.codings_by_coder(coder))

    def evidence_for_code(self, code_id: str, limit: int | None = None) -> list:
        return [dataclasses.replace(respan(e, *self._of(e.document_id)), title=self.text(e.title))
                for e in self._store.evidence_for_code(code_id, limit)]  # fmt: skip

    def participants_of(self, document_id: str) -> list:
        return [dataclasses.replace(p, label=self.table.get(p.label, p.label))
                for p in self._store.participants_of(document_id)]  # fmt: skip

    def sites_of(self, document_id: str) -> list[tuple[str, str]]:
        return [(self.table.get(n, n), city) for n, city in self._store.sites_of(document_id)]

    def memos(self) -> list:
        return [dataclasses.replace(m, text=self.text(m.text)) for m in self._store.memos()]

    def memos_for(self, target_id: str | None = None) -> list:
        return [dataclasses.replace(m, text=self.text(m.text))
                for m in self._store.memos_for(target_id)]  # fmt: skip


def anonymised(store: GraphStore, anonymise: bool) -> GraphStore:
    """``store`` itself, or its anonymised view when ``--anonymise`` was given."""
    return AnonymisedStore(store) if anonymise else store  # type: ignore[return-value]
