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
