"""A generic code folded into the specific one the document uses.

Coders code the most specific concept: a study that runs semi-structured interviews codes its
later "访谈" / "the interviews" as semi-structured interviews, not as a second, generic
interview method. ``specific_codes`` in ``schemas/cues.yaml`` lists, per generic code, the
specific codes it folds into (first present wins); a generic code stays as it is in a
document that names none of them. A generic mention listed beside the specific one ("focus
groups with residents and interviews with officials") is a second method and stays as it is:
``specific_apart`` in cues.yaml matches the words between the two.
"""

from __future__ import annotations

import re
from dataclasses import replace

from kgreview import ids
from kgreview.model import Coding


def _apart(coding: Coding, others: list[Coding], text: str, apart: re.Pattern[str] | None) -> bool:
    """Whether ``coding`` is listed beside one of ``others`` (only the words of ``apart``
    between them), so that it names a method of its own."""
    if apart is None or not text:
        return False
    for other in others:
        disjoint = coding.end <= other.start or other.end <= coding.start
        gap = text[min(coding.end, other.end) : max(coding.start, other.start)]
        if disjoint and apart.search(gap):
            return True
    return False


def fold_generic(
    codings: dict[str, Coding],
    folds: tuple[tuple[str, tuple[str, ...]], ...],
    text: str = "",
    apart: re.Pattern[str] | None = None,
) -> dict[str, Coding]:
    """``codings`` (id → coding) with each folded generic code renamed to its specific code;
    the same dict when nothing folds."""
    present = {c.code_id for c in codings.values()}
    renamed = {}
    for generic, specifics in folds:
        target = next((s for s in specifics if s in present), None)
        if generic in present and target:
            renamed[generic] = target
    if not renamed:
        return codings
    targets = {t: [c for c in codings.values() if c.code_id == t] for t in renamed.values()}
    folded: dict[str, Coding] = {}
    for coding in codings.values():
        code = renamed.get(coding.code_id)
        if code and not _apart(coding, targets[code], text, apart):
            new_id = ids.coding_id(coding.document_id, coding.start, coding.end, code, coding.coder)
            coding = replace(coding, code_id=code, id=new_id)
        folded.setdefault(coding.id, coding)
    return folded
