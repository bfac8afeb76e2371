"""The schema diff: what changed between two models, renames with a confidence, and the oracle."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from evolve_strategies import edited, schemas
from schema_architect.errors import InputError
from schema_architect.evolve.diff import canonical, diff_schemas, fingerprint
from schema_architect.evolve.operations import (
    AddColumn,
    AddForeignKey,
    AlterColumn,
    DropColumn,
    RenameColumn,
    RenameTable,
    apply_operations,
)
from schema_architect.model import Column, DataType, ForeignKey, PrimaryKey, Schema, Table


def _shop() -> Schema:
    return Schema(tables=[
        Table(name="customer", columns=[
            Column(name="id", type=DataType.integer(), nullable=False),
            Column(name="name", type=DataType.varchar(80), nullable=False),
            Column(name="phone", type=DataType.varchar(24)),
        ], primary_key=PrimaryKey(columns=["id"])),
        Table(name="invoice", columns=[
            Column(name="id", type=DataType.integer(), nullable=False),
            Column(name="customer_id", type=DataType.integer(), nullable=False),
            Column(name="total", type=DataType.decimal(10, 2)),
        ], primary_key=PrimaryKey(columns=["id"])),
    ])


@given(schemas())
def test_diff_of_a_schema_with_itself_is_empty(a):
    assert diff_schemas(a, a).is_empty
    assert diff_schemas(a, a.model_copy(deep=True)).operations == []


@given(st.data())
def test_applying_the_diff_gives_the_target(data):
    a = data.draw(schemas())
    b = data.draw(edited(a))
    d = diff_schemas(a, b)
    assert canonical(apply_operations(a, d.operations)) == canonical(b)
    # and the reversed operations, in reverse order, give the start back (what rollback relies on)
    undo = [op.reverse() for op in reversed(d.operations)]
    assert canonical(apply_operations(apply_operations(a, d.operations), undo)) == canonical(a)


@given(schemas(), schemas())
def test_diff_between_unrelated_schemas_still_reaches_the_target(a, b):
    d = diff_schemas(a, b)
    assert canonical(apply_operations(a, d.operations)) == canonical(b)
    assert (fingerprint(a) == fingerprint(b)) == d.is_empty


def test_added_not_null_column_and_changed_type_are_reported():
    a, b = _shop(), _shop()
    b.table("customer").columns.append(Column(name="email", type=DataType.varchar(120), nullable=False,
                                              default="''"))
    b.table("invoice").column("total").type = DataType.decimal(12, 2)
    ops = diff_schemas(a, b).operations
    assert [type(o) for o in ops] == [AddColumn, AlterColumn]
    assert ops[0].column.name == "email" and not ops[0].column.nullable
    assert ops[1].type_changed and not ops[1].destructive  # widening


def test_narrowing_type_change_is_destructive():
    a, b = _shop(), _shop()
    b.table("customer").column("name").type = DataType.varchar(10)
    (op,) = diff_schemas(a, b).operations
    assert op.destructive


def test_column_rename_is_detected_with_a_confidence():
    a, b = _shop(), _shop()
    b.table("customer").column("phone").name = "phone_number"
    d = diff_schemas(a, b)
    (op,) = d.operations
    assert isinstance(op, RenameColumn) and (op.old_name, op.new_name) == ("phone", "phone_number")
    assert 0.6 <= op.confidence < 1


def test_dissimilar_names_are_drop_and_add_not_rename():
    a, b = _shop(), _shop()
    b.table("customer").column("phone").name = "zodiac"
    kinds = {type(o) for o in diff_schemas(a, b).operations}
    assert kinds == {AddColumn, DropColumn}


def test_rename_override_forces_a_rename_and_can_name_tables():
    a, b = _shop(), _shop()
    b.table("customer").column("phone").name = "zodiac"
    b.table("customer").name = "client"
    d = diff_schemas(a, b, renames=["customer:client", "customer.phone:zodiac"])
    assert [type(o) for o in d.operations] == [RenameTable, RenameColumn]
    assert all(r.forced for r in d.renames if r.accepted)
    assert canonical(apply_operations(a, d.operations)) == canonical(b)


def test_table_rename_detected_by_columns():
    a, b = _shop(), _shop()
    b.table("invoice").name = "bill"
    (op,) = diff_schemas(a, b).operations
    assert isinstance(op, RenameTable) and op.new_name == "bill"
    assert not diff_schemas(a, b, detect_renames=False).operations[0].op == "rename_table"


def test_new_foreign_key_comes_after_new_tables():
    a, b = _shop(), _shop()
    b.table("invoice").foreign_keys.append(ForeignKey(columns=["customer_id"], ref_table="customer",
                                                      ref_columns=["id"]))
    (op,) = diff_schemas(a, b).operations
    assert isinstance(op, AddForeignKey)


def test_constraint_names_do_not_matter():
    a, b = _shop(), _shop()
    a.table("invoice").foreign_keys.append(ForeignKey(columns=["customer_id"], ref_table="customer",
                                                      ref_columns=["id"], name="fk_x"))
    b.table("invoice").foreign_keys.append(ForeignKey(columns=["customer_id"], ref_table="customer",
                                                      ref_columns=["id"]))
    assert diff_schemas(a, b).is_empty


@pytest.mark.parametrize("spec", ["nocolon", "a:b:c", ":x", "nosuch:other", "customer.nosuch:x"])
def test_bad_rename_spec_is_an_input_error(spec):
    with pytest.raises(InputError):
        diff_schemas(_shop(), _shop(), renames=[spec])
