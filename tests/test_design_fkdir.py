"""Foreign-key direction read from possessives and "which X" clauses."""

from __future__ import annotations

from design_helpers import columns, foreign_keys, linking, table_names
from schema_architect.design import design


def test_a_possessed_described_thing_holds_the_possessor_key_and_no_junction():
    result = design("A company manages many shops. Each shop has a name and address. The company needs to "
                    "record the shop's repair request, and each repair request needs to record the request "
                    "date, description, and cost.")
    assert not linking(result, "Shop", "Repair Request"), table_names(result)
    assert foreign_keys(result, "Repair Request").get("Shop ID") == "Shop", foreign_keys(result, "Repair Request")
    assert "Repair Request ID" not in columns(result, "Shop"), columns(result, "Shop")


def test_record_which_x_handles_it_gives_the_record_a_key_to_x_not_a_junction():
    result = design("Each repair job should have a job number and a description, and it is necessary to record "
                    "which mechanic is handling it. Mechanics must have their mechanic ID and name stored. "
                    "A mechanic handles a repair job.")
    assert not linking(result, "Mechanic", "Repair Job"), table_names(result)
    assert foreign_keys(result, "Repair Job").get("Mechanic ID") == "Mechanic", foreign_keys(result, "Repair Job")
    assert not foreign_keys(result, "Mechanic"), foreign_keys(result, "Mechanic")


def test_a_persons_organization_is_the_one_they_belong_to():
    result = design("The system stores clubs with a name and a budget. Each member has a name and phone. "
                    "The system records the member's club.")
    assert foreign_keys(result, "Member").get("Club ID") == "Club", foreign_keys(result, "Member")
    assert not foreign_keys(result, "Club"), foreign_keys(result, "Club")


def test_record_which_x_it_is_stored_in_gives_the_thing_a_key_to_x():
    result = design("Each parcel has a tracking code and a weight, and the system records which depot it is "
                    "stored in. Depots have a depot code and a city. The system manages the relationship "
                    "between depots and parcels.")
    assert not linking(result, "Depot", "Parcel"), table_names(result)
    assert foreign_keys(result, "Parcel").get("Depot Code") == "Depot", foreign_keys(result, "Parcel")


def test_a_things_one_organization_named_by_a_possessive_is_keyed_from_the_thing():
    result = design("Each warehouse has a name. Each product has a name and a price. "
                    "The system records the product's warehouse.")
    assert foreign_keys(result, "Product").get("Warehouse ID") == "Warehouse", foreign_keys(result, "Product")
    assert not foreign_keys(result, "Warehouse"), foreign_keys(result, "Warehouse")


def test_an_organizations_plural_units_stay_its_own():
    result = design("Each department has a name. Each company has a name. The system records the company's departments.")
    assert foreign_keys(result, "Department").get("Company ID") == "Company", foreign_keys(result, "Department")
