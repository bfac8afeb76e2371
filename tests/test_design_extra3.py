"""Table precision: a short form of a qualified name that refers back to it is the same table."""

from __future__ import annotations

from schema_architect.design import design

from design_helpers import foreign_keys, table_names


def test_a_related_head_noun_used_after_the_qualified_name_is_the_same_table():
    # "each volunteer can staff multiple shelters" uses the short form of "animal rescue shelters"
    result = design("The city council oversees several animal rescue shelters, each with a shelter code, an address "
                    "and a capacity. The council also registers volunteers, each with a name and a phone number. "
                    "Each volunteer can staff multiple shelters.")
    names = table_names(result)
    assert "Animal Rescue Shelter" in names
    assert "Shelter" not in names
    assert any("Animal Rescue Shelter" in foreign_keys(result, t).values() for t in names)


def test_a_head_noun_used_before_the_qualified_name_keeps_its_own_table():
    # the plain kind comes first and the qualified one later: two kinds of thing
    result = design("Each student has a name and an email, and each student can take multiple courses. Evening "
                    "language courses are also offered, each with a language, a level and a weekday.")
    names = table_names(result)
    assert "Course" in names
    assert "Evening Language Course" in names


def test_rows_of_the_business_trade_go_by_their_head_noun():
    # "the ferry crossing company runs multiple ferry crossings": the trade qualifies every row
    result = design("The ferry crossing company runs multiple ferry crossings, each with a crossing number, a route "
                    "length and a fare. Each passenger has a name and a ticket number, and each passenger can book "
                    "multiple crossings.")
    names = table_names(result)
    assert "Crossing" in names
    assert "Ferry Crossing" not in names
