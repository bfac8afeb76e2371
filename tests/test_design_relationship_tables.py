"""Relationship tables (junctions of M:N and records that link two entities) and their composite keys."""

from __future__ import annotations

from design_helpers import linking as _linking
from design_helpers import table as _table
from schema_architect.design import design
from schema_architect.design.relationships import detect_relationships
from schema_architect.design.segment import split_sentences


def _fks(result, table: str) -> dict[str, str]:
    return {c: fk.ref_table for fk in _table(result, table).foreign_keys for c in fk.columns}


# -- an event of two things at a moment is keyed by them and when -----------------------------------
def test_one_word_event_linking_two_things_is_keyed_by_them_and_when():
    text = ("Each patron has a patron ID and a name. Each exhibit has an exhibit ID and a title. "
            "Each visit records the patron ID, the exhibit ID and the visit time.")
    r = design(text)
    assert _table(r, "Visit").primary_key_columns == ["Patron ID", "Exhibit ID", "Visit Time"]


def test_one_word_thing_others_point_at_keeps_an_id_of_its_own():
    text = ("Each patron has a patron ID and a name. Each exhibit has an exhibit ID and a title. "
            "Each tour has a patron ID, an exhibit ID and a start time. Each tour has multiple guides. "
            "Each guide has a guide ID and a name.")
    r = design(text)
    assert _table(r, "Tour").primary_key_columns == ["Tour ID"]


# -- "the relationship between X and Y" names a relationship set -----------------------------------
def test_relationship_between_pairs_become_junction_tables():
    text = ("Each boat has a boat ID and a name. Each sailor has a sailor ID and a name. "
            "Each harbor has a harbor ID and a city. "
            "The system also manages the relationships between sailors and boats, and sailors and harbors.")
    r = design(text)
    for other in ("Boat", "Harbor"):
        links = _linking(r, "Sailor", other)
        assert len(links) == 1, [t.name for t in r.schema.tables]
        assert sorted(links[0].primary_key_columns) == sorted(["Sailor ID", f"{other} ID"])


def test_relationship_between_a_list_of_single_things_names_no_pair():
    text = "The system manages the relationships between sailors, boats and harbors."
    assert detect_relationships(split_sentences(text), ["Sailor", "Boat", "Harbor"]) == []


def test_hyphenated_relationship_table_names_the_pair():
    text = "The recipe-to-tag relationship table records which tags describe which recipes."
    rels = detect_relationships(split_sentences(text), ["Recipe", "Tag"])
    assert len(rels) == 1 and rels[0].kind == "M:N"


def test_stated_one_to_many_wins_over_a_named_relationship():
    text = ("Each harbor hosts multiple boats. "
            "The system records the relationship between harbors and boats.")
    rels = detect_relationships(split_sentences(text), ["Harbor", "Boat"])
    assert len(rels) == 1 and rels[0].kind == "1:N"


# -- a count per pair makes a line item -------------------------------------------------------------
def test_quantity_for_each_member_makes_a_line_item():
    text = ("Each shipment has a shipment ID and a departure date. Each crate has a crate ID and a weight. "
            "Each shipment can contain multiple crates, and the system records the loaded quantity of each crate.")
    r = design(text)
    links = _linking(r, "Shipment", "Crate")
    assert len(links) == 1, [t.name for t in r.schema.tables]
    assert sorted(links[0].primary_key_columns) == ["Crate ID", "Shipment ID"]
    assert "Loaded Quantity" in links[0].column_names
    assert _fks(r, "Crate") == {}


def test_quantity_of_the_owner_itself_keeps_one_to_many():
    text = ("Each warehouse has a warehouse ID and a city. Each shelf has a shelf ID. "
            "Each warehouse has multiple shelves, and the system records the total quantity of the warehouse.")
    r = design(text)
    assert _linking(r, "Warehouse", "Shelf") == []


# -- the entity the text names for a relationship is its table ----------------------------------------
def test_event_noun_after_the_pair_is_the_relationship_table():
    text = ("Each surveyor has a surveyor ID and a name. Each parcel has a parcel ID and an area. "
            "Surveyors can measure multiple parcels, with each measurement recording the measured area and the date of measurement.")
    r = design(text)
    m = _table(r, "Measurement")
    assert _fks(r, "Measurement") == {"Surveyor ID": "Surveyor", "Parcel ID": "Parcel"}
    assert m.primary_key_columns == ["Surveyor ID", "Parcel ID", "Date of Measurement"]
    assert len(_linking(r, "Surveyor", "Parcel")) == 1


def test_event_noun_in_the_next_clause_is_the_relationship_table():
    text = ("Each diver has a diver ID and a name. Each reef has a reef ID and a depth. "
            "A diver can visit many reefs; each dive records the dive date and the duration.")
    r = design(text)
    assert _fks(r, "Dive") == {"Diver ID": "Diver", "Reef ID": "Reef"}
    assert _table(r, "Dive").primary_key_columns == ["Diver ID", "Reef ID", "Dive Date"]
    assert len(_linking(r, "Diver", "Reef")) == 1


def test_an_unrelated_entity_after_the_pair_is_not_the_link():
    text = ("Each department has a department ID and a name. Each employee has an employee ID and a name. "
            "Each department has multiple employees, and each project has a budget.")
    r = design(text)
    assert _linking(r, "Department", "Employee") == []


def test_table_named_after_both_sides_realizes_their_link():
    text = ("Each pilot has a pilot ID and a name. Each aircraft has an aircraft ID and a model. "
            "Each pilot can book multiple aircraft, and each aircraft can be booked by multiple pilots. "
            "The pilot aircraft booking records the booking time and the purpose.")
    r = design(text)
    links = _linking(r, "Pilot", "Aircraft")
    assert [t.name for t in links] == ["Pilot Aircraft Booking"]
    assert links[0].primary_key_columns == ["Pilot ID", "Aircraft ID", "Booking Time"]


def test_natural_key_named_alike_everywhere_and_not_unique_in_a_link():
    text = ("Each reader has a reader ID and a name. Each book has an ISBN and a title. "
            "A reader can borrow many books; each loan records the loan date and the return date.")
    r = design(text)
    loan = _table(r, "Loan")
    assert "ISBN" in loan.column_names
    assert not any(u.columns == ["ISBN"] for u in loan.unique_constraints)


# -- a record named after a thing records something of it ----------------------------------------------
def test_event_named_after_a_thing_points_at_it_and_is_keyed_by_it_and_when():
    text = ("Each vessel has a vessel ID and a name. "
            "The vessel inspection records the inspector name, the inspection date and the result.")
    r = design(text)
    assert _fks(r, "Vessel Inspection") == {"Vessel ID": "Vessel"}
    assert _table(r, "Vessel Inspection").primary_key_columns == ["Vessel ID", "Inspection Date"]


def test_a_kind_or_a_thing_named_after_another_is_not_its_record():
    text = ("Each trigger has a trigger ID and a name. Each cron trigger has a cron expression and a timezone. "
            "Each rental has a rental ID and a start date. Each rental item has an item name and a fee.")
    r = design(text)
    assert _fks(r, "Cron Trigger") == {}
    assert _fks(r, "Rental Item") == {}


# -- "order details" are the lines of an order ----------------------------------------------------------
def test_document_details_are_its_line_items_keyed_by_document_and_thing():
    text = ("The system records invoice information (invoice ID, issue date, customer name), "
            "service information (service ID, service name, hourly rate), "
            "and invoice details (service ID, billed hours, line amount).")
    r = design(text)
    line = _table(r, "Invoice Detail")
    assert _fks(r, "Invoice Detail") == {"Service ID": "Service", "Invoice ID": "Invoice"}
    assert sorted(line.primary_key_columns) == ["Invoice ID", "Service ID"]
    assert "Billed Hours" not in _table(r, "Invoice").column_names


def test_details_of_a_thing_that_is_not_a_document_stay_its_attributes():
    text = "The system records flight details (flight number, departure time, arrival time)."
    r = design(text)
    assert [t.name for t in r.schema.tables] == ["Flight"]


# -- "add Y to their wishlist": the container is the link table ------------------------------------------
def test_adding_things_to_a_personal_container_links_owner_and_things():
    text = ("Each listener has a listener ID and a nickname. Each podcast has a podcast ID and a title. "
            "Listeners can save podcasts to their listening queue, recording the quantity of episodes.")
    r = design(text)
    links = _linking(r, "Listener", "Podcast")
    assert [t.name for t in links] == ["Listening Queue"]
    assert sorted(links[0].primary_key_columns) == ["Listener ID", "Podcast ID"]


def test_stated_many_to_many_between_a_pair_names_only_that_pair():
    text = ("The guest books rooms (Booking ID, Guest ID) relationship table represents "
            "the many-to-many relationship between guests and rooms.")
    rels = detect_relationships(split_sentences(text), ["Booking", "Guest", "Room"])
    # (a fallback link of an unlinked record to the one person named with it is no reading of the pair)
    assert [(frozenset((r.left, r.right)), r.kind) for r in rels if not r.fallback] == [(frozenset(("Guest", "Room")), "M:N")]


# -- people who take part in activities are shared by them ---------------------------------------------
def test_participants_of_an_activity_are_many_to_many():
    text = "Each festival has multiple performers."
    rels = detect_relationships(split_sentences(text), ["Festival", "Performer"])
    assert len(rels) == 1 and rels[0].kind == "M:N"


def test_people_of_an_organization_belong_to_it():
    text = "Each agency has multiple performers."
    rels = detect_relationships(split_sentences(text), ["Agency", "Performer"])
    assert len(rels) == 1 and rels[0].kind == "1:N" and rels[0].left == "Agency"


# -- "the exams students take": an object relative clause with a sharing verb ----------------------------
def test_object_before_its_subject_with_a_sharing_verb_is_many_to_many():
    text = "The system records the workshops members attend and their feedback."
    rels = detect_relationships(split_sentences(text), ["Workshop", "Member"])
    assert len(rels) == 1 and rels[0].kind == "M:N"


def test_object_before_its_subject_with_another_verb_is_not():
    text = "The system records the orders customers place."
    rels = detect_relationships(split_sentences(text), ["Order", "Customer"])
    assert all(r.kind != "M:N" for r in rels)


# -- a list after "the relationship between X and Y" describes the pair ----------------------------------
def test_list_after_relationship_between_goes_on_the_link_table():
    text = ("Each member has a member ID and a name. Each tool has a tool ID, a name and a price. "
            "The system manages the loan relationships between members and tools, including the loan quantity and the deposit.")
    r = design(text)
    links = _linking(r, "Member", "Tool")
    assert len(links) == 1
    assert {"Loan Quantity", "Deposit"} <= set(links[0].column_names)
    assert "Deposit" not in _table(r, "Tool").column_names


def test_a_count_between_things_that_are_not_a_document_is_no_line_item():
    text = ("Each supplier has a supplier ID and a name. Each part has a part ID and a unit price. "
            "Each supplier can provide multiple parts, and the system records the supplied quantity of each part.")
    r = design(text)
    links = _linking(r, "Supplier", "Part")
    assert [t.name for t in links] == ["Supplier Part"]
    assert not any("at Purchase" in c for c in links[0].column_names)


# -- a thing listing its records and the records naming the thing: one thing, many records ----------------
def test_a_thing_and_its_records_pointing_at_each_other_is_one_to_many():
    text = ("Each machine has a machine ID, a name and a service record. "
            "Each service record includes the machine ID, the service date and the technician name.")
    r = design(text)
    assert _fks(r, "Service Record") == {"Machine ID": "Machine"}
    assert _fks(r, "Machine") == {}
    assert _linking(r, "Machine", "Service Record") == []


def test_relationship_between_people_and_an_organization_is_membership():
    text = "The system maintains the relationships between volunteers and clubs, and volunteers and events."
    rels = {frozenset((r.left, r.right)): r for r in detect_relationships(split_sentences(text), ["Volunteer", "Club", "Event"])}
    club = rels[frozenset(("Volunteer", "Club"))]
    assert club.kind == "1:N" and club.left == "Club"
    assert rels[frozenset(("Volunteer", "Event"))].kind == "M:N"


# -- "records the association between X and Y": the pair the table links, not two columns ------------
def test_link_table_listing_the_pair_it_relates_gets_no_column_for_either_side():
    text = ("Each volunteer has a volunteer ID and a name. Each shelter has a shelter ID and an address. "
            "The volunteer-shelter association table records the association between volunteers and shelters, "
            "including volunteer ID, shelter ID and start date.")
    r = design(text)
    links = _linking(r, "Volunteer", "Shelter")
    assert len(links) == 1
    columns = [c.name for c in links[0].columns]
    assert not any("between" in c.lower() for c in columns), columns
    assert "Shelters" not in columns


# -- "can purchase": a name right after a modal is the verb, not the entity ---------------------------
def test_name_after_a_modal_is_the_verb_not_the_entity():
    text = ("Each diner has a diner ID and a name. Each dish has a dish ID and a price. "
            "Each order has an order ID and an order time. Each diner can order multiple dishes.")
    rels = detect_relationships(split_sentences(text), ["Diner", "Dish", "Order"])
    assert not any({r.left, r.right} == {"Order", "Dish"} for r in rels)
    assert any({r.left, r.right} == {"Diner", "Dish"} for r in rels)


# -- a membership and a role in opposite directions are two one-to-many links ------------------------
def test_one_member_as_a_role_and_membership_are_two_keys_not_a_junction():
    text = ("The system records each choir, including choir ID and choir name, with each choir having one "
            "singer as the leader. The system records each singer, including singer ID, name and voice type, "
            "where each singer can only belong to one choir.")
    r = design(text)
    assert not _linking(r, "Choir", "Singer")
    assert _fks(r, "Singer") == {"Choir ID": "Choir"}
    assert _fks(r, "Choir") == {"Leader ID": "Singer"}


# -- "patients can book therapists": a sharing verb between bare plurals is many-to-many ---------------
def test_sharing_verb_between_bare_plurals_is_many_to_many():
    rels = detect_relationships(split_sentences("Hikers can book guides for their trips."), ["Hiker", "Guide"])
    assert [(r.left, r.right, r.kind) for r in rels] == [("Hiker", "Guide", "M:N")]
    rels = detect_relationships(split_sentences("Hikers can describe guides."), ["Hiker", "Guide"])
    assert not rels  # no sharing verb: nothing is said about how many


# -- "riders can rent scooters" and a "Scooter Rental" of the text: that entity is the link -----------
def test_event_noun_of_the_verb_realizes_the_many_to_many_link():
    text = ("Each rider has a rider ID and a name. Each scooter has a scooter ID and a battery level. "
            "Riders can rent scooters. Scooter Rental: record the rental fee and the rental time.")
    r = design(text)
    links = _linking(r, "Rider", "Scooter")
    assert [t.name for t in links] == ["Scooter Rental"]


# -- "The wishlist records Shopper ID, Gadget ID": 'records' after 'the X' opens the link's list --------
def test_the_x_records_identifier_list_makes_a_record_linking_both():
    text = ("Each shopper has a shopper ID and a nickname. Each gadget has a gadget ID and a price. "
            "The wishlist records Shopper ID, Gadget ID, and added time.")
    r = design(text)
    assert [t.name for t in _linking(r, "Shopper", "Gadget")] == ["Wishlist"]


# -- "Patient Ward Change", "Account Status Update": a change record points at the things it names ----
def test_change_record_named_after_two_things_points_at_both():
    text = ("Each patient has a patient ID and a name. Each ward has a ward ID and a floor. "
            "Patient Ward Change: record the change date and the reason for the change.")
    r = design(text)
    assert set(_fks(r, "Patient Ward Change").values()) == {"Patient", "Ward"}


def test_update_record_named_after_a_thing_points_at_it():
    text = ("Each parcel has a parcel ID and a weight. "
            "Parcel Status Update: record the update time, the new status and the courier name.")
    r = design(text)
    assert set(_fks(r, "Parcel Status Update").values()) == {"Parcel"}


# -- "A marina has boats and skippers": items described elsewhere are tables, not columns -------------
def test_listed_entities_described_elsewhere_are_not_columns_of_the_lister():
    text = ("A marina has boats and skippers. Each boat has a boat ID, a length and a berth number. "
            "Each skipper has a skipper ID, a name and a license number.")
    r = design(text)
    names = [t.name for t in r.schema.tables]
    assert "Marina" not in names, names  # it only listed other things: the business itself
    assert {"Boat", "Skipper"} <= set(names)


def test_plural_item_described_elsewhere_is_dropped_but_other_columns_stay():
    text = ("Each regatta has a regatta ID, a start date and boats. "
            "Each boat has a boat ID, a length and a berth number.")
    r = design(text)
    columns = [c.name for c in _table(r, "Regatta").columns]
    assert "Boats" not in columns and "Start Date" in columns, columns


# -- a mentioned-only thing that became the link keeps no stand-in name column ------------------------
def test_link_table_from_a_mentioned_name_has_no_placeholder_name_column():
    text = ("Each angler has an angler ID and a name. Each lake has a lake ID and a depth. "
            "Each angler can visit multiple lakes. Angler Lake Visit: the system manages visits.")
    r = design(text)
    links = _linking(r, "Angler", "Lake")
    assert len(links) == 1
    assert not any(c.name.endswith(" Name") for c in links[0].columns), [c.name for c in links[0].columns]


# -- "each gardener can mentor other gardeners": a many-to-many of a thing with itself ----------------
def test_things_linked_to_others_of_their_kind_get_a_pair_table():
    r = design("Each gardener has a gardener ID and a plot size. Each gardener can mentor other gardeners.")
    pair = _table(r, "Gardener Mentor")
    assert pair.primary_key_columns == ["Gardener ID", "Mentored Gardener ID"]
    assert set(_fks(r, "Gardener Mentor").values()) == {"Gardener"}


def test_pair_of_own_kind_named_as_an_entity_of_the_text_goes_there():
    text = "Each pilot has a pilot ID and a rank. Pilots can add other pilots as partners."
    rels = detect_relationships(split_sentences(text), ["Pilot"])
    assert [(r.left, r.right, r.kind, r.name, r.role) for r in rels] == [("Pilot", "Pilot", "M:N", "Partner", "Added")]
    text += " Each partner has a start date and remarks."
    r = design(text)
    assert _table(r, "Partner").primary_key_columns == ["Pilot ID", "Added Pilot ID"]
