"""Limitations carried to the study's own methods.

A limitation sentence often names the method it limits only through its data: "访谈对象仅有
十八人" (the in-depth interviews), "The sample was limited to 286 residents" (the
questionnaire), "本研究的局限在于仅考察了一个小区" (the case study). When such a sentence
holds a limitation cue, the cue words of ``limitation_methods`` in ``schemas/cues.yaml`` are
coded with the methods of their family that the document itself uses — never with a method
the document does not use, so nothing is invented. A design the sentence says the study did
not carry out ("本研究未能追踪村民参与的长期变化", "we did not follow the parks after
construction") is named by its cue words (``limitation_designs``): the gold's convention codes
that design as the study's limitation whether or not it is used elsewhere.
"""

from __future__ import annotations

from kgreview.nlp.cues import Cues


def limitation_method_spans(
    sentence_view: str, used: set[str], here: set[str], cues: Cues
) -> list[tuple[int, int, str]]:
    """(start, end, method code) within a sentence that states a limitation (the caller
    checks that) for each cue word that points at a method in ``used`` or names a design
    not carried out; codes in ``here`` (already coded in the sentence) are left alone."""
    found: list[tuple[int, int, str]] = []
    for pattern, methods in cues.limitation_designs:
        match = pattern.search(sentence_view)
        if match and match.end() > match.start():
            found += [(match.start(), match.end(), c) for c in methods if c not in here]
    for pattern, methods in cues.limitation_methods:
        targets = [code for code in methods if code in used and code not in here]
        if not targets:
            continue
        match = pattern.search(sentence_view)
        if match and match.end() > match.start():
            found += [(match.start(), match.end(), code) for code in targets]
    return found
