"""Bibliometric views on normalised concepts: Kleinberg bursts, Price's law core authors,
publications per year — counting codes (synonyms and translations merged) where CiteSpace and
bibliometrix count raw keyword strings."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy.special import gammaln


@dataclass(frozen=True, slots=True)
class Burst:
    start: int  # index into the series
    end: int  # inclusive
    weight: float  # cost saved by the burst state (strength)


def kleinberg_bursts(hits: Sequence[int], totals: Sequence[int], s: float = 2.0,
                     gamma: float = 1.0) -> list[Burst]:  # fmt: skip
    """Kleinberg's two-state burst detection for batched counts: ``hits[t]`` of ``totals[t]``
    documents carry the item in period t. State 1 emits at ``s`` times the base rate; entering
    it costs ``gamma · ln(n)``. Returns the maximal runs in state 1 with their weights."""
    r, d = np.asarray(hits, dtype=float), np.asarray(totals, dtype=float)
    n = len(r)
    if n == 0 or d.sum() == 0 or r.sum() == 0 or r.sum() >= d.sum():
        return []  # never or always present: no period can stand out
    p0 = r.sum() / d.sum()
    p1 = min(s * p0, 0.9999)
    log_binom = gammaln(d + 1) - gammaln(r + 1) - gammaln(d - r + 1)

    def cost(p: float) -> np.ndarray:
        return -(log_binom + r * math.log(p) + (d - r) * math.log(1 - p))

    costs = np.vstack([cost(p0), cost(p1)])
    up = gamma * math.log(n)
    total = np.array([costs[0, 0], costs[1, 0] + up])
    back = np.zeros((2, n), dtype=int)
    for t in range(1, n):
        stay0, from1 = total[0], total[1]
        to1_from0, stay1 = total[0] + up, total[1]
        back[0, t] = 0 if stay0 <= from1 else 1
        back[1, t] = 1 if stay1 <= to1_from0 else 0
        total = np.array([min(stay0, from1) + costs[0, t], min(stay1, to1_from0) + costs[1, t]])
    states = np.zeros(n, dtype=int)
    states[-1] = int(np.argmin(total))
    for t in range(n - 1, 0, -1):
        states[t - 1] = back[states[t], t]
    bursts, t = [], 0
    while t < n:
        if states[t] == 1:
            u = t
            while u + 1 < n and states[u + 1] == 1:
                u += 1
            weight = float((costs[0, t : u + 1] - costs[1, t : u + 1]).sum())
            bursts.append(Burst(t, u, weight))
            t = u + 1
        else:
            t += 1
    return bursts


def price_core_authors(papers_by_author: Counter[str]) -> tuple[float, list[str]]:
    """Price's law: core authors have at least M = 0.749·√N_max papers."""
    if not papers_by_author:
        return 0.0, []
    threshold = 0.749 * math.sqrt(max(papers_by_author.values()))
    core = sorted((a for a, n in papers_by_author.items() if n >= threshold),
                  key=lambda a: (-papers_by_author[a], a))  # fmt: skip
    return threshold, core
