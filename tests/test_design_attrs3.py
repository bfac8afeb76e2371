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


def test_a_participle_clause_after_the_list_is_no_field():
    result = design("Film Catalogue: Records the title, year and runtime of each film, implemented through the Reels table.")
    cols = _all_columns(result)
    assert "title" in cols and not any("implemented" in c for c in cols), cols


def test_a_gerund_with_its_object_is_cut_from_the_field_name():
    names = [n.lower() for n in attributes_of(
        "Each sensor records a reading, a timestamp, and notes describing the calibration.", "Sensor")]
    assert "notes" in names and not any("describing" in n for n in names), names


def test_a_trailing_adverb_or_preposition_is_no_part_of_a_field_name():
    names = [n.lower() for n in attributes_of(
        "Each bakery tracks flour stocks, oven temperatures, and delivery routes efficiently.", "Bakery")]
    assert any(n.startswith("delivery route") for n in names) and not any("efficiently" in n for n in names), names
    names = [n.lower() for n in attributes_of(
        "Each grant has an amount, a deadline, and unspent funds within a given quarter.", "Grant")]
    assert any(n.startswith("unspent fund") for n in names) and not any("within" in n for n in names), names


def test_items_written_as_literal_values_are_values_not_fields():
    result = design("Each library card supports actions such as 'borrow', 'renew', and 'reserve'. Each card has a number.")
    cols = _all_columns(result)
    assert not any(c in ("borrow", "renew", "reserve") for c in cols), cols
    result = design("The warehouse labels parcels with handling flags such as FRAGILE, URGENT, and OVERSIZE. "
                    "Each parcel has a weight.")
    cols = _all_columns(result)
    assert not any(c in ("fragile", "urgent", "oversize") for c in cols), cols
    names = [n.lower() for n in attributes_of("Each book has identifiers such as ISBN, UPC, and title.", "Identifier")]
    assert "isbn" in names, names  # short capitals name fields


def test_a_list_item_that_is_a_nameless_clause_does_not_crash_the_reading():
    # found by the word-salad property test: "Each Each ..." is a new clause with no name left
    from schema_architect.errors import InputError

    try:
        design("has customer , Each Each Each Each")
    except InputError:
        pass  # refusing the text is fine; an IndexError is not
