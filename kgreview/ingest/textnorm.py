"""Bytes → text: any encoding in, ``\\n``-terminated Unicode out, with the decision recorded."""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from charset_normalizer import from_bytes

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


LIKELY_ENCODINGS = ["gb18030", "big5", "utf_16", "utf_32", "cp1252", "latin_1"]


class DecodeError(ValueError):
    """The bytes are not text in any encoding we can tell (``line``: where, when known)."""

    def __init__(self, reason: str, line: int = 1) -> None:
        super().__init__(reason)
        self.line = line


# A UTF-8 file damaged somewhere is still a UTF-8 file: with this much valid multi-byte text
# before the bad bytes, guessing another encoding would only turn the whole file to mojibake.
UTF8_EVIDENCE_CHARS = 8
UTF8_EVIDENCE_BYTES = 1 << 16


def damaged_utf8(data: bytes, complete: bool = True) -> tuple[int, str] | None:
    """Where ``data`` stops being UTF-8 if it plainly is UTF-8 up to there (the line and a
    message naming it), else None (valid UTF-8, or more likely another encoding)."""
    decoder = codecs.getincrementaldecoder("utf-8")("strict")
    try:
        decoder.decode(data, final=complete)
        return None
    except UnicodeDecodeError as exc:
        good = data[: exc.start].decode("utf-8", errors="ignore")
        wide = sum(1 for ch in good if ord(ch) > 0x7F)
        if wide < UTF8_EVIDENCE_CHARS and exc.start < UTF8_EVIDENCE_BYTES:
            return None
        line = good.replace("\r\n", "\n").replace("\r", "\n").count("\n") + 1
        return line, f"undecodable bytes on line {line} (read as utf-8): {exc.reason}"


@dataclass(frozen=True, slots=True)
class DecodedText:
    text: str
    encoding: str
    newline: str  # the source's line-ending convention: "\n", "\r\n", "\r" or "" (one line)


def _newline_of(text: str) -> str:
    if "\r\n" in text:
        return "\r\n"
    if "\r" in text:
        return "\r"
    return "\n" if "\n" in text else ""


def decode_bytes(data: bytes) -> DecodedText:
    """Decode with a BOM if present, else strict UTF-8, else charset-normalizer's best guess.

    The guess is first made among the encodings our users' files come in (GB18030/GBK from
    CNKI, Big5 from Taiwan and Hong Kong, UTF-16, Windows Latin), which short inputs need;
    only then among all encodings.
    """
    encoding = next((name for bom, name in _BOMS if data.startswith(bom)), None)
    text: str | None = None
    if encoding:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as exc:
            raise DecodeError(
                f"invalid {encoding} after its byte-order mark: {exc.reason}"
            ) from exc
    else:
        try:
            text, encoding = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            damaged = damaged_utf8(data)
            if damaged:
                raise DecodeError(damaged[1], line=damaged[0]) from None
            best = from_bytes(data, cp_isolation=LIKELY_ENCODINGS).best()
            best = best or from_bytes(data).best()
            if best is None:
                raise DecodeError("not text in any encoding we recognise") from None
            text, encoding = str(best), best.encoding
    if "\x00" in text:
        raise DecodeError(f"binary content (NUL characters after decoding as {encoding})")
    newline = _newline_of(text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return DecodedText(text=text, encoding=encoding or "utf-8", newline=newline)
