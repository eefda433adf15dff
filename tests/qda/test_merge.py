"""kgreview merge: another coder's work from a .qdpx or another store goes in once."""

from __future__ import annotations

import json

from kgreview.model import Coding, Origin
from kgreview.store import open_store
from tests.builders import bundle, document
from tests.conftest import SHARED
from tests.test_cli import kgreview

NVIVO = SHARED / "realdata" / "refi-qda" / "pyqdpx__oltas.qdpx"
TEXT = "我们楼没有电梯。老人上下楼很难。大家想加装电梯。"


def coded_store(path, coder: str, word: str) -> None:
    doc = document(TEXT, doc_type="transcript")
    start = TEXT.index(word)
    coding = Coding(f"cod:{coder}", doc.id, None, "need", coder, start, start + len(word), word,
                    origin=Origin.MANUAL.value)  # fmt: skip
    store = open_store(str(path))
    store.upsert_bundles([bundle(doc, (coding,))])
    store.close()


def test_merging_a_store_twice_adds_once(tmp_path) -> None:
    mine, theirs = tmp_path / "a.db", tmp_path / "b.db"
    coded_store(mine, "coder_a", "电梯")
    coded_store(theirs, "coder_b", "老人")
    first = kgreview("merge", str(theirs), "--store", str(mine), "--json")
    assert first.returncode == 0, first.stderr
    added = json.loads(first.stdout)["added"]
    assert added["manual_codings"] == 1 and added["documents"] == 0
    again = json.loads(kgreview("merge", str(theirs), "--store", str(mine), "--json").stdout)
    assert set(again["added"].values()) == {0}
    store = open_store(str(mine))
    assert {c.coder for d in store.document_summaries()
            for c in store.codings_for_document(d.id)} == {"coder_a", "coder_b"}  # fmt: skip
    store.close()


def test_merging_the_nvivo_project_twice_adds_once(tmp_path) -> None:
    store = str(tmp_path / "m.db")
    first = json.loads(kgreview("merge", str(NVIVO), "--store", store, "--json").stdout)
    assert first["added"]["manual_codings"] == 97 and first["added"]["documents"] == 1
    again = json.loads(kgreview("merge", str(NVIVO), "--store", store, "--json").stdout)
    assert set(again["added"].values()) == {0}
