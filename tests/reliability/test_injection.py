"""Injection: ids, labels, author and coder names, memo texts, search strings and file names
made of quotes, backticks, Cypher/SQL keywords, regex and Lucene syntax are stored and found
verbatim and execute nothing — on both backends (values are parameters; labels and types come
only from schemas/graph.yaml). Extends tests/contract's single hostile-string check."""

from __future__ import annotations

import dataclasses

import pytest

from kgreview import ids
from kgreview.analysis.whocites import resolve_code, who_cites
from kgreview.model import Code, Coder, Coding, Keyword, Memo, Origin, Polarity
from kgreview.store import GraphStore
from kgreview.store.schema import SCHEMA
from tests.builders import bundle, document

HOSTILE = [
    'x\'); DROP TABLE "Document"; --',
    "'}) MATCH (n) DETACH DELETE n //",
    "`Document`) DETACH DELETE n RETURN (`x",
    '"; CALL db.clearQueryCaches(); //',
    "Robert'); UPDATE Coding SET code_id='x' WHERE 1=1; --",
    "$param {id: 1} ${HOME} %s %(name)s {0}",
    ".* (a+)+$ [^x] \\d \\1 $1 (?i)",
    '+ - && || ! ( ) { } [ ] ^ " ~ * ? : \\ / AND OR NOT title:*',
    "% _ %% LIKE '%' ESCAPE '\\'",
    "O'Brien \"the `quoted`\" 王'五",
    "\u202etxt.exe\u202c ‮ RTL and zero\u200bwidth",
    "MERGE (a:Admin {name:'x'}) ON CREATE SET a.pw='1' UNION MATCH (m) RETURN m",
]
WILDCARDS = ["%", "_", "*", ".*", "", " ", "' OR '1'='1", "') OR 1=1 --", "n) OR true //"]


def _hostile_project(store: GraphStore) -> list[tuple[str, object]]:
    """One document per hostile string: it is the title, an author, a keyword, a code id and
    both labels, a coder, the coded words and a memo."""
    made = []
    for n, word in enumerate(HOSTILE):
        text = f"第{n}篇：本研究采用{word}开展小组工作。"
        doc = dataclasses.replace(
            document(text, title=word),
            meta={"keywords": [word], "authors": [word], "source": word},
            source=f"/uploads/{word}.txt",
        )
        code = Code(f"qda.{word}", "qda", word, word, description=word)
        start = text.index(word)
        coding = Coding(ids.coding_id(doc.id, start, start + len(word), code.id, word), doc.id,
                        None, code.id, word, start, start + len(word), word,
                        Polarity.USES, Origin.MANUAL)  # fmt: skip
        store.upsert_codes([code])
        store.upsert_coders([Coder(word, word)])
        made_bundle = bundle(doc, (coding,), authors=(word,), sites=(word,))
        keywords = (Keyword(ids.keyword_id(word), word),)
        store.upsert_bundles([dataclasses.replace(made_bundle, keywords=keywords)])
        store.add_memos([Memo(f"memo:{n}", coding.id, word, word)])
        made.append((word, (doc, code, coding)))
    return made


def test_hostile_strings_are_stored_and_found_verbatim(store: GraphStore) -> None:
    made = _hostile_project(store)
    stats = store.stats()
    assert stats["documents"] == stats["codings"] == len(HOSTILE)  # nothing deleted, merged
    assert stats["authors"] == len(HOSTILE)
    assert stats["codes"] == len(HOSTILE)
    codes = {c.id: c for c in store.list_codes()}
    coders = {c.id: c.name for c in store.list_coders()}
    for word, (doc, code, coding) in made:
        stored = store.get_document(doc.id)
        assert (stored.title, stored.text, stored.source) == (word, doc.text, doc.source)
        assert stored.meta["keywords"] == [word] and stored.meta["source"] == word
        assert store.authors_of(doc.id) == [word]
        assert store.keywords_of(doc.id) == [word]
        assert codes[code.id] == code and coders[word] == word
        assert store.codings_by_coder(word) == [coding]
        (evidence,) = store.evidence_for_code(code.id)
        assert evidence.document_id == doc.id and (evidence.start, evidence.end) == (
            coding.start,
            coding.end,
        )
        assert [h.document_id for h in store.documents_for_code(code.id)] == [doc.id]
        assert [m.text for m in store.memos_for(coding.id)] == [word]
        assert [name for name, _ in store.sites_of(doc.id)] == [word]
        (row,) = who_cites(store, code.id)
        assert (row.author, row.via, list(row.documents)) == (word, "authored", [doc.id])
        assert resolve_code(word, None, list(codes.values())).id == code.id


def test_wildcards_and_query_syntax_match_nothing(store: GraphStore) -> None:
    _hostile_project(store)
    for probe in WILDCARDS:
        assert store.codings_by_coder(probe) == []
        assert store.evidence_for_code(probe) == []
        assert store.documents_for_code(probe) == []
        assert store.get_document(probe) is None
        assert store.authors_of(probe) == [] and store.memos_for(probe) == []
        assert store.code_frequencies(probe) == []  # a category that does not exist


def test_no_label_or_type_appears_but_the_schema_ones(store: GraphStore) -> None:
    """Every node and edge counted by the schema's labels accounts for the whole graph, so no
    hostile string became a label, a type or a second graph."""
    _hostile_project(store)
    nodes = {label: store.count_nodes(label) for label in SCHEMA.nodes}
    assert nodes["Document"] == nodes["Coding"] == len(HOSTILE)
    assert nodes["Memo"] == len(HOSTILE)
    rels = {rel: store.count_relationships(rel) for rel in SCHEMA.relationships}
    assert rels["AUTHORED"] == len(HOSTILE)
    exported = sum(len(store.export_nodes(label, None, 10_000)) for label in SCHEMA.nodes)
    assert exported == sum(nodes.values())


@pytest.mark.parametrize("word", HOSTILE[:2])
def test_recoding_and_deleting_hostile_codes_touch_only_them(store: GraphStore, word: str) -> None:
    made = dict(_hostile_project(store))
    doc, code, coding = made[word]
    other = next(c for w, (_, c, _) in made.items() if w != word)
    store.recode([coding.id], other.id)
    store.delete_code(code.id)
    assert store.stats()["codes"] == len(HOSTILE) - 1
    assert store.stats()["documents"] == len(HOSTILE)
    store.delete_document(doc.id)
    assert store.stats()["documents"] == len(HOSTILE) - 1
    assert all(store.get_document(d.id) for w, (d, _, _) in made.items() if w != word)
