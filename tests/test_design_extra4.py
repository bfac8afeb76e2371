"""Extra tables (fourth round): names a designer would not make a table of."""

from __future__ import annotations

from design_helpers import table_names
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
