"""Backups: one zip of JSON Lines (a member per label and relationship type) plus a manifest.

Format version 1 (``manifest.json``)::

    {"format": "kgreview-backup", "format_version": 1, "schema_version": <graph.yaml>,
     "created_at": ..., "source": ..., "codebook_hash": <sha256 of nodes/Code.jsonl>,
     "counts": {"nodes": {label: n}, "relationships": {type: n}},
     "members": {"nodes/Document.jsonl": {"sha256": ..., "rows": n}, ...}}

Each member line is one exported row (every declared property; json properties as JSON
text; edges as ``{src, dst, ...}``). Reading checks every member's checksum before anything
is written. A newer format version is refused; older ones stay readable (``READERS``).
"""

from __future__ import annotations

import hashlib
import json
import os
import zipfile
import zlib
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from kgreview.store.base import GraphStore
from kgreview.store.schema import SCHEMA, Label
from kgreview.transfer.copy import TransferError
from kgreview.transfer.source import Page, Step, StoreSource, steps

FORMAT = "kgreview-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"


def _line(row: dict[str, Any]) -> bytes:
    return (json.dumps(row, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")


def write_backup(
    store: GraphStore,
    out: Path,
    *,
    batch: int = 5000,
    progress: Callable[[Step, int], None] | None = None,
) -> dict[str, Any]:
    """Write ``store`` to ``out`` (atomically: a partial file is never left under that name)."""
    source = StoreSource(store)
    partial = out.with_name(out.name + ".partial")
    members: dict[str, dict[str, Any]] = {}
    counts: dict[str, dict[str, int]] = {"nodes": {}, "relationships": {}}
    with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        for step in steps():
            digest, rows = hashlib.sha256(), 0
            with archive.open(step.member, "w", force_zip64=True) as member:
                for page, _ in source.pages(step, None, batch):
                    for row in page:
                        data = _line(row)
                        digest.update(data)
                        member.write(data)
                    rows += len(page)
                    if progress:
                        progress(step, len(page))
            members[step.member] = {"sha256": digest.hexdigest(), "rows": rows}
            counts[step.kind][step.name] = rows
        manifest = {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "schema_version": SCHEMA.version,
            "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "source": store.describe(),
            "codebook_hash": members[Step("nodes", Label.Code).member]["sha256"],
            "counts": counts,
            "members": members,
        }
        archive.writestr(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=2))
    os.replace(partial, out)
    return manifest


class BackupSource:
    """A verified backup, read as a copy source; the cursor is the number of rows read."""

    def __init__(self, path: Path, archive: zipfile.ZipFile, manifest: dict[str, Any]) -> None:
        self.path = path
        self.archive = archive
        self.manifest = manifest
        digest = hashlib.sha256(json.dumps(manifest, sort_keys=True).encode()).hexdigest()
        self.name = f"backup {path.resolve()} {digest[:16]}"

    def describe(self) -> str:
        return f"backup {self.path}"

    def close(self) -> None:
        self.archive.close()

    def count(self, step: Step) -> int:
        return int(self.manifest["counts"].get(step.kind, {}).get(step.name, 0))

    def pages(self, step: Step, after: Any, limit: int) -> Iterator[Page]:
        if step.member not in self.manifest["members"]:
            return  # an older backup, from before this label existed
        skip, page = int(after or 0), []
        with self.archive.open(step.member) as member:
            for n, line in enumerate(member, start=1):
                if n <= skip:
                    continue
                page.append(json.loads(line))
                if len(page) == limit:
                    yield page, n
                    page = []
            if page:
                yield page, n


def _damaged(path: Path, why: str) -> TransferError:
    return TransferError(f"backup {path} is damaged and was not restored: {why}")


def _read_manifest(path: Path, archive: zipfile.ZipFile) -> dict[str, Any]:
    try:
        manifest = json.loads(archive.read(MANIFEST))
    except KeyError:
        raise TransferError(f"{path} is not a kgreview backup (no {MANIFEST})") from None
    except (ValueError, zipfile.BadZipFile, zlib.error, OSError) as exc:
        raise _damaged(path, f"{MANIFEST} cannot be read ({exc})") from exc
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise TransferError(f"{path} is not a kgreview backup ({MANIFEST} names another format)")
    version = manifest.get("format_version")
    if version not in READERS:
        raise TransferError(
            f"{path} is backup format version {version}; this kgreview reads versions "
            f"{', '.join(map(str, sorted(READERS)))} (a newer kgreview made it?)"
        )
    return READERS[version](manifest)


def _check_member(path: Path, archive: zipfile.ZipFile, name: str, expected: dict) -> None:
    digest, rows = hashlib.sha256(), 0
    try:
        with archive.open(name) as member:
            while chunk := member.read(1 << 20):
                digest.update(chunk)
                rows += chunk.count(b"\n")
    except KeyError:
        raise _damaged(path, f"member {name} is missing") from None
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError) as exc:
        raise _damaged(path, f"member {name} cannot be read ({exc})") from exc
    if digest.hexdigest() != expected.get("sha256"):
        raise _damaged(path, f"member {name} does not match its checksum in {MANIFEST}")
    if rows != expected.get("rows"):
        raise _damaged(path, f"member {name} has {rows} rows, {MANIFEST} says {expected['rows']}")


def open_backup(path: Path) -> BackupSource:
    """Open and verify a backup (every member's checksum) before anything is restored."""
    try:
        archive = zipfile.ZipFile(path)
    except FileNotFoundError:
        raise TransferError(f"backup {path} does not exist") from None
    except (zipfile.BadZipFile, OSError) as exc:
        raise TransferError(f"{path} is not a kgreview backup (not a readable zip: {exc})") from exc
    try:
        manifest = _read_manifest(path, archive)
        known = {step.member for step in steps()}
        for name, expected in manifest["members"].items():
            if name not in known:
                raise TransferError(
                    f"backup {path} holds {name}, which this graph schema does not declare"
                )
            _check_member(path, archive, name, expected)
    except BaseException:
        archive.close()
        raise
    return BackupSource(path, archive, manifest)


def _read_v1(manifest: dict[str, Any]) -> dict[str, Any]:
    for key in ("members", "counts"):
        if not isinstance(manifest.get(key), dict):
            raise TransferError(f"backup manifest has no {key!r}")
    return manifest


# One reader per format version ever written: a newer format adds one, never drops one.
READERS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {1: _read_v1}

__all__ = ["FORMAT_VERSION", "BackupSource", "open_backup", "write_backup"]
