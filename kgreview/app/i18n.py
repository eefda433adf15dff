"""UI strings in English and Chinese, and the sidebar switch between them."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import streamlit as st

from kgreview.app.i18n_transfer import OVERVIEW_TRANSFER
from kgreview.model import Code

LANGS = {"English": "en", "中文": "zh"}

# key -> (English, 中文)
STRINGS: dict[str, tuple[str, str]] = {
    "language": ("Language", "语言"),
    "overview": ("Overview", "概览"),
    "codes": ("Codes & themes", "编码与主题"),
    "citing": ("Who cites …", "谁在引用…"),
    "network": ("Co-occurrence network", "共现网络"),
    "gaps": ("Research gaps", "研究空白"),
    "transfer": ("Import & export", "导入与导出"),
    "category": ("Category", "类别"),
    "categories": ("Categories", "类别"),
    "code": ("Code label", "编码"),
    "matching": ("Matching codes", "匹配的编码"),
    "documents": ("Documents", "文献"),
    "codings": ("Codings", "编码次数"),
    "year": ("Year", "年份"),
    "title": ("Title", "标题"),
    "evidence": ("Evidence sentences", "证据句"),
    "pick_code": ("Pick a code (search English or Chinese)", "选择编码（中英文均可搜索）"),
    "pick_theory": ("Pick a theory (search English or Chinese)", "选择理论（中英文均可搜索）"),
    "empty_store": (
        "The store is empty. Run `kgreview ingest PATH...` or `kgreview demo`.",
        "数据库为空。请运行 `kgreview ingest PATH...` 或 `kgreview demo`。",
    ),
    "store_error": ("The graph store cannot be read", "无法读取图数据库"),
    "page_error": ("This page could not be shown", "此页面无法显示"),
    "no_codings": ("No codings yet.", "尚无编码。"),
    "no_evidence": ("No evidence sentences.", "没有证据句。"),
    "auto_note": (
        "Auto-codes are suggestions from the codebook, not analysis: check the evidence.",
        "自动编码只是依据编码本的建议，不是分析结论：请核对证据句。",
    ),
    # Codes & themes
    "codes_title": ("Codes & themes", "编码与主题"),
    "tree": ("Codebook tree with counts", "编码本树与计数"),
    "show_unused": ("Show codes without codings", "显示没有编码的条目"),
    "trend": ("Trend by year (documents per year)", "年度趋势（每年文献数）"),
    "no_years": ("No document in this selection has a year.", "所选文献没有年份信息。"),
    "code_documents": ("Documents coded with this code", "含此编码的文献"),
    # Who cites
    "citing_title": ("Who cites a theory", "谁在引用某一理论"),
    "author": ("Author name", "作者"),
    "via": ("Via", "方式"),
    "via_authored": ("authored (uses it in their own document)", "作者（在本人文献中使用）"),
    "via_attributed": ("attributed (a claim named to them)", "被归属（观点署其名）"),
    "via_cited": ("cited (a cited work of theirs)", "被引（其被引文献）"),
    "contexts": ("Communities (contexts)", "社区类型"),
    "interventions": ("Interventions (countermeasures)", "介入策略"),
    "no_citers": ("Nobody uses or is cited for this code yet.", "尚无作者使用或被引用此编码。"),
    "reverse": ("Reverse view: an author → their theories", "反向查看：作者 → 其理论"),
    "pick_author": ("Pick an author", "选择作者"),
    "theories_of": ("Theories tied to this author", "与该作者相关的理论"),
    "sentences_of": ("Sentences", "句子"),
    # Network
    "network_title": ("Code co-occurrence network", "编码共现网络"),
    "unit": ("Unit", "共现单位"),
    "unit_document": ("document", "文献"),
    "unit_segment": ("segment (sentence or turn)", "片段（句子或话轮）"),
    "min_weight": ("Minimum co-occurrence", "最小共现次数"),
    "max_nodes": ("At most this many codes (most frequent)", "最多显示的编码数（按频次）"),
    "no_edges": ("No pair of codes reaches this weight.", "没有编码对达到此共现次数。"),
    "click_hint": (
        "Click a node or an edge, or open one here:",
        "点击节点或连线，或在此选择：",
    ),
    "open_item": ("Open a code or a pair", "打开编码或编码对"),
    "metrics": ("Network metrics", "网络指标"),
    "degree": ("Degree", "度"),
    "weighted_degree": ("Weighted degree", "加权度"),
    "betweenness": ("Betweenness", "中介中心性"),
    "community": ("Community", "社群"),
    "frequency": ("Frequency", "频次"),
    "graph_size": (
        "{nodes} codes · {edges} co-occurrence edges",
        "{nodes} 个编码 · {edges} 条共现连线",
    ),
    "download": ("Download", "下载"),
    "pair_documents": ("Documents coding both", "同时含两个编码的文献"),
    # Gaps
    "gaps_title": ("Research gaps", "研究空白"),
    "stated": ("Stated gaps", "文献中指出的空白"),
    "stated_by": ("Stated by (documents)", "指出空白的文献数"),
    "used_by": ("Used by (documents)", "使用该编码的文献数"),
    "gap_type": ("Gap type", "空白类型"),
    "matrix": ("Combination matrix", "组合矩阵"),
    "rows_by_cols": ("Rows × columns", "行 × 列"),
    "matrix_caption": (
        "Cells count documents using both codes; red-outlined cells are empty although both "
        "codes are well used (expected ≥ 1 under independence).",
        "单元格为同时使用两个编码的文献数；红框单元格为空白，尽管两个编码都常被使用"
        "（独立假设下期望值 ≥ 1）。",
    ),
    "open_cell": ("Open a cell", "打开单元格"),
    "closest": ("Closest documents", "最接近的文献"),
    "why": ("Why", "原因"),
    "margins": ("documents with the row / column code", "含行/列编码的文献数"),
    "expected": ("Expected", "期望值"),
    "untested": ("Untested factors", "未经检验的因素"),
    "untested_caption": (
        "Factors discussed, but no empirical document reports them as its own finding.",
        "被讨论但没有实证文献作为自身发现加以报告的因素。",
    ),
    "discussed_in": ("Discussed in (documents)", "讨论该因素的文献数"),
    "trends": ("Rising and fading codes", "上升与衰退的编码"),
    "no_trends": (
        "Trends need documents from at least three years.",
        "趋势分析需要至少三个年份的文献。",
    ),
    "direction": ("Direction", "方向"),
    "slope": ("Slope (share per year)", "斜率（每年占比变化）"),
    "none": ("None.", "无。"),
    "polarity": ("Polarity", "立场"),
    "pol_uses": ("uses", "使用"),
    "pol_recommends": ("recommends", "建议"),
    "pol_mentions": ("mentions", "提及"),
    "pol_negated": ("negated", "否定"),
    "pol_gap": ("gap", "空白"),
    "pol_limitation": ("limitation", "局限"),
    # Thesis & trends
    "thesis": ("Thesis & trends", "论文与趋势"),
    "th_title": ("Thesis & trends", "论文写作与文献计量"),
    "th_set": ("Document set", "文献集合"),
    "th_all": ("All documents", "全部文献"),
    "th_code": ("Documents of a code", "某一编码的文献"),
    "th_picked": ("Hand-picked documents", "手动挑选的文献"),
    "th_pick_docs": ("Pick documents", "选择文献"),
    "th_set_size": ("{n} documents in the set", "集合中有 {n} 篇文献"),
    "th_summary": ("Literature summary table", "文献综述表"),
    "th_capped": (
        "The first {n} of {total} documents; choose a code or pick documents to narrow the set.",
        "仅显示 {total} 篇中的前 {n} 篇；请选择编码或手动挑选文献以缩小范围。",
    ),
    "th_filter": ("Filter rows (any cell contains)", "筛选行（任一单元格包含）"),
    "th_evidence_of": ("Evidence of a row", "查看一行的证据"),
    "th_column": ("Column", "栏目"),
    "th_label": ("Value", "内容"),
    "th_sentence": ("Evidence sentence", "证据句"),
    "th_xlsx": ("Download XLSX", "下载 XLSX"),
    "th_docx": ("Download DOCX (three-line table)", "下载 DOCX（三线表）"),
    "th_trends": ("Publications, bursts, timezone", "发文量、突现与时区"),
    "th_per_year": ("Publications per year, with the policy timeline", "年度发文量与政策时间线"),
    "th_policies": ("Policy timeline", "政策时间线"),
    "th_code_years": (
        "The most used codes per year, with the policy timeline",
        "高频编码的年度变化与政策时间线",
    ),
    "th_policy": ("Policy", "政策"),
    "th_issuer": ("Issuer", "发文机关"),
    "th_date": ("Date", "日期"),
    "th_cited_by": ("Cited by (documents)", "被引文献数"),
    "th_bursts": ("Code bursts (Kleinberg)", "编码突现（Kleinberg）"),
    "th_no_bursts": ("No code bursts in this set.", "该集合中没有编码突现。"),
    "th_start": ("Start", "开始"),
    "th_end": ("End", "结束"),
    "th_weight": ("Strength", "强度"),
    "th_timezone": ("Timezone: the year each code first appears", "时区图：各编码首次出现的年份"),
    "th_first_year": ("First year", "首次出现"),
    "th_core": ("Core authors (Price's law)", "核心作者（普赖斯定律）"),
    "th_core_caption": (
        "Core authors have at least {m:.2f} papers (M = 0.749·√N_max).",
        "核心作者发文量不少于 {m:.2f} 篇（M = 0.749·√N_max）。",
    ),
    "th_papers": ("Papers", "发文量"),
    "th_words": ("Word frequency & cloud", "词频与词云"),
    "th_word": ("Word", "词"),
    "th_count": ("Occurrences", "出现次数"),
    "th_script": ("Words of", "词语范围"),
    "th_top": ("Words shown", "显示的词数"),
    "th_codes_beside": ("Codes in the same set", "同一集合中的编码"),
    "th_no_words": ("No content words in this set.", "该集合中没有实词。"),
}
STRINGS.update(OVERVIEW_TRANSFER)  # the overview's and import & export page's, kept apart


def lang() -> str:
    """The chosen UI language: ``en`` or ``zh``."""
    return st.session_state.get("ui_lang_code", "en")


def language_switch() -> str:
    """The sidebar radio; remembers the choice for the session."""
    choice = st.sidebar.radio(
        "Language / 语言", list(LANGS), key="ui_lang", horizontal=True, index=0
    )
    st.session_state["ui_lang_code"] = LANGS[choice]
    return LANGS[choice]


def t(key: str) -> str:
    en, zh = STRINGS[key]
    return zh if lang() == "zh" else en


def polarity_label(polarity: str) -> str:
    return t(f"pol_{polarity}") if f"pol_{polarity}" in STRINGS else polarity


def label(code: Code | None, fallback: str = "") -> str:
    """A code's label in the UI language (the other one in brackets)."""
    if code is None:
        return fallback
    first, second = (
        (code.label_zh, code.label_en) if lang() == "zh" else (code.label_en, code.label_zh)
    )
    return f"{first} ({second})" if second and second != first else first or code.id


def short_label(code: Code | None, fallback: str = "") -> str:
    if code is None:
        return fallback
    return (code.label_zh if lang() == "zh" else code.label_en) or code.id


def category_label(category: str, names: dict[str, tuple[str, str]]) -> str:
    en, zh = names.get(category, (category, category))
    return zh if lang() == "zh" else en


def lkey(name: str) -> str:
    """A widget key per UI language, carrying the value over when the language changes.

    A select box shows its options through a format function; with one key for both
    languages the browser would keep showing the old language's text for the chosen value.
    """
    key = f"{name}.{lang()}"
    if key not in st.session_state:
        for other in LANGS.values():
            previous = st.session_state.get(f"{name}.{other}")
            if previous is not None:
                st.session_state[key] = previous
                break
    return key


def shown(fmt: Callable[[Any], str], options: Iterable[Any]) -> Callable[[Any], str]:
    """A format function with every option's text fixed now, in the current language (it is
    also called after the run, e.g. by AppTest, where the session's language is unknown)."""
    table = {option: fmt(option) for option in options}
    return table.__getitem__
