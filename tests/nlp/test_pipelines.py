"""Blank spaCy pipelines (no model downloads): built once, codebook terms kept whole."""

from __future__ import annotations

from kgreview.nlp.pipelines import jieba_tokenizer, spacy_en, spacy_zh, token_spans


def test_spacy_zh_segments_with_jieba_and_keeps_codebook_terms() -> None:
    terms = ("社区能人", "增能理论")
    nlp = spacy_zh(terms)
    assert spacy_zh(terms) is nlp  # cached: created once per process
    words = [t.text for t in nlp("挖掘社区能人，运用增能理论。")]
    assert "社区能人" in words and "增能理论" in words


def test_spacy_en_is_blank_and_tokenizes() -> None:
    assert [t.text for t in spacy_en()("Social workers use empowerment theory.")][-2:] == [
        "theory",
        ".",
    ]


def test_jieba_tokenizer_offsets_cover_the_text() -> None:
    text = "居民参与社区治理"
    spans = list(token_spans(jieba_tokenizer(("社区治理",)), text))
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert (4, 8) in spans
