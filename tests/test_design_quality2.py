"""Product-quality checks of the offline design engine on made-up requirements in new domains
(not taken from any benchmark): each test pins one general reading of English."""

from __future__ import annotations

from schema_architect.design import design


def _columns(result, table: str) -> list[str]:
    t = result.schema.table(table)
    assert t is not None, [x.name for x in result.schema.tables]
    return [c.name for c in t.columns]


# -- "- Topic: field, field, field" bullets ------------------------------------------------------------
def test_bullet_with_topic_and_bare_field_list():
    result = design("A bakery keeps its recipes.\n"
                    "- Bakers: full name, shift start, hourly wage.\n"
                    "- Ovens: serial code, capacity, fuel kind.")
    assert {"Full Name", "Shift Start", "Hourly Wage"} <= set(_columns(result, "Baker"))
    assert {"Capacity", "Fuel Kind"} <= set(_columns(result, "Oven"))


def test_function_heading_over_operations_is_not_a_field_list():
    result = design("Recipe Management: creation, editing, and removal of recipes.\n"
                    "Each recipe has a recipe code, a title and a yield.")
    assert "Creation" not in _columns(result, "Recipe")
