"""Where a document's reference list is, and where each entry in it starts and ends.

Offsets are code points of the text given, so entries can become segments of the document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_HEADING = re.compile(
    r"^[ \t]*(?:#{1,6}[ \t]*)?[*_]{0,2}[ \t]*"
    r"(?:references?|bibliography|works cited|参考文献|參考文獻|主要参考文献|引用文献|参考资料)"
    r"[ \t]*[*_]{0,2}[ \t]*[:：]?[ \t]*[*_]{0,2}[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
# '[1]', '［1］', '【1】', '1.', '1、', '(1)', optionally after a markdown bullet. A bare '1.'
# needs a space or CJK after it so '2019.' at a line start is not a marker.
_MARKER = re.compile(
    r"^(?P<indent>[ \t]*(?:[-*+•][ \t]+)?)"
    r"(?P<marker>[\[［【][ \t]*(?P<n1>\d{1,3})[ \t]*[\]］】]"
    r"|(?P<n2>\d{1,3})(?:[.．、](?=[ \t]|[\u3400-\u9fff])|[ \t]+(?=\D))"
    r"|[(（](?P<n3>\d{1,3})[)）])[ \t]*",
    re.MULTILINE,
)
# Sections that may follow a reference list and are not part of it.
_AFTER_LIST = re.compile(
    r"^[ \t]*(?:#{1,6}[ \t]*)?(?:附录|致谢|致\s*谢|后记|作者简介|Appendix|Acknowledg|"
    r"About the author|Notes?\s*$|注释)",
    re.IGNORECASE | re.MULTILINE,
)
_TYPE_CODE = re.compile(r"[\[［]\s*(?:[A-Z]{1,2}(?:/[A-Z]{2})?)\s*[\]］]")
_TYPE_HINT = re.compile(rf"{_TYPE_CODE.pattern}|(?:19|20)\d{{2}}")


@dataclass(frozen=True, slots=True)
class EntrySpan:
    """One entry: [start, end) in the document text, the number as written (None if unnumbered)."""

    start: int
    end: int
    number: int | None
    body_start: int  # where the entry's text begins after its number marker


def find_reference_list(text: str) -> tuple[int, int] | None:
    """The [start, end) of the reference list body (after its heading), or None.

    The last heading wins (a list closes a paper); a text with no heading whose lines are
    mostly numbered entries is a bare list, and all of it is the body.
    """
    headings = list(_HEADING.finditer(text))
    if headings:
        start = headings[-1].end()
        stop = _AFTER_LIST.search(text, start)
        return start, stop.start() if stop else len(text)
    lines = [line for line in text.splitlines() if line.strip()]
    # Without a heading only type codes count: a numbered list of findings has years too.
    numbered = sum(1 for line in lines if _MARKER.match(line) and _TYPE_CODE.search(line))
    if lines and numbered >= max(2, len(lines) * 0.6):
        return 0, len(text)
    return None


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while end > start and text[end - 1].isspace():
        end -= 1
    while start < end and text[start].isspace():
        start += 1
    return start, end


def split_entries(text: str, start: int = 0, end: int | None = None) -> list[EntrySpan]:
    """Entries of the list in text[start:end]: each starts at a number marker at a line start;
    lines without a marker continue the entry before. An unnumbered list is one entry a line.
    """
    end = len(text) if end is None else end
    markers = [m for m in _MARKER.finditer(text, start, end) if m.end() < end]
    if not markers:
        spans, offset = [], start
        for line in text[start:end].splitlines(keepends=True):
            s, e = _trimmed(text, offset, offset + len(line))
            line_text = text[s:e].lstrip("-*+• \t")
            if e > s and _TYPE_HINT.search(line_text):
                body = e - len(line_text)
                spans.append(EntrySpan(body, e, None, body))
            offset += len(line)
        return spans
    spans = []
    for i, found in enumerate(markers):
        s = found.start("marker")
        e = markers[i + 1].start() if i + 1 < len(markers) else end
        s, e = _trimmed(text, s, e)
        number = int(found["n1"] or found["n2"] or found["n3"])
        spans.append(EntrySpan(s, e, number, found.end()))
    return spans
