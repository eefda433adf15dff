"""``kgreview search``: full-text evidence search over the stored sentences."""

from __future__ import annotations

import json
import sys
from typing import Annotated

import typer
from rich.table import Table

from kgreview.analysis.search import code_ids_of, hit_json
from kgreview.analysis.whocites import resolve_code
from kgreview.cli.common import CodebookOption, StoreOption, UserError, app, out
from kgreview.model import Polarity
from kgreview.nlp.codebook import default_codebook_path, load_codebook
from kgreview.store import GraphStore, open_store


def _code_ids(graph: GraphStore, codes: list[str], codebook: str | None) -> list[str]:
    book = load_codebook(codebook or default_codebook_path())
    stored, found = graph.list_codes(), []
    for code in codes:
        match = resolve_code(code, book, stored)
        if match is None:
            raise UserError(f"no code matches {code!r} (try an id such as theory.empowerment)")
        found.append(match.id)
    return found


@app.command("search")
def search_command(
    query: Annotated[str, typer.Argument(help="Text to find, literally (Chinese or English).")],
    store: StoreOption = None,
    codebook: CodebookOption = None,
    code: Annotated[
        list[str] | None, typer.Option("--code", help="Only sentences coded with it (repeat).")
    ] = None,
    category: Annotated[str | None, typer.Option(help="Only sentences with a code of it.")] = None,
    polarity: Annotated[
        str | None, typer.Option(help="Only sentences where a code has this polarity.")
    ] = None,
    year_from: Annotated[int | None, typer.Option("--from", help="First year.")] = None,
    year_to: Annotated[int | None, typer.Option("--to", help="Last year.")] = None,
    doc_type: Annotated[
        list[str] | None, typer.Option("--doc-type", help="Only this document type (repeat).")
    ] = None,
    speaker: Annotated[
        str | None, typer.Option(help="Only turns of this participant or speaker label.")
    ] = None,
    limit: Annotated[int, typer.Option(help="At most this many hits (1–1000).")] = 50,
    offset: Annotated[int, typer.Option(help="Skip this many hits first.")] = 0,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per hit.")] = False,
) -> None:
    """Find sentences containing QUERY, with their document, speaker and codes."""
    if not query.strip() and not code:
        raise UserError("empty query: give text to find (or --code to list a code's sentences)")
    if polarity is not None and polarity not in {p.value for p in Polarity}:
        raise UserError(f"--polarity {polarity!r}: use one of {', '.join(p for p in Polarity)}")
    graph = open_store(store)
    try:
        codes = _code_ids(graph, code, codebook) if code else None
        known = {c.category for c in graph.list_codes()}
        if category is not None and category not in known:
            raise UserError(f"--category {category!r}: use one of {', '.join(sorted(known))}")
        hits = graph.search_segments(
            query, codes=codes, category=category, polarity=polarity, year_from=year_from,
            year_to=year_to, doc_types=doc_type, speaker=speaker, limit=limit, offset=offset,
        )  # fmt: skip
    finally:
        graph.close()
    if as_json:
        for hit in hits:
            sys.stdout.write(json.dumps(hit_json(hit), ensure_ascii=False) + "\n")
        return
    table = Table("year", "document", "speaker", "sentence", "codes", title=f"{len(hits)} hits")
    for hit in hits:
        marked, last = [], 0
        for start, end in hit.matches:
            marked += [_plain(hit.text[last:start]), f"[bold]{_plain(hit.text[start:end])}[/]"]
            last = end
        marked.append(_plain(hit.text[last:]))
        table.add_row(str(hit.year or ""), hit.title[:40], hit.speaker, "".join(marked),
                      ", ".join(code_ids_of(hit)))  # fmt: skip
    out.print(table)


def _plain(text: str) -> str:
    # Stored text may hold "[...]", which rich would read as markup.
    return text.replace("[", "\\[")
