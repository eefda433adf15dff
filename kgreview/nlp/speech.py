"""Whose words a term stands in: quoted speech, a reporting verb's quote, a relative clause.

Pure helpers for the polarity judge (:mod:`kgreview.nlp.polarity`), over one sentence of the
normalised view.
"""

from __future__ import annotations

import re

QUOTES = {"“": "”", "「": "」", '"': '"', "‘": "’"}
SPEECH_MIN = 12  # characters: a quoted term or slogan is shorter than quoted speech
# "an opinion that never receives a reply is tokenism": the negation belongs to the subject.
_COPULA = re.compile(r"\s(?:is|are|was|were)\s")
_RELATIVE = re.compile(r"\b(?:that|which|who)\s+$")
_ZH_COMMA = re.compile(r"[\u4e00-\u9fff][,，]")


def quote_closed(text: str, e: int, i: int) -> bool:
    """The reporting verb ending at ``e`` quotes words that close before ``i``: "居民表示
    “与我无关”，依赖心理较为普遍" — what follows the quote is the text's own voice again."""
    k = e
    while k < len(text) and text[k] in " :：,，":
        k += 1
    closing = QUOTES.get(text[k]) if k < len(text) else None
    return closing is not None and 0 <= text.find(closing, k + 1) < i


def relative_clause(text: str, s: int, e: int, i: int) -> bool:
    """The negation at ``[s, e)`` sits in a relative clause that ends before the term at
    ``i``: "an opinion that never receives a reply is tokenism" negates the receiving only."""
    return bool(_RELATIVE.search(text, max(0, s - 8), s)) and bool(_COPULA.search(text, e, i))


def in_speech(text: str, i: int, j: int) -> bool:
    """The term at ``[i, j)`` stands inside quoted speech (a quoted clause, not a quoted
    term such as “能人”)."""
    for opening, closing in QUOTES.items():
        start = text.rfind(opening, 0, i)
        if start < 0 or opening == closing:
            continue
        end = text.find(closing, start + 1)
        quoted = text[start:end]
        if end >= j and (end - start > SPEECH_MIN or "，" in quoted or "," in quoted):
            return True
    return False


def title_tags(text: str, j: int, tags: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The respondent tags after a term ending at ``j`` that make it the informant's title:
    none past a Chinese comma ("访谈中，一位渔民（R3，…）" tags another clause's informant; an
    English appositive, "the building head, Mr Zhou (R3, …)", keeps it)."""
    return [(s, e) for s, e in tags if _ZH_COMMA.search(text, j, s) is None]
