"""Named case communities a study works in ("Y community", 成都市H社区, "old community--B")."""

from __future__ import annotations

import re

from kgreview import ids
from kgreview.model import Site
from kgreview.nlp.cues import Cues
from kgreview.nlp.regexinfo import finditer_anchored

_SPACE = re.compile(r"\s+")
_LETTER = re.compile(r"\b[A-Z]{1,2}\b")
_PLACE = re.compile(r"\b(community|neighbou?rhood|village)\b", re.IGNORECASE)
_VILLAGE = ("村", "village")


def _canonical(name: str) -> str:
    """'old community--B' → 'B community'; 'Y  Community' → 'Y community'; 'C Village' →
    'C village'; 成都市H社区 stays."""
    letters = _LETTER.findall(name)
    if name.isascii() and letters:
        place = _PLACE.search(name)
        return f"{letters[-1]} {place.group(0).lower() if place else 'community'}"
    return _SPACE.sub(" ", name).strip()


def _city(raw: str, cues: Cues) -> str:
    """'以成都市' → '成都市': function characters glued before a city name are not part of it."""
    city = raw.strip()
    while len(city) > 3 and city[0] in cues.site_city_prefixes:
        city = city[1:]
    return city


def _community_type(name: str, window: str, cues: Cues) -> str:
    """The kind of community: a village by its name, else the first type word near it (English
    words whole: "household" is not "old")."""
    if name.lower().endswith(_VILLAGE):
        return "rural"
    lowered = window.lower()
    for kind, words in cues.site_types.items():
        if any(
            re.search(rf"(?<![\w-]){re.escape(w)}\b", lowered) if w.isascii() else w in lowered
            for w in words
        ):
            return kind
    return ""


def find_sites(text: str, cues: Cues) -> tuple[Site, ...]:
    """Every named community in ``text``, one Site per name (first city and type seen)."""
    lowered = text.lower()
    if not any(hint in lowered for hint in cues.site_hints):
        return ()  # most texts name no community: skip the patterns
    found: dict[str, Site] = {}
    cities: dict[str, str] = {}
    for pattern in cues.site_patterns:
        for match in finditer_anchored(pattern, text):  # = pattern.finditer(text)
            name = _canonical(match.group("name"))
            groups = match.groupdict()
            city = _city(groups.get("city") or "", cues)
            if city and not city.lower().startswith(("the", "in", "of", "this", "and")):
                cities.setdefault(name, city)
            if name not in found:
                window = text[max(0, match.start() - 40) : match.end() + 10]
                found[name] = Site(
                    id="", name=name, community_type=_community_type(name, window, cues)
                )
    return tuple(
        Site(id=ids.site_id(name), name=name, city=cities.get(name, ""),
             community_type=site.community_type)
        for name, site in found.items()
    )  # fmt: skip
