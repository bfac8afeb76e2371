"""Relationship reading and key mapping rules of the offline design engine, on small sentences."""

from __future__ import annotations

from design_helpers import foreign_keys as _fks
from schema_architect.design import design
from schema_architect.design.relationships import detect_relationships
from schema_architect.design.segment import split_sentences


# -- "X of multiple Y": where X sits, not X owning many Y ---------------------------------------------
def test_of_multiple_reads_as_each_y_has_x():
    text = "The system manages the equipment of multiple farms."
    rels = detect_relationships(split_sentences(text), ["Equipment", "Farm"])
    assert len(rels) == 1
    r = rels[0]
    one = r.left if r.right_card.name == "MANY" else r.right
    assert one == "Farm"


def test_from_multiple_says_nothing_about_ownership():
    text = "The restaurant buys ingredients from multiple suppliers."
    assert detect_relationships(split_sentences(text), ["Ingredient", "Supplier"]) == []


def test_counted_relationship_still_read_with_a_verb():
    text = "Each farm owns multiple tractors."
    rels = detect_relationships(split_sentences(text), ["Farm", "Tractor"])
    assert len(rels) == 1 and rels[0].left == "Farm" and rels[0].right_card.name == "MANY"


def test_equipment_of_farms_puts_the_key_on_the_equipment():
    text = ("The system manages the equipment of multiple farms. Each equipment has an equipment ID, a name and a model. "
            "Each farm has a farm ID, a name and an address.")
    r = design(text)
    assert _fks(r, "Equipment") == {"Farm ID": "Farm"}
    assert _fks(r, "Farm") == {}


# -- a record that links two entities realizes their relationship -----------------------------------
def test_record_linking_both_sides_replaces_a_direct_foreign_key():
    text = ("Each supplier has a supplier ID and a name. Each ingredient has an ingredient ID and a name. "
            "Each supplier provides multiple ingredients. "
            "Each purchase has a purchase ID, a supplier ID, an ingredient ID, a quantity and a purchase date.")
    r = design(text)
    assert _fks(r, "Purchase") == {"Supplier ID": "Supplier", "Ingredient ID": "Ingredient"}
    assert _fks(r, "Ingredient") == {}
    assert _fks(r, "Supplier") == {}


def test_direct_foreign_key_kept_without_a_linking_record():
    text = ("Each supplier has a supplier ID and a name. Each ingredient has an ingredient ID and a name. "
            "Each supplier provides multiple ingredients.")
    r = design(text)
    assert _fks(r, "Ingredient") == {"Supplier ID": "Supplier"}


# -- two tables pointing at each other --------------------------------------------------------------
def test_mutual_references_become_a_junction_table():
    r = design("Each book has a book ID, a title and an order ID. Each order has an order ID, a date and a book ID.")
    assert _fks(r, "Book") == {} and _fks(r, "Order") == {}
    junction = r.schema.table("Book Order")
    assert junction is not None
    assert junction.primary_key.columns == ["Book ID", "Order ID"]
    assert _fks(r, "Book Order") == {"Book ID": "Book", "Order ID": "Order"}
    assert [c.name for c in r.schema.table("Book").columns] == ["Book ID", "Title"]


def test_record_named_after_its_owner_keeps_the_only_reference():
    r = design("Each tool has an asset number, a name and a tool loan record. "
               "Each tool loan record has a record ID, an asset number and a loan date.")
    assert _fks(r, "Tool Loan Record") == {"Asset Number": "Tool"}
    assert _fks(r, "Tool") == {}
    assert len(r.schema.tables) == 2


def test_one_way_reference_stays_a_foreign_key():
    r = design("Each author has an author ID and a name. Each book has a book ID, a title and an author ID.")
    assert _fks(r, "Book") == {"Author ID": "Author"}
    assert len(r.schema.tables) == 2


# -- keys of entities the text gives no identifier ------------------------------------------------
def test_one_word_entity_without_identifier_gets_its_own_id():
    r = design("Each customer has a customer ID and a name. "
               "Each order has a customer ID, an order date and a total amount.")
    order = r.schema.table("Order")
    assert order.primary_key.columns == ["Order ID"]
    assert _fks(r, "Order") == {"Customer ID": "Customer"}


def test_compound_named_record_is_keyed_by_what_it_records_and_when():
    r = design("Each customer has a customer ID and a name. "
               "Each billing record has a customer ID, a bill date and an amount.")
    record = r.schema.table("Billing Record")
    assert record.primary_key.columns == ["Customer ID", "Bill Date"]
    assert not any(c.name == "Billing Record ID" for c in record.columns)


def test_names_in_an_enumeration_are_not_related():
    for text in ("Each bank stores a customer, credit cards and accounts.",
                 "The system records the credit card, customers and their accounts."):
        assert detect_relationships(split_sentences(text), ["Customer", "Credit Card", "Account"]) == []


# -- a kind entity classifies its thing ---------------------------------------------------------------
def test_thing_points_at_its_kind_table():
    r = design("Each house has a house ID, an address and a type. "
               "Each house type has a house type ID, a name and a description.")
    assert _fks(r, "House") == {"House Type ID": "House Type"}
    assert [c.name for c in r.schema.table("House").columns] == ["House ID", "Address", "House Type ID"]
    assert _fks(r, "House Type") == {}


def test_a_name_modifying_the_system_is_not_related():
    text = "The bar management system records the information of beer manufacturers."
    assert detect_relationships(split_sentences(text), ["Bar", "Beer Manufacturer"]) == []
    text = "Each bar serves a beer manufacturer."
    assert len(detect_relationships(split_sentences(text), ["Bar", "Beer Manufacturer"])) == 1
