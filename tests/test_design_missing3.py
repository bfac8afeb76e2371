"""Tables the text names that the design used to leave out or file under another name: a record the
text speaks of owns the "each record includes ..." list and the values kept under its topic."""

from __future__ import annotations

from design_helpers import columns, linking, table_names
from schema_architect.design import design

# "Each record includes ..., the content of the message": the list is the chat record's (named in the
# sentence before), not the message's that one item is of.
CALLS = ("Agent Management, Stores agent information, including the agent ID, name, and extension number.\n\n"
         "Call Record Management, Stores the call records between agents and customers. Each record includes "
         "the agent ID, the customer phone, time the call started, and the duration of the call.")


def test_each_record_belongs_to_the_record_named_before():
    result = design(CALLS)
    assert "Call Record" in table_names(result)
    assert {"Agent ID", "Customer Phone"} <= set(columns(result, "Call Record"))
    assert "Call" not in table_names(result)


# "Each record needs to include the sighting record number, ...": no record entity yet, but its own key
# (first in the list) names it.
SIGHTINGS = ("Each trail has a trail number, a name and a length. The park needs to record the birds seen on "
             "each trail. Each record needs to include the sighting record number, sighting time, observer, "
             "bird species, and count.")


def test_a_record_list_is_named_by_its_own_key():
    result = design(SIGHTINGS)
    assert "Sighting Record" in table_names(result)
    assert {"Sighting Time", "Observer", "Bird Species"} <= set(columns(result, "Sighting Record"))


# "For loan record management, the system records ... for each checkout": the record the topic names
# holds the values of each act, not a table of the act.
TOOLS = ("A tool library lends tools to its members. Each member has a member ID, a name and a phone number. "
         "Each tool has a tool ID, a name and a category. For loan record management, the system records "
         "detailed information for each checkout, including the member ID, the tool ID, the checkout date "
         "and the due date.")


def test_a_record_topic_names_the_table_of_its_values():
    result = design(TOOLS)
    assert "Loan Record" in table_names(result)
    assert {"Checkout Date", "Due Date"} <= set(columns(result, "Loan Record"))
    assert "Checkout" not in table_names(result)


# Links between people and what they take part in: named after the act the text states, and made for
# every kind of participant listed.
VOLUNTEERS = ("Each volunteer has a volunteer ID, a name and a phone number. Each campaign has a campaign ID, "
              "a title and a start date. Each volunteer can participate in multiple campaigns.")


def test_a_link_is_named_after_the_act_its_clause_states():
    result = design(VOLUNTEERS)
    assert "Volunteer Campaign Participation" in table_names(result)
    assert linking(result, "Volunteer", "Campaign")


ALBUMS = ("Each album has an album ID, a title and a release date. Each producer has a producer ID, a name and an "
          "email. Each album has multiple producers.")


def test_producers_take_part_in_many_albums():
    result = design(ALBUMS)
    assert linking(result, "Album", "Producer")
    assert "Album ID" not in columns(result, "Producer")


TOURS = ("Each guest has a guest ID, a name and an email. Each tour has a tour ID, a title and a price. "
         "The app allows guests to book tours.")


def test_allowing_someone_to_act_on_things_links_them():
    assert linking(design(TOURS), "Guest", "Tour")
