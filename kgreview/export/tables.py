"""Thesis tables: the literature summary table as XLSX and DOCX, code frequencies and coded
excerpts as a Word report with three-line tables (三线表), the layout Chinese theses require:
a thick rule above the table, a thin one under the header, a thick one at the bottom, no
vertical lines."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path

from docx import Document as WordDocument
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from kgreview.analysis.summary import COLUMNS, SummaryRow

HEADERS_ZH = {"authors": "作者", "year": "年份", "venue": "机构/期刊", "title": "题名",
              "theory": "理论视角", "method": "研究方法", "community": "社区类型",
              "intervention": "介入策略", "findings": "主要发现"}  # fmt: skip
ORDER = ("authors", "year", "venue", "title", *COLUMNS, "findings")


def _cell_values(row: SummaryRow) -> list[str]:
    values = {"authors": "、".join(row.authors), "year": str(row.year or ""),
              "venue": row.venue, "title": row.title,
              **{k: c.text() for k, c in row.cells.items()},
              "findings": " / ".join(f["sentence"] for f in row.findings[:1])}  # fmt: skip
    return [values[k] for k in ORDER]


def summary_csv(rows: Sequence[SummaryRow]) -> bytes:
    """The table as CSV (UTF-8 with BOM, so Excel and WPS read the Chinese right)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([HEADERS_ZH[k] for k in ORDER])
    writer.writerows(_cell_values(row) for row in rows)
    return out.getvalue().encode("utf-8-sig")


def summary_xlsx(rows: Sequence[SummaryRow], path: Path) -> None:
    """The table on one sheet, every cell's evidence sentences on a second."""
    book = Workbook()
    sheet = book.active
    sheet.title = "文献综述表"
    sheet.append([HEADERS_ZH[k] for k in ORDER])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(_cell_values(row))
    for column in sheet.columns:
        for cell in column:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    evidence = book.create_sheet("证据")
    evidence.append(["题名", "栏目", "代码", "极性", "原文句子", "起", "止"])
    for row in rows:
        for column, cell in row.cells.items():
            for e in cell.evidence:
                evidence.append([row.title, HEADERS_ZH[column], e["code"], e["polarity"],
                                 e["sentence"], e["start"], e["end"]])  # fmt: skip
    sheet.auto_filter.ref = sheet.dimensions  # sortable and filterable in Excel / WPS
    book.save(path)


def _border(cell_or_table_pr, edges: dict[str, int]) -> None:
    tag = "w:tblBorders" if cell_or_table_pr.tag.endswith("tblPr") else "w:tcBorders"
    borders = OxmlElement(tag)
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        size = edges.get(edge, 0)
        element.set(qn("w:val"), "single" if size else "nil")
        if size:
            element.set(qn("w:sz"), str(size))  # eighths of a point
            element.set(qn("w:color"), "000000")
        borders.append(element)
    cell_or_table_pr.append(borders)


def three_line_table(document, header: Sequence[str], rows: Sequence[Sequence[str]]):
    """A 三线表: thick top and bottom rules (1.5 pt), a thin rule under the header (0.75 pt)."""
    table = document.add_table(rows=1 + len(rows), cols=len(header))
    _border(table._tbl.tblPr, {"top": 12, "bottom": 12})
    for k, text in enumerate(header):
        cell = table.rows[0].cells[k]
        cell.text = str(text)
        cell.paragraphs[0].runs[0].bold = True
        _border(cell._tc.get_or_add_tcPr(), {"top": 12, "bottom": 6})
    for r, values in enumerate(rows, start=1):
        for k, text in enumerate(values):
            table.rows[r].cells[k].text = str(text)
    return table


def summary_docx(rows: Sequence[SummaryRow], path: Path, title: str = "文献综述表") -> None:
    """The summary table as a three-line table, then each cell's evidence sentences."""
    document = WordDocument()
    document.add_heading(title, level=1)
    three_line_table(document, [HEADERS_ZH[k] for k in ORDER], [_cell_values(r) for r in rows])
    document.add_heading("证据（原文句子）", level=2)
    for row in rows:
        document.add_paragraph(row.title, style="List Number")
        for column, cell in row.cells.items():
            for e in cell.evidence:
                document.add_paragraph(f"{HEADERS_ZH[column]}：{e['sentence']}",
                                       style="List Bullet")  # fmt: skip
    document.save(path)


def report_docx(
    path: Path,
    frequencies: Sequence[Sequence[str]],
    excerpts: dict[str, list[str]],
    coding_table: Sequence[dict] = (),
) -> None:
    """Findings for a thesis: code frequencies (三线表), coded excerpts per code labelled with
    their source, and the grounded-theory coding table when a coder's work is given."""
    document = WordDocument()
    document.add_heading("编码结果", level=1)
    document.add_paragraph("表 1 代码频次")
    three_line_table(document, ["代码", "类别", "文献数", "编码数"], frequencies)
    document.add_heading("编码摘录", level=2)
    for code, quotes in excerpts.items():
        document.add_heading(code, level=3)
        for quote in quotes:
            document.add_paragraph(quote, style="List Bullet")
    if coding_table:
        document.add_heading("扎根理论编码表", level=2)
        three_line_table(
            document, ["原始语句", "初始概念", "范畴", "主范畴", "核心范畴"],
            [[r["quote"], r["concept"], r["category"], r["main_category"], r["core"]]
             for r in coding_table],
        )  # fmt: skip
    document.save(path)
