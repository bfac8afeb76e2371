"""A shorter mention of a described entity (its head noun, or the noun its -al modifier is made from)
resolves to that entity where a record is read as belonging to it; no tables are merged."""

from __future__ import annotations

from design_helpers import links, table_names
from schema_architect.design import design


def test_the_head_noun_of_an_entity_names_the_record_owner():
    text = ("The club manages charity tournaments, including tournament name, start date and venue. "
            "The system records the result of each tournament, including winner, score and attendance.")
    result = design(text)
    names = table_names(result)
    assert "Tournament" not in names, names  # no second table for the short mention
    assert ("Tournament Result", "Charity Tournament") in links(result), (names, links(result))


def test_each_thing_of_a_leading_clause_owns_the_record_after_it():
    text = ("A gym needs to manage its promotional activities, including activity codes, activity titles and "
            "start dates. After each promotion, the promotion outcome needs to be recorded, including new "
            "sign-ups and revenue.")
    result = design(text)
    assert ("Promotion Outcome", "Promotional Activity") in links(result), (table_names(result), links(result))


def test_the_head_noun_of_an_entity_is_what_is_allotted_to_each_recipient():
    text = ("The hospital manages hospital wards, including ward number, floor and bed count. Each patient has "
            "a patient ID, name and birth date. The clinic assigns the appropriate ward to each patient.")
    result = design(text)
    assert ("Patient", "Hospital Ward") in links(result), (table_names(result), links(result))


def test_the_head_noun_of_a_longer_entity_name_as_the_sentence_subject():
    text = ("The agency manages public art commissions, including commission title, budget and deadline. "
            "Each sculptor has a name and a phone number. A commission is awarded to one sculptor.")
    result = design(text)
    assert "Commission" not in table_names(result), table_names(result)
    assert ("Public Art Commission", "Sculptor") in links(result), (table_names(result), links(result))


def test_a_key_named_by_the_noun_of_an_entitys_al_modifier_points_at_it():
    text = ("A bookshop manages its promotional activities, each with an activity code, a title and an end date. "
            "Each coupon has a coupon code, a discount rate and a promotion ID.")
    result = design(text)
    assert "Promotion" not in table_names(result), table_names(result)
    assert ("Coupon", "Promotional Activity") in links(result), (table_names(result), links(result))
