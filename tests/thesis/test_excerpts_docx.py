"""Coded excerpts in Word: each quotation labelled with its participant (from the transcript
header's attributes) and the turn's timestamp, under a three-line table."""

from __future__ import annotations

import pytest
from docx import Document as WordDocument
from docx.oxml.ns import qn

from kgreview import ids
from kgreview.analysis.excerpts import Excerpt, coded_excerpts, participant_label
from kgreview.analysis.pseudonyms import pseudonymise
from kgreview.export.findings import findings_docx
from kgreview.model import Coding, Participant
from kgreview.pipeline import ingest
from kgreview.store import open_store
from kgreview.tagging import load_tagger
from tests.conftest import REPO

QUOTE = "刚开始是居委会的李书记找我，说我退休了有时间，人也熟，就让我试试。"
CODE = "countermeasure.building_leader"


@pytest.fixture
def transcripts(tmp_path):
    store = open_store(str(tmp_path / "kg.db"))
    tagger = load_tagger()
    store.upsert_codes(tagger.codebook.to_codes())
    ingest([REPO / "corpus" / "transcripts"], store, annotate=tagger.tag, tag_key=tagger.key)
    zh = next(d for d in store.document_summaries() if d.lang == "zh")
    text = store.get_document(zh.id).text
    start = text.index(QUOTE)
    end = start + len(QUOTE)
    store.add_codings(
        [
            Coding(
                id=ids.coding_id(zh.id, start, end, CODE, "A"),
                document_id=zh.id,
                segment_id=None,
                code_id=CODE,
                coder="A",
                start=start,
                end=end,
                evidence=QUOTE,
                origin="manual",
            )
        ]
    )
    yield store
    store.close()


def test_label_is_built_from_the_participants_attributes() -> None:
    person = Participant(
        "p", "d", "R7", {"gender": "female", "age": 63, "role": "楼栋长", "occupation": "退休教师"}
    )
    assert participant_label(person) == "R7, 女, 63岁, 楼栋长"
    assert participant_label(person, "en") == "R7, female, aged 63, 楼栋长"
    interviewer = Participant("q", "d", "王老师", {"interviewer": True})
    assert participant_label(interviewer) == "王老师, 访谈者"


def test_a_coders_excerpt_carries_speaker_and_timestamp(transcripts) -> None:
    found = coded_excerpts(transcripts, [CODE], coder="A")[CODE]
    assert [(e.quote, e.speaker, e.timestamp) for e in found] == [
        (QUOTE, "张阿姨, 女, 63岁, 楼栋长", "00:00:10")
    ]
    # The tagger's codings of the English interview quote whole sentences with R7's label.
    auto = coded_excerpts(transcripts, ["factor.homeownership"], transcripts_only=True)
    rows = auto["factor.homeownership"]
    assert rows and all(e.speaker == "R7, male, aged 41, delivery driver" for e in rows)
    assert "Make it clear that renters count as residents." in [e.quote for e in rows]
    assert all(e.timestamp.count(":") == 2 for e in rows)


def test_docx_reads_back_with_labelled_excerpts_and_a_three_line_table(
    transcripts, tmp_path
) -> None:
    found = coded_excerpts(
        transcripts, [CODE, "factor.homeownership"], lang="zh", transcripts_only=True
    )
    groups = {
        "楼栋长（building leader）": found[CODE],
        "住房产权（homeownership）": found["factor.homeownership"],
    }
    findings_docx(tmp_path / "f.docx", groups)
    word = WordDocument(tmp_path / "f.docx")
    texts = [p.text for p in word.paragraphs]
    at = texts.index(f"“{QUOTE}”")
    assert texts[at + 1].startswith("——张阿姨, 女, 63岁, 楼栋长 [00:00:10]《幸福里社区")
    renters = texts.index("“Make it clear that renters count as residents.”")
    assert texts[renters + 1].startswith("——R7, 男, 41岁, delivery driver [00:03:05]")
    assert "住房产权（homeownership）" in texts and "楼栋长（building leader）" in texts

    (table,) = word.tables
    assert [c.text for c in table.rows[0].cells] == ["编码", "摘录数", "受访者数", "文献数"]
    assert table.rows[1].cells[0].text == "楼栋长（building leader）"
    assert table.rows[1].cells[1].text == str(len(found[CODE]))
    borders = table._tbl.tblPr.find(qn("w:tblBorders"))
    sizes = {b.tag.split("}")[1]: b.get(qn("w:sz")) for b in borders}
    assert sizes["top"] == "12" and sizes["bottom"] == "12"  # thick top and bottom rules
    assert sizes["left"] is sizes["right"] is sizes["insideV"] is None  # no vertical lines
    for cell in table.rows[0].cells:  # the thin rule under the header
        rule = cell._tc.tcPr.find(qn("w:tcBorders"))
        assert {b.tag.split("}")[1]: b.get(qn("w:sz")) for b in rule}["bottom"] == "6"
    body = table.rows[1].cells[0]._tc.tcPr
    assert body is None or body.find(qn("w:tcBorders")) is None  # no rules between rows


def _excerpt(speaker: str, quote: str) -> Excerpt:
    return Excerpt("c", "d", "t", quote, speaker, "00:00:01", "A", "uses", 0, len(quote))


def test_pseudonyms_are_consistent_and_whole_words() -> None:
    rows = [
        _excerpt("张阿姨, 女, 63岁, 楼栋长", "我跟R7说过，R70号楼不归张阿姨管。"),
        _excerpt("R7, 男, 41岁, 快递员", "张阿姨帮了我。"),
        _excerpt("张阿姨, 女, 63岁, 楼栋长", "还是我。"),
    ]
    out = pseudonymise(rows)
    assert [e.speaker.split(", ")[0] for e in out] == ["受访者1", "受访者2", "受访者1"]
    assert out[0].quote == "我跟受访者2说过，R70号楼不归受访者1管。"
    assert out[1].quote == "受访者1帮了我。"
    assert out[0].speaker == "受访者1, 女, 63岁, 楼栋长"
