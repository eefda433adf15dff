"""Thesis artefacts: the literature summary table and the Word report of findings."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from kgreview.analysis.summary import summary_table
from kgreview.analysis.timezone import timezone_columns
from kgreview.analysis.trendviews import gather_trends
from kgreview.analysis.whocites import resolve_code
from kgreview.cli.common import (
    AnonymiseOption,
    CodebookOption,
    StoreOption,
    UserError,
    app,
    err,
    out,
)
from kgreview.coding import coding_table
from kgreview.export.anonymise_view import anonymised
from kgreview.export.tables import report_docx, summary_docx, summary_xlsx
from kgreview.nlp.codebook import default_codebook_path, load_codebook
from kgreview.store import GraphStore, open_store


def _documents(graph: GraphStore, code: str | None, codebook: str | None) -> list[str]:
    if not code:
        return [d.id for d in graph.document_summaries()]
    found = resolve_code(code, load_codebook(codebook or default_codebook_path()),
                         graph.list_codes())  # fmt: skip
    if found is None:
        raise UserError(f"no code matches {code!r}")
    return [h.document_id for h in graph.documents_for_code(found.id)
            if set(h.polarities) & {"uses", "mentions", "recommends"}]  # fmt: skip


@app.command("table")
def table_command(
    store: StoreOption = None,
    code: Annotated[str | None, typer.Option(help="Only documents coded with this code.")] = None,
    out_file: Annotated[
        Path | None, typer.Option("--out", help="Write .xlsx or .docx (default: JSON lines).")
    ] = None,
    lang: Annotated[str, typer.Option(help="Code labels in zh or en.")] = "zh",
    codebook: CodebookOption = None,
    anonymise: AnonymiseOption = False,
) -> None:
    """The literature summary table (文献综述表): author, year, venue, theory, method,
    community, intervention, key findings — each cell with its evidence sentences."""
    graph = anonymised(open_store(store), anonymise)
    try:
        rows = summary_table(graph, _documents(graph, code, codebook), lang)
    finally:
        graph.close()
    if out_file is None:
        for row in rows:
            sys.stdout.write(json.dumps(row.as_json(), ensure_ascii=False) + "\n")
        return
    suffix = out_file.suffix.lower()
    if suffix == ".xlsx":
        summary_xlsx(rows, out_file)
    elif suffix == ".docx":
        summary_docx(rows, out_file)
    else:
        raise UserError(f"--out {out_file}: use a .xlsx or .docx file name")
    err.print(f"{len(rows)} documents written to {out_file}")


@app.command("report")
def report_command(
    out_file: Annotated[Path, typer.Argument(help="The .docx to write.")],
    store: StoreOption = None,
    coder: Annotated[str | None, typer.Option(help="Add this coder's coding table.")] = None,
    top: Annotated[int, typer.Option(help="Codes in the frequency table.")] = 20,
    excerpts: Annotated[int, typer.Option(help="Excerpts per code.")] = 5,
    anonymise: AnonymiseOption = False,
) -> None:
    """A Word report of findings: code frequencies as a three-line table, coded excerpts per
    code with their source, and a coder's grounded-theory coding table."""
    graph = anonymised(open_store(store), anonymise)
    try:
        counts = graph.code_frequencies()[:top]
        frequencies = [[f"{c.label_zh} {c.label_en}", c.category, str(c.documents),
                        str(c.codings)] for c in counts]  # fmt: skip
        quotes: dict[str, list[str]] = {}
        for c in counts:
            rows = graph.evidence_for_code(c.code_id, limit=excerpts)
            quotes[f"{c.label_zh}（{c.label_en}）"] = [
                f"“{e.evidence}” —— {e.title[:40]}（{e.polarity}）" for e in rows
            ]
        table = coding_table(graph, coder) if coder else []
    finally:
        graph.close()
    if out_file.suffix.lower() != ".docx":
        raise UserError(f"{out_file}: the report is a .docx file")
    report_docx(out_file, frequencies, quotes, table)
    err.print(f"report written to {out_file}")


@app.command("trends")
def trends_command(
    store: StoreOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object.")] = False,
) -> None:
    """Publications per year, bursts of codes and author keywords (Kleinberg), core authors
    (Price's law), when each code first appears (timezone) and the policy timeline — on
    normalised codes, so synonyms and translations count together."""
    graph = open_store(store)
    try:
        report = gather_trends(graph)
    finally:
        graph.close()
    if as_json:
        sys.stdout.write(json.dumps(report, ensure_ascii=False) + "\n")
        return
    out.print("documents per year: " + ", ".join(f"{y}: {n}" for y, n in report["years"].items()))
    for b in report["bursts"][:20]:
        out.print(f"burst {b['label']}: {b['start']}–{b['end']} (weight {b['weight']:.1f})")
    core = report["core_authors"]
    out.print(f"core authors (≥ {core['threshold']:.2f} papers): "
              + ", ".join(a["name"] for a in core["authors"][:20]))  # fmt: skip
    for year, codes in timezone_columns(report["timezone"]).items():
        out.print(f"first seen {year}: " + ", ".join(c["label_zh"] for c in codes[:12]))
    for p in report["policies"]:
        out.print(f"policy {p['date']} {p['short_name']} ({p['issuer']}), cited by "
                  f"{p['cited_by']}")  # fmt: skip
