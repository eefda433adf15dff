"""A transcript's header lines are the researcher's: what they name is the study's own (`uses`),
while what respondents say in their turns stays reported (`mentions`)."""

from __future__ import annotations

from kgreview.model import Document
from kgreview.pipeline import build_bundle
from kgreview.tagging import load_tagger

TRANSCRIPT = (
    "访谈记录（节选）：某市Q社区人民调解委员会，2025年6月\n"
    "访谈对象：W，女，62岁，退休教师，调解委员会委员；访谈者：笔者\n\n"
    "笔者：您平时调解最多的是哪类纠纷？\n"
    "W：楼上楼下漏水的最多。我们这是老小区，邻里关系还算好。\n"
    "笔者：调解一般怎么进行？\n"
    "W：先分别入户走访，再请楼栋长一起坐下来谈。\n"
)


def _codings(text: str) -> list[tuple[str, str, int]]:
    doc = Document(id="doc:t", title="", text=text, doc_type="transcript")
    bundle = build_bundle(doc, load_tagger().tag)
    return [(c.code_id, c.polarity, c.start) for c in bundle.codings]


def test_header_lines_speak_as_the_study_and_turns_as_respondents() -> None:
    found = _codings(TRANSCRIPT)
    header_end = TRANSCRIPT.index("笔者：您")
    in_header = {(code, pol) for code, pol, start in found if start < header_end}
    assert ("method.interview", "uses") in in_header
    assert ("countermeasure.mediation", "uses") in in_header
    # W's own title in her declaration is an attribute, not a code of the text
    declaration = TRANSCRIPT.index("访谈对象"), TRANSCRIPT.index("笔者：您")
    assert not [start for *_, start in found if declaration[0] <= start < declaration[1]]
    spoken = {code: pol for code, pol, start in found if start > header_end}
    assert spoken.get("context.old_community") == "mentions"
    assert spoken.get("countermeasure.home_visits") == "mentions"


def test_interview_notes_without_turns_keep_the_transcript_default() -> None:
    """Notes titled as an interview but not read into turns: nothing changes for them."""
    notes = "访谈记录\n居民说，这里是老小区，邻里关系还算好，调解委员会常来。\n"
    doc = Document(id="doc:n", title="访谈记录", text=notes)
    bundle = build_bundle(doc, load_tagger().tag)
    assert bundle.codings and {c.polarity for c in bundle.codings} == {"mentions"}
