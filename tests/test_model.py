"""The schema model: types, JSON form (stable and versioned), RSchema form, structural checks."""

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from schema_architect.errors import InputError, ModelError
from schema_architect.model import (
    Column,
    DataType,
    ForeignKey,
    PrimaryKey,
    Schema,
    Table,
    TypeClass,
    from_rschema,
    schema_from_json,
    to_rschema,
)
from schema_architect.model.validate import check, problems


def small_schema() -> Schema:
    return Schema(
        tables=[
            Table(
                name="Crew",
                columns=[Column(name="Personnel ID", type=DataType.integer(), nullable=False),
                         Column(name="Name", type=DataType.varchar(80))],
                primary_key=PrimaryKey(columns=["Personnel ID"]),
            ),
            Table(
                name="Flight",
                columns=[Column(name="Flight Number", type=DataType.integer(), nullable=False),
                         Column(name="Captain ID", type=DataType.integer(), nullable=False),
                         Column(name="Fare", type=DataType.decimal(10, 2))],
                primary_key=PrimaryKey(columns=["Flight Number"]),
                foreign_keys=[ForeignKey(columns=["Captain ID"], ref_table="Crew", ref_columns=["Personnel ID"])],
            ),
        ]
    )


def test_json_round_trip_is_exact_and_versioned():
    schema = small_schema()
    text = schema.to_json()
    data = json.loads(text)
    assert data["format"] == "schema-architect/schema" and data["version"] == 1
    assert Schema.from_json(text) == schema


def test_json_newer_version_is_refused_with_a_hint():
    text = json.dumps({"format": "schema-architect/schema", "version": 99, "schema": {}})
    with pytest.raises(InputError, match="newer"):
        schema_from_json(text, where="x.json")


def test_json_envelope_without_its_schema_is_refused_not_read_as_empty():
    # read as an empty schema, a migration planned from it would drop every table
    with pytest.raises(InputError, match=r"unexpected key\(s\) 'tables'"):
        schema_from_json('{"format": "schema-architect/schema", "version": 1, "tables": [{"name": "t"}]}')
    with pytest.raises(InputError, match="no 'schema' object"):
        schema_from_json('{"format": "schema-architect/schema", "version": 1}')
    with pytest.raises(InputError, match="no 'schema' object"):
        schema_from_json('{"format": "schema-architect/schema", "version": 1, "schema": []}')
    assert schema_from_json('{"format": "schema-architect/schema", "version": 1, "schema": {}}').tables == []


def test_json_invalid_reports_location():
    with pytest.raises(InputError, match=r"tables\.0\.columns\.0\.type"):
        schema_from_json('{"tables": [{"name": "t", "columns": [{"name": "a", "type": {"kind": "nope"}}]}]}')
    with pytest.raises(InputError, match="line 1"):
        schema_from_json("{not json")


def test_type_parameters_are_validated():
    with pytest.raises(ValueError):
        DataType(kind="integer", length=3)
    with pytest.raises(ValueError):
        DataType.decimal(None, 2)
    with pytest.raises(ValueError):
        DataType(kind="enum")
    assert str(DataType.decimal(10, 2)) == "decimal(10,2)"
    assert DataType.timestamp().type_class is TypeClass.DATETIME
    assert DataType.uuid().type_class is TypeClass.TEXT


def test_rschema_round_trip_keeps_tables_keys_and_fks():
    schema = small_schema()
    rs = to_rschema(schema)
    assert rs["Flight"]["Foreign key"] == {"Captain ID": {"Crew": "Personnel ID"}}
    back = from_rschema(rs, typed=schema)
    assert to_rschema(back) == rs
    assert back.table("Flight").column("Fare").type == DataType.decimal(10, 2)


def test_rschema_composite_reference_becomes_one_foreign_key():
    rs = {
        "Enrolment": {"Attributes": ["Student", "Course"], "Primary key": ["Student", "Course"], "Foreign key": {}},
        "Grade": {
            "Attributes": ["Student", "Course", "Mark"],
            "Primary key": ["Student", "Course"],
            "Foreign key": {"Student": {"Enrolment": "Student"}, "Course": {"Enrolment": "Course"}},
        },
    }
    fks = from_rschema(rs).table("Grade").foreign_keys
    assert len(fks) == 1 and fks[0].columns == ["Student", "Course"]


def test_structural_problems_are_named():
    schema = small_schema()
    schema.tables[1].foreign_keys.append(ForeignKey(columns=["Nope"], ref_table="Ghost", ref_columns=["id"]))
    found = problems(schema)
    assert any("Nope" in p for p in found) and any("Ghost" in p for p in found)
    with pytest.raises(ModelError):
        check(schema)
    assert problems(small_schema()) == []


names = st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=0x24F), min_size=1, max_size=20)


@given(st.lists(st.tuples(names, st.lists(names, min_size=1, max_size=5, unique_by=str.lower)), min_size=1,
                max_size=5, unique_by=lambda t: t[0].lower()))
def test_json_round_trip_property(spec):
    schema = Schema(tables=[Table(name=t, columns=[Column(name=c, type=DataType.text()) for c in cols],
                                  primary_key=PrimaryKey(columns=[cols[0]])) for t, cols in spec])
    assert Schema.from_json(schema.to_json()) == schema


def test_rschema_with_wrong_shapes_is_an_input_error():
    for bad in ({"T": {"Primary key": 1}}, {"T": {"Attributes": "a"}}, {"T": {"Foreign key": {"a": "U"}}},
                {"T": 5}, []):
        with pytest.raises(InputError):
            from_rschema(bad)
    # a reference that names no column (an annotation slip) is reported, and the rest of the table kept
    nested = from_rschema({"T": {"Attributes": ["a", "b"], "Foreign key": {"a": {"U": {"schema_0": "id"}}}}})
    assert nested.table("T").foreign_keys == [] and nested.table("T").column_names == ["a", "b"]
    assert nested.skipped[0].kind == "foreign key" and "not a column name" in nested.skipped[0].reason
    assert from_rschema({"T": {"Attributes": ["a"], "Primary key": "a"}}).table("T").primary_key_columns == ["a"]


@given(st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=5),
                    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
                    max_leaves=12))
def test_rschema_reader_never_crashes(data):
    try:
        from_rschema(data)
    except InputError:
        pass
