"""Through the real command line: the corpus as Web of Science plain text read back by our
own WoS reader (round trip), word frequencies and the word cloud, excerpts, policies, trends."""

from __future__ import annotations

import json
import re

import pytest
from PIL import Image

from kgreview.analysis.words import load_stopwords, tokens, word_frequencies
from kgreview.pipeline import ingest
from kgreview.store import open_store
from kgreview.tagging import load_tagger
from tests.conftest import REPO, SHARED
from tests.test_cli import kgreview


def _fold(name: str) -> str:
    return re.sub(r"\W", "", name).casefold()


def snapshot(store) -> dict:
    """title → year, type, authors, keywords, cited references (first author, year)."""
    refs = {r[0]: r for r in store.reference_summaries()}
    found = {}
    for d in store.document_summaries():
        if d.doc_type == "transcript":
            continue
        cited = sorted(
            (_fold(refs[r][3][0]) if refs[r][3] else "", refs[r][2])
            for _, r, _ in store.references_of(d.id)
        )
        found[d.title] = (
            d.year,
            d.doc_type,
            tuple(store.authors_of(d.id)),
            tuple(store.keywords_of(d.id)),
            tuple(cited),
        )
    return found


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("wos") / "kg.db"
    store = open_store(str(path))
    tagger = load_tagger()
    store.upsert_codes(tagger.codebook.to_codes())
    sources = [REPO / "corpus" / "exports", REPO / "corpus" / "transcripts", SHARED / "seeds"]
    ingest(sources, store, annotate=tagger.tag, tag_key=tagger.key)
    store.close()
    return str(path)


def test_wos_export_reads_back_with_the_same_records(corpus, tmp_path) -> None:
    out = tmp_path / "download_kgreview.txt"
    done = kgreview("export", "wos", str(out), "--store", corpus, "--json")
    assert done.returncode == 0, done.stderr
    counts = json.loads(done.stdout)
    text = out.read_text(encoding="utf-8-sig")
    assert text.startswith("FN Clarivate Analytics Web of Science\nVR 1.0\n")
    assert text.rstrip().endswith("EF") and text.count("\nER\n") == counts["documents"]
    assert counts["references"] > 20

    back = open_store(str(tmp_path / "back.db"))
    report = ingest([out], back)
    assert not report.failures, [f.line() for f in report.failures]
    original = snapshot(open_store(corpus))
    again = snapshot(back)
    assert len(original) == counts["documents"] and set(again) == set(original)
    for title, record in original.items():
        assert again[title] == record, title
    assert sum(len(r[4]) for r in again.values()) == counts["references"]
    assert any(r[3] for r in again.values()) and any(r[2] for r in again.values())


def test_wos_cited_references_follow_the_cr_layout(corpus, tmp_path) -> None:
    out = tmp_path / "w.txt"
    assert kgreview("export", "wos", str(out), "--store", corpus).returncode == 0
    cr = [
        line[3:]
        for line in out.read_text(encoding="utf-8-sig").splitlines()
        if line.startswith("CR ")
    ]
    assert cr and all(re.match(r"^[^,]+, (19|20)\d\d, ", item) for item in cr[:20])
    assert "ID " in out.read_text(encoding="utf-8-sig")  # codes as Keywords Plus


def test_chinese_words_come_whole_and_stop_words_stay_out() -> None:
    stop = load_stopwords()
    assert {"的", "我们", "the", "and"} <= stop
    found = tokens(
        "我们在老旧小区开展社区营造，居民参与的意愿提高了。The residents and the community.",
        stop,
        terms=("社区营造", "老旧小区"),
    )
    assert "社区营造" in found and "老旧小区" in found  # codebook terms stay whole
    assert "老旧小区" not in tokens("老旧小区", stop)  # which jieba alone would split
    assert not {"我们", "的", "the", "and"} & set(found)
    assert "residents" in found and "community" in found
    ranked = word_frequencies(["居民参与。居民议事。", "居民自治。"], top=2)
    assert (ranked[0].word, ranked[0].count, ranked[0].documents) == ("居民", 3, 2)


def test_words_command_gives_json_and_a_cjk_word_cloud(corpus, tmp_path) -> None:
    png = tmp_path / "cloud.png"
    done = kgreview(
        "words",
        "--store",
        corpus,
        "--code",
        "增能理论",
        "--top",
        "15",
        "--lang",
        "zh",
        "--json",
        "--png",
        str(png),
    )
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert 0 < data["documents"] < 40 and len(data["words"]) == 15
    assert data["codes"][0]["label"].startswith("增能理论")  # every document of the set has it
    assert all(re.fullmatch(r"[\u4e00-\u9fff]{2,}", w["word"]) for w in data["words"])
    image = Image.open(png)
    assert image.size == (1000, 560)
    colours = image.convert("L").getcolors(maxcolors=256 * 256)
    assert colours and len(colours) > 10  # words were drawn, not a blank canvas
    bad = kgreview("words", "--store", corpus, "--code", "没有这个编码")
    assert bad.returncode == 1 and bad.stderr.count("\n") == 1 and "没有这个编码" in bad.stderr


def test_excerpts_command_anonymises_and_writes_docx(corpus, tmp_path) -> None:
    out = tmp_path / "f.docx"
    done = kgreview(
        "excerpts",
        str(out),
        "--store",
        corpus,
        "--transcripts",
        "--anonymise",
        "--code",
        "楼栋长",
        "--code",
        "住房产权",
        "--json",
    )
    assert done.returncode == 0, done.stderr
    groups = json.loads(done.stdout)
    assert list(groups) == ["楼栋长（building leader）", "住房产权（homeownership）"]
    speakers = {e["speaker"] for rows in groups.values() for e in rows}
    assert speakers and all(s.startswith("受访者") for s in speakers)
    assert not any(
        "张阿姨" in e["quote"] or e["speaker"].startswith("R7")
        for rows in groups.values()
        for e in rows
    )
    assert out.stat().st_size > 0
    wrong = kgreview("excerpts", str(tmp_path / "f.txt"), "--store", corpus)
    assert wrong.returncode == 1 and wrong.stderr.count("\n") == 1


def test_policies_and_trends_commands(corpus, tmp_path) -> None:
    done = kgreview("policies", "--store", corpus, "--json")
    assert done.returncode == 0, done.stderr
    rows = [json.loads(line) for line in done.stdout.splitlines()]
    assert {"城乡社区治理意见", "老旧小区改造意见", "基层治理意见"} <= {
        r["short_name"] for r in rows
    }
    trends = json.loads(kgreview("trends", "--store", corpus, "--json").stdout)
    assert {"城乡社区治理意见", "基层治理意见"} <= {p["short_name"] for p in trends["policies"]}
    first = {r["code"]: r["first_year"] for r in trends["timezone"]}
    assert first and all(int(min(r["counts"])) == r["first_year"] for r in trends["timezone"])
    bad = tmp_path / "p.yaml"
    bad.write_text("policies:\n  - issuer: 国务院\n", encoding="utf-8")
    refused = kgreview("policies", str(bad), "--store", corpus)
    assert refused.returncode == 1 and "has no title" in refused.stderr
    assert refused.stderr.count("\n") == 1
