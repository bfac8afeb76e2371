"""Precision of foreign keys: readings that used to add a key the text does not state."""

from __future__ import annotations

from design_helpers import foreign_keys, table_names

from schema_architect.design.engine import design


def test_name_modifying_the_next_noun_is_not_the_one_side():
    # "the vehicle inspection date" is a date of the report, not a vehicle the report belongs to
    r = design("Each inspection report includes the vehicle inspection date and the result. "
               "Each vehicle has a plate number and a model.")
    assert "Vehicle" not in foreign_keys(r, "Inspection Report").values()


def test_item_after_as_well_as_is_listed_not_owned():
    # "the title of each show, as well as ... the air date of the episodes": the episodes are listed
    # beside the show, and each show has multiple episodes, so the show holds no episode key
    r = design("The radio station runs multiple shows, each with multiple presenters and episodes. The system "
               "records the title and genre of each show, as well as the information of the presenters and the "
               "air date of the episodes.")
    assert "Episode" in table_names(r)
    assert not any("Episode" in t for t in foreign_keys(r, "Show").values())
    assert foreign_keys(r, "Episode").get("Show ID") == "Show"
