"""The network benchmark's store: N generated codes of the network page's default categories
and, per co-occurrence edge, 2-5 one-sentence documents coding its two codes, so the page's
document-level graph has exactly N nodes and M edges (deterministic seed)."""

from __future__ import annotations

import random

TAGGER = "kgreview-tagger"  # the coder of auto codings
CATEGORIES = ("theory", "context", "countermeasure")  # the page's default categories


def pairs(nodes: int, edges: int, seed: int) -> dict[tuple[int, int], int]:
    """``edges`` distinct node pairs covering all ``nodes`` (a random spanning tree first),
    each with its weight (documents coding both): 2 mostly, up to 5."""
    if not nodes - 1 <= edges <= nodes * (nodes - 1) // 2:
        raise SystemExit(f"{nodes} nodes cannot have {edges} edges and no isolated node")
    rng = random.Random(seed)
    chosen = {(rng.randrange(i), i) for i in range(1, nodes)}
    while len(chosen) < edges:
        a, b = sorted(rng.sample(range(nodes), 2))
        chosen.add((a, b))
    return {pair: 2 + (rng.randrange(1, 4) if rng.random() < 0.3 else 0) for pair in sorted(chosen)}


def fill(path: str, nodes: int, edges: int, seed: int = 12) -> None:
    """The generated store (see the module docstring)."""
    from kgreview import ids
    from kgreview.model import Code, Coding, Document, DocumentBundle, Segment
    from kgreview.store import open_store

    codes = [Code(f"{CATEGORIES[k % 3]}.bench{k:03d}", CATEGORIES[k % 3], f"generated code {k}",
                  f"生成编码{k}") for k in range(nodes)]  # fmt: skip
    bundles, n = [], 0
    for (a, b), weight in pairs(nodes, edges, seed).items():
        for _ in range(weight):
            doc_id, first, second = f"doc:net{n:06d}", codes[a], codes[b]
            text = f"{first.label_zh}与{second.label_zh}在社区实践中相互关联。"
            seg = Segment(ids.segment_id(doc_id, "sentence", 0, len(text)), doc_id, "sentence",
                          0, len(text), 0, lang="zh")  # fmt: skip
            at = len(first.label_zh) + 1
            spans = ((first, 0, len(first.label_zh)), (second, at, at + len(second.label_zh)))
            codings = tuple(
                Coding(ids.coding_id(doc_id, s, e, c.id, TAGGER), doc_id, seg.id, c.id, TAGGER,
                       s, e, text[s:e])
                for c, s, e in spans
            )  # fmt: skip
            document = Document(doc_id, f"网络基准 {n}", text, lang="zh", doc_type="article",
                                year=2000 + n % 25, text_hash=ids.text_hash(text))  # fmt: skip
            bundles.append(DocumentBundle(document, segments=(seg,), codings=codings))
            n += 1
    store = open_store(path)
    try:
        store.upsert_codes(codes)
        for start in range(0, len(bundles), 1000):
            store.upsert_bundles(bundles[start : start + 1000])
    finally:
        store.close()


def graph_of(path: str, nodes: int):
    """The page's graph for this store (its own build: default categories, weight >= 2)."""
    from kgreview.analysis import network as net
    from kgreview.store import open_store

    store = open_store(path)
    try:
        return net.code_graph(store.incidence(), store.list_codes(), CATEGORIES, 2, nodes)
    finally:
        store.close()
