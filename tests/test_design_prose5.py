"""Ordinary prose: 'list' as a plain verb after a plural subject, roles that act on their own."""

from __future__ import annotations

from design_helpers import foreign_keys, table_names
from schema_architect.design import design


def test_list_after_a_plural_subject_is_a_verb_that_links_both_sides():
    result = design("Licensed landlords list apartments. Each apartment has a rent.")
    assert "Landlord" in table_names(result), table_names(result)
    assert "Landlord" in foreign_keys(result, "Apartment").values(), foreign_keys(result, "Apartment")


def test_a_role_that_acts_on_its_own_is_an_entity_of_the_text():
    result = design("Guarantors sign contracts. Each contract has a start date.")
    assert "Guarantor" in table_names(result), table_names(result)
    assert "Guarantor" in foreign_keys(result, "Contract").values(), foreign_keys(result, "Contract")


def test_a_state_adjective_before_an_entity_of_the_text_names_that_entity():
    result = design("Late shipments incur a penalty. Couriers deliver shipments.")
    assert "Late Shipment" not in table_names(result), table_names(result)
    assert "Shipment" in foreign_keys(result, "Penalty").values(), foreign_keys(result, "Penalty")


def test_pending_rows_of_an_entity_are_that_entity():
    result = design("Pending requests are reviewed by managers. Employees submit requests.")
    assert "Pending Request" not in table_names(result), table_names(result)
    assert set(foreign_keys(result, "Request").values()) >= {"Employee", "Manager"}, foreign_keys(result, "Request")
