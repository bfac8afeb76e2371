"""Link and record tables stated by the text (a count per pair, ...), read by the offline design engine."""

from __future__ import annotations

from schema_architect.design import design
from design_helpers import columns, linking, table, table_names


def test_quantities_of_one_thing_per_other_thing_are_a_link_table():
    # "the medicines and their quantities for each prescription": a count per pair, kept on the link
    r = design("Each medicine has a name and a unit price. Each prescription has an issue date and a doctor name. "
               "The pharmacist records the prescribed medicines and their quantities for each prescription.")
    link = linking(r, "Medicine", "Prescription")
    assert len(link) == 1, table_names(r)
    assert "Quantity" in columns(r, link[0].name)
    assert link[0].name.startswith("Prescription"), link[0].name  # the thing counted per comes first


def test_quantity_of_a_thing_for_each_other_thing():
    r = design("Each warehouse has a code and an address. Each spare part has a part number and a description. "
               "The system tracks the quantity of spare parts stored in each warehouse.")
    link = linking(r, "Spare Part", "Warehouse")
    assert len(link) == 1, table_names(r)
    assert any("Quantity" in c for c in columns(r, link[0].name))


def test_a_column_named_quantity_is_not_a_count_per_pair():
    # "stock quantity" is a column of the part; the supplier is only named in the same list
    r = design("Each supplier has a name and a phone number. Each part has a part number, a description, "
               "a supplier and a stock quantity.")
    assert not linking(r, "Supplier", "Part") or all(len(t.foreign_keys) < 2 or t.name == "Part"
                                                      for t in linking(r, "Supplier", "Part"))
    assert "Stock Quantity" in columns(r, "Part")


def test_an_occasion_of_a_deed_named_after_a_thing_points_at_it():
    # "For each vessel inspection event, ...": the event records something of the vessel
    r = design("Each vessel has an ID, a name and a flag. Inspectors have an ID and a name. "
               "For each vessel inspection event, the inspection date, the findings, the inspector and the fee need to be recorded.")
    events = [t for t in table_names(r) if t.lower().endswith("event")]
    assert events, table_names(r)
    assert "Vessel" in {fk.ref_table for fk in table(r, events[0]).foreign_keys}, columns(r, events[0])


def test_a_document_counting_a_thing_keeps_the_count_on_its_lines():
    # a requisition asks for many reagents: the reagent's key and its count are a line of it
    r = design("Each reagent has a reagent code, a name and a hazard class. "
               "Each lab requisition records the requisition number, the requesting lab, the reagent code, the quantity, "
               "the unit price and the request date.")
    lines = linking(r, "Lab Requisition", "Reagent")
    assert len(lines) == 1, table_names(r)
    assert {"Quantity", "Unit Price"} <= set(columns(r, lines[0].name))
    assert "Quantity" not in columns(r, "Lab Requisition")
    assert "Request Date" in columns(r, "Lab Requisition")


def test_a_count_of_the_document_itself_stays_on_it():
    # the customer's number before the quantity says whose order it is, not what it counts
    r = design("Each customer has a customer number and a name. "
               "Each order records the order number, the order date, the customer number and the quantity.")
    assert "Quantity" in columns(r, "Order")
    assert len(table_names(r)) == 2, table_names(r)


def test_a_list_under_a_heading_naming_a_deed_of_its_owner_describes_the_deed():
    # "Volunteer Signing Up Shift Management, records ... including the Volunteer ID, Shift ID, ...":
    # the list is the sign-up record linking both, not the shift's columns
    r = design("Volunteer Management, Stores volunteer information, including the Volunteer ID, name and phone number.\n\n"
               "Shift Management, Stores shift information, including the Shift ID, shift date and start time.\n\n"
               "Volunteer Signing Up Shift Management, Records information related to volunteers signing up for a shift, "
               "including the Volunteer ID, Shift ID, sign-up time, and a comment.")
    record = [t for t in table_names(r) if "Signing" in t]
    assert record, table_names(r)
    assert {fk.ref_table for fk in table(r, record[0]).foreign_keys} == {"Volunteer", "Shift"}
    assert "Sign-up Time" not in columns(r, "Shift") and "Sign-Up Time" not in columns(r, "Shift")


def test_orders_for_things_are_order_lines():
    r = design("Each seed variety has a variety code, a name and a price. Each order has an order number and an order date. "
               "The nursery can place orders for the selected seed varieties.")
    lines = linking(r, "Order", "Seed Variety")
    assert len(lines) == 1, table_names(r)
    assert "Quantity" in columns(r, lines[0].name)
    assert "Variety Code" not in columns(r, "Order")


def test_a_count_said_for_each_of_two_things_links_the_counted_thing_to_both():
    r = design("Each ward has a ward number. Each surgery has a surgery ID and a date. Each supply item has an item code and a name. "
               "The system tracks the quantity of supply items used in each surgery and the supply items kept in each ward.")
    assert linking(r, "Supply Item", "Surgery") and linking(r, "Supply Item", "Ward"), table_names(r)


def test_a_value_of_each_thing_within_each_other_thing_lives_on_their_link():
    r = design("Each greenhouse has a code. Each plant species has a Latin name. "
               "The system records the germination rate of each plant species in each greenhouse.")
    link = linking(r, "Plant Species", "Greenhouse")
    assert len(link) == 1, table_names(r)
    assert "Germination Rate" in columns(r, link[0].name)


def test_a_stock_level_listed_for_each_thing_in_a_place_is_a_pair_value():
    r = design("Each depot has a name. Each tyre model has a size. "
               "For each tyre model in a depot, the stock level and the bay number are recorded.")
    link = linking(r, "Tyre Model", "Depot")
    assert len(link) == 1, table_names(r)
    assert {"Stock Level", "Bay Number"} <= set(columns(r, link[0].name))


def test_a_value_the_subject_gets_for_each_linked_thing_lives_on_the_link():
    r = design("Each volunteer has a name. Each campaign has a title. "
               "A volunteer can join many campaigns and records a rating for each campaign.")
    link = linking(r, "Volunteer", "Campaign")
    assert len(link) == 1, table_names(r)
    assert "Rating" in columns(r, link[0].name)
    assert "Rating" not in columns(r, "Volunteer")
