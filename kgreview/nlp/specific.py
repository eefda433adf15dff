"""A generic code folded into the specific one the document uses.

Coders code the most specific concept: a study that runs semi-structured interviews codes its
later "访谈" / "the interviews" as semi-structured interviews, not as a second, generic
interview method. ``specific_codes`` in ``schemas/cues.yaml`` lists, per generic code, the
specific codes it folds into (first present wins); a generic code stays as it is in a
document that names none of them. A generic mention listed beside the specific one ("focus
groups with residents and interviews with officials") is a second method and stays as it is:
``specific_apart`` in cues.yaml matches the words between the two.
``overlap_yields`` does the same for one span: a code whose evidence overlaps a coding of a
code it yields to is dropped there (失独老人互助小组 is peer support, not neighbourly mutual aid).
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


def yield_overlapped(
    codings: dict[str, Coding], yields: tuple[tuple[str, tuple[str, ...]], ...]
) -> dict[str, Coding]:
    """``codings`` without each coding of a yielding code whose span overlaps a coding of a
    code it yields to, and with the same words named again on their own (失独老人互助小组 …
    互助小组) coded as that code; the same dict when nothing yields."""
    by_code: dict[str, list[Coding]] = {}
    for c in codings.values():
        by_code.setdefault(c.code_id, []).append(c)
    out, changed = dict(codings), False
    for code, winners in yields:
        others = [w for name in winners for w in by_code.get(name, ())]
        for c in by_code.get(code, ()) if others else ():
            if any(w.start < c.end and c.start < w.end for w in others):
                del out[c.id]
                changed = True
            elif again := next((w for w in others if w.evidence.endswith(c.evidence)), None):
                del out[c.id]
                new_id = ids.coding_id(c.document_id, c.start, c.end, again.code_id, c.coder)
                out.setdefault(new_id, replace(c, code_id=again.code_id, id=new_id))
                changed = True
    return out if changed else codings
