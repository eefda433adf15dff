"""Reference lists: seed 004 and a hand-written Chinese list against hand-made gold, real
GB/T 7714 lines, Western and WoS CR entries, and `kgreview refs --json`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from kgreview.ingest.textnorm import decode_bytes
from kgreview.nlp.references import (
    ParsedReference,
    parse_reference,
    parse_reference_list,
    parse_wos_cr,
    reference_key,
)
from tests.conftest import REPO, SHARED
from tests.test_cli import kgreview

GOLD = REPO / "corpus" / "gold" / "references"
SEED_004 = next((SHARED / "seeds").glob("004_*.txt"))
SCORED = ("authors", "title", "type", "year", "source", "volume", "issue", "pages")
# Fields checked when the gold gives them (not part of the accuracy figure).
EXTRA = ("place", "date", "accessed", "url", "edition", "degree", "parent", "duplicate_of")


def _text(path: Path) -> str:
    return decode_bytes(path.read_bytes()).text


def _value(ref: ParsedReference, name: str):
    if name == "authors":
        return list(ref.authors)
    if name == "parent":
        return ref.parent and {"authors": list(ref.parent.authors), "title": ref.parent.title}
    return getattr(ref, name)


def _gold_value(value):
    # YAML reads '26' or '2020' as numbers where the gold did not quote them.
    return value if value is None or isinstance(value, list | dict | str) else str(value)


def field_accuracy(refs: list[ParsedReference], gold: dict) -> tuple[float, list[str]]:
    """Share of (entry, scored field) pairs equal to the gold, and the mismatches."""
    by_n = {r.n: r for r in refs}
    right, total, wrong = 0, 0, []
    for expected in gold["references"]:
        ref = by_n.get(expected["n"])
        for name in SCORED:
            total += 1
            want = expected[name] if name == "year" else _gold_value(expected[name])
            got = _value(ref, name) if ref else None
            if ref is not None and got == want:
                right += 1
            else:
                wrong.append(f"[{expected['n']}] {name}: got {got!r}, want {want!r}")
    return right / total, wrong


def extra_mismatches(refs: list[ParsedReference], gold: dict) -> list[str]:
    by_n = {r.n: r for r in refs}
    wrong = []
    for expected in gold["references"]:
        for name in EXTRA:
            want = _gold_value(expected.get(name)) if name != "duplicate_of" else expected.get(name)
            if name in expected or name == "duplicate_of":
                got = _value(by_n[expected["n"]], name)
                if got != want:
                    wrong.append(f"[{expected['n']}] {name}: got {got!r}, want {want!r}")
    return wrong


@pytest.mark.parametrize(
    ("document", "gold_file"),
    [
        (SEED_004, "004_expected.yaml"),
        (GOLD / "zh_list.txt", "zh_list_expected.yaml"),
        (GOLD / "heldout_list.txt", "heldout_list_expected.yaml"),
    ],
    ids=["seed-004", "zh-list", "heldout-list"],
)
def test_field_accuracy_on_hand_made_gold(document: Path, gold_file: str) -> None:
    gold = yaml.safe_load((GOLD / gold_file).read_text(encoding="utf-8"))
    text = _text(document)
    refs = parse_reference_list(text)
    accuracy, wrong = field_accuracy(refs, gold)
    pairs = len(gold["references"]) * len(SCORED)
    print(f"\n{gold_file}: {len(refs)} references parsed, field accuracy {accuracy:.2%} "
          f"({pairs - len(wrong)}/{pairs}) over {', '.join(SCORED)}")  # fmt: skip
    for line in wrong:
        print("  mismatch", line)
    assert len(refs) == gold["count"]
    assert [r.n for r in refs] == list(range(1, gold["count"] + 1))
    assert all(text[r.start : r.end] == r.raw for r in refs)
    assert accuracy >= 0.98
    found = {r.n: r.duplicate_of for r in refs if r.duplicate_of is not None}
    print(f"  duplicates found {found}, expected {gold['duplicates']}")
    assert found == gold["duplicates"]
    assert extra_mismatches(refs, gold) == []


def test_seed_004_repairs_are_recorded() -> None:
    refs = {r.n: r for r in parse_reference_list(_text(SEED_004))}
    assert refs[11].type == "J" and any("[1]" in note for note in refs[11].notes)
    assert refs[15].type == "C" and refs[15].notes
    assert refs[12].authors == ("Dong Yan",) and refs[12].notes
    assert refs[1].raw.startswith("[1] Ge Tianren.")


def test_translated_book_keeps_the_author_and_notes_the_translator() -> None:
    ref = parse_reference("[美]罗伯特·帕特南.独自打保龄[M].刘波,等译.北京:北京大学出版社,2011.")
    assert ref.authors == ("罗伯特·帕特南",)
    assert (ref.place, ref.source, ref.year) == ("北京", "北京大学出版社", 2011)
    assert ref.notes == ("translator: 刘波,等译",)


def test_overlong_entry_is_cut_not_parsed_in_quadratic_time() -> None:
    ref = parse_reference("王. " + "词，2019(1)：3，" * 3000 + "x")
    assert ref.notes and "only its start" in ref.notes[-1]


REALDATA = {
    # first author → (type, year) of each real GB/T 7714 line
    "毛峡,丁玉宽": ("J", 2001),
    "刘国钧": ("M", 1979),
    "毛峡.绘画": ("A", 2001),
    "冯西桥": ("R", 1997),
    "王明亮": ("EB/OL", 1998),
    "主要责任者": ("N", None),  # the standard's template line: no year to find
    "张和生": ("D", 1998),
}


def test_real_gbt7714_lines_parse_with_sensible_types_and_years() -> None:
    lines = (SHARED / "realdata" / "gbt7714" / "parseGBT7714__input.txt").read_text("utf-8")
    refs = [parse_reference(line) for line in lines.splitlines() if line.strip()]
    assert len(refs) == len(REALDATA)
    for ref in refs:
        want = next(v for k, v in REALDATA.items() if k in ref.raw)
        assert (ref.type, ref.year) == want, ref.raw
        assert ref.authors and ref.title
    first = refs[0]
    assert (first.source, first.volume, first.issue, first.pages) == (
        "电子学报", "29", "12A", "1923-1927"
    )  # fmt: skip
    assert refs[1].pages == "15-18,31" and refs[1].place == "北京"
    assert refs[2].parent and refs[2].parent.title and "论文集" in refs[2].parent.title
    assert refs[4].url == "http://www.cajcd.cn/pub/wml.txt/980810-2.html"
    assert (refs[4].date, refs[4].accessed) == ("1998-08-16", "1998-10-04")


def test_western_analytic_part_keeps_names_as_written() -> None:
    ref = parse_reference(
        "ROTHMAN J. Three models of community organization practice[M]//CRAIG G, MAYO M. "
        "Community development in theory and practice. Nottingham: Spokesman, 2008: 30-45."
    )
    assert ref.authors == ("ROTHMAN J",) and ref.type == "M"
    assert ref.parent is not None and ref.parent.authors == ("CRAIG G", "MAYO M")
    assert ref.parent.title == "Community development in theory and practice"
    assert (ref.place, ref.source) == ("Nottingham", "Spokesman")
    assert (ref.year, ref.pages) == (2008, "30-45")


def test_doi_and_no_false_duplicates() -> None:
    a = parse_reference(
        "[1] SMITH J. Social work[J]. Social Work, 2019, 64(1): 1-9. DOI:10.1093/sw/64.1."
    )
    b = parse_reference("[2] SMITH J. Social work[J]. Social Work, 2020, 65(1): 1-9.")
    c = parse_reference("[3] Smith J. *Social Work*[J]. Social Work, 2019, 64(1): 1-9.")
    assert a.doi == "10.1093/sw/64.1"
    assert reference_key(a) != reference_key(b)  # another year is another work
    assert reference_key(a) == reference_key(c)  # case and italics do not matter


def test_wos_cr_strings() -> None:
    ref = parse_wos_cr("Smith J, 2019, SOC WORK, V64, P12, DOI 10.1093/sw/swz001")
    assert (ref.authors, ref.year, ref.source) == (("Smith J",), 2019, "SOC WORK")
    assert (ref.volume, ref.pages, ref.doi, ref.title) == ("64", "12", "10.1093/sw/swz001", None)
    book = parse_wos_cr("Freire P., 1970, PEDAGOGY OPPRESSED")
    assert (book.authors, book.year, book.source, book.volume) == (
        ("Freire P",), 1970, "PEDAGOGY OPPRESSED", None
    )  # fmt: skip
    bracketed = parse_wos_cr(
        "Zimmerman MA, 2000, HDB COMMUNITY PSYCHO, P43, "
        "DOI [10.1007/978-1-4615-4193-6_2, DOI 10.1007/978-1-4615-4193-6_2]"
    )
    assert (bracketed.source, bracketed.pages) == ("HDB COMMUNITY PSYCHO", "43")
    assert bracketed.doi == "10.1007/978-1-4615-4193-6_2"
    anon = parse_wos_cr("[Anonymous], 2015, GUIDELINES, P3")
    assert (anon.authors, anon.pages) == ((), "3")


def test_refs_command_prints_one_json_object_per_reference() -> None:
    result = kgreview("refs", str(SEED_004), "--json")
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(rows) == 34 and [r["n"] for r in rows] == list(range(1, 35))
    for row in rows:
        assert {"n", "raw", "authors", "title", "type", "year", "source", "volume", "issue",
                "pages", "duplicate_of"} <= set(row)  # fmt: skip
        assert isinstance(row["authors"], list) and isinstance(row["year"], int)
    assert {r["n"]: r["duplicate_of"] for r in rows if r["duplicate_of"]} == {30: 28, 31: 25}


def test_refs_command_without_a_list_is_one_line_error(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("只有正文，没有参考文献列表。\n", encoding="utf-8")
    result = kgreview("refs", str(tmp_path / "a.txt"))
    assert result.returncode == 1
    assert len(result.stderr.strip().splitlines()) == 1 and "no reference list" in result.stderr


def test_refs_command_decodes_like_ingest_and_reads_a_bare_list(tmp_path: Path) -> None:
    text = (
        "[1] 王思斌.社会工作概论[M].北京:高等教育出版社,1999.\r\n"
        "[2] 陈涛.社会工作专业使命的探讨[J].社会学研究,2011(6):211-237.\r\n"
    )
    (tmp_path / "gbk.txt").write_bytes(text.encode("gb18030"))
    result = kgreview("refs", str(tmp_path / "gbk.txt"), "--json")
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["authors"], r["type"], r["year"]) for r in rows] == [
        (["王思斌"], "M", 1999), (["陈涛"], "J", 2011)
    ]  # fmt: skip


def test_numbered_findings_are_not_a_reference_list() -> None:
    assert parse_reference_list("研究发现：\n1. 2019年参与率上升。\n2. 2020年参与率下降。\n") == []
