""""X <verb> Y through/via Z (with ...)": Z is the record of each act, between X and Y, holding the with-list."""

from __future__ import annotations

from design_helpers import columns, foreign_keys, linking, table_names
from schema_architect.design import design


def test_a_means_named_after_through_is_the_record_between_the_two_sides():
    result = design("Volunteers staff shelters through shifts with a start time and an end time.")
    assert "Shift" in table_names(result), table_names(result)
    assert {"Volunteer", "Shelter"} <= set(foreign_keys(result, "Shift").values()), foreign_keys(result, "Shift")
    assert any("start time" in c.lower() for c in columns(result, "Shift")), columns(result, "Shift")
    assert [t.name for t in linking(result, "Volunteer", "Shelter")] == ["Shift"], table_names(result)


def test_via_and_that_have_name_the_record_and_its_values():
    result = design("Farmers supply markets via deliveries that have a date and a weight.")
    assert "Delivery" in table_names(result), table_names(result)
    assert set(foreign_keys(result, "Delivery").values()) >= {"Farmer", "Market"}, foreign_keys(result, "Delivery")
    assert any("weight" in c.lower() for c in columns(result, "Delivery")), columns(result, "Delivery")


def test_the_business_acting_through_a_key_names_no_record():
    result = design("Each kayak has a name and a length. The club identifies each kayak through a unique hull code.")
    assert "Unique" not in table_names(result) and "Hull Code" not in table_names(result), table_names(result)


def test_a_charge_a_thing_incurs_is_a_record_pointing_at_it():
    result = design("Tenants rent flats through leases with a start date. Leases incur a penalty when broken.")
    assert "Penalty" in table_names(result), table_names(result)
    assert "Lease" in foreign_keys(result, "Penalty").values(), foreign_keys(result, "Penalty")


def test_an_earned_amount_stays_a_value():
    result = design("Each employee has a name and earns a salary.")
    assert "Salary" not in table_names(result), table_names(result)
