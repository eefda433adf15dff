"""Commands about coding without a store: tag, codebook check."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from kgreview.cli.common import CodebookOption, app, err, out
from kgreview.ingest import ReaderError
from kgreview.nlp.codebook import (
    CodebookError,
    check_codebook,
    codebook_data,
    default_codebook_path,
)
from kgreview.nlp.emerging import emerging_terms
from kgreview.pipeline import Failure, build_bundle, iter_files, read_documents
from kgreview.tagging import load_tagger

codebook_app = typer.Typer(help="Check and inspect codebooks.", no_args_is_help=True)
app.add_typer(codebook_app, name="codebook", help="Check and inspect codebooks.")


def tagged_documents(paths: list[Path], codebook: str | None, failures: list[Failure]):
    """(document, bundle) for every document in the files, tagged; failures collected."""
    tagger = load_tagger(codebook)
    for path in iter_files(paths, failures):
        try:
            for document in read_documents(path, path.read_bytes()):
                yield build_bundle(document, tagger.tag), tagger
        except (ReaderError, OSError) as exc:
            failures.append(Failure(str(path), str(exc) or type(exc).__name__))


def bundle_json(bundle, tagger) -> dict[str, Any]:
    doc = bundle.document
    entries = tagger.entries
    return {
        "id": doc.id, "title": doc.title, "lang": doc.lang, "text": doc.text,
        "codings": [
            {"code": c.code_id, "category": entries[c.code_id].category,
             "label_en": entries[c.code_id].label_en, "label_zh": entries[c.code_id].label_zh,
             "polarity": c.polarity, "start": c.start, "end": c.end, "evidence": c.evidence,
             "segment": c.segment_id}
            for c in sorted(bundle.codings, key=lambda c: (c.start, c.code_id))
        ],
        "sites": [{"id": s.id, "name": s.name, "city": s.city, "community_type": s.community_type}
                  for s in bundle.sites],
    }  # fmt: skip


@app.command("tag")
def tag_command(
    paths: Annotated[list[Path], typer.Argument(help="Files and folders to tag.")],
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per document.")] = False,
    codebook: CodebookOption = None,
) -> None:
    """Tag files with the codebook and print codes, evidence and polarity (no store)."""
    failures: list[Failure] = []
    for bundle, tagger in tagged_documents(paths, codebook, failures):
        if as_json:
            sys.stdout.write(json.dumps(bundle_json(bundle, tagger), ensure_ascii=False) + "\n")
            continue
        table = Table("code", "polarity", "evidence", title=bundle.document.title[:80])
        for coding in sorted(bundle.codings, key=lambda c: c.start):
            table.add_row(coding.code_id, coding.polarity, coding.evidence)
        out.print(table)
        if bundle.sites:
            out.print("sites: " + ", ".join(s.name for s in bundle.sites), highlight=False)
    for failure in failures:
        err.print(f"[red]skipped[/red] {failure.line()}", highlight=False, soft_wrap=True)
    if failures and not as_json:
        raise typer.Exit(1)


@codebook_app.command("check")
def codebook_check_command(
    file: Annotated[Path | None, typer.Argument(help="Codebook YAML, .qdc or .qdpx.")] = None,
) -> None:
    """Report duplicate ids, synonyms claimed twice, unknown parents, empty labels."""
    path = file or default_codebook_path()
    try:
        problems = check_codebook(codebook_data(path)[0])
    except CodebookError as exc:
        problems = exc.problems
    for problem in problems:
        err.print(f"{path}: {problem}", highlight=False, soft_wrap=True)
    if problems:
        raise typer.Exit(1)
    codebook = load_tagger(path).codebook
    per_category: dict[str, int] = {}
    for code in codebook.codes:
        per_category[code.category] = per_category.get(code.category, 0) + 1
    heads = [(frame, code.id) for code in codebook.codes for frame, _, _ in code.heads]
    out.print(
        f"{path}: ok — {len(codebook.codes)} codes; "
        + ", ".join(f"{k} {v}" for k, v in sorted(per_category.items()))
        + f"; {len(heads)} frame heads ({len({f for f, _ in heads})} frames, "
        f"{len({c for _, c in heads})} codes)",
        highlight=False,
    )


@app.command("suggest-codes")
def suggest_codes_command(
    paths: Annotated[list[Path], typer.Argument(help="Files and folders to mine.")],
    top: Annotated[int, typer.Option(help="How many terms to list.")] = 30,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per term.")] = False,
    codebook: CodebookOption = None,
) -> None:
    """List frequent terms no code covers, with counts and example sentences."""
    failures: list[Failure] = []
    tagger = load_tagger(codebook)
    documents = []
    for bundle, _ in tagged_documents(paths, codebook, failures):
        text = bundle.document.text
        documents.append([text[s.start : s.end] for s in bundle.segments if s.kind == "sentence"])
    candidates = emerging_terms(documents, tagger, top=top)
    for failure in failures:
        err.print(f"[red]skipped[/red] {failure.line()}", highlight=False, soft_wrap=True)
    if as_json:
        for c in candidates:
            row = {
                "term": c.term,
                "lang": c.lang,
                "count": c.count,
                "documents": c.documents,
                "examples": list(c.examples),
            }
            sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
        return
    table = Table(
        "term",
        "lang",
        "count",
        "documents",
        "example",
        title="Frequent terms no code covers (candidates, not codes)",
    )
    for c in candidates:
        table.add_row(c.term, c.lang, str(c.count), str(c.documents), c.examples[0][:90])
    out.print(table)
