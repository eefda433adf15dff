"""Real exports (read by path from ../shared/realdata, never copied): counts, fields, no errors."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from kgreview.ingest import RecordFailure
from kgreview.ingest.detect import detect_format
from kgreview.model import Document
from kgreview.pipeline import read_documents
from tests.conftest import SHARED

REAL = SHARED / "realdata"

# file -> (format detected, records, records with a non-empty abstract)
EXPECTED = {
    "cnki-noteexpress/cnki2bibtex__mixed.net": ("noteexpress", 12, 11),
    "cnki-noteexpress/cnki2bibtex__LotsOfEnglish.net": ("noteexpress", 21, 20),
    "cnki-noteexpress/cnki2bibtex__Classic5Test.net": ("noteexpress", 5, 5),
    "cnki-noteexpress/cnki2bibtex__ChineseColon.net": ("noteexpress", 1, 1),
    "cnki-noteexpress/cnki2bibtex__withLineBreakInAddress.net": ("noteexpress", 1, 1),
    "bibtex/cnki2bibtex__nameyear_mixed.bib": ("bibtex", 12, 11),
    "bibtex/uvt-scholarly__savedrecs.bib": ("bibtex", 10, 10),
    "wos/uvt-scholarly__savedrecs.txt": ("wos_tab", 10, 10),
    "wos/ScientoPy__wos_2026_04_02_4071.txt": ("wos_tab", 71, 34),
    "wos/python-bibx__single-article.txt": ("wos", 1, 1),
    "wos/rispy__example_wos.ris": ("wos", 2, 2),
    # 58 rows; one says "[No abstract available]", which is not an abstract.
    "scopus/litstudy__scopus.csv": ("scopus", 58, 57),
    "ris/litstudy__example.ris": ("ris", 25, 25),
    "transcripts/PDPilotUserStudy__P1.pdf": ("pdf", 1, 0),
    "gbt7714/parseGBT7714__input.txt": ("text", 1, 0),
}


@cache
def documents(name: str) -> list[Document | RecordFailure]:
    return list(read_documents(REAL / name))


def docs(name: str) -> list[Document]:
    return [d for d in documents(name) if isinstance(d, Document)]


def test_every_real_file_is_covered() -> None:
    files = {
        str(p.relative_to(REAL))
        for p in REAL.rglob("*")
        if p.is_file() and p.suffix not in (".md", ".qdpx")
    }
    assert files == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_real_file_reads_with_expected_counts_and_no_errors(name: str) -> None:
    fmt, records, with_abstract = EXPECTED[name]
    assert detect_format(REAL / name) == fmt
    items = documents(name)
    assert [i for i in items if isinstance(i, RecordFailure)] == []
    assert len(items) == records
    assert sum(1 for d in docs(name) if d.meta.get("abstract")) == with_abstract
    for doc in docs(name):
        assert doc.title.strip()
        assert doc.meta.get("full_text") or doc.text.startswith(doc.title)
        assert doc.meta["provenance"][0]["file"].endswith(Path(name).name)


def test_noteexpress_fields() -> None:
    first = docs("cnki-noteexpress/cnki2bibtex__mixed.net")[0]
    assert first.title == "基于深度信念网络资源需求预测的虚拟网络功能动态迁移算法"
    assert first.meta["authors"] == ["唐伦", "赵培培", "赵国繁", "陈前斌"]
    assert first.meta["keywords"] == ["虚拟网络功能", "预测", "迁移", "深度学习"]
    assert first.meta["venue"] == "电子与信息学报" and first.year is None
    assert first.lang == "zh" and first.doc_type == "article"
    assert "(#br)" not in "".join(d.text for d in docs("cnki-noteexpress/cnki2bibtex__mixed.net"))
    news = docs("cnki-noteexpress/cnki2bibtex__mixed.net")[3]
    assert news.doc_type == "newspaper" and news.meta["authors"] == ["和风"]
    (colon,) = docs("cnki-noteexpress/cnki2bibtex__ChineseColon.net")
    assert colon.meta["authors"] == ["中国抗癌协会肉瘤专业委员会", "中国临床肿瘤学会"]
    assert colon.year == 2016
    (wrapped,) = docs("cnki-noteexpress/cnki2bibtex__withLineBreakInAddress.net")
    assert wrapped.meta["authors"] == ["谢昕", "王小增"]  # "," between Chinese names
    assert wrapped.meta["issue"] == "09" and wrapped.meta["pages"] == "14-16"
    english = docs("cnki-noteexpress/cnki2bibtex__Classic5Test.net")[0]
    assert english.meta["authors"] == ["Alaa Alhaj-Ismail", "Sami Adwan", "John Stittle"]
    assert english.lang == "en"


def test_same_paper_in_noteexpress_and_bibtex_gets_one_id() -> None:
    net = {d.title: d.id for d in docs("cnki-noteexpress/cnki2bibtex__mixed.net")}
    bib = {d.title: d.id for d in docs("bibtex/cnki2bibtex__nameyear_mixed.bib")}
    shared = set(net) & set(bib)
    assert len(shared) >= 10
    assert all(net[t] == bib[t] for t in shared)


def test_wos_tab_bibtex_and_fields() -> None:
    tab = docs("wos/uvt-scholarly__savedrecs.txt")
    bib = docs("bibtex/uvt-scholarly__savedrecs.bib")
    assert [d.id for d in tab] == [d.id for d in bib]  # same records, DOIs
    first = tab[0]
    assert first.doi == "10.1007/s10915-025-03174-8" and first.year == 2026
    assert first.meta["authors"] == ["Fikl, Alexandru", "Klockner, Andreas"]
    assert first.meta["venue"] == "JOURNAL OF SCIENTIFIC COMPUTING"
    assert first.meta["keywords"][0] == "Integral equations"
    assert len(first.meta["references"]) == 28
    assert not any(a.startswith("[") for a in first.meta["affiliations"])
    assert bib[0].meta["authors"] == first.meta["authors"]


def test_wos_tagged_keeps_cited_references_raw() -> None:
    (doc,) = docs("wos/python-bibx__single-article.txt")
    assert doc.doi == "10.1016/j.jmmm.2017.01.061"
    assert doc.meta["authors"][:2] == ["Wodarz, Siggi", "Hasegawa, Takashi"]
    assert len(doc.meta["references"]) == 28
    assert doc.meta["references"][0].startswith("Albrecht TR, 2013, IEEE T MAGN")
    second = docs("wos/rispy__example_wos.ris")[1]
    assert second.title.startswith("Proximal and distal influences on ligand binding")
    assert second.meta["pages"] == "7017-7027" and second.meta["volume"] == "43"


def test_scopus_and_ris_fields() -> None:
    scopus = docs("scopus/litstudy__scopus.csv")
    assert scopus[0].title == "Scalable molecular dynamics with NAMD"
    assert scopus[0].meta["authors"][:2] == ["Phillips J.C.", "Braun R."]
    assert scopus[0].doi == "10.1002/jcc.20289" and scopus[0].meta["pages"] == "1781-1802"
    # Extra funding cells in the old layout must not shift the later columns.
    assert {d.lang for d in scopus} == {"en"}
    assert {"article", "conference", "chapter"} <= {d.doc_type for d in scopus}
    ris = docs("ris/litstudy__example.ris")
    assert ris[0].title == "The European Approach to the Exascale Challenge"
    assert ris[0].meta["authors"] == ["G. Kalbe"]  # listed twice in the file, kept once
    assert ris[0].doi == "10.1109/mcse.2018.2884139" and ris[0].year == 2019
    assert ris[-1].doc_type == "conference"


def test_pdf_interview_text() -> None:
    (doc,) = docs("transcripts/PDPilotUserStudy__P1.pdf")
    assert doc.meta["full_text"] and doc.meta["pages"] == 5
    assert "Dan:\nOkay. So now you can stop sharing your screen" in doc.text
    assert "\t" not in doc.text and "\n1/5\n" not in doc.text
