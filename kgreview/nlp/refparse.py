"""One reference entry → its fields: GB/T 7714 (2005 and 2015), its English renderings, Western.

The entry text is kept as written (a Chinese title keeps its full-width colon); the patterns
accept half- and full-width punctuation instead of folding it, so field values stay substrings
of the entry.
"""

from __future__ import annotations

import re

from kgreview.nlp.refapa import parse_apa
from kgreview.nlp.reftail import (
    CJK,
    DOT,
    TAIL,
    Fields,
    parse_tail,
    strip_field,
)

MAX_ENTRY = 1500
TYPE_CODES = {"J", "D", "M", "N", "C", "R", "S", "P", "A", "G", "Z", "K", "EB", "DB", "CP"}

_TYPE = re.compile(r"[\[［【]\s*(?P<code>[A-Za-z]{1,2}(?:\s*/\s*[A-Za-z]{2})?|[1lI])\s*[\]］】]")
# A separator dot ends authors or a title: followed by space, CJK, a bracket, or the end.
# Not between digits ("2.0") and not after another dot ("..."), so titles keep those.
_SEP = re.compile(rf"(?<![0-9.]){DOT}(?=\s|[{CJK}\[(（《“\"]|$)|(?<=[{CJK}]){DOT}")
_ITALICS = re.compile(r"\*+")
_SPACE = re.compile(r"\s+")
_EDITION = re.compile(
    r"^(?:第?[\d一二三四五六七八九十]+版|修订版"
    r"|\d+(?:st|nd|rd|th)?\s*ed(?:ition)?\.?|Rev\. ed\.?)$",
    re.IGNORECASE,
)
# '刘波,等译', '王某 译', 'trans. Smith J': a translator statement, not a place or publisher.
_TRANSLATOR = re.compile(r"^(?:.{1,40}(?:等)?\s*译|(?:trans(?:lated)?\.?(?: by)?)\s.{1,60})$", re.I)
# '[美]罗伯特·帕特南', '（英）吉登斯': the author's country, not part of the name.
_NATIONALITY = re.compile(r"^[\[［(（][\u3400-\u9fff]{1,3}[\]］)）]\s*")
_POSSESSIVE = re.compile(r"^(?P<name>[A-Z][a-z]+(?: [A-Z][a-z]+){1,2})'s (?P<title>[a-z].+)$")
_PROCEEDINGS = re.compile(r"\s(?=Proceedings of\b)|(?<=\S)(?=[^.．。\s]*论文集)")
_AUTHOR_SPLIT = re.compile(r"\s*[,，、;；]\s*|\s+and\s+|\s*&\s*")
_NOT_AUTHOR = re.compile(r"^(?:等|et al\.?|etc\.?)$", re.IGNORECASE)


def clean(text: str) -> str:
    """Markdown italics out, line breaks joined (no space between two CJK characters)."""
    text = _ITALICS.sub("", text)
    text = re.sub(rf"(?<=[{CJK}])\s*\n\s*(?=[{CJK}])", "", text)
    return _SPACE.sub(" ", text).strip()


def split_authors(text: str) -> list[str]:
    """'毛峡,丁玉宽' → two names; 'CRAIG G, MAYO M' → two; '王思斌,等' drops '等'."""
    names = [_NATIONALITY.sub("", n.strip(" .．")) for n in _AUTHOR_SPLIT.split(text)]
    return [n for n in names if n and not _NOT_AUTHOR.match(n)]


def _separators(text: str) -> list[re.Match[str]]:
    return list(_SEP.finditer(text))


def _looks_like_authors(text: str) -> bool:
    """Authors are short and have no sentence inside; a title rarely fits that."""
    if not text or len(text) > 120:
        return False
    names = split_authors(text)
    return bool(names) and all(len(n) <= 40 for n in names)


def split_head(head: str, fields: Fields) -> None:
    """'Authors. Title' (or 'Name's title …' with no separator) into authors and title."""
    seps = _separators(head)
    if seps and _looks_like_authors(head[: seps[0].start()]):
        fields.authors = split_authors(head[: seps[0].start()])
        fields.title = strip_field(head[seps[0].end() :])
        return
    found = _POSSESSIVE.match(head)
    if found:
        # An English rendering of '董妍.城市社区…研究' as "Dong Yan's research on …".
        fields.authors = [found["name"]]
        fields.title = strip_field(found["title"])
        fields.notes.append("author read from a possessive ('Name's …'), no separator")
        return
    fields.title = strip_field(head)


def _container(text: str, fields: Fields) -> str:
    """'[M]//Editors. Container title. [edition.] Place: Publisher, year: pages' → the tail."""
    parts: list[str] = []
    last = 0
    for sep in _separators(text):
        parts.append(text[last : sep.start()])
        last = sep.end()
    parts.append(text[last:])
    parts = [p.strip() for p in parts if p.strip()]
    if len(parts) <= 1:
        fields.parent_title = strip_field(parts[0]) if parts else None
        return ""
    tail = parts.pop()
    if len(parts) > 1 and _EDITION.match(parts[-1]):
        fields.edition = parts.pop()
    if len(parts) > 1 and _looks_like_authors(parts[0]):
        fields.parent_authors = split_authors(parts.pop(0))
    fields.parent_title = strip_field(". ".join(parts)) if parts else None
    return tail


def _edition(tail: str, fields: Fields) -> str:
    """Leading '3版.', '2nd ed.' or '刘波,等译.' parts before place and publisher."""
    while seps := _separators(tail):
        part = tail[: seps[0].start()].strip()
        if _EDITION.match(part):
            fields.edition = part
        elif _TRANSLATOR.match(part):
            fields.notes.append(f"translator: {part}")
        else:
            break
        tail = tail[seps[0].end() :]
    return tail


def _untyped(body: str, fields: Fields) -> None:
    """No type code: split title from source by 'Proceedings of'/论文集 or the last separator."""
    split_head(body, fields)
    rest = fields.title or ""
    proceedings = _PROCEEDINGS.search(rest)
    if proceedings:
        fields.title = strip_field(rest[: proceedings.start()])
        container = rest[proceedings.end() :]
        fields.type = "C"
        fields.notes.append("no type code; conference paper inferred from 'Proceedings'/论文集")
        fields.parent_authors = []
        seps = _separators(container)
        if seps:
            fields.parent_title = strip_field(container[: seps[0].start()])
            parse_tail(container[seps[0].end() :], fields)
        else:
            # 'Proceedings of …, 200912': the proceedings title is what precedes the year.
            parse_tail(container, fields)
            fields.parent_title, fields.source, fields.place = fields.source, None, None
        return
    seps = _separators(rest)
    for sep in reversed(seps):
        if TAIL.match(rest[sep.end() :].strip()):
            fields.title = strip_field(rest[: sep.start()])
            tail = rest[sep.end() :].strip()
            if re.search(r"\d\s*[(（][^)）]+[)）]", tail):
                fields.type = "J"
                fields.notes.append("no type code; journal inferred from volume(issue)")
            parse_tail(tail, fields)
            return


def parse_fields(body: str) -> Fields:
    """Parse one entry's text (its number marker already removed) into fields."""
    body = clean(body)
    fields = Fields()
    if len(body) > MAX_ENTRY:
        # No reference is this long: the list's end was missed. Parsing all of it would cost
        # quadratic time in the tail patterns for nothing.
        body = body[:MAX_ENTRY]
        fields.notes.append(f"entry longer than {MAX_ENTRY} characters; only its start parsed")
    code = next((m for m in _TYPE.finditer(body) if m.start() > 0), None)
    if code is None and (apa := parse_apa(body)) is not None:
        return apa
    if code is None:
        _untyped(body, fields)
        return fields
    letters = code["code"].upper().replace(" ", "")
    if letters in {"1", "L", "I"}:
        fields.type = "J"
        fields.notes.append(f"type code [{code['code']}] read as [J]")
    else:
        fields.type = letters if letters.split("/")[0] in TYPE_CODES else None
    split_head(body[: code.start()], fields)
    after = body[code.end() :].strip()
    if after.startswith("//"):
        tail = _container(after[2:].strip(), fields)
    elif (second := _TYPE.search(after)) and fields.type == "A":
        # 2005 style: 'title[A].Editors.Proceedings[C].Place:Publisher,year:pages'.
        container = after[: second.start()].strip(" .．。")
        parent = Fields()
        split_head(container, parent)
        fields.parent_authors, fields.parent_title = parent.authors, parent.title
        tail = after[second.end() :]
    else:
        tail = _edition(after.lstrip(" .．。,，"), fields)
    parse_tail(tail.strip(" .．。"), fields)
    return fields
