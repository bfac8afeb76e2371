"""Foreign keys from columns the text already names (a staff role, a table's name or key), on made-up
sentences from domains unlike the benchmark's."""

from __future__ import annotations

from design_helpers import columns as _columns
from design_helpers import foreign_keys as _fks
from schema_architect.design import design


# -- a role the staff fills -----------------------------------------------------------------------------
def test_a_staff_role_with_a_key_word_points_at_the_staff_table():
    text = ("The harbour keeps employees with an employee ID, name and phone. "
            "Each crane has a crane ID, a model and a lifting capacity. "
            "Each crane inspection record has an inspection ID, a crane ID, a technician ID, an inspection date and a result.")
    fks = _fks(design(text), "Crane Inspection Record")
    assert fks.get("Technician ID") == "Employee", fks


def test_the_actor_of_a_deed_keeps_its_name_and_points_at_the_staff():
    text = ("The bakery keeps employees with an employee ID, name and shift. "
            "Each cake has a cake ID, a flavour and a price. "
            "Each sale records a sale ID, the cake ID, the salesperson, the quantity and the sale time.")
    result = design(text)
    fks = _fks(result, "Sale")
    assert fks.get("Salesperson") == "Employee", fks
    assert "Salesperson" in _columns(result, "Sale")


def test_a_bare_manager_of_an_organization_unit_stays_a_name():
    text = ("The bakery keeps employees with an employee ID, name and shift. "
            "Each branch has a branch ID, a branch name, a manager and an address.")
    assert "Manager" not in _fks(design(text), "Branch")


def test_a_staff_role_does_not_point_at_a_kind_of_staff():
    text = ("Each valve has a valve ID, a size, an installation date and designated personnel. "
            "Each inspection personnel has a personnel ID, a name and a certificate.")
    assert not _fks(design(text), "Valve")


# -- a one-field information list ------------------------------------------------------------------------
def test_a_one_field_information_list_is_a_table_of_that_field_linked_to_what_it_is_named_after():
    text = ("The functions of a hardware shop system include:\n"
            "1. Manage tool information, including tool number, tool name and daily rate.\n"
            "2. Record tool rental information, including deposit amount.\n")
    result = design(text)
    assert "Deposit Amount" in _columns(result, "Tool Rental")
    assert _fks(result, "Tool Rental") == {"Tool Number": "Tool"}


def test_a_one_item_list_that_is_not_about_information_is_still_no_table():
    text = "Each tool has a tool number and a name. The shop stores records, including paper ones."
    names = [t.name for t in design(text).schema.tables]
    assert names == ["Tool"], names


# -- the business's own data spanning things it keeps ------------------------------------------------------
def test_the_business_data_including_many_things_links_none_of_them():
    text = ("A library network needs to manage its loan data, including multiple branches and the books in the branches. "
            "Each branch has a branch number, name and address. Each book has an ISBN, title and author. "
            "The branch needs to record daily loans, including loan time, ISBN, due date and librarian.")
    result = design(text)
    assert not _fks(result, "Branch"), _fks(result, "Branch")
    assert "ISBN" not in _columns(result, "Branch")


# -- naming a key like the referenced key ------------------------------------------------------------------
def test_a_column_that_only_says_it_is_linked_is_named_like_the_referenced_key():
    text = ("Each gym has a gym ID, a name and an address. "
            "Locker information includes locker ID, size, belonging gym and monthly fee.")
    result = design(text)
    assert _fks(result, "Locker") == {"Gym ID": "Gym"}, _fks(result, "Locker")
    assert "Belonging Gym" not in _columns(result, "Locker")


def test_a_role_participle_keeps_its_name():
    text = ("Each member has a member ID, a name and a phone. "
            "Each review has a review ID, a rating, a comment and a posting member.")
    assert _fks(design(text), "Review") == {"Posting Member": "Member"}


# -- keys named by the referencing column; hierarchies ------------------------------------------------------
def test_a_record_referred_to_by_its_number_gets_that_number_as_its_key():
    text = ("Each clinic has a clinic ID, name and address. Each vaccine has a vaccine code and a name. "
            "Each stock request has a requesting clinic, a vaccine code and a dose count. "
            "Each shipment has a shipment number, a stock request number, a ship date and a carrier.")
    result = design(text)
    assert result.schema.table("Stock Request").primary_key.columns == ["Stock Request Number"]
    assert _fks(result, "Shipment") == {"Stock Request Number": "Stock Request"}


def test_a_parent_column_with_an_adjective_of_its_table_is_a_hierarchy():
    text = "Each section has a section code, a title and a parent sectional ID."
    assert _fks(design(text), "Section") == {"Parent Sectional ID": "Section"}


def test_a_superior_manager_of_a_staff_member_is_another_staff_member():
    text = "Each staff member has a staff ID, a name, a grade and a superior manager."
    assert _fks(design(text), "Staff Member") == {"Superior Manager": "Staff Member"}


# -- "<thing> information" in a record -----------------------------------------------------------------------
def test_information_of_the_only_table_with_that_head_is_a_key_to_it():
    text = ("Each exam hall has a hall number, a floor and a seat count. "
            "Each sitting has a sitting ID, a candidate name, hall information and a start time.")
    result = design(text)
    assert _fks(result, "Sitting") == {"Hall Number": "Exam Hall"}, _fks(result, "Sitting")


def test_information_of_a_role_keeps_the_role_in_the_key_name():
    text = ("Each member has a member ID, a name and an email. Each bike has a bike ID and a model. "
            "Each rental has a rental ID, renter member information, a bike ID and a rental time.")
    fks = _fks(design(text), "Rental")
    assert fks.get("Renter ID") == "Member", fks


# -- roles before a table's name --------------------------------------------------------------------------
def test_a_role_before_the_referenced_name_is_one_row_not_a_mutual_link():
    text = ("Each tenant has a tenant ID, a name and a move-out request. "
            "Each request has a request ID, a request type, an applicant tenant ID and a request time.")
    result = design(text)
    assert _fks(result, "Request").get("Applicant Tenant ID") == "Tenant", _fks(result, "Request")
    assert "Move-out Request" not in _fks(result, "Tenant")


def test_a_kind_of_a_thing_is_no_key_to_it_but_a_role_of_a_person_is():
    text = ("Each address has an address ID, a line and a town. Each teacher has a teacher ID and a name. "
            "Each office has an office ID, a street address, a floor and a head teacher.")
    fks = _fks(design(text), "Office")
    assert fks == {"Head Teacher": "Teacher"}, fks


def test_a_person_id_role_points_at_the_users_but_a_bare_courier_of_an_order_does_not():
    text = ("Each user has a user ID, a username and a phone. Each dish has a dish ID and a price. "
            "Each delivery has a delivery ID, a delivery address, a delivery time and a delivery person. "
            "Each stock check has a check ID, a check person ID and a check time.")
    result = design(text)
    assert "Delivery Person" not in _fks(result, "Delivery"), _fks(result, "Delivery")
    assert _fks(result, "Stock Check") == {"Check Person ID": "User"}, _fks(result, "Stock Check")


def test_a_bare_superior_is_another_row_of_the_same_table():
    text = ("Each ranger has a ranger ID, a name, a station and a superior. "
            "Each superior has a superior ID and a rank.")
    fks = _fks(design(text), "Ranger")
    assert fks.get("Superior ID") == "Ranger", fks


def test_a_person_in_charge_of_a_site_is_one_of_the_staff():
    text = ("The observatory keeps employees with an employee ID, name and phone. "
            "Each telescope has a telescope ID, a location, an aperture and a person in charge. "
            "Each campaign has a campaign ID, a goal and a responsible person.")
    result = design(text)
    assert _fks(result, "Telescope") == {"Person in Charge": "Employee"}, _fks(result, "Telescope")
    assert _fks(result, "Campaign") == {"Responsible Person": "Employee"}, _fks(result, "Campaign")


def test_a_number_named_by_a_compound_of_the_entity_is_its_own_key():
    text = ("The lab manages users, samples and instrument assets. "
            "Each instrument has a name, an asset number and a holder. "
            "Each loan record has a record ID, a borrower, an asset number and a time.")
    result = design(text)
    assert result.schema.table("Instrument").primary_key.columns == ["Asset Number"]
    assert _fks(result, "Loan Record").get("Asset Number") == "Instrument", _fks(result, "Loan Record")
