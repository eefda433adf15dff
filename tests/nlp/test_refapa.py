"""APA / Harvard reference entries (English reviews' usual style), on entries we wrote."""

from __future__ import annotations

import pytest

from kgreview.nlp.references import parse_reference


def test_an_apa_journal_article() -> None:
    ref = parse_reference(
        "Chen, Y., & Li, M. (2018). Empowering older residents through group work. "
        "Journal of Community Practice, 12(3), 45–60. https://doi.org/10.1000/jcp.2018.12"
    )
    assert ref.authors == ("Chen Y", "Li M")
    assert ref.year == 2018
    assert ref.title == "Empowering older residents through group work"
    assert (ref.type, ref.source) == ("J", "Journal of Community Practice")
    assert (ref.volume, ref.issue, ref.pages) == ("12", "3", "45-60")
    assert ref.doi == "10.1000/jcp.2018.12"


def test_an_apa_book_with_editor_accents_and_place() -> None:
    ref = parse_reference(
        "Gómez, R. A. (Ed.) (2006). Strengths in community practice (2nd ed.). "
        "Chicago: Lyceum Books."
    )
    assert ref.authors == ("Gómez R A",)
    assert ref.year == 2006
    assert ref.title == "Strengths in community practice (2nd ed.)"
    assert (ref.type, ref.place, ref.source) == ("M", "Chicago", "Lyceum Books")


@pytest.mark.parametrize(
    ("entry", "authors"),
    [
        ("Smith, J. and Jones, K. (2015) Community work in practice. London: Routledge.",
         ("Smith J", "Jones K")),
        ("van der Berg, A. (2019). Tenants and councils. Housing Studies, 3, 1-9.",
         ("van der Berg A",)),
    ],
)  # fmt: skip
def test_harvard_and_particle_names(entry: str, authors: tuple[str, ...]) -> None:
    assert parse_reference(entry).authors == authors


def test_the_western_gbt_form_names_the_same_scholar_alike() -> None:
    apa = parse_reference("Putnam, R. D. (2000). Bowling alone. New York: Simon & Schuster.")
    gbt = parse_reference("Putnam R D. Bowling alone[M]. New York: Simon & Schuster, 2000.")
    assert apa.authors == gbt.authors and apa.year == gbt.year


def test_a_gbt_entry_is_not_read_as_apa() -> None:
    ref = parse_reference("王思斌. 社会工作概论[M]. 北京: 高等教育出版社, 2014.")
    assert ref.authors == ("王思斌",) and ref.type == "M"
