"""Extra tables (fourth round): names a designer would not make a table of."""

from __future__ import annotations

from design_helpers import foreign_keys, table_names
from schema_architect.design import design


def test_a_bare_head_only_mentioned_is_the_one_qualified_mention_of_it():
    # "Shelf Management" after "Book Shelf Query": both only mentioned; the shelf is the book shelf
    result = design("1. Query Function\n"
                    "Book Shelf Query: Readers can enter the name of the book shelf, and the system will return "
                    "all the books on it.\n"
                    "2. Member Function\n"
                    "Registration: Members can register an account and enter information including member number, "
                    "password and name.\n"
                    "3. Backstage Function\n"
                    "Shelf Management: Librarians can add, modify, and delete shelf information.")
    names = table_names(result)
    assert "Book Shelf" in names and "Shelf" not in names, names


def test_partners_of_a_described_kind_are_that_kind():
    result = design("The travel agency works with multiple hotel partners, and hotel information includes the hotel ID, "
                    "name, address and star rating. Each customer has a customer ID, name and phone. "
                    "Customers book hotels.")
    names = table_names(result)
    assert "Hotel" in names and "Hotel Partner" not in names, names


def test_a_bank_of_described_things_is_their_table():
    result = design("The quiz platform shall include user management and puzzle bank management. Each puzzle shall "
                    "have a difficulty, a title and an answer. Each user shall have a unique ID and a nickname.")
    names = table_names(result)
    assert "Puzzle" in names and "Puzzle Bank" not in names, names


def test_things_named_after_their_people_go_by_the_name_used_later():
    # "patient visits" described, then "each visit": one Visit table, keyed to the patient
    result = design("The clinic keeps patients, each with a patient ID, a name and a phone. It manages patient visits, "
                    "including the visit date, the reason and the fee. Each drug has a name and a price. The system "
                    "also details the drugs prescribed in each visit, including the dose and the duration.")
    names = table_names(result)
    assert "Visit" in names and "Patient Visit" not in names, names
    assert "Patient" in foreign_keys(result, "Visit").values(), foreign_keys(result, "Visit")
