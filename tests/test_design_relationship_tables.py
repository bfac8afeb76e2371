"""Relationship tables (junctions of M:N and records that link two entities) and their composite keys."""

from __future__ import annotations

from schema_architect.design import design
from schema_architect.design.relationships import detect_relationships
from schema_architect.design.segment import split_sentences


def _table(result, name: str):
    t = result.schema.table(name)
    assert t is not None, [x.name for x in result.schema.tables]
    return t


def _fks(result, table: str) -> dict[str, str]:
    return {c: fk.ref_table for fk in _table(result, table).foreign_keys for c in fk.columns}


def _linking(result, a: str, b: str):
    """The tables whose foreign keys point at both ``a`` and ``b``."""
    return [t for t in result.schema.tables if {a, b} <= {fk.ref_table for fk in t.foreign_keys}]


# -- an event of two things at a moment is keyed by them and when -----------------------------------
def test_one_word_event_linking_two_things_is_keyed_by_them_and_when():
    text = ("Each patron has a patron ID and a name. Each exhibit has an exhibit ID and a title. "
            "Each visit records the patron ID, the exhibit ID and the visit time.")
    r = design(text)
    assert _table(r, "Visit").primary_key_columns == ["Patron ID", "Exhibit ID", "Visit Time"]


def test_one_word_thing_others_point_at_keeps_an_id_of_its_own():
    text = ("Each patron has a patron ID and a name. Each exhibit has an exhibit ID and a title. "
            "Each tour has a patron ID, an exhibit ID and a start time. Each tour has multiple guides. "
            "Each guide has a guide ID and a name.")
    r = design(text)
    assert _table(r, "Tour").primary_key_columns == ["Tour ID"]


# -- "the relationship between X and Y" names a relationship set -----------------------------------
def test_relationship_between_pairs_become_junction_tables():
    text = ("Each boat has a boat ID and a name. Each sailor has a sailor ID and a name. "
            "Each harbor has a harbor ID and a city. "
            "The system also manages the relationships between sailors and boats, and sailors and harbors.")
    r = design(text)
    for other in ("Boat", "Harbor"):
        links = _linking(r, "Sailor", other)
        assert len(links) == 1, [t.name for t in r.schema.tables]
        assert sorted(links[0].primary_key_columns) == sorted(["Sailor ID", f"{other} ID"])


def test_relationship_between_a_list_of_single_things_names_no_pair():
    text = "The system manages the relationships between sailors, boats and harbors."
    assert detect_relationships(split_sentences(text), ["Sailor", "Boat", "Harbor"]) == []


def test_hyphenated_relationship_table_names_the_pair():
    text = "The recipe-to-tag relationship table records which tags describe which recipes."
    rels = detect_relationships(split_sentences(text), ["Recipe", "Tag"])
    assert len(rels) == 1 and rels[0].kind == "M:N"


def test_stated_one_to_many_wins_over_a_named_relationship():
    text = ("Each harbor hosts multiple boats. "
            "The system records the relationship between harbors and boats.")
    rels = detect_relationships(split_sentences(text), ["Harbor", "Boat"])
    assert len(rels) == 1 and rels[0].kind == "1:N"


# -- a count per pair makes a line item -------------------------------------------------------------
def test_quantity_for_each_member_makes_a_line_item():
    text = ("Each shipment has a shipment ID and a departure date. Each crate has a crate ID and a weight. "
            "Each shipment can contain multiple crates, and the system records the loaded quantity of each crate.")
    r = design(text)
    links = _linking(r, "Shipment", "Crate")
    assert len(links) == 1, [t.name for t in r.schema.tables]
    assert sorted(links[0].primary_key_columns) == ["Crate ID", "Shipment ID"]
    assert "Loaded Quantity" in links[0].column_names
    assert _fks(r, "Crate") == {}


def test_quantity_of_the_owner_itself_keeps_one_to_many():
    text = ("Each warehouse has a warehouse ID and a city. Each shelf has a shelf ID. "
            "Each warehouse has multiple shelves, and the system records the total quantity of the warehouse.")
    r = design(text)
    assert _linking(r, "Warehouse", "Shelf") == []
