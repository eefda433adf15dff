"""Word documents (``.docx``) through python-docx: paragraph text, one document per file."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from kgreview.ingest import Item, ReaderError, ReadOptions
from kgreview.ingest.text import full_text_document, too_large
from kgreview.ingest.transcript import transcript_document
from kgreview.ingest.zipsafe import check_archive


def read(path: Path, options: ReadOptions) -> Iterator[Item]:
    """The paragraphs (and table cells, row by row) of a Word file as one document."""
    import docx  # python-docx; imported here so other formats never pay for it

    failure = too_large(path, options)
    if failure:
        yield failure
        return
    check_archive(path, "Word file")
    try:
        document = docx.Document(str(path))
    except Exception as exc:  # a damaged zip or XML part: python-docx raises many kinds
        raise ReaderError(f"unreadable Word file: {exc}", line=1) from exc
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts.extend("\t".join(cell.text for cell in row.cells) for row in table.rows)
    text = "\n".join(parts).strip("\n") + "\n"
    # Core "title" is often left over from a template; a heading-styled first paragraph is
    # the better witness, and the first line the fallback.
    heading = next(
        (p.text for p in document.paragraphs if p.text.strip() and p.style.name == "Title"), ""
    )
    yield transcript_document(path, text, fmt="docx", title=heading) or full_text_document(
        path, text, fmt="docx", title=heading
    )
