"""Product-quality rules of the offline design engine, each checked on a sentence of its own."""

from __future__ import annotations

from schema_architect.design.datatypes import infer_type
from schema_architect.design.understand import read_requirements


def attributes_of(text: str, entity: str) -> list[str]:
    model = read_requirements(text).model
    ent = model.entity(entity)
    assert ent is not None, [e.name for e in model.entities]
    return [a.name for a in ent.attributes]


def test_a_pronoun_clause_after_an_event_noun_keeps_the_event_as_a_participle():
    names = attributes_of("Each parcel has a tracking code, a weight and the date it was delivered.", "Parcel")
    assert "Date Delivered" in names, names
    assert not any(n.lower().endswith(" it") for n in names), names


def test_a_pronoun_clause_after_another_noun_is_dropped():
    names = attributes_of("Each kayak has a hull colour, a length and the club it belongs to.", "Kayak")
    assert not any("belongs" in n.lower() or n.lower().endswith(" it") for n in names), names


def test_a_pronoun_used_as_an_object_does_not_cut_a_name():
    names = attributes_of("Each lantern has a wattage and a shade colour, and the shop links it with a supplier.",
                          "Lantern")
    assert not any(n.lower() in ("links", "link") for n in names), names


def test_a_modal_clause_after_an_attribute_is_not_part_of_its_name():
    names = attributes_of("Each courier has a name, a badge code and a phone number, and the badge code must be unique.",
                          "Courier")
    assert not any("must" in n.lower() for n in names), names


def test_a_trailing_participle_leaves_the_type_to_the_noun_before_it():
    assert infer_type("Time Shipped")[0].kind.value == "timestamp"
    assert infer_type("Date Sold")[0].kind.value == "date"
    assert infer_type("Amount Refunded")[0].kind.value == "decimal"
    assert infer_type("Top Speed")[0].kind.value == "varchar"
