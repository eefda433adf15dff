"""Who cites …: a theory's authors (authored / attributed / cited) with their documents, the
communities and interventions those documents pair it with, and the sentences; and the
reverse view, an author's theories."""

from __future__ import annotations

from collections import defaultdict

import pandas as pd
import streamlit as st

from kgreview.analysis.gaps import FILLING
from kgreview.analysis.whocites import NOT_A_CLAIM, CitingAuthor, who_cites
from kgreview.app.components import (
    code_picker,
    codes_by_id,
    computed,
    evidence_list,
    query,
    require_documents,
)
from kgreview.app.i18n import label, short_label, t
from kgreview.app.reads import shared
from kgreview.model import Polarity
from kgreview.store import GraphStore

THEORY = "theory"
PAIRED = {"contexts": "context", "interventions": "countermeasure"}
EXPANDED = 40  # authors whose sentences are shown (a 10k-document corpus has hundreds)


def citers(code_id: str) -> list[CitingAuthor]:
    return computed(who_cites, code_id)


def _theories_by_author(graph: GraphStore) -> dict[str, list[tuple[str, str, int]]]:
    """author → [(theory id, via, documents)], by who_cites's rules but without reading texts:
    authored = a ``uses`` coding in their own document; attributed / cited = a claim in a
    sentence naming them or citing their work, unless it states a gap or a negation."""
    theories = {c.code_id for c in graph.code_frequencies(THEORY)}
    docs: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    authors: dict[str, list[str]] = defaultdict(list)
    for document, name, _ in shared(graph, "authorship"):
        authors[document].append(name)
    for document, code, polarity in shared(graph, "polarity_incidence"):
        if code in theories and polarity == Polarity.USES:
            for name in authors.get(document, ()):
                docs[(name, code, "authored")].add(document)
    for code in sorted(theories):
        for said in graph.attributed_codings(code):
            if said.polarity not in NOT_A_CLAIM:
                via = "attributed" if said.via == "named" else "cited"
                docs[(said.author, code, via)].add(said.document_id)
    found: dict[str, list[tuple[str, str, int]]] = defaultdict(list)
    for (name, code, via), documents in sorted(docs.items()):
        found[name].append((code, via, len(documents)))
    return dict(found)


def _paired_index(graph: GraphStore) -> dict[str, dict[str, list[str]]]:
    """document → paired category key → codes it reports studying (uses, mentions, …)."""
    category = {c.id: c.category for c in graph.list_codes()}
    keys = {cat: key for key, cat in PAIRED.items()}
    index: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for document, code_id, polarity in shared(graph, "polarity_incidence"):
        key = keys.get(category.get(code_id, ""))
        if key and polarity in FILLING and code_id not in index[document][key]:
            index[document][key].append(code_id)
    return {d: dict(found) for d, found in index.items()}


def paired_codes(
    documents: list[str], index: dict | None = None, codes: dict | None = None
) -> dict[str, list[str]]:
    """Per paired category, the codes the documents use (most documents first)."""
    # Callers with many rows pass the index and codes in: each cache read unpickles a copy.
    codes = codes if codes is not None else codes_by_id()
    index = index if index is not None else computed(_paired_index)
    counts: dict[str, dict[str, int]] = {k: defaultdict(int) for k in PAIRED}
    for document in documents:
        for key, found in index.get(document, {}).items():
            for code_id in found:
                counts[key][code_id] += 1
    return {
        key: [
            short_label(codes.get(c), c)
            for c, _ in sorted(found.items(), key=lambda kv: (-kv[1], kv[0]))
        ]
        for key, found in counts.items()
    }


def citer_rows(rows: list[CitingAuthor]) -> list[dict]:
    table = []
    index, codes = computed(_paired_index), codes_by_id()
    names = [t(k) for k in ("author", "via", "documents", "contexts", "interventions")]
    sentences = t("sentences_of")
    for row in rows:
        paired = paired_codes(list(row.documents), index, codes)
        values = (row.author, row.via, " · ".join(row.documents.values()),
                  "、".join(paired["contexts"]), "、".join(paired["interventions"]))  # fmt: skip
        table.append({**dict(zip(names, values, strict=True)), sentences: len(row.evidence)})
    return table


def render() -> None:
    st.title(t("citing_title"))
    if not require_documents():
        return
    used = {c.code_id for c in query("code_frequencies")}
    theories = [c for c in query("list_codes") if c.category == THEORY and c.id in used]
    if not theories:
        st.info(t("no_codings"))
        return
    default = "theory.empowerment" if "theory.empowerment" in used else None
    code = code_picker("citing", theories, t("pick_theory"), default=default)
    if code is not None:
        show_citers(code)
    st.divider()
    show_reverse()


def show_citers(code) -> None:
    rows = citers(code.id)
    st.markdown(f"**{label(code)}** · `{code.id}`")
    if not rows:
        st.info(t("no_citers"))
        return
    st.caption(" · ".join(t(f"via_{via}") for via in ("authored", "attributed", "cited")))
    st.dataframe(pd.DataFrame(citer_rows(rows)), hide_index=True, width="stretch")
    st.markdown(f"**{t('evidence')}**")
    terms = [code.label_en, code.label_zh]
    for row in rows[:EXPANDED]:
        with st.expander(f"{row.author} · {row.via} · {len(row.evidence)}", expanded=True):
            titled = [{**e, "title": row.documents.get(e["document"], "")} for e in row.evidence]
            evidence_list(_unique(titled), limit=10, terms=terms)
    if len(rows) > EXPANDED:  # the table above lists them all
        st.caption(f"… +{len(rows) - EXPANDED}")


def _unique(rows: list[dict]) -> list[dict]:
    seen, out = set(), []
    for row in rows:
        key = (row["document"], row["start"], row["end"])
        if key not in seen:
            seen.add(key)
            out.append(row)
    return out


def show_reverse() -> None:
    st.subheader(t("reverse"))
    by_author = computed(_theories_by_author)
    if not by_author:
        st.write(t("none"))
        return
    authors = sorted(by_author, key=lambda a: (-len(by_author[a]), a))
    author = st.selectbox(t("pick_author"), authors, key="citing_author")
    codes = codes_by_id()
    st.markdown(f"**{t('theories_of')}**")
    st.dataframe(
        pd.DataFrame(
            [
                {
                    t("code"): label(codes.get(code_id), code_id),
                    "id": code_id,
                    t("via"): via,
                    t("documents"): n,
                }
                for code_id, via, n in by_author.get(author, [])
            ]
        ),
        hide_index=True,
        width="stretch",
    )
