"""Random schema models -> DDL -> model, for every dialect; and the DDL runs on real servers.

The generated models use awkward names (reserved words, mixed case, spaces, leading digits), every
logical type, composite and self-referencing keys, foreign-key cycles, unique and check constraints,
partial and expression indexes, defaults and comments. What must come back is
``roundtrip_schema(model, dialect)``: the model with each dialect's documented losses applied
(e.g. JSON is text in SQL Server, Oracle has no partial indexes).

SQL Server and Oracle have no server here: their DDL is checked by parsing it back with sqlglot only.

Deliberate limits of the generator, each a rule of real databases rather than of our code:
autoincrement only on a lone integer primary key; no JSON column in a key or index; ON DELETE/UPDATE
SET NULL only on nullable columns; no views (tests/test_ddl_render.py covers those).
"""

from __future__ import annotations

import sqlite3
import string
from urllib.parse import urlparse

import pytest
import sqlglot
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from schema_architect.model import (
    CheckConstraint, Column, DataType, ForeignKey, Index, PrimaryKey, ReferentialAction, Schema, Table,
    TypeKind, UniqueConstraint,
)
from schema_architect.model.validate import check as check_model
from schema_architect.sql.dialects import canonical_form, dialect_names, roundtrip_schema
from schema_architect.sql import parse as parse_module
from schema_architect.sql.parse import normalize_expression, parse_ddl
from schema_architect.sql.render import render_ddl, render_statements

RESERVED = [
    "order", "select", "user", "group", "table", "from", "key", "index", "check", "default", "primary",
    "references", "values", "where", "desc", "limit", "column", "constraint", "date", "time", "timestamp",
    "text", "type", "comment", "level", "number", "size", "go", "end", "begin", "union", "option", "to",
    "with", "view", "Order", "SELECT", "User",
]

plain = st.from_regex(r"[a-z][a-z0-9_]{0,11}", fullmatch=True)
mixed = st.from_regex(r"[A-Z][a-z]{1,6}[A-Z][a-z0-9]{1,6}", fullmatch=True)
spaced = st.from_regex(r"[A-Za-z][a-z]{1,6} [A-Za-z][a-z]{1,6}", fullmatch=True)
leading_digit = st.from_regex(r"[0-9][a-z_]{1,8}", fullmatch=True)
names = st.one_of(st.sampled_from(RESERVED), plain, mixed, spaced, leading_digit)

label = st.text(alphabet=string.ascii_letters + string.digits + "_ '", min_size=1, max_size=8).map(str.strip).filter(bool)
comment_text = st.text(alphabet=string.ascii_letters + " '.,", min_size=1, max_size=30).map(str.strip).filter(bool)

ACTIONS = [None, *ReferentialAction]

datatypes = st.one_of(
    st.sampled_from([DataType.smallint(), DataType.integer(), DataType.bigint(), DataType.text(), DataType.boolean(),
                     DataType.date(), DataType.uuid(), DataType.json(), DataType.binary(), DataType.float(),
                     DataType.float(24), DataType.decimal(), DataType.varchar()]),
    st.builds(lambda p, s: DataType.decimal(p, min(s, p)), st.integers(1, 30), st.integers(0, 10)),
    st.builds(DataType.char, st.integers(1, 20)),
    st.builds(DataType.varchar, st.integers(1, 100)),
    st.builds(DataType.binary, st.integers(1, 64)),
    st.builds(lambda p, tz: DataType(kind=TypeKind.TIMESTAMP, precision=p, timezone=tz),
              st.one_of(st.none(), st.integers(1, 6)), st.booleans()),
    st.builds(lambda p, tz: DataType(kind=TypeKind.TIME, precision=p, timezone=tz),
              st.one_of(st.none(), st.integers(1, 6)), st.booleans()),
    st.lists(label, min_size=1, max_size=4, unique_by=str.lower).map(lambda v: DataType.enum(*v)),
)

KEYABLE = lambda c: c.type.kind is not TypeKind.JSON  # noqa: E731


def canonical_sql(text: str) -> str:
    """An expression as the model stores it (generic dialect, normalised quoting)."""
    return normalize_expression(sqlglot.parse_one(text))


def q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


@st.composite
def default_for(draw, t: DataType) -> str | None:
    if not draw(st.booleans()):
        return None
    k = t.kind
    if t.is_integer:
        return str(draw(st.integers(-1000, 1000)))
    if k is TypeKind.BOOLEAN:
        return draw(st.sampled_from(["TRUE", "FALSE"]))
    if k in (TypeKind.VARCHAR, TypeKind.CHAR, TypeKind.TEXT):
        value = draw(st.text(alphabet=string.ascii_letters + " '", min_size=1, max_size=min(t.length or 8, 8)).filter(str.strip))
        return "'" + value.replace("'", "''") + "'"
    if k is TypeKind.ENUM:
        return "'" + draw(st.sampled_from(t.values)).replace("'", "''") + "'"
    if k is TypeKind.TIMESTAMP:
        return "CURRENT_TIMESTAMP"
    return None


@st.composite
def schemas(draw) -> Schema:
    n_tables = draw(st.integers(1, 4))
    # Tables, indexes and named constraints share one namespace in PostgreSQL, SQLite and Oracle.
    pool = draw(st.lists(names, min_size=n_tables * 6, max_size=n_tables * 6, unique_by=str.lower))
    table_names, object_names = pool[:n_tables], iter(pool[n_tables:])
    tables: list[Table] = []
    for tname in table_names:
        col_names = draw(st.lists(names, min_size=1, max_size=6, unique_by=str.lower))
        columns = []
        for cname in col_names:
            t = draw(datatypes)
            columns.append(Column(name=cname, type=t, nullable=draw(st.booleans()), default=draw(default_for(t)),
                                  comment=draw(st.none() | comment_text)))
        keyable = [c for c in columns if KEYABLE(c)]
        pk = None
        if keyable and draw(st.integers(0, 4)):
            pk_cols = draw(st.lists(st.sampled_from(keyable), min_size=1, max_size=min(3, len(keyable)),
                                    unique_by=lambda c: c.name.lower()))
            pk = PrimaryKey(columns=[c.name for c in pk_cols], name=next(object_names) if draw(st.booleans()) else None)
            for c in pk_cols:
                c.nullable = False
            if len(pk_cols) == 1 and pk_cols[0].type.is_integer and draw(st.booleans()):
                pk_cols[0].autoincrement = True
                pk_cols[0].default = None
        table = Table(name=tname, columns=columns, primary_key=pk, comment=draw(st.none() | comment_text))
        if len(keyable) >= 1 and draw(st.booleans()):
            uq_cols = draw(st.lists(st.sampled_from(keyable), min_size=1, max_size=min(3, len(keyable)),
                                    unique_by=lambda c: c.name.lower()))
            table.unique_constraints.append(UniqueConstraint(
                columns=[c.name for c in uq_cols], name=next(object_names) if draw(st.booleans()) else None))
        numeric = [c for c in columns if c.type.kind in (TypeKind.INTEGER, TypeKind.BIGINT, TypeKind.SMALLINT,
                                                         TypeKind.DECIMAL, TypeKind.FLOAT)]
        if numeric and draw(st.booleans()):
            c = draw(st.sampled_from(numeric))
            table.check_constraints.append(CheckConstraint(
                expression=canonical_sql(f"{q(c.name)} >= 0 OR {q(c.name)} IS NULL"),
                name=next(object_names) if draw(st.booleans()) else None))
        if keyable and draw(st.booleans()):
            idx_cols = draw(st.lists(st.sampled_from(keyable), min_size=1, max_size=min(3, len(keyable)),
                                     unique_by=lambda c: c.name.lower()))
            where = canonical_sql(f"{q(idx_cols[0].name)} IS NOT NULL") if draw(st.booleans()) else None
            table.indexes.append(Index(name=next(object_names), columns=[c.name for c in idx_cols],
                                       unique=draw(st.booleans()), where=where))
        texts = [c for c in columns if c.type.kind in (TypeKind.VARCHAR, TypeKind.TEXT)]
        if texts and draw(st.booleans()):
            c = draw(st.sampled_from(texts))
            table.indexes.append(Index(name=next(object_names), expressions=[canonical_sql(f"lower({q(c.name)})")]))
        tables.append(table)
    # Foreign keys to any table with a primary key (earlier, later or itself): cycles happen.
    for table in tables:
        targets = [t for t in tables if t.primary_key]
        if not targets or not draw(st.booleans()):
            continue
        target = draw(st.sampled_from(targets))
        taken = {c.name.lower() for c in table.columns}
        fk_cols = []
        for ref_col in target.primary_key.columns:
            ref = target.column(ref_col)
            new_name = draw(names.filter(lambda n: n.lower() not in taken))
            taken.add(new_name.lower())
            fk_cols.append(Column(name=new_name, type=ref.type, nullable=draw(st.booleans())))
        table.columns.extend(fk_cols)
        nullable = all(c.nullable for c in fk_cols)
        allowed = [a for a in ACTIONS if nullable or a is not ReferentialAction.SET_NULL]
        table.foreign_keys.append(ForeignKey(
            columns=[c.name for c in fk_cols], ref_table=target.name, ref_columns=list(target.primary_key.columns),
            name=next(object_names) if draw(st.booleans()) else None,
            on_delete=draw(st.sampled_from(allowed)), on_update=draw(st.sampled_from(allowed))))
    return check_model(Schema(tables=tables))


# -- model -> DDL -> model, every dialect ------------------------------------------------------------------------
@pytest.mark.parametrize("dialect", dialect_names())
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(schema=schemas())
def test_render_then_parse_gives_the_model_back(dialect, schema):
    ddl = render_ddl(schema, dialect)
    expected = canonical_form(roundtrip_schema(schema, dialect))
    back = parse_ddl(ddl, dialect=dialect, source_name=f"rendered.{dialect}.sql")
    assert back.skipped == [], ddl
    assert canonical_form(back) == expected, ddl
    # The fast reader for plain statements and sqlglot must agree.
    parse_module.USE_FAST_READER = False
    try:
        assert canonical_form(parse_ddl(ddl, dialect=dialect)) == expected, ddl
    finally:
        parse_module.USE_FAST_READER = True


# -- the DDL runs on real databases --------------------------------------------------------------------------------
SERVER_SETTINGS = settings(max_examples=25, deadline=None,
                           suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


@SERVER_SETTINGS
@given(schema=schemas())
def test_generated_ddl_runs_on_sqlite(schema):
    conn = sqlite3.connect(":memory:")
    try:
        conn.execute("PRAGMA foreign_keys = ON")
        for statement in render_statements(schema, "sqlite"):
            conn.execute(statement)
        created = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert {t.name for t in schema.tables} <= created
    finally:
        conn.close()


@pytest.mark.postgres
@SERVER_SETTINGS
@given(schema=schemas())
def test_generated_ddl_runs_on_postgresql(pg_url, schema):
    import psycopg

    with psycopg.connect(pg_url.replace("+psycopg", "")) as conn:
        try:
            for statement in render_statements(schema, "postgresql"):
                conn.execute(statement)
            count = conn.execute(
                "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'").fetchone()[0]
            assert count == len(schema.tables)
        finally:
            conn.rollback()  # transactional DDL: every example starts from an empty database


@pytest.mark.mariadb
@SERVER_SETTINGS
@given(schema=schemas())
def test_generated_ddl_runs_on_mariadb(mysql_url, schema):
    import pymysql

    url = urlparse(mysql_url)
    database = url.path.lstrip("/")
    conn = pymysql.connect(host=url.hostname, port=url.port or 3306, user="root", password="", autocommit=True)
    try:
        with conn.cursor() as cur:
            cur.execute(f"DROP DATABASE IF EXISTS `{database}`")  # DDL is not transactional here
            cur.execute(f"CREATE DATABASE `{database}` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci")
            cur.execute(f"USE `{database}`")
            for statement in render_statements(schema, "mysql"):
                cur.execute(statement)
            cur.execute("SELECT count(*) FROM information_schema.tables WHERE table_schema = %s", (database,))
            assert cur.fetchone()[0] == len(schema.tables)
    finally:
        conn.close()
