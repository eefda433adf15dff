"""The files the import & export page offers, built from the store on demand.

Each builder takes the store and returns the file's bytes; the page hands them to download
buttons as deferred callables, so a 10,000-document project is written only when asked for.
They run outside the script run (in the server's download handler): no ``st`` calls here.
"""

from __future__ import annotations

import io
import tempfile
from pathlib import Path

import pandas as pd

from kgreview.analysis.summary import summary_table
from kgreview.export.refi_qda import export_qdc, export_qdpx
from kgreview.export.tables import summary_csv, summary_xlsx
from kgreview.store import GraphStore

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _via_file(write, suffix: str) -> bytes:
    # The REFI-QDA writers take a path (a zip archive): write to a private temp file.
    with tempfile.TemporaryDirectory(prefix="kgreview-export-") as tmp:
        path = Path(tmp) / f"export{suffix}"
        write(path)
        return path.read_bytes()


def qdpx_bytes(graph: GraphStore, include_auto: bool = False) -> bytes:
    """The whole project as a REFI-QDA ``.qdpx`` (NVivo, ATLAS.ti, MAXQDA, QualCoder)."""
    return _via_file(
        lambda path: export_qdpx(graph, path, include_auto=include_auto, name="kgreview"),
        ".qdpx",
    )


def qdc_bytes(graph: GraphStore) -> bytes:
    """The code tree alone as a REFI-QDA codebook ``.qdc``."""
    return _via_file(lambda path: export_qdc(graph, path), ".qdc")


def _summary_rows(graph: GraphStore, lang: str) -> list:
    return summary_table(graph, [d.id for d in graph.document_summaries()], lang)


def summary_xlsx_bytes(graph: GraphStore, lang: str = "zh") -> bytes:
    """The literature summary table (with its evidence sheet) as XLSX."""
    buffer = io.BytesIO()
    summary_xlsx(_summary_rows(graph, lang), buffer)  # openpyxl writes to any binary file
    return buffer.getvalue()


def summary_csv_bytes(graph: GraphStore, lang: str = "zh") -> bytes:
    """The literature summary table as CSV."""
    return summary_csv(_summary_rows(graph, lang))


def frequencies_frame(graph: GraphStore) -> pd.DataFrame:
    """Code frequencies: category, id, both labels, documents and codings per code."""
    rows = [
        {"category": r.category, "code": r.code_id, "label_en": r.label_en,
         "label_zh": r.label_zh, "documents": r.documents, "codings": r.codings}
        for r in graph.code_frequencies()
    ]  # fmt: skip
    columns = ["category", "code", "label_en", "label_zh", "documents", "codings"]
    return pd.DataFrame(rows, columns=columns)


def frequencies_csv(graph: GraphStore) -> bytes:
    """Code frequencies as CSV (UTF-8 with BOM for Excel and WPS)."""
    return frequencies_frame(graph).to_csv(index=False).encode("utf-8-sig")


def frequencies_xlsx(graph: GraphStore) -> bytes:
    """Code frequencies as XLSX."""
    buffer = io.BytesIO()
    frequencies_frame(graph).to_excel(buffer, index=False, sheet_name="codes")
    return buffer.getvalue()
