"""Foreign keys the text states through a compound or a second clause of the same subject."""

from __future__ import annotations

from design_helpers import foreign_keys, table_names

from schema_architect.design import design


def test_verb_reaches_the_head_of_a_compound():
    # "hotel bookings": the hotel only modifies the bookings; the guest makes the bookings
    r = design("Each guest has a guest ID, name and phone. Each hotel has a hotel ID and city. "
               "Guests can make hotel bookings, with booking information including booking number and check-in date.")
    assert foreign_keys(r, "Booking").get("Guest ID") == "Guest"
    assert foreign_keys(r, "Booking").get("Hotel ID") == "Hotel"


def test_second_participle_of_a_with_each_clause_is_the_clause_subjects():
    # "with each ticket raised by one customer and handled by one agent": the agent handles the ticket
    r = design("Each agent has an agent ID and name. Each customer has a customer ID and email. "
               "For each ticket, the system records the ticket ID and subject, with each ticket raised by one customer "
               "and handled by one agent.")
    assert "Agent ID" not in foreign_keys(r, "Customer")
    assert set(foreign_keys(r, "Ticket").values()) == {"Customer", "Agent"}


def test_a_name_inside_a_long_system_name_is_no_mention():
    # "an online recipe knowledge base platform for ... various cookbooks" names no recipe-cookbook pair
    r = design("This is an online recipe knowledge base platform for managing and displaying various cookbooks. "
               "Each cookbook has a cookbook ID and title. Each recipe has a recipe ID and instructions. "
               "Each cookbook can contain multiple recipes.")
    assert foreign_keys(r, "Recipe") == {"Cookbook ID": "Cookbook"}
    assert len(r.schema.tables) == 2


def test_an_acronym_plural_names_the_acronym_entity():
    # "multiple KPIs ... each KPI": one KPI table ("KPIs" is no "-is" noun like "axis")
    r = design("Each department has a department ID and name. Each department may track multiple KPIs, with each KPI "
               "bound to a department, and the system records each KPI's name and target value.")
    assert sorted(t.name for t in r.schema.tables) == ["Department", "KPI"]
    assert foreign_keys(r, "KPI") == {"Department ID": "Department"}


def test_a_record_that_corresponds_to_each_thing_holds_the_things_key():
    # "each vessel corresponds to an inspection record": the record is kept of the vessel
    r = design("Each vessel has a vessel number and tonnage. Each vessel corresponds to an inspection record, "
               "which includes inspection record ID, inspector name and inspection date.")
    assert foreign_keys(r, "Inspection Record") == {"Vessel Number": "Vessel"}
    assert foreign_keys(r, "Vessel") == {}


def test_a_unique_record_of_each_thing_holds_the_things_key():
    # "each vehicle has a unique service record": the vehicle does not point at a shared record
    r = design("Each vehicle has a vehicle ID, plate and model. Each service record has a service ID, mileage and "
               "service date. Each vehicle has a unique service record.")
    assert foreign_keys(r, "Service Record") == {"Vehicle ID": "Vehicle"}
    assert foreign_keys(r, "Vehicle") == {}


def test_a_thing_before_its_kinds_has_one_kind():
    # "managing vehicle categories": each vehicle is of one category
    r = design("Each vehicle has a vehicle ID, plate and model. Each category has a category ID and category name. "
               "The fleet office manages vehicle categories.")
    assert foreign_keys(r, "Vehicle") == {"Category ID": "Category"}
    assert foreign_keys(r, "Category") == {}


def test_kinds_given_to_things_are_one_per_thing():
    # "the clerk assigns levels to members": a member has a level, not a level one member
    r = design("Each member has a member ID, name and email. Each level has a level ID and discount rate. "
               "The clerk assigns levels to members.")
    assert foreign_keys(r, "Member") == {"Level ID": "Level"}
    assert foreign_keys(r, "Level") == {}


def test_counted_things_of_a_material_are_the_described_things():
    # "multiple bolts of fabric" beside a described Bolt: the bolts, not a "Bolts of Fabric" table
    r = design("The system manages multiple mills, with each mill recording mill ID, name and city. "
               "Each mill can have multiple bolts of fabric. Each bolt has a bolt ID, length and color.")
    assert sorted(table_names(r)) == ["Bolt", "Mill"]
    assert foreign_keys(r, "Bolt") == {"Mill ID": "Mill"}


def test_items_that_each_say_whose_they_are_give_the_list_no_owner():
    # "the pilot ID of the pilot, and the route ID of the route": two references, not the route's columns
    r = design("The system contains multiple pilots, each pilot has a pilot ID, name and license. The system records "
               "multiple flights, each flight has a flight number, route, assigned pilot and departure time, where the "
               "assigned pilot is associated with the pilot ID of the pilot, and the route is associated with the route "
               "ID of the route. The system also contains multiple routes, each route has a route ID and route name.")
    assert foreign_keys(r, "Route") == {}
    assert set(foreign_keys(r, "Flight").values()) == {"Pilot", "Route"}
