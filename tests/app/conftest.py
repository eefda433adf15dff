"""Fixtures of the app tests."""

from __future__ import annotations

import pytest

from kgreview.store import open_store
from tests.builders import CODES, sample_bundles


@pytest.fixture
def filled_store(tmp_path, monkeypatch) -> str:
    """A small embedded store (three documents, nine codings) the app is pointed at."""
    path = str(tmp_path / "kg.db")
    store = open_store(path)
    store.upsert_codes(CODES)
    store.upsert_bundles(sample_bundles())
    store.close()
    monkeypatch.setenv("KGREVIEW_STORE", path)
    return path
