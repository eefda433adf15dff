"""Crosstabs of codes by participant attributes (gender × code, role × code) and the case ×
code matrix: a coding counts for the participant whose turn holds it."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

from kgreview.model import Coding, Participant, Segment


def speaker_of(codings: Iterable[Coding], segments: Sequence[Segment]) -> dict[str, str]:
    """coding id → participant id, through the turn (or a sentence inside it) holding it."""
    by_id = {s.id: s for s in segments}
    turns = sorted((s for s in segments if s.participant_id), key=lambda s: s.start)
    found = {}
    for c in codings:
        segment = by_id.get(c.segment_id or "")
        if segment is not None and segment.participant_id:
            found[c.id] = segment.participant_id
            continue
        holder = next((t for t in turns if t.start <= c.start and c.end <= t.end), None)
        if holder is not None:
            found[c.id] = holder.participant_id
    return found


def crosstab(codings: Sequence[Coding], speakers: dict[str, str],
             participants: dict[str, Participant], attribute: str) -> dict:  # fmt: skip
    """Counts (codings) and row percentages of code by an attribute's values; participants
    without the attribute are "(missing)"."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for c in codings:
        pid = speakers.get(c.id)
        if pid is None or pid not in participants:
            continue
        value = participants[pid].attributes.get(attribute)
        counts[c.code_id][str(value) if value not in (None, "") else "(missing)"] += 1
    values = sorted({v for row in counts.values() for v in row})
    rows = []
    for code in sorted(counts):
        total = sum(counts[code].values())
        rows.append({"code": code, "total": total,
                     "counts": {v: counts[code].get(v, 0) for v in values},
                     "row_percent": {v: round(100 * counts[code].get(v, 0) / total, 1)
                                     for v in values}})  # fmt: skip
    return {"attribute": attribute, "values": values, "rows": rows}


def case_matrix(codings: Sequence[Coding], speakers: dict[str, str],
                participants: dict[str, Participant]) -> dict[str, dict[str, int]]:  # fmt: skip
    """participant label → code → codings: the case × code matrix."""
    matrix: dict[str, Counter[str]] = defaultdict(Counter)
    for c in codings:
        pid = speakers.get(c.id)
        if pid in participants:
            matrix[participants[pid].label][c.code_id] += 1
    return {case: dict(codes) for case, codes in sorted(matrix.items())}
