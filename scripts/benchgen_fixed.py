"""The fixed-sentence bundle generator of the app and search benchmarks: every document has
the same four sentences (so "a query every document matches" stays true) and codes spread
round-robin; kept as it was so their figures stay comparable across runs. Realistic corpora
come from benchgen.py."""

from __future__ import annotations

from kgreview import ids
from kgreview.model import Coding


def make_bundles(start: int, count: int, codes: list[str]):
    """``count`` generated documents from number ``start`` on (deterministic, no tagger),
    coded with ``codes`` (ids) in turn."""
    from kgreview.model import Author, Document, DocumentBundle, Keyword, Origin, Reference, Segment

    sentences = ["社区增能理论为老旧小区治理提供了新的视角。", "本文采用半结构式访谈收集资料。",
                 "Strengths-based practice was applied in the community.",
                 "居民参与不足是已有研究较少讨论的问题。"]  # fmt: skip
    bundles = []
    for n in range(start, start + count):
        doc_id = f"doc:bench{n:07d}"
        text = "".join(sentences) + f" ({n})"
        para = Segment(ids.segment_id(doc_id, "paragraph", 0, len(text)), doc_id, "paragraph",
                       0, len(text), 0, lang="zh")  # fmt: skip
        segs, codings, at = [para], [], 0
        for k, sentence in enumerate(sentences):
            end = at + len(sentence)
            seg = Segment(ids.segment_id(doc_id, "sentence", at, end), doc_id, "sentence", at, end,
                          k, parent_id=para.id, lang="zh")  # fmt: skip
            segs.append(seg)
            for coder, origin in (("kgreview-tagger", Origin.AUTO), ("coder_a", Origin.MANUAL)):
                if origin == Origin.MANUAL and k % 2:
                    continue
                code = codes[(n * 7 + k) % len(codes)]
                codings.append(Coding(ids.coding_id(doc_id, at, at + 4, code, coder), doc_id,
                                      seg.id, code, coder, at, at + 4, sentence[:4],
                                      origin=origin.value))  # fmt: skip
            at += len(sentence)
        authors = tuple(Author(ids.author_id(f"作者{(n + j) % 20000}"), f"作者{(n + j) % 20000}")
                        for j in range(2))  # fmt: skip
        refs = []
        for j in range(3):
            who, what = f"学者{(n * 3 + j) % 5000}", f"社区研究{(n * 3 + j) % 30000}"
            raw = f"[{j + 1}] {who}. {what}[J]. 社会, 2020."
            refs.append(Reference(ids.reference_id(raw), raw, what, (who,), 2020))
        words = [f"关键词{n % 500}", f"关键词{(n + 17) % 500}"]
        bundles.append(DocumentBundle(
            Document(doc_id, f"社区增能研究 {n}", text, lang="zh", doc_type="thesis",
                     year=2000 + n % 25, text_hash=ids.text_hash(text), tag_key="bench"),
            segments=tuple(segs), codings=tuple(codings), authors=authors, references=tuple(refs),
            keywords=tuple(Keyword(ids.keyword_id(w), w) for w in words),
        ))  # fmt: skip
    return bundles


def neo4j_store():
    """(the scratch Neo4j store, whether it was started here): the interface bench_app
    expects (see bench_common.Neo4jServer); raises StoreUnavailable when unreachable."""
    from bench_common import Neo4jServer

    from kgreview.store import StoreUnavailable

    server = Neo4jServer()
    store = server.open()
    if store is None:
        raise StoreUnavailable(f"no Neo4j at {server.settings.uri}")
    return store, server.started
