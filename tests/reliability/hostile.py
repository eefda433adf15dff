"""Hostile inputs for every reader, each with what ingest must do with it.

``refused``: exactly one stderr line naming the file, nothing of it stored. ``partial``: one
line naming the file (and the record or line), the named good titles stored. ``read``: no
line, the named titles stored (the input is odd but valid, e.g. mixed line endings).
"""

from __future__ import annotations

import random
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from tests.reliability import formats as f

SECRET = "HOSTILE-SECRET-7f3a"  # planted in a file an external entity points at
BIG_LINE = 12 * 1024 * 1024
PAD = 70 * 1024
BOMB_BYTES = (
    600 * 1024 * 1024
)  # inflated; deflates about 1000:1  # past the 64 KB head the encoding is sniffed from


@dataclass(slots=True)
class Case:
    name: str  # file name inside the batch folder
    data: bytes
    expect: str  # refused | partial | read
    reason: str = ""  # a regex the failure line must match
    titles: list[str] = field(default_factory=list)  # must be in the store afterwards


class Titles:
    """Unique record titles, so every survivor can be found in the store."""

    def __init__(self) -> None:
        self.n = 0

    def __call__(self, what: str) -> str:
        self.n += 1
        return f"Hostile survivor {self.n:03d} {what}"


def noise(seed: int, size: int = 4096, nul: bool = True) -> bytes:
    rng = random.Random(seed)
    low = 0 if nul else 0x80
    return bytes(rng.randrange(low, 256) for _ in range(size))


def _text_writer(fmt: str):
    if fmt in f.TAGGED:
        return f.TAGGED[fmt][0], lambda titles, a=f.ABSTRACT: f.tagged_file(fmt, titles, a)
    return f.TABLES[fmt][0], lambda titles, a=f.ABSTRACT: f.table_file(fmt, titles, a)


RECORD_FORMATS = [*f.TAGGED, "wos_tab", "scopus", "csv"]


def record_cases(fmt: str, title: Titles, big: bool) -> list[Case]:
    """The hostile variants of one multi-record text export."""
    ext, write = _text_writer(fmt)
    cases = [
        Case(f"{fmt}-empty{ext}", b"", "refused", "empty file"),
        Case(f"{fmt}-noise{ext}", noise(1), "refused", "binary|undecodable|unknown format"),
        Case(f"{fmt}-highnoise{ext}", noise(2, nul=False), "refused",
             "binary|undecodable|unknown format|no records"),
    ]  # fmt: skip
    # Truncated: a good record, then one the export cut off before its title.
    good = title(f"{fmt} before a truncated record")
    whole = write([good, "CUT-HERE"])
    if fmt in f.TABLES:  # the last row ends right after its title cell
        cut = whole[: whole.index("CUT-HERE") + len("CUT-HERE")]
    else:  # the last record ends before its title
        cut = whole[: whole.index("CUT-HERE")].rsplit("\n", 1)[0] + "\n"
    cases.append(Case(f"{fmt}-truncated{ext}", cut.encode(), "partial",
                      "record 2|truncated|missing title|unbalanced", [good]))  # fmt: skip
    # Mixed line ends: \r\n, \r and \n in one file.
    mixed_titles = [title(f"{fmt} mixed line ends"), title(f"{fmt} mixed line ends")]
    lines = write(mixed_titles).split("\n")
    ends = ["\r\n", "\r", "\n"]
    mixed = "".join(line + ends[n % 3] for n, line in enumerate(lines[:-1])) + lines[-1]
    cases.append(Case(f"{fmt}-mixed-eol{ext}", mixed.encode(), "read", "", mixed_titles))
    # Declared UTF-8 (a BOM) over GB18030 bytes: one line naming where decoding failed.
    gbk = write([title(f"{fmt} 编码错误")]).encode("gb18030")
    cases.append(Case(f"{fmt}-bom-gbk{ext}", b"\xef\xbb\xbf" + gbk, "refused", "undecodable"))
    # NUL bytes and invalid UTF-8 after the head: the records before them still go in.
    for kind, poison in (("nul", b"\x00\x00"), ("badutf8", b"\xff\xfe\xc3\x28")):
        first = title(f"{fmt} before {kind}")
        head = write([first], "社区" * (PAD // 6) + ".").encode()
        tail = write(["POISON " + title(f"{fmt} poisoned")]).encode()
        if fmt in f.TABLES or fmt == "wos":  # one header: append rows/records only
            tail = tail.split(b"\n", 1)[1] if fmt != "wos" else tail.split(b"VR 1.0\n", 1)[1]
        if fmt in f.TABLES or fmt == "wos":
            head = head.removesuffix(b"EF\n")
        data = head + tail.replace(b"POISON", poison, 1)
        cases.append(Case(f"{fmt}-{kind}{ext}", data, "partial",
                          "NUL|binary|undecodable", [first]))  # fmt: skip
    if big:  # a 12 MB single line: the record fails on the text limit, its neighbour stays
        after = title(f"{fmt} after a 12 MB line")
        text = write(["BIG " + title(f"{fmt} 12 MB"), after]).replace(f.ABSTRACT, "x" * BIG_LINE, 1)
        cases.append(Case(f"{fmt}-12mb-line{ext}", text.encode(), "partial",
                          "exceeds the limit|larger than", [after]))  # fmt: skip
    if fmt == "bibtex":
        ok = title("bibtex after unbalanced braces")
        text = "@article{u, title = {Open {brace}, year = {2020},\n\n" + write([ok])
        cases.append(Case("bibtex-unbalanced.bib", text.encode(), "partial", "unbalanced", [ok]))
    if fmt == "csv":
        cases.append(Case("csv-no-header.csv", b"foo,bar,baz\n1,2,3\n4,5,6\n", "refused",
                          "column|header"))  # fmt: skip
        cases.append(Case("csv-header-only.csv", b"\xe9\xa2\x98\xe5\x90\x8d,abc\n", "refused",
                          "no records|no rows|empty"))  # fmt: skip
    return cases


def single_text_cases(title: Titles, big: bool) -> list[Case]:
    """Plain texts and transcripts in .txt, .vtt, .srt, transcript CSV."""
    cases = []
    for fmt, ext, write in (
        ("text", ".txt", lambda t: f"{t}\n\n{f.ABSTRACT}\n"),
        ("md", ".md", lambda t: f"# {t}\n\n{f.ABSTRACT}\n"),
        ("transcript", ".txt", f.transcript_txt),
        ("vtt", ".vtt", f.vtt_file),
        ("srt", ".srt", f.srt_file),
        ("tcsv", ".csv", lambda t: f.table_file("transcript_csv", [t])),
    ):
        cases.append(Case(f"{fmt}-empty{ext}", b"", "refused", "empty file"))
        cases.append(Case(f"{fmt}-noise{ext}", noise(3), "refused", "binary"))
        mixed_title = title(f"{fmt} mixed line ends")
        text = write(mixed_title)
        ends = ["\r\n", "\r", "\n"]
        mixed = "".join(ln + ends[n % 3] for n, ln in enumerate(text.split("\n")))
        cases.append(Case(f"{fmt}-mixed-eol{ext}", mixed.encode(), "read", "", [mixed_title]))
        gbk = write(title(f"{fmt} 编码错误")).encode("gb18030")
        cases.append(Case(f"{fmt}-bom-gbk{ext}", b"\xef\xbb\xbf" + gbk, "refused", "undecodable"))
        bad = write(title(f"{fmt} nul")).encode()
        cases.append(Case(f"{fmt}-nul{ext}", bad[:40] + b"\x00" + bad[40:], "refused",
                          "NUL|binary"))  # fmt: skip
        cases.append(Case(f"{fmt}-badutf8{ext}", bad[: PAD // 2] + b"\n" + "社".encode() * PAD
                          + b"\xff\xfe\n" + bad, "refused", "undecodable"))  # fmt: skip
        if fmt in ("vtt", "srt", "transcript"):
            cut = write(title(f"{fmt} truncated"))
            cases.append(Case(f"{fmt}-truncated{ext}", cut[: len(cut) * 2 // 3].encode(),
                              "any", ""))  # fmt: skip
        if big:  # one cue/turn holds the 12 MB line
            line = write("BIGLINE").replace("BIGLINE", "x" * BIG_LINE, 1).encode()
            cases.append(Case(f"{fmt}-12mb-line{ext}", line, "refused",
                              "exceeds the limit|larger than"))  # fmt: skip
    return cases


BILLION_LAUGHS = (
    b'<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + b"".join(
        b'<!ENTITY lol%d "%s">' % (n, b"".join(b"&lol%s;" % (b"" if n == 1 else b"%d" % (n - 1))
                                               for _ in range(10)))
        for n in range(1, 10)
    )
    + b"]>\n"
)  # fmt: skip


def xxe(secret: Path) -> bytes:
    return (
        b'<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY xxe SYSTEM "file://%s">]>\n'
        % str(secret).encode()
    )


def bomb_zip(names: list[str], extra: dict[str, bytes], size: int) -> bytes:
    """A zip whose entries ``names`` inflate to ``size`` bytes of zeros each (1000:1)."""
    import io

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name in names:
            with archive.open(name, "w", force_zip64=True) as handle:
                block = bytes(1 << 20)
                for _ in range(size >> 20):
                    handle.write(block)
        for name, data in extra.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def container_cases(title: Titles, secret: Path, outside: Path, big: bool) -> list[Case]:
    """Word, Excel, PDF, REFI-QDA: damaged containers and booby-trapped XML."""
    docx_ok = f.docx_file(title("docx template"))
    xlsx_ok = f.xlsx_file([title("xlsx template")])
    qdpx_ok = f.qdpx_file(title("qdpx template"))
    word = '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    body = word + "<w:body><w:p><w:r><w:t>{}</w:t></w:r></w:p></w:body></w:document>"
    qde = '<Project xmlns="urn:QDA-XML:project:1.0" name="{}"/>'
    qdc = '<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code guid="00000000-0000-0000-0000-0000000000c9" name="{}" isCodable="true"/></Codes></CodeBook>'  # noqa: E501
    laughs = {
        "docx": f.docx_file("x", BILLION_LAUGHS + body.format("&lol9;").encode()),
        "qdpx": f.zip_bytes({"project.qde": BILLION_LAUGHS + qde.format("&lol9;").encode()}),
        "qdc": BILLION_LAUGHS + qdc.format("&lol9;").encode(),
        "qde": BILLION_LAUGHS + qde.format("&lol9;").encode(),
    }
    external = {
        "docx": f.docx_file("x", xxe(secret) + body.format("&xxe;").encode()),
        "qdpx": f.zip_bytes({"project.qde": xxe(secret) + qde.format("&xxe;").encode()}),
        "qdc": xxe(secret) + qdc.format("&xxe;").encode(),
    }
    cases = []
    for kind, data in laughs.items():
        cases.append(Case(f"laughs.{kind}", data, "refused", "refused|entit|DTD|unreadable"))
    for kind, data in external.items():
        cases.append(Case(f"xxe.{kind}", data, "refused", "refused|entit|DTD|unreadable"))
    xlsx_laughs = _replace_entry(xlsx_ok, "xl/worksheets/sheet1.xml", BILLION_LAUGHS)
    cases.append(Case("laughs.xlsx", xlsx_laughs, "refused", "refused|entit|DTD|unreadable"))
    for ext, good in (("docx", docx_ok), ("xlsx", xlsx_ok), ("qdpx", qdpx_ok),
                      ("pdf", f.pdf_file("Hostile pdf template"))):  # fmt: skip
        cases.append(Case(f"{ext}-empty.{ext}", b"", "refused", "empty file"))
        cases.append(Case(f"{ext}-noise.{ext}", noise(4), "refused", "binary|unreadable"))
        cases.append(Case(f"{ext}-truncated.{ext}", good[: len(good) // 2], "refused",
                          "unreadable|not a|truncated|zip|unknown format|PDF"))  # fmt: skip
        if ext == "pdf":
            cases.append(Case("pdf-header-noise.pdf", b"%PDF-1.7\n" + noise(5), "refused",
                              "PDF"))  # fmt: skip
            continue
        for slip, target in (("dotdot", "../../escaped.txt"), ("absolute", f"{outside}/abs.txt")):
            data = _add_entry(good, target, b"owned")
            cases.append(Case(f"{ext}-zipslip-{slip}.{ext}", data, "refused",
                              "outside|refused"))  # fmt: skip
        if big:
            name = {"docx": "word/document.xml", "xlsx": "xl/sharedStrings.xml",
                    "qdpx": "Sources/s.txt"}[ext]  # fmt: skip
            others = _entries(good)
            others.pop(name, None)
            data = bomb_zip([name], others, BOMB_BYTES)
            cases.append(Case(f"{ext}-zipbomb.{ext}", data, "refused",
                              "refused|larger|inflates|limit"))  # fmt: skip
    for kind in ("qdc", "qde"):
        cases.append(Case(f"{kind}-truncated.{kind}", f.qdc_xml()[:60] if kind == "qdc"
                          else f.qde_xml("t")[:90], "refused", "not well-formed|XML"))  # fmt: skip
        cases.append(Case(f"{kind}-nul.{kind}", f.qdc_xml().replace(b"Codes>", b"Co\x00des>", 1)
                          if kind == "qdc" else f.qde_xml("n").replace(b"<Sources>", b"\x00"),
                          "refused", "not well-formed|XML|binary"))  # fmt: skip
    declared = f.qdc_xml("编码声明错误").replace(b'encoding="utf-8"', b'encoding="GBK"')
    cases.append(Case("qdc-wrong-encoding.qdc", declared, "any", ""))
    return cases


def _entries(data: bytes) -> dict[str, bytes]:
    import io

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {i.filename: archive.read(i) for i in archive.infolist()}


def _replace_entry(data: bytes, name: str, prefix: bytes) -> bytes:
    entries = _entries(data)
    xml = entries[name]
    body = xml.split(b"?>", 1)[1] if xml.startswith(b"<?xml") else xml
    entries[name] = prefix + body.replace(b"<sheetData>", b"<sheetData>&lol9;", 1)
    return f.zip_bytes(entries)


def _add_entry(data: bytes, name: str, payload: bytes) -> bytes:
    entries = _entries(data)
    entries[name] = payload
    return f.zip_bytes(entries)


def all_cases(secret: Path, outside: Path, big: bool) -> list[Case]:
    """Every hostile input of the battery (``big``: the 12 MB lines and zip bombs too)."""
    title = Titles()
    cases = [c for fmt in RECORD_FORMATS for c in record_cases(fmt, title, big)]
    cases += single_text_cases(title, big)
    cases += container_cases(title, secret, outside, big)
    names = [c.name for c in cases]
    assert len(names) == len(set(names)), "case names must be unique"
    return cases
