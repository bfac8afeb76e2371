"""Ordinary prose (sixth round): one-word line-item tables, roles a user can take, state adjectives,
records of each X in each Y, feature-list lines and coordinated owners of one field list."""

from __future__ import annotations

from design_helpers import columns, foreign_keys, table, table_names
from schema_architect.design import design


def test_a_one_word_table_named_like_a_line_item_is_designed():
    result = design("Each entry has a title and a price. Each ledger has a name.")
    assert "Entry" in table_names(result), table_names(result)


def test_roles_a_user_can_take_are_keys_to_the_user_named_by_the_role():
    result = design("Members can be drivers or riders. Each member has a name and a phone number. "
                    "A driver offers rides. Each ride has a date and a price. A rider books seats on rides.")
    assert "Driver" not in table_names(result) and "Rider" not in table_names(result), table_names(result)
    assert foreign_keys(result, "Ride").get("Driver ID") == "Member", foreign_keys(result, "Ride")


def test_a_role_no_link_uses_is_a_flag_of_the_kind():
    result = design("Accounts can be admins or editors. Each account has a login and a password.")
    assert table_names(result) == ["Account"], table_names(result)
    assert {"Is Admin", "Is Editor"} <= set(columns(result, "Account")), columns(result, "Account")


def test_adjectives_are_no_roles():
    result = design("Users can be active or inactive. Each user has a name.")
    assert "Active" not in table_names(result), table_names(result)
    assert "Is Active" not in columns(result, "User"), columns(result, "User")


def test_the_values_after_a_record_made_for_a_thing_are_the_records():
    result = design("Each patient has a name. Each clinic has an address. "
                    "Patients can leave a complaint about a clinic with a date and a text.")
    assert {"Date", "Text"} <= set(columns(result, "Complaint")), columns(result, "Complaint")
    assert "Date" not in columns(result, "Clinic"), columns(result, "Clinic")
    assert set(foreign_keys(result, "Complaint").values()) == {"Patient", "Clinic"}, foreign_keys(result, "Complaint")


def test_lists_after_a_singular_subject_and_before_a_bare_plural_is_a_verb():
    result = design("Each dealer has a name. A dealer lists cars. Each car has a model and a price.")
    assert "Dealer" in foreign_keys(result, "Car").values(), foreign_keys(result, "Car")


def test_lists_with_articles_after_a_singular_subject_still_lists_fields():
    result = design("Each invoice has a number. The invoice lists the date and the total.")
    assert {"Date", "Total"} <= set(columns(result, "Invoice")), columns(result, "Invoice")


def test_a_state_adjective_alone_is_no_part_of_the_table_name():
    result = design("Outstanding invoices trigger a reminder. Each reminder has a date.")
    assert "Outstanding Invoice" not in table_names(result), table_names(result)
    assert "Invoice" in foreign_keys(result, "Reminder").values(), foreign_keys(result, "Reminder")


def test_one_thing_placed_in_each_of_another_every_period_is_a_record_of_the_three():
    result = design("Each nurse has a name. Each ward has a floor. Every week the hospital assigns a nurse to each ward.")
    assert set(foreign_keys(result, "Assignment").values()) == {"Nurse", "Ward"}, table_names(result)
    assert "Week" in columns(result, "Assignment"), columns(result, "Assignment")


def test_a_passive_placement_every_period_is_a_record_too():
    result = design("Each volunteer has a name. Each shelter has an address. "
                    "Each month, a volunteer is assigned to each shelter.")
    assert set(foreign_keys(result, "Assignment").values()) == {"Volunteer", "Shelter"}, table_names(result)
    assert "Month" in columns(result, "Assignment"), columns(result, "Assignment")


def test_abstract_words_counted_then_described_each_are_things():
    result = design("A questionnaire has several fields, each with a label and a type. Each questionnaire has a title.")
    assert {"Label", "Type"} <= set(columns(result, "Field")), table_names(result)
    assert "Label" not in columns(result, "Questionnaire"), columns(result, "Questionnaire")


def test_a_field_list_label_is_still_no_field_table():
    result = design("Ship Management: records basic information about ships.\nFields: Ship ID (Primary key), Name, Type\n\n"
                    "Crew Management: records basic information about crew members.\nFields: Crew Member ID, Name, Ship ID")
    assert "Field" not in table_names(result), table_names(result)


def test_coordinated_possessors_both_own_the_fields():
    result = design("We record drivers and mechanics' names and phone numbers.")
    for t in ("Driver", "Mechanic"):
        assert {"Name", "Phone Number"} <= set(columns(result, t)), (t, table_names(result))
    assert "Name" not in table_names(result), table_names(result)


def test_a_gerund_before_a_collective_people_word_names_the_people():
    result = design("Monitoring staff have a name and a phone number. Each sensor has a code. Monitoring staff check sensors.")
    assert "Monitoring Staff" in table_names(result), table_names(result)


def test_a_feature_line_opens_with_the_systems_verb_not_a_subject():
    result = design("Rosters staff duties. Each duty has a date and a location. Each staff member has a name.")
    assert "Roster" not in table_names(result), table_names(result)
    assert "Duty" in table_names(result), table_names(result)


def test_what_a_feature_line_acts_on_is_a_thing():
    result = design("Rosters crew watches. Each crew member has a name.")
    assert "Roster" not in table_names(result), table_names(result)
    assert "Crew Watch" in table_names(result), table_names(result)


def test_a_plural_subject_and_its_verb_still_link():
    result = design("Vets see pets. Each vet has a name. Each pet has a species.")
    assert "Vet" in table_names(result) and "Pet" in table_names(result), table_names(result)


def test_coordinated_kinds_of_the_lists_owner_each_own_the_fields():
    result = design("The hotel manages the information of all staff, including cleaning staff and kitchen staff's "
                    "names and phone numbers.")
    for t in ("Cleaning Staff", "Kitchen Staff"):
        assert {"Name", "Phone Number"} <= set(columns(result, t)), (t, table_names(result))


def test_a_verb_spelled_like_its_event_record_links_through_that_record():
    result = design("Each vet has a name. Each farm has an address. Vets visit farms. Each visit has a date and a fee.")
    assert set(foreign_keys(result, "Visit").values()) == {"Vet", "Farm"}, foreign_keys(result, "Visit")
    assert "Vet Farm" not in table_names(result), table_names(result)


def test_a_reference_to_a_table_given_as_a_non_object_is_explained_not_a_crash():
    import pytest

    from schema_architect.errors import InputError
    from schema_architect.model.rschema import from_rschema

    with pytest.raises(InputError):
        from_rschema({"Order": {"Attributes": ["A"], "Foreign key": {"A": {"Shop": "ID"}}}, "Shop": True})


def test_rating_a_thing_puts_the_rating_on_the_pair():
    result = design("Each diner has a name. Each restaurant has a cuisine. Diners can rate restaurants from 1 to 5.")
    pair = [t.name for t in result.schema.tables
            if {"Diner", "Restaurant"} <= {fk.ref_table for fk in t.foreign_keys}]
    assert pair and "Rating" in columns(result, pair[0]), table_names(result)
    assert "Rating" not in columns(result, "Restaurant"), columns(result, "Restaurant")


def test_a_record_of_each_x_in_each_y_every_period_is_keyed_by_the_three():
    result = design("Each pitch has a name. Each team has a coach. Every season the league assigns a team to each pitch.")
    assert table(result, "Assignment").primary_key.columns == ["Team ID", "Pitch ID", "Season"], columns(result, "Assignment")
