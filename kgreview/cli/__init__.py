"""The ``kgreview`` command: thin typer commands over pipeline, store and analysis functions.

JSON goes to stdout alone; progress, warnings and errors go to stderr. Errors are one line
unless ``--debug`` is given.
"""

from __future__ import annotations

import sys

from kgreview.cli import (  # noqa: F401  (importing registers the commands)
    bib_commands,
    coding_commands,
    eval_commands,
    export_commands,
    graph_commands,
    merge_commands,
    review_commands,
    search_commands,
    store_commands,
    table_commands,
    tag_commands,
    thesis_commands,
    transfer_commands,
)
from kgreview.cli.common import UserError, app, err
from kgreview.nlp.codebook import CodebookError
from kgreview.store import StoreError

__all__ = ["app", "main"]


def main() -> None:
    """Console entry point: one clear line per error unless --debug."""
    debug = "--debug" in sys.argv
    try:
        app()
    except (StoreError, UserError, CodebookError, ValueError) as exc:
        if debug:
            raise
        # One line, whatever the underlying library put in its message.
        message = " ".join(str(exc).split())
        err.print(f"[red]error:[/red] {message}", highlight=False, soft_wrap=True)
        sys.exit(1)
    except KeyboardInterrupt:
        sys.exit(130)
