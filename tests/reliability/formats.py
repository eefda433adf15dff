"""Well-formed records of every text export format, written from a title and an abstract,
so the hostile battery can build valid files, cut them, re-encode them or poison them."""

from __future__ import annotations

import csv
import io
import zipfile

# Each entry: (extension, header, one record from (title, abstract), footer).
TAGGED = {
    "noteexpress": (".net", "", "{{Reference Type}}: Journal Article\n{{Title}}: {t}\n"
                    "{{Author}}: 王芳;\n{{Year}}: 2021\n{{Abstract}}: {a}\n\n", ""),
    "refer": (".enw", "", "%0 Journal Article\n%A 王芳\n%T {t}\n%D 2021\n%X {a}\n\n", ""),
    "refworks": (".txt", "", "RT Journal Article\nA1 王芳\nT1 {t}\nYR 2021\nAB {a}\n\n", ""),
    "cnki_custom": (".txt", "", "SrcDatabase-来源库: 期刊\nTitle-题名: {t}\nAuthor-作者: 王芳;\n"
                    "Year-年: 2021\nSummary-摘要: {a}\n\n", ""),
    "ris": (".ris", "", "TY  - JOUR\nAU  - Wang, Fang\nT1  - {t}\nPY  - 2021\n"
            "AB  - {a}\nER  - \n\n", ""),
    "wos": (".txt", "FN Clarivate Analytics Web of Science\nVR 1.0\n",
            "PT J\nAU Wang, F\nTI {t}\nPY 2021\nAB {a}\nER\n\n", "EF\n"),
    "bibtex": (".bib", "", "@article{{k{n},\n  title = {{{t}}},\n  author = {{Wang, Fang}},\n"
               "  year = {{2021}},\n  abstract = {{{a}}},\n}}\n\n", ""),
}  # fmt: skip
TABLES = {
    "wos_tab": (".txt", "\t", ["PT", "AU", "TI", "PY", "AB"], lambda t, a: ["J", "Wang, F", t,
                                                                             "2021", a]),
    "scopus": (".csv", ",", ["Authors", "Title", "Year", "Source title", "Abstract", "EID"],
               lambda t, a: ["Wang F.", t, "2021", "J", a, "2-s2.0-1"]),
    "csv": (".csv", ",", ["题名", "作者", "年", "摘要"], lambda t, a: [t, "王芳", "2021", a]),
    "transcript_csv": (".csv", ",", ["speaker", "text"], lambda t, a: ["R1", f"{t}. {a}"]),
}  # fmt: skip
ABSTRACT = "社区治理中的居民参与和社会工作者的作用。Residents take part in community governance."


def tagged_file(fmt: str, titles: list[str], abstract: str = ABSTRACT) -> str:
    """A whole export of ``fmt`` holding one record per title."""
    _, head, record, foot = TAGGED[fmt]
    body = "".join(record.format(t=t, a=abstract, n=n) for n, t in enumerate(titles))
    return head + body + foot


def table_file(fmt: str, titles: list[str], abstract: str = ABSTRACT) -> str:
    """A CSV/TSV export of ``fmt`` with a header and one row per title."""
    _, sep, header, row = TABLES[fmt]
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=sep, lineterminator="\n")
    writer.writerow(header)
    for title in titles:
        writer.writerow(row(title, abstract))
    return buffer.getvalue()


def transcript_txt(title: str, turns: int = 6) -> str:
    """An interview transcript with a header and speaker turns."""
    lines = [f"{title}", "", "Participant: R7 (male, 41, delivery driver)", ""]
    for n in range(turns):
        who = "Interviewer" if n % 2 == 0 else "R7"
        lines.append(f"{who}: Turn {n} about the residents' committee and the WeChat group.")
    return "\n".join(lines) + "\n"


def vtt_file(title: str) -> str:
    cues = "".join(
        f"00:00:0{n}.000 --> 00:00:0{n + 1}.000\n<v {'Ann' if n % 2 else 'Bo'}>{title} {n}\n\n"
        for n in range(4)
    )
    return "WEBVTT\n\n" + cues


def srt_file(title: str) -> str:
    return "".join(
        f"{n + 1}\n00:00:0{n},000 --> 00:00:0{n + 1},000\nR{n % 2}: {title} {n}\n\n"
        for n in range(4)
    )


def qde_xml(title: str, text: str = "邻居帮我买菜。我们常常互相照应。") -> bytes:
    """A small REFI-QDA project with one inline source."""
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        f'<Project xmlns="urn:QDA-XML:project:1.0" name="{title}"><Sources>'
        '<TextSource guid="00000000-0000-0000-0000-0000000000f1" '
        f'name="{title}"><PlainTextContent>{title}\n{text}</PlainTextContent>'
        "</TextSource></Sources></Project>"
    ).encode()


def qdc_xml(name: str = "邻里互助") -> bytes:
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<CodeBook xmlns="urn:QDA-XML:codebook:1.0">'
        f'<Codes><Code guid="00000000-0000-0000-0000-0000000000c1" name="{name}" '
        'isCodable="true"/></Codes></CodeBook>'
    ).encode()


def zip_bytes(entries: dict[str, bytes], deflate: bool = True) -> bytes:
    buffer = io.BytesIO()
    mode = zipfile.ZIP_DEFLATED if deflate else zipfile.ZIP_STORED
    with zipfile.ZipFile(buffer, "w", compression=mode) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def qdpx_file(title: str) -> bytes:
    text = f"{title}\n邻居帮我买菜。".encode()
    project = (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        f'<Project xmlns="urn:QDA-XML:project:1.0" name="p"><Sources>'
        '<TextSource guid="00000000-0000-0000-0000-0000000000f2" '
        f'name="{title}" plainTextPath="internal://s.txt"/></Sources></Project>'
    ).encode()
    return zip_bytes({"project.qde": project, "Sources/s.txt": text})


def docx_file(title: str, body_xml: bytes | None = None) -> bytes:
    """A minimal Word file python-docx opens; ``body_xml`` replaces word/document.xml."""
    import docx

    document = docx.Document()
    document.add_paragraph(title)
    document.add_paragraph("社区治理中的居民参与。")
    buffer = io.BytesIO()
    document.save(buffer)
    if body_xml is None:
        return buffer.getvalue()
    with zipfile.ZipFile(buffer) as source:
        entries = {i.filename: source.read(i) for i in source.infolist()}
    entries["word/document.xml"] = body_xml
    return zip_bytes(entries)


def xlsx_file(titles: list[str]) -> bytes:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["题名", "作者", "年", "摘要"])
    for title in titles:
        sheet.append([title, "王芳", 2021, ABSTRACT])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def pdf_file(title: str) -> bytes:
    """A one-page PDF with a text layer (pypdf can write text only through a content stream)."""
    stream = f"BT /F1 12 Tf 72 720 Td ({title}) Tj ET".encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out, offsets = io.BytesIO(), []
    out.write(b"%PDF-1.4\n")
    for n, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % n + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n"
              % (len(objects) + 1, xref))  # fmt: skip
    return out.getvalue()
