"""Keys named in prose: 'X is identified by its Y' makes Y the key column of X."""

from __future__ import annotations

from design_helpers import columns, foreign_keys, table, table_names
from schema_architect.design import design


def test_a_plural_subject_identified_by_a_number_takes_it_as_its_primary_key():
    result = design("Members are identified by their membership number. Each member has a name. "
                    "Each loan is made by a member.")
    member = table(result, "Member")
    assert member.primary_key.columns == ["Membership Number"], columns(result, "Member")
    assert "Membership" not in table_names(result)
    assert foreign_keys(result, "Loan").get("Membership Number") == "Member", columns(result, "Loan")


def test_an_acronym_named_as_the_identifier_is_the_key_and_the_foreign_key_name():
    result = design("Each aircraft is identified by its ICAO code. Each flight is operated by an aircraft.")
    assert table(result, "Aircraft").primary_key.columns == ["ICAO Code"], columns(result, "Aircraft")
    assert foreign_keys(result, "Flight").get("ICAO Code") == "Aircraft", columns(result, "Flight")


def test_a_sentence_naming_only_the_key_still_describes_the_entity():
    result = design("Patients are identified by a health card number.")
    assert table(result, "Patient").primary_key.columns == ["Health Card Number"], columns(result, "Patient")


def test_an_abstract_word_the_text_describes_with_values_is_an_entity():
    result = design("Each course has several modules. Each module has a title and a duration. "
                    "Each course has a name.")
    assert {"Title", "Duration"} <= set(columns(result, "Module")), table_names(result)
    assert "Course" in foreign_keys(result, "Module").values(), columns(result, "Module")


def test_an_abstract_word_the_text_does_not_describe_stays_out():
    result = design("Each customer has a name and an email. All fields are required.")
    assert "Field" not in table_names(result)
