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


def _all_columns(result) -> list[str]:
    return [c.name.lower() for t in result.schema.tables for c in t.columns]


def test_a_list_closed_by_and_other_kinds_names_examples_not_fields():
    result = design("A sporting goods store sells products such as tennis rackets, footballs, and other sports equipment.")
    cols = _all_columns(result)
    assert not any("racket" in c or "football" in c or "equipment" in c for c in cols), cols


def test_a_list_closed_by_and_other_details_is_still_fields():
    names = [n.lower() for n in attributes_of(
        "Each kennel records dog information including breed, weight, and other details.", "Dog")]
    assert "breed" in names and "weight" in names, names


def test_a_variety_of_a_plural_noun_then_a_list_names_its_kinds():
    result = design("Members can book various sessions (yoga, pilates, spinning). Each member has a name and an email.")
    cols = _all_columns(result)
    assert not any(c in ("yoga", "pilates", "spinning") for c in cols), cols
    result = design("The clinic treats three types of animals: dogs, cats, and rabbits. Each owner has a name.")
    cols = _all_columns(result)
    assert not any(c in ("dogs", "dog", "cats", "cat", "rabbit", "rabbits") for c in cols), cols
