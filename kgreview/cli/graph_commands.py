"""Questions to the stored graph: research gaps and who cites a code."""

from __future__ import annotations

import json
import sys
from typing import Annotated

import typer
from rich.table import Table

from kgreview.analysis.gaps import GapInputs, all_gaps
from kgreview.analysis.whocites import group_rows, resolve_code, who_cites
from kgreview.cli.common import CodebookOption, StoreOption, UserError, app, out
from kgreview.nlp.codebook import default_codebook_path, load_codebook
from kgreview.store import open_store

KINDS = ("stated", "combination", "untested", "trend")
KindOption = Annotated[
    list[str] | None, typer.Option("--kind", help=f"Only these kinds: {', '.join(KINDS)}.")
]
MinExpected = Annotated[
    float, typer.Option(help="Combination cells: least expected count (row × column / N).")
]
MinMargin = Annotated[int, typer.Option(help="Combination cells: least documents per margin.")]


def _lines(rows: list[dict]) -> None:
    for row in rows:
        sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")


@app.command("gaps")
def gaps_command(
    store: StoreOption = None,
    kind: Annotated[
        list[str] | None, typer.Option(help=f"Only these kinds: {', '.join(KINDS)}.")
    ] = None,
    min_expected: Annotated[
        float, typer.Option(help="Combination cells: least expected count (row × column / N).")
    ] = 1.0,
    min_margin: Annotated[
        int, typer.Option(help="Combination cells: least documents per margin.")
    ] = 2,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per gap.")] = False,
) -> None:
    """Research gaps: stated in reviews, empty combinations, untested factors, trends."""
    unknown = set(kind or ()) - set(KINDS)
    if unknown:
        raise UserError(f"unknown gap kind {sorted(unknown)[0]!r}; use one of {', '.join(KINDS)}")
    graph = open_store(store)
    try:
        inputs = GapInputs(graph.list_codes(), graph.document_summaries(),
                           graph.polarity_incidence(), graph.gap_statements())  # fmt: skip
    finally:
        graph.close()
    gaps = [g for g in all_gaps(inputs, min_expected, min_margin) if not kind or g.kind in kind]
    if as_json:
        _lines([g.as_json() for g in gaps])
        return
    table = Table("kind", "codes", "score", "documents", "evidence", title=f"{len(gaps)} gaps")
    for g in gaps[:60]:
        first = g.evidence[0] if g.evidence else {}
        table.add_row(g.kind, "\n".join(g.labels), f"{g.score:.2f}", str(len(g.documents)),
                      (first.get("sentence") or first.get("why") or "")[:120])  # fmt: skip
    out.print(table)


@app.command("who-cites")
def who_cites_command(
    code: Annotated[str, typer.Argument(help="A code id, English or Chinese label or synonym.")],
    store: StoreOption = None,
    codebook: CodebookOption = None,
    by: Annotated[
        str | None, typer.Option("--by", help="Group by supervisor or institution (theses).")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per author.")] = False,
) -> None:
    """Authors who use a code, scholars whose attributed claims carry it, and cited authors."""
    if by not in (None, "supervisor", "institution"):
        raise UserError(f"--by {by!r}: use supervisor or institution")
    book = load_codebook(codebook or default_codebook_path())
    graph = open_store(store)
    try:
        found = resolve_code(code, book, graph.list_codes())
        if found is None:
            raise UserError(f"no code matches {code!r} (try an id such as theory.empowerment)")
        rows = who_cites(graph, found.id)
    finally:
        graph.close()
    if by:
        groups = group_rows(rows, by)
        if as_json:
            _lines([{**g, "code": found.id} for g in groups])
            return
        table = Table(by, "authors", "documents", title=f"who cites {found.label_en}, by {by}")
        for g in groups:
            table.add_row(g["group"], ", ".join(g["authors"]), str(len(g["documents"])))
        out.print(table)
        return
    if as_json:
        _lines([{**r.as_json(), "code": found.id} for r in rows])
        return
    table = Table("author", "via", "documents", "sentence",
                  title=f"who cites {found.label_en} / {found.label_zh}")  # fmt: skip
    for r in rows:
        table.add_row(r.author, r.via, str(len(r.documents)), r.evidence[0]["sentence"][:120])
    out.print(table)
