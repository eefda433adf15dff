"""Coders' work: agreement between coders, the coding table, saturation, crosstabs."""

from __future__ import annotations

import json
import sys
from typing import Annotated

import typer
from rich.table import Table

from kgreview.analysis.agreement import Unit, agreement
from kgreview.analysis.crosstab import case_matrix, crosstab, speaker_of
from kgreview.cli.common import AnonymiseOption, StoreOption, UserError, app, out
from kgreview.coding import coding_table, saturated, saturation
from kgreview.export.anonymise_view import anonymised
from kgreview.model import SegmentKind
from kgreview.store import GraphStore, open_store

WHOLE = 10**12  # a document unit spans the whole text


def units_of(store: GraphStore, document_ids: list[str], unit: str) -> list[Unit]:
    """Transcript turns where a document has them, else sentences; or whole documents."""
    if unit == "document":
        return [Unit(d, d, 0, WHOLE) for d in document_ids]
    found = []
    for d in document_ids:
        segments = store.segments_of(d)
        turns = [s for s in segments if s.kind == SegmentKind.TURN]
        chosen = turns or [s for s in segments if s.kind == SegmentKind.SENTENCE]
        found += [Unit(d, s.id, s.start, s.end) for s in sorted(chosen, key=lambda s: s.start)]
    return found


@app.command("agree")
def agree_command(
    coders: Annotated[str, typer.Option("--coders", help="Coder ids, comma-separated: A,B.")],
    store: StoreOption = None,
    unit: Annotated[str, typer.Option(help="segment (turn or sentence) or document.")] = "segment",
    exclude_uncoded: Annotated[
        bool, typer.Option("--exclude-uncoded", help="Drop units no coder coded at all.")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object.")] = False,
) -> None:
    """Agreement between coders: % agreement, Holsti, Cohen's kappa, Krippendorff's alpha."""
    names = [c.strip() for c in coders.split(",") if c.strip()]
    if len(names) < 2:
        raise UserError("--coders needs at least two coder ids, e.g. --coders A,B")
    if unit not in ("segment", "document"):
        raise UserError("--unit must be segment or document")
    graph = open_store(store)
    try:
        codings = [c for name in names for c in graph.codings_by_coder(name)]
        missing = [n for n in names if not any(c.coder == n for c in codings)]
        if missing:
            raise UserError(f"no codings by coder {missing[0]!r} in {graph.describe()}")
        documents = sorted({c.document_id for c in codings})
        result = agreement(units_of(graph, documents, unit), codings, names, exclude_uncoded)
    finally:
        graph.close()
    report = {
        "coders": result.coders, "unit": unit, "units": result.units,
        "exclude_uncoded": exclude_uncoded,
        "codes": [{"code": code, **s.as_json()} for code, s in result.by_code.items()],
        "overall": {"pooled": result.pooled.as_json(), "mean_over_codes": result.mean},
        "disagreements": result.disagreements,
    }  # fmt: skip
    if as_json:
        sys.stdout.write(json.dumps(report, ensure_ascii=False) + "\n")
        return
    table = Table("code", "units", "% agree", "Holsti", "kappa", "alpha",
                  title=f"agreement of {', '.join(names)} ({unit}s)")  # fmt: skip
    for row in [*report["codes"], {"code": "pooled", **report["overall"]["pooled"]}]:
        table.add_row(row["code"], str(row["units"]),
                      *(f"{row[k]:.3f}" if row[k] is not None else "–"
                        for k in ("percent", "holsti", "kappa", "alpha")))  # fmt: skip
    out.print(table)
    out.print(f"{len(result.disagreements)} disagreements (see --json for both coders' spans)")


@app.command("coding-table")
def coding_table_command(
    coder: Annotated[str, typer.Option("--coder", help="Whose codes.")],
    store: StoreOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per quotation.")] = False,
    anonymise: AnonymiseOption = False,
) -> None:
    """The grounded-theory coding table: 原始语句 → 初始概念 → 范畴 → 主范畴 → 核心范畴."""
    graph = anonymised(open_store(store), anonymise)
    try:
        rows = coding_table(graph, coder)
    finally:
        graph.close()
    if not rows:
        raise UserError(f"no codings by coder {coder!r}")
    if as_json:
        for row in rows:
            sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
        return
    table = Table("原始语句 quote", "初始概念", "范畴", "主范畴", "核心范畴", title=f"{coder}")
    for r in rows:
        table.add_row(r["quote"], r["concept"], r["category"], r["main_category"], r["core"])
    out.print(table)


@app.command("saturation")
def saturation_command(
    coder: Annotated[str, typer.Option("--coder", help="Whose codes.")],
    store: StoreOption = None,
    last: Annotated[int, typer.Option(help="Saturated when the last N added no code.")] = 2,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object.")] = False,
) -> None:
    """New codes per additional transcript, in the order the coder coded them."""
    graph = open_store(store)
    try:
        codings = graph.codings_by_coder(coder)
    finally:
        graph.close()
    if not codings:
        raise UserError(f"no codings by coder {coder!r}")
    first: dict[str, str] = {}
    for c in sorted(codings, key=lambda c: (c.created, c.document_id)):
        first.setdefault(c.document_id, c.created)
    curve = saturation(codings, sorted(first, key=lambda d: (first[d], d)))
    report = {"coder": coder, "curve": curve, "saturated": saturated(curve, last), "last": last}
    if as_json:
        sys.stdout.write(json.dumps(report, ensure_ascii=False) + "\n")
        return
    for point in curve:
        out.print(f"{point['document']}: +{point['new_codes']} (total {point['total_codes']})")
    out.print("saturated" if report["saturated"] else f"not saturated (last {last})")


@app.command("crosstab")
def crosstab_command(
    attribute: Annotated[str, typer.Argument(help="A participant attribute: gender, role, age…")],
    store: StoreOption = None,
    coder: Annotated[str | None, typer.Option(help="Only this coder's codings.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object.")] = False,
    anonymise: AnonymiseOption = False,
) -> None:
    """Code frequencies by a participant attribute (counts and row %), and the case × code
    matrix, over the codings inside participants' turns."""
    graph = anonymised(open_store(store), anonymise)
    try:
        codings, speakers, participants = [], {}, {}
        for d in graph.document_summaries():
            people = graph.participants_of(d.id)
            if not people:
                continue
            found = [c for c in graph.codings_for_document(d.id) if not coder or c.coder == coder]
            participants.update({p.id: p for p in people})
            speakers.update(speaker_of(found, graph.segments_of(d.id)))
            codings += found
    finally:
        graph.close()
    if not participants:
        raise UserError("no participants in this store (ingest interview transcripts first)")
    table = crosstab(codings, speakers, participants, attribute)
    report = {**table, "cases": case_matrix(codings, speakers, participants)}
    if as_json:
        sys.stdout.write(json.dumps(report, ensure_ascii=False) + "\n")
        return
    view = Table("code", *table["values"], "total", title=f"codes by {attribute}")
    for row in table["rows"]:
        view.add_row(row["code"], *(f"{row['counts'][v]} ({row['row_percent'][v]}%)"
                                    for v in table["values"]), str(row["total"]))  # fmt: skip
    out.print(view)
