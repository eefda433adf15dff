"""Inter-coder agreement, with the definitions a methods chapter needs (README, "Agreement").

Unit: a segment (a transcript turn, else a sentence) or a whole document. A coder's span that
overlaps a unit marks that unit as coded with that code. Per code, each unit is a binary
decision per coder; a unit of a document the coder never coded anything in is *missing*, not
0. ``exclude_uncoded`` drops units no coder coded with any code.

Per code: percent agreement (units where every present coder decides alike, over units with
at least two present coders), Holsti's 2M/(N1+N2) (M units both coded with the code, N1 and
N2 the units each coded with it; two coders), Cohen's kappa (two coders) and Krippendorff's
alpha (nominal, any number of coders, missing allowed). Overall: pooled over codes (every
unit × code decision as one item) and the mean over codes. Memory stays bounded: one binary
matrix per code, never the whole codebook as one value set.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np

from kgreview.model import Coding

MISSING = -1


@dataclass(frozen=True, slots=True)
class Unit:
    document_id: str
    unit_id: str
    start: int
    end: int


@dataclass(slots=True)
class Scores:
    units: int  # units with at least two present coders
    percent: float | None
    holsti: float | None
    kappa: float | None
    alpha: float | None

    def as_json(self) -> dict:
        def r(x: float | None) -> float | None:
            return None if x is None else round(x, 6)

        return {"units": self.units, "percent": r(self.percent), "holsti": r(self.holsti),
                "kappa": r(self.kappa), "alpha": r(self.alpha)}  # fmt: skip


@dataclass(slots=True)
class Agreement:
    coders: list[str]
    units: int
    by_code: dict[str, Scores]
    pooled: Scores
    mean: dict[str, float | None]
    disagreements: list[dict] = field(default_factory=list)


def decisions(
    units: Sequence[Unit], codings: Iterable[Coding], coders: Sequence[str]
) -> tuple[dict[str, np.ndarray], dict[tuple[int, int, str], list[Coding]]]:
    """code → coders × units matrix of 1 / 0 / MISSING; and the codings behind each 1."""
    index = {c: k for k, c in enumerate(coders)}
    by_doc: dict[str, list[int]] = defaultdict(list)
    for u, unit in enumerate(units):
        by_doc[unit.document_id].append(u)
    starts = {d: [units[u].start for u in us] for d, us in by_doc.items()}
    opened: set[tuple[int, str]] = set()
    hits: dict[tuple[int, int, str], list[Coding]] = defaultdict(list)
    for c in codings:
        k = index.get(c.coder)
        if k is None or c.document_id not in by_doc:
            continue
        opened.add((k, c.document_id))
        us = by_doc[c.document_id]
        first = max(bisect.bisect_right(starts[c.document_id], c.start) - 1, 0)
        for u in us[first:]:
            if units[u].start >= max(c.end, c.start + 1):
                break
            if units[u].end > c.start:  # the span overlaps the unit
                hits[(k, u, c.code_id)].append(c)
    base = np.full((len(coders), len(units)), MISSING, dtype=np.int8)
    for k, doc in opened:
        base[k, by_doc[doc]] = 0
    matrices: dict[str, np.ndarray] = {}
    for k, u, code in hits:
        if code not in matrices:
            matrices[code] = base.copy()
        matrices[code][k, u] = 1
    return matrices, hits


def scores(matrix: np.ndarray) -> Scores:
    """Agreement of one binary coders × units matrix (MISSING allowed)."""
    return _tallies(matrix).scores()


@dataclass(slots=True)
class _Tallies:
    """The counts every score is computed from; the pooled scores are those of the summed
    tallies of every code, so no codes × units matrix is ever built (memory per code)."""

    coders: int
    units: int = 0  # pairable: at least two present coders
    agree: int = 0
    both: int = 0  # two coders: units where both are present
    n1: int = 0
    n2: int = 0
    both_coded: int = 0
    equal: int = 0
    o01: float = 0.0  # alpha: coincidences of 0 and 1, each unit weighted 1 / (m_u - 1)
    ones: int = 0
    zeros: int = 0

    def add(self, other: _Tallies) -> None:
        for name in ("units", "agree", "both", "n1", "n2", "both_coded", "equal", "o01",
                     "ones", "zeros"):  # fmt: skip
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def scores(self) -> Scores:
        if self.units == 0:
            return Scores(0, None, None, None, None)
        holsti = kappa = None
        if self.coders == 2:
            holsti = 2 * self.both_coded / (self.n1 + self.n2) if self.n1 + self.n2 else 1.0
            kappa = _kappa(self.both, self.equal, self.n1, self.n2)
        n = self.ones + self.zeros
        expected = 2 * self.ones * self.zeros / (n - 1)
        alpha = 1.0 if expected == 0 else 1 - 2 * self.o01 / expected
        return Scores(self.units, self.agree / self.units, holsti, kappa, alpha)


def _tallies(matrix: np.ndarray) -> _Tallies:
    present = matrix != MISSING
    pairable = present.sum(axis=0) >= 2
    m = matrix[:, pairable]
    t = _Tallies(matrix.shape[0], units=m.shape[1])
    if t.units == 0:
        return t
    p = m != MISSING
    ones = ((m == 1) & p).sum(axis=0)
    count = p.sum(axis=0)
    t.agree = int(((ones == 0) | (ones == count)).sum())
    if m.shape[0] == 2:
        both = p.all(axis=0)
        a, b = m[0, both], m[1, both]
        t.both, t.n1, t.n2 = int(both.sum()), int(a.sum()), int(b.sum())
        t.both_coded, t.equal = int((a & b).sum()), int((a == b).sum())
    zeros = count - ones
    t.o01 = float((ones * zeros / (count - 1)).sum())
    t.ones, t.zeros = int(ones.sum()), int(zeros.sum())
    return t


def _kappa(n: int, equal: int, n1: int, n2: int) -> float | None:
    """Cohen's kappa from counts (see :func:`cohen_kappa`)."""
    if n == 0:
        return None
    observed, pa, pb = equal / n, n1 / n, n2 / n
    expected = pa * pb + (1 - pa) * (1 - pb)
    if expected == 1.0:
        return 1.0 if observed == 1.0 else 0.0
    return (observed - expected) / (1 - expected)


def cohen_kappa(a: np.ndarray, b: np.ndarray) -> float | None:
    """Cohen's kappa of two binary vectors; 1.0 when both coders never vary and agree."""
    n = len(a)
    if n == 0:
        return None
    observed = float((a == b).mean())
    pa, pb = float(a.mean()), float(b.mean())
    expected = pa * pb + (1 - pa) * (1 - pb)
    if expected == 1.0:
        return 1.0 if observed == 1.0 else 0.0
    return (observed - expected) / (1 - expected)


def krippendorff_alpha(ones: np.ndarray, count: np.ndarray) -> float | None:
    """Nominal alpha for binary values from per-unit counts (``ones`` of ``count`` values):
    the coincidence matrix of two categories, without materialising pairs."""
    keep = count >= 2
    ones, count = ones[keep].astype(float), count[keep].astype(float)
    if not len(count):
        return None
    zeros = count - ones
    # Coincidences between the two values, each unit weighted by 1 / (m_u - 1).
    o01 = float((ones * zeros / (count - 1)).sum())
    n1, n0 = float(ones.sum()), float(zeros.sum())
    n = n1 + n0
    observed = 2 * o01
    expected = 2 * n1 * n0 / (n - 1)
    if expected == 0:
        return 1.0
    return 1 - observed / expected


def agreement(
    units: Sequence[Unit],
    codings: Iterable[Coding],
    coders: Sequence[str],
    exclude_uncoded: bool = False,
    disagreements: int = 200,
) -> Agreement:
    """Agreement of ``coders`` on ``units`` for every code any of them used."""
    matrices, hits = decisions(units, codings, coders)
    if exclude_uncoded and matrices:
        coded = np.zeros(len(units), dtype=bool)
        for m in matrices.values():
            coded |= (m == 1).any(axis=0)
        keep = np.flatnonzero(coded)
        units = [units[u] for u in keep]
        remap = {int(u): new for new, u in enumerate(keep)}
        matrices = {code: m[:, keep] for code, m in matrices.items()}
        hits = {(k, remap[u], code): cs for (k, u, code), cs in hits.items() if u in remap}
    pooled_tallies = _Tallies(len(coders))
    by_code = {}
    for code, m in sorted(matrices.items()):
        tallies = _tallies(m)
        pooled_tallies.add(tallies)
        by_code[code] = tallies.scores()
    pooled = pooled_tallies.scores()
    mean = {
        name: _mean([getattr(s, name) for s in by_code.values()])
        for name in ("percent", "holsti", "kappa", "alpha")
    }
    listed = []
    for code, m in sorted(matrices.items()):
        differs = np.flatnonzero((m == 1).any(axis=0) & (m == 0).any(axis=0))
        for u in differs[: max(disagreements - len(listed), 0)]:
            listed.append({
                "code": code, "document": units[u].document_id, "unit": units[u].unit_id,
                "start": units[u].start, "end": units[u].end,
                "coders": {coders[k]: [{"start": c.start, "end": c.end, "evidence": c.evidence}
                                       for c in hits.get((k, int(u), code), [])]
                           for k in range(len(coders)) if m[k, u] != MISSING},
            })  # fmt: skip
    return Agreement(list(coders), len(units), by_code, pooled, mean, listed)


def _mean(values: list[float | None]) -> float | None:
    present = [v for v in values if v is not None]
    return sum(present) / len(present) if present else None
