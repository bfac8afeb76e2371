"""Designs from ordinary user prose in domains the other design tests do not use (the generalization
check): example values in parentheses, records named by the verb that makes them, user entities."""

from __future__ import annotations

from design_helpers import columns, foreign_keys, links, table, table_names
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


def test_the_account_described_and_users_mentioned_are_one_user_table():
    result = design("We store the nickname, the email and the password of the account. Users can upload "
                    "recipes, and each recipe has a title and a cooking time.")
    assert "Account" not in table_names(result)
    assert {"Nickname", "Email", "Password"} <= set(columns(result, "User"))
    assert foreign_keys(result, "Recipe") == {"User ID": "User"}


def test_a_user_with_several_accounts_keeps_both_tables():
    result = design("Each user has a name and an email. A user can open several accounts, and each account has "
                    "an account number and a balance.")
    assert {"User", "Account"} <= set(table_names(result))


def test_a_self_link_survives_the_merge_of_user_and_account():
    result = design("The app stores the email, the password and the display name of the account. Users can "
                    "follow other users.")
    assert any(set(foreign_keys(result, t.name).values()) == {"User"} and len(t.foreign_keys) == 2
               for t in result.schema.tables)


def test_a_plural_subject_with_one_detail_is_described():
    # like "A hive has a location.": the sentence is about the astronomers, its one item their column
    result = design("A telescope has a mirror size and a location. Astronomers have a name.")
    assert columns(result, "Astronomer") == ["Astronomer ID", "Name"]


def test_a_new_subject_with_its_own_verb_ends_the_list():
    result = design("Each vineyard has a name, a region and an owner, and the cooperative may buy several harvests "
                    "from a vineyard. Each wine has a label and a vintage, and the cellar stores many bottles of it.")
    assert columns(result, "Vineyard") == ["Vineyard ID", "Name", "Region", "Owner"]
    assert columns(result, "Wine") == ["Wine ID", "Label", "Vintage"]


def test_a_record_listing_the_things_it_is_about_holds_their_keys():
    # "records the artist, the client": the list makes the keys; the verb links nothing more
    result = design("Clients have a name, a passport number and an email. Each kayak has a serial number and a "
                    "colour. A hire records the client, the kayak, the start date and the fee.")
    assert set(foreign_keys(result, "Hire").values()) == {"Client", "Kayak"}
    assert table_names(result) == ["Client", "Kayak", "Hire"]


def test_the_trade_in_the_name_of_a_business_is_no_entity_mention():
    result = design("We run a ferry booking service with several ports. Each port has a name and a country. "
                    "Each booking has a date and a fare.")
    assert foreign_keys(result, "Port") == {}
    assert foreign_keys(result, "Booking") == {}


def test_two_nouns_before_an_enterprise_word_name_its_trade():
    result = design("We run a boat charter company with several harbours. Each harbour has a name and a town. "
                    "Each boat has a name and a length. Each charter has a date and a price.")
    assert links(result) == set()


def test_the_object_of_a_bare_plural_clause_owns_the_with_list():
    # "Gardeners plant trees with ...": subject, plain verb, object; the list is the trees'
    result = design("Each gardener has a name. Gardeners plant trees with a species, a height and a planting date.")
    assert {"Species", "Height", "Planting Date"} <= set(columns(result, "Tree"))
    assert "Gardeners Plant Tree" not in table_names(result)
    assert foreign_keys(result, "Tree") == {"Gardener ID": "Gardener"}


def test_two_values_with_articles_after_with_are_fields_of_the_thing():
    result = design("Each hiker has a name and an email. Hikers log hikes with a distance and a duration.")
    assert {"Distance", "Duration"} <= set(columns(result, "Hike"))


def test_a_passive_event_with_only_places_takes_them_as_its_values():
    # "Each gig is booked for a band at a venue on a date": a thing of its own, keyed to what it is for
    result = design("A venue has a name and a capacity. A band has a name and a genre. Each gig is booked for a "
                    "band at a venue on a date.")
    assert set(foreign_keys(result, "Gig").values()) == {"Band", "Venue"}
    assert "Date" in columns(result, "Gig")


def test_what_an_event_is_logged_with_stays_its_values():
    # "is logged with ... an outcome (good, cracked, melted)": a column with allowed values, no table
    result = design("A kiln has a name. Every firing is logged with a duration and an outcome (good, cracked, melted).")
    assert "Outcome" not in table_names(result)
    assert {"Duration", "Outcome"} <= set(columns(result, "Firing"))


def test_the_record_named_after_the_verb_holds_both_keys():
    # "Pupils are enrolled in clubs" beside an Enrolment: the enrolment points at the pupil and the club
    result = design("Each pupil has a name and a year. Each club has a name and a teacher. Pupils are enrolled in "
                    "clubs; an enrolment has a join date and a fee.")
    assert set(foreign_keys(result, "Enrolment").values()) == {"Pupil", "Club"}
    assert foreign_keys(result, "Pupil") == {}


def test_rows_named_by_their_own_name_are_an_entity_even_with_an_abstract_word():
    # "stages, each with a stage name": a festival's stages, not a step of a process
    result = design("The festival is spread over several stages, each with a stage name and a capacity. "
                    "Each band has a name.")
    assert columns(result, "Stage") == ["Stage ID", "Stage Name", "Capacity"]
    assert "Festival" not in table_names(result)


def test_one_detail_of_a_counted_subject_after_comma_and():
    # ", and each dive has a duration.": a clause of its own about the dive, like a sentence would be
    result = design("Each reef has a depth and a location. Each diver has a name and a licence, and each dive "
                    "has a duration.")
    assert columns(result, "Dive") == ["Dive ID", "Duration"]
    assert "Duration" not in columns(result, "Diver")


def test_a_weekly_slot_is_keyed_by_its_weekday_with_its_time():
    # "held ... on a weekday at a start time": the same time recurs every week, so the day is part of when
    result = design("A studio has a name and a size. A band has a name and a genre. Each rehearsal is held for a "
                    "band in a studio on a weekday at a start time.")
    key = table(result, "Rehearsal").primary_key.columns
    assert "Weekday" in key and "Start Time" in key
    assert set(foreign_keys(result, "Rehearsal").values()) == {"Band", "Studio"}


def test_an_ing_word_after_an_article_describes_the_item():
    # "a sending branch and a receiving branch": two roles, not the operations "sending" and "receiving"
    result = design("Each branch has a name and a city. Each transfer has a sending branch, a receiving branch "
                    "and an amount.")
    assert {"Sending Branch", "Receiving Branch", "Amount"} <= set(columns(result, "Transfer"))


def test_roles_declared_in_a_sentence_of_their_own_point_at_their_kind():
    # "Starters and timekeepers are stewards.": one Steward table, one key per role on the race
    result = design("Each club has a name. A steward has a name and a phone. Each race has a starter, a "
                    "timekeeper and a date. Starters and timekeepers are stewards.")
    assert foreign_keys(result, "Race") == {"Starter ID": "Steward", "Timekeeper ID": "Steward"}
    assert "Date" in columns(result, "Race")
