"""REFI-QDA import: ``.qdpx`` projects and ``.qdc`` codebooks from NVivo, ATLAS.ti, MAXQDA,
QualCoder — or from kgreview itself — into a store (``kgreview ingest`` reaches it too).

Users become coders and their codings manual codings; each text source becomes a document
whose text is stored exactly as it came (BOM dropped, CRLF kept), so every selection's
positions stay exact; codes keep their nesting, descriptions and colours; cases become the
participants of the sources they refer to, with their variables as typed attributes; notes
become memos on what refers to them. A kgreview export's metadata note restores our ids.
Problems in one selection or source are one line each; the rest still goes in.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from kgreview import ids
from kgreview.export.refi_common import META_NOTE, META_VERSION, guid, labels_from_name
from kgreview.ingest import Item, ReadOptions
from kgreview.ingest.refi_read import QdaProject, QdaSource, load
from kgreview.ingest.transcript import transcript_meta
from kgreview.ingest.transcript_parse import parse_transcript
from kgreview.model import Code, Coder, Coding, Document, Memo, Origin, Participant
from kgreview.nlp.lang import detect_lang

_BOOL = {"true": True, "1": True, "false": False, "0": False}


@dataclass(slots=True)
class ImportReport:
    codes: int = 0
    sources: int = 0
    codings: int = 0
    coders: int = 0
    memos: int = 0
    participants: int = 0
    failures: list[str] = field(default_factory=list)


def _typed(kind: str, text: str) -> Any:
    try:
        if kind == "IntegerValue":
            return int(text)
        if kind == "FloatValue":
            return float(text)
    except ValueError:
        return text
    return _BOOL.get(text.strip().lower(), text) if kind == "BooleanValue" else text


class _Mapping:
    """From the file's GUIDs to our ids (the metadata note first, else made from GUIDs)."""

    def __init__(self, project: QdaProject, known_codes: dict[str, str]) -> None:
        note = next((n for n in project.notes if n["name"] == META_NOTE), None)
        meta: dict[str, Any] = {}
        if note:
            try:
                meta = json.loads(note["text"])
            except ValueError:
                meta = {}
        self.meta = meta if meta.get("version") == META_VERSION else {}
        self.coder = {g: self._coder(g, name, uid) for g, (name, uid) in project.users.items()}
        self.code: dict[str, str] = {}
        for code in project.codes:
            entry = self.meta.get("codes", {}).get(code["guid"])
            self.code[code["guid"]] = (
                entry[0] if entry else known_codes.get(code["guid"], f"refi:{code['guid']}")
            )

    def _coder(self, g: str, name: str, uid: str) -> Coder:
        entry = self.meta.get("users", {}).get(g)
        if entry:
            return Coder(entry[0], entry[2] if len(entry) > 2 else name, entry[1])
        return Coder(uid or name or g, name or uid or g)

    def coder_id(self, g: str) -> str:
        return self.coder[g].id if g in self.coder else g or "unknown"

    def codes(self, project: QdaProject) -> list[Code]:
        out = []
        for code in project.codes:
            entry = self.meta.get("codes", {}).get(code["guid"])
            _, category, label_en, label_zh = entry or (
                None,
                "qda",
                *labels_from_name(code["name"]),
            )
            out.append(Code(self.code[code["guid"]], category, label_en, label_zh,
                            self.code.get(code["parent"]) if code["parent"] else None,
                            code["description"], code["color"]))  # fmt: skip
        return out


def source_document(
    path: Path, project: QdaProject, source: QdaSource, mapping: _Mapping
) -> Document:
    text = source.text or ""
    entry = mapping.meta.get("sources", {}).get(source.guid)
    doc_id = entry[0] if entry else ids.document_id(text=text)
    meta: dict[str, Any] = {
        "refi": {"guid": source.guid, "project": project.name, "origin": project.origin},
        "provenance": [{"file": str(path), "record": 1, "line": 1, "format": "qdpx"}],
    }
    parsed = parse_transcript(text)
    if parsed is not None:
        meta.update(transcript_meta(parsed))
        meta.pop("year", None)
    doc_type, lang, year, doi = entry[1:5] if entry else (
        "transcript" if parsed else "text", detect_lang(text), None, None)  # fmt: skip
    return Document(
        id=doc_id, title=source.name or doc_id, text=text, lang=lang, doc_type=doc_type,
        year=year, doi=doi, source=f"{path}#{source.name}", text_hash=ids.text_hash(text),
        meta=meta, match_keys=ids.match_keys(doi=doi, title=source.name, first_author=None,
                                             year=year, full_text=True),
    )  # fmt: skip


def read(path: Path, options: ReadOptions) -> Iterator[Item]:
    """The text sources of a project as documents (codes and codings: :func:`import_project`)."""
    project = load(path, options.max_text_bytes)
    mapping = _Mapping(project, {})
    for source in project.sources:
        if source.text is not None:
            yield source_document(path, project, source, mapping)


def codings_of(source: QdaSource, doc: Document, mapping: _Mapping, report: ImportReport) -> list:
    """(coding guid, selection guid, Coding) for every coding of a source with a valid span."""
    text, out = doc.text, []
    for sel in source.selections:
        start, end = (0, len(text)) if sel.end == -1 and sel.start == 0 else (sel.start, sel.end)
        if not 0 <= start < end <= len(text):
            report.failures.append(
                f"{source.name}: selection {sel.guid}: positions {sel.start}-{sel.end} "
                f"outside the text ({len(text)} characters); skipped"
            )
            continue
        for coding_guid, code_guid, user, at in sel.codings:
            if code_guid not in mapping.code:
                report.failures.append(f"{source.name}: coding {coding_guid}: unknown code "
                                       f"{code_guid}; skipped")  # fmt: skip
                continue
            code, coder = mapping.code[code_guid], mapping.coder_id(user)
            extra = mapping.meta.get("codings", {}).get(coding_guid)
            polarity, origin, confidence, created, segment = extra or (
                "uses", Origin.MANUAL.value, 1.0, at, None)  # fmt: skip
            out.append((coding_guid, sel.guid, Coding(
                ids.coding_id(doc.id, start, end, code, coder), doc.id, segment, code, coder,
                start, end, text[start:end], polarity, origin, confidence, created)))  # fmt: skip
    return out


def in_segments(codings: list[Coding], segments: tuple) -> list[Coding]:
    """Each coding's segment: the one the metadata names, else the smallest that holds it."""
    known = {s.id for s in segments}
    placed = []
    for c in codings:
        if c.segment_id not in known:
            holding = [s for s in segments if s.start <= c.start and c.end <= s.end]
            best = min(holding, key=lambda s: s.end - s.start, default=None)
            c = replace(c, segment_id=best.id if best else None)
        placed.append(c)
    return placed


def project_records(path: Path, store: Any, max_entry_bytes: int) -> tuple:
    """(project, mapping): the file read and its GUIDs mapped (store codes reused by GUID)."""
    project = load(path, max_entry_bytes)
    known = {guid("code", c.id): c.id for c in store.list_codes()}
    return project, _Mapping(project, known)


def memos_of(project: QdaProject, mapping: _Mapping, targets: dict[tuple[str, str], str]) -> list:
    """Notes as memos on what refers to them (the metadata note itself excluded)."""
    memos = []
    for note in project.notes:
        if note["name"] == META_NOTE:
            continue
        entry = mapping.meta.get("notes", {}).get(note["guid"])
        if entry:
            memos.append(Memo(*entry[:2], entry[2], note["text"], entry[3]))
            continue
        kind, target = project.note_targets.get(note["guid"], ("project", ""))
        target_id = targets.get((kind, target), f"project:{project.name or 'refi'}")
        memos.append(Memo(f"memo:{note['guid']}", target_id, mapping.coder_id(note["user"]),
                          note["text"], note["created"]))  # fmt: skip
    return memos


def participants_of(project: QdaProject, doc_ids: dict[str, str]) -> dict[str, list[Participant]]:
    """Cases as participants of the documents their sources became."""
    out: dict[str, list[Participant]] = {}
    for case in project.cases:
        attributes = {project.variables[v][0]: _typed(kind, text)
                      for v, kind, text in case["values"] if v in project.variables}  # fmt: skip
        for source in case["sources"]:
            if source in doc_ids:
                doc_id = doc_ids[source]
                out.setdefault(doc_id, []).append(
                    Participant(
                        ids.participant_id(doc_id, case["name"]), doc_id, case["name"], attributes
                    )
                )
    return out
