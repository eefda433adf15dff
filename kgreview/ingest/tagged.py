"""Line-tagged exports (NoteExpress, EndNote/Refer, RefWorks, CNKI custom, WoS): records
as lists of tags, streamed line by line.

Each format says how a line names its tag, which tag starts a record and which ends one;
a line without a tag continues the previous tag's value (CNKI wraps long addresses, WoS
puts one author or cited reference per continuation line).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from kgreview.ingest import RecordFailure
from kgreview.ingest.stream import TextLines

TagParser = Callable[[str], tuple[str, str] | None]


@dataclass(slots=True)
class Entry:
    """One tag occurrence: the value's first line and its continuation lines."""

    tag: str
    lines: list[str]

    @property
    def value(self) -> str:
        return "\n".join(self.lines)


@dataclass(slots=True)
class RawRecord:
    line: int  # where the record starts
    number: int  # its place in the file, from 1
    entries: list[Entry] = field(default_factory=list)
    complete: bool = True  # False: the file ended before the record's end tag

    def values(self, *tags: str, sep: str = " ") -> list[str]:
        """Every value of these tags, continuation lines joined with ``sep``."""
        return [sep.join(e.lines).strip() for e in self.entries if e.tag in tags]

    def first(self, *tags: str, sep: str = " ") -> str:
        """The first non-empty value among these tags, in the order given."""
        for tag in tags:
            for value in self.values(tag, sep=sep):
                if value:
                    return value
        return ""

    def items(self, *tags: str) -> list[str]:
        """Every line of these tags as its own item (WoS's one author per line)."""
        return [x.strip() for e in self.entries if e.tag in tags for x in e.lines if x.strip()]


def regex_parser(pattern: str) -> TagParser:
    """A tag parser from a regex with two groups, tag and value."""
    compiled = re.compile(pattern)

    def parse(line: str) -> tuple[str, str] | None:
        found = compiled.match(line)
        return (found.group(1), found.group(2) or "") if found else None

    return parse


def lowercase_tags(parse: TagParser) -> TagParser:
    """Tags compared casefolded (CNKI writes ``{Author}`` and ``{author}`` alike)."""

    def parse_lower(line: str) -> tuple[str, str] | None:
        tagged = parse(line)
        return (tagged[0].casefold(), tagged[1]) if tagged else None

    return parse_lower


def read_records(
    lines: TextLines,
    parse: TagParser,
    start: str,
    end: str | None = None,
    continuation: re.Pattern[str] | None = None,
) -> Iterator[RawRecord]:
    """Records in file order. ``start``: the tag that opens a record; ``end``: the tag that
    closes one (a record the file cuts off comes out with ``complete=False``);
    ``continuation``: lines that may continue a value (default: any non-empty line)."""
    current: RawRecord | None = None
    count = 0
    for text in lines:
        tagged = parse(text)
        if tagged is not None:
            tag, value = tagged
            if tag == start:
                if current is not None:
                    current.complete = end is None
                    yield current
                count += 1
                current = RawRecord(lines.line, count)
            if current is None:
                continue  # a file header such as WoS's FN/VR
            if end is not None and tag == end:
                yield current
                current = None
                continue
            current.entries.append(Entry(tag, [value.strip()]))
        elif (
            current is not None
            and current.entries
            and text.strip()
            and (continuation is None or continuation.match(text))
        ):
            current.entries[-1].lines.append(text.strip())
    if current is not None:
        current.complete = end is None
        yield current


def truncated(raw: RawRecord, end: str) -> RecordFailure:
    """The failure for a record the file cuts off before its ``end`` tag."""
    return RecordFailure(raw.line, raw.number, f"truncated record (the file ends before {end})")
