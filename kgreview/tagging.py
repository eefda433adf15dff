"""The tagger the commands use: one codebook and one cue set, built once per process."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from kgreview.nlp.codebook import default_codebook_path, load_codebook
from kgreview.nlp.cues import load_cues
from kgreview.nlp.tagger import Tagger


@cache
def _tagger(path: Path) -> Tagger:
    return Tagger(load_codebook(path), load_cues())


def load_tagger(codebook: str | Path | None = None) -> Tagger:
    """The tagger for ``codebook`` (default ``schemas/codebook.yaml``); raises CodebookError."""
    return _tagger(Path(codebook).resolve() if codebook else default_codebook_path().resolve())
