"""Moving a project: copy between stores, backup, restore, and verify two stores agree."""

from __future__ import annotations

import contextlib
import json
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from kgreview.cli.common import StoreOption, UserError, app, err, out
from kgreview.config import StoreSettings, store_settings
from kgreview.store import GraphStore, open_store
from kgreview.transfer import StoreSource, compare, open_backup, steps, transfer, write_backup
from kgreview.transfer.source import Source, Step

MergeOption = Annotated[
    bool,
    typer.Option("--merge", help="Add to a non-empty target: same ids are updated, none doubled."),
]
BatchOption = Annotated[int, typer.Option(help="Rows per transaction.", min=1)]


def _identity(settings: StoreSettings) -> str:
    """What names a store across runs (a resumed copy must come from the same place)."""
    return settings.uri if settings.is_neo4j else f"embedded {Path(settings.uri).resolve()}"


@contextlib.contextmanager
def _bar(verb: str, total: int) -> Iterator[Callable[[Step, int], None]]:
    with Progress(
        TextColumn(f"[bold]{verb}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.fields[step]}"),
        console=err,
        transient=True,
    ) as bar:
        task = bar.add_task(verb, total=total, step="")
        yield lambda step, n: bar.update(task, advance=n, step=str(step))


def _total(source: Source) -> int:
    return sum(source.count(step) for step in steps())


def _run(verb: str, source: Source, target: GraphStore, merge: bool, batch: int) -> None:
    with _bar(verb, _total(source)) as progress:
        report = transfer(source, target, merge=merge, batch=batch, progress=progress)
    rows = sum(report.copied.values())
    how = "resumed, " if report.resumed else ""
    err.print(
        f"{verb}: {rows} rows ({how}{'merged' if merge else 'into an empty store'}) "
        f"from {report.source} into {report.target}",
        highlight=False,
        soft_wrap=True,
    )


@app.command("copy")
def copy_command(
    source: Annotated[str, typer.Option("--from", help="Store to copy from (path or URI).")],
    target: Annotated[str, typer.Option("--to", help="Store to copy into (path or URI).")],
    merge: MergeOption = False,
    batch: BatchOption = 2000,
) -> None:
    """Copy every node and relationship from one store into another (resumable)."""
    settings_from, settings_to = store_settings(source), store_settings(target)
    if _identity(settings_from) == _identity(settings_to):
        raise UserError("--from and --to name the same store")
    reader = open_store(settings_from)
    try:
        writer = open_store(settings_to)
        try:
            _run("copy", StoreSource(reader, _identity(settings_from)), writer, merge, batch)
        finally:
            writer.close()
    finally:
        reader.close()


@app.command("backup")
def backup_command(
    out_file: Annotated[Path, typer.Argument(help="Backup file to write (a .zip).")],
    store: StoreOption = None,
    force: Annotated[bool, typer.Option(help="Overwrite an existing file.")] = False,
) -> None:
    """Write the whole store to one portable, checksummed backup file."""
    if out_file.exists() and not force:
        raise UserError(f"{out_file} exists (pass --force to overwrite it)")
    graph = open_store(store)
    try:
        source = StoreSource(graph)
        with _bar("backup", _total(source)) as progress:
            manifest = write_backup(graph, out_file, progress=progress)
    finally:
        graph.close()
    nodes = sum(manifest["counts"]["nodes"].values())
    edges = sum(manifest["counts"]["relationships"].values())
    err.print(
        f"backup: {nodes} nodes and {edges} relationships from {graph.describe()} "
        f"into {out_file} (format {manifest['format_version']})",
        highlight=False,
        soft_wrap=True,
    )


@app.command("restore")
def restore_command(
    backup_file: Annotated[Path, typer.Argument(help="Backup file written by kgreview backup.")],
    store: StoreOption = None,
    merge: MergeOption = False,
    batch: BatchOption = 2000,
) -> None:
    """Read a backup back into a store, after checking every checksum (resumable)."""
    source = open_backup(backup_file)  # a damaged file stops here, before any write
    try:
        graph = open_store(store)
        try:
            _run("restore", source, graph, merge, batch)
        finally:
            graph.close()
    finally:
        source.close()


@app.command("verify")
def verify_command(
    store: StoreOption = None,
    against: Annotated[str, typer.Option("--against", help="The store to compare with.")] = "",
    as_json: Annotated[bool, typer.Option("--json", help="Print the comparison as JSON.")] = False,
) -> None:
    """Compare two stores (counts, and a hash per document with its codings); exit 1 if they
    differ."""
    if not against:
        raise UserError("--against: name the store to compare with")
    first = open_store(store)
    try:
        second = open_store(against)
        try:
            result = compare(first, second)
        finally:
            second.close()
    finally:
        first.close()
    if as_json:
        sys.stdout.write(json.dumps(result.to_json(), ensure_ascii=False) + "\n")
    else:
        for difference in result.differences:
            out.print(difference.line(), highlight=False, soft_wrap=True)
        verdict = "no differences" if result.identical else f"{len(result.differences)} differences"
        err.print(
            f"verify: {verdict} between A = {result.a} and B = {result.b} "
            f"({result.documents} documents compared)",
            highlight=False,
            soft_wrap=True,
        )
    if not result.identical:
        raise typer.Exit(1)
