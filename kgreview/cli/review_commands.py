"""Commands about literature reviews without a store: refs (reference lists)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from kgreview.cli.common import UserError, app, out
from kgreview.ingest.textnorm import DecodeError, decode_bytes
from kgreview.nlp.references import ParsedReference, parse_reference_list

# The contract fields first, then the rest of the dataclass for callers that want them.
JSON_FIELDS = ("n", "raw", "authors", "title", "type", "year", "source", "volume", "issue",
               "pages", "duplicate_of")  # fmt: skip


def read_text(path: Path) -> str:
    """A file's text decoded the way ingest decodes it (BOM, UTF-8, else a detected encoding)."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UserError(f"{path}: {exc.strerror or exc}") from exc
    try:
        return decode_bytes(data).text
    except DecodeError as exc:
        raise UserError(f"{path}: {exc}") from exc


def reference_json(ref: ParsedReference) -> dict:
    """The contract fields in a stable order, then place, date, url, doi, parent, notes, offsets."""
    row = ref.as_json()
    return {**{k: row[k] for k in JSON_FIELDS}, **{k: v for k, v in row.items()
                                                    if k not in JSON_FIELDS}}  # fmt: skip


def _short(text: str | None, limit: int) -> str:
    text = text or ""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _authors(ref: ParsedReference) -> str:
    names = list(ref.authors[:2]) + (["et al."] if len(ref.authors) > 2 else [])
    return ", ".join(names)


@app.command("refs")
def refs_command(
    file: Annotated[Path, typer.Argument(help="A review or paper with a reference list.")],
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per reference.")] = False,
) -> None:
    """Parse a document's reference list (GB/T 7714 or English) and flag duplicate entries."""
    text = read_text(file)
    refs = parse_reference_list(text)
    if not refs:
        raise UserError(f"{file}: no reference list found (no 参考文献/References heading)")
    if as_json:
        for ref in refs:
            sys.stdout.write(json.dumps(reference_json(ref), ensure_ascii=False) + "\n")
        return
    table = Table(title=f"{file.name}: {len(refs)} references")
    ratios = {"authors": 2, "title": 4, "source": 3}
    for name in ("n", "authors", "year", "type", "title", "source", "dup"):
        # Narrow columns never wrap; the others share what is left of the terminal.
        table.add_column(name, no_wrap=name not in ratios, ratio=ratios.get(name))
    for ref in refs:
        source = ref.source or (ref.parent.title if ref.parent else None) or ""
        where = (ref.volume or "") + (f"({ref.issue})" if ref.issue else "")
        where += f":{ref.pages}" if ref.pages else ""
        table.add_row(
            str(ref.n), _authors(ref), str(ref.year or ""), ref.type or "",
            _short(ref.title, 80), " ".join(x for x in (_short(source, 50), where) if x),
            str(ref.duplicate_of) if ref.duplicate_of else "",
        )  # fmt: skip
    out.print(table)
    duplicates = [r for r in refs if r.duplicate_of]
    if duplicates:
        pairs = ", ".join(f"[{r.n}] = [{r.duplicate_of}]" for r in duplicates)
        out.print(f"duplicates: {pairs}", highlight=False)
