"""Limitations carried to the study's own methods.

A limitation sentence often names the method it limits only through its data: "访谈对象仅有
十八人" (the in-depth interviews), "The sample was limited to 286 residents" (the
questionnaire), "本研究的局限在于仅考察了一个小区" (the case study). When such a sentence
holds a limitation cue, the cue words of ``limitation_methods`` in ``schemas/cues.yaml`` are
coded with the methods of their family that the document itself uses — never with a method
the document does not use, so nothing is invented.
"""

from __future__ import annotations

from kgreview.nlp.cues import Cues


def limitation_method_spans(
    sentence_view: str, used: set[str], cues: Cues
) -> list[tuple[int, int, str]]:
    """(start, end, method code) within a sentence that states a limitation (the caller
    checks that) for each cue word that points at a method in ``used``."""
    if not used:
        return []
    found: list[tuple[int, int, str]] = []
    for pattern, methods in cues.limitation_methods:
        targets = [code for code in methods if code in used]
        if not targets:
            continue
        match = pattern.search(sentence_view)
        if match and match.end() > match.start():
            found += [(match.start(), match.end(), code) for code in targets]
    return found
