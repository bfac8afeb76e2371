"""Tables the offline engine should not make: duplicates, values and abstract nouns beside the real ones."""

from __future__ import annotations

from schema_architect.design import design

from design_helpers import columns, table_names


def test_a_member_of_a_collective_body_of_people_is_a_row_of_it():
    result = design("The theatre manages its staff and its shows. Each staff member has a name, a phone number "
                    "and a role. Each show has a title and an opening date. The staff includes a staff ID and a hire date.")
    names = table_names(result)
    assert "Staff Member" not in names
    assert {"Name", "Phone Number", "Role", "Hire Date"} <= set(columns(result, "Staff"))


def test_a_team_member_stays_beside_the_team():
    result = design("Each team has a team name and a founding year. Each team member has a name and a jersey number.")
    assert {"Team", "Team Member"} <= set(table_names(result))


def test_a_long_counted_phrase_naming_a_described_entity_makes_no_shortened_table():
    result = design("Each region contains multiple rural broadband expansion projects. Each rural broadband expansion "
                    "project has a project code, a budget and a start date. Each region has a region name.")
    names = table_names(result)
    assert "Rural Broadband Expansion Project" in names
    assert "Rural Broadband Expansion" not in names


def test_reports_the_system_generates_and_interactions_it_manages_are_no_tables():
    result = design("The fitness club system manages trainers, members and their interactions. Each trainer has a "
                    "trainer ID, a name and a specialty. Each member has a member ID, a name and a join date.\n"
                    "Report generation:\nGenerate monthly attendance reports for each trainer.")
    names = table_names(result)
    assert {"Trainer", "Member"} <= set(names)
    assert "Report" not in names and "Interaction" not in names


def test_a_clause_caught_as_the_first_item_of_an_inventory_names_no_table():
    result = design("Business Requirements Description for the Clinic Management System: A hospital plans to develop "
                    "a clinic management system aimed at integrating patient management, doctor management, ward "
                    "management, and appointment management. Each patient has a patient ID and a name.")
    names = table_names(result)
    assert {"Patient", "Doctor", "Ward"} <= set(names)
    assert "Hospital Plan" not in names


def test_the_key_of_another_thing_inside_a_list_does_not_name_the_lists_owner():
    result = design("Each member has a member ID and a name. "
                    "The loan includes a unique Loan ID, the Member ID of the borrower, and the amount.")
    names = table_names(result)
    assert "Borrower" not in names
    assert {"Loan ID", "Member ID", "Amount"} <= set(columns(result, "Loan"))


def test_an_event_described_under_a_heading_naming_its_record_is_that_record():
    result = design("Vehicle Management:\nThe system manages vehicles. Each vehicle has a vehicle ID, a plate number "
                    "and a model.\nInspection Record Tracking:\nThe system is able to record each inspection of the "
                    "vehicle, including the inspector, inspection date, and inspection result. Each inspection record "
                    "is associated with a vehicle ID, an inspector ID and an inspection date.")
    names = table_names(result)
    assert "Vehicle Inspection" not in names
    assert {"Inspection Result", "Inspector ID", "Inspection Date"} <= set(columns(result, "Inspection Record"))


def test_possess_is_a_verb_not_part_of_the_owners_name():
    result = design("Robots possess attributes such as model, weight and battery capacity. Each robot belongs to one "
                    "factory. Each factory has a factory code and a city.")
    names = table_names(result)
    assert "Robots Possess" not in names
    assert {"Model", "Weight", "Battery Capacity"} <= set(columns(result, "Robot"))


def test_a_phrase_naming_the_software_owns_no_list():
    result = design("The Parcel Delivery or Courier Management system is used to manage and record the weight, size, "
                    "and destination of parcels. Each courier has a courier ID and a name.")
    names = table_names(result)
    assert "Courier" in names
    assert "Parcel Delivery" not in names


def test_each_with_after_examples_of_a_kind_describes_the_kind_not_the_last_example():
    result = design("The rental platform supports different vehicle types such as cars, vans, and trucks, each with "
                    "its corresponding type name and daily rate. Each customer has a customer ID and a name.")
    names = table_names(result)
    assert "Truck" not in names
    assert {"Type Name", "Daily Rate"} <= set(columns(result, "Vehicle Type"))


def test_a_phrase_joining_two_entities_with_nothing_of_its_own_is_no_third_table():
    result = design("Each tenant has a tenant ID and a name. Each landlord has a landlord ID and a phone number. Each "
                    "building has a building code and an address. Each unit has a unit number and a floor. Contact "
                    "Management: Manage the contact information of tenants and landlords, including detailed "
                    "descriptions of buildings and units.")
    names = table_names(result)
    assert {"Tenant", "Landlord", "Building", "Unit"} <= set(names)
    assert not [n for n in names if " and " in n]
