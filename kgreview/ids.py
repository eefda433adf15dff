"""Deterministic ids, so re-ingesting, importing or merging never duplicates a node.

document = DOI if known, else a hash of normalised (title, first author, year), else of the
normalised text; segment = document + kind + offsets; coding = document + span + code + coder.
"""

from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from functools import lru_cache

_SPACE = re.compile(r"\s+")
_DOI = re.compile(r"10\.\d{4,9}/\S+", re.IGNORECASE)
_NOT_WORD = re.compile(r"[\W_]+")
_NAME_PUNCT = re.compile(r"[,.\-‐‑·・_]+")
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_blake2b = hashlib.blake2b


def digest(*parts: object, size: int = 20) -> str:
    """A short, stable hex digest of the parts (joined with a separator that text never holds)."""
    if None in parts:
        parts = tuple("" if p is None else p for p in parts)
    joined = "\x1f".join(map(str, parts))
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


def title_key(title: str) -> str:
    """A title reduced to its letters and digits (NFKC, casefolded): punctuation, spacing and
    full-/half-width differences between two exports of one paper vanish."""
    return _NOT_WORD.sub("", unicodedata.normalize("NFKC", title).casefold())


def author_key(name: str) -> str:
    """One key for the variants of a name within one script.

    ``Liu, Wei``, ``Liu Wei`` and ``LIU, WEI`` share ``liu wei`` (accents dropped, so WoS's
    ``Klöckner``/``Klockner`` agree); Chinese names are kept whole with inner spaces removed
    (``刘 伟`` = ``刘伟``). Scripts never meet (``刘伟`` ≠ ``Liu Wei``), and initials stay
    initials (``LIU W`` ≠ ``Liu Wei``): merging those needs corroboration we do not have here.
    """
    text = unicodedata.normalize("NFKC", name).strip().casefold()
    if _CJK.search(text):
        return _SPACE.sub("", text)
    bare = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return _SPACE.sub(" ", _NAME_PUNCT.sub(" ", bare)).strip()


def match_keys(
    *, doi: str | None, title: str, first_author: str | None, year: int | None, full_text: bool
) -> tuple[str, ...]:
    """Keys under which another copy of the same paper would be found (see the pipeline).

    ``doi:<doi>``; ``ta:<title+first author>|<year>``; ``t:<title>|<year>|<r or f>`` (title
    alone only ever joins a bibliographic record with a full text, never two records).
    """
    keys: list[str] = []
    doi_key = normalise_doi(doi)
    if doi_key:
        keys.append("doi:" + doi_key)
    tkey = title_key(title) if title else ""
    if tkey:
        when = str(year or "")
        if first_author:
            keys.append(f"ta:{digest(tkey, author_key(first_author))}|{when}")
        keys.append(f"t:{digest(tkey)}|{when}|{'f' if full_text else 'r'}")
    return tuple(keys)


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
        return "doc:" + digest(title_key(title), author_key(first_author or ""), year or "")
    if text:
        return "doc:" + digest(normalise_key(text))
    if title:
        return "doc:" + digest(normalise_key(title))
    raise ValueError("a document needs a DOI, a title or text to get an id")


def segment_id(document: str, kind: str, start: int, end: int) -> str:
    if None in (document, kind, start, end):
        return f"seg:{digest(document, kind, start, end)}"
    # digest() inlined (tens of thousands of ids per MB of text): the same bytes, hashed once.
    joined = f"{document!s}\x1f{kind!s}\x1f{start!s}\x1f{end!s}".encode()
    return "seg:" + _blake2b(joined, digest_size=20).hexdigest()[:20]


def coding_id(document: str, start: int, end: int, code: str, coder: str) -> str:
    if None in (document, start, end, code, coder):
        return f"cod:{digest(document, start, end, code, coder)}"
    joined = f"{document!s}\x1f{start!s}\x1f{end!s}\x1f{code!s}\x1f{coder!s}".encode()
    return "cod:" + _blake2b(joined, digest_size=20).hexdigest()[:20]


@lru_cache(maxsize=1 << 16)  # names recur across a corpus's records and reference lists
def author_id(name: str) -> str:
    return f"au:{digest(author_key(name))}"


def reference_id(raw: str) -> str:
    return f"ref:{digest(normalise_key(raw))}"


def site_id(name: str, city: str = "") -> str:
    return f"site:{digest(normalise_key(city), normalise_key(name))}"


def institution_id(name: str) -> str:
    return f"inst:{digest(normalise_key(name))}"


def keyword_id(term: str) -> str:
    return f"kw:{digest(normalise_key(term))}"


def text_hash(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()


def file_hash(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def file_hash_of(path: str | os.PathLike[str], chunk: int = 1 << 20) -> str:
    """:func:`file_hash` of a file's bytes, read in chunks (files may be any size)."""
    hasher = hashlib.blake2b(digest_size=16)
    with open(path, "rb") as handle:
        while block := handle.read(chunk):
            hasher.update(block)
    return hasher.hexdigest()


def participant_id(document: str, label: str) -> str:
    """A person in one transcript (the same label in another interview is another person)."""
    return f"part:{digest(document, normalise_key(label))}"
