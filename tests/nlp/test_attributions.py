"""Attributions: scholars named in reviews, their scope, pronouns, numbered citations."""

from __future__ import annotations

from pathlib import Path

from kgreview import ids
from kgreview.model import Reference
from kgreview.nlp.attributions import attributions, cited_numbers, load_review_cues, scholars_in
from kgreview.nlp.references import parse_reference_list
from kgreview.nlp.segment import segment_text

SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"
REVIEW = next(SEEDS.glob("004_*.txt"))


def attributed(text: str, refs=None) -> dict[str, set[str]]:
    """sentence text → scholar names"""
    segments = segment_text("d", text)
    spans = {s.id: text[s.start : s.end] for s in segments}
    found: dict[str, set[str]] = {}
    for a in attributions(text, segments, refs):
        found.setdefault(spans[a.segment_id], set()).add(a.author.name)
    return found


def test_names_verbs_and_non_scholars() -> None:
    cues = load_review_cues()
    assert scholars_in("王思斌认为，社会工作要嵌入社区。", cues) == ["王思斌"]
    assert scholars_in("陈伟东和马涛（2019）指出：", cues) == ["陈伟东", "马涛"]
    assert scholars_in("Chen Weidong and Ma Tao pointed out: …", cues) == ["Chen Weidong", "Ma Tao"]
    assert scholars_in("Scholar Yang Guihua believes that …", cues) == ["Yang Guihua"]
    assert scholars_in("他还认为居民应当参与。", cues) == []  # continues the previous scholar
    for text in ("本研究认为居民参与不足。", "学者指出问题。", "政府明确提出要求。",
                 "Xi Jinping emphasized that …", "Social workers believe that …"):  # fmt: skip
        assert not scholars_in(text, cues), text


def test_scope_runs_to_the_reviewers_own_voice_or_the_paragraph_end() -> None:
    text = (
        "王思斌认为社区治理需要社会工作。他还指出增能理论的重要性。社区居民参与仍然不足。"
        "笔者认为应当重视居民主体性。\n\n新的段落讨论优势视角。"
    )
    found = attributed(text)
    assert found["王思斌认为社区治理需要社会工作。"] == {"王思斌"}
    assert found["他还指出增能理论的重要性。"] == {"王思斌"}
    assert found["社区居民参与仍然不足。"] == {"王思斌"}
    assert "笔者认为应当重视居民主体性。" not in found
    assert "新的段落讨论优势视角。" not in found


def test_numbered_citations_tie_sentences_to_cited_authors() -> None:
    assert cited_numbers("如[3-5]和[7, 9]所述，另见［2］") == [3, 4, 5, 7, 9, 2]
    assert cited_numbers("participation⁴ and trust⁵⁻⁷, see<sup>12</sup>") == [4, 5, 6, 7, 12]
    ref = Reference(ids.reference_id("x"), "x", authors=("罗伯特·帕特南", "李某"))
    found = attributed("社会资本影响居民参与[2]。其他句子没有引用。", {2: ref})
    assert found == {"社会资本影响居民参与[2]。": {"罗伯特·帕特南", "李某"}}


def test_seed_004_hard_cases() -> None:
    text = REVIEW.read_text(encoding="utf-8")
    refs = parse_reference_list(text)
    stop = min(r.start for r in refs)
    segments = segment_text("d", text)
    spans = {s.id: text[s.start : s.end] for s in segments}
    said = attributions(text, segments, stop=stop)
    by_name: dict[str, list[str]] = {}
    for a in said:
        by_name.setdefault(a.author.name, []).append(spans[a.segment_id])
    # Chen Weidong and Ma Tao's scope reaches the sentence that names empowerment theory.
    assert any("use empowerment theory" in s for s in by_name["Chen Weidong"])
    assert any("use empowerment theory" in s for s in by_name["Ma Tao"])
    # "He believes" continues the scholar before it.
    he = [n for n, ss in by_name.items() if any(s.startswith("He believes") for s in ss)]
    assert he and "He" not in he
    # Yan Zhen is the one who pointed out; the pioneers she names are not scholars here.
    assert "Yan Zhen" in by_name and "Yan Yangchu" not in by_name
    # Zhao Xinyan said … cites an entry whose first author is someone else: the scholar is
    # the same Author node as that entry's co-author.
    entry_authors = {ids.author_id(a) for r in refs for a in r.authors}
    assert ids.author_id("Zhao Xinyan") in entry_authors
    assert ids.author_id("Luo Xiaoxuan") not in entry_authors  # no entry: kept, unresolved
    assert "Luo Xiaoxuan" in by_name
    assert all(not s.startswith("[") for ss in by_name.values() for s in ss)  # list not read


def test_review_structure_sections_and_reference_entries() -> None:
    from kgreview.model import Document
    from kgreview.nlp.review import annotate_review, entry_segments, reference_list

    text = REVIEW.read_text(encoding="utf-8")
    sections = [s for s in segment_text("d", text) if s.kind == "section"]
    headings = [text[s.start : s.end].split("\n")[0] for s in sections]
    assert "3.2. Residents' Participation in Community Governance" in headings
    assert headings[-1] == "References"
    # Paragraphs point to their section; sections tile the text after the first heading.
    paragraph = next(s for s in segment_text("d", text) if s.kind == "paragraph"
                     and text[s.start:s.end].startswith("Wang Shousong and Liu Na"))  # fmt: skip
    assert paragraph.parent_id == next(s.id for s in sections if s.start < paragraph.start
                                       and paragraph.end <= s.end)  # fmt: skip
    doc = Document(id="d", title="review", text=text, lang="en", doc_type="review")
    refs = reference_list(text, load_review_cues())
    entries = entry_segments(doc, refs.parsed)
    assert len(entries) == 34 and all(text[e.start : e.end].lstrip("- ").startswith("[")
                                      for e in entries)  # fmt: skip
    assert annotate_review(doc, segment_text("d", text), (), {}).entries == entries


def test_chinese_headings_and_a_numbered_list_of_findings() -> None:
    text = (
        "一、研究背景\n\n社区治理需要居民参与。\n\n（一）研究问题\n\n1. 居民参与意识不强。\n"
        "2. 渠道不足。\n\n参考文献\n\n[1] 王某.社区[J].社会,2020."
    )
    sections = [text[s.start : s.end].split("\n")[0] for s in segment_text("d", text)
                if s.kind == "section"]  # fmt: skip
    assert sections == ["一、研究背景", "（一）研究问题", "参考文献"]


def test_gap_types_strong_cue_then_category_then_weak_cue() -> None:
    from kgreview.nlp.review import gap_kind

    cues = load_review_cues()
    assert gap_kind("there is a lack of corresponding empirical research", ["context"], cues) == (
        "population_context"
    )
    assert gap_kind("缺乏长期追踪研究", ["countermeasure"], cues) == "long_term_effect"
    assert gap_kind("研究如何发生作用的机制不清", [], cues) == "mechanism"
    assert gap_kind("较少研究关注", [], cues) == "other"
