"""The trivial baseline engine: one table per "X ... with A, B and C" sentence, keys and FKs by name."""

from schema_architect.bench.baseline import BaselineEngine, baseline_schema
from schema_architect.bench.engines import load_engine
from schema_architect.model import TypeClass, to_rschema

AIRLINE = (
    "The company owns multiple airplanes, each with an Airplane Number, Model, and Passenger Capacity.\n"
    "Each airplane can perform multiple flights. Flight information includes Flight Number, Departure Time, "
    "Airplane Number and Origin."
)


def test_one_table_per_attribute_list_keyed_and_linked_by_name():
    rs = to_rschema(baseline_schema(AIRLINE))
    assert rs == {
        "Airplane": {"Attributes": ["Airplane Number", "Model", "Passenger Capacity"],
                     "Primary key": ["Airplane Number"], "Foreign key": {}},
        "Flight": {"Attributes": ["Flight Number", "Departure Time", "Airplane Number", "Origin"],
                   "Primary key": ["Flight Number"],
                   "Foreign key": {"Airplane Number": {"Airplane": "Airplane Number"}}},
    }  # fmt: skip


def test_types_are_guessed_from_the_words():
    flight = baseline_schema(AIRLINE).table("Flight")
    assert flight.column("Departure Time").type.type_class is TypeClass.DATETIME
    assert flight.column("Flight Number").type.type_class is TypeClass.NUMERIC
    assert flight.column("Origin").type.type_class is TypeClass.TEXT


def test_a_key_is_added_when_no_attribute_identifies_the_table():
    rs = to_rschema(baseline_schema("Each book has a title, an author and a genre."))
    assert rs["Book"]["Primary key"] == ["Book ID"] and rs["Book"]["Attributes"][0] == "Book ID"


def test_text_without_attribute_lists_gives_one_placeholder_table():
    assert to_rschema(baseline_schema("Keep track of things.")) == {
        "Record": {"Attributes": ["ID"], "Primary key": ["ID"], "Foreign key": {}}
    }


def test_registered_by_name():
    engine = load_engine("baseline")
    assert isinstance(engine, BaselineEngine) and engine.name == "baseline"
