"""A generic code folded into the specific one the document uses.

Coders code the most specific concept: a study that runs semi-structured interviews codes its
later "访谈" / "the interviews" as semi-structured interviews, not as a second, generic
interview method. ``specific_codes`` in ``schemas/cues.yaml`` lists, per generic code, the
specific codes it folds into (first present wins); a generic code stays as it is in a
document that names none of them.
"""

from __future__ import annotations

from dataclasses import replace

from kgreview import ids
from kgreview.model import Coding


def fold_generic(
    codings: dict[str, Coding], folds: tuple[tuple[str, tuple[str, ...]], ...]
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
    folded: dict[str, Coding] = {}
    for coding in codings.values():
        code = renamed.get(coding.code_id)
        if code:
            new_id = ids.coding_id(coding.document_id, coding.start, coding.end, code, coding.coder)
            coding = replace(coding, code_id=code, id=new_id)
        folded.setdefault(coding.id, coding)
    return folded
