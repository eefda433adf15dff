"""A countermeasure the text says is lacking is negated, not used.

A deficiency frame codes a concept together with its lack (缺乏衔接, "no say over fees",
"accounts were never shown"). For a factor the lack is the factor itself (缺乏时间 is the time
factor at work); for a countermeasure or a participation type it says the measure or the kind of
participation is absent, which coders mark ``negated``. ``lacking_evidence`` in
``schemas/cues.yaml`` lists the categories this applies to and the lack words looked for inside
a coding's own evidence (negation cues outside it are the polarity judge's business).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Protocol

from kgreview.model import Coding, Polarity
from kgreview.nlp.cues import Cues
from kgreview.nlp.normalize import normalise
from kgreview.nlp.ownwork import own_work_used
from kgreview.nlp.specific import fold_generic, yield_overlapped


class _Entry(Protocol):
    category: str


def negate_lacking(
    codings: dict[str, Coding], entries: Mapping[str, _Entry], cues: Cues, text: str = ""
) -> dict[str, Coding]:
    """``codings`` with each used countermeasure (or other listed category) whose own evidence
    states its lack, or whose next words do ("was absent", 长期缺位), turned ``negated``."""
    out: dict[str, Coding] = {}
    for key, coding in codings.items():
        after = text[coding.end : coding.end + 40].lower()
        if (
            coding.polarity == Polarity.USES.value
            and entries[coding.code_id].category in cues.lacking_categories
            and (
                cues.lacking.search(normalise(coding.evidence).text)
                or cues.lacking_after.search(after)
            )
        ):
            coding = replace(coding, polarity=Polarity.NEGATED.value)
        out[key] = coding
    return out


def deficits_used(
    codings: dict[str, Coding], entries: Mapping[str, _Entry], cues: Cues, text: str
) -> dict[str, Coding]:
    """``codings`` with each negated factor whose evidence names its positive state right after
    a verb's negation ("did not trust", "did not feel at home") turned ``uses``: the deficit is
    the factor at work."""
    out: dict[str, Coding] = {}
    for key, coding in codings.items():
        if (
            coding.polarity == Polarity.NEGATED.value
            and entries[coding.code_id].category == "factor"
            and not cues.negative_form.search(coding.evidence.lower())
            and cues.deficit_negation.search(text[max(0, coding.start - 40) : coding.start].lower())
        ):
            coding = replace(coding, polarity=Polarity.USES.value)
        out[key] = coding
    return out


def settle_codings(
    codings: dict[str, Coding], entries: Mapping[str, _Entry], cues: Cues, text: str = ""
) -> dict[str, Coding]:
    """The last pass over a document's codings: lacks negated, deficits used, the text's own
    genre used, generic codes folded, overlapped codes yielded."""
    settled = deficits_used(negate_lacking(codings, entries, cues, text), entries, cues, text)
    settled = own_work_used(settled, cues.own_work_codes, cues.own_work)
    folded = fold_generic(settled, cues.specific_codes, text, cues.specific_apart)
    return yield_overlapped(folded, cues.overlap_yields)
