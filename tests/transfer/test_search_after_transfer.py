"""The search index after a restore and a copy: what was searchable stays searchable."""

from __future__ import annotations

from pathlib import Path

from kgreview.store import GraphStore, open_store
from kgreview.transfer import StoreSource, open_backup, transfer, write_backup
from tests.builders import CODES, sample_bundles

FIXTURES = Path(__file__).parent / "fixtures"


def _answers(store: GraphStore) -> list:
    return [store.search_segments(q) for q in ("增能", "访谈", "老旧小区", "赋")]


def test_restoring_the_oldest_backup_format_is_searchable(store: GraphStore) -> None:
    transfer(open_backup(FIXTURES / "backup-v1.zip"), store, batch=3)
    assert [h.text for h in store.search_segments("增能")] == [
        "本研究以增能理论为指导。",
        "增能理论强调赋权。",
        "已有研究较少运用增能理论。",
    ]


def test_backup_restore_and_copy_keep_every_answer(store: GraphStore, tmp_path: Path) -> None:
    source = open_store(str(tmp_path / "source.db"))
    source.upsert_codes(CODES)
    source.upsert_bundles(sample_bundles())
    expected = _answers(source)
    assert all(expected)
    write_backup(source, tmp_path / "b.zip")
    transfer(open_backup(tmp_path / "b.zip"), store, batch=2)  # small pages: any order
    assert _answers(store) == expected
    copied = open_store(str(tmp_path / "copy.db"))
    transfer(StoreSource(store), copied, batch=2)
    assert _answers(copied) == expected
    copied.close()
    source.close()
