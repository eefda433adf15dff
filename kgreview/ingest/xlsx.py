"""Excel workbooks (``.xlsx``) of records, read row by row with openpyxl's read-only mode;
the first row names the columns, mapped as for CSV (``--columns``)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from kgreview.ingest import Item, ReaderError, ReadOptions
from kgreview.ingest.records import to_document
from kgreview.ingest.tabular import column_mapping, mapped_fields
from kgreview.ingest.zipsafe import check_archive


def read(path: Path, options: ReadOptions) -> Iterator[Item]:
    """Every row of the first sheet, streamed."""
    import openpyxl  # imported here so other formats never pay for it

    check_archive(path, "Excel file")
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # damaged zip/XML: openpyxl raises many kinds
        raise ReaderError(f"unreadable Excel file: {exc}", line=1) from exc
    try:
        rows = book.worksheets[0].iter_rows(values_only=True)
        header = [str(h or "").strip() for h in next(rows, ())]
        if not any(header):
            raise ReaderError("empty workbook", line=1)
        mapping = column_mapping(header, options.columns)
        number = 0
        for line, values in enumerate(rows, start=2):
            if not any(v not in (None, "") for v in values):
                continue
            number += 1
            row = {h: "" if v is None else str(v) for h, v in zip(header, values, strict=False)}
            yield to_document(
                mapped_fields(row, mapping), path, fmt="xlsx", record=number, line=line
            )
    finally:
        book.close()
