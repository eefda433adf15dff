"""Timed transcripts: WebVTT and SRT cue files, and CSV tables (speaker, start, text).

Cues are read in order; consecutive cues of one speaker join into one turn (subtitle tools cut
an utterance into many short cues), a cue without a speaker is a turn of its own. The stored
text is one line per turn, ``[00:01:02] Speaker: words``, and each turn's span is its words.
Speakers come from WebVTT voice tags (``<v Li Na>``) or a ``Name:`` prefix in the cue text.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from pathlib import Path

from kgreview.ingest import Item, ReaderError, ReadOptions, RecordFailure
from kgreview.ingest.text import decoded_file, full_text_document, too_large
from kgreview.ingest.transcript_parse import TS, Turn, normalise_timestamp, with_speakers

_CUE_TIME = re.compile(rf"^\s*(?P<start>{TS})\s*-->\s*(?P<end>{TS})")
_VOICE = re.compile(r"<v(?:\.[\w.]+)?\s+([^>]+)>")
_TAG = re.compile(r"</?[^>]*>")
_SPEAKER = re.compile(r"^\s*(?:-\s*)?([^:：\s][^:：]{0,23}?)\s*(?:：\s*|:\s+)(?=\S)")
_CJK_END = re.compile(r"[\u3400-\u9fff，。！？、；：]$")
SPEAKER_COLUMNS = {"speaker", "说话人", "发言人", "角色", "name", "speaker name", "讲话人"}
TEXT_COLUMNS = {"text", "utterance", "content", "transcript", "内容", "文本", "发言内容", "转写"}
START_COLUMNS = {"start", "start time", "time", "timestamp", "开始时间", "时间", "begin"}

Cue = tuple[str | None, str | None, str]  # timestamp, speaker, words


def _cues_from_blocks(text: str) -> Iterator[Cue]:
    for block in re.split(r"\n\s*\n", text):
        lines = [ln for ln in block.split("\n") if ln.strip()]
        at = next((i for i, ln in enumerate(lines) if _CUE_TIME.match(ln)), None)
        if at is None:
            continue  # the WEBVTT header, NOTE and STYLE blocks
        start = _CUE_TIME.match(lines[at]).group("start")  # type: ignore[union-attr]
        body = " ".join(ln.strip() for ln in lines[at + 1 :])
        voice = _VOICE.search(body)
        words = " ".join(_TAG.sub("", body).split())
        speaker = voice.group(1).strip() if voice else None
        if speaker is None and (named := _SPEAKER.match(words)):
            speaker, words = named.group(1).strip(), words[named.end() :]
        if words:
            yield normalise_timestamp(start), speaker, words


def _join(left: str, right: str) -> str:
    return left + ("" if _CJK_END.search(left) and _CJK_END.search(right[:1]) else " ") + right


def timed_document(path: Path, cues: Iterator[Cue], fmt: str) -> Item:
    """One transcript document of the cues, turns merged per speaker."""
    merged: list[list] = []
    for timestamp, speaker, words in cues:
        if merged and speaker and merged[-1][1] == speaker:
            merged[-1][2] = _join(merged[-1][2], words)
        else:
            merged.append([timestamp, speaker, words])
    if not merged:
        return RecordFailure(1, 1, f"no cues with text in this {fmt} file")
    lines, turns, pos = [], [], 0
    for timestamp, speaker, words in merged:
        prefix = (f"[{timestamp}] " if timestamp else "") + (f"{speaker}: " if speaker else "")
        turns.append(Turn(pos + len(prefix), pos + len(prefix) + len(words), speaker, timestamp))
        lines.append(prefix + words)
        pos += len(prefix) + len(words) + 1
    meta = {
        "type": "transcript",
        "turns": [[t.start, t.end, t.speaker, t.timestamp] for t in turns],
        "participants": with_speakers([], [t for t in turns if t.speaker]),
    }
    return full_text_document(path, "\n".join(lines) + "\n", fmt=fmt, title=path.stem, meta=meta)


def _decoded(path: Path) -> str:
    return decoded_file(path).text


def read(path: Path, options: ReadOptions) -> Iterator[Item]:
    """A WebVTT or SRT file as one transcript document."""
    failure = too_large(path, options)
    if failure:
        yield failure
        return
    yield timed_document(path, _cues_from_blocks(_decoded(path)), options.fmt or "vtt")


def table_columns(header: list[str]) -> tuple[int, int, int | None] | None:
    """(speaker, text, start) column positions of a transcript table header, or None."""
    names = [h.strip().strip('"').lstrip("\ufeff").casefold() for h in header]

    def find(wanted: set[str]) -> int | None:
        return next((i for i, n in enumerate(names) if n in wanted), None)

    speaker, words, start = find(SPEAKER_COLUMNS), find(TEXT_COLUMNS), find(START_COLUMNS)
    return None if speaker is None or words is None else (speaker, words, start)


def read_table(path: Path, options: ReadOptions) -> Iterator[Item]:
    """A CSV/TSV transcript (one row per utterance: speaker, start, text) as one document."""
    failure = too_large(path, options)
    if failure:
        yield failure
        return
    text = _decoded(path)
    first = text.split("\n", 1)[0]
    rows = list(csv.reader(io.StringIO(text), delimiter="\t" if "\t" in first else ","))
    columns = table_columns(rows[0]) if rows else None
    if columns is None:
        raise ReaderError("no speaker and text columns in this transcript table", line=1)
    speaker, words, start = columns

    def cues() -> Iterator[Cue]:
        for row in rows[1:]:
            if len(row) > max(speaker, words) and row[words].strip():
                raw = row[start].strip() if start is not None and len(row) > start else ""
                stamp = normalise_timestamp(raw) if re.fullmatch(TS, raw) else (raw or None)
                yield stamp, row[speaker].strip() or None, " ".join(row[words].split())

    yield timed_document(path, cues(), "transcript_csv")
