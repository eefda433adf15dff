"""Realistic generated corpora for the benchmarks, from the sentences of corpus/.

Every generator is deterministic for a given seed. Sentences are recombined within one
language, so a Chinese abstract reads as Chinese and an English one as English; titles,
authors, keywords and cited references are drawn from small pools so that authors, keywords
and references recur across records as they do in a real field.

  sentences()                      zh and en sentences of corpus/ (running text only)
  corpus_mb(mb)                    plain zh+en documents totalling ~mb MB (tagger benchmark)
  records(n)                       bibliographic records (dicts) with abstracts, ~45% zh
  benchgen_files: write_wos / write_noteexpress / write_ris / write_transcripts, and
  write_mixed(folder, n)           n documents as WoS + CNKI NoteExpress + RIS files + transcripts
  bundles(start, count, codes)     DocumentBundles with codings, straight into a store
"""

from __future__ import annotations

import random
from collections.abc import Iterator, Sequence
from functools import cache
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SURNAMES_EN = ["Chen", "Liu", "Wang", "Zhang", "Smith", "Garcia", "Kim", "Nguyen", "Brown", "Li"]
SURNAMES_ZH = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN_ZH = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华"
JOURNALS_ZH = ["社会工作", "社会学研究", "中国社会工作", "社会建设", "城市发展研究", "社会"]
JOURNALS_EN = [
    "JOURNAL OF SOCIAL WORK",
    "BRITISH JOURNAL OF SOCIAL WORK",
    "COMMUNITY DEVELOPMENT JOURNAL",
    "SOCIAL SERVICE REVIEW",
]


@cache
def _held_out() -> set[str]:
    """File names of the gold documents still held out (split heldout*)."""
    import yaml

    gold = yaml.safe_load((REPO / "corpus" / "gold" / "gold.yaml").read_text(encoding="utf-8"))
    return {
        Path(d["file"]).name
        for d in gold["documents"]
        if str(d.get("split", "")).startswith("heldout")
    }


def sentences() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(Chinese sentences, English sentences) of the running text under corpus/."""
    from kgreview.nlp.segment import segment_text

    zh: list[str] = []
    en: list[str] = []
    held_out = _held_out()
    for path in sorted((REPO / "corpus").rglob("*.txt")):
        if "exports" in path.parts:
            continue  # bibliographic exports (some GB18030), not running text
        if path.name in held_out:
            continue  # no tool reads a held-out gold text before its one reading
        text = path.read_text(encoding="utf-8")
        for s in segment_text("x", text):
            if s.kind != "sentence":
                continue
            sentence = " ".join(text[s.start : s.end].split())
            if len(sentence) < 8:
                continue
            ascii_share = sum(ch.isascii() for ch in sentence) / len(sentence)
            (en if ascii_share > 0.9 else zh).append(sentence)
    return tuple(zh), tuple(en)


def corpus_mb(megabytes: float, seed: int = 7) -> list[str]:
    """Documents of 6–14 sentences drawn from corpus/ (zh and en mixed), ~megabytes of UTF-8."""
    zh, en = sentences()
    pool = list(zh) + list(en)
    rng = random.Random(seed)
    documents, size, target = [], 0, megabytes * 1_000_000
    while size < target:
        picked = rng.sample(pool, k=min(len(pool), rng.randint(6, 14)))
        title = picked[0][:40]
        body = "\n\n".join(" ".join(picked[k : k + 3]) for k in range(0, len(picked), 3))
        doc = f"{title}\n\n{body}\n"
        documents.append(doc)
        size += len(doc.encode("utf-8"))
    return documents


def _zh_name(rng: random.Random) -> str:
    return rng.choice(SURNAMES_ZH) + "".join(rng.choices(GIVEN_ZH, k=rng.randint(1, 2)))


def records(n: int, seed: int = 11, zh_share: float = 0.45, start: int = 0) -> Iterator[dict]:
    """``n`` distinct bibliographic records (title, authors, year, journal, keywords, abstract,
    cited references, DOI for English ones); record k is the same for every n."""
    zh, en = sentences()
    for k in range(start, start + n):
        rng = random.Random(seed * 1_000_003 + k)
        is_zh = rng.random() < zh_share
        pool = zh if is_zh else en
        picked = rng.sample(pool, k=rng.randint(4, 8))
        if is_zh:
            head = picked[0].rstrip("。；！？")[:24]
            record = {
                "lang": "zh",
                "title": f"{head}研究（{k}）",
                "abstract": "".join(picked),
                "authors": [_zh_name(rng) for _ in range(rng.randint(1, 3))],
                "journal": rng.choice(JOURNALS_ZH),
                "keywords": [p.rstrip("。")[: rng.randint(3, 5)] for p in rng.sample(pool, 3)],
                "refs": [
                    f"[{j + 1}] {_zh_name(rng)}. 社区研究{rng.randrange(30000)}[J]. "
                    f"{rng.choice(JOURNALS_ZH)}, {1995 + rng.randrange(30)}."
                    for j in range(rng.randint(3, 10))
                ],
            }
        else:
            words = picked[0].rstrip(".").split()[:10]
            record = {
                "lang": "en",
                "title": " ".join(words) + f" ({k})",
                "abstract": " ".join(picked),
                "authors": [
                    f"{rng.choice(SURNAMES_EN)}, {chr(65 + rng.randrange(26))}"
                    for _ in range(rng.randint(1, 4))
                ],
                "journal": rng.choice(JOURNALS_EN),
                "keywords": [
                    " ".join(p.split()[:2]).strip(".,").lower() for p in rng.sample(pool, 3)
                ],
                "refs": [
                    f"{rng.choice(SURNAMES_EN)} {chr(65 + rng.randrange(26))}, "
                    f"{1990 + rng.randrange(30)}, {rng.choice(JOURNALS_EN)}, "
                    f"V{rng.randrange(50)}, P{rng.randrange(400)}"
                    for _ in range(rng.randint(5, 15))
                ],
                "doi": f"10.9999/bench.{k}",
            }
        record["year"] = 1995 + k % 30
        yield record


def bundles(
    start: int,
    count: int,
    theory: Sequence[str],
    context: Sequence[str],
    others: Sequence[str],
    seed: int = 5,
):
    """``count`` generated documents from number ``start`` on, each with 4 sentences under a
    paragraph, auto codings (1–3 theories, 1–2 contexts, 2 others; skewed, as in a field) and
    manual codings by two coders on every other document, 2 authors, 3 references, 2 keywords."""
    from kgreview import ids
    from kgreview.model import (
        Author,
        Coding,
        Document,
        DocumentBundle,
        Keyword,
        Origin,
        Reference,
        Segment,
    )

    zh, _ = sentences()
    bundle_list = []
    for n in range(start, start + count):
        rng = random.Random(seed * 1_000_003 + n)
        doc_id = f"doc:bench{n:07d}"
        picked = rng.sample(zh, 4)
        text = "".join(picked)
        para = Segment(
            ids.segment_id(doc_id, "paragraph", 0, len(text)),
            doc_id,
            "paragraph",
            0,
            len(text),
            0,
            lang="zh",
        )
        segs, codings, at = [para], [], 0
        chosen = (
            [_skewed(rng, theory) for _ in range(rng.randint(1, 3))]
            + [_skewed(rng, context) for _ in range(rng.randint(1, 2))]
            + [_skewed(rng, others) for _ in range(2)]
        )
        for k, sentence in enumerate(picked):
            end = at + len(sentence)
            seg = Segment(
                ids.segment_id(doc_id, "sentence", at, end),
                doc_id,
                "sentence",
                at,
                end,
                k,
                parent_id=para.id,
                lang="zh",
            )
            segs.append(seg)
            mine = chosen[k::4]
            coders = [("kgreview-tagger", Origin.AUTO, code) for code in mine]
            if n % 2 == 0:  # two human coders, agreeing most of the time
                coders += [("coder_a", Origin.MANUAL, code) for code in mine]
                coders += [
                    ("coder_b", Origin.MANUAL, c if rng.random() < 0.8 else others[0]) for c in mine
                ]
            for coder, origin, code in coders:
                codings.append(
                    Coding(
                        ids.coding_id(doc_id, at, at + 4, code, coder),
                        doc_id,
                        seg.id,
                        code,
                        coder,
                        at,
                        at + 4,
                        sentence[:4],
                        polarity="uses",
                        origin=origin.value,
                    )
                )
            at = end
        authors = tuple(
            Author(ids.author_id(name), name)
            for name in dict.fromkeys(_zh_name(rng) for _ in range(2))
        )
        refs = []
        for j in range(3):
            who, what = _zh_name(rng), f"社区研究{rng.randrange(30000)}"
            raw = f"[{j + 1}] {who}. {what}[J]. 社会, 2020."
            refs.append(Reference(ids.reference_id(raw), raw, what, (who,), 2020))
        words = {f"关键词{rng.randrange(500)}" for _ in range(2)}
        bundle_list.append(
            DocumentBundle(
                Document(
                    doc_id,
                    f"社区研究 {n}",
                    text,
                    lang="zh",
                    doc_type="thesis",
                    year=1995 + n % 30,
                    text_hash=ids.text_hash(text),
                    tag_key="bench",
                ),
                segments=tuple(segs),
                codings=tuple(codings),
                authors=authors,
                references=tuple(refs),
                keywords=tuple(Keyword(ids.keyword_id(w), w) for w in sorted(words)),
            )
        )
    return bundle_list


def _skewed(rng: random.Random, items: Sequence[str]) -> str:
    """A Zipf-like pick: a few codes are everywhere, most are rare."""
    return items[min(int(rng.paretovariate(1.2)) - 1, len(items) - 1)]


def code_groups() -> tuple[list, list[str], list[str], list[str]]:
    """(the codebook's Code objects, theory ids, context ids, all other ids)."""
    from kgreview.tagging import load_tagger

    codes = load_tagger().codebook.to_codes()
    theory = [c.id for c in codes if c.category == "theory"]
    context = [c.id for c in codes if c.category == "context"]
    others = [c.id for c in codes if c.category not in ("theory", "context")]
    return codes, theory, context, others


def fill_store(store, documents: int, batch: int = 1000) -> None:
    """``documents`` generated bundles (see :func:`bundles`) written into ``store``."""
    codes, theory, context, others = code_groups()
    store.upsert_codes(codes)
    for start in range(0, documents, batch):
        store.upsert_bundles(bundles(start, min(batch, documents - start), theory, context, others))
