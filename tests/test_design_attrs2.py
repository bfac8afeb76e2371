"""Attribute extraction on the columns of the tables a design gets right (helper attrs2)."""

from __future__ import annotations

from design_helpers import attributes_of


def test_a_request_named_application_is_an_entity_of_the_domain():
    text = ("The council records the detailed information of the permit application, including the parcel "
            "number, permit fee, and submission date.")
    assert attributes_of(text, "Permit Application") == ["Parcel Number", "Permit Fee", "Submission Date"]


def test_the_described_organizations_are_an_entity_not_the_speaker():
    text = ("The system records the basic information of organizations, such as phone number, avatar, "
            "homepage link, and image link.")
    assert attributes_of(text, "Organization") == ["Phone Number", "Avatar", "Homepage Link", "Image Link"]


def test_values_a_user_sets_for_each_thing_are_its_attributes():
    text = "For each warehouse, managers can set the opening hour, capacity, and temperature range."
    assert attributes_of(text, "Warehouse") == ["Opening Hour", "Capacity", "Temperature Range"]


def test_a_set_of_things_is_no_list_trigger():
    text = "A set of rules applies to every contract. Each rule has a title and a penalty."
    assert attributes_of(text, "Rule") == ["Title", "Penalty"]


def test_a_module_maintaining_a_list_describes_its_entity():
    text = "The vehicle management module is responsible for maintaining vehicle ID, plate number, model, and mileage."
    assert attributes_of(text, "Vehicle") == ["Vehicle ID", "Plate Number", "Model", "Mileage"]


def test_a_merely_mentioned_person_is_named_by_a_bare_name():
    text = "The agency runs many campaigns, each with a budget and a start date. Each campaign employs several consultants."
    assert attributes_of(text, "Consultant") == ["Name"]


def test_the_kind_of_information_before_the_list_owns_it():
    text = ("Each vessel has multiple voyage logs, with voyage log information including departure port, "
            "arrival port, and fuel used.")
    assert attributes_of(text, "Voyage Log") == ["Departure Port", "Arrival Port", "Fuel Used"]
    assert "Departure Port" not in attributes_of(text, "Vessel")


def test_a_label_ending_in_a_copula_is_no_heading():
    from schema_architect.design.segment import split_sentences

    sentences = split_sentences("The shipping process is: the clerk packs each parcel and prints a label.")
    assert all(s.heading is None for s in sentences), [s.heading for s in sentences]


def test_a_quoted_table_name_owns_the_parenthesised_columns_after_it():
    text = ('The design includes the tables "Vessel" (Vessel ID, Vessel Name, Tonnage) and '
            '"Port" (Port ID, Port Name, Country).')
    assert attributes_of(text, "Vessel") == ["Vessel ID", "Vessel Name", "Tonnage"]
    assert attributes_of(text, "Port") == ["Port ID", "Port Name", "Country"]


def test_parentheses_annotating_one_quoted_field_list_no_columns():
    text = ('The Vessels table records each vessel, including "Vessel ID" (VesselID, Primary key), '
            '"Name" (Name), and "Tonnage" (Tonnage).')
    names = attributes_of(text, "Vessel")
    assert "Primary Key" not in names and "Vessel ID" in names and "Tonnage" in names, names


def test_the_system_name_is_a_field_not_a_new_clause():
    text = "The portal settings record the system name, logo path, and default language."
    assert attributes_of(text, "Portal Setting") == ["System Name", "Logo Path", "Default Language"]


def test_items_named_after_a_thing_of_the_sentence_belong_to_it_not_to_the_subject():
    text = ("Tenants can sign a lease with a unit number and a rent. Tenants can renew a lease, and "
            "document the lease renewal date and lease end date.")
    assert "Lease Renewal Date" in attributes_of(text, "Lease")
    assert "Lease Renewal Date" not in attributes_of(text, "Tenant")


def test_a_one_sentence_pair_of_details_is_two_attributes_not_one_joined():
    assert attributes_of("Each kennel has a name and address.", "Kennel") == ["Name", "Address"]


def test_a_participle_clause_of_purpose_ends_the_list():
    text = "Each trail records its length and difficulty, supporting route planning and safety analysis."
    assert attributes_of(text, "Trail") == ["Length", "Difficulty"]


def test_an_assessment_as_subject_keeps_what_it_records_of_each_person():
    text = ("Each athlete has a name and a club. The fitness assessment should record the assessment date "
            "and endurance score of each athlete.")
    assert "Endurance Score" in attributes_of(text, "Fitness Assessment")
    assert "Endurance Score" not in attributes_of(text, "Athlete")


def test_each_x_records_a_short_and_list():
    text = "Each workout session records start and end times and the burned calories."
    assert attributes_of(text, "Workout Session") == ["Start Time", "End Time", "Burned Calories"]
