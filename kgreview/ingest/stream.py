"""Files → numbered lines, decoded incrementally: memory stays flat however large the file.

The encoding is decided once from the file's head (byte-order mark, strict UTF-8, then
charset-normalizer among the encodings our users' files come in) and recorded; bytes later in
the file that do not decode under it stop the file with one line naming where.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from charset_normalizer import from_bytes

from kgreview.ingest import ReaderError
from kgreview.ingest.textnorm import LIKELY_ENCODINGS, damaged_utf8

HEAD_BYTES = 1 << 16
BLOCK_BYTES = 1 << 16
_NEWLINE = re.compile(r"\r\n|\r|\n")
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def read_head(path: Path, size: int = HEAD_BYTES) -> bytes:
    with open(path, "rb") as handle:
        return handle.read(size)


def _valid_prefix(head: bytes, encoding: str, complete: bool) -> bool:
    # The head may end inside a multi-byte character: decode it as a non-final chunk.
    try:
        codecs.getincrementaldecoder(encoding)("strict").decode(head, final=complete)
    except UnicodeDecodeError:
        return False
    return True


def sniff_encoding(head: bytes, complete: bool = False) -> str:
    """The encoding of a file whose first bytes are ``head`` (``complete``: the whole file).

    Raises :class:`ReaderError` for binary content or bytes that are text in no encoding.
    """
    for bom, name in _BOMS:
        if head.startswith(bom):
            return name
    if b"\x00" in head:
        raise ReaderError("binary content (NUL bytes), not a text export")
    if _valid_prefix(head, "utf-8", complete):
        return "utf-8"
    damaged = damaged_utf8(head, complete)
    if damaged:
        raise ReaderError(damaged[1], line=damaged[0])
    best = from_bytes(head, cp_isolation=LIKELY_ENCODINGS).best() or from_bytes(head).best()
    if best is None:
        raise ReaderError("undecodable bytes: not text in any encoding we recognise")
    return best.encoding


@dataclass(slots=True)
class TextLines:
    """An open text file: ``encoding`` as decided, ``newline`` as first seen, ``line`` = the
    number of the line last yielded (1-based) so readers can name where a record starts."""

    path: Path
    encoding: str
    newline: str = ""
    line: int = 0

    def __iter__(self) -> Iterator[str]:
        """Lines without their terminator; ``\\r\\n``, ``\\r`` and ``\\n`` all end a line."""
        decoder = codecs.getincrementaldecoder(self.encoding)("strict")
        pending = ""
        with open(self.path, "rb") as raw:
            while True:
                block = raw.read(BLOCK_BYTES)
                failed: UnicodeDecodeError | None = None
                try:
                    text = decoder.decode(block, final=not block)
                except UnicodeDecodeError as exc:
                    # The lines before the bad bytes are still good: hand them out first,
                    # so the records before a damaged spot go in.
                    failed, text = exc, self._good_prefix(exc)
                pending += text
                # A "\r" at the end of a block may be the first half of "\r\n": wait for more.
                more = block and not failed
                cut = len(pending) - 1 if more and pending.endswith("\r") else len(pending)
                parts = _NEWLINE.split(pending[:cut])
                if not self.newline:
                    found = _NEWLINE.search(pending[:cut])
                    self.newline = found.group(0) if found else ""
                pending = parts.pop() + pending[cut:]
                for line in parts:
                    self._check(line, self.line + 1)
                    self.line += 1
                    yield line
                if failed is not None:
                    line = self.line + 1 + pending.count("\n")
                    raise ReaderError(
                        f"undecodable bytes on line {line} (read as {self.encoding}): "
                        f"{failed.reason}",
                        line=line,
                    ) from None
                if not block:
                    break
        if pending:
            self._check(pending, self.line + 1)
            self.line += 1
            yield pending

    def _good_prefix(self, exc: UnicodeDecodeError) -> str:
        """The text before the bytes that failed (``exc.object`` is the decoder's pending
        bytes plus the block, so its prefix decodes on its own)."""
        decoder = codecs.getincrementaldecoder(self.encoding)("ignore")
        return decoder.decode(bytes(exc.object[: max(exc.start, 0)]), final=False)

    @staticmethod
    def _check(line: str, number: int) -> None:
        # A NUL is never text: a binary part pasted into an export (the head check only
        # sees the first 64 KB).
        if "\x00" in line:
            raise ReaderError(f"binary content (NUL byte) on line {number}", line=number)


def open_lines(path: Path) -> TextLines:
    """A :class:`TextLines` over ``path`` with its encoding sniffed from the head."""
    head = read_head(path)
    encoding = sniff_encoding(head, complete=len(head) < HEAD_BYTES)
    return TextLines(path, encoding)
