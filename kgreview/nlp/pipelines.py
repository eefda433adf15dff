"""Language pipelines, created once per process and cached.

Trained spaCy models cannot be downloaded on our machines, so these are blank pipelines:
spaCy ``zh`` segmenting with jieba (codebook terms in its user dictionary) and spaCy ``en``
(tokenizer and rules). A statistical model could plug in here later without touching callers.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from functools import cache

import jieba

jieba.setLogLevel(logging.WARNING)


@cache
def jieba_tokenizer(user_terms: tuple[str, ...] = ()) -> jieba.Tokenizer:
    """A jieba tokenizer that keeps every codebook term whole."""
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    for term in user_terms:
        tokenizer.add_word(term, freq=200_000)
    return tokenizer


def token_spans(tokenizer: jieba.Tokenizer, text: str) -> Iterable[tuple[int, int]]:
    for _, start, end in tokenizer.tokenize(text, HMM=True):
        yield start, end


@cache
def spacy_zh(user_terms: tuple[str, ...] = ()):  # -> spacy.Language
    """Blank spaCy Chinese with the jieba segmenter and the codebook's terms."""
    import spacy

    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
    if user_terms:
        import jieba as _jieba

        for term in user_terms:
            _jieba.add_word(term, freq=200_000)
    return nlp


@cache
def spacy_en():  # -> spacy.Language
    """Blank spaCy English: tokenizer and rules only."""
    import spacy

    return spacy.blank("en")
