"""Attribute lists (fourth round): whose fields a list names when its end says so."""

from __future__ import annotations

from design_helpers import columns, table_names
from schema_architect.design import design


def test_etc_of_each_thing_after_a_list_names_whose_fields_they_are():
    result = design("Each harbour has a name and a town. Each harbour holds several berths, and the system "
                    "records the length, depth, mooring type, etc. of each berth.")
    assert {"Length", "Depth", "Mooring Type"} <= set(columns(result, "Berth")), columns(result, "Berth")
    assert "Depth" not in columns(result, "Harbour"), columns(result, "Harbour")


def test_of_a_bare_plural_after_the_last_field_names_the_owner_not_the_field():
    result = design("Each greenhouse has a name and a location. "
                    "Gardeners can set the watering schedule, soil type, and irrigation method of greenhouses.")
    cols = columns(result, "Greenhouse")
    assert {"Watering Schedule", "Soil Type", "Irrigation Method"} <= set(cols), cols
    assert not any(" of " in c for c in cols), cols


def test_a_count_of_a_plural_stays_one_field():
    result = design("Each ward has a name, a floor, and the number of beds.")
    assert "Number of Beds" in columns(result, "Ward"), columns(result, "Ward")
    assert "Bed" not in table_names(result), table_names(result)


def test_the_information_for_a_thing_after_a_comma_opens_that_things_own_list():
    result = design("Each marina has a name and a town. Each marina will have several moorings, the details for "
                    "these moorings include berth code, length, depth, and the associated marina.")
    cols = columns(result, "Mooring")
    assert {"Berth Code", "Length", "Depth"} <= set(cols), cols
    assert "Depth" not in columns(result, "Marina"), columns(result, "Marina")


def test_a_listed_column_named_like_a_mentioned_things_stub_is_kept():
    # "boat management" only mentions boats (they get a stub "Boat Name"); the list then names a
    # real "boat name" first, which must not be taken for the stub and dropped with it
    result = design("The harbour system shall include functions such as member management and boat management. "
                    "Each member has a name and a phone number. "
                    "Administrators shall be able to register boats, set the boat name, length, draft, and mooring fee.")
    cols = columns(result, "Boat")
    assert {"Boat Name", "Length", "Draft", "Mooring Fee"} <= set(cols), cols


def test_values_recorded_after_an_event_is_completed_are_the_events():
    result = design("Each kennel has a number and a size. Each dog has a name and a breed. "
                    "After the grooming is completed, it is necessary to record the grooming fee, coat condition, "
                    "and groomer remarks.")
    assert "Grooming" in table_names(result), table_names(result)
    cols = columns(result, "Grooming")
    assert {"Grooming Fee", "Coat Condition", "Groomer Remarks"} <= set(cols), cols


def test_a_participle_saying_the_values_are_kept_is_no_part_of_the_last_name():
    result = design("Each pilot has a licence number and a rank. "
                    "Instructors must have their instructor code and email recorded.")
    cols = columns(result, "Instructor")
    assert "Email" in cols and not any("Recorded" in c for c in cols), cols


def test_a_for_each_heading_that_opens_a_field_list_gives_the_fields_to_that_thing():
    result = design("Kennel management: the system keeps kennels and dogs. Each dog has a name and a breed.\n"
                    "For each kennel, you can set:\nKennel code, capacity, and heating type.")
    cols = columns(result, "Kennel")
    assert {"Capacity", "Heating Type"} <= set(cols), cols


def test_key_information_before_the_list_that_spells_it_out_is_no_column():
    result = design("For ships, it is necessary to record key information for each ship, such as the hull number, "
                    "tonnage, and home port.")
    cols = columns(result, "Ship")
    assert {"Tonnage", "Home Port"} <= set(cols), cols
    assert "Key Information" not in cols, cols
