"""Readings of ordinary prose that earlier readings got wrong (helper prose9)."""

from __future__ import annotations

from design_helpers import columns, foreign_keys, table_names
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


def test_a_count_needed_for_each_occurrence_is_shared():
    # "each patrol needs at least two guards": each guard serves on many patrols, no guard holds a patrol key
    result = design("Each guard has a name and a badge number. Each patrol has a date and a route. "
                    "Each patrol needs at least two guards.")
    assert "Patrol" not in foreign_keys(result, "Guard").values(), foreign_keys(result, "Guard")
    assert any({"Guard", "Patrol"} <= set(foreign_keys(result, t).values()) for t in table_names(result)), \
        table_names(result)


def test_an_organization_needing_its_people_keeps_them():
    # "each department needs at least two employees": the employees are the department's own
    result = design("Each department has a name. Each employee has a name. Each department needs at least two employees.")
    assert "Department ID" in columns(result, "Employee"), columns(result, "Employee")


def test_a_plural_noted_happening_is_a_record_keyed_by_the_thing():
    # "When boats are inspected, ...": each inspection is of one boat, and keeps the noted values
    result = design("Each boat has a name and a length. "
                    "When boats are inspected, the surveyor records the hull condition and the engine hours.")
    assert "Inspection" in table_names(result), table_names(result)
    assert "Boat" in foreign_keys(result, "Inspection").values(), foreign_keys(result, "Inspection")
    assert "Hull Condition" in columns(result, "Inspection"), columns(result, "Inspection")


def test_a_described_abstract_word_acted_on_brings_its_actor():
    # "task" is an abstract word, but "each task has a deadline" describes it: who completes tasks is a thing too
    result = design("Volunteers complete tasks; each task has a deadline and a priority.")
    assert "Volunteer" in table_names(result), table_names(result)
    assert any("Volunteer" in foreign_keys(result, t).values() for t in table_names(result) if t != "Volunteer"), \
        table_names(result)
