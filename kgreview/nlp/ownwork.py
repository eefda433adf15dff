"""The text naming its own genre ("This scoping review maps …", "our systematic review") codes its
method as ``uses`` even in a review, where the default reads every other term as others' work.

``own_work`` in ``schemas/cues.yaml`` lists the codes and the evidence that names the text itself.
"""

from __future__ import annotations

import re
from dataclasses import replace

from kgreview.model import Coding, Polarity


def own_work_used(
    codings: dict[str, Coding], codes: frozenset[str], own: re.Pattern[str] | None
) -> dict[str, Coding]:
    """``codings`` with each mention of ``codes`` whose evidence names the text itself turned
    ``uses`` (a limitation or negation of it stays as it is)."""
    if own is None or not codes:
        return codings
    return {
        key: replace(coding, polarity=Polarity.USES.value)
        if coding.code_id in codes
        and coding.polarity == Polarity.MENTIONS.value
        and own.search(coding.evidence.lower())
        else coding
        for key, coding in codings.items()
    }
