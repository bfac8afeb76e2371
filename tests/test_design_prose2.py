"""Designs from ordinary user prose in domains the other design tests do not use (the generalization
check): example values in parentheses, records named by the verb that makes them, user entities."""

from __future__ import annotations

from design_helpers import columns, foreign_keys, table
from schema_architect.design import design


def _check_text(result, name: str) -> str:
    return " ".join(c.expression for c in result.schema.table(name).check_constraints)


def test_values_in_parentheses_after_one_attribute_are_its_allowed_values():
    # no "or" and no type/status word: the article says one attribute, the short words are its values
    result = design("Each lighthouse has a name and a lamp colour. Every keeper has a name and a watch "
                    "(morning, evening, night).")
    keeper = columns(result, "Keeper")
    assert "Watch" in keeper
    assert not {"Morning", "Evening", "Night"} & set(keeper)
    assert "'evening'" in _check_text(result, "Keeper")


def test_information_in_parentheses_is_still_a_field_list():
    result = design("The observatory keeps telescope information (mirror size, mount, focal length).")
    assert {"Mirror Size", "Mount", "Focal Length"} <= set(columns(result, "Telescope"))


def test_a_deal_between_two_of_one_kind_gets_its_own_id():
    # two roles of the same table are parties to the deal, not the two things a dated link joins
    result = design("Residents have a name and a flat number. Each swap has a host resident, a guest "
                    "resident and a swap date.")
    swap = table(result, "Swap")
    assert swap.primary_key.columns == ["Swap ID"]
    assert set(foreign_keys(result, "Swap").values()) == {"Resident"}
