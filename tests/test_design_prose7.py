"""Ordinary prose (seventh round): work done on things a crew shares, ..."""

from __future__ import annotations

from design_helpers import columns, foreign_keys, links, table_names
from schema_architect.design import design


def test_work_done_on_things_links_the_workers_and_the_things_many_to_many():
    result = design("Each vehicle has a plate and a model. Each mechanic has a name and a phone. "
                    "Mechanics repair vehicles.")
    assert "Mechanic ID" not in columns(result, "Vehicle"), columns(result, "Vehicle")
    link = [t for t in table_names(result) if t not in ("Vehicle", "Mechanic")]
    assert len(link) == 1 and set(foreign_keys(result, link[0]).values()) == {"Vehicle", "Mechanic"}, links(result)


def test_a_phrase_saying_where_the_subject_belongs_does_not_hide_it():
    result = design("Members of our sailing club rent boats. Each member has a name. "
                    "Each boat has a name and a length. A rental has a date and a price.")
    assert set(foreign_keys(result, "Rental").values()) == {"Member", "Boat"}, foreign_keys(result, "Rental")


def test_what_is_acted_on_in_a_known_thing_is_a_thing_of_its_own():
    result = design("Each market has a name and a town. Each trader has a name. Traders rent stalls in markets.")
    assert "Stall" in table_names(result), table_names(result)
    assert any({"Trader", "Stall"} <= set(foreign_keys(result, t).values()) for t in table_names(result)), links(result)


def test_a_word_and_a_particle_after_a_determiner_are_one_compound_noun():
    result = design("Each drop off point has an address and an opening time. Each courier has a name. "
                    "Couriers pick up parcels.")
    names = table_names(result)
    assert "Drop-off Point" in names and "Point" not in names, names
    assert "Pick-up Parcel" not in names, names


def test_an_amount_per_thing_is_no_key_to_the_thing():
    result = design("Each tour has a name and a price per guest. Each guest has a name and an email.")
    assert "Price per Guest" in columns(result, "Tour"), columns(result, "Tour")
    assert "Price per Guest" not in foreign_keys(result, "Tour"), foreign_keys(result, "Tour")


def test_taking_part_in_a_record_like_thing_held_for_many_is_many_to_many():
    result = design("Each ride has a route and a start time. Each cyclist has a name. Cyclists join rides.")
    assert "Cyclist ID" not in columns(result, "Ride"), columns(result, "Ride")
    assert any(set(foreign_keys(result, t).values()) == {"Cyclist", "Ride"} for t in table_names(result)), links(result)


def test_signing_up_for_things_is_joining_them():
    result = design("Each workshop has a title and a date. Each volunteer has a name. Volunteers sign up for workshops.")
    assert "Volunteer ID" not in columns(result, "Workshop"), columns(result, "Workshop")
    link = [t for t in table_names(result) if set(foreign_keys(result, t).values()) == {"Volunteer", "Workshop"}]
    assert link and "Signing" not in link[0], links(result)


def test_a_known_verb_after_the_subjects_place_phrase_is_the_verb():
    result = design("Each ranger has a name. Rangers of the park record animal sightings. Each sighting has a date.")
    assert "Animal" not in table_names(result) and "Sightings" not in table_names(result), table_names(result)
    result = design("Each nurse has a name. Nurses of the clinic record vital signs.")
    assert "Sign" not in table_names(result), table_names(result)
