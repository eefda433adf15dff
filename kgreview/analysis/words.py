"""Word frequencies of a document set (jieba for Chinese, a plain word pattern for English),
stop words from ``schemas/stopwords.yaml``, the codebook's Chinese terms kept whole — shown
beside the code frequencies of the same set, where synonyms already count as one."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from kgreview.config import schemas_dir

_HAN = re.compile(r"[\u3400-\u9fff]")
_LATIN = re.compile(r"[A-Za-z][A-Za-z'-]*[A-Za-z]")
_SPLIT = re.compile(r"([\u3400-\u9fff]+)")


@dataclass(frozen=True, slots=True)
class WordCount:
    word: str
    count: int  # occurrences in the set
    documents: int  # documents using it


def load_stopwords(path: Path | None = None) -> frozenset[str]:
    """The zh and en stop words of the data file, as one set (English lower-cased)."""
    source = path or schemas_dir() / "stopwords.yaml"
    data = yaml.safe_load(source.read_text(encoding="utf-8")) or {}
    words = [str(w) for w in data.get("zh") or ()]
    words += [str(w).casefold() for w in data.get("en") or ()]
    return frozenset(words)


@lru_cache(maxsize=4)
def _tokenizer(terms: tuple[str, ...]):
    # A tokenizer of our own (jieba's default one is global state other code may change).
    import jieba

    jieba.setLogLevel(60)
    tokenizer = jieba.Tokenizer()
    for term in terms:
        tokenizer.add_word(term, freq=2000)
    return tokenizer


def tokens(
    text: str, stopwords: frozenset[str], terms: Sequence[str] = (), lang: str = "all"
) -> list[str]:
    """Content words of a text: Chinese words of two or more characters, English words of
    three or more letters (lower-cased), none of them stop words; ``lang`` zh or en keeps
    one script only."""
    tokenizer = _tokenizer(tuple(sorted(set(terms))))
    found: list[str] = []
    for part in _SPLIT.split(text):
        if not part:
            continue
        if _HAN.match(part):
            if lang == "en":
                continue
            found += [
                w for w in tokenizer.lcut(part, HMM=True) if len(w) >= 2 and w not in stopwords
            ]
        elif lang != "zh":
            found += [
                w
                for w in (m.group(0).casefold() for m in _LATIN.finditer(part))
                if len(w) >= 3 and w not in stopwords
            ]
    return found


def word_frequencies(
    texts: Iterable[str],
    stopwords: frozenset[str] | None = None,
    terms: Sequence[str] = (),
    top: int | None = 50,
    lang: str = "all",
) -> list[WordCount]:
    """The most frequent content words over the texts, with the documents using each."""
    stop = load_stopwords() if stopwords is None else stopwords
    counts: Counter[str] = Counter()
    documents: Counter[str] = Counter()
    for text in texts:
        found = tokens(text, stop, terms, lang)
        counts.update(found)
        documents.update(set(found))
    ranked = sorted(counts, key=lambda w: (-counts[w], -documents[w], w))
    return [WordCount(w, counts[w], documents[w]) for w in ranked[:top]]


def code_counts(
    incidence: Iterable[tuple[str, str, str]],
    documents: set[str],
    labels: dict[str, str],
    top: int | None = 50,
) -> list[dict]:
    """Documents per code within the set (any polarity but a negation), most first."""
    found: dict[str, set[str]] = {}
    for document, code, polarity in incidence:
        if document in documents and polarity != "negated":
            found.setdefault(code, set()).add(document)
    ranked = sorted(found, key=lambda c: (-len(found[c]), c))[:top]
    return [{"code": c, "label": labels.get(c, c), "documents": len(found[c])} for c in ranked]
