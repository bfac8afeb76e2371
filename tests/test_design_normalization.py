"""Stated and inferred functional dependencies go through the normalization engine."""

from __future__ import annotations

from schema_architect.design import design


def test_zip_code_determines_city_and_state():
    r = design("Each customer has a customer ID, name, street, zip code, city and state. "
               "Each customer places multiple orders. Each order has an order ID and an order date.")
    customer = r.schema.table("Customer")
    assert set(customer.column_names) == {"Customer ID", "Name", "Street", "Zip Code"}
    [zip_table] = [t for t in r.schema.tables if t.primary_key_columns == ["Zip Code"]]
    assert {"City", "State"} <= set(zip_table.column_names)
    assert any(fk.ref_table == zip_table.name and fk.columns == ["Zip Code"] for fk in customer.foreign_keys)
    assert any("inferred dependency" in d.rationale for d in r.decisions)


def test_stated_dependency_is_applied():
    r = design("Each employee has an employee ID, name, department code and department name. "
               "The department code determines the department name.")
    employee = r.schema.table("Employee")
    assert "Department Name" not in employee.column_names
    assert any(t.primary_key_columns == ["Department Code"] and "Department Name" in t.column_names for t in r.schema.tables)
    assert any(d.rationale == "the text states this dependency" for d in r.decisions)


def test_no_dependency_leaves_tables_alone():
    r = design("Each book has a book ID, title and price.")
    assert r.schema.table_names == ["Book"]
