"""Entities the reading stage must not miss (helper `recall`), on made-up sentences from other domains."""

from __future__ import annotations

from schema_architect.design.understand import read_requirements


def entities(text: str) -> dict[str, set[str]]:
    return {e.name: {a.name for a in e.attributes} for e in read_requirements(text).model.entities}


def test_a_parenthesised_group_keyed_by_another_nouns_number_is_that_nouns_table():
    got = entities("Crew management: including basic information of sailors (such as sailor ID, name, rank) "
                   "and berth information (such as cabin number, deck number, number of bunks, steward).")
    assert {"Sailor ID", "Name", "Rank"} <= got["Sailor"]
    assert {"Cabin Number", "Deck Number", "Number of Bunks", "Steward"} <= got["Cabin"]
    assert "Cabin Number" not in got["Sailor"]


def test_a_named_kind_of_content_in_parentheses_is_its_own_entity():
    got = entities("For each exhibit the museum stores basic information (such as title, era, creation time), "
                   "and audio guide content (audio link, narrator, audio duration, etc.).")
    assert {"Audio Link", "Narrator", "Audio Duration"} <= got["Audio Guide Content"]


def test_an_adjective_kind_of_data_keeps_its_head_noun():
    got = entities("For reef management, the system records basic information about surveyed reefs, including "
                   "reef ID, name and depth, while recording existing geological data (sample time, sample "
                   "location, geologist, etc.).")
    assert {"Sample Time", "Sample Location", "Geologist"} <= got["Geological Data"]
    assert "Sample Time" not in got["Reef"]


def test_personal_information_in_parentheses_stays_with_its_owner():
    got = entities("Patient management: including basic information of patients (name, age) and contact "
                   "information (phone, email).")
    assert {"Name", "Age"} <= got["Patient"]
    assert "Contact" not in got


def test_types_of_a_thing_described_by_their_type_fields_are_a_type_table():
    got = entities("The gym sells several types of memberships, each with a unique membership type code, a "
                   "membership type name and a monthly fee. Each membership has a membership number, a start "
                   "date and the membership type code.")
    assert {"Membership Type Code", "Membership Type Name", "Monthly Fee"} <= got["Membership Type"]
    assert "Start Date" in got["Membership"]


def test_types_of_a_thing_described_by_its_own_fields_stay_that_thing():
    got = entities("The quarry extracts different types of stone, including the stone name and hardness.")
    assert {"Stone Name", "Hardness"} <= got["Stone"]
    assert "Stone Type" not in got


def test_kinds_of_information_a_tool_integrates_are_entities():
    got = entities("The housing office software helps landlords by integrating basic tenant information, lease "
                   "records, repair requests, etc.")
    assert "Tenant" in got and ("Lease Record" in got or "Lease" in got)


def test_contact_information_among_integrated_kinds_is_no_entity():
    got = entities("The desk software helps agents by integrating basic traveller information, contact "
                   "information, and itinerary records.")
    assert "Traveller" in got and "Contact" not in got


def test_a_record_someone_creates_is_an_entity():
    got = entities("Each member has a member number and a name. Members can place bookings for courts, and "
                   "members may also file complaints about the staff.")
    assert "Booking" in got and "Complaint" in got


def test_creating_a_non_record_names_no_entity():
    got = entities("Each editor has an editor ID and a name. Editors can make changes and create drafts quickly.")
    assert "Change" not in got


def test_an_assessment_done_for_each_row_is_an_entity():
    got = entities("Each vessel has a hull number and a name. The harbour office conducts safety inspections "
                   "on each vessel.")
    assert "Safety Inspection" in got
    got = entities("Each kitchen has a kitchen code. The chain supports hygiene audit for every kitchen.")
    assert "Hygiene Audit" in got


def test_the_products_own_settings_are_a_table():
    got = entities("Each clinic has a clinic code and a name. The system settings module shall store the default "
                   "language, time zone, logo and version number.")
    settings = got.get("System Setting") or got.get("System Settings")
    assert settings is not None and {"Default Language", "Time Zone", "Logo"} <= settings
    assert not any(name.lower() in ("system", "database") for name in got)


def test_a_sentence_giving_its_subject_one_attribute_describes_an_entity():
    got = entities("Each kennel has a kennel number and a size. Each breed must have a unique name; "
                   "each dog has a dog ID, a name and a birth date.")
    assert "Name" in got["Breed"]
    got = entities("Each parcel has a parcel code and a weight. Courier information includes Courier ID.")
    assert "Courier ID" in got["Courier"]


def test_one_attribute_of_the_product_itself_names_no_entity():
    got = entities("Each parcel has a parcel code and a weight. The system must have a unique name.")
    assert set(got) == {"Parcel"}
    got = entities("Each parcel has a parcel code and a weight. Contact information includes phone number.")
    assert set(got) == {"Parcel"}
