"""Missing tables (fourth round): links stated by verbs a plain clause does not reach: a let act's
subject ("allows volunteers to ... join shelters"), a verb after a comma, two verbs of one object."""

from __future__ import annotations

from design_helpers import columns, foreign_keys, links, table_names
from schema_architect.design import design


def _link_between(result, a: str, b: str) -> list[str]:
    return [t for t in table_names(result) if t not in (a, b) and set(foreign_keys(result, t).values()) == {a, b}]


def test_a_verb_after_a_comma_of_a_let_act_links_its_subject_and_object():
    result = design("Each volunteer has a volunteer ID and name. Each shelter has a shelter ID and address. "
                    "The portal allows volunteers to browse open shelters by city and capacity, and join shelters.")
    assert len(_link_between(result, "Volunteer", "Shelter")) == 1, links(result)


def test_two_verbs_of_one_object_list_link_the_subject_to_each_object():
    result = design("Each listener has a listener ID and name. Each podcast has a podcast ID and title. "
                    "Each episode has an episode ID and title. "
                    "A listener can subscribe to channels, and comment or recommend podcasts and episodes.")
    for thing in ("Podcast", "Episode"):
        link = _link_between(result, "Listener", thing)
        assert len(link) == 1 and "Comment" in link[0], links(result)


def test_a_key_of_the_things_a_subject_selects_is_the_link_not_a_column_of_the_subject():
    result = design("The gym system records the member's member ID, name, and the class ID of the selected class. "
                    "Each class has a class ID and title. "
                    "The booking module lets members view classes by trainer and time, and select classes.")
    assert "Class ID" not in columns(result, "Member"), columns(result, "Member")
    assert len(_link_between(result, "Member", "Class")) == 1, links(result)


def test_a_list_of_things_after_a_comma_is_no_verb_phrase():
    result = design("Each user has a user ID and name. Each notice has a notice ID and title. "
                    "Each adjustment has an adjustment ID and amount. "
                    "Users can view notices posted by staff, including route changes, price adjustments, and delays.")
    assert not _link_between(result, "User", "Adjustment"), links(result)


def test_a_heading_whose_topic_names_the_entitys_own_key_names_the_entity():
    result = design("Hotel system functions:\n"
                    "1. Guest Management: Each guest has a Guest ID, name, and phone number.\n"
                    "2. Check-In Functionality: Records the check-in status of each guest, including Check-In ID, "
                    "Guest ID, Check-In Time, and Room Number.")
    assert "Check-In" in table_names(result), table_names(result)


def test_a_thing_of_an_owner_that_lists_its_own_key_is_named_without_the_owner():
    result = design("Each vessel has a vessel ID, name, and tonnage. The port records the fuel consumption of each "
                    "vessel (including consumption time, fuel type, fuel consumption ID, and vessel ID).")
    assert "Fuel Consumption" in table_names(result), table_names(result)
    assert foreign_keys(result, "Fuel Consumption") == {"Vessel ID": "Vessel"}, links(result)


def test_a_name_the_text_writes_keeps_its_owner():
    result = design("Each vessel has a vessel ID, name, and tonnage. The vessel fuel consumption table records the "
                    "fuel consumption ID, vessel ID, consumption time and fuel type.")
    assert "Vessel Fuel Consumption" in table_names(result), table_names(result)


def test_a_second_modal_clause_after_a_list_of_values_is_read():
    result = design("Each tenant has a tenant ID, name and phone. Each apartment has an apartment ID and address. "
                    "Tenants can view their lease details and payment history, and can also report apartment faults.")
    faults = [t for t in table_names(result) if "Fault" in t]
    assert len(faults) == 1 and "Tenant" in foreign_keys(result, faults[0]).values(), links(result)


def test_what_someone_reports_is_their_own_report():
    result = design("Each driver has a driver ID and name. Each vehicle has a vehicle ID and plate. "
                    "Drivers can report vehicle defects.")
    defects = [t for t in table_names(result) if "Defect" in t]
    assert len(defects) == 1 and foreign_keys(result, defects[0]).get("Driver ID") == "Driver", links(result)
