"""Small product readings checked by the lead: a verb with a counted object inside a field list opens a
clause, and registration/serial/tracking numbers are labels even when they key a table."""

from __future__ import annotations

from schema_architect.design import design
from schema_architect.design.datatypes import infer_type


def _columns(result, table: str) -> list[str]:
    t = result.schema.table(table)
    assert t is not None, [x.name for x in result.schema.tables]
    return [c.name for c in t.columns]


def test_a_verb_with_a_counted_object_in_a_list_is_no_column():
    result = design("A delivery van has a van number and a capacity. Each route has a route code, a length "
                    "and uses one delivery van.")
    route = " ".join(_columns(result, "Route")).lower()
    assert "uses" not in route and "one" not in route
    assert "length" in route


def test_label_numbers_are_text_even_as_keys():
    for name in ("Registration Number", "Serial Number", "Tracking Number", "ISBN Number"):
        data_type, _ = infer_type(name, is_key=True)
        assert data_type.kind.name != "INTEGER", name
    data_type, _ = infer_type("Employee Number", is_key=True)
    assert data_type.kind.name == "INTEGER"
