"""Records named after an event take the participants of that event; a link a column already realizes is
not made twice."""

from __future__ import annotations

from design_helpers import foreign_keys, table_names
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
