"""Properties of the offline design engine over generated text."""

from __future__ import annotations

import string

from hypothesis import given
from hypothesis import strategies as st

from schema_architect.design import design
from schema_architect.errors import InputError
from schema_architect.model.validate import check

NOUNS = ["customer", "book", "vehicle", "patient", "warehouse", "course", "invoice", "ticket", "garden", "robot"]
ATTRS = ["colour", "weight", "title", "nickname", "capacity", "birthday", "salary", "remark", "grade", "location",
         "category", "budget", "model", "rank", "origin"]


@given(st.text(max_size=400))
def test_any_text_gives_a_valid_schema_or_an_input_error(text):
    try:
        result = design(text)
    except InputError as exc:
        assert exc.message and exc.hint
        return
    check(result.schema)  # raises ModelError when the schema is inconsistent
    assert result.schema.tables


@given(st.lists(st.sampled_from(["Each", "A", "The"]) | st.sampled_from(NOUNS + ATTRS) |
                st.sampled_from(["has", "with", "includes", "multiple", ",", "and", "."]) |
                st.text(alphabet=string.ascii_letters, min_size=1, max_size=8), max_size=60))
def test_word_salad_never_crashes(words):
    try:
        result = design(" ".join(words))
    except InputError:
        return
    check(result.schema)


@given(st.sampled_from(NOUNS), st.lists(st.sampled_from(ATTRS), min_size=2, max_size=6, unique=True),
       st.sampled_from(["has", "includes", "records", "is described by"]))
def test_x_has_a_b_and_c_gives_those_attributes(noun, attrs, verb):
    text = f"Each {noun} {verb} a " + ", ".join(attrs[:-1]) + f" and {attrs[-1]}."
    schema = design(text).schema
    table = schema.table(noun.capitalize())
    assert table is not None, schema.table_names
    names = {c.lower() for c in table.column_names}
    assert {a.lower() for a in attrs} <= names
    assert table.primary_key_columns  # an identifier is always chosen or added


@given(st.sampled_from(NOUNS), st.sampled_from(NOUNS), st.sampled_from(["multiple", "several", "many"]))
def test_each_x_has_multiple_y_puts_the_key_on_y(one, many, quantity):
    if one == many:
        return
    text = (f"Each {one} has a name and a code. Each {many} has a title and a date. "
            f"Each {one} can have {quantity} {many}s.")
    schema = design(text).schema
    child = schema.table(many.capitalize())
    assert any(fk.ref_table == one.capitalize() for fk in child.foreign_keys)
