"""Readers: one module per source format, each ``path -> Iterator[Document]``.

:data:`READERS` is the one table of formats; :func:`kgreview.ingest.detect.detect_format`
picks one by content first and extension second.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from kgreview.model import Document

Reader = Callable[[Path, bytes], Iterator[Document]]


class ReaderError(ValueError):
    """A file or record that cannot be read; the message names the reason."""


def readers() -> dict[str, Reader]:
    """Format name → reader (imported lazily so a CLI start stays fast)."""
    from kgreview.ingest import text

    return {"text": text.read}
