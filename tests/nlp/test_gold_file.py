"""The gold file itself: every code it names exists, every annotated sentence is in its
document, and the scoring of latent codes and of polarity among found codes."""

from __future__ import annotations

from pathlib import Path

from kgreview import config
from kgreview.model import Coding
from kgreview.nlp.codebook import load_codebook
from kgreview.nlp.evaluate import Evaluation, GoldDocument, GoldSentence, load_gold, score_document

GOLD = config.corpus_dir() / "gold" / "gold.yaml"


def test_every_gold_code_exists_and_every_sentence_is_in_its_document() -> None:
    known = {c.id for c in load_codebook().codes}
    problems = []
    for gold in load_gold(GOLD):
        text = gold.path.read_text(encoding="utf-8")
        named = gold.must | gold.must_not | gold.latent | {s.code for s in gold.sentences}
        problems += [f"{gold.path.name}: unknown code {c}" for c in sorted(named - known)]
        problems += [f"{gold.path.name}: must and must_not: {c}" for c in gold.must & gold.must_not]
        problems += [f"{gold.path.name}: latent not in must: {c}" for c in gold.latent - gold.must]
        problems += [
            f"{gold.path.name}: sentence not in text: {s.text[:20]}"
            for s in gold.sentences
            if s.text not in text
        ]
    assert problems == []


def _coding(code: str, start: int, end: int, text: str, polarity: str) -> Coding:
    return Coding(
        id=f"c{start}{code}",
        document_id="d",
        segment_id=None,
        code_id=code,
        coder="tagger",
        start=start,
        end=end,
        evidence=text[start:end],
        polarity=polarity,
    )


def test_latent_codes_leave_the_explicit_scores_and_missed_codes_leave_polarity_among_found() -> (
    None
):
    text = "本研究以增能理论为指导。老人为独居邻居送饭。研究缺乏对社区基金的讨论。"
    gold = GoldDocument(
        path=Path("x.txt"),
        split="t",
        must=frozenset(
            {"theory.empowerment", "countermeasure.mutual_aid", "countermeasure.community_fund"}
        ),
        must_not=frozenset(),
        sentences=(
            GoldSentence("本研究以增能理论为指导", "theory.empowerment", "uses"),
            GoldSentence("老人为独居邻居送饭", "countermeasure.mutual_aid", "uses"),
            GoldSentence("研究缺乏对社区基金的讨论", "countermeasure.community_fund", "gap"),
        ),
        latent=frozenset({"countermeasure.mutual_aid"}),
    )
    fund = text.index("社区基金")
    codings = [
        _coding("theory.empowerment", 4, 8, text, "uses"),
        _coding("countermeasure.community_fund", fund, fund + 4, text, "mentions"),
    ]
    spans = [(0, 12), (12, 22), (22, len(text))]
    category_of = {c: c.split(".")[0] for c in gold.must}
    result = Evaluation()
    score_document(gold, text, codings, spans, category_of, result)
    assert (result.overall.tp, result.overall.fn) == (2, 1)
    assert (result.explicit.tp, result.explicit.fn) == (2, 0)
    assert (result.latent_total, result.latent_found) == (1, 0)
    assert result.polarity_accuracy == 1 / 3  # the missed code counts as wrong here
    assert result.polarity_found_total == 2 and result.polarity_among_found == 0.5
