"""Causes found in session 11 by tagging English texts of one genre each, on our own sentences."""

from __future__ import annotations

from kgreview.model import Document
from kgreview.pipeline import build_bundle
from kgreview.tagging import load_tagger


def codings_of(text: str) -> list[tuple[str, str, str]]:
    bundle = build_bundle(Document(id="doc:g11", title="A study", text=text), load_tagger().tag)
    return [(c.code_id, c.polarity, text[c.start : c.end]) for c in bundle.codings]


def polarity_of(text: str, code: str) -> set[str]:
    return {p for c, p, _ in codings_of(text) if c == code}


def tag_file(tmp_path, text: str, name: str = "pasted.txt") -> list[tuple[str, str]]:
    """Codings of a file, read as `kgreview tag` reads it."""
    from kgreview.pipeline import read_documents

    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    (document,) = read_documents(path, path.read_bytes())
    bundle = build_bundle(document, load_tagger().tag)
    return [(c.code_id, c.polarity) for c in bundle.codings]


def test_a_keywords_line_stays_in_the_text_and_is_lifted(tmp_path) -> None:
    from kgreview.pipeline import read_documents

    text = (
        "Mutual aid among renters\n\nAbstract: We studied a renters' association.\n\n"
        "Keywords: participatory action research; mutual aid\n\nIntroduction\n\nIt met monthly.\n"
    )
    path = tmp_path / "paper.txt"
    path.write_text(text, encoding="utf-8")
    (document,) = read_documents(path, path.read_bytes())
    assert document.meta["keywords"] == ["participatory action research", "mutual aid"]
    assert "Keywords: participatory action research" in document.text
    assert ("method.participatory_action_research", "uses") in tag_file(tmp_path, text)


def test_a_glued_metadata_block_is_still_removed(tmp_path) -> None:
    from kgreview.pipeline import read_documents

    page = "Renters Organising\n\nPosted on:2020-03-01Degree:MasterType:Thesis\n\nIt met monthly.\n"
    path = tmp_path / "page.txt"
    path.write_text(page, encoding="utf-8")
    (document,) = read_documents(path, path.read_bytes())
    assert "Posted on" not in document.text and document.year == 2020


TRANSCRIPT = (
    "Interview transcript: tenants and the lunch club\n"
    "Date: 3 May 2025\n\n"
    "[00:00:10] Interviewer: How did you hear about the lunch club?\n"
    "[00:00:25] P7 (male, 74): A neighbour told me. I live alone since my wife passed.\n"
    "[00:01:02] Interviewer: Do you go to the residents' meetings?\n"
    "[00:01:15] P7 (male, 74): No. The council had already decided everything before we came.\n"
    "[00:02:40] Interviewer: Anything else?\n"
    "[00:02:51] P7 (male, 74): Not everyone has a smartphone, so send letters.\n"
)


def test_a_speaker_label_with_particulars_opens_a_turn(tmp_path) -> None:
    from kgreview.pipeline import read_documents

    path = tmp_path / "t.txt"
    path.write_text(TRANSCRIPT, encoding="utf-8")
    (document,) = read_documents(path, path.read_bytes())
    assert document.doc_type == "transcript"
    speakers = [turn[2] for turn in document.meta["turns"]]
    assert speakers == ["Interviewer", "P7"] * 3
    assert document.meta["turns"][1][3] == "00:00:25"
    (p7,) = [p for p in document.meta["participants"] if p["label"] == "P7"]
    assert p7["attributes"]["gender"] == "male" and p7["attributes"]["age"] == 74
    codings = tag_file(tmp_path, TRANSCRIPT, "t2.txt")
    assert ("method.interview", "uses") in codings  # the title: the researcher's own words
    assert ("method.interview", "mentions") not in codings


def test_a_timestamp_in_parentheses_is_still_no_particulars(tmp_path) -> None:
    from kgreview.pipeline import read_documents

    text = "".join(
        f"R2 (0:{10 + n}): answer number {n}.\nInterviewer: question {n}?\n" for n in range(3)
    )
    path = tmp_path / "t.txt"
    path.write_text(text, encoding="utf-8")
    (document,) = read_documents(path, path.read_bytes())
    assert [t[2] for t in document.meta["turns"]][:2] == ["R2", "Interviewer"]
    assert document.meta["turns"][0][3] == "00:00:10"
