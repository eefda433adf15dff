"""Merging another coder's work: a REFI-QDA project file or another store."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from kgreview.cli.common import StoreOption, UserError, app, err
from kgreview.config import store_settings
from kgreview.ingest.refi_import import import_project
from kgreview.store import GraphStore, open_store
from kgreview.transfer import StoreSource, transfer

PROJECT_SUFFIXES = {".qdpx", ".qde", ".qdc"}


def _counts(store: GraphStore) -> dict[str, int]:
    stats = store.stats()
    coders = {c.id for c in store.list_coders()}
    manual = sum(1 for coder in coders for c in store.codings_by_coder(coder)
                 if c.origin == "manual")  # fmt: skip
    counts = {key: stats[key] for key in ("documents", "codes", "codings")}
    return {**counts, "manual_codings": manual, "memos": len(store.memos()),
            "coders": len(coders)}  # fmt: skip


@app.command("merge")
def merge_command(
    source: Annotated[str, typer.Argument(help="A .qdpx/.qdc file or another store (path, URI).")],
    store: StoreOption = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="Counts before and after as JSON.")
    ] = False,
) -> None:
    """Add another coder's work (codes, codings, memos, documents) without losing or
    duplicating anything; merging the same source again changes nothing."""
    target = open_store(store)
    try:
        before = _counts(target)
        if Path(source).suffix.lower() in PROJECT_SUFFIXES:
            if not Path(source).is_file():
                raise UserError(f"{source}: no such file")
            found = import_project(Path(source), target)
            problems = found.failures
        else:
            if store_settings(source).uri == store_settings(store).uri:
                raise UserError("the source is the target store")
            other = open_store(source)
            try:
                transfer(StoreSource(other), target, merge=True)
            finally:
                other.close()
            problems = []
        after = _counts(target)
    finally:
        target.close()
    for line in problems:
        err.print(f"[red]skipped[/red] {source}: {line}", highlight=False, soft_wrap=True)
    report = {"source": source, "before": before, "after": after,
              "added": {k: after[k] - before[k] for k in after}}  # fmt: skip
    if as_json:
        sys.stdout.write(json.dumps(report, ensure_ascii=False) + "\n")
    else:
        err.print("merged: " + ", ".join(f"+{v} {k}" for k, v in report["added"].items()))
    if problems:
        raise typer.Exit(1)
