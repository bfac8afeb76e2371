"""Ordinary prose (eighth round): values a system keeps of described things, ..."""

from __future__ import annotations

from design_helpers import columns, foreign_keys, links, table, table_names
from schema_architect.design import design


def test_a_value_the_system_keeps_of_a_described_thing_is_its_column():
    result = design("Each vehicle has a plate number and a model. The app records vehicle mileage.")
    assert "Mileage" in columns(result, "Vehicle"), columns(result, "Vehicle")
    result = design("Each employee has a name and an email. We track each employee's availability and salary.")
    assert {"Availability", "Salary"} <= set(columns(result, "Employee")), columns(result, "Employee")
    result = design("Each room has a number and a floor. The nightly rate of each room is stored.")
    assert "Nightly Rate" in columns(result, "Room"), columns(result, "Room")


def test_a_kept_record_or_happening_of_a_thing_is_no_column():
    result = design("Each employee has a name and an email. The system tracks employee attendance.")
    assert "Attendance" not in columns(result, "Employee"), columns(result, "Employee")


def test_booking_a_place_on_a_thing_held_for_many_links_both():
    result = design("Each scout has a name. Each trip has a destination and a price. Scouts book trips.")
    assert "Scout ID" not in columns(result, "Trip"), columns(result, "Trip")
    assert any(set(foreign_keys(result, t).values()) == {"Scout", "Trip"} for t in table_names(result)), links(result)
    result = design("Each client has a name. Clients book appointments.")
    assert foreign_keys(result, "Appointment") == {"Client ID": "Client"}, links(result)


def test_the_values_an_act_is_done_for_go_on_its_record():
    result = design("Each owner has a name and a phone. Owners book grooming appointments for a date and time.")
    appointment = [t for t in table_names(result) if t.endswith("Appointment")]
    assert appointment and any("Date" in c or "Time" in c for c in columns(result, appointment[0])
                               if c != f"{appointment[0]} Date"), table_names(result)
    result = design("Each diner has a name. Each table has a number and a capacity. "
                    "Diners reserve tables for a date and a party size.")
    assert "Party Size" not in columns(result, "Table"), columns(result, "Table")
    link = [t for t in table_names(result) if set(foreign_keys(result, t).values()) == {"Diner", "Table"}]
    assert link and {"Date", "Party Size"} <= set(columns(result, link[0])), links(result)


def test_the_person_a_record_says_did_it_is_a_key_to_the_people_table():
    result = design("Each user has a username. Each article has a title. Each revision has a timestamp and a summary. "
                    "Each revision records the person who performed the revision.")
    assert "User" in foreign_keys(result, "Revision").values(), links(result)
    result = design("Each employee has a name. Each stock adjustment has a date and a quantity. "
                    "Each adjustment records who made it.")
    assert "Employee" in foreign_keys(result, "Stock Adjustment").values(), links(result)


def test_a_participle_after_the_clause_is_its_subjects_act():
    result = design("Each volunteer has a name. Each team has a name and a colour. "
                    "Coordinators manage volunteers, while also assigning a team to each volunteer.")
    assert foreign_keys(result, "Volunteer").get("Team ID") == "Team", links(result)


def test_a_role_with_fields_of_its_own_is_a_table_keyed_by_its_kind():
    result = design("Each member has a name and an email. Members can be instructors; an instructor has a "
                    "certification and an hourly rate. Instructors teach workshops. Each workshop has a title and a date.")
    assert "Certification" not in columns(result, "Member"), columns(result, "Member")
    assert table(result, "Instructor").primary_key.columns == ["Member ID"], columns(result, "Instructor")
    assert foreign_keys(result, "Instructor") == {"Member ID": "Member"}, links(result)
    assert "Instructor" in foreign_keys(result, "Workshop").values() or \
        any(set(foreign_keys(result, t).values()) == {"Instructor", "Workshop"} for t in table_names(result)), links(result)
    result = design("Each member has a name and an email. Members can be volunteers.")
    assert table_names(result) == ["Member"], table_names(result)


def test_a_count_of_two_or_more_is_many():
    result = design("Each excursion has a destination and a date. Each instructor has a name. "
                    "Each excursion needs at least two instructors as guides.")
    assert "Instructor ID" not in columns(result, "Excursion"), columns(result, "Excursion")
    assert any(set(foreign_keys(result, t).values()) == {"Excursion", "Instructor"} for t in table_names(result)), \
        links(result)


def test_a_record_kept_for_each_thing_is_a_table_of_its_own():
    result = design("Each regatta has a name and a venue. For each regatta, the regatta result needs to be "
                    "recorded, including winning boat, finishing time and date.")
    assert "Winning Boat" not in columns(result, "Regatta"), columns(result, "Regatta")
    assert "Winning Boat" in columns(result, "Regatta Result"), table_names(result)
    assert "Regatta" in foreign_keys(result, "Regatta Result").values(), links(result)
    result = design("Each hotel has a name. For each hotel, the following information must be stored, "
                    "including address, rating and phone.")
    assert table_names(result) == ["Hotel"] and "Rating" in columns(result, "Hotel"), table_names(result)


def test_the_role_the_many_play_names_their_link():
    result = design("Each excursion has a destination and a date. Each instructor has a name. "
                    "Each excursion needs at least two instructors as guides.")
    assert "Excursion Guide" in table_names(result), table_names(result)
    assert set(foreign_keys(result, "Excursion Guide").values()) == {"Excursion", "Instructor"}, links(result)
