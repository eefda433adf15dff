"""Uploaded files into the store: saved under a private temporary folder by a cleaned name,
read and tagged by the same pipeline as `kgreview ingest`, reported with its lines.

Names come from the browser and are untrusted: only their last component is kept, control
characters and leading dots go, and every file is checked to land inside the folder.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath, PureWindowsPath

from kgreview.pipeline import ingest
from kgreview.store import GraphStore
from kgreview.tagging import load_tagger

# (done, total, name of the file just finished)
Progress = Callable[[int, int, str], None]
MAX_NAME = 120
_UNSAFE = re.compile(r"[\x00-\x1f\x7f<>:\"|?*]")


@dataclass(slots=True)
class UploadOutcome:
    """What an upload did: the CLI's summary line, its `skipped …` lines, and counts."""

    summary: str = ""
    lines: list[str] = field(default_factory=list)
    documents: int = 0
    files: int = 0


def safe_name(raw: str, taken: set[str] | None = None) -> str:
    """A plain file name for ``raw``: no folders (``/`` or ``\\``), no control characters, no
    leading dots, at most 120 characters with the extension kept; unique among ``taken``."""
    name = PureWindowsPath(PurePosixPath(raw.replace("\\", "/")).name).name
    name = _UNSAFE.sub("_", name).strip().lstrip(".").strip() or "upload"
    stem, dot, ext = name.rpartition(".")
    if not dot:
        stem, ext = name, ""
    ext = ext[:16]
    stem = stem[: MAX_NAME - len(ext) - 1] or "upload"
    name = f"{stem}.{ext}" if ext else stem
    taken = taken if taken is not None else set()
    candidate, n = name, 1
    while candidate.casefold() in taken:
        n += 1
        candidate = f"{stem} ({n}).{ext}" if ext else f"{stem} ({n})"
    taken.add(candidate.casefold())
    return candidate


def save_uploads(files: Sequence[tuple[str, bytes]], folder: Path) -> list[tuple[Path, str]]:
    """Write each (name, bytes) into ``folder`` by its cleaned name; (path, shown name)."""
    root = folder.resolve()
    taken: set[str] = set()
    saved = []
    for raw, data in files:
        name = safe_name(raw, taken)
        target = (root / name).resolve()
        if target.parent != root:  # belt and braces: safe_name already made it plain
            raise ValueError(f"refused file name {raw!r}")
        target.write_bytes(data)
        saved.append((target, name))
    return saved


def _shown(line: str, folder: Path) -> str:
    # The temporary folder means nothing to the user: show the name they uploaded.
    return line.replace(f"{folder.resolve()}{os.sep}", "").replace(f"{folder}{os.sep}", "")


def ingest_uploads(
    files: Sequence[tuple[str, bytes]],
    graph: GraphStore,
    progress: Progress | None = None,
    codebook: str | None = None,
) -> UploadOutcome:
    """Read and tag the uploaded files into ``graph`` exactly as `kgreview ingest` does.

    Bad files and records become `skipped name:line: record N: reason` lines; the rest
    still goes in. The temporary folder is removed afterwards.
    """
    tagger = load_tagger(codebook)
    graph.upsert_codes(tagger.codebook.to_codes())
    with tempfile.TemporaryDirectory(prefix="kgreview-upload-") as tmp:
        folder = Path(tmp)
        saved = save_uploads(files, folder)
        done = 0

        def advance(path: Path) -> None:
            nonlocal done
            done += 1
            if progress:
                progress(done, len(saved), path.name)

        report = ingest(
            [path for path, _ in saved], graph, annotate=tagger.tag, tag_key=tagger.key,
            progress=advance,
        )  # fmt: skip
        lines = [f"skipped {_shown(f.line(), folder)}" for f in report.failures]
    return UploadOutcome(report.summary(), lines, report.documents, report.files)
