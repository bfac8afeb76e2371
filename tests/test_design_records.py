"""Records and transactions read from verbs ("carries out inspections for each vessel", "each record
includes ..."): the record is linked to the thing it is about or the one who creates it."""

from __future__ import annotations

from schema_architect.design import design


def _columns(result, table: str) -> list[str]:
    t = result.schema.table(table)
    assert t is not None, [x.name for x in result.schema.tables]
    return [c.name for c in t.columns]


def _links(result) -> set[tuple[str, str]]:
    return {(t.name, fk.ref_table) for t in result.schema.tables for fk in t.foreign_keys}


def test_an_assessment_for_each_thing_is_of_one_thing():
    result = design("The harbour authority registers vessels. Each vessel has a name, a flag and a tonnage. "
                    "The authority carries out safety inspection for each vessel.")
    assert ("Safety Inspection", "Vessel") in _links(result)
    assert ("Vessel", "Safety Inspection") not in _links(result)


def test_the_value_of_each_thing_is_not_a_record_of_it():
    # "the category of each product": the product has one category, not the reverse
    result = design("Each product has a name and a price. Each category has a title. "
                    "The shop records the category of each product.")
    assert ("Category", "Product") not in _links(result)
