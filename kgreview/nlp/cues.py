"""Cue lists from ``schemas/cues.yaml``, compiled once: polarity cues, theory heads, frames,
clause breaks and site patterns."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import yaml

from kgreview import ids
from kgreview.config import schemas_dir
from kgreview.nlp.cuescan import BREAK_RULE, CueScanner
from kgreview.nlp.regexinfo import required_literal

# The cue lists the polarity judge scans (attribute name → path in cues.yaml).
POLARITY_RULES = {
    "limitation": ("limitation",),
    "own_scope": ("own_scope",),
    "gap_subject": ("gap", "subject"),
    "gap_standalone": ("gap", "standalone"),
    "gap_lack": ("gap", "lack"),
    "gap_predominance": ("gap", "predominance"),
    "attribution": ("attribution",),
    "negated": ("negated",),
    "negated_after": ("negated_after",),
    "negated_clause": ("negated_clause",),
    "recommends": ("recommends",),
    "mentions": ("mentions",),
    "uses": ("uses",),
    "uses_actions": ("uses_actions",),
    "section_recommends": ("sections", "recommends"),
    "section_limitation": ("sections", "limitation"),
    "section_own": ("sections", "own"),
    "voice_own": ("voice", "own"),
    "fronted_frame": ("fronted_frame",),
    "research_verbs": ("research_verbs",),
    "contrast": ("contrast",),
    "departs": ("departs",),
    "enumerator": ("enumerator",),
    "respondent_tag": ("respondent_tag",),
    "transition_from": ("transition_from",),
}


def _any(patterns: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns)) if patterns else re.compile("(?!)")


def _items(block: dict | None) -> list[str]:
    block = block or {}
    return list(block.get("zh") or []) + list(block.get("en") or [])


def _both(block: dict | None) -> re.Pattern[str]:
    return _any(_items(block))


def _literals(block: dict | None) -> tuple[str, ...]:
    """A literal from each cue of ``block`` that every match of that cue contains: a text with
    none of them cannot match (empty when some cue has no such literal: no prefilter)."""
    found = [required_literal(p) for p in _items(block)]
    return () if not found or not all(found) else tuple(sorted(set(found)))  # type: ignore[arg-type]


def _rule_block(polarity: dict, path: tuple[str, ...]) -> dict | None:
    for key in path:
        polarity = (polarity or {}).get(key)
    return polarity


@dataclass(frozen=True, slots=True)
class Cues:
    digest: str
    theory_head: re.Pattern[str]
    verb_use: re.Pattern[str]
    guiding_frame: re.Pattern[str]
    limitation: re.Pattern[str]
    gap_subject: re.Pattern[str]
    gap_standalone: re.Pattern[str]
    gap_lack: re.Pattern[str]
    attribution: re.Pattern[str]
    negated: re.Pattern[str]
    negated_after: re.Pattern[str]
    recommends: re.Pattern[str]
    mentions: re.Pattern[str]
    uses: re.Pattern[str]
    uses_actions: re.Pattern[str]
    refers_back: re.Pattern[str]
    strong_break: re.Pattern[str]
    weak_break: re.Pattern[str]
    default_review: str
    default_other: str
    default_transcript: str
    transcript_title: re.Pattern[str]
    review_title: re.Pattern[str]
    site_patterns: tuple[re.Pattern[str], ...]
    site_types: dict[str, tuple[str, ...]]
    stopwords_en: frozenset[str]
    site_hints: tuple[str, ...]
    site_city_prefixes: str
    negation_window: int
    limitation_methods: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...]
    scanner: CueScanner  # every polarity cue list in one pass (see cuescan.py)
    # generic code → the specific codes it folds into (see specific.py)
    specific_codes: tuple[tuple[str, tuple[str, ...]], ...] = ()
    specific_apart: re.Pattern[str] | None = None  # "focus groups … and interviews": two methods
    own_work: re.Pattern[str] | None = None  # "this scoping review": its own method (ownwork.py)
    own_work_codes: frozenset[str] = frozenset()
    overlap_yields: tuple[tuple[str, tuple[str, ...]], ...] = ()  # same, per span (specific.py)
    # lack words inside a coding's evidence that negate a used code of these categories (lacking.py)
    lacking: re.Pattern[str] = re.compile("(?!)")
    lacking_categories: frozenset[str] = frozenset()
    lacking_after: re.Pattern[str] = re.compile("(?!)")  # right after the evidence: "was absent"
    # a factor's positive state under a verb's negation ("did not trust"): the factor, as a deficit
    deficit_negation: re.Pattern[str] = re.compile("(?!)")
    negative_form: re.Pattern[str] = re.compile("(?!)")
    # designs a limitation names as not carried out ("未能追踪", "did not compare"): coded
    # whether or not the document uses them (see limitations.py)
    limitation_designs: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = ()
    case_site_names: re.Pattern[str] = re.compile("(?!)")  # "X社区", "M community"
    gap_object: re.Pattern[str] = re.compile("(?!)")  # "对新建社区，…关注较少": the lack's object
    gap_filler: re.Pattern[str] = re.compile(r"[\s,，]*")  # "and very few …": no subject of its own
    list_item: re.Pattern[str] = re.compile("(?!)")  # "（二）", "3. ": a numbered paragraph
    speaker_turn: re.Pattern[str] = re.compile("(?!)")  # "受访者R2（女，71岁）：" opens a turn
    # voice cues searched only where the study's own voice or a proposal was found (voice.py)
    voice: dict[str, re.Pattern[str]] = field(default_factory=dict)
    voice_literals: dict[str, tuple[str, ...]] = field(default_factory=dict)  # prefilters


def default_cues_path() -> Path:
    return schemas_dir() / "cues.yaml"


@cache
def load_cues(path: Path | None = None) -> Cues:
    path = path or default_cues_path()
    raw = path.read_bytes()
    data = yaml.safe_load(raw)
    pol = data["polarity"]
    sites = data["sites"]
    heads = data["theory_heads"]
    return Cues(
        digest=ids.file_hash(raw),
        # A head directly follows the term ("增能理论", "empowerment theory").
        theory_head=re.compile(r"\s*(?:" + _both(heads).pattern + ")"),
        guiding_frame=_both(data["guiding_frames"]),
        verb_use=_both(data.get("verb_use") or {}),
        limitation=_both(pol["limitation"]),
        gap_subject=_both(pol["gap"]["subject"]),
        gap_standalone=_both(pol["gap"].get("standalone") or {}),
        gap_lack=_both(pol["gap"]["lack"]),
        attribution=_both(pol["attribution"]),
        negated=_both(pol["negated"]),
        negated_after=_both(pol.get("negated_after") or {}),
        recommends=_both(pol["recommends"]),
        mentions=_both(pol["mentions"]),
        uses=_both(pol["uses"]),
        uses_actions=_both(pol["uses_actions"]),
        refers_back=_both(data["refers_back"]),
        strong_break=re.compile(data["clause_breaks"]["strong"]),
        weak_break=re.compile(data["clause_breaks"]["weak"]),
        default_review=data["defaults"]["review"],
        default_other=data["defaults"]["other"],
        default_transcript=data["defaults"].get("transcript", data["defaults"]["other"]),
        transcript_title=_both(data.get("transcript_title") or {}),
        review_title=_both(data["review_title"]),
        site_patterns=tuple(re.compile(p) for p in [*(sites.get("zh") or []),
                                                    *(sites.get("en") or [])]),
        site_types={k: tuple(v) for k, v in (sites.get("types") or {}).items()},
        stopwords_en=frozenset(str(data.get("stopwords_en", "")).split()),
        site_hints=tuple(sites.get("hints") or ()),
        site_city_prefixes=str(sites.get("city_prefixes") or ""),
        negation_window=int(data.get("negation_window", 25)),
        limitation_methods=tuple((_both(family), tuple(family["methods"]))
                                 for family in data.get("limitation_methods") or ()),
        limitation_designs=tuple((_both(family), tuple(family["methods"]))
                                 for family in data.get("limitation_designs") or ()),
        case_site_names=_both(data.get("case_site_names")),
        list_item=_both(data.get("list_item")),
        gap_object=_both(pol["gap"].get("object")),
        gap_filler=re.compile(r"[\s,，]*(?:(?:" + _both(pol["gap"].get("chain_filler")).pattern
                              + r")[\s,，]*)*"),
        speaker_turn=re.compile(_both(data.get("speaker_turn")).pattern, re.MULTILINE),
        voice={name: _both(block) for name, block in (pol.get("voice") or {}).items()
               if name != "own"},
        voice_literals={name: _literals(block) for name, block in (pol.get("voice") or {}).items()},
        specific_codes=tuple((generic, tuple(specific)) for generic, specific
                             in (data.get("specific_codes") or {}).items()),
        specific_apart=_both(data.get("specific_apart")),
        own_work=_both(data.get("own_work")),
        own_work_codes=frozenset((data.get("own_work") or {}).get("codes") or ()),
        overlap_yields=tuple((code, tuple(to)) for code, to
                             in (data.get("overlap_yields") or {}).items()),
        lacking=_both(data.get("lacking_evidence")),
        lacking_categories=frozenset((data.get("lacking_evidence") or {}).get("categories") or ()),
        lacking_after=_both((data.get("lacking_evidence") or {}).get("after")),
        deficit_negation=_both((data.get("factor_deficits") or {}).get("negation")),
        negative_form=_both((data.get("factor_deficits") or {}).get("negative_form")),
        scanner=CueScanner({**{name: _items(_rule_block(pol, path))
                               for name, path in POLARITY_RULES.items()},
                            # Clause breaks too: see PolarityJudge._break_spans.
                            BREAK_RULE: [data["clause_breaks"]["strong"]]}),
    )  # fmt: skip
