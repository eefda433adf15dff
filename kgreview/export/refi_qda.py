"""REFI-QDA export: a codebook (``.qdc``) and a whole project (``.qdpx``) out of a store.

``.qdpx`` is a zip of ``project.qde`` and ``Sources/<guid>.txt``: users are the coders, the
codebook keeps the hierarchy (``parent``) and colours, each stored document is a text source
whose plain text is written exactly as stored (UTF-8, no BOM, line ends untouched) so every
``startPosition``/``endPosition`` is the coding's own span; codings hang off plain-text
selections by user; memos are notes referenced from their code, source, coding or selection;
participants are cases with their attributes as variables. Manual codings only, unless
``include_auto`` (the tagger's suggestions then come as a user of their own).
"""

from __future__ import annotations

import json
import zipfile
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from lxml import etree
from lxml.builder import ElementMaker

from kgreview.export.refi_common import (
    CODEBOOK_NS,
    META_NOTE,
    META_VERSION,
    ORIGIN,
    PROJECT_NS,
    code_name,
    guid,
    xsd_datetime,
)  # fmt: skip
from kgreview.model import Code, Coder, Coding, Document, Memo, Origin, Participant
from kgreview.store.base import GraphStore

_TYPES = {bool: "Boolean", int: "Integer", float: "Float"}


@dataclass(slots=True)
class ExportSummary:
    codes: int = 0
    sources: int = 0
    codings: int = 0
    users: int = 0
    notes: int = 0
    cases: int = 0


def _code_elements(E: ElementMaker, codes: list[Code], notes_for: dict) -> list:
    """The code tree: children under their parent, roots (and orphans) at the top."""
    known = {c.id for c in codes}
    children: dict[str | None, list[Code]] = defaultdict(list)
    for code in codes:
        children[code.parent if code.parent in known and code.parent != code.id else None].append(
            code
        )

    def element(code: Code, seen: frozenset[str]) -> Any:
        attrs = {"guid": guid("code", code.id), "isCodable": "true",
                 "name": code_name(code.label_en, code.label_zh, code.id)}  # fmt: skip
        if code.color:
            attrs["color"] = code.color
        node = E.Code(attrs)
        if code.description:
            node.append(E.Description(code.description))
        for note in notes_for.get(code.id, ()):
            node.append(E.NoteRef(targetGUID=note))
        for child in children.get(code.id, ()):
            if child.id not in seen:  # a cycle in parents never loops forever
                node.append(element(child, seen | {child.id}))
        return node

    return [element(code, frozenset({code.id})) for code in children[None]]


def codebook_xml(codes: list[Code]) -> bytes:
    """A ``.qdc`` codebook document."""
    E = ElementMaker(namespace=CODEBOOK_NS, nsmap={None: CODEBOOK_NS})
    root = E.CodeBook(E.Codes(*_code_elements(E, codes, {})), origin=ORIGIN)
    # Our ids travel in a comment (a codebook has no notes); "--" may not occur in one.
    meta = {
        "version": META_VERSION,
        "codes": {guid("code", c.id): [c.id, c.category, c.label_en, c.label_zh] for c in codes},
    }
    text = json.dumps(meta, ensure_ascii=False, sort_keys=True).replace("--", "-\\u002d")
    root.insert(0, etree.Comment(f" {META_NOTE} {text} "))
    return etree.tostring(root, xml_declaration=True, encoding="utf-8", pretty_print=True)


def export_qdc(store: GraphStore, out: Path) -> ExportSummary:
    codes = store.list_codes()
    if not codes:
        raise ValueError("the store has no codes to export")
    Path(out).write_bytes(codebook_xml(codes))
    return ExportSummary(codes=len(codes))


def _value(E: ElementMaker, value: Any, kind: str) -> Any:
    if kind == "Boolean":
        return E.BooleanValue("true" if value else "false")
    if kind == "Integer":
        return E.IntegerValue(str(int(value)))
    if kind == "Float":
        return E.FloatValue(repr(float(value)))
    return E.TextValue(str(value))


class _Project:
    """Everything one export writes, read from the store once."""

    def __init__(self, store: GraphStore, include_auto: bool, doc_types: set[str] | None):
        self.codes = store.list_codes()
        summaries = [
            s for s in store.document_summaries() if not doc_types or s.doc_type in doc_types
        ]
        self.documents: list[Document] = [
            d for s in summaries if (d := store.get_document(s.id)) is not None
        ]
        self.codings: dict[str, list[Coding]] = {
            d.id: [c for c in store.codings_for_document(d.id)
                   if include_auto or c.origin == Origin.MANUAL]
            for d in self.documents
        }  # fmt: skip
        self.participants: list[Participant] = [
            p for d in self.documents for p in store.participants_of(d.id)
        ]
        doc_ids = {d.id for d in self.documents}
        self.memos: list[Memo] = store.memos()
        named = {c.id: c for c in store.list_coders()}
        users = {c.coder for cs in self.codings.values() for c in cs} | {
            m.author for m in self.memos
        }
        users |= {c.id for c in named.values() if c.name and c.kind == "human"}  # named people
        self.coders = [named.get(u) or Coder(u) for u in sorted(users)]
        self.segments = {}  # segment id -> (document, start, end), only for memos on segments
        targets = {m.target_id for m in self.memos}
        if any(t.startswith("seg:") for t in targets):
            for doc_id in doc_ids:
                for s in store.segments_of(doc_id):
                    self.segments[s.id] = (doc_id, s.start, s.end)


def project_xml(project: _Project, name: str) -> bytes:
    E = ElementMaker(namespace=PROJECT_NS, nsmap={None: PROJECT_NS})
    user = {c.id: guid("user", c.id) for c in project.coders}
    note_guid = {m.id: guid("memo", m.id) for m in project.memos}
    coding_ids = {c.id for cs in project.codings.values() for c in cs}
    notes_for: dict[str, list[str]] = defaultdict(list)
    for memo in project.memos:
        notes_for[memo.target_id].append(note_guid[memo.id])
    meta: dict[str, Any] = {"version": META_VERSION, "codes": {}, "sources": {}, "users": {},
                            "codings": {}, "notes": {}}  # fmt: skip
    for code in project.codes:
        meta["codes"][guid("code", code.id)] = [code.id, code.category, code.label_en,
                                                code.label_zh]  # fmt: skip
    root = E.Project(name=name, origin=ORIGIN,
                     creationDateTime=datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"))  # fmt: skip
    if project.coders:
        root.append(E.Users(*[E.User(guid=user[c.id], id=c.id, name=c.name or c.id)
                              for c in project.coders]))  # fmt: skip
        meta["users"] = {user[c.id]: [c.id, c.kind, c.name] for c in project.coders}
    if project.codes:
        root.append(E.CodeBook(E.Codes(*_code_elements(E, project.codes, notes_for))))
    _cases(E, project, root)
    sources = []
    for doc in project.documents:
        source_guid = guid("source", doc.id)
        meta["sources"][source_guid] = [doc.id, doc.doc_type, doc.lang, doc.year, doc.doi]
        source = E.TextSource(guid=source_guid, name=doc.title or doc.id,
                              plainTextPath=f"internal://{source_guid}.txt")  # fmt: skip
        spans: dict[tuple[int, int], list[Any]] = defaultdict(list)
        for c in project.codings[doc.id]:
            coding = E.Coding(E.CodeRef(targetGUID=guid("code", c.code_id)),
                              guid=guid("coding", c.id), creatingUser=user[c.coder])  # fmt: skip
            if when := xsd_datetime(c.created):
                coding.set("creationDateTime", when)
            coding.extend(E.NoteRef(targetGUID=n) for n in notes_for.get(c.id, ()))
            spans[(c.start, c.end)].append(coding)
            meta["codings"][guid("coding", c.id)] = [c.polarity, c.origin, c.confidence,
                                                     c.created, c.segment_id]  # fmt: skip
        for seg_id, (doc_id, start, end) in project.segments.items():
            if doc_id == doc.id and seg_id in notes_for:
                spans[(start, end)].extend(E.NoteRef(targetGUID=n) for n in notes_for[seg_id])
        for (start, end), parts in sorted(spans.items()):
            selection = E.PlainTextSelection(
                guid=guid("selection", doc.id, start, end),
                name="",
                startPosition=str(start),
                endPosition=str(end),
            )
            # Codings first, then the selection's own notes (the schema's order).
            selection.extend(sorted(parts, key=lambda e: e.tag.endswith("NoteRef")))
            source.append(selection)
        source.extend(E.NoteRef(targetGUID=n) for n in notes_for.get(doc.id, ()))
        sources.append(source)
    if sources:
        root.append(E.Sources(*sources))
    placed = {*notes_for.keys()} & (
        {c.id for c in project.codes}
        | coding_ids
        | {d.id for d in project.documents}
        | set(project.segments)
    )
    notes = []
    for memo in project.memos:
        note = E.Note(E.PlainTextContent(memo.text), guid=note_guid[memo.id],
                      name=memo.text.split("\n", 1)[0][:60])  # fmt: skip
        if memo.author in user:
            note.set("creatingUser", user[memo.author])
        if when := xsd_datetime(memo.created):
            note.set("creationDateTime", when)
        notes.append(note)
        meta["notes"][note_guid[memo.id]] = [memo.id, memo.target_id, memo.author, memo.created]
    meta_guid = guid("meta", name)
    notes.append(E.Note(E.PlainTextContent(json.dumps(meta, ensure_ascii=False, sort_keys=True)),
                        guid=meta_guid, name=META_NOTE))  # fmt: skip
    root.append(E.Notes(*notes))
    for memo in project.memos:
        if memo.target_id not in placed:  # a memo on something not exported: the project's
            root.append(E.NoteRef(targetGUID=note_guid[memo.id]))
    return etree.tostring(root, xml_declaration=True, encoding="utf-8", pretty_print=True)


def _cases(E: ElementMaker, project: _Project, root: Any) -> None:
    """Participants as cases; their attributes as variables typed by their values."""
    kinds: dict[str, set[str]] = defaultdict(set)
    for p in project.participants:
        for key, value in p.attributes.items():
            kinds[key].add(_TYPES.get(type(value), "Text"))
    if not project.participants:
        return
    kind = {k: (v.pop() if len(v) == 1 else "Text") for k, v in kinds.items()}
    if kind:
        root.append(E.Variables(*[E.Variable(guid=guid("variable", k), name=k, typeOfVariable=t)
                                  for k, t in sorted(kind.items())]))  # fmt: skip
    cases = []
    for p in project.participants:
        case = E.Case(guid=guid("case", p.id), name=p.label)
        for key, value in sorted(p.attributes.items()):
            case.append(E.VariableValue(E.VariableRef(targetGUID=guid("variable", key)),
                                        _value(E, value, kind[key])))  # fmt: skip
        case.append(E.SourceRef(targetGUID=guid("source", p.document_id)))
        cases.append(case)
    root.append(E.Cases(*cases))


def export_qdpx(
    store: GraphStore,
    out: Path,
    *,
    include_auto: bool = False,
    doc_types: set[str] | None = None,
    name: str = "kgreview project",
) -> ExportSummary:
    """Write the store (its documents of ``doc_types``, or all) as a ``.qdpx`` project."""
    project = _Project(store, include_auto, doc_types)
    xml = project_xml(project, name)
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("project.qde", xml)
        for doc in project.documents:
            archive.writestr(f"Sources/{guid('source', doc.id)}.txt", doc.text.encode("utf-8"))
    return ExportSummary(
        codes=len(project.codes), sources=len(project.documents),
        codings=sum(map(len, project.codings.values())), users=len(project.coders),
        notes=len(project.memos), cases=len(project.participants),
    )  # fmt: skip
