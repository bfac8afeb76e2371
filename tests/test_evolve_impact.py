"""Impact analysis on real databases: what would block or hurt a plan is found before it runs."""

from __future__ import annotations

import pytest

from schema_architect.evolve.db import Connection
from schema_architect.evolve.execute import live_schema
from schema_architect.evolve.impact import analyse_impact
from schema_architect.evolve.plan import plan_migration
from schema_architect.model import (
    CheckConstraint, Column, DataType, ForeignKey, PrimaryKey, Schema, Table, UniqueConstraint,
)
from schema_architect.sql.apply import apply_schema

ROWS = [
    "INSERT INTO item (id, code, qty, label, made) VALUES (1, '42', 5, 'short', '2024-01-31')",
    "INSERT INTO item (id, code, qty, label, made) VALUES (2, 'A-7', NULL, 'a label far too long', 'not a date')",
    "INSERT INTO item (id, code, qty, label, made) VALUES (3, '42', 7, NULL, '2024-02-30')",
    "INSERT INTO item (id, code, qty, label, made) VALUES (4, ' 9', -1, 'ok', NULL)",
    "INSERT INTO part (id, item_id) VALUES (1, 1)",
    "INSERT INTO part (id, item_id) VALUES (2, 99)",
]


def _shop() -> Schema:
    return Schema(tables=[
        Table(name="item", columns=[
            Column(name="id", type=DataType.integer(), nullable=False),
            Column(name="code", type=DataType.varchar(10)),
            Column(name="qty", type=DataType.integer()),
            Column(name="label", type=DataType.varchar(40)),
            Column(name="made", type=DataType.varchar(20)),
        ], primary_key=PrimaryKey(columns=["id"])),
        Table(name="part", columns=[
            Column(name="id", type=DataType.integer(), nullable=False),
            Column(name="item_id", type=DataType.integer()),
        ], primary_key=PrimaryKey(columns=["id"])),
    ])


def _target() -> Schema:
    b = _shop()
    item = b.table("item")
    item.column("code").type = DataType.integer()
    item.column("qty").nullable = False
    item.column("label").type = DataType.varchar(10)
    item.column("made").type = DataType.date()
    item.unique_constraints.append(UniqueConstraint(columns=["code"]))
    item.check_constraints.append(CheckConstraint(expression="qty >= 0"))
    b.table("part").foreign_keys.append(ForeignKey(columns=["item_id"], ref_table="item", ref_columns=["id"]))
    return b


@pytest.mark.parametrize("dialect, url_fixture", [
    pytest.param("postgresql", "pg_url", marks=pytest.mark.postgres),
    pytest.param("mysql", "mysql_url", marks=pytest.mark.mariadb),
    ("sqlite", "sqlite_url"),
])
def test_blockers_are_counted_with_examples_and_nothing_changes(dialect, url_fixture, request):
    url = request.getfixturevalue(url_fixture)
    apply_schema(url, _shop())
    with Connection(url) as conn:
        for row in ROWS:
            conn.execute(row)
    before = live_schema(url)
    plan = plan_migration(before, _target(), dialect)
    report = analyse_impact(plan, url)
    found = {(f.code, f.message.split(":")[0]): f for f in report.errors}

    code = found[("unconvertible_values", "alter column item.code")]
    assert code.count == 1 and code.examples == ["'A-7'"]
    made = found[("unconvertible_values", "alter column item.made")]
    assert made.count == 2 and set(made.examples) == {"'not a date'", "'2024-02-30'"}
    label = found[("unconvertible_values", "alter column item.label")]
    assert label.count == 1 and "longer than 10" in label.message
    assert found[("nulls_block_not_null", "alter column item.qty")].count == 1
    assert found[("duplicate_values", "add unique item(code)")].examples == ["'42', 2"]
    assert found[("check_violations", "add check item")].count == 1
    orphans = found[("orphan_rows", "add foreign key part(item_id) -> item(id)")]
    assert orphans.count == 1 and orphans.examples == ["99"]
    assert ("data_loss", "alter column item.label") in found  # varchar(40) -> varchar(10) narrows
    assert report.rows == {"item": 4, "part": 2} and report.estimated_seconds > 0
    # analysis only reads
    from schema_architect.evolve.diff import diff_schemas

    assert diff_schemas(live_schema(url), before).is_empty


def test_views_on_a_dropped_column_are_reported(sqlite_url):
    apply_schema(sqlite_url, _shop())
    with Connection(sqlite_url) as conn:
        conn.execute("CREATE VIEW labelled AS SELECT id, label FROM item")
    a = live_schema(sqlite_url)
    b = a.model_copy(deep=True)
    b.table("item").columns = [c for c in b.table("item").columns if c.name != "label"]
    report = analyse_impact(plan_migration(a, b, "sqlite"), sqlite_url, allow_destructive=True)
    assert [f.message for f in report.errors] == ["view labelled depends on item.label: drop or change it first"]
    assert {f.code for f in report.warnings} == {"data_loss"}
