"""One paper, one Document: across files, formats and runs; authors keyed within a script."""

from __future__ import annotations

import shutil
from pathlib import Path

from kgreview import ids
from kgreview.ingest.dedup import MatchIndex
from kgreview.pipeline import ingest
from kgreview.store import GraphStore
from tests.conftest import REPO

EXPORTS = REPO / "corpus" / "exports"


def test_author_variants_share_a_key_within_one_script_only() -> None:
    same = {ids.author_id(n) for n in ("Liu, Wei", "Liu Wei", "LIU, WEI", " liu  wei ")}
    assert len(same) == 1
    assert ids.author_id("刘伟") == ids.author_id("刘 伟")
    assert ids.author_id("刘伟") != ids.author_id("Liu Wei")  # never across scripts
    assert ids.author_id("LIU W") != ids.author_id("Liu Wei")  # never from initials alone
    assert ids.author_id("Klöckner, Andreas") == ids.author_id("Klockner, Andreas")


def test_title_key_ignores_punctuation_width_and_case() -> None:
    assert ids.title_key("软组织肉瘤诊治中国专家共识（2015年版）") == ids.title_key(
        "软组织肉瘤诊治中国专家共识(2015年版)"
    )
    assert ids.title_key("Strengths-Based Practice: A Review") == ids.title_key(
        "strengths based practice a review"
    )


def test_match_index_rules() -> None:
    index = MatchIndex()
    record = ids.match_keys(
        doi=None, title="社区治理", first_author="王芳", year=2020, full_text=False
    )
    index.add("doc:a", record)
    no_year = ids.match_keys(
        doi=None, title="社区 治理", first_author="王芳", year=None, full_text=False
    )
    assert index.find(no_year) == "doc:a"
    other_year = ids.match_keys(
        doi=None, title="社区治理", first_author="王芳", year=2021, full_text=False
    )
    assert index.find(other_year) is None
    other_author = ids.match_keys(
        doi=None, title="社区治理", first_author="李强", year=2020, full_text=False
    )
    assert index.find(other_author) is None  # title alone never joins two records
    full_text = ids.match_keys(
        doi=None, title="社区治理", first_author=None, year=None, full_text=True
    )
    assert index.find(full_text) == "doc:a"  # ... but joins a record and its full text
    index.add(
        "doc:b",
        ids.match_keys(doi="10.1234/X", title="T", first_author="A", year=1, full_text=False),
    )
    by_doi = ids.match_keys(
        doi="https://doi.org/10.1234/x",
        title="Other",
        first_author=None,
        year=None,
        full_text=False,
    )
    assert index.find(by_doi) == "doc:b"


def test_samples_merge_across_formats_and_reingest_adds_nothing(store: GraphStore) -> None:
    report = ingest([EXPORTS], store)
    assert not report.failures
    assert report.records == 25 and report.merged == 4
    assert store.stats()["documents"] == 21
    docs = {store.get_document(i).title: store.get_document(i) for i in store.fingerprints()}
    # CNKI NoteExpress + CNKI RIS (no year in the RIS): one document, both provenances.
    strengths = docs["优势视角下社会工作介入老旧小区居民参与的路径研究"]
    assert {p["format"] for p in strengths.meta["provenance"]} == {"noteexpress", "ris"}
    assert strengths.year == 2022 and strengths.meta["abstract"]
    # WoS + BibTeX by DOI.
    wos = next(d for d in docs.values() if d.doi == "10.1093/bjsw/bcad041")
    assert {p["format"] for p in wos.meta["provenance"]} == {"wos", "bibtex"}
    # Record + full text: the full text's text, the record's metadata.
    thesis = docs["增能理论视角下流动儿童家庭教育支持的小组工作研究"]
    assert {p["format"] for p in thesis.meta["provenance"]} == {"noteexpress", "docx"}
    assert "二、小组设计与实施" in thesis.text and thesis.doc_type == "thesis"
    assert thesis.meta["supervisors"] == ["张红梅"] and thesis.year == 2021
    assert store.authors_of(thesis.id) == ["刘伟"]  # the supervisor is not an author
    # Same-script name variants are one Author; 刘伟 stays apart from Liu Wei. (Authors of
    # works the WoS records cite are Author nodes too, but never AUTHORED a corpus document.)
    writers = {name for _, name, _ in store.authorship()}
    supervisors = {n for d in store.document_summaries() for n in store.supervisors_of(d.id)}
    assert len(writers | supervisors) == 31
    again = ingest([EXPORTS], store)
    assert again.unchanged_files == len(list(EXPORTS.iterdir())) and again.documents == 0
    assert store.stats()["documents"] == 21


def test_same_records_in_another_file_are_not_duplicated(store: GraphStore, tmp_path: Path) -> None:
    shutil.copy(EXPORTS / "cnki_noteexpress.net", tmp_path / "a.net")
    ingest([tmp_path / "a.net"], store)
    # Other bytes (CRLF), same records: read, and merged into the stored documents.
    data = (EXPORTS / "cnki_noteexpress.net").read_text(encoding="utf-8")
    (tmp_path / "copy.txt").write_bytes(data.replace("\n", "\r\n").encode("utf-8"))
    report = ingest([tmp_path / "copy.txt"], store)
    assert report.records == 3 and store.stats()["documents"] == 3
    (doc_id,) = [i for i in store.fingerprints() if "刘伟" in store.authors_of(i)]
    files = {Path(p["file"]).name for p in store.get_document(doc_id).meta["provenance"]}
    assert files == {"a.net", "copy.txt"}
    # Reading the changed file again finds nothing new.
    (tmp_path / "copy.txt").write_bytes((tmp_path / "copy.txt").read_bytes() + b"\n")
    third = ingest([tmp_path / "copy.txt"], store)
    assert third.unchanged_documents == 3 and third.documents == 0
