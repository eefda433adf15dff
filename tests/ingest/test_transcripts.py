"""Interview transcripts: our own (corpus/transcripts), the real PDF interview, and the
timed shapes (WebVTT, SRT, CSV, Word) — turns, speakers, timestamps, participants."""

from __future__ import annotations

from pathlib import Path

import pytest

from kgreview.ingest.detect import detect_format
from kgreview.ingest.transcript_parse import normalise_timestamp, parse_transcript
from kgreview.model import Document, SegmentKind
from kgreview.pipeline import build_bundle, read_documents
from tests.conftest import REPO, SHARED

CORPUS = REPO / "corpus" / "transcripts"


def one(path: Path) -> Document:
    (doc,) = list(read_documents(path))
    assert isinstance(doc, Document)
    return doc


def turns_of(doc: Document) -> list[tuple[str, str | None, str]]:
    segments = build_bundle(doc).segments
    return [(s.speaker, s.timestamp, doc.text[s.start : s.end])
            for s in segments if s.kind == SegmentKind.TURN]  # fmt: skip


def test_english_interview() -> None:
    path = CORPUS / "en_riverside_r7.txt"
    assert detect_format(path) == "transcript"
    doc = one(path)
    assert doc.doc_type == "transcript" and doc.lang == "en" and doc.year == 2024
    assert doc.title == "Community participation interview R7"
    assert doc.meta["interview"]["place"].startswith("Riverside Estate community centre")
    turns = turns_of(doc)
    assert len(turns) == 14
    assert [s for s, _, _ in turns[:4]] == ["Interviewer", "R7", "Interviewer", "R7"]
    assert turns[0][1] == "00:00:04" and turns[-1][1] == "00:03:40"
    assert turns[1][2].startswith("Since 2015, so about nine years now.")
    assert turns[-1][2] == "No problem. Call me if you need someone for the next meeting."
    bundle = build_bundle(doc)
    people = {p.label: p for p in bundle.participants}
    assert people["R7"].attributes == {
        "gender": "male", "age": 41, "occupation": "delivery driver",
        "tenure": "tenant since 2015", "since": 2015,
    }  # fmt: skip
    assert people["Li Na"].attributes["interviewer"] is True
    by_id = {p.id: p.label for p in bundle.participants}
    spoken = {(s.speaker, by_id[s.participant_id]) for s in bundle.segments if s.participant_id}
    assert spoken == {("Interviewer", "Li Na"), ("R7", "R7")}
    sentences = [s for s in bundle.segments if s.kind == SegmentKind.SENTENCE]
    turn_ids = {s.id for s in bundle.segments if s.kind == SegmentKind.TURN}
    # Sentences lie in turns, or (no speaker) in the researcher's header lines before them.
    first_turn = min(s.start for s in bundle.segments if s.kind == SegmentKind.TURN)
    header = [s for s in sentences if s.parent_id not in turn_ids]
    assert sentences and all(s.end < first_turn and s.speaker is None for s in header)
    assert doc.text[header[0].start : header[0].end] == "Community participation interview R7"


def test_chinese_interview_service_timestamps() -> None:
    path = CORPUS / "zh_xingfuli_zhang.txt"
    assert detect_format(path) == "transcript"
    doc = one(path)
    assert doc.lang == "zh" and doc.year == 2023
    assert doc.meta["interview"] == {
        "code": "ZY-03", "date": "2023年11月4日 上午", "place": "幸福里社区居委会二楼活动室",
    }  # fmt: skip
    turns = turns_of(doc)
    assert len(turns) == 12
    assert {s for s, _, _ in turns} == {"访谈者", "受访者"}
    assert turns[1] == (
        "受访者",
        "00:00:10",
        "快六年了。刚开始是居委会的李书记找我，说我退休了有时间，人也熟，就让我试试。",
    )
    bundle = build_bundle(doc)
    people = {p.label: p for p in bundle.participants}
    assert set(people) == {"王老师", "张阿姨"}
    assert people["张阿姨"].attributes == {
        "gender": "female", "age": 63, "occupation": "退休教师", "role": "楼栋长",
        "tenure": "在本小区居住20年", "tenure_years": 20,
    }  # fmt: skip
    interviewee = [s for s in bundle.segments if s.speaker == "受访者"]
    assert {s.participant_id for s in interviewee} == {people["张阿姨"].id}


def test_real_pdf_interview_reads_as_turns() -> None:
    doc = one(SHARED / "realdata" / "transcripts" / "PDPilotUserStudy__P1.pdf")
    assert doc.doc_type == "transcript"
    turns = turns_of(doc)
    assert len(turns) == 94
    assert sum(s == "Dan" for s, _, _ in turns) == 47
    assert sum(s == "Participant" for s, _, _ in turns) == 47
    assert turns[0][2].startswith("Okay. So now you can stop sharing your screen")
    assert turns[1] == ("Participant", None, "Okay.")
    assert turns[-1] == ("Participant", None, "Thank you.")
    assert all("\nDan:" not in t and "\nParticipant:" not in t for _, _, t in turns)


@pytest.mark.parametrize(
    ("line", "speaker", "stamp"),
    [
        ("[00:01:02] R7: I moved here in 2015.", "R7", "00:01:02"),
        ("00:01:02 Interviewer: And then?", "Interviewer", "00:01:02"),
        ("R7 (1:02): We rent.", "R7", "00:01:02"),
        ("Q: Why did you join?", "Q", None),
        ("受访者：我是2015年搬来的。", "受访者", None),
        ("Interviewer: [00:01:02] Right.", "Interviewer", "00:01:02"),
    ],
)
def test_timestamp_and_label_shapes(line: str, speaker: str, stamp: str | None) -> None:
    other = "A: Yes." if speaker != "A" else "Q: Yes?"
    text = "\n".join([line, other, line, other]) + "\n"
    parsed = parse_transcript(text)
    assert parsed is not None
    assert (parsed.turns[0].speaker, parsed.turns[0].timestamp) == (speaker, stamp)


def test_an_answer_right_after_the_header_is_a_turn() -> None:
    text = (
        "Participant: R2 (female, 35)\n\nInterviewer: When did you move in?\n"
        "Participant: I moved here in 2015\nInterviewer: Why?\nParticipant: 我是为了孩子上学\n"
    )
    parsed = parse_transcript(text)
    assert parsed is not None and len(parsed.turns) == 4
    assert text[parsed.turns[1].start : parsed.turns[1].end] == "I moved here in 2015"
    assert [p["label"] for p in parsed.participants] == ["R2", "Interviewer"]


@pytest.mark.parametrize(
    "first",
    ["Interview transcript: P4 (female, 38, tenant), Community B, Shenzhen",
     "访谈记录：R12（女，66岁，楼栋长），杭州市X社区"],
)  # fmt: skip
def test_a_first_line_naming_the_genre_is_the_title_not_a_turn(first: str) -> None:
    text = f"{first}\n\nInterviewer: Why?\nP4: Because.\nInterviewer: And?\nP4: Nothing.\n"
    parsed = parse_transcript(text)
    assert parsed is not None and parsed.header.get("title") == first
    assert [t.speaker for t in parsed.turns] == ["Interviewer", "P4", "Interviewer", "P4"]


def test_transcription_service_layout_and_qa() -> None:
    text = (
        "说话人1 00:00:01\n你好。\n说话人2 00:00:04\n你好，请问。\n"
        "说话人1 00:01:10\n好的。\n说话人2 1:02:03\n再见。\n"
    )
    parsed = parse_transcript(text)
    assert parsed is not None
    assert [(t.speaker, t.timestamp) for t in parsed.turns] == [
        ("说话人1", "00:00:01"), ("说话人2", "00:00:04"), ("说话人1", "00:01:10"),
        ("说话人2", "01:02:03"),
    ]  # fmt: skip
    assert text[parsed.turns[1].start : parsed.turns[1].end] == "你好，请问。"
    qa = parse_transcript("Q: One?\nA: Yes.\nQ: Two?\nA: No.\n")
    assert qa is not None and [t.speaker for t in qa.turns] == ["Q", "A", "Q", "A"]
    assert normalise_timestamp("00:01:02,5") == "00:01:02.500"


def test_prose_is_not_a_transcript(tmp_path: Path) -> None:
    prose = tmp_path / "note.txt"
    prose.write_text(
        "研究发现：居民参与意愿较低。\n注意：样本较小。\n" + "正文一段。\n" * 20, "utf-8"
    )
    assert detect_format(prose) == "text"
    gbt = SHARED / "realdata" / "gbt7714" / "parseGBT7714__input.txt"
    assert detect_format(gbt) == "text"
    assert (
        parse_transcript((REPO / "corpus" / "abstracts" / "zh_transcript_note.txt").read_text())
        is None
    )


VTT = """WEBVTT

NOTE recorded in the community centre

1
00:00:01.000 --> 00:00:04.000
<v Li Na>How long have you lived here?</v>

2
00:00:04.500 --> 00:00:07.000
<v R7>Since 2015.</v>

3
00:00:07.000 --> 00:00:09.500
<v R7>We rent in Block C.</v>

4
00:00:10.000 --> 00:00:12.000
<v Li Na>Thank you.</v>
"""

SRT = """1
00:00:01,000 --> 00:00:03,000
访谈者：您好，请介绍一下自己。

2
00:00:03,500 --> 00:00:06,000
受访者：我是楼栋长，

3
00:00:06,000 --> 00:00:08,000
受访者：干了六年了。
"""

CSV = (
    "speaker,start,text\nInterviewer,00:00:01,How did you join?\nR3,00:00:05,A neighbour took me.\n"
    "Interviewer,00:00:09,And now?\nR3,00:00:12,I keep the list.\n"
)


@pytest.mark.parametrize(
    ("name", "content", "fmt", "expected"),
    [
        ("a.vtt", VTT, "vtt", [("Li Na", "00:00:01.000", "How long have you lived here?"),
                               ("R7", "00:00:04.500", "Since 2015. We rent in Block C."),
                               ("Li Na", "00:00:10.000", "Thank you.")]),
        ("b.srt", SRT, "srt", [("访谈者", "00:00:01.000", "您好，请介绍一下自己。"),
                               ("受访者", "00:00:03.500", "我是楼栋长，干了六年了。")]),
        ("c.csv", CSV, "transcript_csv", [("Interviewer", "00:00:01", "How did you join?"),
                                          ("R3", "00:00:05", "A neighbour took me."),
                                          ("Interviewer", "00:00:09", "And now?"),
                                          ("R3", "00:00:12", "I keep the list.")]),
    ],
)  # fmt: skip
def test_timed_transcripts(tmp_path: Path, name, content, fmt, expected) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    assert detect_format(path) == fmt
    doc = one(path)
    assert doc.doc_type == "transcript"
    assert turns_of(doc) == expected
    assert {p.label for p in build_bundle(doc).participants} == {s for s, _, _ in expected}


def test_word_transcript(tmp_path: Path) -> None:
    import docx

    word = docx.Document()
    word.add_paragraph("社区议事会访谈")
    word.add_paragraph("受访者：李叔（男，70岁，退休工人，党员）")
    for speaker, words in [("访谈者", "您参加过议事会吗？"), ("受访者", "参加过两次。"),
                           ("访谈者", "感觉怎么样？"), ("受访者", "能说上话，挺好。")]:  # fmt: skip
        word.add_paragraph(f"{speaker}：{words}")
    path = tmp_path / "li.docx"
    word.save(str(path))
    doc = one(path)
    assert doc.doc_type == "transcript"
    assert [t[2] for t in turns_of(doc)] == [
        "您参加过议事会吗？",
        "参加过两次。",
        "感觉怎么样？",
        "能说上话，挺好。",
    ]
    (li,) = [p for p in build_bundle(doc).participants if p.label == "李叔"]
    assert li.attributes == {"gender": "male", "age": 70, "occupation": "退休工人", "role": "党员"}


def test_header_declarations_in_one_line_and_in_a_title() -> None:
    """ "访谈对象：W，女，62岁…；访谈者：笔者" declares two people (not a speaker 访谈对象), and a
    title's closing parentheses ("(interviewer: I; R5, female, 38, …)") declare people too."""
    text = (
        "访谈记录（节选）：某市Q社区人民调解委员会，2025年6月\n"
        "访谈对象：W，女，62岁，退休教师，调解委员会委员；访谈者：笔者\n\n"
        "笔者：您平时调解最多的是哪类纠纷？\nW：漏水的最多。\n"
        "笔者：一般怎么调解？\nW：先分别上门听两边说。\n"
    )
    found = parse_transcript(text)
    assert found is not None and [t.speaker for t in found.turns] == ["笔者", "W", "笔者", "W"]
    people = {p["label"]: p for p in found.participants}
    assert set(people) == {"W", "笔者"}
    assert people["W"]["attributes"] == {
        "gender": "female", "age": 62, "occupation": "退休教师", "role": "调解委员会委员",
    }  # fmt: skip
    assert people["W"]["aliases"] == ["访谈对象"] and people["笔者"]["attributes"]["interviewer"]
    english = (
        "Interview excerpt, community kitchen, D urban village (interviewer: I; R5, female, 38)\n\n"
        "I: How did it start?\nR5: Five of us cooked together.\nI: Who comes now?\nR5: Many.\n"
    )
    found = parse_transcript(english)
    people = {p["label"]: p for p in found.participants} if found else {}
    assert people["R5"]["attributes"] == {"gender": "female", "age": 38}
    assert people["I"]["attributes"]["interviewer"] is True and people["R5"]["aliases"] == []
    # An answer whose first words hold commas is not a declaration.
    answer = "标题\n访谈者：我觉得，这个事，难办\n" + text.split("\n", 2)[2]
    found = parse_transcript(answer)
    assert found is not None and found.turns[0].speaker == "访谈者"
    assert answer[found.turns[0].start :].startswith("我觉得，这个事，难办")


@pytest.mark.parametrize(
    ("descriptor", "expected"),
    [
        ("female, 38, kitchen coordinator, from Sichuan",
         {"gender": "female", "age": 38, "role": "kitchen coordinator", "origin": "Sichuan"}),
        ("女，45岁，来自河南，外卖骑手",
         {"gender": "female", "age": 45, "origin": "河南", "occupation": "外卖骑手"}),
        ("男，四川籍，保安", {"gender": "male", "origin": "四川", "occupation": "保安"}),
        ("女，63岁，退休工人", {"gender": "female", "age": 63, "occupation": "退休工人"}),
    ],
)  # fmt: skip
def test_where_someone_comes_from_is_their_origin_not_their_job(descriptor, expected) -> None:
    from kgreview.ingest.transcript_attrs import parse_attributes

    assert parse_attributes(descriptor) == expected
