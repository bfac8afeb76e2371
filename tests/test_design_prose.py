"""Designs from free prose, the way users write requirements (not "X information includes a, b, c"
lists): events logged with their details, values of a pair, one-detail descriptions, link verbs."""

from __future__ import annotations

from design_helpers import columns as _columns
from design_helpers import links as _links
from schema_architect.design import design


def test_a_logged_event_with_a_modifier_owns_its_details():
    # the noun right before "is logged with" ends the subject's modifier: the event is what is logged
    result = design("A harbour has a name and a country. Every mooring at a harbour is logged with an arrival "
                    "time and a berth number.")
    mooring = _columns(result, "Mooring")
    assert "Arrival Time" in mooring and "Berth Number" in mooring
    assert "Arrival Time" not in _columns(result, "Harbour")
    assert ("Mooring", "Harbour") in _links(result)


def test_a_participle_modifier_of_a_logged_event():
    result = design("A flight has a flight number and a date. Each meal served during a flight is recorded with "
                    "a menu choice and a seat.")
    meal = _columns(result, "Meal")
    assert "Menu Choice" in meal and "Seat" in meal
    assert "Menu Choice" not in _columns(result, "Flight")


def test_values_of_things_used_in_another_are_the_pairs():
    result = design("Each recipe has a title and a cooking time. Each spice has a name and a supplier. "
                    "Spices used in a recipe are recorded with a quantity and a unit.")
    link = next(t for t in result.schema.tables if {fk.ref_table for fk in t.foreign_keys} == {"Recipe", "Spice"})
    assert {"Quantity", "Unit"} <= {c.name for c in link.columns}
    assert "Quantity" not in _columns(result, "Spice") and "Quantity" not in _columns(result, "Recipe")


def test_a_sentence_with_one_detail_of_a_counted_subject():
    # "A hive has a location." alone describes the hive; so does one logged value of an event
    result = design("A beekeeper has a name and a phone number. A hive has a location. "
                    "Every inspection of a hive is logged with an inspection date.")
    assert "Location" in _columns(result, "Hive")
    assert "Inspection Date" in _columns(result, "Inspection")
    assert ("Inspection", "Hive") in _links(result)



def test_the_details_one_joins_with_are_the_joiners():
    # "sign up with", "register with": the list is the subject's, and the verb is no part of its name
    result = design("Anglers sign up with a permit number and a home town. Each boat owner registers with "
                    "an email and a mooring code.")
    tables = [t.name for t in result.schema.tables]
    assert "Angler" in tables and "Boat Owner" in tables, tables
    assert {"Permit Number", "Home Town"} <= set(_columns(result, "Angler"))
    assert {"Email", "Mooring Code"} <= set(_columns(result, "Boat Owner"))


def test_working_at_many_places_is_many_to_many():
    # "work at one or more X": the person takes part at each place, no place belongs to one person
    result = design("A museum has a name and a city. A guide has a name and a language. "
                    "Guides work at one or more museums.")
    assert "Guide ID" not in _columns(result, "Museum")
    link = next(t for t in result.schema.tables if {fk.ref_table for fk in t.foreign_keys} == {"Guide", "Museum"})
    assert link.name not in ("Guide", "Museum")


def test_a_second_active_verb_of_a_bare_plural_subject():
    # "... and teach courses": the courses are the instructors', not the schools'
    result = design("A school has a name and an address. An instructor has a name and a phone number. "
                    "A course has a title and a level. Instructors work at several schools and teach courses.")
    pairs = [{fk.ref_table for fk in t.foreign_keys} for t in result.schema.tables]
    assert {"Instructor", "Course"} in pairs, pairs
    assert {"School", "Course"} not in pairs
    assert "School ID" not in _columns(result, "Course")


def _column_type(result, table: str, column: str) -> str:
    return result.schema.table(table).column(column).type.kind.value


def test_a_yes_no_question_with_its_own_verb_is_a_flag():
    # "whether it includes breakfast": the verb of the question is no list trigger, and the column is a flag
    result = design("A campsite has a name, a pitch count and whether it allows dogs. Each tour (a title, a price, "
                    "whether it includes lunch) starts at a campsite.")
    assert "Allows Dogs" in _columns(result, "Campsite")
    assert "Includes Lunch" in _columns(result, "Tour")
    assert "Title Lunch" not in _columns(result, "Tour")  # the flag shares no head with the item before it
    assert _column_type(result, "Tour", "Includes Lunch") == "boolean"


def test_a_past_tense_question_is_a_has_flag():
    result = design("Each rehearsal slot has a start time and whether they attended.")
    assert "Has Attended" in _columns(result, "Rehearsal Slot")
    assert _column_type(result, "Rehearsal Slot", "Has Attended") == "boolean"


def test_a_recorded_yes_no_question_goes_to_what_it_asks_about():
    result = design("Each kayak has a hull number and a colour. We also record whether the kayak was inspected.")
    assert "Is Inspected" in _columns(result, "Kayak")
    result = design("Each kayak has a hull number and a colour. For each kayak we note whether it is damaged.")
    assert "Is Damaged" in _columns(result, "Kayak")


def test_a_recorded_question_about_taking_part_goes_on_the_link():
    # "Paddlers join trips, and we record whether they finished": a fact of the pair, not of either side
    result = design("A trip has a date and a river. A paddler has a name and a phone number. "
                    "Paddlers join trips, and we record whether they finished.")
    link = next(t for t in result.schema.tables if {fk.ref_table for fk in t.foreign_keys} == {"Paddler", "Trip"})
    assert "Has Finished" in [c.name for c in link.columns]
    assert "Has Finished" not in _columns(result, "Paddler") + _columns(result, "Trip")


def test_a_counted_subject_with_a_modifier_owns_what_it_has():
    # "Each berth in a marina has ...": the berth's details, not the marina's
    result = design("A marina has a name and a town. Each berth in a marina has a length and a depth.")
    assert {"Length", "Depth"} <= set(_columns(result, "Berth"))
    assert "Length" not in _columns(result, "Marina")
    assert ("Berth", "Marina") in _links(result)
    result = design("A marina has a name and a town. Each berth in a marina has a length.")
    assert "Length" in _columns(result, "Berth")


def test_what_a_known_actor_takes_part_in_is_a_thing():
    # "Volunteers attend trainings": the trainings are a table, linked to the volunteers
    result = design("A volunteer has a name and an email. Volunteers attend trainings, and we record whether "
                    "they passed.")
    assert result.schema.table("Training") is not None, [t.name for t in result.schema.tables]
    link = next(t for t in result.schema.tables if {fk.ref_table for fk in t.foreign_keys} == {"Volunteer", "Training"})
    assert "Has Passed" in [c.name for c in link.columns]


def test_the_record_named_after_a_bare_plural_sharing_is_the_link():
    # "Hikers rent tents, and each rental has ...": the rental is the hiker-tent link, not a third table
    result = design("A tent has a size and a colour. Hikers have a name and a phone number. Hikers rent tents, "
                    "and each rental has a start date and a fee.")
    rental = result.schema.table("Rental")
    assert rental is not None, [t.name for t in result.schema.tables]
    assert {fk.ref_table for fk in rental.foreign_keys} == {"Hiker", "Tent"}
    assert {"Start Date", "Fee"} <= {c.name for c in rental.columns}
    assert not any({fk.ref_table for fk in t.foreign_keys} == {"Hiker", "Tent"}
                   for t in result.schema.tables if t.name != "Rental")


def test_a_with_list_after_a_made_record_describes_the_record():
    # "Tenants open tickets for a flat, with ...": the ticket's details, not the flat's
    result = design("A flat has a number and a floor. Tenants have a name and a phone number. Tenants open "
                    "tickets for a flat, with a priority and a description.")
    assert {"Priority", "Description"} <= set(_columns(result, "Ticket"))
    assert "Priority" not in _columns(result, "Flat")


def test_a_word_between_one_and_the_name_is_the_role():
    # "at one home harbour": one harbour, referred to as the home harbour
    result = design("A harbour has a name and a country. A yacht has a name and a length. "
                    "Yachts are registered at one home harbour.")
    yacht = result.schema.table("Yacht")
    assert any(fk.ref_table == "Harbour" and fk.columns == ["Home Harbour ID"] for fk in yacht.foreign_keys), \
        [(fk.columns, fk.ref_table) for fk in yacht.foreign_keys]


def test_a_bare_plural_choosing_a_thing_holds_its_key():
    # "Tenants choose a tariff" counts like "each tenant chooses a tariff"; a second verb phrase too
    result = design("A tariff has a name and a price per unit. A depot has an address and a phone. "
                    "A tenant has a name and an email. Tenants register at one home depot and choose a tariff.")
    tenant = {(tuple(fk.columns), fk.ref_table) for fk in result.schema.table("Tenant").foreign_keys}
    assert (("Tariff ID",), "Tariff") in tenant, tenant
    assert (("Home Depot ID",), "Depot") in tenant, tenant


def test_each_logged_record_with_its_values_is_an_entity():
    # "we log each refuelling with ...": the refuelling is a record, not a noun complement
    result = design("A boat has a name and a length. Skippers sail boats, and we log each refuelling with a "
                    "date and a volume.")
    assert {"Date", "Volume"} <= set(_columns(result, "Refuelling"))
    result = design("A boat has a name and a length. We log each refuelling with a volume.")
    assert "Volume" in _columns(result, "Refuelling")


def test_picking_a_plan_is_choosing_it():
    # "and pick a tariff": a second verb phrase only reads with a verb the lexicon knows
    result = design("A tariff has a name and a price. A depot has an address and a phone. A tenant has a name "
                    "and an email. Tenants register at one depot and pick a tariff.")
    assert ("Tenant", "Tariff") in _links(result)


def test_one_value_of_things_used_in_another_is_the_pairs():
    result = design("Each recipe has a title and a cooking time. Each spice has a name and a supplier. "
                    "Spices used in a recipe are recorded with a quantity.")
    link = next(t for t in result.schema.tables if {fk.ref_table for fk in t.foreign_keys} == {"Recipe", "Spice"})
    assert "Quantity" in {c.name for c in link.columns}


def test_an_irregular_participle_modifier_of_a_logged_event():
    result = design("A voyage has a start date and a port. Every repair done during a voyage is recorded with a "
                    "part name and a cost.")
    assert {"Part Name", "Cost"} <= set(_columns(result, "Repair"))
    assert "Cost" not in _columns(result, "Voyage")


def test_booking_records_makes_them_ones_own():
    # "Campers book reservations": each reservation is one camper's, not shared by many campers
    result = design("A camper has a name and an email. A reservation has an arrival date and a pitch. "
                    "Campers book reservations.")
    assert ("Reservation", "Camper") in _links(result)
    assert not any({fk.ref_table for fk in t.foreign_keys} == {"Camper", "Reservation"}
                   for t in result.schema.tables if t.name != "Reservation")


def test_a_pair_named_by_a_short_mention_of_a_longer_entity():
    # "in a job" names the Service Job, the only entity whose name ends in "job"
    result = design("Each service job has a date and a total. Each filter has a name and a price. "
                    "Filters used in a job are recorded with a quantity and a unit.")
    link = next(t for t in result.schema.tables if {fk.ref_table for fk in t.foreign_keys} == {"Filter", "Service Job"})
    assert "Quantity" in {c.name for c in link.columns}
    assert "Quantity" not in _columns(result, "Filter")
