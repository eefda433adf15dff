"""Streamlit entry point: builds the page list (``streamlit run`` executes this file)."""

from __future__ import annotations

import streamlit as st

STYLE = "<style>mark{background:#ffe08a;padding:0 .15em;border-radius:.2em}</style>"


def run(start: str = "overview") -> None:
    """Serve the pages; ``start`` (a url path) is the default page (AppTest opens others)."""
    from kgreview.app import citing, codes, gaps, network, overview, search, thesis, transfer_page
    from kgreview.app.components import guarded
    from kgreview.app.i18n import language_switch, t

    st.set_page_config(page_title="kgreview", layout="wide")
    language_switch()
    st.html(STYLE)
    pages = [
        st.Page(guarded(render), title=t(key), url_path=path, default=path == start)
        for key, path, render in (
            ("overview", "overview", overview.render),
            ("codes", "codes", codes.render),
            ("citing", "who-cites", citing.render),
            ("network", "network", network.render),
            ("gaps", "gaps", gaps.render),
            ("search", "search", search.render),
            ("thesis", "thesis", thesis.render),
            ("transfer", "import-export", transfer_page.render),
        )
    ]
    st.session_state[overview.PAGES] = pages  # the overview links into every page
    st.navigation(pages).run()


if __name__ == "__main__":
    run()
