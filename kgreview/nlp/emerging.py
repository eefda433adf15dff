"""Frequent terms no code covers yet: candidates for the codebook (a coder decides).

Chinese: jieba's TF-IDF keywords; English: noun-phrase-like n-grams (two to four words with
no stop word at either end; blank spaCy has no parser, so this is a pattern, not a parse).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

import jieba.analyse

from kgreview.nlp.normalize import normalise
from kgreview.nlp.tagger import Tagger

_WORD = re.compile(r"[a-z][a-z\-']+")
_CJK = re.compile(r"[\u4e00-\u9fff]")


@dataclass(frozen=True, slots=True)
class Candidate:
    term: str
    lang: str
    count: int
    documents: int
    examples: tuple[str, ...]


def _english_phrases(sentence: str, stop: frozenset[str]) -> Iterable[str]:
    words = _WORD.findall(sentence)
    for size in (2, 3, 4):
        for k in range(len(words) - size + 1):
            gram = words[k : k + size]
            if gram[0] in stop or gram[-1] in stop or any(len(w) < 3 for w in gram):
                continue
            yield " ".join(gram)


def emerging_terms(
    sentences_by_document: Iterable[list[str]], tagger: Tagger, *, top: int = 30, min_count: int = 2
) -> list[Candidate]:
    """Terms frequent across the documents that no codebook surface form covers."""
    counts: Counter[tuple[str, str]] = Counter()
    doc_counts: Counter[tuple[str, str]] = Counter()
    examples: dict[tuple[str, str], list[str]] = defaultdict(list)
    covered = tagger.automaton
    for sentences in sentences_by_document:
        seen_here: set[tuple[str, str]] = set()
        text = "\n".join(sentences)
        keywords = {
            w for w in jieba.analyse.extract_tags(normalise(text).text, topK=40) if _CJK.search(w)
        }
        for sentence in sentences:
            view = normalise(sentence).text
            grams = [(g, "en") for g in _english_phrases(view, tagger.cues.stopwords_en)]
            grams += [(w, "zh") for w in keywords if len(w) >= 2 and w in view]
            for key in grams:
                if covered.find_matches_as_indexes(key[0]):
                    continue  # a code already names it (or part of it)
                counts[key] += 1
                seen_here.add(key)
                if len(examples[key]) < 2:
                    examples[key].append(sentence.strip()[:200])
        doc_counts.update(seen_here)
    ranked = sorted(
        (k for k, n in counts.items() if n >= min_count),
        key=lambda k: (-doc_counts[k], -counts[k], k[0]),
    )
    return [
        Candidate(term, lang, counts[(term, lang)], doc_counts[(term, lang)],
                  tuple(examples[(term, lang)]))
        for term, lang in ranked[:top]
    ]  # fmt: skip
