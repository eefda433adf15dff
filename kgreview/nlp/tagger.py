"""The codebook tagger: every code found in a text, with its exact evidence and polarity.

One automaton (ahocorasick-rs, leftmost-longest) finds candidate surface forms in the
normalised view; boundary checks keep real words (English word boundaries and plural/hyphen
variants; Chinese two-character terms checked against jieba's segmentation); context rules
decide ambiguous theory/activity words; :mod:`kgreview.nlp.polarity` decides polarity.
Auto-codes are suggestions for a coder to accept or reject, never analysis by themselves.
"""

from __future__ import annotations

import bisect
import operator
from dataclasses import dataclass, field

import ahocorasick_rs
import numpy as np

from kgreview import ids
from kgreview.model import Coding, Document, Origin, Polarity, Segment, SegmentKind, Site
from kgreview.nlp.anaphora import CARRIED_CATEGORIES, anaphor_spans
from kgreview.nlp.attributions import load_review_cues
from kgreview.nlp.codebook import Codebook
from kgreview.nlp.contextwords import ContextWords
from kgreview.nlp.coordination import Coordination
from kgreview.nlp.cues import Cues
from kgreview.nlp.frames import FrameMatcher
from kgreview.nlp.framing import sentence_judges
from kgreview.nlp.gapped import GappedForms
from kgreview.nlp.lacking import settle_codings
from kgreview.nlp.limitations import limitation_method_spans
from kgreview.nlp.normalize import NormalisedView, normalise
from kgreview.nlp.pipelines import jieba_tokenizer, token_spans
from kgreview.nlp.polarity import SentenceContext
from kgreview.nlp.review import ReviewAnnotations, annotate_review
from kgreview.nlp.sites import find_sites
from kgreview.nlp.surface import codebook_forms, de_joined_forms, gapped_forms
from kgreview.nlp.voice import review_like, transcript_like

# Bump when rule code changes what the same codebook and cues produce (re-tags; history: git log)
TAGGER_VERSION = "13"
_START = operator.itemgetter(1)
_AUTO = Origin.AUTO.value
TAGGER_CODER = "kgreview-tagger"


@dataclass(frozen=True, slots=True)
class Form:
    code: str
    lang: str
    ambiguous: bool


@dataclass(frozen=True, slots=True)
class TagResult:
    codings: tuple[Coding, ...]
    sites: tuple[Site, ...]
    review: ReviewAnnotations = field(default_factory=ReviewAnnotations)


class Tagger:
    """Tags documents with one codebook and one cue set (build once, reuse)."""

    def __init__(self, codebook: Codebook, cues: Cues) -> None:
        self.codebook, self.cues = codebook, cues
        self.entries = codebook.by_id()
        forms: dict[str, Form] = {}
        for variant, code, lang, ambiguous in codebook_forms(codebook.codes):
            forms.setdefault(variant, Form(code, lang, ambiguous))
        self.patterns = list(forms)
        # 拓宽…渠道, 参与的意愿: matched after the literal forms, claiming only their parts
        self.gapped = GappedForms(gapped_forms(codebook.codes), de_joined_forms(codebook.codes))
        self.forms = [forms[p] for p in self.patterns]
        self.forms += [Form(code, "zh", False) for code in self.gapped.codes]
        self.coordination = Coordination(codebook.codes)  # "passive and cooperative participation"
        self.forms += [Form(code, "en", False) for code in self.coordination.codes]
        self.framed = FrameMatcher(codebook.codes)  # 缺少…渠道: cue × head (nlp.frames)
        self.forms += [Form(code, "", False) for code in self.framed.codes]
        self._ascii = [p.isascii() for p in self.patterns]
        # Codes allowed in every text, and the words that allow the others.
        self._unconditional = frozenset(e.id for e in codebook.codes if not e.requires_context)
        self._context = ContextWords(codebook.codes)  # what the others need in the text
        # Standard semantics so overlapping candidates can be weighed (居民议事|议事平台).
        self.automaton = ahocorasick_rs.AhoCorasick(
            self.patterns, matchkind=ahocorasick_rs.MATCHKIND_STANDARD
        )
        zh_terms = tuple(sorted(p for p in self.patterns if not p.isascii()))
        self.jieba = jieba_tokenizer(zh_terms)

    @property
    def key(self) -> str:
        review = load_review_cues().digest
        frames = self.framed.frames.digest  # cue lists of schemas/frames.yaml
        return ids.digest(self.codebook.digest, self.cues.digest, review, frames, TAGGER_VERSION)

    def tag_key(self, document: Document) -> str:
        """Changes when the text, the codebook, the cues or the tagger change."""
        return ids.digest(document.text_hash or ids.text_hash(document.text), self.key)

    # --- boundaries ----------------------------------------------------------------------
    def _english_end(self, view: str, i: int, j: int) -> int | None:
        if i > 0 and (view[i - 1].isalnum() or view[i - 1] == "-"):
            return None
        for suffix in ("", "s", "es"):
            end = j + len(suffix)
            if view[j:end] == suffix and (end >= len(view) or not view[end].isalnum()):
                return end
        return None

    def _chinese_ok(self, view: str, i: int, j: int) -> bool:
        if j - i > 2 or not self._straddle_possible(view, i, j):
            return True
        lo, hi = max(0, i - 8), min(len(view), j + 8)
        for start, end in token_spans(self.jieba, view[lo:hi]):
            start, end = start + lo, end + lo
            if (start < i < end and end < j) or (i < start < j and end > j):
                return False  # a word straddles the term's edge: "可能人们" is not 能人
        return True

    def _straddle_possible(self, view: str, i: int, j: int) -> bool:
        """Whether a dictionary word could cross the term's edge (可能|人们 around 能人): only
        then is the boundary ambiguous and jieba asked to segment."""
        freq = self.jieba.FREQ
        for k in (1, 2, 3):
            if i - k >= 0 and freq.get(view[i - k : i + 1], 0) > 0:
                return True
            if j + k <= len(view) and freq.get(view[j - 1 : j + k], 0) > 0:
                return True
        return False

    def _candidates(self, view: str) -> list[tuple[int, int, int]]:
        """Non-overlapping surface-form matches that pass the boundary checks.

        Longer matches win; between equally long overlapping Chinese terms the later one wins,
        because a Chinese compound's head comes last (居民议事平台 is a 平台).
        """
        # (rank, -length, tie-break, arrival, start, pattern, end, parts): sorting these tuples
        # orders by the key alone, ties in arrival order (what a stable sort on the key gives);
        # gapped forms (rank 1) come after every literal match and claim only their parts.
        found = []
        ascii_ = self._ascii
        for index, i, j in self.automaton.find_matches_as_indexes(view, overlapping=True):
            if ascii_[index]:
                end = self._english_end(view, i, j)
                if end is None:
                    continue
                found.append((0, i - end, i, len(found), i, index, end, ((i, end),)))
            elif j - i > 2 or self._chinese_ok(view, i, j):  # (a longer term needs no check)
                found.append((0, i - j, -j, len(found), i, index, j, ((i, j),)))
        base = len(self.patterns)
        for index, i, h, t, j in self.gapped.find(view):
            found.append((1, i - j, -j, len(found), i, base + index, j, ((i, h), (t, j))))
        base += len(self.gapped.codes)
        for index, i, j in self.coordination.find(view):
            found.append((1, i - j, -j, len(found), i, base + index, j, ((i, j),)))
        base += len(self.coordination.codes)
        for index, i, j, h, t in self.framed.find(view):
            found.append((2, i - j, -j, len(found), i, base + index, j, ((h, t),)))
        found.sort()
        taken = bytearray(len(view))
        ends: dict[int, tuple[int, str]] = {}  # literal end → (start, code): a compound's head
        chosen = []
        for rank, *_, i, index, j, parts in found:
            free = [taken.find(1, a, b) == -1 for a, b in parts]
            if rank and len(parts) == 2 and not free[0]:
                # 社区社会组织…发育不足: the head ends a longer literal compound (its head, as a
                # Chinese compound's head comes last); the literal keeps its own code.
                a, b = parts[0]
                free[0] = b in ends and taken.find(0, a, b) == -1
                parts = parts[1:] if free[0] else parts
            elif rank == 2 and not free[0]:  # 培育…互助小组: another code's literal as a head
                start, owner = ends.get(parts[0][1], (-1, ""))
                free, parts = [start == parts[0][0] and owner != self.forms[index].code], ()
            if all(free):
                for a, b in parts:
                    taken[a:b] = b"\x01" * (b - a)
                ends.update({j: (i, self.forms[index].code)} if not rank else {})
                chosen.append((index, i, j))
        chosen.sort(key=_START)
        return chosen

    # --- tagging -------------------------------------------------------------------------
    def _resolve(self, form: Form, view: str, i: int, j: int, sentence: str, k: int) -> str | None:
        if not form.ambiguous:
            return form.code or None  # a not-form (BLOCKED) only keeps its words from others
        head = self.cues.theory_head.match(view, j)
        frame = self.cues.guiding_frame.search(sentence[:k])
        if head or frame:
            return form.code
        # A verb ("empower the residents", 为居民增权) names neither the theory nor an activity;
        # a Chinese verb is one word of two characters: 社会资本， is a noun, its `otherwise`.
        if (self.cues.verb_use.match(view, j) and (form.lang == "en" or j - i <= 2)) or (
            form.lang == "en" and " " not in view[i:j] and not view[i:j].endswith("ment")
        ):  # English one-word forms are verbs ("empowering"); "social capital" is a noun
            return None
        return self.entries[form.code].otherwise

    def tag(self, document: Document, segments: list[Segment] | tuple[Segment, ...]) -> TagResult:
        text = document.text
        view = normalise(text)
        sentences = sorted(
            (s for s in segments if s.kind == SegmentKind.SENTENCE), key=lambda s: s.start
        )
        starts = [s.start for s in sentences]
        view_spans = [_to_view(view, s.start, s.end) for s in sentences]
        view_starts = [lo for lo, _ in view_spans]
        title = normalise(document.title).text
        document_cues = self.cues.scanner.scan(view.text)
        is_review = review_like(self.cues, title, document_cues, document.doc_type)
        is_transcript = transcript_like(self.cues, title, view.text, document.doc_type)
        allowed = self._unconditional | self._context.codes_in(view.text)
        judge_of = sentence_judges(self.cues, is_review, is_transcript, segments)
        contexts: dict[int, SentenceContext] = {}
        codings: dict[str, Coding] = {}
        candidates = self._candidates(view.text)
        terms_in: dict[int, list[tuple[int, int, str]]] = {}
        for index, i, j in candidates:
            k = bisect.bisect_right(view_starts, i) - 1
            if k >= 0 and self.forms[index].code:
                lo = view_spans[k][0]
                terms_in.setdefault(k, []).append((i - lo, j - lo, self.forms[index].code))
        for index, i, j in candidates:
            form = self.forms[index]
            start, stop = view.span(i, j)
            k = bisect.bisect_right(starts, start) - 1
            if k < 0 or stop > sentences[k].end:
                continue  # a match across a sentence edge is no evidence
            s_lo, s_hi = view_spans[k]
            sentence_view = view.text[s_lo:s_hi]
            code = self._resolve(form, view.text, i, j, sentence_view, i - s_lo)
            if code is None or code not in allowed:
                continue
            context = contexts.get(k)
            if context is None:
                nxt = view.text[slice(*view_spans[k + 1])] if k + 1 < len(sentences) else ""
                terms = tuple(terms_in.get(k, ()))
                context = contexts[k] = SentenceContext(
                    sentence_view, nxt, s_lo, document_cues, terms
                )
            pol = judge_of(sentences[k])(context, i - s_lo, j - s_lo)
            entry = self.entries[code]
            coding = Coding(
                id=ids.coding_id(document.id, start, stop, code, TAGGER_CODER),
                document_id=document.id, segment_id=sentences[k].id, code_id=entry.id,
                coder=TAGGER_CODER, start=start, end=stop, evidence=text[start:stop],
                polarity=pol._value_, origin=_AUTO, confidence=1.0,
            )  # fmt: skip
            codings[coding.id] = coding
        codings = settle_codings(codings, self.entries, self.cues, text)
        self._carry_to_anaphors(document, view, sentences, view_spans, codings, document_cues)
        sites = () if is_review else find_sites(text, self.cues)
        found = tuple(codings.values())
        categories = {code: self.entries[code].category for code in {c.code_id for c in found}}
        review = annotate_review(document, sentences, found, categories)
        if review.references_start is not None:
            # Titles in the reference list name what others wrote, not what this text does.
            found = tuple(c for c in found if c.start < review.references_start)
        return TagResult(found, sites, review)

    def _carry_to_anaphors(self, document, view, sentences, view_spans, codings, cues) -> None:
        """Code "such communities" in a gap sentence with the contexts named just before, and
        a limitation's data words ("访谈对象", "the sample") with the methods the study uses."""
        by_sentence: dict[str, set[str]] = {}
        in_sentence: dict[str, set[str]] = {}
        used: set[str] = set()
        for c in codings.values():
            in_sentence.setdefault(c.segment_id or "", set()).add(c.code_id)
            if self.entries[c.code_id].category in CARRIED_CATEGORIES:
                by_sentence.setdefault(c.segment_id or "", set()).add(c.code_id)
            if c.polarity == Polarity.USES.value:
                used.add(c.code_id)
        carried: list[tuple[int, int, int, str, Polarity]] = []
        for k in range(len(sentences)):
            s_lo, s_hi = view_spans[k]
            earlier = by_sentence.get(sentences[k - 1].id) if k else None
            for a, b in anaphor_spans(view.text[s_lo:s_hi], self.cues) if earlier else ():
                carried += [(k, s_lo + a, s_lo + b, code, Polarity.GAP) for code in sorted(earlier)]
            if not cues.spans("limitation", s_lo, s_hi):
                continue
            here = in_sentence.get(sentences[k].id, set())
            sentence = view.text[s_lo:s_hi]
            for a, b, code in limitation_method_spans(sentence, used, here, self.cues):
                carried.append((k, s_lo + a, s_lo + b, code, Polarity.LIMITATION))
        for k, a, b, code, pol in carried:
            start, stop = view.span(a, b)
            coding = Coding(
                id=ids.coding_id(document.id, start, stop, code, TAGGER_CODER),
                document_id=document.id, segment_id=sentences[k].id, code_id=code,
                coder=TAGGER_CODER, start=start, end=stop, evidence=document.text[start:stop],
                polarity=pol.value, origin=Origin.AUTO.value, confidence=0.8,
            )  # fmt: skip
            codings.setdefault(coding.id, coding)


def _to_view(view: NormalisedView, start: int, end: int) -> tuple[int, int]:
    if view.starts is None:
        return start, end
    lo = int(np.searchsorted(view.starts, start, side="left"))
    hi = int(np.searchsorted(view.starts, end, side="left"))
    return lo, hi
