"""apply_schema / apply_sql / `schema-architect apply`: all or nothing on PostgreSQL, MariaDB and SQLite.

PostgreSQL and SQLite get one transaction; MariaDB commits DDL statement by statement, so apply
refuses when a table exists and drops what it created when a later statement fails. Every failure
path here checks the database afterwards: nothing of the schema left, what was there before untouched.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import create_mysql_database, create_pg_database, drop_mysql_database, drop_pg_database
from schema_architect.errors import DatabaseError
from schema_architect.model import (
    CheckConstraint,
    Column,
    DataType,
    ForeignKey,
    Index,
    PrimaryKey,
    ReferentialAction,
    Schema,
    Table,
    UniqueConstraint,
)
from schema_architect.sql import render_statements, roundtrip_schema
from schema_architect.sql.apply import apply_schema, apply_sql
from schema_architect.sql.inspect import inspect_database
from test_chinook_live import assert_same_schema

SERVERS = {"postgresql": "pg_url", "mysql": "mysql_url", "sqlite": "sqlite_url"}


@pytest.fixture(params=list(SERVERS))
def server(request):
    """(dialect, URL of a fresh empty database) for each of the three servers."""
    return request.param, request.getfixturevalue(SERVERS[request.param])


def _int(name: str, *, nullable: bool = True, auto: bool = False) -> Column:
    return Column(name=name, type=DataType.integer(), nullable=nullable, autoincrement=auto)


def shop_schema() -> Schema:
    """Three tables with most of what the model holds: keys, FK actions, unique, check, enum, defaults."""
    customer = Table(
        name="customer",
        columns=[_int("id", nullable=False, auto=True), Column(name="email", type=DataType.varchar(120), nullable=False),
                 Column(name="tier", type=DataType.enum("basic", "gold")),
                 Column(name="discount", type=DataType.varchar(10), default="'10%'"),  # a % in the DDL text
                 Column(name="active", type=DataType.boolean(), nullable=False, default="TRUE")],
        primary_key=PrimaryKey(columns=["id"]),
        unique_constraints=[UniqueConstraint(columns=["email"], name="uq_customer_email")],
    )
    order = Table(
        name="order",  # a reserved word: the renderer must quote it everywhere
        columns=[_int("id", nullable=False), _int("customer_id", nullable=False),
                 Column(name="total", type=DataType.decimal(10, 2), nullable=False),
                 Column(name="placed", type=DataType.timestamp(), nullable=False, default="CURRENT_TIMESTAMP")],
        primary_key=PrimaryKey(columns=["id"]),
        foreign_keys=[ForeignKey(columns=["customer_id"], ref_table="customer", ref_columns=["id"],
                                 name="fk_order_customer", on_delete=ReferentialAction.CASCADE)],
        check_constraints=[CheckConstraint(expression="total >= 0", name="ck_order_total")],
        indexes=[Index(name="ix_order_placed", columns=["placed"])],
    )
    line = Table(
        name="order_line",
        columns=[_int("order_id", nullable=False), _int("line_no", nullable=False), _int("qty", nullable=False)],
        primary_key=PrimaryKey(columns=["order_id", "line_no"]),
        foreign_keys=[ForeignKey(columns=["order_id"], ref_table="order", ref_columns=["id"], name="fk_line_order")],
        indexes=[Index(name="ix_line_qty", columns=["qty", "order_id"])],
    )
    return Schema(tables=[customer, order, line])


def failing_schema(bad_at: int) -> tuple[Schema, int]:
    """Four chained tables and an index on a column that does not exist, which every server refuses.

    ``bad_at`` picks which table's index list gets it; returns the schema and the failing statement's
    1-based position among the rendered statements.
    """
    tables = []
    for i in range(1, 5):
        fks = [ForeignKey(columns=["prev_id"], ref_table=f"t{i - 1}", ref_columns=["id"])] if i > 1 else []
        tables.append(Table(name=f"t{i}", columns=[_int("id", nullable=False), _int("prev_id")],
                            primary_key=PrimaryKey(columns=["id"]), foreign_keys=fks))
    tables[bad_at].indexes.append(Index(name=f"ix_t{bad_at + 1}_missing", columns=["no_such_column"]))
    tables[-1].indexes.append(Index(name="ix_t4_prev", columns=["prev_id"]))
    return Schema(tables=tables), bad_at + 5


def _table_names(url: str) -> list[str]:
    return sorted(inspect_database(url).table_names)


def _rows(url: str, table: str) -> list[tuple]:
    engine = sa.create_engine(url)
    try:
        with engine.connect() as conn:
            return [tuple(r) for r in conn.exec_driver_sql(f"SELECT * FROM {table} ORDER BY 1")]
    finally:
        engine.dispose()


# -- success ----------------------------------------------------------------------------------------------
def test_apply_creates_the_schema_and_says_so(server):
    dialect, url = server
    schema = shop_schema()
    result = apply_schema(url, schema)
    assert re.fullmatch(rf"3 tables, 2 indexes created in {dialect} at \S+", result.summary())
    assert result.statements == len(render_statements(schema, dialect))
    assert_same_schema(inspect_database(url), roundtrip_schema(schema, dialect), dialect)
    # The data side works with what was created: defaults, the enum, the FK.
    apply_sql(url, "INSERT INTO customer (email, tier) VALUES ('a@x.org', 'gold');")
    assert _rows(url, "customer")[0][1:] == ("a@x.org", "gold", "10%", True if dialect == "postgresql" else 1)


def test_apply_sql_runs_a_script_in_one_transaction(server):
    _dialect, url = server
    apply_sql(url, "CREATE TABLE kv (k INTEGER PRIMARY KEY, v VARCHAR(20));")
    loaded = apply_sql(url, "INSERT INTO kv VALUES (1, 'a;b'); -- a comment; with a semicolon\n"
                            "INSERT INTO kv VALUES (2, 'it''s'), (3, '50%');")
    assert loaded.statements == 2 and loaded.rows == 3
    with pytest.raises(DatabaseError, match=r"statement 3 of 3 failed .*nothing was applied"):
        apply_sql(url, ["INSERT INTO kv VALUES (4, 'x')", "INSERT INTO kv VALUES (5, 'y')",
                        "INSERT INTO kv VALUES (1, 'duplicate key')"])
    assert _rows(url, "kv") == [(1, "a;b"), (2, "it's"), (3, "50%")]


# -- all or nothing ---------------------------------------------------------------------------------------------
def test_failing_fifth_statement_leaves_nothing_behind(server):
    dialect, url = server
    apply_sql(url, "CREATE TABLE keep_me (id INTEGER PRIMARY KEY, note VARCHAR(10)); INSERT INTO keep_me VALUES (1, 'mine');")
    schema, bad = failing_schema(0)
    statements = render_statements(schema, dialect)
    assert bad == 5 and "no_such_column" in statements[4] and len(statements) == 6
    with pytest.raises(DatabaseError) as info:
        apply_schema(url, schema)
    message = info.value.one_line()
    assert message.startswith("statement 5 of 6 failed on ") and "nothing was applied" in message
    if dialect == "mysql":
        assert "dropped the 4 objects it had created" in message  # they had been committed one by one
    assert _table_names(url) == ["keep_me"]
    assert _rows(url, "keep_me") == [(1, "mine")]


def test_failure_on_a_new_sqlite_file_leaves_no_file(tmp_path):
    path = tmp_path / "new.db"
    with pytest.raises(DatabaseError):
        apply_schema(f"sqlite:///{path}", failing_schema(2)[0])
    assert not path.exists()


def test_existing_table_is_refused_before_anything_runs(server):
    _dialect, url = server
    apply_sql(url, "CREATE TABLE t3 (id INTEGER PRIMARY KEY); INSERT INTO t3 VALUES (7);")
    schema, _ = failing_schema(0)
    schema.tables[0].indexes.clear()  # a valid schema: only the clash is wrong
    with pytest.raises(DatabaseError, match=r"already has 1 table this schema creates: t3; nothing was applied"):
        apply_schema(url, schema)
    assert _table_names(url) == ["t3"] and _rows(url, "t3") == [(7,)]


def test_mariadb_cleanup_handles_foreign_key_cycles(mysql_url):
    a = Table(name="a", columns=[_int("id", nullable=False), _int("b_id")], primary_key=PrimaryKey(columns=["id"]),
              foreign_keys=[ForeignKey(columns=["b_id"], ref_table="b", ref_columns=["id"], name="fk_a_b")])
    b = Table(name="b", columns=[_int("id", nullable=False), _int("a_id")], primary_key=PrimaryKey(columns=["id"]),
              foreign_keys=[ForeignKey(columns=["a_id"], ref_table="a", ref_columns=["id"], name="fk_b_a")],
              indexes=[Index(name="ix_b_bad", columns=["nope"])])
    schema = Schema(tables=[a, b])
    assert any(s.upper().startswith("ALTER TABLE") for s in render_statements(schema, "mysql"))  # the cycle is closed late
    with pytest.raises(DatabaseError, match="dropped the 2 objects it had created"):
        apply_schema(mysql_url, schema)
    assert _table_names(mysql_url) == []


# -- property: wherever the failure is, nothing is left --------------------------------------------------------
@st.composite
def schemas_failing_somewhere(draw):
    n = draw(st.integers(min_value=1, max_value=5))
    tables = []
    for i in range(n):
        cols = [_int("id", nullable=False)] + [
            Column(name=f"c{j}", type=draw(st.sampled_from([DataType.integer(), DataType.varchar(20), DataType.text(),
                                                             DataType.decimal(8, 2), DataType.boolean(), DataType.date()])),
                   nullable=draw(st.booleans()))
            for j in range(draw(st.integers(min_value=0, max_value=3)))
        ]
        fks = []
        if i and draw(st.booleans()):
            target = draw(st.integers(min_value=0, max_value=i - 1))
            cols.append(_int("ref_id"))
            fks.append(ForeignKey(columns=["ref_id"], ref_table=f"p{target}", ref_columns=["id"]))
        tables.append(Table(name=f"p{i}", columns=cols, primary_key=PrimaryKey(columns=["id"]), foreign_keys=fks))
    bad = draw(st.integers(min_value=0, max_value=n - 1))
    tables[bad].indexes.append(Index(name=f"ix_p{bad}_bad", columns=["no_such_column"]))
    return Schema(tables=tables)


@pytest.mark.parametrize("dialect", list(SERVERS))
def test_any_failure_leaves_the_database_as_it_was(dialect, tmp_path):
    # One database for all examples: if any example left something behind, the next would be refused.
    if dialect == "postgresql":
        name, url = create_pg_database()
    elif dialect == "mysql":
        name, url = create_mysql_database()
    else:
        name, url = None, f"sqlite:///{tmp_path / 'prop.db'}"
    apply_sql(url, "CREATE TABLE keep_me (id INTEGER PRIMARY KEY)")

    @settings(max_examples=12 if dialect == "sqlite" else 5, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(schema=schemas_failing_somewhere())
    def check(schema):
        with pytest.raises(DatabaseError, match="nothing was applied"):
            apply_schema(url, schema)
        assert _table_names(url) == ["keep_me"]

    try:
        check()
    finally:
        if dialect == "postgresql":
            drop_pg_database(name)
        elif dialect == "mysql":
            drop_mysql_database(name)


# -- the CLI: one line, exit code, no traceback -------------------------------------------------------------
SMALL_DDL = "CREATE TABLE artist (id INTEGER PRIMARY KEY, name VARCHAR(50) NOT NULL);\nCREATE INDEX ix_artist_name ON artist (name);\n"


def _one_line_failure(result, *words: str) -> str:
    assert result.exit_code == 3, result.output
    assert "Traceback" not in result.output
    lines = result.stderr.strip().splitlines()
    assert lines[0].startswith("error: ") and all(w in lines[0] for w in words), lines
    assert len(lines) <= 2 and (len(lines) == 1 or lines[1].startswith("hint: "))
    return lines[0]


def test_cli_apply_succeeds(server, run_cli, tmp_path):
    dialect, url = server
    ddl = tmp_path / "small.sql"
    ddl.write_text(SMALL_DDL)
    result = run_cli("apply", ddl, "--db", url)
    assert result.exit_code == 0, result.output
    assert f"applied 1 table, 1 index created in {dialect} at" in result.stderr
    assert _table_names(url) == ["artist"]


@pytest.mark.parametrize("url, place", [
    ("postgresql://postgres:hunter2secret@127.0.0.1:5999/db", "PostgreSQL at 127.0.0.1:5999"),
    ("mysql://root:hunter2secret@127.0.0.1:3999/db", "MySQL/MariaDB at 127.0.0.1:3999"),
])
def test_cli_apply_to_unreachable_server(url, place, run_cli, tmp_path):
    ddl = tmp_path / "small.sql"
    ddl.write_text(SMALL_DDL)
    line = _one_line_failure(run_cli("apply", ddl, "--db", url), f"cannot connect to {place}: connection refused")
    assert "hunter2secret" not in line


def test_cli_apply_to_sqlite_in_a_missing_directory(run_cli, tmp_path):
    ddl = tmp_path / "small.sql"
    ddl.write_text(SMALL_DDL)
    _one_line_failure(run_cli("apply", ddl, "--db", f"sqlite:///{tmp_path / 'no' / 'such' / 'dir.db'}"),
                      "cannot connect to SQLite", "cannot open the SQLite file")


def test_cli_apply_to_read_only_postgresql(pg_url, run_cli, tmp_path):
    import psycopg

    from conftest import PG_ADMIN_DSN

    db = pg_url.rsplit("/", 1)[1]
    with psycopg.connect(PG_ADMIN_DSN, autocommit=True) as admin:
        admin.execute(f'ALTER DATABASE "{db}" SET default_transaction_read_only = on')
    ddl = tmp_path / "small.sql"
    ddl.write_text(SMALL_DDL)
    _one_line_failure(run_cli("apply", ddl, "--db", pg_url), "statement 1 of 2 failed on PostgreSQL",
                      "the database is read-only", "nothing was applied")
    assert _table_names(pg_url) == []


def test_cli_apply_to_read_only_sqlite(run_cli, tmp_path):
    db = tmp_path / "ro.db"
    apply_sql(f"sqlite:///{db}", "CREATE TABLE existing (id INTEGER PRIMARY KEY)")
    before = db.read_bytes()
    ddl = tmp_path / "small.sql"
    ddl.write_text(SMALL_DDL)
    # mode=ro is enforced by SQLite itself (file permissions would not stop root).
    _one_line_failure(run_cli("apply", ddl, "--db", f"sqlite:///file:{db}?mode=ro&uri=true"),
                      "failed on SQLite", "the database is read-only", "nothing was applied")
    assert db.read_bytes() == before
    assert _table_names(f"sqlite:///{db}") == ["existing"]


def test_cli_apply_refuses_existing_tables(mysql_url, run_cli, tmp_path):
    apply_sql(mysql_url, "CREATE TABLE artist (id INTEGER PRIMARY KEY)")
    ddl = tmp_path / "small.sql"
    ddl.write_text(SMALL_DDL)
    _one_line_failure(run_cli("apply", ddl, "--db", mysql_url), "already has 1 table this schema creates: artist")


def test_cli_apply_bad_ddl_file_changes_nothing(sqlite_url, run_cli, tmp_path):
    ddl = tmp_path / "broken.sql"
    ddl.write_text("CREATE TABLE ok (id INTEGER PRIMARY KEY);\nCREATE TABLE broken (id INTEGER PRIMARY KEY (;\n")
    result = run_cli("apply", ddl, "--db", sqlite_url)
    assert result.exit_code != 0 and "Traceback" not in result.output
    assert "broken.sql:2" in result.stderr
    assert not Path(sqlite_url.removeprefix("sqlite:///")).exists()
