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
