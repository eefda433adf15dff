"""Generated corpora for the reliability tests: a few hundred documents in several formats
(RIS, BibTeX, a CSV table, plain texts, interview transcripts), seeded, so every run of a
test sees the same files.

The sentences are recombined from ``corpus/`` (written by us), so the tagger finds real codes
in them; some BibTeX entries share a DOI with RIS records so the ingest also merges copies
of one paper across files and formats.
"""

from __future__ import annotations

import csv
import random
import re
from dataclasses import dataclass
from pathlib import Path

from tests.conftest import REPO

CORPUS = REPO / "corpus"
ZH_NAMES = ["陈晓静", "王立新", "刘伟", "李娜", "张强", "赵敏", "孙悦", "周洁", "吴昊", "郑丽"]
EN_NAMES = ["Chen, Wei", "Smith, Anna", "Li, Na", "Brown, Tom", "Garcia, Maria", "Wang, Lei"]
ZH_KEYWORDS = ["居民参与", "社区治理", "增能理论", "优势视角", "老旧小区", "社会资本", "楼栋长"]
EN_KEYWORDS = ["community governance", "empowerment", "social capital", "participation"]


@dataclass(frozen=True, slots=True)
class Corpus:
    root: Path
    records: int  # records written (before merging copies of one paper)
    files: int


def _sentences() -> tuple[list[str], list[str]]:
    """(Chinese, English) sentences of the sample abstracts and transcripts."""
    zh: list[str] = []
    en: list[str] = []
    for path in sorted((CORPUS / "abstracts").glob("*.txt")):
        body = path.read_text(encoding="utf-8")
        # Paragraphs after the title line, without their "Abstract:" / "摘要：" label.
        for para in body.split("\n\n")[1:]:
            para = re.sub(r"^(Abstract|摘要)\s*[:：]\s*", "", para.strip())
            if path.name.startswith("zh"):
                zh += [s + "。" for s in para.split("。") if len(s.strip()) > 8]
            else:
                en += [s.strip(" .") + "." for s in re.split(r"\.\s", para) if len(s) > 20]
    # BibTeX would read braces and per cent signs as syntax.
    zh = [" ".join(s.replace("%", "").replace("{", "").replace("}", "").split()) for s in zh]
    return [s for s in zh if "关键词" not in s], [s for s in en if "Keywords" not in s]


class _Writer:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.zh, self.en = _sentences()

    def paper(self, n: int) -> dict:
        """One paper's fields; every title is distinct, so only shared DOIs merge."""
        zh = n % 3 != 0
        rng = self.rng
        pool, names, keys = (
            (self.zh, ZH_NAMES, ZH_KEYWORDS) if zh else (self.en, EN_NAMES, EN_KEYWORDS)
        )
        title = (
            f"社区治理中的居民参与研究之{n}：{rng.choice(keys)}视角"
            if zh
            else f"Resident Participation in Community Governance, Study {n}: {rng.choice(keys)}"
        )
        sentences = rng.sample(pool, min(len(pool), 4))
        return {
            "title": title,
            "sentences": sentences,
            "authors": rng.sample(names, rng.randint(1, 3)),
            "year": rng.randint(2012, 2024),
            "keywords": rng.sample(keys, 3),
            "abstract": ("" if zh else " ").join(sentences),
            "doi": f"10.9999/kgr.{n:05d}" if n % 2 == 0 else "",
            "zh": zh,
        }


def _ris(papers: list[dict]) -> str:
    out = []
    for p in papers:
        lines = ["TY  - JOUR", *(f"AU  - {a}" for a in p["authors"]), f"T1  - {p['title']}",
                 "JO  - 社区研究" if p["zh"] else "JO  - Community Studies", f"PY  - {p['year']}",
                 *(f"KW  - {k}" for k in p["keywords"]), f"AB  - {p['abstract']}"]  # fmt: skip
        if p["doi"]:
            lines.append(f"DO  - {p['doi']}")
        out.append("\n".join([*lines, "ER  - ", ""]))
    return "\n".join(out)


def _bibtex(papers: list[dict]) -> str:
    out = []
    for n, p in enumerate(papers):
        fields = {"author": " and ".join(p["authors"]), "title": p["title"],
                  "journal": "Community Studies", "year": str(p["year"]),
                  "keywords": ", ".join(p["keywords"]), "abstract": p["abstract"]}  # fmt: skip
        kind = "article"
        if p["doi"]:
            fields["doi"] = p["doi"]
        elif n % 3 == 0:  # a thesis: school and supervisor (SUPERVISED, Institution)
            kind = "phdthesis"
            fields.pop("journal")
            fields.update(school="华东理工大学", supervisor="王思斌")
        body = ",\n".join(f"  {k} = {{{v}}}" for k, v in fields.items())
        out.append(f"@{kind}{{key{n},\n{body},\n}}\n")
    return "\n".join(out)


def _csv(path: Path, papers: list[dict]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        table = csv.writer(handle)
        table.writerow(["题名", "作者", "文献来源", "年", "关键词", "摘要"])
        for p in papers:
            table.writerow([p["title"], ";".join(p["authors"]), "社区研究", p["year"],
                            "；".join(p["keywords"]), p["abstract"]])  # fmt: skip


def _text(p: dict, cited: list[dict]) -> str:
    """A full text with a reference list citing papers of the corpus (CITES, SAME_AS)."""
    label = "关键词：" if p["zh"] else "Keywords: "
    body = "\n\n".join(p["sentences"])  # a paragraph per sentence: a longer full text
    refs = "\n".join(
        f"[{k}] {','.join(c['authors'])}.{c['title']}[J]."
        f"{'社区研究' if c['zh'] else 'Community Studies'},{c['year']}(2):3-9."
        for k, c in enumerate(cited, 1)
    )
    return f"{p['title']}\n\n{body}\n\n{label}{'；'.join(p['keywords'])}\n\n参考文献\n\n{refs}\n"


def _transcript(n: int, rng: random.Random, zh: list[str]) -> str:
    head = (f"社区居民参与访谈记录（G-{n:02d}）\n访谈编号：G-{n:02d}\n"
            f"访谈时间：2023年5月{n + 1}日\n访谈地点：第{n}社区活动室\n访谈者：王老师（社区社工）\n"
            f"受访者：居民{n}（女，{40 + n}岁，退休教师，楼栋长）\n")  # fmt: skip
    turns = []
    for k in range(8):
        who = "访谈者" if k % 2 == 0 else "受访者"
        turns.append(f"{who} 00:{k:02d}:0{n % 10}\n{rng.choice(zh)}\n")
    return head + "\n" + "\n".join(turns)


def generate(root: Path, seed: int = 11, scale: int = 1) -> Corpus:
    """Write the corpus under ``root``: RIS, BibTeX, CSV, texts and transcripts.

    ``scale`` 1 gives about 280 records in 55 files; a BibTeX entry in five shares its DOI
    with a RIS record (the same paper in two formats).
    """
    writer = _Writer(seed)
    papers = [writer.paper(n) for n in range(260 * scale)]
    ris, bib, table, texts = (papers[:110 * scale], papers[110 * scale:160 * scale],
                              papers[160 * scale:215 * scale], papers[215 * scale:])  # fmt: skip
    # Copies of RIS papers with a DOI, as another tool exported them.
    bib = bib + [p for p in ris if p["doi"]][: 10 * scale]
    root.mkdir(parents=True, exist_ok=True)
    for k in range(2):  # two RIS files, so a kill can land between and inside files
        half = ris[k::2]
        (root / f"export_{k}.ris").write_text(_ris(half), encoding="utf-8")
    (root / "library.bib").write_text(_bibtex(bib), encoding="utf-8")
    _csv(root / "cnki_table.csv", table)
    (root / "texts").mkdir(exist_ok=True)
    for n, p in enumerate(texts):
        (root / "texts" / f"paper_{n:03d}.txt").write_text(
            _text(p, writer.rng.sample(ris, 3)), encoding="utf-8"
        )
    (root / "interviews").mkdir(exist_ok=True)
    for n in range(6 * scale):
        text = _transcript(n, writer.rng, writer.zh)
        (root / "interviews" / f"interview_{n:02d}.txt").write_text(text, encoding="utf-8")
    records = len(ris) + len(bib) + len(table) + len(texts) + 6 * scale
    return Corpus(root, records, 4 + len(texts) + 6 * scale)
