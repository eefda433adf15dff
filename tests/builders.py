"""Small builders of model objects for tests: real spans over real text, deterministic ids."""

from __future__ import annotations

from kgreview import ids
from kgreview.model import (
    Author,
    Code,
    Coding,
    Document,
    DocumentBundle,
    Origin,
    Polarity,
    Reference,
    Segment,
    Site,
)
from kgreview.nlp.segment import segment_text

CODES = (
    Code("theory.empowerment", "theory", "empowerment theory", "增能理论"),
    Code("theory.strengths", "theory", "strengths perspective", "优势视角"),
    Code("method.interview", "method", "interview", "访谈", description="semi-structured"),
    Code("context.old_community", "context", "old community", "老旧小区"),
    Code(
        "theory.empowerment.community",
        "theory",
        "community empowerment",
        "社区增能",
        parent="theory.empowerment",
    ),
)


def coding(
    doc: Document,
    term: str,
    code: str,
    *,
    coder: str = "tagger",
    origin: str = Origin.AUTO,
    polarity: str = Polarity.USES,
    nth: int = 0,
) -> Coding:
    start = -1
    for _ in range(nth + 1):
        start = doc.text.index(term, start + 1)
    end = start + len(term)
    segments = [s for s in segment_text(doc.id, doc.text) if s.kind == "sentence"]
    segment = next(s.id for s in segments if s.start <= start and end <= s.end)
    return Coding(
        id=ids.coding_id(doc.id, start, end, code, coder),
        document_id=doc.id,
        segment_id=segment,
        code_id=code,
        coder=coder,
        start=start,
        end=end,
        evidence=doc.text[start:end],
        polarity=str(polarity),
        origin=str(origin),
    )


def document(
    text: str, *, title: str | None = None, year: int | None = 2022, doc_type: str = "thesis"
) -> Document:
    return Document(
        id=ids.document_id(text=text),
        title=title or text.split("。")[0][:30],
        text=text,
        lang="zh",
        doc_type=doc_type,
        year=year,
        text_hash=ids.text_hash(text),
        meta={"source": "test"},
    )


def bundle(
    doc: Document,
    codings: tuple[Coding, ...] = (),
    authors: tuple[str, ...] = (),
    references: tuple[str, ...] = (),
    sites: tuple[str, ...] = (),
) -> DocumentBundle:
    segments: tuple[Segment, ...] = tuple(segment_text(doc.id, doc.text))
    return DocumentBundle(
        document=doc,
        segments=segments,
        codings=codings,
        authors=tuple(Author(ids.author_id(a), a) for a in authors),
        references=tuple(
            Reference(ids.reference_id(r), r, title=r[:20], authors=("王某",), year=2020)
            for r in references
        ),
        sites=tuple(Site(ids.site_id(s), s, city="成都") for s in sites),
    )


TEXT_A = "本研究以增能理论为指导。采用访谈法收集资料。研究地点为老旧小区。增能理论强调赋权。"
TEXT_B = "本文从优势视角出发。通过访谈了解居民需求。老旧小区改造需要居民参与。"
TEXT_C = "已有研究较少运用增能理论。本文采用优势视角。"


def sample_bundles() -> list[DocumentBundle]:
    """Three documents sharing an author and codes, with codings in several categories."""
    a, b, c = document(TEXT_A, year=2021), document(TEXT_B, year=2022), document(TEXT_C, year=None)
    return [
        bundle(
            a,
            (
                coding(a, "增能理论", "theory.empowerment"),
                coding(a, "增能理论", "theory.empowerment", nth=1),
                coding(a, "访谈", "method.interview"),
                coding(a, "老旧小区", "context.old_community"),
            ),
            authors=("张三", "李四"),
            references=("[1] 王某. 增能理论研究[J]. 社会, 2020.",),
            sites=("H社区",),
        ),
        bundle(
            b,
            (
                coding(b, "优势视角", "theory.strengths"),
                coding(b, "访谈", "method.interview"),
                coding(b, "老旧小区", "context.old_community"),
            ),
            authors=("张三",),
        ),
        bundle(
            c,
            (
                coding(c, "增能理论", "theory.empowerment", polarity=Polarity.GAP),
                coding(c, "优势视角", "theory.strengths"),
            ),
            authors=("王五",),
        ),
    ]
