"""Ordinary prose: generic key words, adjectival participles, passive through-records, charge records."""

from __future__ import annotations

from design_helpers import columns, foreign_keys, table, table_names
from schema_architect.design import design


def test_a_bare_generic_identifier_word_takes_the_entity_name():
    result = design("Each warehouse is identified by a unique number. Each shipment leaves from a warehouse.")
    assert table(result, "Warehouse").primary_key.columns == ["Warehouse Number"], columns(result, "Warehouse")


def test_a_named_identifier_scheme_keeps_its_own_name():
    result = design("Each book is identified by its ISBN.")
    assert table(result, "Book").primary_key.columns == ["ISBN"], columns(result, "Book")


def test_a_participle_adjective_before_the_subject_still_opens_a_charge_clause():
    result = design("Cancelled bookings incur a surcharge.")
    assert "Surcharge" in table_names(result), table_names(result)


def test_a_charge_record_is_known_by_its_amount():
    result = design("Late payments incur a penalty.")
    cols = columns(result, "Penalty")
    assert "Amount" in cols and "Penalty Name" not in cols, cols


def test_a_passive_act_through_a_record_gives_the_record_both_keys():
    result = design("Cars are rented by drivers through rentals with a return date.")
    fks = foreign_keys(result, "Rental")
    assert set(fks.values()) >= {"Car", "Driver"}, columns(result, "Rental")


def test_a_participle_that_is_also_a_common_verb_still_describes_the_subject():
    result = design("Registered patients book appointments. Each appointment has a time.")
    assert "Patient" in table_names(result), table_names(result)


def test_an_irregular_participle_describing_a_state_is_not_part_of_the_name():
    result = design("Stolen vehicles trigger a claim.")
    assert "Vehicle" in table_names(result) and "Stolen Vehicle" not in table_names(result), table_names(result)


def test_a_counted_act_through_a_record_gives_the_record_both_keys():
    result = design("Each patient sees a doctor through an appointment with a time.")
    assert set(foreign_keys(result, "Appointment").values()) >= {"Patient", "Doctor"}, columns(result, "Appointment")
    assert "Appointment ID" not in columns(result, "Patient"), columns(result, "Patient")


def test_a_generic_key_word_already_listed_is_marked_not_duplicated():
    result = design("Each product has a number and a price. Products are identified by their number.")
    cols = columns(result, "Product")
    assert cols.count("Number") + cols.count("Product Number") == 1, cols
