"""The findings chapter as Word: a three-line table (三线表) of codes with their excerpt,
participant and document counts, then each code's coded excerpts, every one labelled with its
participant ("张阿姨, 女, 63岁, 楼栋长") and the turn's timestamp."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from docx import Document as WordDocument
from docx.shared import Cm, Pt

from kgreview.analysis.excerpts import Excerpt
from kgreview.export.tables import three_line_table

HEADER = {
    "zh": ["编码", "摘录数", "受访者数", "文献数"],
    "en": ["Code label", "Excerpts", "Participants", "Documents"],
}
TITLES = {
    "zh": ("研究发现：编码摘录", "表 1 编码与摘录"),
    "en": ("Findings: coded excerpts", "Table 1 Codes and excerpts"),
}


def excerpt_label(excerpt: Excerpt) -> str:
    """ "——张阿姨, 女, 63岁, 楼栋长 [00:01:40]《title》": who, when, where from."""
    who = excerpt.speaker or excerpt.title
    when = f" [{excerpt.timestamp}]" if excerpt.timestamp else ""
    source = f"《{excerpt.title}》" if excerpt.speaker else ""
    return f"——{who}{when}{source}"


def count_rows(groups: Mapping[str, Sequence[Excerpt]]) -> list[list[str]]:
    """One row per code: excerpts, distinct participants, distinct documents."""
    return [
        [
            heading,
            str(len(rows)),
            str(len({(e.document_id, e.speaker) for e in rows if e.speaker})),
            str(len({e.document_id for e in rows})),
        ]
        for heading, rows in groups.items()
    ]


def findings_docx(path: Path, groups: Mapping[str, Sequence[Excerpt]], lang: str = "zh") -> None:
    """Write the DOCX: ``groups`` maps a heading (a code or category label) to its excerpts."""
    document = WordDocument()
    title, caption = TITLES[lang]
    document.add_heading(title, level=1)
    document.add_paragraph(caption)
    table = three_line_table(document, HEADER[lang], count_rows(groups))
    table.autofit = False
    widths = (Cm(7.5), Cm(2.6), Cm(2.6), Cm(2.6))  # a wide code column, narrow counts
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width  # the grid: what LibreOffice and WPS lay out by
        for cell in column.cells:
            cell.width = width  # the cells: what Word lays out by
    for heading, rows in groups.items():
        document.add_heading(heading, level=2)
        for excerpt in rows:
            quote = document.add_paragraph(f"“{excerpt.quote}”", style="Quote")
            quote.paragraph_format.space_after = Pt(0)
            label = document.add_paragraph(excerpt_label(excerpt))
            label.paragraph_format.alignment = 2  # right-aligned, as theses set attributions
            label.runs[0].italic = True
    document.save(path)
