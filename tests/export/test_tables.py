"""The literature summary table for the seeds, its XLSX and DOCX, and the Word report with
three-line tables."""

from __future__ import annotations

from functools import cache

import openpyxl
from docx import Document as WordDocument
from docx.oxml.ns import qn

from kgreview.analysis.summary import summary_table
from kgreview.export.tables import report_docx, summary_docx, summary_xlsx
from kgreview.pipeline import ingest
from kgreview.store import open_store
from kgreview.tagging import load_tagger
from tests.conftest import SHARED


@cache
def seeded(tmp: str):
    store = open_store(f"{tmp}/seeds.db")
    tagger = load_tagger()
    store.upsert_codes(tagger.codebook.to_codes())  # as kgreview ingest does
    ingest([SHARED / "seeds"], store, annotate=tagger.tag, tag_key=tagger.key)
    return store


def rows_by_title(tmp_path_factory):
    store = seeded(str(tmp_path_factory.getbasetemp()))
    rows = summary_table(store, [d.id for d in store.document_summaries()])
    return {r.title[:30]: r for r in rows}


def test_seed_rows_have_the_right_theory_method_and_site(tmp_path_factory) -> None:
    rows = rows_by_title(tmp_path_factory)
    song = next(r for t, r in rows.items() if t.startswith("Social Work Practice Rresearch"))
    assert song.cells["theory"].labels[:2] == ["增能理论", "地区发展模式"]
    assert "empowerment theory" in song.cells["theory"].evidence[0]["sentence"]
    assert song.cells["community"].labels[0] == "B community"
    locality = next(r for t, r in rows.items() if t.startswith("Community is an important"))
    assert "地区发展模式" in locality.cells["theory"].labels
    assert locality.cells["community"].labels[0] == "Y community"
    assert "实地研究" in locality.cells["method"].labels
    for row in rows.values():  # every label carries the sentence behind it
        for cell in row.cells.values():
            assert len(cell.labels) == len(cell.evidence)
            assert all(e["sentence"] for e in cell.evidence if e["code"] != "site")


def test_xlsx_and_docx_read_back(tmp_path_factory, tmp_path) -> None:
    rows = list(rows_by_title(tmp_path_factory).values())
    summary_xlsx(rows, tmp_path / "t.xlsx")
    book = openpyxl.load_workbook(tmp_path / "t.xlsx")
    sheet = book["文献综述表"]
    assert [c.value for c in sheet[1]][:5] == ["作者", "年份", "机构/期刊", "题名", "理论视角"]
    assert sheet.max_row == len(rows) + 1 and book["证据"].max_row > len(rows)
    summary_docx(rows, tmp_path / "t.docx")
    word = WordDocument(tmp_path / "t.docx")
    assert len(word.tables[0].rows) == len(rows) + 1
    assert any("增能理论" in cell.text for row in word.tables[0].rows for cell in row.cells)


def test_report_has_three_line_tables_and_labelled_excerpts(tmp_path) -> None:
    path = tmp_path / "r.docx"
    coding_rows = [{"quote": "爬楼太难", "concept": "爬楼太难", "category": "利益分歧",
                    "main_category": "邻里协商", "core": "协商化解冲突"}]  # fmt: skip
    report_docx(path, [["增能理论 empowerment theory", "theory", "3", "7"]],
                {"增能理论（empowerment theory）": ["“增能理论” —— 某论文（uses）"]},
                coding_rows)  # fmt: skip
    word = WordDocument(path)
    frequency, gt = word.tables
    assert frequency.rows[1].cells[0].text == "增能理论 empowerment theory"
    assert [c.text for c in gt.rows[0].cells] == [
        "原始语句",
        "初始概念",
        "范畴",
        "主范畴",
        "核心范畴",
    ]
    borders = frequency._tbl.tblPr.find(qn("w:tblBorders"))
    sizes = {b.tag.split("}")[1]: b.get(qn("w:sz")) for b in borders}
    assert sizes["top"] == "12" and sizes["bottom"] == "12"  # thick rules
    assert sizes["insideV"] is None and sizes["left"] is None  # no vertical lines
    header = frequency.rows[0].cells[0]._tc.tcPr.find(qn("w:tcBorders"))
    assert {b.tag.split("}")[1]: b.get(qn("w:sz")) for b in header}["bottom"] == "6"  # thin
    assert any("某论文" in p.text for p in word.paragraphs)
