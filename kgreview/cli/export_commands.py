"""``kgreview export qdpx|qdc|wos OUT``: the store as a REFI-QDA project or codebook, or the
corpus as Web of Science plain text for CiteSpace."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from kgreview.cli.common import AnonymiseOption, StoreOption, UserError, app, err
from kgreview.export.anonymise_view import anonymised
from kgreview.export.refi_qda import export_qdc, export_qdpx
from kgreview.export.wos import export_wos
from kgreview.store import open_store

KINDS = ("qdpx", "qdc", "wos")


@app.command("export")
def export_command(
    kind: Annotated[
        str, typer.Argument(help="qdpx (whole project), qdc (codebook only) or wos (CiteSpace).")
    ],
    out: Annotated[Path, typer.Argument(help="The file to write.")],
    store: StoreOption = None,
    include_auto: Annotated[
        bool, typer.Option("--auto", help="Include the tagger's auto codings (as their own user).")
    ] = False,
    doc_type: Annotated[
        list[str] | None,
        typer.Option("--doc-type", help="Only documents of this type (e.g. transcript)."),
    ] = None,
    name: Annotated[str, typer.Option(help="Project name shown by the QDA tool.")] = "",
    as_json: Annotated[bool, typer.Option("--json", help="Print the counts as JSON.")] = False,
    anonymise: AnonymiseOption = False,
) -> None:
    """Export for NVivo, ATLAS.ti, MAXQDA, QualCoder (REFI-QDA): manual codings by coder,
    the code tree with colours, memos as notes, participants as cases; or the corpus in Web of
    Science plain-text format (CiteSpace, VOSviewer, bibliometrix)."""
    if kind not in KINDS:
        raise UserError(f"unknown export {kind!r}; use qdpx, qdc or wos")
    if out.parent and not out.parent.exists():
        raise UserError(f"no such folder: {out.parent}")
    graph = anonymised(open_store(store), anonymise)
    try:
        if kind == "wos":
            summary = export_wos(graph, out, doc_types=set(doc_type or ()) or None)
        elif kind == "qdc":
            summary = export_qdc(graph, out)
        else:
            summary = export_qdpx(graph, out, include_auto=include_auto,
                                  doc_types=set(doc_type or ()) or None,
                                  name=name or out.stem)  # fmt: skip
    finally:
        graph.close()
    counts = {k: getattr(summary, k) for k in summary.__slots__}
    if as_json:
        sys.stdout.write(json.dumps(counts) + "\n")
    else:
        err.print(f"wrote {out}: " + ", ".join(f"{v} {k}" for k, v in counts.items()),
                  highlight=False, soft_wrap=True)  # fmt: skip
