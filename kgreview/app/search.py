"""Evidence search: full-text search of the sentences (Chinese or English) with filters, each
hit with its document and codes; and a code's literature beside the field (transcripts)."""

from __future__ import annotations

import html

import streamlit as st

from kgreview.analysis.search import FIELD_TYPES, literature_vs_field
from kgreview.app.components import (
    POLARITY_COLOURS,
    code_picker,
    codebook,
    codes_by_id,
    computed,
    query,
    require_documents,
)
from kgreview.app.i18n import STRINGS, category_label, label, lkey, polarity_label, shown, t
from kgreview.model import Polarity
from kgreview.model_search import SearchHit
from kgreview.store import GraphStore
from kgreview.store.search_common import MAX_QUERY_CHARS

PAGE = 50
MAX_SPEAKER_DOCUMENTS = 300

# This page's strings, registered with the shared table (kept here: i18n.py is shared by all).
STRINGS.update({
    "search": ("Evidence search", "证据检索"),
    "search_title": ("Evidence search", "证据检索"),
    "search_tab": ("Search the sentences", "检索句子"),
    "search_box": (
        "Text to find (Chinese or English, any part of a word)",
        "检索词（中英文均可，可为词的一部分）",
    ),
    "filters": ("Filters", "筛选"),
    "any": ("any", "全部"),
    "codes_filter": ("Coded with", "含编码"),
    "years": ("Years", "年份"),
    "doc_types": ("Document types", "文献类型"),
    "speaker": ("Speaker (transcripts)", "说话人（访谈）"),
    "hits": ("{n} sentences", "{n} 个句子"),
    "hits_more": ("{n}+ sentences, page {page}", "{n}+ 个句子，第 {page} 页"),
    "page": ("Page", "页码"),
    "no_hits": ("No sentence contains this text with these filters.", "没有符合条件的句子。"),
    "type_query": (
        "Type a word or part of one: 增能, 社区参与, empowerment …",
        "请输入检索词：增能、社区参与、empowerment …",
    ),
    "lit_vs_field": ("Literature vs field", "文献与田野对照"),
    "lit_vs_field_help": (
        "What abstracts, theses and reviews say about a code, beside what residents and social "
        "workers say in the transcripts.",
        "同一编码下：摘要、论文与综述怎么说，访谈中居民与社工怎么说。",
    ),
    "literature": ("Literature ({n})", "文献（{n}）"),
    "field": ("Field: transcripts ({n})", "田野：访谈（{n}）"),
    "no_field": ("No transcript sentence has this code.", "没有访谈句子含此编码。"),
    "no_literature": ("No literature sentence has this code.", "没有文献句子含此编码。"),
    "interviewer": ("interviewer", "访谈者"),
    "said_by": ("said by", "说话人"),
})  # fmt: skip


def run_search(graph: GraphStore, text: str, filters: tuple, page: int) -> list[SearchHit]:
    """One page of hits plus one more (to know whether a next page exists)."""
    codes, category, polarity, year_from, year_to, doc_types, speaker = filters
    return graph.search_segments(
        text, codes=codes, category=category, polarity=polarity, year_from=year_from,
        year_to=year_to, doc_types=doc_types, speaker=speaker, limit=PAGE + 1,
        offset=(page - 1) * PAGE,
    )  # fmt: skip


def speakers(graph: GraphStore) -> list[str]:
    """Participants' names in the transcripts (the first few hundred transcripts)."""
    found: set[str] = set()
    docs = [d for d in graph.document_summaries() if d.doc_type == "transcript"]
    for doc in docs[:MAX_SPEAKER_DOCUMENTS]:
        found.update(p.label for p in graph.participants_of(doc.id))
    return sorted(found)


def code_in_both(graph: GraphStore) -> str | None:
    """The code found in the most documents among those found in literature and transcripts
    alike (the comparison's default), else the most used code."""
    field = {d.id for d in graph.document_summaries() if d.doc_type in FIELD_TYPES}
    docs: dict[str, set[str]] = {}
    for document, code in graph.incidence():
        docs.setdefault(code, set()).add(document)
    both = [c for c, found in docs.items() if found & field and found - field]
    ranked = sorted(both or docs, key=lambda c: (-len(docs[c]), c))
    # a code only a transcript's header names ("访谈记录…": the interview) has no one saying it
    spoken = (c for c in ranked[:10] if literature_vs_field(graph, c, "", 1).field)
    return next(spoken, ranked[0] if ranked else None)


def marked(text: str, spans: list[tuple[int, int]]) -> str:
    """HTML of ``text`` with each span marked (escaped; overlapping spans merged)."""
    out, pos = [], 0
    for start, end in sorted(spans):
        start = max(start, pos)
        if end <= start:
            continue
        out += [html.escape(text[pos:start]), f"<mark>{html.escape(text[start:end])}</mark>"]
        pos = end
    out.append(html.escape(text[pos:]))
    return "".join(out)


def who(hit: SearchHit) -> str:
    role = t("interviewer") if hit.role == "interviewer" else hit.role
    return f"{hit.speaker} ({role})" if role else hit.speaker


def code_badges(hit: SearchHit) -> str:
    """Each distinct (code, polarity) of the hit as a coloured badge."""
    codes, seen, badges = codes_by_id(), set(), []
    for c in hit.codings:
        if (c.code_id, c.polarity) in seen:
            continue
        seen.add((c.code_id, c.polarity))
        colour = POLARITY_COLOURS.get(c.polarity, "gray")
        name = label(codes.get(c.code_id), c.code_id).replace("[", "(").replace("]", ")")
        badges.append(f":{colour}-badge[{name} · {polarity_label(c.polarity)}]")
    return " ".join(badges)


def show_hit(hit: SearchHit, spans: list[tuple[int, int]]) -> None:
    st.markdown(f"<span class='kg-hit'>{marked(hit.text, spans)}</span>", unsafe_allow_html=True)
    where = " · ".join(str(x) for x in (hit.title or hit.document_id, hit.year, hit.doc_type) if x)
    st.caption(f"— {where}" + (f" · {t('said_by')} {who(hit)}" if hit.speaker else ""))
    badges = code_badges(hit)
    if badges:
        st.markdown(badges)


def filter_form() -> tuple:
    """The sidebar-free filter row; returns the filters as a hashable tuple."""
    used = {c.code_id for c in query("code_frequencies")}
    by_id = {c.id: c for c in query("list_codes") if c.id in used}
    names = codebook().categories
    categories = sorted({c.category for c in by_id.values()}, key=lambda c: (c not in names, c))
    facets = query("document_facets")
    years = sorted({f.year for f in facets if f.year})
    types = sorted({f.doc_type for f in facets if f.doc_type})
    with st.expander(t("filters"), expanded=False):
        left, middle, right = st.columns(3)
        options = sorted(by_id)
        codes = left.multiselect(t("codes_filter"), options, key=lkey("search_codes"),
                                 format_func=shown(lambda c: label(by_id[c]), options))  # fmt: skip
        cats = [None, *categories]
        category = left.selectbox(t("category"), cats, key=lkey("search_category"),
                                  format_func=shown(lambda c: category_label(c, names)
                                                    if c else t("any"), cats))  # fmt: skip
        pols = [None, *(p.value for p in Polarity)]
        polarity = middle.selectbox(t("polarity"), pols, key=lkey("search_polarity"),
                                    format_func=shown(lambda p: polarity_label(p)
                                                      if p else t("any"), pols))  # fmt: skip
        year_from = year_to = None
        if len(years) > 1:
            low, high = middle.slider(t("years"), years[0], years[-1], (years[0], years[-1]),
                                      key="search_years")  # fmt: skip
            # The full range filters nothing (documents without a year stay in).
            if (low, high) != (years[0], years[-1]):
                year_from, year_to = low, high
        doc_types = right.multiselect(t("doc_types"), types, key="search_types")
        people = [None, *computed(speakers)]
        speaker = right.selectbox(t("speaker"), people, key="search_speaker",
                                  format_func=lambda p: p or t("any"))  # fmt: skip
    return (tuple(codes) or None, category, polarity, year_from, year_to,
            tuple(doc_types) or None, speaker)  # fmt: skip


def search_panel() -> None:
    text = st.text_input(t("search_box"), key="search_query", placeholder="增能 / empowerment",
                         max_chars=MAX_QUERY_CHARS)  # fmt: skip
    filters = filter_form()
    if not text.strip() and not filters[0]:
        st.info(t("type_query"))
        return
    page = int(st.number_input(t("page"), min_value=1, value=1, step=1, key="search_page"))
    hits = computed(run_search, text, filters, page)
    more = len(hits) > PAGE
    count = (page - 1) * PAGE + min(len(hits), PAGE)
    if not hits:
        st.warning(t("no_hits"))
        return
    st.markdown(
        f"**{t('hits_more').format(n=count, page=page) if more else t('hits').format(n=count)}**"
    )
    for hit in hits[:PAGE]:
        show_hit(hit, list(hit.matches))


def compare_panel() -> None:
    st.caption(t("lit_vs_field_help"))
    used = {c.code_id for c in query("code_frequencies")}
    pool = [c for c in query("list_codes") if c.id in used]
    code = code_picker("lvf", pool, t("pick_code"), default=computed(code_in_both))
    if code is None:
        return
    found = computed(literature_vs_field, code.id, "", 30)
    left, right = st.columns(2)
    for column, hits, title, empty in (
        (left, found.literature, "literature", "no_literature"),
        (right, found.field, "field", "no_field"),
    ):
        with column:
            st.subheader(t(title).format(n=len(hits)))
            if not hits:
                st.caption(t(empty))
            for hit in hits:
                spans = [(c.start - hit.start, c.end - hit.start) for c in hit.codings
                         if c.code_id == code.id]  # fmt: skip
                show_hit(hit, spans)


def render() -> None:
    st.title(t("search_title"))
    if not require_documents():
        return
    # A switch, not tabs: tabs run both views on every rerun; this runs only the one shown.
    views = ["search_tab", "lit_vs_field"]
    view = st.radio(t("search_title"), views, horizontal=True, key=lkey("search_view"),
                    format_func=shown(t, views), label_visibility="collapsed")  # fmt: skip
    if view == "lit_vs_field":
        compare_panel()
    else:
        search_panel()
