"""Entity recall and precision of the offline engine's reading stage, on made-up sentences."""

from __future__ import annotations

from schema_architect.design.understand import read_requirements


def entity_names(text: str) -> list[str]:
    return [e.name for e in read_requirements(text).model.entities]


def test_a_qualified_mention_without_attributes_is_the_bare_entity_that_has_them():
    text = ("The observatory operates multiple radio telescopes. "
            "Each telescope has a telescope code, a dish diameter and a location.")
    names = entity_names(text)
    assert "Telescope" in names
    assert "Radio Telescope" not in names
    telescope = read_requirements(text).model.entity("Telescope")
    assert {"Telescope Code", "Dish Diameter", "Location"} <= {a.name for a in telescope.attributes}


def test_two_qualified_mentions_leave_the_bare_entity_alone():
    text = ("The school runs several summer courses and several evening courses. "
            "Each course has a course code, a title and a fee.")
    names = entity_names(text)
    assert "Course" in names
