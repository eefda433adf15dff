"""What a regular expression's structure guarantees about its matches, read from its parse
tree (matching itself stays in :mod:`re`): used to skip regex work that cannot match and to
share one scan of a document between its sentences where that is exact."""

from __future__ import annotations

import re
import re._constants as sre_c
import re._parser as sre_parse
from functools import cache


def required_literal(pattern: str) -> str | None:
    """The longest run of literal characters every match of ``pattern`` contains (a text
    without it cannot match), or None."""
    parsed = sre_parse.parse(pattern)
    if parsed.state.flags & re.IGNORECASE:
        return None
    best, run = "", ""
    for op, arg in parsed:
        run = run + chr(arg) if op is sre_c.LITERAL else ""
        best = max(best, run, key=len)
    return best or None


_LOOKS_BACK = {sre_c.AT_BEGINNING, sre_c.AT_BEGINNING_STRING, sre_c.AT_BEGINNING_LINE}


@cache
def context_free(pattern: str) -> bool:
    """Whether matches inside ``[lo, hi)`` of a longer text equal the matches in the slice
    ``text[lo:hi]`` whenever the character before ``lo`` is no word character: the pattern
    has no lookbehind and no ``^``/``\\A`` (``\\b`` and ``\\B`` then see the same on both)."""

    def walk(items) -> bool:
        for op, arg in items:
            if op is sre_c.AT:
                if arg in _LOOKS_BACK:
                    return False
            elif op in (sre_c.ASSERT, sre_c.ASSERT_NOT):
                if arg[0] < 0 or not walk(arg[1]):
                    return False
            elif op is sre_c.SUBPATTERN:
                if not walk(arg[-1]):
                    return False
            elif op is sre_c.BRANCH:
                if not all(walk(branch) for branch in arg[1]):
                    return False
            elif op in (sre_c.MAX_REPEAT, sre_c.MIN_REPEAT):
                if not walk(arg[2]):
                    return False
            elif op not in (sre_c.LITERAL, sre_c.NOT_LITERAL, sre_c.IN, sre_c.ANY):
                return False  # anything else: not proven, match the slice
        return True

    return walk(sre_parse.parse(pattern))


def _class_of(op, arg) -> str | None:
    """A character class (regex source) for a LITERAL or a simple IN, else None."""
    if op is sre_c.LITERAL:
        return re.escape(chr(arg))
    if op is not sre_c.IN:
        return None
    parts = []
    for item, value in arg:
        if item is sre_c.LITERAL:
            parts.append(re.escape(chr(value)))
        elif item is sre_c.RANGE:
            parts.append(f"{re.escape(chr(value[0]))}-{re.escape(chr(value[1]))}")
        else:
            return None
    return "".join(parts)


def _first_chars(items) -> tuple[str, bool] | None:
    """(class of the characters a match of ``items`` can start with, nullable) or None."""
    found = ""
    for op, arg in items:
        if op in (sre_c.AT, sre_c.ASSERT, sre_c.ASSERT_NOT):
            continue  # zero-width: consumes nothing
        if op is sre_c.SUBPATTERN:
            inner = _first_chars(arg[-1])
        elif op is sre_c.BRANCH:
            branches = [_first_chars(b) for b in arg[1]]
            if any(b is None for b in branches):
                return None
            inner = ("".join(b[0] for b in branches), any(b[1] for b in branches))  # type: ignore[index]
        elif op in (sre_c.MAX_REPEAT, sre_c.MIN_REPEAT):
            body = _first_chars(arg[2])
            inner = None if body is None else (body[0], body[1] or arg[0] == 0)
        else:
            chars = _class_of(op, arg)
            inner = None if chars is None else (chars, False)
        if inner is None:
            return None
        found += inner[0]
        if not inner[1]:
            return found, False
    return found, True


def _mandatory_chars(items) -> list[str]:
    """Classes one character of each of which every match of ``items`` consumes."""
    found: list[str] = []
    for op, arg in items:
        if op is sre_c.SUBPATTERN:
            found += _mandatory_chars(arg[-1])
        elif op in (sre_c.MAX_REPEAT, sre_c.MIN_REPEAT) and arg[0] >= 1:
            found += _mandatory_chars(arg[2])
        elif op is sre_c.BRANCH:
            first = _first_chars([(op, arg)])  # each branch starts with one of these
            if first is not None and not first[1]:
                found.append(first[0])
        elif (chars := _class_of(op, arg)) is not None:
            found.append(chars)
    return found


@cache
def anchor_plan(pattern: str) -> tuple[re.Pattern[str], int] | None:
    """(anchor, reach): every match of ``pattern`` starts at most ``reach`` characters before
    a match of the one-character pattern ``anchor`` — so only there can a match start. From a
    mandatory character when the pattern's width is bounded, else from its first character."""
    parsed = sre_parse.parse(pattern)
    if parsed.state.flags & (re.IGNORECASE | re.VERBOSE):
        return None
    low, high = parsed.getwidth()
    if low < 1 or not parsed.data:
        return None
    op, arg = parsed.data[0]
    if not (op in (sre_c.MAX_REPEAT, sre_c.MIN_REPEAT) and arg[0] == 0):
        return None  # re finds the first character itself; anchors only help past an optional
    first = _first_chars(parsed)
    if first is not None and not first[1] and 0 < _class_size(first[0]) <= 64:
        return re.compile(f"[{first[0]}]"), 0  # a match starts at one of a few characters
    mandatory = _mandatory_chars(parsed)
    if high <= 64 and mandatory:
        return re.compile(f"[{min(mandatory, key=_class_size)}]"), high - 1
    return None


def _class_size(chars: str) -> int:
    """How many characters the class ``[chars]`` holds."""
    (_, items), *_ = sre_parse.parse(f"[{chars}]")
    if not isinstance(items, list):
        return 1  # a one-character class parses as that literal
    size = 0
    for op, value in items:
        size += value[1] - value[0] + 1 if op is sre_c.RANGE else 1
    return size


def finditer_anchored(pattern: re.Pattern[str], text: str):
    """The matches ``pattern.finditer(text)`` yields, trying starts only near anchors."""
    plan = anchor_plan(pattern.pattern) if not pattern.flags & re.IGNORECASE else None
    if plan is None:
        yield from pattern.finditer(text)
        return
    anchor, reach = plan
    pos = tried = 0  # next start finditer would try; starts below ``tried`` have failed
    for hit in anchor.finditer(text):
        q = hit.start()
        s = max(pos, tried, q - reach)
        while s <= q:
            found = pattern.match(text, s)
            if found:
                yield found
                pos = s = found.end()
            else:
                s += 1
        tried = max(tried, q + 1)
