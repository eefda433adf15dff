"""Export files of generated records (see benchgen.records): Web of Science plain text,
CNKI NoteExpress, RIS, interview transcripts, and a mixed corpus folder of all of them."""

from __future__ import annotations

import random
import textwrap
from collections.abc import Iterator, Sequence
from pathlib import Path

from benchgen import _zh_name, records, sentences


def write_wos(path: Path, items: Sequence[dict] | Iterator[dict]) -> int:
    """A Web of Science plain-text export of ``items``; returns the record count."""
    count = 0
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        out.write("FN Clarivate Analytics Web of Science\nVR 1.0\n")
        for r in items:
            count += 1
            wrapped = textwrap.fill(r["abstract"], 100, subsequent_indent="   ")
            out.write(
                "PT J\nAU "
                + "\n   ".join(r["authors"])
                + "\n"
                + f"TI {r['title']}\nSO {r['journal']}\nLA English\nDT Article\n"
                + "DE "
                + "; ".join(r["keywords"])
                + "\n"
                + f"AB {wrapped}\n"
                + "CR "
                + "\n   ".join(r["refs"])
                + "\n"
                + f"PY {r['year']}\nDI {r.get('doi') or ''}\nUT WOS:{count:015d}\nER\n\n"
            )
        out.write("EF\n")
    return count


def write_noteexpress(path: Path, items: Sequence[dict] | Iterator[dict]) -> int:
    """A CNKI NoteExpress (.net) export of ``items``."""
    count = 0
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        for r in items:
            count += 1
            out.write(
                "{Reference Type}: Journal Article\n"
                + f"{{Title}}: {r['title']}\n"
                + "{Author}: "
                + ";".join(r["authors"])
                + ";\n"
                + f"{{Journal}}: {r['journal']}\n"
                + f"{{Year}}: {r['year']}\n"
                + "{Keywords}: "
                + ";;".join(r["keywords"])
                + "\n"
                + f"{{Abstract}}: {r['abstract']}\n"
                + "{Database Provider}: CNKI\n\n\n"
            )
    return count


def write_ris(path: Path, items: Sequence[dict] | Iterator[dict]) -> int:
    """A RIS export of ``items`` (as Zotero or CNKI write it)."""
    count = 0
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        for r in items:
            count += 1
            lines = [
                "TY  - JOUR",
                *(f"AU  - {a}" for a in r["authors"]),
                f"T1  - {r['title']}",
                f"JO  - {r['journal']}",
                f"PY  - {r['year']}",
                *(f"KW  - {k}" for k in r["keywords"]),
                f"AB  - {r['abstract']}",
            ]
            if r.get("doi"):
                lines.append(f"DO  - {r['doi']}")
            out.write("\n".join(lines) + "\nER  - \n\n")
    return count


def write_transcripts(folder: Path, n: int, seed: int = 13, turns: int = 30) -> int:
    """``n`` interview transcripts (participant header, timestamped turns), one per file."""
    zh, en = sentences()
    folder.mkdir(parents=True, exist_ok=True)
    for k in range(n):
        rng = random.Random(seed * 1_000_003 + k)
        is_zh = k % 2 == 0
        pool = zh if is_zh else en
        if is_zh:
            lines = [
                f"社区参与访谈 {k}",
                f"受访者：{_zh_name(rng)}（女，{30 + k % 40}岁，楼栋长）",
                "访谈者：社工",
                "",
            ]
            speakers = ("访谈者", "受访者")
        else:
            lines = [
                f"Community participation interview R{k}",
                "Interviewer: Li Na",
                f"Participant: R{k} (male, {30 + k % 40}, tenant since 2015)",
                "",
            ]
            speakers = ("Interviewer", f"R{k}")
        for t in range(turns):
            said = (" " if not is_zh else "").join(rng.sample(pool, k=rng.randint(1, 3)))
            stamp = f"{t // 60:02d}:{t % 60:02d}:{(t * 17) % 60:02d}"
            lines.append(f"[{stamp}] {speakers[t % 2]}: {said}")
        (folder / f"interview_{k:05d}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return n


def write_mixed(folder: Path, n: int, seed: int = 11, per_file: int = 5000) -> dict[str, int]:
    """``n`` documents as files: English records in WoS and RIS exports, Chinese ones in CNKI
    NoteExpress exports, and about one transcript per 1,000 documents."""
    folder.mkdir(parents=True, exist_ok=True)
    transcripts = max(1, n // 1000)
    counts = {"wos": 0, "noteexpress": 0, "ris": 0, "transcript": 0}
    items = list(records(n - transcripts, seed))
    for part in range(0, len(items), per_file):
        chunk = items[part : part + per_file]
        en = [r for r in chunk if r["lang"] == "en"]
        zh = [r for r in chunk if r["lang"] == "zh"]
        cut = len(en) * 3 // 4
        counts["wos"] += write_wos(folder / f"wos_{part:07d}.txt", en[:cut])
        counts["ris"] += write_ris(folder / f"zotero_{part:07d}.ris", en[cut:])
        counts["noteexpress"] += write_noteexpress(folder / f"cnki_{part:07d}.net", zh)
    counts["transcript"] = write_transcripts(folder / "interviews", transcripts, seed)
    return counts
