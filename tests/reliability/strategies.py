"""Hypothesis strategies for the fuzz tests: texts that look enough like reference lists,
transcripts and tagged exports to reach deep into the parsers, mixed with anything at all."""

from __future__ import annotations

from hypothesis import strategies as st

# Pieces the parsers key on; joined in random order with random text between them.
REFERENCE_PIECES = [
    "参考文献", "References", "\n", "\r\n", "\r", " ", "\t", "\u3000", "[1]", "［2］", "【3】",
    "(4)",
    "5.", "6、", "[J]", "[M]", "[D]", "[C]//", "[EB/OL]", "[N]", "[R]", "[S]", "[A]", ". ", "，",
    "//", ":", "：", "(", ")", "（", "）", "2019", "1998", "12(3)", ":45-67", "[2024-01-01]",
    "王思斌", "陈伟东, 马涛", "Smith, J.", "et al.", "等", "北京: 社会科学文献出版社",
    "https://doi.org/10.1000/x.1", "DOI:", "http://", "Vol. 3", "pp. 1-9", "致谢", "附录",
    "Chen Weidong", "社会工作研究", "Journal of Social Work", ".", ";", "；", "-", "–", "—",
]  # fmt: skip
TRANSCRIPT_PIECES = [
    "\n", "\r\n", "\r", " ", "Interviewer:", "R7:", "访谈者：", "受访者：", "Q:", "A:", "Dan:",
    "[00:01:02]", "00:01:02", "(1:02)", "说话人1 00:01:02", "Participant: R7 (male, 41, driver)",
    "受访者：张阿姨（女，63岁，退休教师，楼栋长）", "Date: 2024-05-01", "访谈地点：幸福里社区",
    "我们小区", "the WeChat group", "。", ".", "?", "？", "…", ":", "：", "（", "）", "\u3000",
    "Interviewer: [00:01:02] ", "<v Ann>", "-->", "\t",
]  # fmt: skip

_ANY_TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40
)  # any code point but lone surrogates (which no decoded file holds)


def pieces_text(pieces: list[str], max_parts: int = 40) -> st.SearchStrategy[str]:
    """Random sequences of ``pieces`` and arbitrary text."""
    part = st.one_of(st.sampled_from(pieces), _ANY_TEXT)
    return st.lists(part, max_size=max_parts).map("".join)


def reference_text() -> st.SearchStrategy[str]:
    return pieces_text(REFERENCE_PIECES, 60)


def transcript_text() -> st.SearchStrategy[str]:
    return pieces_text(TRANSCRIPT_PIECES, 60)


def _tagged_line(tags: list[str]) -> st.SearchStrategy[str]:
    known = st.sampled_from(["", " ", "王芳;李强", "2021", "社区治理", "(#br)"])
    value = st.one_of(known, _ANY_TEXT)
    return st.tuples(st.sampled_from(tags), value).map(lambda p: p[0] + p[1])


def tagged_export(tags: list[str]) -> st.SearchStrategy[str]:
    """Records of an export: mostly opened by the format's first tag (``tags[0]``) and closed
    by ``ER`` where the format has it, holding known tags with random values, blank lines and
    random lines; line ends mixed."""
    line = st.one_of(_tagged_line(tags), _tagged_line(tags), st.just(""), _ANY_TEXT)
    opening = st.one_of(st.just(tags[0] + "JOUR"), st.just(tags[0]), line)
    closing = st.sampled_from(["ER  - ", "", ""]) if tags[0].startswith("TY") else st.just("")
    record = st.tuples(opening, st.lists(line, max_size=10), closing).map(
        lambda r: [r[0], *r[1], r[2], ""]
    )
    ends = st.lists(st.sampled_from(["\n", "\n", "\r\n", "\r"]), min_size=1, max_size=3)
    return st.tuples(st.lists(record, max_size=6), ends).map(
        lambda p: "".join(
            text + p[1][n % len(p[1])] for n, text in enumerate(t for r in p[0] for t in r)
        )
    )


RIS_TAGS = ["TY  - ", "ER  - ", "T1  - ", "TI  - ", "AU  - ", "A1  - ", "PY  - ", "Y1  - ",
            "AB  - ", "KW  - ", "DO  - ", "JO  - ", "T2  - ", "AD  - ", "N2  - ", "  ",
            "TY - "]  # fmt: skip
NOTEEXPRESS_TAGS = ["{Reference Type}: ", "{Title}: ", "{Author}: ", "{Year}: ", "{Abstract}: ",
                    "{Keywords}: ", "{Tertiary Author}: ", "{Publisher}: ", "{Journal}: ",
                    "{Reference Type}："]  # fmt: skip
CNKI_CUSTOM_TAGS = ["SrcDatabase-来源库: ", "Title-题名: ", "Author-作者: ", "Year-年: ",
                    "Summary-摘要: ", "Keyword-关键词: ", "Organ-单位: ", "Fund-基金: ",
                    "Contributor-导师: ", "CLC-中图分类号: "]  # fmt: skip
REFER_TAGS = ["%0 ", "%A ", "%T ", "%D ", "%X ", "%K ", "%Y ", "%I ", "%+ ", "%J ", "%9 "]
REFWORKS_TAGS = ["RT ", "A1 ", "T1 ", "YR ", "AB ", "K1 ", "A3 ", "PB ", "JF ", "AD ", "DE "]
