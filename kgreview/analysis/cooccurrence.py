"""Code co-occurrence from (unit, code) incidence rows: one sparse matrix product."""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
from scipy import sparse


def cooccurrence(rows: Iterable[tuple[str, str]]) -> list[tuple[str, str, int]]:
    """(code_a, code_b, units holding both) for every pair that co-occurs, a < b.

    ``rows`` are distinct (unit, code) pairs, e.g. ``GraphStore.incidence()``. Computed as
    ``Mᵀ·M`` of the binary unit × code matrix rather than a self-join per pair.
    """
    units: dict[str, int] = {}
    codes: dict[str, int] = {}
    r_idx, c_idx = [], []
    for unit, code in rows:
        r_idx.append(units.setdefault(unit, len(units)))
        c_idx.append(codes.setdefault(code, len(codes)))
    if not r_idx:
        return []
    data = np.ones(len(r_idx), dtype=np.int32)
    matrix = sparse.csr_matrix((data, (r_idx, c_idx)), shape=(len(units), len(codes)))
    matrix.data[:] = 1  # duplicates in the input must not count twice
    product = sparse.triu(matrix.T @ matrix, k=1).tocoo()
    names = list(codes)
    pairs = []
    for i, j, n in zip(product.row, product.col, product.data, strict=True):
        a, b = sorted((names[i], names[j]))
        pairs.append((a, b, int(n)))
    return sorted(pairs, key=lambda p: (-p[2], p[0], p[1]))
