"""Designs from ordinary user prose (quality review, third round): words that name things in one text
and abstractions in another, and records of events."""

from __future__ import annotations

from design_helpers import columns, foreign_keys, table_names
from schema_architect.design import design


def test_stages_with_their_own_values_are_an_entity():
    result = design("Each marathon has a city. Each marathon has several stages, each with a distance and a terrain.")
    assert {"Distance", "Terrain"} <= set(columns(result, "Stage"))
    assert "Marathon" in foreign_keys(result, "Stage").values()


def test_stages_of_an_activity_are_no_entity():
    result = design("Each vineyard has a name and an area. The system supports the various stages of wine "
                    "production for the owners.")
    assert "Stage" not in table_names(result)


def test_an_address_given_in_parts_is_its_owners_columns():
    result = design("A kennel has an address (street, town, zip code).")
    assert "Kennel" in table_names(result)
    assert {"Street", "Town"} <= set(columns(result, "Kennel"))
    assert "Address" not in table_names(result)


def test_a_passive_link_then_one_value_keeps_the_value():
    result = design("Each invoice is issued to a tenant and has an amount. Each tenant has a name.")
    assert "Amount" in columns(result, "Invoice")
    assert "Tenant" in foreign_keys(result, "Invoice").values()


def test_values_noted_when_a_thing_undergoes_an_event_go_on_the_event_record():
    result = design("Each locomotive has a serial number. When a locomotive is inspected, the depot manager "
                    "records the inspector and the verdict.")
    assert {"Inspector", "Verdict"} <= set(columns(result, "Inspection"))
    assert "Locomotive" in foreign_keys(result, "Inspection").values()
    assert "Depot Manager" not in table_names(result)


def test_a_role_named_before_a_table_keyed_by_a_number_says_number():
    for text in ("Each sailor has a licence number (primary key) and a name. Each regatta has a date and a winning sailor.",
                 "Each sailor has a licence number (primary key) and a name. "
                 "Each regatta has a date, a winning sailor and a judging sailor."):
        fks = foreign_keys(design(text), "Regatta")
        assert fks and all(col.startswith(("Winning Sailor", "Judging Sailor")) and col.endswith("Number")
                           for col in fks), fks


def test_a_happening_is_named_by_its_own_noun_and_a_made_thing_is_its_own_record():
    result = design("Each horse has a name. When a horse is vaccinated, the vet records the vaccine and the dose.")
    assert {"Vaccine", "Dose"} <= set(columns(result, "Vaccination"))
    assert "Horse" in foreign_keys(result, "Vaccination").values()
    result = design("Each tenant has a name. When a complaint is submitted, we record the date and the text.")
    assert {"Date", "Text"} <= set(columns(result, "Complaint"))
    assert "Submit" not in table_names(result)


def test_a_verb_with_no_record_of_its_own_leaves_the_values_on_the_thing():
    result = design("Each orchestra has a name. After a concert is performed, the manager records the audience "
                    "size and the takings.")
    assert {"Audience Size", "Takings"} <= set(columns(result, "Concert"))
    assert "Perform" not in table_names(result)
