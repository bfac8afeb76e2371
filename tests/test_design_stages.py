"""Each reading stage of the offline design engine on small sentences."""

from __future__ import annotations

from schema_architect.design.attributes import find_attribute_lists
from schema_architect.design.entities import owner_of
from schema_architect.design.relationships import detect_relationships
from schema_architect.design.segment import split_sentences
from schema_architect.design.understand import read_requirements
from schema_architect.design.words import entity_name, singular


def lists_of(text: str):
    return [al for s in split_sentences(text) for al in find_attribute_lists(s)]


# -- segmentation ----------------------------------------------------------------------------------
def test_sentences_keep_offsets_and_skip_abbreviations():
    text = "Each farm has a name, e.g. Green Acres. Each plot has an area; plots have a soil type."
    sents = split_sentences(text)
    assert [s.text for s in sents] == ["Each farm has a name, e.g. Green Acres.", "Each plot has an area;",
                                       "plots have a soil type."]
    for s in sents:
        assert text[s.start:s.end] == s.text


def test_heading_becomes_topic_of_following_lines():
    sents = split_sentences("Ship Management:\nFields: Ship ID (Primary key), Name, Type\n")
    assert len(sents) == 1
    assert sents[0].heading == "Ship Management"
    assert sents[0].text.startswith("Fields:")


def test_numbered_list_markers_are_dropped():
    sents = split_sentences("1. Each user has a name and an email.\n2. Each book has a title and a price.")
    assert [s.text for s in sents] == ["Each user has a name and an email.", "Each book has a title and a price."]


# -- attribute lists -------------------------------------------------------------------------------
def test_enumeration_after_each_with():
    [al] = lists_of("The company owns multiple airplanes, each with an Airplane Number, Model, and Passenger Capacity.")
    assert [i.name for i in al.items] == ["Airplane Number", "Model", "Passenger Capacity"]


def test_parenthesised_values_and_key_hints():
    [al] = lists_of('Each device has a device ID (Primary key), a name and a status (such as "active", "retired").')
    items = {i.name: i for i in al.items}
    assert items["device ID"].primary_key
    assert items["status"].allowed_values == ["active", "retired"]


def test_list_split_over_two_triggers_is_one_list():
    [al] = lists_of("The platform hosts multiple customers, each with a unique Customer ID, including name and email.")
    assert [i.name for i in al.items] == ["Customer ID", "name", "email"]
    assert al.items[0].unique


def test_operations_are_not_attributes():
    assert lists_of("The system supports adding, modifying, and deleting recipes.") == []


# -- entities --------------------------------------------------------------------------------------
def test_owner_rules():
    cases = {
        "Flight information includes Flight Number, Origin, and Destination.": "Flight",
        "The company owns multiple airplanes, each with an Airplane Number and a Model.": "Airplane",
        "The system records the name, type, and broadcast time of each program.": "Program",
        "It records each member's name, gender and birthday.": "Member",
        "Patent application records need to record application number, patent number and date.": "Patent Application Record",
        "The system manages basic information about reservoirs, including the name, location, and type.": "Reservoir",
    }
    for text, owner in cases.items():
        [al] = lists_of(text)
        assert owner_of(al).name == owner, text


def test_heading_owns_a_subjectless_list():
    [al] = lists_of("Ship Management:\nFields: Ship ID, Name, Type")
    assert owner_of(al).name == "Ship"


def test_entity_names_are_singular_and_title_cased():
    assert entity_name("multiple pieces of equipment") == "Equipment"
    assert entity_name("the categories") == "Category"
    assert entity_name("Flight information") == "Flight"
    assert singular("addresses") == "address" and singular("status") == "status" and singular("people") == "person"


# -- relationships ---------------------------------------------------------------------------------
def card(text: str, names: list[str]):
    return {(r.left, r.kind, r.right) for r in detect_relationships(split_sentences(text), names)}


def test_each_x_has_multiple_y_is_one_to_many():
    assert card("Each airplane can perform multiple flights.", ["Airplane", "Flight"]) == {("Airplane", "1:N", "Flight")}


def test_both_directions_many_is_many_to_many():
    text = "Each teacher can teach multiple courses, and each course can be taught by multiple teachers."
    assert card(text, ["Teacher", "Course"]) == {("Teacher", "M:N", "Course")}


def test_only_one_and_belongs_to():
    assert card("Each researcher participates in only one project.", ["Researcher", "Project"]) == {("Project", "1:N", "Researcher")}
    assert card("Each street belongs to an area.", ["Street", "Area"]) == {("Area", "1:N", "Street")}


def test_explicit_many_to_many():
    assert card("Students and clubs have a many-to-many relationship.", ["Student", "Club"]) == {("Student", "M:N", "Club")}


def test_unstated_cardinality_is_marked_assumed():
    [rel] = detect_relationships(split_sentences("Each flight needs a captain."), ["Flight", "Captain"])
    assert (rel.left, rel.right, rel.stated) == ("Captain", "Flight", False)


def test_spans_point_into_the_text():
    text = "Each farm has a farm ID, name, and address. Each farm owns multiple plots."
    reading = read_requirements(text)
    for ent in reading.model.entities:
        for sp in ent.spans:
            assert text[sp.start:sp.end].lower().startswith(sp.text.lower()[:3])
        for a in ent.attributes:
            if a.span:
                assert a.span.text == text[a.span.start:a.span.end]


def test_subject_of_a_counted_relationship_is_an_entity():
    from schema_architect.design import design

    schema = design("Each book has an ISBN, title and price. Each author writes multiple books.").schema
    assert schema.table("Author") is not None
    assert [(fk.columns, fk.ref_table) for fk in schema.table("Book").foreign_keys] == [(["Author ID"], "Author")]
