"""Readings the issue asks for: role nouns folded into one entity, relationship attributes on the
link, the business as speaker, one timestamp for "date and time", and singulars of irregular plurals."""

from __future__ import annotations

from schema_architect.design import design
from schema_architect.design.naming import plural
from schema_architect.design.words import singular


def _tables(result) -> dict[str, list[str]]:
    return {t.name: [c.name for c in t.columns] for t in result.schema.tables}


def _fks(result, table: str) -> dict[str, str]:
    t = result.schema.table(table)
    assert t is not None, [x.name for x in result.schema.tables]
    return {c: fk.ref_table for fk in t.foreign_keys for c in fk.columns}


# -- singulars of -ses, -xes, -ies and Latin plurals ----------------------------------------------------
def test_greek_and_latin_plurals_have_their_singular():
    assert singular("hypotheses") == "hypothesis"
    assert singular("analyses") == "analysis"
    assert singular("theses") == "thesis"
    assert singular("crises") == "crisis"
    assert singular("syntheses") == "synthesis"
    assert singular("indices") == singular("indexes") == "index"
    assert singular("matrices") == "matrix"
    assert singular("appendices") == "appendix"


def test_s_ending_singulars_lose_only_their_es():
    for word, one in (("statuses", "status"), ("addresses", "address"), ("buses", "bus"), ("boxes", "box"),
                      ("censuses", "census"), ("lenses", "lens"), ("gases", "gas"), ("biases", "bias"),
                      ("taxes", "tax"), ("classes", "class")):
        assert singular(word) == one, word
    for word in ("status", "lens", "bias", "atlas", "series", "species", "hypothesis"):
        assert singular(word) == word, word


def test_plain_plurals_ending_like_irregular_ones_stay_plain():
    for word, one in (("prices", "price"), ("devices", "device"), ("notices", "notice"), ("doses", "dose"),
                      ("purposes", "purpose"), ("bases", "base"), ("houses", "house"), ("courses", "course"),
                      ("shoes", "shoe"), ("canoes", "canoe"), ("toes", "toe"), ("heroes", "hero"),
                      ("potatoes", "potato"), ("movies", "movie"), ("categories", "category")):
        assert singular(word) == one, word


def test_table_names_use_the_right_plural():
    assert plural("hypothesis") == "hypotheses"
    assert plural("matrix") == "matrices"
    assert plural("index") == "indexes"
    assert plural("hero") == "heroes"
    assert plural("photo") == "photos"
    assert plural("status") == "statuses"


def test_a_research_text_about_hypotheses_names_the_table_by_its_singular():
    text = ("The lab records hypotheses and experiments. Each hypothesis has a hypothesis ID, a statement and a "
            "status. Each experiment has an experiment ID, a start date and a result.")
    assert "Hypothesis" in _tables(design(text))
