"""Commands that fill and read the store: ingest, stats, serve, demo."""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
from rich.table import Table

from kgreview import config
from kgreview.cli.common import CodebookOption, StoreOption, UserError, app, err, out
from kgreview.ingest import FORMATS, ReadOptions
from kgreview.ingest.tabular import FIELD_NAMES
from kgreview.pipeline import IngestReport, ingest, retag
from kgreview.retagging import keep_setup
from kgreview.store import GraphStore, open_store
from kgreview.tagging import load_tagger

LOOPBACK = "127.0.0.1"  # the app holds confidential interviews: never the network by default


def _count_files(paths: list[Path]) -> int:
    total = 0
    for path in paths:
        if path.is_dir():
            total += sum(len(files) for _, _, files in os.walk(path))
        else:
            total += 1
    return total


def _run_ingest(
    paths: list[Path],
    store: GraphStore,
    codebook: str | None = None,
    quiet: bool = False,
    options: ReadOptions | None = None,
    debug: bool = False,
    workers: int = 1,
    batch: int = 200,
) -> IngestReport:
    tagger = load_tagger(codebook)  # a broken codebook stops here, before any write
    store.upsert_codes(tagger.codebook.to_codes())
    with Progress(
        TextColumn("[bold]ingest"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[name]}"),
        console=err,
        transient=True,
        disable=quiet,
    ) as bar:
        task = bar.add_task("ingest", total=_count_files(paths), name="")
        report = ingest(
            paths, store, annotate=tagger.tag, tag_key=tagger.key,
            progress=lambda p: bar.update(task, advance=1, name=p.name),
            options=options, debug=debug, workers=workers, batch_size=batch,
        )  # fmt: skip
    if report.documents:
        keep_setup(tagger)  # so a later codebook edit re-tags only what it can change
    for failure in report.failures:
        err.print(f"[red]skipped[/red] {failure.line()}", highlight=False, soft_wrap=True)
    err.print(f"{report.summary()} into {store.describe()}", highlight=False, soft_wrap=True)
    return report


def _parse_columns(spec: str | None) -> dict[str, str]:
    """``title=题名,abstract=摘要`` → {"title": "题名", "abstract": "摘要"}."""
    columns: dict[str, str] = {}
    for part in filter(None, (p.strip() for p in (spec or "").split(","))):
        name, sep, header = part.partition("=")
        if not sep or not name.strip() or not header.strip():
            raise UserError(f"--columns: {part!r} is not field=column")
        columns[name.strip()] = header.strip()
    unknown = set(columns) - FIELD_NAMES
    if unknown:
        raise UserError(
            f"--columns: unknown fields {sorted(unknown)}; known: {sorted(FIELD_NAMES)}"
        )
    return columns


@app.command("ingest")
def ingest_command(
    paths: Annotated[list[Path], typer.Argument(help="Files and folders (read recursively).")],
    store: StoreOption = None,
    codebook: CodebookOption = None,
    columns: Annotated[
        str | None,
        typer.Option(help="CSV/XLSX column mapping, e.g. 'title=题名,abstract=摘要,authors=作者'."),
    ] = None,
    fmt: Annotated[
        str | None,
        typer.Option("--format", help=f"Skip detection and read as: {', '.join(FORMATS)}."),
    ] = None,
    max_text_mb: Annotated[
        float, typer.Option(help="Largest text of one document, in MB (files may be larger).")
    ] = 20.0,
    workers: Annotated[
        int,
        typer.Option(
            help="Processes that tag in parallel (default: up to 4 cores); with 2 or more, "
            "files are also read in a process of their own."
        ),
    ] = min(4, os.cpu_count() or 1),
    batch: Annotated[int, typer.Option(min=1, help="Documents written per transaction.")] = 200,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks.")] = False,
) -> None:
    """Read and tag files and folders into the graph store (unchanged files are skipped).

    Exit status 1 if any file or record failed (the rest is still stored).
    """
    if fmt and fmt not in FORMATS:
        raise UserError(f"--format: unknown format {fmt!r}; known: {', '.join(FORMATS)}")
    options = ReadOptions(
        fmt=fmt or "", columns=_parse_columns(columns), max_text_bytes=int(max_text_mb * 2**20)
    )
    load_tagger(codebook)
    graph = open_store(store)
    try:
        report = _run_ingest(paths, graph, codebook, options=options, debug=debug,
                             workers=workers, batch=batch)  # fmt: skip
    finally:
        graph.close()
    if report.failures:
        raise typer.Exit(1)


@app.command("retag")
def retag_command(store: StoreOption = None, codebook: CodebookOption = None) -> None:
    """Re-tag stored documents after the codebook or cues changed (manual codes stay)."""
    tagger = load_tagger(codebook)  # a broken codebook stops here, before any write
    graph = open_store(store)
    try:
        graph.upsert_codes(tagger.codebook.to_codes())
        retagged: list[Path] = []  # progress is called once per document tagged again
        count = retag(graph, tagger.tag, tagger.key, progress=retagged.append, tagger=tagger)
    finally:
        graph.close()
    err.print(
        f"re-tagged {len(retagged)} documents, {count - len(retagged)} kept their auto codings "
        f"(no changed term in them) in {graph.describe()}",
        highlight=False,
    )


@app.command("stats")
def stats_command(
    store: StoreOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print counts as JSON.")] = False,
) -> None:
    """Count documents, segments, codings, codes, authors and references in the store."""
    graph = open_store(store)
    try:
        counts = graph.stats()
    finally:
        graph.close()
    if as_json:
        sys.stdout.write(json.dumps(counts) + "\n")
        return
    table = Table("what", "count", title="kgreview store")
    for key, value in counts.items():
        table.add_row(key, str(value))
    out.print(table)


def _print_summary(graph: GraphStore, top: int = 5) -> None:
    counts = graph.stats()
    out.print(
        "[bold]Corpus:[/bold] " + ", ".join(f"{value} {key}" for key, value in counts.items()),
        highlight=False,
    )
    frequencies = graph.code_frequencies()
    if not frequencies:
        out.print("No codings yet: the codebook tagger adds them (see README, 'Tagging').")
        return
    out.print("Auto-codes are suggestions from the codebook, not analysis: check the evidence.")
    table = Table("category", "code", "documents", "codings", title="Top codes per category")
    seen: dict[str, int] = {}
    for row in sorted(frequencies, key=lambda r: r.category):  # stable: keeps top-first
        if seen.get(row.category, 0) < top:
            seen[row.category] = seen.get(row.category, 0) + 1
            label = f"{row.label_en} / {row.label_zh}".strip(" /") or row.code_id
            table.add_row(row.category, label, str(row.documents), str(row.codings))
    out.print(table)


def _serve(store_uri: str, port: int, headless: bool, address: str = LOOPBACK) -> None:
    script = Path(__file__).resolve().parent.parent / "app" / "main.py"
    env = {**os.environ, "KGREVIEW_STORE": store_uri}
    if address not in (LOOPBACK, "localhost", "::1"):
        err.print(f"warning: serving on {address}: anyone who can reach this machine can read "
                  "the project (interview data included)", highlight=False)  # fmt: skip
    command = [
        sys.executable, "-m", "streamlit", "run", str(script),
        "--server.address", address, "--server.port", str(port),
        "--server.headless", "true" if headless else "false",
        "--browser.gatherUsageStats", "false", "--client.toolbarMode", "minimal",
    ]  # fmt: skip
    err.print(f"serving the explorer on http://{address}:{port} (Ctrl+C stops)")
    with contextlib.suppress(KeyboardInterrupt):
        finished = subprocess.run(command, env=env, check=False)
        if finished.returncode not in (0, -2, 130):  # Ctrl+C is a normal way to stop
            raise UserError(f"the explorer app stopped with exit code {finished.returncode}")


@app.command("serve")
def serve_command(
    store: StoreOption = None,
    port: Annotated[int, typer.Option(help="Port on 127.0.0.1.")] = 8501,
    headless: Annotated[bool, typer.Option(help="Do not open a browser window.")] = True,
    address: Annotated[
        str, typer.Option(help="Interface to listen on (default loopback only).")
    ] = LOOPBACK,
) -> None:
    """Start the Streamlit explorer app on 127.0.0.1 (``--address`` to serve a network)."""
    settings = config.store_settings(store)
    open_store(settings).close()  # fail here, in one line, rather than inside the app
    _serve(settings.uri, port, headless, address)


@app.command("demo")
def demo_command(
    store: StoreOption = None,
    serve: Annotated[bool, typer.Option("--serve/--no-serve", help="Serve the app after.")] = True,
    port: Annotated[int, typer.Option(help="Port for the app.")] = 8501,
) -> None:
    """Ingest the sample corpus, print a summary, then serve the explorer."""
    corpus = config.corpus_dir()
    if not corpus.is_dir():
        raise UserError(f"sample corpus not found at {corpus} (run from a source checkout)")
    settings = config.store_settings(store)
    graph = open_store(settings)
    try:
        _run_ingest([corpus], graph)
        _print_summary(graph)
    finally:
        graph.close()
    if serve:
        _serve(settings.uri, port, headless=True)
