"""Readings of ordinary prose that earlier readings got wrong (helper prose9)."""

from __future__ import annotations

from design_helpers import columns, table_names
from schema_architect.design import design


def test_a_counted_record_keeping_one_detail_keeps_it():
    # "each reservation records the arrival date": one detail of a record of an act is still its list
    result = design("A guest can reserve many rooms; each reservation records the arrival date.")
    tables = [t for t in table_names(result) if "Reservation" in t]
    assert tables, table_names(result)
    assert any("Arrival Date" in columns(result, t) for t in tables), [columns(result, t) for t in tables]


def test_a_person_keeping_one_detail_is_not_its_list():
    # "each teacher records the grade": the teacher keeps data, the grade is no teacher's column
    result = design("Each teacher has a name and an email. Each teacher records the grade.")
    assert "Grade" not in columns(result, "Teacher"), columns(result, "Teacher")
