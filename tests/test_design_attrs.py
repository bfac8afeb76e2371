"""Attribute placement rules of the offline design engine (helper `attrs`): which list items are
columns of the table they are listed on. Sentences are made up, from domains the rules were not
measured on."""

from __future__ import annotations

from design_helpers import attributes_of
from schema_architect.design.understand import read_requirements


def test_an_item_naming_the_rows_of_another_entity_is_no_column():
    text = ("The clinic keeps the name, phone number, vaccination records and treatment records of each pet "
            "owner. Each vaccination record has a vaccine name and a date. Each treatment record has a "
            "diagnosis and a fee.")
    names = attributes_of(text, "Pet Owner")
    assert "Treatment Records" not in names and "Vaccination Records" not in names, names
    assert "Phone Number" in names, names


def test_associated_rows_are_no_column():
    text = ("Each booking has a booking ID, a check-in date and associated invoices. "
            "Each invoice has an invoice ID and an amount.")
    names = attributes_of(text, "Booking")
    assert "Associated Invoices" not in names and "Check-in Date" in names, names


def test_information_of_other_rows_is_no_column():
    text = ("Each kennel has a kennel ID, a size and information of boarders. "
            "Each boarder has a boarder ID, a breed and an age.")
    names = attributes_of(text, "Kennel")
    assert not any("Boarder" in n for n in names), names
    assert "Size" in names, names


def test_a_count_of_other_rows_stays_a_column():
    text = ("Each shelter has a shelter ID, a name and a total number of kennels. "
            "Each kennel has a kennel ID and a size.")
    assert "Total Number of Kennels" in attributes_of(text, "Shelter")


def test_a_record_mentioned_without_fields_gets_a_date_not_a_name():
    text = ("Each angler has an angler ID, a name and a licence number. "
            "The lake authority also keeps catch records of each angler.")
    names = attributes_of(text, "Catch Record")
    assert names == ["Catch Record Date"], names


def test_unowned_items_named_after_a_keyed_noun_are_its_fields():
    text = ("Each patient has a patient ID and a name. "
            "The system records visit ID, visit date, visit reason and visit fee.")
    assert attributes_of(text, "Visit") == ["Visit ID", "Visit Date", "Visit Reason", "Visit Fee"]


def test_plural_items_named_after_their_owner_are_singular_fields():
    text = ("The company manages many enclosures and needs to record their enclosure numbers, "
            "enclosure names and enclosure sizes.")
    assert attributes_of(text, "Enclosure") == ["Enclosure Number", "Enclosure Name", "Enclosure Size"]


def test_a_record_naming_another_key_is_not_that_things_list():
    text = ("Each enclosure has an enclosure ID and a size. "
            "Each record includes Keeper ID, Enclosure ID, enclosure cleaning time and enclosure status.")
    assert attributes_of(text, "Enclosure") == ["Enclosure ID", "Size"]


def test_the_subject_after_a_leading_clause_owns_the_list():
    text = "When checking in, guests need to provide information such as passport number, nationality, and arrival date."
    assert attributes_of(text, "Guest") == ["Passport Number", "Nationality", "Arrival Date"]


def test_a_passive_subject_after_a_leading_clause_owns_the_list():
    text = ("After each voyage, the voyage report needs to be recorded, including distance, fuel used, "
            "and weather conditions.")
    assert "Distance" in attributes_of(text, "Voyage Report")


def test_an_entitys_own_information_group_is_no_column():
    names = attributes_of("Each vaccine has a vaccine ID, a name, a dose, and vaccine information.", "Vaccine")
    assert names == ["Vaccine ID", "Name", "Dose"], names


def test_information_of_the_entity_itself_is_no_column():
    names = attributes_of("2: Kennel management: including basic information of kennels and kennel size", "Kennel")
    assert not any("Information" in n for n in names), names


def test_each_after_a_counted_noun_starts_that_nouns_list():
    text = "The agency has several tour guides, each identified by a unique guide ID, name, language, and license number."
    assert attributes_of(text, "Tour Guide") == ["Guide ID", "Name", "Language", "License Number"]


def test_an_adverb_after_each_keeps_the_noun_before_it_the_owner():
    text = "The museum keeps many artifacts, each uniquely identified by an artifact code, an era, and a material."
    assert attributes_of(text, "Artifact") == ["Artifact Code", "Era", "Material"]


def test_a_set_of_attributes_including_lists_fields_not_a_related_set():
    text = ("The park has several trails, each identified by a set of attributes including unique trail code, "
            "length, and difficulty.")
    names = attributes_of(text, "Trail")
    assert names[:3] == ["Trail Code", "Length", "Difficulty"], names
    assert read_requirements(text).model.entity("Trail Code") is None
