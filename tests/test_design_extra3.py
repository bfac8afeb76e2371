"""Table precision: a short form of a qualified name that refers back to it is the same table."""

from __future__ import annotations

from schema_architect.design import design

from design_helpers import columns, foreign_keys, table_names


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


def test_items_named_as_kinds_of_the_last_one_are_no_fields():
    # "photos, videos or other forms of illustration": kinds of media, not a table of media with columns
    result = design("Each recipe has a title, a cooking time and an author. Recipe media consist of photos, "
                    "videos or other forms of illustration.")
    assert table_names(result) == ["Recipe"]


def test_and_other_data_closes_a_field_list_without_adding_a_column():
    result = design("Each weather station has a station code and a location. Each station reading records the "
                    "reading time, the temperature, the humidity, and other measurement data.")
    assert columns(result, "Station Reading")[-3:] == ["Reading Time", "Temperature", "Humidity"]
    # a known kind of information stays a column
    result = design("Each tenant has a name, a phone number and other contact information.")
    assert "Contact Information" in columns(result, "Tenant")
