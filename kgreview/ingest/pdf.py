"""PDF full texts through pypdf: page text in order, running headers and page numbers
removed, one document per file."""

from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from kgreview.ingest import Item, ReaderError, ReadOptions
from kgreview.ingest.text import full_text_document, too_large
from kgreview.ingest.transcript import transcript_document

_PAGE_NUMBER = re.compile(
    r"^\s*(?:[-–—]?\s*\d{1,4}\s*[-–—]?|\d{1,4}\s*/\s*\d{1,4}|第\s*\d+\s*页|Page \d+( of \d+)?)\s*$"
)
# pypdf renders word gaps of some PDFs as tabs: they are spaces in the text.
_TABS = re.compile(r"[ \t]*\t[ \t]*")


def _strip_running_lines(pages: list[list[str]]) -> list[list[str]]:
    """Drop page numbers, and first/last lines that repeat on most pages (running heads)."""
    edges = Counter(
        line.strip() for page in pages for line in {*page[:1], *page[-1:]} if line.strip()
    )
    running = {line for line, n in edges.items() if len(pages) >= 3 and n >= len(pages) * 0.6}
    kept = []
    for page in pages:
        lines = [ln for ln in page if not _PAGE_NUMBER.match(ln)]
        if lines and lines[0].strip() in running:
            lines = lines[1:]
        if lines and lines[-1].strip() in running:
            lines = lines[:-1]
        kept.append(lines)
    return kept


def read(path: Path, options: ReadOptions) -> Iterator[Item]:
    """The text of a PDF as one document (scanned pages without a text layer read empty)."""
    from pypdf import PdfReader  # imported here so other formats never pay for it
    from pypdf.errors import PyPdfError

    # pypdf logs its repairs ("EOF marker not found") to stderr: our one line says it all.
    logging.getLogger("pypdf").setLevel(logging.CRITICAL)

    failure = too_large(path, options)
    if failure:
        yield failure
        return
    try:
        reader = PdfReader(str(path))
        pages = [(page.extract_text() or "").split("\n") for page in reader.pages]
        info = reader.metadata
    except (PyPdfError, ValueError, KeyError) as exc:
        raise ReaderError(f"unreadable PDF: {exc}", line=1) from exc
    text = "\n".join("\n".join(page) for page in _strip_running_lines(pages)).strip() + "\n"
    text = "\n".join(_TABS.sub(" ", line).strip() for line in text.split("\n"))
    if not text.strip():
        raise ReaderError("no text layer in this PDF (scanned pages need OCR first)", line=1)
    title = str(info.title or "").strip() if info else ""
    meta: dict[str, object] = {"pages": len(pages)}
    yield transcript_document(path, text, fmt="pdf", title=title, meta=meta) or full_text_document(
        path, text, fmt="pdf", title=title, meta=meta
    )
