"""Interview transcripts in plain text: header metadata, speaker turns, timestamps.

Turns start at a speaker label at the start of a line — ``Interviewer:``, ``R7:``, ``访谈者：``,
``Q:``/``A:``, a name — optionally with a timestamp before or after it (``[00:01:02] R7:``,
``R7 (1:02):``), or in the transcription-service shape ``说话人1 00:01:02`` alone on its line
(the words follow on the next lines). A label counts as a speaker when it is a known role word
or recurs; the turn runs to the next turn. A turn's span is its words (label and timestamp
excluded), in code points of the text.

The header is the block of ``Key: value`` lines before the first turn: ``Participant: R7 (male,
41, …)``, ``受访者：张阿姨（女，63岁，…）``, ``Interviewer: …``, date, place. Each declared person
becomes a participant; a turn whose label is the person's label, or the role word they were
declared under (``受访者``), is theirs.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from kgreview.ingest.transcript_attrs import parse_attributes, split_descriptor, split_listed

TS = r"\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?"
_TS = re.compile(TS)
_LABEL = r"[^\s:：\[\]()（）\d\"“”'‘’#*\-—–>•][^\r\n:：\[\]()（）。，,？?！!；;\"“”]{0,23}?"
_TURN = re.compile(
    rf"^[ \t]*(?:[\[(（](?P<ts1>{TS})[\])）][ \t]*|(?P<ts2>{TS})[ \t]+)?"
    rf"(?P<label>{_LABEL})"
    # the speaker's particulars after the label ("P3 (female, 67):", "受访者（A3，女，67岁）："):
    # no label of their own, and no time (a colon or a timestamp inside is not particulars)
    rf"(?:[ \t]*[(（](?![ \t]*{TS})(?P<desc>[^()（）\r\n:：]{{1,40}})[)）])?"
    rf"(?:[ \t]*[\[(（]?(?P<ts3>{TS})[\])）]?)?"
    rf"(?:[ \t]*[:：][ \t]*(?:[\[(（](?P<ts4>{TS})[\])）][ \t]*)?|(?(ts3)[ \t]*$|(?!)))",
    re.MULTILINE,
)
# Role words: they make a label a speaker even when used once.
INTERVIEWER_WORDS = {
    "interviewer", "i", "q", "moderator", "facilitator", "researcher", "访谈者", "访谈员", "访员",
    "问", "主持人", "研究者", "访问者", "采访者",
}  # fmt: skip
INTERVIEWEE_WORDS = {
    "interviewee", "respondent", "participant", "r", "a", "受访者", "被访者", "访谈对象", "答",
    "被访谈者", "受访人",
}  # fmt: skip
_SERVICE_LABEL = re.compile(r"^(?:说话人|发言人|speaker)\s*\d+$", re.I)
_HEADER_KEYS = {
    "date": "date", "interview date": "date", "日期": "date", "访谈时间": "date", "时间": "date",
    "访谈日期": "date", "place": "place", "location": "place", "venue": "place", "地点": "place",
    "访谈地点": "place", "duration": "duration", "时长": "duration", "访谈时长": "duration",
    "title": "title", "topic": "title", "主题": "title", "访谈主题": "title", "题目": "title",
    "interview": "code", "interview no": "code", "interview id": "code", "编号": "code",
    "访谈编号": "code", "transcriber": "transcriber", "转录": "transcriber",
    "记录人": "transcriber",
}  # fmt: skip
_PERSON_KEYS = INTERVIEWER_WORDS | INTERVIEWEE_WORDS | {"participants", "参与者", "interviewee(s)"}
_HEADER_LINE = re.compile(r"^[ \t]*([^:：\n]{1,20}?)[ \t]*[:：][ \t]*(.+?)[ \t]*$")
_SENTENCE_END = re.compile(r"[.?!。？！…]$")
# A first line naming the document's genre ("Interview transcript: P4 (…)", "访谈记录：…") is
# its title, though it looks like a label and a colon.
_GENRE_LABEL = re.compile(
    r"transcript|interview(?!er|ee)|focus group|notes|excerpt|访谈(?!者|员)|记录|笔记|摘录|座谈",
    re.I,
)
_CJK = re.compile(r"[\u3400-\u9fff]")


@dataclass(frozen=True, slots=True)
class Turn:
    start: int  # the words, in code points of the text
    end: int
    speaker: str
    timestamp: str | None = None


@dataclass(slots=True)
class Transcript:
    turns: list[Turn]
    participants: list[dict[str, Any]] = field(default_factory=list)
    header: dict[str, str] = field(default_factory=dict)


def normalise_timestamp(raw: str | None) -> str | None:
    """``1:02`` → ``00:01:02``; ``00:01:02,500`` → ``00:01:02.500``."""
    if not raw:
        return None
    main, _, fraction = raw.replace(",", ".").partition(".")
    parts = [int(p) for p in main.split(":")]
    while len(parts) < 3:
        parts.insert(0, 0)
    hms = "{:02d}:{:02d}:{:02d}".format(*parts)
    return f"{hms}.{fraction.ljust(3, '0')}" if fraction else hms


def role_of(label: str) -> str | None:
    """``interviewer`` / ``interviewee`` for a role word, else None."""
    key = label.strip().casefold()
    if key in INTERVIEWER_WORDS:
        return "interviewer"
    if key in INTERVIEWEE_WORDS:
        return "interviewee"
    return None


def _person(key: str, value: str) -> dict[str, Any] | None:
    """A declared person (``Participant: R7 (male, 41)``, ``访谈者：王老师``), or None."""
    label, inside = split_descriptor(value)
    if not inside:  # "访谈对象：W，女，62岁，退休教师"
        label, inside = split_listed(value)
    folded = key.casefold()
    person_key = folded in _PERSON_KEYS or key.endswith(("者", "人"))
    # A bare name (``Li Na``, ``张阿姨``), not the first words of an answer.
    cjk = bool(_CJK.search(value))
    short = len(value) <= 6 if cjk else len(value) <= 24 and len(value.split()) <= 3
    short_name = short and not _SENTENCE_END.search(value) and not inside
    if not person_key or not (inside or short_name):
        return None
    attributes = parse_attributes(inside) if inside else {}
    if role_of(key) == "interviewer":
        attributes["interviewer"] = True
    return {"label": label, "declared_as": key, "attributes": attributes}


def _header(text: str) -> tuple[dict[str, str], list[dict[str, Any]], int]:
    """Header fields, declared people and where the header ends (the turns start after it)."""
    fields: dict[str, str] = {}
    people: list[dict[str, Any]] = []
    pos = 0
    for line in text.splitlines(keepends=True):
        bare = line.rstrip("\r\n")
        if not bare.strip():
            pos += len(line)
            continue
        declared = _declarations(bare)
        if declared is not None:
            for key, value, person in declared:
                if person is None:
                    fields[_HEADER_KEYS[key.casefold()]] = value
                else:
                    people.append(person)
        elif not (fields or people) and not _turn_line(bare):
            fields["title"] = bare.strip()
            people += _title_people(bare)  # "Interview excerpt, … (interviewer: I; R5, female, 38)"
        else:
            break
        pos += len(line)
    return fields, people, pos


def _turn_line(line: str) -> bool:
    found = _TURN.match(line)
    return found is not None and not _GENRE_LABEL.search(found.group("label"))


def _declarations(line: str) -> list[tuple[str, str, dict[str, Any] | None]] | None:
    """The ``key: value`` items of a header line — several when ；/; separate them ("访谈对象：W，
    女，62岁；访谈者：笔者") — when each is a header field or a declared person; else None."""
    items = []
    for part in re.split(r"\s*[；;]\s*", line.strip()):
        found = _HEADER_LINE.match(part)
        if not found:
            return None
        key, value = found.group(1).strip(), found.group(2)
        person = None if key.casefold() in _HEADER_KEYS else _person(key, value)
        if person is None and key.casefold() not in _HEADER_KEYS:
            return None
        items.append((key, value, person))
    return items


def declared_from(line: str) -> int:
    """Where a header line's declarations start: 0 for a ``key: value`` line (fields, people),
    the closing parentheses of a title that declares people, else the line's length."""
    if _declarations(line) is not None:
        return 0
    found = _TITLE_PEOPLE.search(line)
    return found.start() if found and _title_people(line) else len(line)


_TITLE_PEOPLE = re.compile(r"\s*[(（]([^()（）]*[:：,，][^()（）]*)[)）]\s*$")


def _title_people(title: str) -> list[dict[str, Any]]:
    """People declared in a title's closing parentheses: ``(interviewer: I; R5, female, 38)``."""
    found = _TITLE_PEOPLE.search(title)
    people = []
    for part in re.split(r"\s*[；;]\s*", found.group(1)) if found else ():
        keyed = _HEADER_LINE.match(part)
        person = _person(keyed.group(1).strip(), keyed.group(2)) if keyed else None
        label, inside = split_listed(part)
        if person is None and inside:
            person = {"label": label, "declared_as": "", "attributes": parse_attributes(inside)}
        people += [person] if person else []
    return people


def parse_transcript(text: str, min_turns: int = 4) -> Transcript | None:
    """The transcript in ``text``, or None when it does not read as one (too few turns, fewer
    than two speakers, or labelled lines too sparse among the lines)."""
    fields, people, header_end = _header(text)
    candidates = list(_TURN.finditer(text, header_end))
    counts = Counter(m.group("label").strip() for m in candidates)
    speakers = {
        label for label, n in counts.items()
        if n >= 2 or role_of(label) or _SERVICE_LABEL.match(label)
    }  # fmt: skip
    starts = [m for m in candidates if m.group("label").strip() in speakers]
    lines = sum(1 for ln in text[header_end:].splitlines() if ln.strip())
    distinct = {m.group("label").strip() for m in starts}
    if len(starts) < min_turns or len(distinct) < 2 or len(starts) < 0.15 * lines:
        return None
    turns = []
    for n, match in enumerate(starts):
        stop = starts[n + 1].start() if n + 1 < len(starts) else len(text)
        begin, end = match.end(), stop
        while begin < end and text[begin].isspace():
            begin += 1
        while end > begin and text[end - 1].isspace():
            end -= 1
        raw_ts = next(filter(None, match.group("ts1", "ts2", "ts3", "ts4")), None)
        turns.append(Turn(begin, end, match.group("label").strip(), normalise_timestamp(raw_ts)))
    described = {m.group("label").strip(): m.group("desc") for m in starts if m.group("desc")}
    return Transcript(turns, with_speakers(people, turns, described), fields)


def with_speakers(
    people: list[dict[str, Any]], turns: list[Turn], described: dict[str, str] | None = None
) -> list[dict[str, Any]]:
    """Declared people plus every speaker no declaration covers (aliases map role words); an
    undeclared speaker's particulars come from their label's parentheses."""
    declared = {p["label"] for p in people}
    for person in people:
        declared_as = person["declared_as"]
        person["aliases"] = [declared_as] if declared_as not in ("", person["label"]) else []
    by_role: dict[str, list[dict[str, Any]]] = {}
    for person in people:
        by_role.setdefault(role_of(person["declared_as"]) or "", []).append(person)
    for speaker in dict.fromkeys(t.speaker for t in turns):
        if speaker in declared or any(speaker in p["aliases"] for p in people):
            continue
        role = role_of(speaker)
        if role and len(by_role.get(role, ())) == 1:
            by_role[role][0]["aliases"].append(speaker)  # "A:" is the one interviewee
            continue
        attributes: dict[str, Any] = {"interviewer": True} if role == "interviewer" else {}
        if (described or {}).get(speaker):
            attributes = {**parse_attributes(described[speaker]), **attributes}
        people.append({"label": speaker, "declared_as": "", "attributes": attributes})
        people[-1]["aliases"] = []
    return [{k: v for k, v in p.items() if k != "declared_as"} for p in people]
