"""Reading REFI-QDA files safely into plain records: ``.qdpx`` (zip), ``.qde`` and ``.qdc``.

Safe by construction: XML goes through defusedxml with DTDs forbidden (no entity expansion, no
external entities: an XML bomb is refused); zip entries are read into memory, never written,
and a file whose entry names would escape a folder (``../``, absolute paths, drive letters) is
refused whole; every entry has a size limit, enforced on the bytes actually inflated. Source
texts are decoded as UTF-8 with a BOM dropped and line ends kept (NVivo counts CRLF as two).
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any
from xml.etree.ElementTree import Element, ParseError, TreeBuilder

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser

from kgreview.export.refi_common import META_NOTE, bare_guid
from kgreview.ingest import ReaderError

MAX_XML_BYTES = 200 * 1024 * 1024
MAX_ENTRIES = 20000
_DRIVE = re.compile(r"^[A-Za-z]:")
_CODE, _CODING = "Code Coding".split()  # noqa: SIM905  (element names, not graph labels)


@dataclass(slots=True)
class QdaSelection:
    guid: str
    start: int
    end: int
    codings: list[tuple[str, str, str, str]] = field(default_factory=list)  # guid, code, user, at
    user: str = ""


@dataclass(slots=True)
class QdaSource:
    guid: str
    name: str
    text: str | None
    problem: str = ""
    selections: list[QdaSelection] = field(default_factory=list)


@dataclass(slots=True)
class QdaProject:
    name: str = ""
    origin: str = ""
    users: dict[str, tuple[str, str]] = field(default_factory=dict)  # guid -> (name, id)
    codes: list[dict[str, Any]] = field(default_factory=list)  # guid, name, description, ...
    variables: dict[str, tuple[str, str]] = field(default_factory=dict)  # guid -> (name, type)
    cases: list[dict[str, Any]] = field(default_factory=list)
    sources: list[QdaSource] = field(default_factory=list)
    notes: list[dict[str, Any]] = field(default_factory=list)
    note_targets: dict[str, tuple[str, str]] = field(default_factory=dict)  # note -> (kind, guid)


def _local(element: Element) -> str:
    tag = element.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""  # comments have no name


def _children(element: Element, name: str) -> list[Element]:
    return [c for c in element if _local(c) == name]


def _child_text(element: Element, name: str) -> str:
    found = _children(element, name)
    return (found[0].text or "") if found else ""


def parse_xml(data: bytes, what: str) -> Element:
    """XML without DTDs, entities or external references; one clear line when refused.
    Comments are kept (a kgreview codebook carries its metadata in one)."""
    try:
        parser = DefusedXMLParser(target=TreeBuilder(insert_comments=True), forbid_dtd=True,
                                  forbid_entities=True, forbid_external=True)  # fmt: skip
        parser.feed(data)
        return parser.close()
    except DefusedXmlException as exc:
        raise ReaderError(
            f"refused {what}: it declares a DTD or entities ({type(exc).__name__}); "
            "entity expansion and external entities are never followed",
            line=1,
        ) from exc
    except ParseError as exc:
        raise ReaderError(f"{what} is not well-formed XML: {exc}", line=1) from exc
    except ValueError as exc:  # expat reads UTF-8/UTF-16/Latin-1 only ("multi-byte encodings")
        raise ReaderError(f"{what}: unsupported XML encoding declaration ({exc}); "
                          "save it as UTF-8", line=1) from exc  # fmt: skip


class ProjectArchive:
    """The entries of a ``.qdpx``, checked before anything is read."""

    def __init__(self, path: Path, max_entry_bytes: int) -> None:
        try:
            self.zip = zipfile.ZipFile(path)
        except (zipfile.BadZipFile, OSError) as exc:
            raise ReaderError(f"not a REFI-QDA project (.qdpx is a zip): {exc}", line=1) from exc
        infos = self.zip.infolist()
        if len(infos) > MAX_ENTRIES:
            raise ReaderError(f"refused: {len(infos)} zip entries (limit {MAX_ENTRIES})", line=1)
        for info in infos:
            name = info.filename
            parts = PurePosixPath(name.replace("\\", "/")).parts
            if name.startswith(("/", "\\")) or _DRIVE.match(name) or ".." in parts:
                raise ReaderError(
                    f"refused: zip entry {name!r} would land outside the project folder", line=1
                )
        self.by_name = {i.filename.replace("\\", "/").casefold(): i for i in infos}
        self.limit = max_entry_bytes

    def read(self, name: str, limit: int | None = None) -> bytes | None:
        """An entry's bytes (names matched case-insensitively: ``Sources/`` or ``sources/``)."""
        info = self.by_name.get(name.replace("\\", "/").casefold())
        if info is None:
            return None
        limit = limit or self.limit
        if info.file_size > limit:
            raise ReaderError(f"refused: zip entry {info.filename!r} is larger than {limit} bytes")
        with self.zip.open(info) as handle:
            data = handle.read(limit + 1)  # the header may lie: count what inflates
        if len(data) > limit:
            raise ReaderError(f"refused: zip entry {info.filename!r} inflates beyond {limit} bytes")
        return data


def source_text(data: bytes) -> str:
    return data.decode("utf-8-sig")  # BOM dropped, CRLF kept: NVivo's positions count both


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


def _codes(parent: Element, parent_guid: str | None, project: QdaProject) -> None:
    for code in _children(parent, _CODE):
        guid = bare_guid(code.get("guid", ""))
        project.codes.append({
            "guid": guid, "name": code.get("name", ""), "parent": parent_guid,
            "description": _child_text(code, "Description"), "color": code.get("color", ""),
        })  # fmt: skip
        for ref in _children(code, "NoteRef"):
            project.note_targets[bare_guid(ref.get("targetGUID", ""))] = ("code", guid)
        _codes(code, guid, project)


def read_codebook(root: Element, project: QdaProject) -> None:
    """Codes of a ``<CodeBook>`` (``.qdc``) or a project's ``<CodeBook>``."""
    for codes in _children(root, "Codes"):
        _codes(codes, None, project)


def _text_of(
    element: Element, archive: ProjectArchive | None, limit: int
) -> tuple[str | None, str]:
    """A source's or note's plain text: inline, or ``internal://`` in the archive."""
    inline = _children(element, "PlainTextContent")
    if inline:
        return inline[0].text or "", ""
    path = element.get("plainTextPath", "")
    if not path.startswith("internal://"):
        return None, f"plain text not inside the project ({path or 'no plainTextPath'})"
    name = path[len("internal://") :]
    data = archive.read(f"sources/{name}", limit) if archive else None
    if data is None:
        return None, f"Sources/{name} is missing from the project"
    try:
        return source_text(data), ""
    except UnicodeDecodeError as exc:
        return None, f"Sources/{name} is not UTF-8: {exc}"


def _selections(source: Element, into: QdaSource, project: QdaProject) -> None:
    whole = QdaSelection(into.guid + ":whole", 0, -1)
    for coding in _children(source, _CODING):  # a coding of the whole source
        _coding(coding, whole, project, source.get("creatingUser", ""))
    if whole.codings:
        into.selections.append(whole)
    for sel in _children(source, "PlainTextSelection"):
        start, end = _int(sel.get("startPosition")), _int(sel.get("endPosition"))
        guid = bare_guid(sel.get("guid", ""))
        selection = QdaSelection(guid, -1 if start is None else start, -1 if end is None else end,
                                 user=bare_guid(sel.get("creatingUser", "")))  # fmt: skip
        for coding in _children(sel, _CODING):
            _coding(coding, selection, project, sel.get("creatingUser", ""))
        for ref in _children(sel, "NoteRef"):
            project.note_targets[bare_guid(ref.get("targetGUID", ""))] = ("selection", guid)
        into.selections.append(selection)


def _coding(coding: Element, selection: QdaSelection, project: QdaProject, user: str) -> None:
    guid = bare_guid(coding.get("guid", ""))
    refs = _children(coding, "CodeRef")
    code = bare_guid(refs[0].get("targetGUID", "")) if refs else ""
    who = bare_guid(coding.get("creatingUser") or user or "")
    selection.codings.append((guid, code, who, coding.get("creationDateTime", "")))
    for ref in _children(coding, "NoteRef"):
        project.note_targets[bare_guid(ref.get("targetGUID", ""))] = ("coding", guid)


def read_project(root: Element, archive: ProjectArchive | None, text_limit: int) -> QdaProject:
    """Users, codes, variables, cases, text sources (with their texts) and notes."""
    project = QdaProject(name=root.get("name", ""), origin=root.get("origin", ""))
    for users in _children(root, "Users"):
        for user in _children(users, "User"):
            project.users[bare_guid(user.get("guid", ""))] = (
                user.get("name", ""),
                user.get("id", ""),
            )
    for book in _children(root, "CodeBook"):
        read_codebook(book, project)
    for variables in _children(root, "Variables"):
        for var in _children(variables, "Variable"):
            project.variables[bare_guid(var.get("guid", ""))] = (
                var.get("name", ""), var.get("typeOfVariable", "Text"))  # fmt: skip
    for cases in _children(root, "Cases"):
        for case in _children(cases, "Case"):
            values = []
            for value in _children(case, "VariableValue"):
                ref = _children(value, "VariableRef")
                typed = [c for c in value if _local(c) != "VariableRef"]
                if ref and typed:
                    values.append((bare_guid(ref[0].get("targetGUID", "")), _local(typed[0]),
                                   typed[0].text or ""))  # fmt: skip
            sources = [bare_guid(r.get("targetGUID", "")) for r in _children(case, "SourceRef")]
            project.cases.append({"guid": bare_guid(case.get("guid", "")),
                                  "name": case.get("name", ""), "values": values,
                                  "sources": sources})  # fmt: skip
    for sources in _children(root, "Sources"):
        for element in _children(sources, "TextSource"):
            guid = bare_guid(element.get("guid", ""))
            text, problem = _text_of(element, archive, text_limit)
            source = QdaSource(guid, element.get("name", ""), text, problem)
            _selections(element, source, project)
            for ref in _children(element, "NoteRef"):
                project.note_targets[bare_guid(ref.get("targetGUID", ""))] = ("source", guid)
            project.sources.append(source)
    for notes in _children(root, "Notes"):
        for note in _children(notes, "Note"):
            text, problem = _text_of(note, archive, text_limit)
            project.notes.append({"guid": bare_guid(note.get("guid", "")),
                                  "name": note.get("name", ""), "text": text or "",
                                  "user": bare_guid(note.get("creatingUser", "")),
                                  "created": note.get("creationDateTime", "")})  # fmt: skip
    for ref in _children(root, "NoteRef"):
        project.note_targets[bare_guid(ref.get("targetGUID", ""))] = ("project", "")
    return project


def load(path: Path, max_entry_bytes: int) -> QdaProject:
    """A ``.qdpx`` (zip), a bare ``project.qde`` or a ``.qdc`` codebook."""
    with open(path, "rb") as handle:
        head = handle.read(4)
    if head.startswith(b"PK"):
        archive = ProjectArchive(path, max_entry_bytes)
        data = archive.read("project.qde", MAX_XML_BYTES)
        if data is None:
            raise ReaderError("not a REFI-QDA project: no project.qde in the zip", line=1)
        return read_project(parse_xml(data, "project.qde"), archive, max_entry_bytes)
    if path.stat().st_size > MAX_XML_BYTES:
        raise ReaderError(f"refused: larger than {MAX_XML_BYTES} bytes", line=1)
    root = parse_xml(path.read_bytes(), path.name)
    if _local(root) == "CodeBook":
        project = QdaProject(name=path.stem, origin=root.get("origin", ""))
        read_codebook(root, project)
        for comment in (c for c in root if not isinstance(c.tag, str)):
            name, _, text = (comment.text or "").strip().partition(" ")
            if name == META_NOTE:
                project.notes.append({"guid": "", "name": name, "text": text, "user": "",
                                      "created": ""})  # fmt: skip
        return project
    if _local(root) != "Project":
        raise ReaderError(f"not a REFI-QDA file: root element <{_local(root)}>", line=1)
    return read_project(root, None, max_entry_bytes)
