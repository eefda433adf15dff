"""Streamlit entry point: builds the page list (``streamlit run`` executes this file)."""

from __future__ import annotations

import streamlit as st


def run() -> None:
    from kgreview.app import overview

    st.set_page_config(page_title="kgreview", layout="wide")
    pages = [st.Page(overview.render, title="Overview", url_path="overview", default=True)]
    st.navigation(pages).run()


if __name__ == "__main__":
    run()
