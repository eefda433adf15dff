"""The tagger's speed shortcuts give exactly what the plain computation gives.

Each shortcut (shared cue scans, required literals, translated runs, summed script counts,
inlined ids) is compared with the straightforward version on texts that exercise its edges.
"""

from __future__ import annotations

import random
import re

import pytest

from kgreview import ids
from kgreview.nlp.cues import load_cues
from kgreview.nlp.cuescan import BREAK_RULE, CueScanner
from kgreview.nlp.lang import detect_lang
from kgreview.nlp.normalize import _RUN_ON, _tables, _translate
from kgreview.nlp.regexinfo import context_free, finditer_anchored, required_literal
from kgreview.nlp.segment import segment_text

SENTENCES = [
    "本研究以增能理论为指导，但是较少有研究关注此类社区。",
    "However, few studies examine this; the sample was small.",
    "butter is not a break but this is: however, while it lasts.",
    "他认为，A社区是混合社区而且缺乏相关研究。",
    "某社区的居民说：“我们不参与”，而学者指出研究不足。",
]


def test_required_literal_and_context_free() -> None:
    assert required_literal(r"[\u4e00-\u9fff]某(?!些|种)") == "某"
    assert required_literal(r"[a-z]{1,2}(社区|小区|村)是") == "是"
    assert required_literal(r"(?i)abc") is None
    assert required_literal(r"[a-z]+") is None
    assert context_free(r"[;；:：]|\bbut\b|(?=x)y|但是?")
    assert not context_free(r"(?<=a)b")
    assert not context_free(r"^but")
    assert not context_free(r"(a)\1")


def test_scanned_sentences_equal_finditer_over_each_sentence_alone() -> None:
    rules = {"a": [r"研究(不足|较少)", r"\bfew studies\b", r"[\u4e00-\u9fff]某"],
             "b": [r"[a-z]{1,2}(社区|小区|村)是", r"but|however", r"而且?"]}  # fmt: skip
    scanner = CueScanner(rules)
    alternations = {
        name: re.compile("|".join(f"(?:{p})" for p in ps)) for name, ps in rules.items()
    }
    text = " ".join(s.lower() for s in SENTENCES)
    document = scanner.scan(text)
    start = 0
    for sentence in SENTENCES:
        lo = text.index(sentence.lower(), start)
        hi = start = lo + len(sentence)
        spans = document.sentence_spans(lo, hi)
        for name, pattern in alternations.items():
            expected = [m.span() for m in pattern.finditer(text[lo:hi]) if m.end() > m.start()]
            assert spans.get(name, []) == expected
            assert document.spans(name, lo, hi) == expected


def test_strong_breaks_from_the_scan_only_where_exact() -> None:
    cues = load_cues()
    text = "xbut, however. 而且但是：end"
    document = cues.scanner.scan(text)
    assert not document.exact_from(1, BREAK_RULE)  # "x" before: \b would differ
    assert document.exact_from(0, BREAK_RULE) and document.exact_from(5, BREAK_RULE)
    lo = text.index("而")
    got = document.sentence_spans(lo, len(text)).get(BREAK_RULE, [])
    assert got == [m.span() for m in cues.strong_break.finditer(text[lo:])]


def test_translating_changed_runs_equals_translating_everything() -> None:
    table, _ = _tables()
    every = "".join(chr(c) for c in range(0x20, 0x10000) if not 0xD800 <= c <= 0xDFFF)
    rng = random.Random(3)
    mixed = "".join(rng.choice(every) for _ in range(20000))
    for text in (every, mixed, "Ｅｍｐｏｗｅｒ　Theory，社区（A）", ""):
        assert _translate(text) == text.translate(table)


def test_run_on_pattern_equals_the_lookbehind_first_form() -> None:
    original = re.compile(r"(?<=[a-z][a-z])[.,;:](?=[a-z]{2})")
    rng = random.Random(5)
    for _ in range(2000):
        text = "".join(rng.choice("ab.,;:X 中") for _ in range(60))
        assert [m.span() for m in _RUN_ON.finditer(text)] == [
            m.span() for m in original.finditer(text)
        ]


@pytest.mark.parametrize(
    "text",
    [
        "Title\n\nMixed 段落 with English and 中文。Second sentence.  第三句！\n\nPlain ascii.",
        "一、引言\n本研究采用问卷调查。 Survey data were used.\u3000空格之后。\n\n123 456.",
        "Only digits 2024. 2025.\n\n  \n中文。",
    ],
)
def test_paragraph_language_from_sentence_counts(text: str) -> None:
    for segment in segment_text("doc:x", text):
        window = text[segment.start : segment.end]
        if segment.kind == "section":
            window = text[segment.start : min(segment.end, segment.start + 200)]
        assert segment.lang == detect_lang(window), segment


def test_inlined_ids_equal_the_digest_of_their_parts() -> None:
    assert ids.segment_id("doc:1", "sentence", 3, 40) == (
        f"seg:{ids.digest('doc:1', 'sentence', 3, 40)}"
    )
    assert ids.coding_id("doc:1", 3, 9, "theory.x", "coder") == (
        f"cod:{ids.digest('doc:1', 3, 9, 'theory.x', 'coder')}"
    )
    assert ids.coding_id(None, 3, 9, "c", "k") == f"cod:{ids.digest(None, 3, 9, 'c', 'k')}"  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "pattern",
    [
        *[p.pattern for p in load_cues().site_patterns],
        r"(?P<c>[a-z]{1,3}:)?\b[A-Z]\d",
        r"(x|yz)?(社区|小区)[A-Z]",
        r"(ab)?c+",
    ],
)
def test_anchored_finditer_equals_finditer(pattern: str) -> None:
    compiled = re.compile(pattern)
    rng = random.Random(7)
    pieces = ["A", "B", "Y ", "社区", "小区", "村", "街道", "市", "成都", "old ", "Old "]
    pieces += ["ab", "community ", "Community ", "village", " ", "--", "c", "x:", "yz", "中", "7"]
    for _ in range(1500):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 40)))
        expected = [(m.span(), m.groupdict()) for m in compiled.finditer(text)]
        assert [(m.span(), m.groupdict()) for m in finditer_anchored(compiled, text)] == expected


def test_sentence_stops_equal_finditer() -> None:
    from kgreview.nlp.segment import _ABBREVIATION, _SENTENCE_END, _sentence_stops

    def abbreviation(text: str, at: int) -> bool:  # "et al." / "R." end no sentence
        return text[at - 1 : at] == "." and bool(_ABBREVIATION.search(text, max(0, at - 8), at))

    rng = random.Random(4)
    pieces = [*"。！？!?.;；”’」』）)\"' aZbYz\n", "a.B", "ab.Cd", "3.5", "。”", "!)"]
    pieces += [" et al.", " R."]
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 20)))
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))
        expected = [m.end() for m in _SENTENCE_END.finditer(text, start, end)
                    if not abbreviation(text, m.start())]  # fmt: skip
        assert _sentence_stops(text, start, end) == expected


def test_context_words_equal_a_substring_search_per_code() -> None:
    from kgreview.nlp.contextwords import ContextWords
    from kgreview.tagging import load_tagger

    codes = load_tagger().codebook.codes
    words = ContextWords(codes)
    conditional = [e for e in codes if e.requires_context]
    assert conditional  # the default codebook has context rules to check
    texts = [" ".join(w.lower() for w in e.requires_context[:1]) for e in conditional]
    for text in [*texts, "", "nothing relevant here", "社会工作 social work 社区"]:
        expected = {e.id for e in conditional if any(w.lower() in text for w in e.requires_context)}
        assert words.codes_in(text) == expected


def test_coordinations_tried_at_modifiers_equal_each_pattern_over_the_whole_text() -> None:
    from kgreview.config import corpus_dir
    from kgreview.nlp.normalize import normalise
    from kgreview.tagging import load_tagger

    coordination = load_tagger().coordination
    texts = [p.read_bytes().decode("utf-8", "replace") for p in sorted(corpus_dir().rglob("*.txt"))]
    texts += [
        "Passive, cooperative and AUTONOMOUS participation; impassive and active participation.",
        "个人、社会和制度因素；被动式、合作式与自主参与。Process and outcome evaluation.",
        "İstanbul: passive and active participation",  # lower() lengthens İ: the plain path
    ]
    found = 0
    for text in texts:
        view = normalise(text).text
        plain = [
            (number, m.span())
            for number, (pattern, _, _) in enumerate(coordination._patterns)
            for m in pattern.finditer(view)
        ]
        assert [(n, m.span()) for n, m in coordination._matches(view)] == plain
        found += len(plain)
    assert found >= 5
