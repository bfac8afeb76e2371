"""Readings found by designing prose by hand: a verb with a counted object inside a field list opens a
clause, registration/serial/tracking numbers are labels even as keys, the subject acting on a known
entity is an entity, and a gerund-led item keeps its own head."""

from __future__ import annotations

from design_helpers import columns as _columns
from design_helpers import foreign_keys as foreign_keys_of
from design_helpers import links
from design_helpers import table_names as _tables
from schema_architect.design import design
from schema_architect.design.datatypes import infer_type


def test_a_verb_with_a_counted_object_in_a_list_is_no_column():
    result = design("A delivery van has a van number and a capacity. Each route has a route code, a length "
                    "and uses one delivery van.")
    route = " ".join(_columns(result, "Route")).lower()
    assert "uses" not in route and "one" not in route
    assert "length" in route


def test_label_numbers_are_text_even_as_keys():
    for name in ("Registration Number", "Serial Number", "Tracking Number", "ISBN Number"):
        data_type, _ = infer_type(name, is_key=True)
        assert data_type.kind.name != "INTEGER", name
    data_type, _ = infer_type("Employee Number", is_key=True)
    assert data_type.kind.name == "INTEGER"


def test_the_subject_acting_on_a_known_entity_is_an_entity():
    result = design("An appointment has a date, a time and a room. Patients book appointments.")
    assert "Patient" in _tables(result)
    linked = {(t.name, fk.ref_table) for t in result.schema.tables for fk in t.foreign_keys}
    assert ("Appointment", "Patient") in linked or any(ref == "Patient" for _, ref in linked), linked
    result = design("Each vineyard has a name and a region. Every winemaker works at one vineyard.")
    assert "Winemaker" in _tables(result)


def test_a_subject_that_is_no_actor_adds_nothing():
    # "Arts" before "Company" is no subject, and "needs" no action on the exhibitions
    result = design("The Performing Arts Company needs to manage exhibitions. Each exhibition has a title and "
                    "an opening date.")
    assert _tables(result) == ["Exhibition"]


def test_an_item_ending_in_a_gerund_phrase_keeps_its_own_head():
    columns = _columns(design("Each bakery has an address and opening hours."), "Bakery")
    assert "Address" in columns and ("Opening Hours" in columns or "Opening Hour" in columns), columns
    columns = _columns(design("Each bakery has shipping and billing addresses."), "Bakery")
    assert "Shipping Address" in columns and "Billing Address" in columns, columns


def test_telegraphic_noun_with_a_field_list_owns_it():
    # "users with email, password, name; products with ...": the issue's own telegraphic style
    result = design("tenants with name, phone, email and move-in date; flats with number, floor, rent and size")
    assert {"Name", "Phone", "Email"} <= set(_columns(result, "Tenant"))
    assert {"Floor", "Rent", "Size"} <= set(_columns(result, "Flat"))
    # one partner after "with" is still no field list
    assert "Customers" not in " ".join(_columns(design("Each shop has a name and an address. Each shop manages "
                                                       "interactions with customers."), "Shop"))


def test_members_with_quantities_go_on_a_line_item():
    result = design("Each delivery contains multiple parcels with quantities. Parcels have a label and a weight.")
    line = [t for t in result.schema.tables if {fk.ref_table for fk in t.foreign_keys} == {"Delivery", "Parcel"}]
    assert line, _tables(result)
    assert "Quantity" in line[0].column_names
    assert "Delivery ID" not in _columns(result, "Parcel")


TELEGRAPHIC = ("tenants with name, phone, email and move-in date; buildings with flats; flats with number, floor "
               "and rent; repairs where tenants report problems in flats; parking permits linked to tenants; "
               "shortlists with flats")


def test_telegraphic_clauses_name_things_and_their_links():
    result = design(TELEGRAPHIC)
    assert {"Tenant", "Building", "Flat", "Repair", "Parking Permit", "Shortlist"} <= set(_tables(result))
    found = links(result)
    assert {("Repair", "Tenant"), ("Repair", "Flat"), ("Parking Permit", "Tenant"), ("Flat", "Building")} <= found
    holders = [t for t in result.schema.tables if {fk.ref_table for fk in t.foreign_keys} == {"Shortlist", "Flat"}]
    assert holders, found  # a flat sits on many shortlists


def test_a_key_to_a_table_keyed_by_a_bare_number_is_named_after_it():
    result = design("Each locker has a number, a size and a floor. Each rental has a start date and uses one locker.")
    assert "Locker Number" in _columns(result, "Rental"), _columns(result, "Rental")
    assert foreign_keys_of(result, "Rental").get("Locker Number") == "Locker"


def test_the_verb_after_a_passive_agent_is_the_subjects_not_the_agents():
    # "created by a clerk and holds several parcels": the shipment holds them, so the quantities sit on
    # the shipment's lines and the clerk gets no link of its own to parcels
    result = design("Each shipment is created by a clerk and holds several parcels with quantities. "
                    "Clerks have a name. Parcels have a weight.")
    assert foreign_keys_of(result, "Shipment") == {"Clerk ID": "Clerk"}
    targets = {t: set(foreign_keys_of(result, t).values()) for t in _tables(result)}
    assert [t for t, refs in targets.items() if refs == {"Clerk", "Parcel"}] == []
    lines = [t for t, refs in targets.items() if refs == {"Shipment", "Parcel"}]
    assert len(lines) == 1 and "Quantity" in _columns(result, lines[0])


def test_a_sentence_that_only_states_a_link_is_not_reported_as_unused():
    result = design("Farriers shoe horses. Each farrier has a name. Each horse has a breed. The weather is nice.")
    assert ("Horse", "Farrier") in links(result)
    unused = [s.text for s in result.not_understood]
    assert unused == ["The weather is nice."]


def test_compounds_of_man_inflect_like_man():
    """'several craftsmen' made a Craftsmen table beside Craftsman; snake_plural named it craftsmans."""
    from schema_architect.design.naming import plural
    from schema_architect.design.words import singular

    assert [singular(w) for w in ("craftsmen", "chairwomen", "men", "specimens", "specimen", "humans")] == [
        "craftsman", "chairwoman", "man", "specimen", "specimen", "human"]
    assert [plural(w) for w in ("craftsman", "Fireman", "human", "specimen")] == [
        "craftsmen", "Firemen", "humans", "specimens"]
    result = design("Each craftsman has a name and a trade. Each workshop has a title and a date. "
                    "Each workshop is taught by several craftsmen.")
    assert "Craftsmen" not in _tables(result) and "Craftsman" in _tables(result)
