"""Which reader a file needs: by content first, extension second."""

from __future__ import annotations

from pathlib import Path

TEXT_EXTENSIONS = {".txt", ".text", ".md", ""}
# Files that are plainly not research texts (stores, images, our own YAML such as a gold
# set); skipped quietly when walking folders, still tried when named explicitly.
IGNORED_SUFFIXES = {
    ".db",
    ".db-wal",
    ".db-shm",
    ".pyc",
    ".png",
    ".jpg",
    ".jpeg",
    ".gif",
    ".yaml",
    ".yml",
}


def detect_format(path: Path, head: bytes) -> str | None:
    """The format name for ``path`` (its first bytes in ``head``), or None if unsupported."""
    suffix = path.suffix.lower()
    if suffix in TEXT_EXTENSIONS:
        return "text"
    return None
