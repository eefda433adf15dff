"""Surface forms of codebook terms as the tagger's automaton sees them: the variants a writer
produces (hyphen/space, plural, singular, Chinese type infixes) and the longer phrases that
block a term (``not_forms``: 社区工作者 is a person, not the method 社区工作)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from kgreview.nlp.gapped import is_gapped
from kgreview.nlp.normalize import normalise

# A code id no codebook can hold: a match of a not-form resolves to no code.
BLOCKED = ""

_HAN_ONLY = re.compile(r"^[\u4e00-\u9fff]+$")
_ZH_TYPE_INFIX = re.compile(r"^([\u4e00-\u9fff]{2})(参与|社区|治理)$")
# Plural last words whose singular is itself a word ("home visits" ~ "home visit"); -ss, -us,
# -is endings (process, status, analysis) are not plurals.
_PLURAL_TAIL = re.compile(r"^(?P<stem>.+ [a-z]{2,}[^su\W])s$")


def variants(form: str, lang: str) -> set[str]:
    """The normalised form, its hyphen/space variants and, for English, its -ies plural
    (plain -s/-es plurals are accepted at the boundary check)."""
    key = " ".join(normalise(form).text.split())
    if not (lang == "en" or key.isascii()):
        return chinese_variants(key)
    forms = {key, key.replace(" ", "-"), key.replace("-", " ")}
    return forms | {
        f[:-1] + "ies" for f in forms if len(f) > 3 and f[-1] == "y" and f[-2] not in "aeiou"
    }


# British ↔ American spellings (organisation/organization, neighbour/neighbor, programme/program):
# a codebook lists one, a text uses either.
_SPELLINGS = (
    (re.compile(r"(?<=[a-z]{3})is(ation|ations|e|es|ed|ing|er|ers)\b"), r"iz\1"),
    (re.compile(r"(?<=[a-z]{3})iz(ation|ations|e|es|ed|ing|er|ers)\b"), r"is\1"),
    (re.compile(r"\b(neighb|behavi|lab|col|fav|hon)our"), r"\1or"),
    (re.compile(r"\b(neighb|behavi|lab|col|fav|hon)or(?!e)"), r"\1our"),
    (re.compile(r"\bcentre"), "center"),
    (re.compile(r"\bcenter"), "centre"),
    (re.compile(r"ogramme"), "ogram"),
    (re.compile(r"\bageing"), "aging"),
    (re.compile(r"\baging"), "ageing"),
)


def spelling_variants(form: str, lang: str) -> set[str]:
    """The other English spelling of a form (mobilised → mobilized, neighbour → neighbor)."""
    if not (lang == "en" or form.isascii()):
        return set()
    out = set()
    for pattern, repl in _SPELLINGS:
        other = pattern.sub(repl, form)
        if other != form:
            out |= variants(other, "en")
    return out


def de_joined_forms(codes: Iterable) -> list[tuple[str, str, str, str]]:
    """(head, "的", tail, code): 参与意愿 ~ 参与的意愿, a four-character compound of two words
    with 的 between them; not for theory names (社区治理的理论基础 is no governance theory)."""
    out = []
    for entry in codes:
        if entry.category == "theory":
            continue
        for text, lang in entry.surface_forms():
            key = normalise(text).text.strip()
            if lang == "zh" and len(key) == 4 and not key.isascii() and "的" not in key:
                out.append((key[:2], "的", key[2:], entry.id))
    return out


def singular_variants(form: str, lang: str) -> set[str]:
    """Singulars of a multi-word English plural ("natural leaders" → "natural leader"): a
    codebook lists the plural a designer thinks of, a text uses whichever it needs."""
    if not (lang == "en" or form.isascii()):
        return set()
    found = _PLURAL_TAIL.match(" ".join(normalise(form).text.split()).lower())
    return variants(found.group("stem"), "en") if found else set()


def chinese_variants(key: str) -> set[str]:
    """被动参与 ~ 被动式/型/性参与, 安置社区 ~ 安置型社区: the type infixes Chinese writers add."""
    forms = {key}
    found = _ZH_TYPE_INFIX.match(key)
    if found:
        forms |= {f"{found.group(1)}{infix}{found.group(2)}" for infix in "式型性"}
    if len(key) == 5 and key[2] in "式型性" and _ZH_TYPE_INFIX.match(key[:2] + key[3:]):
        forms.add(key[:2] + key[3:])
    return forms | enumerated_variants(key)


def enumerated_variants(key: str) -> set[str]:
    """等靠要 ~ 等、靠、要, 共建共治共享 ~ 共建、共治、共享: a slogan of three or more parallel
    units is written with an enumeration comma between them. Units of one character (a
    three- or four-character term), or of two that share a character (共建|共治|共享); never
    two free words (居民参与 → 居民、参与 would match a list of two things)."""
    if not _HAN_ONLY.match(key):
        return set()
    if len(key) in (3, 4):
        return {"、".join(key)}
    units = [key[k : k + 2] for k in range(0, len(key), 2)]
    if (
        len(key) >= 6
        and len(key) % 2 == 0
        and (len({u[0] for u in units}) == 1 or len({u[1] for u in units}) == 1)
    ):
        return {"、".join(units)}
    return set()


def codebook_forms(codes: Iterable) -> Iterator[tuple[str, str, str, bool]]:
    """(variant, code, lang, ambiguous) for every codebook entry, explicit forms first so a
    derived singular never takes a form another code lists, and not-forms (code BLOCKED)."""
    codes = tuple(codes)
    for entry in codes:
        for text, lang in entry.surface_forms():
            if is_gapped(text):
                continue  # matched by kgreview.nlp.gapped
            for variant in variants(text, lang):
                yield variant, entry.id, lang, False
        for lang, group in (("en", entry.ambiguous_en), ("zh", entry.ambiguous_zh)):
            for text in group:
                for variant in variants(text, lang):
                    yield variant, entry.id, lang, True
    for entry in codes:
        for text, lang in entry.surface_forms():
            if is_gapped(text):
                continue
            for variant in singular_variants(text, lang) | spelling_variants(text, lang):
                yield variant, entry.id, lang, False
        for text in entry.not_forms:
            for variant in variants(text, "en" if text.isascii() else "zh"):
                yield variant, BLOCKED, "en" if text.isascii() else "zh", False


def gapped_forms(codes: Iterable) -> list[tuple[str, str]]:
    """(form, code) for every gapped synonym (拓宽…渠道) in the codebook."""
    return [(text, e.id) for e in codes for text, _ in e.surface_forms() if is_gapped(text)]
