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
