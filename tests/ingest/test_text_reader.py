"""Plain-text reading: any encoding, boilerplate removed, one id for one text."""

from __future__ import annotations

from pathlib import Path

import pytest

from kgreview.ingest import ReaderError, ReadOptions
from kgreview.ingest.text import read as read_file


def read(path: Path, data: bytes) -> list:
    """Write ``data`` to ``path`` and read it back (readers take paths and stream)."""
    path.write_bytes(data)
    return list(read_file(path, ReadOptions()))


TEXT = "增能理论视角下的居民参与\n\n本研究以成都市H社区为例。\n"


@pytest.mark.parametrize(
    ("encoding", "newline"),
    [("utf-8", "\n"), ("utf-8-sig", "\r\n"), ("gb18030", "\r\n"), ("utf-16", "\n"), ("big5", "\n")],
)
def test_encodings_and_newlines_give_the_same_document(
    tmp_path: Path, encoding: str, newline: str
) -> None:
    text = TEXT if encoding != "big5" else "社會工作介入居民參與\n\n本研究以個案為例。\n"
    data = text.replace("\n", newline).encode(encoding)
    (doc,) = read(tmp_path / "a.txt", data)
    assert doc.text == text
    assert doc.meta["newline"] == newline
    if encoding != "big5":
        (utf8,) = read(tmp_path / "b.txt", TEXT.encode("utf-8"))
        assert doc.id == utf8.id


def test_scrape_boilerplate_is_removed_and_metadata_kept(tmp_path: Path) -> None:
    page = (
        "Font Size: a A A\n\nResident Participation In Old Communities\n\n"
        "Posted on:2021-05-02Degree:MasterType:Thesis\n"
        "Country:ChinaCandidate:L M WangFull Text:PDF\n"
        "Abstract/Summary:PDF Full Text Request\n"
        "| This study takes Y community as the case. |\n"
    )
    (doc,) = read(tmp_path / "page.txt", page.encode())
    assert doc.title == "Resident Participation In Old Communities"
    assert "Font Size" not in doc.text and "Posted on" not in doc.text and "|" not in doc.text
    assert "This study takes Y community as the case." in doc.text
    assert doc.year == 2021 and doc.doc_type == "thesis"
    assert doc.meta["authors"] == ["L M Wang"]


@pytest.mark.parametrize("data", [b"", b"   \n\n", b"\x00\x01\x02\xff" * 50])
def test_empty_or_binary_input_is_refused_with_a_reason(tmp_path: Path, data: bytes) -> None:
    with pytest.raises(ReaderError) as info:
        list(read(tmp_path / "bad.txt", data))
    assert str(info.value)


def test_prose_without_a_heading_is_titled_by_its_first_sentence(tmp_path: Path) -> None:
    prose = "Community is where governance happens. " * 10
    (doc,) = read(tmp_path / "p.txt", prose.encode())
    assert doc.title == "Community is where governance happens."


def test_scraped_seed_keeps_keywords_and_drops_page_furniture() -> None:
    from kgreview.pipeline import read_documents
    from tests.conftest import SHARED

    path = next((SHARED / "seeds").glob("001_*.txt"))
    (doc,) = read_documents(path)
    assert doc.title.startswith("Social Work Practice Rresearch On The Improvement Of Residen")
    assert doc.meta["keywords"] == [
        "Community governance",
        "Participation of residents",
        "ability enhancement",
        "Regional development model",
    ]
    assert doc.year == 2022 and doc.meta["authors"] == ["Q R Song"]
    assert "PDF Full Text Request" not in doc.text and "Related items" not in doc.text
