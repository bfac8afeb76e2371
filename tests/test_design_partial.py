"""Links a table's description states beside others it already has: a key named "the ID of the X", on
made-up sentences from domains unlike the benchmark's."""

from __future__ import annotations

from design_helpers import columns as _columns
from design_helpers import foreign_keys as _fks
from design_helpers import table_names as _table_names
from schema_architect.design import design


# -- "the ID of the X" in a list -----------------------------------------------------------------------------
def test_the_id_of_the_member_at_the_end_of_a_list_is_a_key_to_the_member():
    text = ("The library has members. Member information includes member ID, name and phone. "
            "Loan information includes loan ID, loan date, due date, and the ID of the member who borrowed the book.")
    result = design(text)
    assert "Loan" in _table_names(result)
    assert "Loan ID" not in _columns(result, "Member")
    assert _fks(result, "Loan").get("Member ID") == "Member"


def test_the_name_and_id_of_each_member_stay_the_members_own():
    text = ("The club keeps the name and ID of each member. "
            "Each tournament has a tournament ID, a venue and a start date.")
    result = design(text)
    assert "Member ID" in _columns(result, "Member")
    assert "Member ID" not in _columns(result, "Tournament")


# -- "assigns a Y to each X" -------------------------------------------------------------------------------
def test_a_thing_assigned_to_each_recipient_is_a_key_of_the_recipient():
    text = ("Each berth has a berth ID, a length and a depth. "
            "Each ship has a ship ID, a name and a flag. "
            "The harbour master assigns a berth to each ship.")
    result = design(text)
    assert _fks(result, "Ship").get("Berth ID") == "Berth"
    assert "Ship ID" not in _columns(result, "Berth")


def test_a_thing_lent_to_each_member_is_still_the_members():
    text = ("Each kayak has a kayak ID, a colour and a length. "
            "Each member has a member ID, a name and a phone. "
            "The club lends a kayak to each member.")
    assert "Kayak ID" not in _columns(design(text), "Member")


# -- an administrator's key ----------------------------------------------------------------------------------
def test_an_administrator_id_points_at_the_users_when_there_is_no_administrator_table():
    text = ("The parking garage app keeps users with a user ID, a login name and a password. "
            "Each tariff has a tariff ID, an hourly rate, a valid-from date and an administrator ID.")
    assert _fks(design(text), "Tariff").get("Administrator ID") == "User"


# -- "the X's details" in another thing's list ------------------------------------------------------------
def test_the_reviewers_details_point_at_the_people_of_the_design():
    text = ("The journal keeps users with a user ID, a name and an affiliation. "
            "Review information includes review ID, manuscript title, reviewer's details, and submission date.")
    assert _fks(design(text), "Review").get("Reviewer") == "User"
