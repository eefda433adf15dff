"""GB/T 7714-2015 output compared with strings written by hand from the standard's rules, and
RIS / BibTeX that our own readers read back."""

from __future__ import annotations

from pathlib import Path

import bibtexparser
import pytest
import rispy

from kgreview.export.bibliography import from_document, gbt7714, western_name
from kgreview.export.citeformats import to_bibtex, to_ris
from kgreview.model import Document
from kgreview.nlp.references import parse_reference_list

REPO = Path(__file__).resolve().parents[2]
ZH_LIST = REPO / "corpus" / "gold" / "references" / "zh_list.txt"
SEED_004 = next((REPO.parent / "shared" / "seeds").glob("004_*.txt"))

# Hand-written GB/T 7714-2015 forms: half-width marks, no spaces in Chinese entries; the 2005
# [A]…[C] style rewritten as [C]//; no degree in [D]; full-width and stray spaces normalised.
EXPECTED_ZH = {
    2: "陈涛.社会工作专业使命的探讨[J].社会学研究,2011,26(6):211-237.",
    4: "王思斌.社会工作概论[M].3版.北京:高等教育出版社,2014:35-52.",
    5: "陈伟东,马涛.居委会角色与功能再造:社区治理能力的生成路径[J].社会主义研究,2017(4):88-95.",
    6: "张丽.增能视角下老旧社区居民参与研究[D].武汉:华中师范大学,2019.",
    8: "顾东辉.社会工作介入社区治理的路径[N].中国社会报,2019-05-20(03).",
    9: "民政部.2020年民政事业发展统计公报[EB/OL].(2021-09-10)[2022-03-15]."
    "http://www.mca.gov.cn/article/sj/tjgb/2020.html.",
    10: "中华人民共和国民政部.社会工作服务项目绩效评估指南:MZ/T 059—2014[S]."
    "北京:中国标准出版社,2015.",
    11: "上海市社会工作者协会.一种社区居民需求评估方法:CN201910123456.7[P].2020-06-12.",
    14: "杨团.社区公共服务论析[C]//王思斌.中国社会工作研究:第2辑."
    "北京:社会科学文献出版社,2004:45-67.",
    16: "文军.西方社会工作理论[M]//王思斌.社会工作导论.北京:北京大学出版社,1998:88-110.",
    17: "ROTHMAN J. Three models of community organization practice[M]//CRAIG G, MAYO M, POPPLE K,"
    " et al. The community development reader: history, themes and issues. Bristol: Policy"
    " Press, 2011: 52-64.",
    18: "ZIMMERMAN M A. Psychological empowerment: issues and illustrations[J]. American Journal of"
    " Community Psychology, 1995, 23(5): 581-599.",
    20: "PUTNAM R D. Bowling alone: the collapse and revival of American community[M]. New York:"
    " Simon & Schuster, 2000.",
    21: "王思斌.社会治理共同体建设与社会工作的促进作用[J].社会工作,2020(2):3-9.",
}


@pytest.mark.parametrize("n", sorted(EXPECTED_ZH))
def test_chinese_list_entries_match_hand_written_strings(n: int) -> None:
    refs = {r.n: r for r in parse_reference_list(ZH_LIST.read_text(encoding="utf-8"))}
    assert gbt7714(refs[n]) == EXPECTED_ZH[n]


def test_seed_004_english_renderings() -> None:
    refs = {r.n: r for r in parse_reference_list(SEED_004.read_text(encoding="utf-8"))}
    assert gbt7714(refs[2]) == (
        'Zhang Xuelin. "Retrieving" the city and "removing the charm" of resident autonomy[D].'
        " Wuhan: Huazhong University of Science and Technology, 2018."
    )
    assert gbt7714(refs[6]) == (
        "Jiang Xiaoping, Heng Xia. Citizen participation in community governance[J]. Hunan Social"
        " Sciences, 2007(01): 24-28."
    )  # markdown italics gone, a space after each mark in an English entry


def test_corpus_documents_as_entries() -> None:
    journal = Document(
        id="d1", title="优势视角下社会工作介入老旧小区居民参与的路径研究", text="", lang="zh",
        doc_type="article", year=2022,
        meta={"authors": ["陈晓静", "王立新"], "venue": "社会工作与管理", "volume": "22",
              "issue": "03", "pages": "45-53"},
    )  # fmt: skip
    thesis = Document(
        id="d2", title="增能理论视角下流动儿童家庭教育支持的小组工作研究", text="", lang="zh",
        doc_type="thesis", year=2021,
        meta={"authors": ["刘伟"], "institution": "南京师范大学", "place": "南京"},
    )  # fmt: skip
    english = Document(
        id="d3", title="Social capital and volunteering among older adults in urban China",
        text="", lang="en", doc_type="article", year=2022, doi="10.1177/00208728221001234",
        meta={"authors": ["Liu, Wei", "Zhang, Yan", "Chen, Xiaojing", "Wang, Lixin"],
              "venue": "International Social Work", "volume": "65", "pages": "33-47"},
    )  # fmt: skip
    assert gbt7714(from_document(journal)) == (
        "陈晓静,王立新.优势视角下社会工作介入老旧小区居民参与的路径研究[J].社会工作与管理,"
        "2022,22(3):45-53."
    )
    assert gbt7714(from_document(thesis)) == (
        "刘伟.增能理论视角下流动儿童家庭教育支持的小组工作研究[D].南京:南京师范大学,2021."
    )
    assert gbt7714(from_document(english)) == (
        "LIU W, ZHANG Y, CHEN X, et al. Social capital and volunteering among older adults in"
        " urban China[J]. International Social Work, 2022, 65: 33-47."
        " DOI: 10.1177/00208728221001234."
    )
    assert western_name("Zimmerman, Marc A.") == "ZIMMERMAN M A"


def test_ris_and_bibtex_read_back() -> None:
    refs = [r for r in parse_reference_list(ZH_LIST.read_text(encoding="utf-8"))
            if r.duplicate_of is None]  # fmt: skip
    records = rispy.loads(to_ris(refs))
    assert len(records) == len(refs)
    assert records[0]["type_of_reference"] == "JOUR" and records[0]["authors"] == ["王思斌"]
    thesis = next(r for r in records if r.get("title") == "增能视角下老旧社区居民参与研究")
    assert thesis["type_of_reference"] == "THES"
    library = bibtexparser.parse_string(to_bibtex(refs))
    assert len(library.entries) == len(refs) and not library.failed_blocks
    keys = [e.key for e in library.entries]
    assert len(set(keys)) == len(keys) and all(k.isascii() for k in keys)
    assert {e.entry_type for e in library.entries} >= {"article", "book", "mastersthesis"}
