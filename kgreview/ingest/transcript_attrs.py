"""Participant descriptors → typed attributes.

``R7 (male, 41, delivery driver, tenant since 2015)`` and ``张阿姨（女，63岁，退休教师，楼栋长）``
both become ``{gender, age, occupation, tenure, role, origin …}``: gender normalised to ``female`` /
``male``, age an int, a year of moving in (``since 2015``, ``2015年入住``) an int ``since``,
years lived there (``住了20年``, ``12 years in the estate``) an int ``tenure_years``.
Labelled items (``年龄：63``, ``role: volunteer``) go to their key; what no rule claims is
kept in ``notes`` so nothing the transcriber wrote is lost.
"""

from __future__ import annotations

import re
from typing import Any

_GENDER = {
    "male": "male", "man": "male", "m": "male", "男": "male", "男性": "male",
    "female": "female", "woman": "female", "f": "female", "女": "female", "女性": "female",
}  # fmt: skip
_AGE = re.compile(
    r"^(?:aged?\s*|年龄\s*[:：]?\s*)?(\d{1,3})\s*(?:岁|周岁|years? old|y/?o|yrs?)?$", re.I
)
_SINCE = re.compile(
    r"(?:since|from|自)\s*((?:19|20)\d\d)|((?:19|20)\d\d)\s*年?\s*(?:起|入住|搬来|搬入)"
)
_YEARS = re.compile(r"(\d{1,2})\s*(?:多)?\s*(?:years?|yrs?|年)", re.I)
_TENURE_WORDS = re.compile(
    r"tenant|owner|resident|lived|living|moved|since|租户|业主|居住|住了|入住|搬来|老住户|原住民",
    re.I,
)
_ROLE_WORDS = re.compile(
    r"楼栋长|楼长|单元长|居民代表|志愿者|党员|业委会|委员|组长|队长|书记|主任|网格员|社工|理事|会长|"
    r"volunteer|representative|committee|chair|leader|warden|member|secretary|coordinator|"
    r"social worker|organi[sz]er|head",
    re.I,
)
_EDUCATION = re.compile(
    r"^(?:小学|初中|高中|中专|大专|本科|硕士|博士|primary school|secondary school|high school|"
    r"college|bachelor'?s?|master'?s?|phd)(?:学历|毕业| degree| educated)?$",
    re.I,
)
# Where someone comes from ("from Sichuan", 来自河南, 籍贯：湖南, 四川籍) is not their job.
_ORIGIN = re.compile(r"^(?:from\s+|来自|籍贯\s*[:：]?\s*)(?P<a>.+)$|^(?P<b>\S{2,8})籍$", re.I)
_LABELLED = re.compile(r"^([^:：=]{1,12})\s*[:：=]\s*(.+)$")
_KEYS = {
    "性别": "gender", "gender": "gender", "sex": "gender", "年龄": "age", "age": "age",
    "职业": "occupation", "occupation": "occupation", "job": "occupation",
    "身份": "role", "角色": "role", "role": "role", "居住年限": "tenure", "tenure": "tenure",
    "学历": "education", "education": "education",
}  # fmt: skip
_SPLIT = re.compile(r"\s*[,，;；、/]\s*")
_PARENS = re.compile(r"^(?P<label>[^(（]+?)\s*[(（](?P<inside>.*)[)）]\s*$")


def split_descriptor(value: str) -> tuple[str, str]:
    """``张阿姨（女，63岁）`` → (``张阿姨``, ``女，63岁``); no parentheses → (value, "")."""
    found = _PARENS.match(value.strip())
    if not found:
        return value.strip(), ""
    return found.group("label").strip(), found.group("inside").strip()


def split_listed(value: str) -> tuple[str, str]:
    """``W，女，62岁，退休教师`` → (``W``, ``女，62岁，退休教师``): a short label, then items of
    which at least one is a gender or an age; anything else → (value, "")."""
    head, comma, _ = value.strip().replace("，", ",").partition(",")
    label, rest = head.strip(), value.strip()[len(head) + 1 :].strip() if comma else ""
    items = [i for i in _SPLIT.split(rest) if i]
    described = any(i.casefold() in _GENDER or _AGE.match(i) for i in items)
    short = len(label) <= 8 if re.search(r"[\u3400-\u9fff]", label) else len(label.split()) <= 3
    return (label, rest) if label and described and short else (value.strip(), "")


def _typed(key: str, value: str) -> Any:
    if key == "gender":
        return _GENDER.get(value.casefold(), value)
    if key == "age" and (age := _AGE.match(value)):
        return int(age.group(1))
    return value


def parse_attributes(inside: str) -> dict[str, Any]:
    """The typed attributes of one descriptor's parenthesised part."""
    attributes: dict[str, Any] = {}
    notes: list[str] = []
    for item in filter(None, _SPLIT.split(inside.strip())):
        labelled = _LABELLED.match(item)
        key = _KEYS.get(labelled.group(1).strip().casefold()) if labelled else None
        if labelled and key:
            attributes[key] = _typed(key, labelled.group(2).strip())
        elif "gender" not in attributes and item.casefold() in _GENDER:
            attributes["gender"] = _GENDER[item.casefold()]
        elif "age" not in attributes and (age := _AGE.match(item)):
            attributes["age"] = int(age.group(1))
        elif "tenure" not in attributes and _TENURE_WORDS.search(item):
            attributes["tenure"] = item
            if since := _SINCE.search(item):
                attributes["since"] = int(since.group(1) or since.group(2))
            elif years := _YEARS.search(item):
                attributes["tenure_years"] = int(years.group(1))
        elif "origin" not in attributes and (origin := _ORIGIN.match(item)):
            attributes["origin"] = origin.group("a") or origin.group("b")
        elif "education" not in attributes and _EDUCATION.match(item):
            attributes["education"] = item
        elif "occupation" not in attributes and not _ROLE_WORDS.search(item):
            attributes["occupation"] = item
        elif "role" not in attributes:
            attributes["role"] = item
        else:
            notes.append(item)
    if notes:
        attributes["notes"] = "; ".join(notes)
    return attributes
