"""What every command shares: the typer app, consoles, the --store option, errors."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console

app = typer.Typer(
    help="kgreview — research texts into a knowledge graph of codes, evidence, authors and gaps.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
out = Console()
err = Console(stderr=True)

StoreOption = Annotated[
    str | None,
    typer.Option(
        "--store",
        help="Graph store: a file path (embedded) or neo4j://, bolt:// URI. "
        "Default: $KGREVIEW_STORE, else a file in your user data folder.",
    ),
]
CodebookOption = Annotated[
    str | None,
    typer.Option("--codebook", help="Codebook YAML (default: schemas/codebook.yaml)."),
]
AnonymiseOption = Annotated[
    bool,
    typer.Option(
        "--anonymise",
        help="Replace participant names and named places with pseudonyms (spans recomputed).",
    ),
]


class UserError(Exception):
    """A problem the user can fix; printed as one line."""


@app.callback()
def _root(
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks on errors.")] = False,
) -> None:
    """kgreview: ingest, tag, store and explore research texts."""
