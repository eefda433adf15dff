"""Deterministic ids, so re-ingesting, importing or merging never duplicates a node.

document = DOI if known, else a hash of normalised (title, first author, year), else of the
normalised text; segment = document + kind + offsets; coding = document + span + code + coder.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

_SPACE = re.compile(r"\s+")
_DOI = re.compile(r"10\.\d{4,9}/\S+", re.IGNORECASE)


def digest(*parts: object, size: int = 20) -> str:
    """A short, stable hex digest of the parts (joined with a separator that text never holds)."""
    joined = "\x1f".join("" if p is None else str(p) for p in parts)
    return hashlib.blake2b(joined.encode("utf-8"), digest_size=size // 2 * 2).hexdigest()[:size]


def normalise_key(text: str) -> str:
    """Casefolded NFKC text with whitespace collapsed: the form ids are computed from.

    Line endings, full-width forms and spacing differences between two copies of the same
    document therefore do not change its id.
    """
    return _SPACE.sub(" ", unicodedata.normalize("NFKC", text)).strip().casefold()


def normalise_doi(doi: str | None) -> str | None:
    if not doi:
        return None
    found = _DOI.search(doi)
    return found.group(0).rstrip(".").lower() if found else None


def document_id(
    *,
    doi: str | None = None,
    title: str | None = None,
    first_author: str | None = None,
    year: int | None = None,
    text: str | None = None,
) -> str:
    doi_key = normalise_doi(doi)
    if doi_key:
        return "doc:doi:" + doi_key
    if title and (first_author or year):
        return "doc:" + digest(normalise_key(title), normalise_key(first_author or ""), year or "")
    if text:
        return "doc:" + digest(normalise_key(text))
    if title:
        return "doc:" + digest(normalise_key(title))
    raise ValueError("a document needs a DOI, a title or text to get an id")


def segment_id(document: str, kind: str, start: int, end: int) -> str:
    return f"seg:{digest(document, kind, start, end)}"


def coding_id(document: str, start: int, end: int, code: str, coder: str) -> str:
    return f"cod:{digest(document, start, end, code, coder)}"


def author_id(name: str) -> str:
    return f"au:{digest(normalise_key(name))}"


def reference_id(raw: str) -> str:
    return f"ref:{digest(normalise_key(raw))}"


def site_id(name: str, city: str = "") -> str:
    return f"site:{digest(normalise_key(city), normalise_key(name))}"


def keyword_id(term: str) -> str:
    return f"kw:{digest(normalise_key(term))}"


def text_hash(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()


def file_hash(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()
