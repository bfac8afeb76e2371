"""Relationship (junction) tables read from how the text links two described things."""

from __future__ import annotations

from design_helpers import linking as _linking
from design_helpers import table as _table
from schema_architect.design import design


# -- a list said to be of a pair ("the X <participle> in each Y, including ...") --------------------
def test_list_of_things_included_in_each_other_thing_describes_the_pair():
    text = ("Each dish has a dish ID, a dish name, a cuisine and a base price. Each banquet has a banquet ID and a date. "
            "The system also records the dishes served at each banquet, including the portion count and the serving order.")
    r = design(text)
    links = _linking(r, "Dish", "Banquet")
    assert len(links) == 1, [t.name for t in r.schema.tables]
    cols = links[0].column_names
    assert "Portion Count" in cols and "Serving Order" in cols
    assert "Portion Count" not in _table(r, "Banquet").column_names


def test_list_for_each_thing_held_by_each_other_thing_describes_the_pair():
    text = ("Each collector has a collector ID and a name. Each coin has a coin code, a mint year and a metal. "
            "The system records the coin code, the number of copies and the acquisition date for each coin held by each collector.")
    r = design(text)
    links = _linking(r, "Coin", "Collector")
    assert len(links) == 1, [t.name for t in r.schema.tables]
    assert "Number of Copies" in links[0].column_names
    assert "Number of Copies" not in _table(r, "Coin").column_names


def test_own_fields_of_a_thing_linked_by_a_participle_stay_its_own():
    text = ("Each trainer has a trainer ID, a name and an office. Each workshop has a workshop code, a level and a term. "
            "The system records the workshops led by each trainer, including workshop name and start date.")
    r = design(text)
    assert not any("Start Date" in t.column_names for t in _linking(r, "Workshop", "Trainer"))


def test_fields_of_the_thing_itself_under_a_participle_stay_its_own():
    text = ("Each trainer has a trainer ID, a name and an office. Each workshop has a workshop code, a level and a term. "
            "The system keeps the workshops led by each trainer, including the credits and the syllabus.")
    r = design(text)
    assert not any("Credits" in t.column_names for t in _linking(r, "Workshop", "Trainer"))


# -- "when a X <sharing verb> a Y": any one of each side meets many of the other ------------------------
def test_generic_singular_sharing_verb_links_many_to_many():
    text = ("Each volunteer has a volunteer ID and a name. Each shelter has a shelter ID and an address. "
            "The system must know which shelters a volunteer serves: when a volunteer joins a shelter, the link is stored.")
    r = design(text)
    assert len(_linking(r, "Volunteer", "Shelter")) == 1, [t.name for t in r.schema.tables]


def test_a_thing_that_uses_a_kind_is_not_many_to_many():
    for verb in ("uses", "used"):
        text = f"Each vehicle has a plate number and a model. Each fuel type has a code and a name. A vehicle {verb} a fuel type."
        r = design(text)
        assert not _linking(r, "Vehicle", "Fuel Type"), verb


def test_record_made_when_the_pair_meets_is_their_link():
    text = ("Each angler has an angler ID and a name. Each boat has a boat ID and a length. "
            "When an angler rents a boat, a rental record is generated, including the rental date and the fee.")
    r = design(text)
    links = _linking(r, "Angler", "Boat")
    assert [t.name for t in links] == ["Rental Record"], [t.name for t in r.schema.tables]


# -- "which X <verb> which Y" asks about any of each with any of the other ----------------------------
def test_which_x_verb_which_y_is_many_to_many():
    text = ("Each pilot has a pilot ID and a name. Each aircraft has a tail number and a model. "
            "The office tracks which pilots are certified to fly which aircraft.")
    r = design(text)
    assert len(_linking(r, "Pilot", "Aircraft")) == 1, [t.name for t in r.schema.tables]
