"""Verb-stated links whose object is a free-standing thing: shared (many-to-many), not owned."""

from __future__ import annotations

from design_helpers import columns, foreign_keys, linking, table_names

from schema_architect.design import design
from schema_architect.design.clauses import verb_clauses


def _junction_of(result, a: str, b: str) -> bool:
    return any(set(foreign_keys(result, t).values()) >= {a, b} for t in table_names(result) if t not in (a, b))


def test_acting_on_many_free_standing_things_shares_them():
    r = design("Translators have a name and a language. Manuscripts have a title and a page count. "
               "Translators can translate many manuscripts.")
    assert _junction_of(r, "Translator", "Manuscript")
    assert "Translator" not in foreign_keys(r, "Manuscript").values()


def test_a_bare_plural_after_a_modal_verb_is_shared_too():
    r = design("A hiking app. Trails have a name and a length. Hikers have a name and an email. Hikers can save trails.")
    assert _junction_of(r, "Hiker", "Trail")


def test_making_or_running_things_keeps_them_the_subjects():
    r = design("Shoppers have a name. Orders have a date. Each shopper places many orders.")
    assert foreign_keys(r, "Order") == {"Shopper ID": "Shopper"}
    r = design("Pilots have a name. Each pilot can perform many flights. Flights have a number and a date.")
    assert "Pilot" in foreign_keys(r, "Flight").values()


def test_an_abstract_noun_before_a_count_is_the_verb():
    clause = verb_clauses("A playlist features several songs.")
    assert [(c.subject.text, c.verb, c.object.text) for c in clause] == [("playlist", "features", "songs")]
    r = design("A playlist features several songs. Each playlist has a name. Each song has a title and a length.")
    assert _junction_of(r, "Playlist", "Song")


def test_what_a_subject_incurs_or_receives_is_its_own():
    r = design("Shipments have a weight. Surcharges have an amount. Late shipments incur a surcharge.")
    assert foreign_keys(r, "Surcharge") == {"Shipment ID": "Shipment"}
    assert not foreign_keys(r, "Shipment")
    r = design("Athletes have a name. Medals have a colour. Each athlete can win a medal.")
    assert foreign_keys(r, "Medal") == {"Athlete ID": "Athlete"}


def test_which_of_them_at_each_is_a_link():
    r = design("Volunteers have a name. Shifts have a start time. We record which volunteers cover each shift.")
    assert _junction_of(r, "Volunteer", "Shift")


def test_a_value_per_pair_is_kept_on_their_link():
    r = design("Tasters have a name. Wines have a vintage. We keep the rating each taster gives each wine.")
    link = next(t for t in table_names(r) if t not in ("Taster", "Wine"))
    assert set(foreign_keys(r, link).values()) == {"Taster", "Wine"}
    assert "Rating" in columns(r, link)


def test_a_value_the_subject_gets_along_with_joining_is_on_the_link():
    r = design("Runners have a name. Races have a distance. Runners join races and receive a finishing time.")
    link = linking(r, "Runner", "Race")
    assert len(link) == 1, table_names(r)
    assert "Finishing Time" in columns(r, link[0].name)
    assert "Finishing Time" not in columns(r, "Runner")
    r = design("Critics have a name. Films have a title. Critics can appraise many films and give a score.")
    assert "Score" in columns(r, linking(r, "Critic", "Film")[0].name)


def test_a_second_verb_phrase_in_a_list_opens_the_objects_own_list():
    r = design("Beekeepers have a licence and tend wooden hives with a location and a colony size.")
    assert "Hive" in " ".join(table_names(r)) and not any(t.startswith("Tend") for t in table_names(r))
    hive = next(t for t in table_names(r) if t.endswith("Hive"))
    assert {"Location", "Colony Size"} <= set(columns(r, hive))
    assert "Licence" in columns(r, "Beekeeper") and "Location" not in columns(r, "Beekeeper")
