"""Where attribute lists land and how their items are read (helper attrs3); texts from domains the dev
cases that inspired them do not touch."""

from __future__ import annotations

from design_helpers import attributes_of, columns, table_names
from schema_architect.design import design


def test_a_participle_phrase_before_the_list_does_not_own_it():
    # "sightings related to protected species, including ...": the sightings' fields, not the species'
    text = ("The park keeps a register of protected species with a species name. Rangers log sightings related "
            "to protected species, including sighting time, location, and group size.")
    names = [n.lower() for n in attributes_of(text, "Sighting")]
    assert "sighting time" in names and "group size" in names, names


def test_a_passive_link_verb_keeps_its_object_as_owner():
    # "each hive is linked to an apiary record, including ...": the sentence's own verb, not a modifier
    result = design("Each hive is linked to an apiary record, including apiary code, region, and founding date.")
    assert "Hive" not in table_names(result) or "Founding Date" not in columns(result, "Hive"), table_names(result)
