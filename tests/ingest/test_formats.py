"""Our own sample exports (corpus/exports): CNKI flavours, theses, tables, full texts."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kgreview.ingest import ReadOptions, RecordFailure
from kgreview.ingest.detect import detect_format
from kgreview.model import Document
from kgreview.pipeline import read_documents
from tests.conftest import REPO

EXPORTS = REPO / "corpus" / "exports"

SAMPLES = {
    "cnki_noteexpress.net": ("noteexpress", 3),
    "cnki_endnote.txt": ("refer", 2),
    "cnki_refworks.txt": ("refworks", 2),
    "cnki_custom.txt": ("cnki_custom", 2),
    "cnki_ris.ris": ("ris", 2),
    "cnki_table.csv": ("csv", 2),
    "cnki_table.xlsx": ("xlsx", 2),
    "wos_savedrecs.txt": ("wos", 2),
    "wos_tab_savedrecs.txt": ("wos_tab", 2),
    "scopus_export.csv": ("scopus", 2),
    "zotero_library.bib": ("bibtex", 2),
    "liu_wei_thesis_fulltext.docx": ("docx", 1),
    "caregiver_group_note.pdf": ("pdf", 1),
}


def read(path: Path, **options) -> list[Document]:
    items = list(read_documents(path, ReadOptions(**options)))
    assert [i for i in items if isinstance(i, RecordFailure)] == []
    return items  # type: ignore[return-value]


def test_every_sample_is_listed() -> None:
    assert {p.name for p in EXPORTS.iterdir()} == set(SAMPLES)


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_sample_detected_and_read(name: str) -> None:
    fmt, count = SAMPLES[name]
    assert detect_format(EXPORTS / name) == fmt
    assert len(read(EXPORTS / name)) == count


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_detection_ignores_a_misleading_extension(name: str, tmp_path: Path) -> None:
    fmt, _ = SAMPLES[name]
    disguised = tmp_path / (Path(name).stem + (".ris" if fmt != "ris" else ".bib"))
    shutil.copy(EXPORTS / name, disguised)
    # A generic CSV carries no signature of its own: its extension is all there is.
    expected = fmt if fmt != "csv" else "ris"
    assert detect_format(disguised) == expected


def test_thesis_supervisor_is_never_an_author() -> None:
    by_format = {
        "cnki_noteexpress.net": ("刘伟", "张红梅", "南京师范大学", "硕士"),
        "cnki_endnote.txt": ("周雨", "黄晓春", "华东理工大学", "硕士"),
        "cnki_refworks.txt": ("何静", "王思斌", "北京大学", "博士"),
        "cnki_custom.txt": ("杨柳", "李晓凤", "深圳大学", "硕士"),
        "zotero_library.bib": ("何静", "王思斌", "北京大学", "博士"),
    }
    for name, (author, supervisor, school, degree) in by_format.items():
        (thesis,) = [d for d in read(EXPORTS / name) if d.doc_type == "thesis"]
        assert thesis.meta["authors"] == [author], name
        assert thesis.meta["supervisors"] == [supervisor], name
        assert thesis.meta["institution"] == school and thesis.meta["venue"] == school, name
        assert thesis.meta["degree"] == degree, name


def test_cnki_fields_keywords_fund_and_classification() -> None:
    article, thesis = read(EXPORTS / "cnki_custom.txt")
    assert article.meta["fund"] == "国家社会科学基金青年项目(19CSH071);"
    assert article.meta["clc"] == "D669.3" and article.meta["source_category"] == "CSSCI"
    assert article.meta["keywords"] == ["社会资本", "社区志愿服务", "可持续发展"]
    assert thesis.meta["keywords"] == ["生态系统理论", "困境儿童", "儿童保护"]  # "，"
    endnote = read(EXPORTS / "cnki_endnote.txt")[0]  # GB18030 with CRLF
    assert endnote.title == "社会支持网络视角下农村留守老人的社区照顾研究"
    assert endnote.meta["clc"] == "C913.6" and endnote.year == 2020
    assert endnote.meta["provenance"][0]["encoding"] == "gb18030"
    refworks = read(EXPORTS / "cnki_refworks.txt")[0]
    assert refworks.meta["authors"] == ["吴佳", "郑小华"] and refworks.meta["pages"] == "31-40+108"
    news = read(EXPORTS / "cnki_noteexpress.net")[2]
    assert news.doc_type == "newspaper" and news.meta["keywords"] == ["社会工作站", "社区服务"]


def test_tables_with_default_and_explicit_columns(tmp_path: Path) -> None:
    first, _ = read(EXPORTS / "cnki_table.xlsx")
    assert first.title == "“三社联动”机制下社区社会组织孵化研究"
    assert first.year == 2020 and first.meta["venue"] == "社会工作与管理"
    odd = tmp_path / "odd.csv"
    odd.write_text("名称;人;内容\n社区营造研究;王一;摘要文字\n", encoding="utf-8")
    with pytest.raises(ValueError, match="no title column"):
        read(odd)
    (doc,) = read(odd, columns={"title": "名称", "authors": "人", "abstract": "内容"})
    assert doc.title == "社区营造研究" and doc.meta["authors"] == ["王一"]
    assert doc.text == "社区营造研究\n\n摘要文字\n"


def test_full_texts_keep_their_text_and_keywords() -> None:
    (docx,) = read(EXPORTS / "liu_wei_thesis_fulltext.docx")
    assert docx.title == "增能理论视角下流动儿童家庭教育支持的小组工作研究"
    assert docx.meta["keywords"] == ["增能理论", "流动儿童", "家庭教育", "小组工作"]
    assert "教育效能感\t3.1\t3.8" in docx.text  # table rows kept
    (pdf,) = read(EXPORTS / "caregiver_group_note.pdf")
    assert pdf.title == "Practice note: group work with family caregivers"
    assert "Few studies evaluate such groups in China;" in pdf.text


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "gb18030", "big5"])
def test_tagged_exports_in_any_encoding(tmp_path: Path, encoding: str) -> None:
    record = (
        "{Reference Type}: Thesis\n{Title}: 社會工作介入社區照顧的研究\n{Author}: 陳小明\n"
        "{Tertiary Author}: 王大同\n{Keywords}: 社區照顧；社會工作\n"
        "{Abstract}: 本研究以個案為例。\n"
    )
    path = tmp_path / "a.net"
    path.write_bytes((record * 3).replace("\n", "\r\n").encode(encoding))
    docs = read(path)
    assert len(docs) == 3
    assert docs[0].title == "社會工作介入社區照顧的研究"
    assert docs[0].meta["supervisors"] == ["王大同"]
    assert docs[0].meta["keywords"] == ["社區照顧", "社會工作"]
