"""Foreign keys the text states (third round): acts named like a record, acts the system lets someone do,
what is made on each occasion, and the one in charge of things many share."""

from __future__ import annotations

from design_helpers import foreign_keys, links, table_names
from schema_architect.design import design


def test_a_verb_after_a_modal_spelled_like_an_entity_makes_that_record_of_both():
    result = design("Each reader has a name and an email. Each article has a title and a date. "
                    "Each comment has a text and a posting time. Readers can comment on articles.")
    assert set(foreign_keys(result, "Comment").values()) == {"Reader", "Article"}, links(result)


def test_a_sharing_read_of_the_same_clause_gives_way_to_the_record_its_verb_names():
    result = design("Each guest has a name and an email. Each hotel has a name and a city. "
                    "Each review has a score and a text. Guests can review hotels.")
    assert set(foreign_keys(result, "Review").values()) == {"Guest", "Hotel"}, links(result)
    assert sorted(table_names(result)) == ["Guest", "Hotel", "Review"], table_names(result)


def test_what_the_system_lets_someone_submit_is_theirs():
    result = design("Each researcher has a name and an email. Each proposal has a title and a budget. "
                    "The portal allows researchers to submit digital proposals.")
    assert set(foreign_keys(result, "Proposal").values()) == {"Researcher"}, links(result)


def test_what_the_system_supports_someone_in_publishing_is_theirs():
    result = design("Each seller has a name and a phone. Each listing has a title and a price. "
                    "The marketplace supports sellers in publishing listings.")
    assert set(foreign_keys(result, "Listing").values()) == {"Seller"}, links(result)


def test_what_is_made_after_each_occasion_is_of_the_occasion_and_its_maker():
    result = design("Each passenger has a name and a phone. Each trip has a date and a fare. "
                    "After each trip, the passenger can give a rating, including stars and a remark.")
    assert set(foreign_keys(result, "Rating").values()) == {"Trip", "Passenger"}, links(result)


def test_the_one_in_charge_of_a_shared_thing_is_a_key_beside_the_link_table():
    result = design("Each volunteer has a name and a phone. Each campaign has a title and a budget, "
                    "with each campaign coordinated by one volunteer. Each volunteer can join multiple campaigns.")
    assert foreign_keys(result, "Campaign") == {"Coordinator ID": "Volunteer"}, links(result)
    assert any(set(foreign_keys(result, t).values()) == {"Volunteer", "Campaign"}
               for t in table_names(result) if t not in ("Volunteer", "Campaign")), links(result)


def test_what_the_system_supports_someone_in_doing_to_a_thing_is_read_as_their_act():
    result = design("Each member has a name and a phone. Each court has a number and a surface. "
                    "For court reservation management, the portal supports members in reserving courts and "
                    "records the date and fee.")
    assert set(foreign_keys(result, "Court Reservation").values()) == {"Court", "Member"}, links(result)
