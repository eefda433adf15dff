"""Bibliographies for a thesis: GB/T 7714-2015, RIS, BibTeX."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from kgreview.analysis.whocites import resolve_code
from kgreview.cli.common import CodebookOption, StoreOption, UserError, app
from kgreview.cli.review_commands import read_text
from kgreview.export.bibliography import from_document, gbt7714
from kgreview.export.citeformats import to_bibtex, to_ris
from kgreview.nlp.codebook import default_codebook_path, load_codebook
from kgreview.nlp.references import ParsedReference, parse_reference_list
from kgreview.store import open_store

STYLES = ("gbt7714", "ris", "bibtex")


def _from_store(store: str | None, code: str | None, codebook: str | None) -> list[ParsedReference]:
    graph = open_store(store)
    try:
        if code:
            found = resolve_code(code, load_codebook(codebook or default_codebook_path()),
                                 graph.list_codes())  # fmt: skip
            if found is None:
                raise UserError(f"no code matches {code!r}")
            ids = [h.document_id for h in graph.documents_for_code(found.id)
                   if set(h.polarities) & {"uses", "mentions", "recommends"}]  # fmt: skip
        else:
            ids = [d.id for d in graph.document_summaries()]
        documents = [d for d in (graph.get_document(i) for i in ids) if d is not None]
    finally:
        graph.close()
    # Chinese entries first, then by first author and year, as Chinese theses list them.
    documents.sort(key=lambda d: (d.lang != "zh", (d.meta.get("authors") or [""])[0], d.year or 0))
    return [from_document(d) for d in documents]


@app.command("bib")
def bib_command(
    style: Annotated[str, typer.Option(help="gbt7714, ris or bibtex.")] = "gbt7714",
    store: StoreOption = None,
    code: Annotated[str | None, typer.Option(help="Only documents coded with this code.")] = None,
    file: Annotated[
        Path | None, typer.Option("--file", help="A document's own reference list instead.")
    ] = None,
    codebook: CodebookOption = None,
) -> None:
    """A bibliography of stored documents (all, or those coded with --code) or of a file's
    reference list, as GB/T 7714-2015, RIS or BibTeX."""
    if style not in STYLES:
        raise UserError(f"--style {style!r}: use one of {', '.join(STYLES)}")
    if file is not None:
        refs = [r for r in parse_reference_list(read_text(file)) if r.duplicate_of is None]
        if not refs:
            raise UserError(f"{file}: no reference list found")
    else:
        refs = _from_store(store, code, codebook)
    if style == "ris":
        sys.stdout.write(to_ris(refs))
    elif style == "bibtex":
        sys.stdout.write(to_bibtex(refs))
    else:
        for n, ref in enumerate(refs, start=1):
            sys.stdout.write(f"[{n}] {gbt7714(ref)}\n")
