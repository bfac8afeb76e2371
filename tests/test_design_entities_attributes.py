"""Rules of the entity and attribute stages of the offline design engine, on small sentences."""

from __future__ import annotations

import pytest

from schema_architect.design.understand import read_requirements


def entity_names(text: str) -> list[str]:
    return [e.name for e in read_requirements(text).model.entities]


@pytest.mark.parametrize("text", [
    "The system is designed to record books, including title, author and price.",
    "The library system needs to be able to record books, including title, author and price.",
    "This ensures each book has a title, an author and a price.",
    "The following describes the library: books have a title, an author and a price.",
])
def test_verbs_in_subject_position_are_not_entities(text):
    names = entity_names(text)
    assert not any(n.lower() in ("designed", "able", "ensure", "following") for n in names), names


def test_a_noun_subject_still_owns_its_list():
    assert "Book" in entity_names("Each book has a title, an author and a price.")


def test_each_of_which_hands_the_list_to_the_noun_before_it():
    text = "The shop sells a variety of products, each of which has a product number, a name and a price."
    model = read_requirements(text).model
    product = model.entity("Product")
    assert product is not None
    assert {"Product Number", "Name", "Price"} <= {a.name for a in product.attributes}


def test_contact_information_is_not_an_entity_among_kinds_of_information():
    names = entity_names("The system manages customer information, supplier information and contact information.")
    assert "Customer" in names and "Supplier" in names
    assert "Contact" not in names


def test_function_headings_name_the_thing_not_the_operation():
    text = ("Delete User:\nAdministrators can remove accounts.\n"
            "Bus Route Query:\nPassengers look up routes by stop.\n"
            "Diagnosis and Treatment:\nDoctors write notes.")
    names = entity_names(text)
    assert "User" in names and "Bus Route" in names
    assert not any(n in ("Delete User", "Bus Route Query", "Diagnosis and Treatment") for n in names), names


def test_clause_fragments_in_a_list_are_not_attributes():
    model = read_requirements("Each seat has a row, a column, and whether it has been reserved.").model
    seat_attrs = {a.name for a in model.entity("Seat").attributes}
    assert {"Row", "Column"} <= seat_attrs
    assert not any(a.split()[0] in ("Whether", "It", "And") for a in seat_attrs), seat_attrs


def test_a_leading_including_is_not_part_of_the_first_attribute():
    model = read_requirements("The system records each member's account (including username, password, role).").model
    names = {a.name for e in model.entities for a in e.attributes}
    assert "Username" in names and "Including Username" not in names, names


def test_a_list_of_kinds_the_system_manages_names_entities():
    text = "The system stores customer information, card collections, orders, invoices, and suppliers."
    names = entity_names(text)
    for expected in ("Customer", "Card Collection", "Order", "Invoice", "Supplier"):
        assert expected in names, names


def test_a_list_of_details_the_system_records_stays_attributes():
    names = entity_names("The system records each book's title, author, price and publication date.")
    assert names == ["Book"], names


def test_values_in_parentheses_after_a_type_word_are_not_an_entity():
    text = "Each person has a unique ID, a name, a personnel type (teacher, student, visitor) and an email."
    model = read_requirements(text).model
    assert [e.name for e in model.entities] == ["Person"], [e.name for e in model.entities]
    assert "Personnel Type" in {a.name for a in model.entity("Person").attributes}


def test_attribute_names_in_parentheses_still_make_a_list():
    model = read_requirements("The system keeps order information (order ID, order time, total amount).").model
    assert {"Order ID", "Order Time", "Total Amount"} <= {a.name for a in model.entity("Order").attributes}


def test_whose_details_belong_to_the_noun_before_whose():
    model = read_requirements("Each team has multiple sales personnel, whose details include name, phone number and gender.").model
    person = model.entity("Sales Personnel")
    assert person is not None
    assert {"Name", "Phone Number", "Gender"} <= {a.name for a in person.attributes}
    team = model.entity("Team")
    assert team is None or "Gender" not in {a.name for a in team.attributes}


def test_a_merely_mentioned_entity_gets_a_name_named_after_it():
    model = read_requirements("Each publisher prints multiple books. Each book has a title, an ISBN and a price.").model
    publisher = model.entity("Publisher")
    assert publisher is not None
    assert [a.name for a in publisher.attributes] == ["Publisher Name"]


def test_a_merely_mentioned_person_gets_a_bare_name():
    model = read_requirements("Each author writes multiple books. Each book has a title, an ISBN and a price.").model
    author = model.entity("Author")
    assert author is not None
    assert [a.name for a in author.attributes] == ["Name"]


def test_compounds_of_people_have_a_person_singular():
    from schema_architect.design.words import entity_name, singular

    assert singular("people") == "person"
    assert singular("salespeople") == "salesperson"
    assert entity_name("multiple salespeople") == "Salesperson"


def test_nouns_in_zes_keep_their_e():
    from schema_architect.design.words import singular

    assert [singular(w) for w in ("glazes", "sizes", "prizes", "mazes")] == ["glaze", "size", "prize", "maze"]
    assert [singular(w) for w in ("buzzes", "waltzes", "quizzes", "boxes")] == ["buzz", "waltz", "quiz", "box"]
