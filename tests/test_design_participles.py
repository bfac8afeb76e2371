"""One table of irregular participles (lexicon.IRREGULAR_PARTICIPLES) serves every reader: each test pins a
reading that one of the former per-module lists lacked."""

from __future__ import annotations

from design_helpers import attributes_of, foreign_keys, linking
from schema_architect.design import design
from schema_architect.design.datatypes import infer_type


def test_the_table_maps_participles_to_their_base_verbs():
    from schema_architect.design.lexicon import IRREGULAR_PARTICIPLES, STATE_PARTICIPLES

    assert IRREGULAR_PARTICIPLES["sold"] == "sell" and IRREGULAR_PARTICIPLES["taught"] == "teach"
    assert "broken" in STATE_PARTICIPLES and "broken" not in IRREGULAR_PARTICIPLES  # a different idea


def test_attributes_keep_an_irregular_participle_after_an_event_head():
    # "read" was not in attributes' own list: "the date it was read" lost its event
    names = attributes_of("The utility keeps a record of each meter. Each meter has a serial number and the date "
                          "it was read.", "Meter")
    assert "Date Read" in names, names


def test_datatypes_type_a_column_by_the_noun_before_an_irregular_participle():
    # "found" and "met" were not in datatypes' own list: the column was typed as text
    assert str(infer_type("Date Found")[0]).lower() == "date"
    assert str(infer_type("Time Met")[0]).lower() == "timestamp"


def test_clauses_read_a_passive_with_an_irregular_participle():
    # "found" was not in clauses' own list: "Fossils are found by hikers" was no clause at all
    r = design("The museum records each fossil with its species and the date found. Fossils are found by hikers. "
               "Each hiker has a name.")
    assert foreign_keys(r, "Fossil").get("Hiker ID") == "Hiker"


def test_relationships_find_the_sharing_verb_of_an_irregular_participle():
    # "taught" was not in relationships' own map: "languages are taught at schools" gave each language one school
    r = design("Each language has a name. Each school has an address. Languages are taught at schools.")
    assert "School" not in foreign_keys(r, "Language").values()
    assert linking(r, "Language", "School")
