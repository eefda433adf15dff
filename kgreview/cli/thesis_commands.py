"""Thesis artefacts beside the table and report: labelled excerpts in Word, word frequencies
and the word cloud, the policy timeline."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from kgreview.analysis.docsets import document_set, find_code
from kgreview.analysis.excerpts import Excerpt, coded_excerpts
from kgreview.analysis.policies import load_policies, policy_timeline, save_policies
from kgreview.analysis.pseudonyms import pseudonymise
from kgreview.analysis.words import code_counts, word_frequencies
from kgreview.cli.common import (
    AnonymiseOption,
    CodebookOption,
    StoreOption,
    UserError,
    app,
    err,
    out,
)
from kgreview.export.anonymise_view import anonymised
from kgreview.export.cloud import word_cloud_png
from kgreview.export.findings import findings_docx
from kgreview.model import Code
from kgreview.nlp.codebook import default_codebook_path, load_codebook
from kgreview.store import GraphStore, open_store

Lang = Annotated[str, typer.Option(help="Labels in zh or en.")]


def _heading(code: Code, lang: str) -> str:
    if lang == "zh":
        return f"{code.label_zh}（{code.label_en}）"
    return f"{code.label_en} ({code.label_zh})"


def _chosen_codes(
    graph: GraphStore, codes: list[str], categories: list[str], codebook: str | None, top: int
) -> list[Code]:
    book = load_codebook(codebook or default_codebook_path())
    chosen = [find_code(graph, c, book) for c in codes]
    used = [c.code_id for c in graph.code_frequencies()]
    stored = {c.id: c for c in graph.list_codes()}
    for category in categories:
        found = [stored[c] for c in used if c in stored and stored[c].category == category]
        if not found:
            raise UserError(f"no coded code in category {category!r}")
        chosen += found
    if not chosen:
        chosen = [stored[c] for c in used[:top] if c in stored]
    if not chosen and top:
        raise UserError("no coded code in the store")
    return list({c.id: c for c in chosen}.values())


@app.command("excerpts")
def excerpts_command(
    out_file: Annotated[Path | None, typer.Argument(help="The .docx to write.")] = None,
    store: StoreOption = None,
    code: Annotated[list[str] | None, typer.Option(help="A code (repeat for more).")] = None,
    category: Annotated[list[str] | None, typer.Option(help="Every coded code of it.")] = None,
    by: Annotated[str, typer.Option(help="Group excerpts per code or per category.")] = "code",
    coder: Annotated[str | None, typer.Option(help="Only this coder's codings.")] = None,
    transcripts: Annotated[bool, typer.Option(help="Only quotations from interviews.")] = False,
    limit: Annotated[int, typer.Option(help="Excerpts per code (0: all).")] = 10,
    top: Annotated[int, typer.Option(help="Codes when none is named: the most used.")] = 10,
    anonymise: Annotated[bool, typer.Option(help="Replace participants' names.")] = False,
    lang: Lang = "zh",
    as_json: Annotated[bool, typer.Option("--json", help="Print the excerpts as JSON.")] = False,
    codebook: CodebookOption = None,
) -> None:
    """Coded excerpts per code or category as Word: each quotation labelled with its
    participant ("R7, 男, 41岁, 快递员") and the turn's timestamp, with a three-line table."""
    if out_file is None and not as_json:
        raise UserError("name the .docx to write, or give --json")
    if out_file is not None and out_file.suffix.lower() != ".docx":
        raise UserError(f"{out_file}: the excerpts are written as a .docx file")
    if by not in ("code", "category"):
        raise UserError(f"--by {by}: use code or category")
    named = bool(code or category)
    graph = anonymised(open_store(store), anonymise)  # places too; names again below
    try:
        chosen = _chosen_codes(graph, code or [], category or [], codebook, 0 if named else 10**6)
        found = coded_excerpts(
            graph, [c.id for c in chosen], coder, limit or None, lang, transcripts
        )
    finally:
        graph.close()
    if not named:  # the most used codes that have excerpts here
        chosen = [c for c in chosen if found[c.id]][:top]
    names = load_codebook(codebook or default_codebook_path()).categories
    groups: dict[str, list[Excerpt]] = {}
    for c in chosen:
        en, zh = names.get(c.category, (c.category, c.category))
        heading = _heading(c, lang) if by == "code" else (zh if lang == "zh" else en)
        groups.setdefault(heading, []).extend(found[c.id])
    if anonymise:
        flat = pseudonymise([e for rows in groups.values() for e in rows], lang)
        it = iter(flat)
        groups = {h: [next(it) for _ in rows] for h, rows in groups.items()}
    if as_json:
        data = {h: [e.as_json() for e in rows] for h, rows in groups.items()}
        sys.stdout.write(json.dumps(data, ensure_ascii=False) + "\n")
    if out_file is not None:
        findings_docx(out_file, groups, lang)
        total = sum(len(rows) for rows in groups.values())
        err.print(f"{total} excerpts under {len(groups)} headings written to {out_file}")


@app.command("words")
def words_command(
    store: StoreOption = None,
    code: Annotated[str | None, typer.Option(help="Only documents coded with this.")] = None,
    doc_type: Annotated[list[str] | None, typer.Option(help="Only this document type.")] = None,
    top: Annotated[int, typer.Option(help="How many words and codes.")] = 30,
    lang: Annotated[str, typer.Option(help="Words of zh, en or all.")] = "all",
    png: Annotated[Path | None, typer.Option(help="Also draw a word cloud PNG here.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object.")] = False,
    codebook: CodebookOption = None,
    anonymise: AnonymiseOption = False,
) -> None:
    """Word frequencies of a document set (jieba; stop words in schemas/stopwords.yaml)
    beside its code frequencies, and optionally a word cloud PNG."""
    if lang not in ("zh", "en", "all"):
        raise UserError(f"--lang {lang}: use zh, en or all")
    if png is not None and png.suffix.lower() != ".png":
        raise UserError(f"--png {png}: use a .png file name")
    book = load_codebook(codebook or default_codebook_path())
    graph = anonymised(open_store(store), anonymise)
    try:
        code_id = find_code(graph, code, book).id if code else None
        chosen = document_set(graph, code_id, doc_type or ())
        texts = [d.text for d in (graph.get_document(i) for i in chosen) if d]
        labels = {c.id: f"{c.label_zh} / {c.label_en}" for c in graph.list_codes()}
        codes = code_counts(graph.polarity_incidence(), set(chosen), labels, top)
    finally:
        graph.close()
    terms = [f for entry in book.codes for f, script in entry.surface_forms() if script == "zh"]
    words = word_frequencies(texts, terms=terms, top=top, lang=lang)
    if png is not None:
        drawn = word_cloud_png(words, png)
        err.print(f"word cloud of {drawn} words written to {png}")
    if as_json:
        data = {
            "documents": len(chosen),
            "codes": codes,
            "words": [{"word": w.word, "count": w.count, "documents": w.documents} for w in words],
        }
        sys.stdout.write(json.dumps(data, ensure_ascii=False) + "\n")
        return
    table = Table(title=f"{len(chosen)} documents")
    for name in ("word", "count", "docs", "code", "docs "):
        table.add_column(name)
    for k in range(max(len(words), len(codes))):
        w = words[k] if k < len(words) else None
        c = codes[k] if k < len(codes) else None
        table.add_row(
            w.word if w else "",
            str(w.count) if w else "",
            str(w.documents) if w else "",
            c["label"] if c else "",
            str(c["documents"]) if c else "",
        )
    out.print(table)


@app.command("policies")
def policies_command(
    file: Annotated[Path | None, typer.Argument(help="Policies YAML (default: schemas/).")] = None,
    store: StoreOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per policy.")] = False,
) -> None:
    """Load the policy file into the store (PolicyDocument nodes, merged with policies cited
    in reference lists) and show the policy timeline."""
    if file is not None and not file.is_file():
        raise UserError(f"no such file: {file}")
    policies = load_policies(file)
    graph = open_store(store)
    try:
        new = save_policies(graph, policies)
        rows = policy_timeline(graph, policies)
    finally:
        graph.close()
    err.print(f"{len(policies)} policies loaded ({new} new nodes)")
    for row in rows:
        if as_json:
            sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
        else:
            out.print(
                f"{row['date']:<10} {row['short_name']} — {row['issuer']} "
                f"(cited by {row['cited_by']})",
                highlight=False,
            )
