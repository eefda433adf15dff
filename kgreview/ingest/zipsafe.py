"""Checks on a zip container (Word, Excel) before any library opens it.

python-docx and openpyxl read parts into memory through :mod:`zipfile`, whose reads stop at
each entry's declared size (a lying header fails its CRC), so the declared sizes bound what
can inflate: a zip bomb is refused by them before a byte is inflated. Entry names that would
land outside a folder (``../``, absolute paths, drive letters) refuse the file whole, though
nothing is ever extracted, because such a file was made to attack. XML parts that declare a
DTD are refused: entity expansion (billion laughs) and external entities are never followed.
"""

from __future__ import annotations

import codecs
import re
import zipfile
from pathlib import Path, PurePosixPath

from kgreview.ingest import ReaderError

MAX_ENTRIES = 20000
MAX_INFLATED_BYTES = 512 * 1024 * 1024  # all entries together, as declared
PROLOG_BYTES = 64 * 1024  # a root element must start within this much of a part
_DRIVE = re.compile(r"^[A-Za-z]:")
_NOISE = re.compile(rb"\s+|<\?.*?\?>|<!--.*?-->", re.DOTALL)  # what may precede the root
_ROOT = re.compile(rb"<[A-Za-z_]")


def unsafe_name(name: str) -> bool:
    """True for an entry name that would land outside the folder it is extracted to."""
    parts = PurePosixPath(name.replace("\\", "/")).parts
    return name.startswith(("/", "\\")) or bool(_DRIVE.match(name)) or ".." in parts


def _prolog_declares_dtd(head: bytes) -> bool:
    """Whether an XML part's prolog holds a DOCTYPE (or no root element starts in time)."""
    for bom, encoding in ((codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if head.startswith(bom):
            head = head.decode(encoding, errors="ignore").encode("utf-8")
    head = head.removeprefix(codecs.BOM_UTF8)
    at = 0
    while found := _NOISE.match(head, at):
        if found.end() == at:
            break
        at = found.end()
    return not _ROOT.match(head, at)


def check_archive(path: Path, what: str) -> None:
    """Refuse ``path`` (one ReaderError line) if it is damaged, a bomb, a slip or a DTD."""
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise ReaderError(f"damaged or truncated {what} (not a readable zip): {exc}", 1) from exc
    with archive:
        infos = archive.infolist()
        if len(infos) > MAX_ENTRIES:
            raise ReaderError(f"refused: {len(infos)} zip entries (limit {MAX_ENTRIES})", 1)
        for info in infos:
            if unsafe_name(info.filename):
                raise ReaderError(
                    f"refused: zip entry {info.filename!r} would land outside its folder", 1
                )
        total = sum(info.file_size for info in infos)
        if total > MAX_INFLATED_BYTES:
            raise ReaderError(
                f"refused: the zip inflates to {total} bytes (limit {MAX_INFLATED_BYTES}); "
                "a zip bomb or not a document",
                1,
            )
        for info in infos:
            if info.filename.lower().endswith((".xml", ".rels")):
                try:
                    with archive.open(info) as handle:
                        head = handle.read(PROLOG_BYTES)
                except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
                    raise ReaderError(f"damaged {what}: {info.filename}: {exc}", 1) from exc
                if head.strip() and _prolog_declares_dtd(head):
                    raise ReaderError(
                        f"refused: {info.filename} declares a DTD or entities; entity "
                        "expansion and external entities are never followed",
                        1,
                    )
