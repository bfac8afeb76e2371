"""The foundation's acceptance test: Chinook, from each of its five dialects, through real databases.

For each Chinook file (PostgreSQL, MySQL, SQLite, SQL Server, Oracle): the model imported by
``parse_ddl`` is rendered into PostgreSQL, MySQL and SQLite DDL, applied to a real PostgreSQL, a real
MariaDB and a SQLite file, inspected back with ``inspect_database`` and compared with the imported
model: tables, columns, types (up to dialect equivalence: ``roundtrip_schema``/``roundtrip_type``),
nullability, primary keys, foreign keys, unique and check constraints, indexes.

The data goes in once per server: the INSERTs of the Chinook file written for that server, run after
the schema imported from the same file, with the row counts checked against the counts in the file.
"""

from __future__ import annotations

import re
from functools import cache

import pytest
import sqlalchemy as sa

from conftest import CHINOOK
from schema_architect.model import DataType, ReferentialAction, Schema, Table
from schema_architect.sources import read_text
from schema_architect.sql import get_dialect, parse_ddl, render_ddl, roundtrip_schema
from schema_architect.sql.apply import apply_schema, apply_sql, split_sql
from schema_architect.sql.inspect import inspect_database

# Chinook file suffix -> the dialect it is written in.
SOURCES = {"PostgreSql": "postgresql", "MySql": "mysql", "Sqlite": "sqlite", "SqlServer": "sqlserver", "Oracle": "oracle"}
TARGETS = {"postgresql": "pg_url", "mysql": "mysql_url", "sqlite": "sqlite_url"}
# The file whose data each server loads (its names match the model imported from that same file).
DATA_SOURCE = {"postgresql": "PostgreSql", "mysql": "MySql", "sqlite": "Sqlite"}

# What a server does to a type beyond its DDL spelling: MySQL stores a bare DECIMAL as DECIMAL(10,0).
SERVER_TYPE_FACTS = {("mysql", DataType.decimal()): DataType.decimal(10, 0)}
# Referential actions every server treats as "no action" (the default, and MySQL's RESTRICT).
NO_ACTION = {None, ReferentialAction.NO_ACTION, ReferentialAction.RESTRICT}


@cache
def chinook_text(source: str) -> str:
    return read_text(CHINOOK / f"Chinook_{source}.sql")


@cache
def imported(source: str) -> Schema:
    return parse_ddl(chinook_text(source), dialect=SOURCES[source], source_name=f"Chinook_{source}.sql")


# -- comparison -----------------------------------------------------------------------------------------
def _action(a):
    return "NO ACTION" if a in NO_ACTION else a.value


def _fk_facts(t: Table, with_names: bool) -> list:
    return sorted((tuple(fk.columns), fk.ref_table, tuple(fk.ref_columns), fk.name if with_names else None,
                   _action(fk.on_delete), _action(fk.on_update)) for fk in t.foreign_keys)


def _unique_keys(t: Table) -> list:
    # MySQL has no unique index apart from a UNIQUE constraint: compare both as "unique keys".
    keys = [tuple(u.columns) for u in t.unique_constraints]
    keys += [tuple(i.columns) for i in t.indexes if i.unique and not i.expressions and not i.where]
    return sorted(keys)


def _plain_indexes(t: Table) -> list:
    return sorted((i.name, i.key()) for i in t.indexes if not (i.unique and not i.expressions and not i.where))


def assert_same_schema(back: Schema, expected: Schema, target: str) -> None:
    """``back`` (inspected) equals ``expected`` (the imported model after a trip through ``target``)."""
    assert sorted(back.table_names) == sorted(expected.table_names)
    for want in expected.tables:
        got = back.table(want.name)
        assert got.name == want.name
        assert got.column_names == want.column_names, want.name
        for wc in want.columns:
            gc = got.column(wc.name)
            want_type = SERVER_TYPE_FACTS.get((target, wc.type), wc.type)
            assert gc.type == want_type, f"{want.name}.{wc.name}: {gc.type} != {want_type}"
            assert gc.nullable == wc.nullable, f"{want.name}.{wc.name} nullable"
            assert gc.autoincrement == wc.autoincrement, f"{want.name}.{wc.name} autoincrement"
        assert got.primary_key_columns == want.primary_key_columns, want.name
        named = all(fk.name for fk in want.foreign_keys)
        assert _fk_facts(got, named) == _fk_facts(want, named), want.name
        assert _unique_keys(got) == _unique_keys(want), want.name
        assert sorted(c.expression for c in got.check_constraints) == sorted(c.expression for c in want.check_constraints)
        assert _plain_indexes(got) == _plain_indexes(want), want.name


# -- the data ---------------------------------------------------------------------------------------------
_INSERT = re.compile(r"^INSERT\s+INTO\s+(\S+?)\s*\(", re.IGNORECASE)


def _table_of_insert(statement: str) -> str:
    name = _INSERT.match(statement).group(1).split(".")[-1]
    return name.strip('`"[]')


def chinook_inserts(source: str) -> list[str]:
    """The INSERT statements of a Chinook file (the rest creates databases, tables and so on)."""
    statements = split_sql(chinook_text(source), SOURCES[source])
    return [s for s in statements if _INSERT.match(s)]


def expected_row_counts(inserts: list[str]) -> dict[str, int]:
    """Rows per table, counted in the file: every row of a VALUES list starts a line with '('."""
    counts: dict[str, int] = {}
    for statement in inserts:
        values = statement[re.search(r"\bVALUES\b", statement, re.IGNORECASE).end():]
        rows = len(re.findall(r"^\s*\(", values, re.MULTILINE))
        counts[_table_of_insert(statement)] = counts.get(_table_of_insert(statement), 0) + rows
    return counts


def row_counts(url: str, tables: list[str], dialect: str) -> dict[str, int]:
    quote = get_dialect(dialect).quote
    engine = sa.create_engine(url)
    try:
        with engine.connect() as conn:
            return {t: conn.exec_driver_sql(f"SELECT COUNT(*) FROM {quote(t)}").scalar_one() for t in tables}
    finally:
        engine.dispose()


# -- the tests --------------------------------------------------------------------------------------------
@pytest.mark.parametrize("target", list(TARGETS))
@pytest.mark.parametrize("source", list(SOURCES))
def test_chinook_round_trips_through_a_live_database(source, target, request):
    url = request.getfixturevalue(TARGETS[target])
    model = imported(source)
    assert len(model.tables) == 11
    ddl = render_ddl(model, target)
    assert all(get_dialect(target).quote(t.name) in ddl for t in model.tables)

    result = apply_schema(url, model, dialect=target)
    assert result.summary().startswith(f"11 tables, {sum(len(t.indexes) for t in model.tables)} indexes created in {target} at ")

    assert_same_schema(inspect_database(url), roundtrip_schema(model, target), target)

    if DATA_SOURCE[target] == source:
        inserts = chinook_inserts(source)
        expected = expected_row_counts(inserts)
        for i in range(0, len(inserts), 4):  # a few statements per transaction
            apply_sql(url, inserts[i:i + 4])
        assert row_counts(url, list(expected), target) == expected
        # The file's own numbers, as read above, are the real Chinook's.
        assert {k.lower().replace("_", ""): v for k, v in expected.items()}["track"] == 3503
        assert {k.lower().replace("_", ""): v for k, v in expected.items()}["invoiceline"] == 2240
