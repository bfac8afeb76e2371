"""Records named after an event take the participants of that event; a link a column already realizes is
not made twice."""

from __future__ import annotations

from design_helpers import columns, foreign_keys, table_names
from schema_architect.design import design


# -- a relationship stated by a verb that a listed key column already realizes --------------------------
def test_verb_link_realized_by_a_listed_key_makes_no_link_table():
    text = ("The library system records publishers and books. The publisher information includes the publisher number, "
            "publisher name and city. The book information includes the ISBN, title, publisher number and price. "
            "The relationship between publishers and books is that publishers publish books.")
    r = design(text)
    assert foreign_keys(r, "Book") == {"Publisher Number": "Publisher"}
    assert table_names(r) == ["Publisher", "Book"]


def test_verb_link_with_values_of_its_own_keeps_its_table():
    text = ("Each recipe has a recipe ID, a name and an ingredient ID. Each ingredient has an ingredient ID and a name. "
            "Recipes use multiple ingredients with quantities.")
    r = design(text)
    assert foreign_keys(r, "Recipe Ingredient") == {"Recipe ID": "Recipe", "Ingredient ID": "Ingredient"}


# -- the record named by the event noun of the verb that links two things ------------------------------
def test_record_named_by_the_event_noun_of_a_passive_verb_holds_both_sides():
    text = ("Each tenant has a tenant ID, name and email. Each apartment has an apartment number, address and floor area. "
            "Apartments are rented by tenants. Rental records include the start date, end date and monthly rent.")
    r = design(text)
    assert foreign_keys(r, "Rental Record") == {"Apartment Number": "Apartment", "Tenant ID": "Tenant"}
    assert foreign_keys(r, "Apartment") == {}


def test_record_named_by_an_irregular_verb_holds_both_sides():
    text = ("Each gallery has a gallery ID, name and city. Each painting has a painting ID, title and artist. "
            "Paintings are sold in galleries. Sales records include sales date, sales price and buyer name.")
    r = design(text)
    assert set(foreign_keys(r, "Sales Record").values()) == {"Painting", "Gallery"}
    assert foreign_keys(r, "Painting") == {}


def test_record_of_a_data_verb_with_an_event_noun_holds_both_sides():
    text = ("The system records technicians and machines. Each technician has a technician ID, name and phone number. "
            "Each machine has a machine ID, model and location. Technicians maintain machines. "
            "Maintenance records include maintenance date, maintenance cost and notes.")
    r = design(text)
    assert set(foreign_keys(r, "Maintenance Record").values()) == {"Technician", "Machine"}
    assert foreign_keys(r, "Machine") == {}


def test_stated_link_of_a_merged_record_beats_the_guess_from_the_one_person():
    text = ("Sales Management: Includes managing the sales records of ticket numbers, quantities, prices, and sales dates. "
            "Each cashier can sell multiple tickets. Each cashier has a cashier ID and a name. "
            "Each ticket has a ticket number and a price.")
    r = design(text)
    assert set(foreign_keys(r, "Sales Record").values()) == {"Cashier", "Ticket"}
    assert "Cashier" not in foreign_keys(r, "Ticket").values()


def test_many_to_many_verb_is_kept_in_the_record_named_by_its_event_noun():
    text = ("Rental Management: Includes managing the rental records of bike IDs, rental dates and fees. "
            "Each customer can rent multiple bikes. Each customer has a customer ID and a name. "
            "Each bike has a bike ID and a model.")
    r = design(text)
    assert foreign_keys(r, "Rental Record") == {"Customer ID": "Customer", "Bike ID": "Bike"}
    assert table_names(r) == ["Rental Record", "Customer", "Bike"]


# -- a record whose text says which thing it is of -------------------------------------------------------
def test_record_of_an_act_done_on_a_thing_owns_the_list_and_points_at_the_thing():
    text = ("Each vessel has a vessel ID, a name and a tonnage. The port can record each inspection carried out on "
            "the vessels, including the inspection date, the inspector and the result.")
    r = design(text)
    assert foreign_keys(r, "Inspection") == {"Vessel ID": "Vessel"}
    assert "Inspection Date" not in columns(r, "Vessel")


def test_status_kept_for_each_thing_points_at_the_thing():
    text = ("Each shipment has a shipment ID, a weight and a destination. The system can track the delivery status "
            "for each shipment, including the courier, the delivery date and the result.")
    r = design(text)
    assert foreign_keys(r, "Shipment Delivery Status") == {"Shipment ID": "Shipment"}
