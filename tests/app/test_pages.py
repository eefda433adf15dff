"""Each page renders through Streamlit's AppTest against a real embedded store."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

MAIN = str(Path(__file__).resolve().parents[2] / "kgreview" / "app" / "main.py")


def test_overview_shows_the_store_counts(filled_store: str) -> None:
    app = AppTest.from_file(MAIN, default_timeout=60).run()
    assert not app.exception, app.exception
    metrics = {m.label: m.value for m in app.metric}
    assert metrics["Documents"] == "3"
    assert metrics["Codings"] == "9"
    assert "corpus overview" in app.title[0].value


def test_overview_of_an_empty_store_says_how_to_fill_it(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("KGREVIEW_STORE", str(tmp_path / "empty.db"))
    app = AppTest.from_file(MAIN, default_timeout=60).run()
    assert not app.exception
    assert any("kgreview ingest" in info.value for info in app.info)
