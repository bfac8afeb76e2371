"""Ordinary prose (sixth round): one-word line-item tables, roles a user can take, state adjectives,
records of each X in each Y, feature-list lines and coordinated owners of one field list."""

from __future__ import annotations

from design_helpers import columns, foreign_keys, table_names
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
