"""Writing the model as DDL: quoting, per-dialect types, dependency order and cycles, building blocks."""

from __future__ import annotations

import sqlite3

import pytest
import sqlglot
from sqlglot import exp
from sqlglot.dialects.dialect import Dialect as SqlglotDialect

from schema_architect.errors import InputError, ModelError
from schema_architect.model import (
    CheckConstraint, Column, DataType, ForeignKey, Index, PrimaryKey, ReferentialAction, Schema, Table, TypeKind,
    UniqueConstraint,
)
from schema_architect.sql.dialects import (
    BASE_VARIANTS, DIALECTS, dialect_names, get_dialect, roundtrip_type,
)
from schema_architect.sql.dialects.reserved import SQLGLOT_UNSAFE
from schema_architect.sql.parse import parse_ddl
from schema_architect.sql.render import (
    quote_identifier, render_add_check, render_add_foreign_key, render_add_unique, render_column_definition,
    render_create_index, render_create_table, render_ddl, render_drop_table, render_expression, render_statements,
    render_type,
)


def table(name, *cols, pk=None, fks=(), **kw):
    return Table(name=name, columns=list(cols), primary_key=PrimaryKey(columns=pk) if pk else None,
                 foreign_keys=list(fks), **kw)


def ref(cols, target, target_cols, **kw):
    return ForeignKey(columns=cols, ref_table=target, ref_columns=target_cols, **kw)


ID = Column(name="id", type=DataType.integer(), nullable=False)


# -- dialect objects ---------------------------------------------------------------------------------------------
def test_dialect_names_and_aliases():
    for alias, name in [("postgres", "postgresql"), ("PG", "postgresql"), ("mariadb", "mysql"), ("mssql", "sqlserver"),
                        ("tsql", "sqlserver"), ("sqlite", "sqlite"), ("Oracle", "oracle")]:
        assert get_dialect(alias).name == name
    with pytest.raises(InputError) as err:
        get_dialect("access")
    assert "postgresql" in err.value.hint and "oracle" in err.value.hint


@pytest.mark.parametrize("dialect", dialect_names())
def test_every_dialect_spells_every_logical_type(dialect):
    d = DIALECTS[dialect]
    assert set(BASE_VARIANTS) <= set(d.type_spellings)


def test_sqlglot_unsafe_words_are_complete():
    """Re-derive the keywords sqlglot cannot read unquoted as names: a sqlglot upgrade must not break output."""
    names = ["postgres", "mysql", "sqlite", "tsql", "oracle"]
    words = set()
    for n in names:
        words |= {k for k in SqlglotDialect.get_or_raise(n).tokenizer_class.KEYWORDS
                  if k.replace("_", "").isalnum() and k[0].isalpha()}

    def readable(word, dialect):
        for sql in (f"CREATE TABLE {word} ({word} INT NOT NULL, CONSTRAINT pk PRIMARY KEY ({word}), CHECK ({word} > 0),"
                    f" FOREIGN KEY ({word}) REFERENCES {word} ({word}))",
                    f"CREATE INDEX {word} ON {word} ({word})",
                    f"ALTER TABLE {word} ADD CONSTRAINT {word} FOREIGN KEY ({word}) REFERENCES {word} ({word})",
                    f"CREATE TABLE t (a INT, {word} INT)"):
            try:
                tree = sqlglot.parse_one(sql, read=dialect)
            except Exception:
                return False
            if word.upper() not in {i.name.upper() for i in tree.find_all(exp.Identifier)}:
                return False
        return True

    unsafe = {w for w in words if not all(readable(w, n) for n in names)}
    assert unsafe <= SQLGLOT_UNSAFE, sorted(unsafe - SQLGLOT_UNSAFE)


# -- identifiers --------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("name", "dialect", "expected"),
    [
        ("customer", "postgresql", "customer"),
        ("order", "postgresql", '"order"'),
        ("Customer", "postgresql", '"Customer"'),  # PostgreSQL folds unquoted names to lower case
        ("Customer", "mysql", "Customer"),
        ("group", "mysql", "`group`"),
        ("first name", "sqlserver", "[first name]"),
        ("a]b", "sqlserver", "[a]]b]"),
        ("1st", "sqlite", '"1st"'),
        ("user", "sqlite", '"user"'),
        ("CUSTOMER", "oracle", "CUSTOMER"),
        ("customer", "oracle", '"customer"'),  # Oracle folds to upper case
        ("number", "oracle", '"number"'),
        ('say "hi"', "postgresql", '"say ""hi"""'),
    ],
)
def test_identifiers_are_quoted_only_where_needed(name, dialect, expected):
    assert quote_identifier(name, dialect) == expected


def test_long_identifiers_are_shortened_with_a_stable_hash():
    long_a, long_b = "x" * 70 + "a", "x" * 70 + "b"
    pg = [quote_identifier(n, "postgresql") for n in (long_a, long_b)]
    assert all(len(n) == 63 for n in pg) and pg[0] != pg[1]
    assert quote_identifier(long_a, "postgresql") == pg[0]  # deterministic
    assert len(quote_identifier("y" * 200, "oracle").strip('"')) == 128


# -- types ------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("datatype", "spellings"),
    [
        (DataType.boolean(), ["BOOLEAN", "TINYINT(1)", "BOOLEAN", "BIT", "NUMBER(1)"]),
        (DataType.uuid(), ["UUID", "CHAR(36)", "UUID", "UNIQUEIDENTIFIER", "CHAR(36)"]),
        (DataType.json(), ["JSONB", "JSON", "JSON", "NVARCHAR(MAX)", "CLOB"]),
        (DataType.text(), ["TEXT", "LONGTEXT", "TEXT", "NVARCHAR(MAX)", "CLOB"]),
        (DataType.varchar(80), ["VARCHAR(80)", "VARCHAR(80)", "VARCHAR(80)", "NVARCHAR(80)", "VARCHAR2(80)"]),
        (DataType.timestamp(timezone=True),
         ["TIMESTAMP WITH TIME ZONE", "DATETIME", "TIMESTAMP", "DATETIMEOFFSET", "TIMESTAMP WITH TIME ZONE"]),
        (DataType.decimal(10, 2), ["NUMERIC(10, 2)", "DECIMAL(10, 2)", "NUMERIC(10, 2)", "DECIMAL(10, 2)", "NUMBER(10, 2)"]),
        (DataType.enum("a", "it's"), ["VARCHAR(4)", "ENUM('a', 'it''s')", "VARCHAR(4)", "NVARCHAR(4)", "VARCHAR2(4)"]),
    ],
)
def test_types_per_dialect(datatype, spellings):
    assert [render_type(datatype, d) for d in ["postgresql", "mysql", "sqlite", "sqlserver", "oracle"]] == spellings


def test_roundtrip_type_says_what_each_dialect_keeps():
    assert roundtrip_type(DataType.boolean(), "mysql") == DataType.boolean()  # TINYINT(1) reads back as boolean
    assert roundtrip_type(DataType.json(), "sqlserver") == DataType.text()
    assert roundtrip_type(DataType.uuid(), "mysql") == DataType.char(36)
    assert roundtrip_type(DataType.text(), "oracle") == DataType.text()  # CLOB
    assert roundtrip_type(DataType.date(), "oracle") == DataType.timestamp()
    assert roundtrip_type(DataType.varchar(33), "oracle") == DataType.varchar(33)
    assert roundtrip_type(DataType.timestamp(timezone=True), "mysql") == DataType.timestamp()
    assert roundtrip_type(DataType.text(), "mysql", in_key=True) == DataType.varchar(255)
    for d in dialect_names():
        for t in (DataType.integer(), DataType.bigint(), DataType.decimal(12, 3), DataType.varchar(20)):
            assert roundtrip_type(t, d) == t


def test_text_columns_in_keys_get_a_keyable_type_in_mysql():
    t = table("tag", Column(name="label", type=DataType.text(), nullable=False), pk=["label"])
    assert "label VARCHAR(255) NOT NULL" in render_create_table(t, "mysql")
    assert "label TEXT NOT NULL" in render_create_table(t, "postgresql")


# -- columns ------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("dialect", "expected"),
    [
        ("postgresql", "id INTEGER GENERATED BY DEFAULT AS IDENTITY NOT NULL"),
        ("mysql", "id INT NOT NULL AUTO_INCREMENT"),
        ("sqlite", "id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL"),
        ("sqlserver", "id INT IDENTITY(1, 1) NOT NULL"),
        ("oracle", '"id" NUMBER(10) GENERATED BY DEFAULT AS IDENTITY NOT NULL'),  # lower case needs quotes
    ],
)
def test_autoincrement_per_dialect(dialect, expected):
    auto = Column(name="id", type=DataType.integer(), nullable=False, autoincrement=True)
    t = table("t", auto, pk=["id"])
    assert render_column_definition(auto, dialect, t) == expected
    sql = render_create_table(t, dialect)
    assert (f"PRIMARY KEY ({get_dialect(dialect).quote('id')})" in sql) == (dialect != "sqlite")  # SQLite: inline


def test_defaults_are_transpiled_per_dialect():
    flag = Column(name="active", type=DataType.boolean(), default="TRUE", nullable=False)
    assert render_column_definition(flag, "postgresql") == "active BOOLEAN DEFAULT TRUE NOT NULL"
    assert render_column_definition(flag, "sqlserver") == "active BIT DEFAULT 1 NOT NULL"
    assert render_column_definition(flag, "oracle") == '"active" NUMBER(1) DEFAULT 1 NOT NULL'
    seen = Column(name="seen", type=DataType.timestamp(), default="CURRENT_TIMESTAMP")
    assert render_column_definition(seen, "sqlserver") == "seen DATETIME2 DEFAULT GETDATE() NULL"
    assert render_expression('"Order" > 0 AND "value" <> \'x\'', "mysql") == "`Order` > 0 AND `value` <> 'x'"
    with pytest.raises(ModelError, match="cannot read the SQL expression"):
        render_expression("order >", "postgresql")


def test_enum_is_native_in_mysql_and_a_check_elsewhere():
    status = Column(name="status", type=DataType.enum("new", "done"), nullable=False)
    assert render_column_definition(status, "mysql") == "status ENUM('new', 'done') NOT NULL"
    assert render_column_definition(status, "postgresql") == "status VARCHAR(4) NOT NULL CHECK (status IN ('new', 'done'))"
    for d in dialect_names():
        back = parse_ddl(render_ddl(Schema(tables=[table("t", status)]), d), dialect=d)
        assert back.tables[0].columns[0].type == status.type and back.tables[0].check_constraints == []


# -- order and cycles ------------------------------------------------------------------------------------------------
def chain_schema():
    # Declared child-first: the renderer must still create parents first.
    return Schema(tables=[
        table("line", ID, Column(name="invoice_id", type=DataType.integer()), pk=["id"],
              fks=[ref(["invoice_id"], "invoice", ["id"], on_delete=ReferentialAction.CASCADE)]),
        table("invoice", ID, Column(name="customer_id", type=DataType.integer()), pk=["id"],
              fks=[ref(["customer_id"], "customer", ["id"])]),
        table("customer", ID, pk=["id"]),
    ])


def test_tables_are_created_in_foreign_key_order():
    creates = [s.split()[2] for s in render_statements(chain_schema(), "postgresql") if s.startswith("CREATE TABLE")]
    assert creates == ["customer", "invoice", "line"]


def cycle_schema():
    return Schema(tables=[
        table("department", ID, Column(name="head_id", type=DataType.integer()), pk=["id"],
              fks=[ref(["head_id"], "employee", ["id"])]),
        table("employee", ID, Column(name="dept_id", type=DataType.integer()), Column(name="boss_id", type=DataType.integer()),
              pk=["id"], fks=[ref(["dept_id"], "department", ["id"]), ref(["boss_id"], "employee", ["id"])]),
    ])


@pytest.mark.parametrize("dialect", ["postgresql", "mysql", "sqlserver", "oracle"])
def test_cycles_are_broken_with_alter_table(dialect):
    statements = render_statements(cycle_schema(), dialect)
    q = get_dialect(dialect).quote
    assert statements[0].startswith(f"CREATE TABLE {q('department')}") and "FOREIGN KEY" not in statements[0]
    assert statements[1].startswith(f"CREATE TABLE {q('employee')}") and statements[1].count("FOREIGN KEY") == 2
    assert statements[2] == render_add_foreign_key("department", cycle_schema().tables[0].foreign_keys[0], dialect)
    assert statements[2].startswith(
        f"ALTER TABLE {q('department')} ADD CONSTRAINT {q('fk_department_head_id')} FOREIGN KEY")
    assert len(statements) == 3


def test_sqlite_keeps_cycles_inline_and_accepts_them():
    statements = render_statements(cycle_schema(), "sqlite")
    assert not any(s.startswith("ALTER") for s in statements)
    conn = sqlite3.connect(":memory:")
    conn.execute("PRAGMA foreign_keys = ON")
    for s in statements:
        conn.execute(s)
    conn.execute("INSERT INTO department (id) VALUES (1)")
    conn.execute("INSERT INTO employee (id, dept_id) VALUES (1, 1)")
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute("INSERT INTO employee (id, dept_id) VALUES (2, 99)")


def test_cycle_round_trips_in_every_dialect():
    from schema_architect.sql.dialects import canonical_form

    for d in dialect_names():
        back = parse_ddl(render_ddl(cycle_schema(), d), dialect=d)
        assert canonical_form(back) == canonical_form(cycle_schema())


# -- building blocks for migrations --------------------------------------------------------------------------------
def test_building_blocks():
    t = table("order", ID, Column(name="code", type=DataType.varchar(9)), pk=["id"])
    assert render_add_unique(t, UniqueConstraint(columns=["code"]), "postgresql") == \
        'ALTER TABLE "order" ADD CONSTRAINT uq_order_code UNIQUE (code)'
    check = render_add_check(t, CheckConstraint(expression="id > 0", name="ck_pos"), "mysql")
    assert check == "ALTER TABLE `order` ADD CONSTRAINT ck_pos CHECK (id > 0)"
    assert render_add_check(t, CheckConstraint(expression="id > 0"), "postgresql").startswith(
        'ALTER TABLE "order" ADD CONSTRAINT ck_order_')
    assert render_create_index(t, Index(name="ix_code", columns=["code"], unique=True, where="code IS NOT NULL"),
                               "sqlserver") == "CREATE UNIQUE INDEX ix_code ON [order] (code) WHERE code IS NOT NULL"
    assert render_drop_table("order", "sqlserver") == "DROP TABLE [order]"
    with pytest.raises(ModelError, match="sqlite cannot add a foreign key"):
        render_add_foreign_key(t, ref(["id"], "order", ["id"]), "sqlite")
    with pytest.raises(ModelError, match="no partial indexes"):
        render_create_index(t, Index(name="ix", columns=["code"], where="code > 'a'"), "mysql")


def test_what_a_dialect_cannot_say_is_noted_not_silently_lost():
    t = table("t", ID, Column(name="name", type=DataType.varchar(20), comment="shown"), pk=["id"],
              indexes=[Index(name="ix_live", columns=["name"], where="name IS NOT NULL"),
                       Index(name="ix_low", expressions=["LOWER(name)"])])
    mysql = render_ddl(Schema(tables=[t]), "mysql")
    assert "-- note: index t.ix_live left out: mysql has no partial indexes" in mysql
    assert "-- note: index t.ix_low left out: mysql has no expression indexes" in mysql
    assert "COMMENT 'shown'" in mysql
    sqlite = render_ddl(Schema(tables=[t]), "sqlite")
    assert "-- note: comments on t left out" in sqlite and "CREATE INDEX ix_live ON t (name) WHERE" in sqlite
    pg = render_ddl(Schema(tables=[t]), "postgresql")
    assert "COMMENT ON COLUMN t.name IS 'shown'" in pg and "CREATE INDEX ix_low ON t ((LOWER(name)))" in pg


def test_reserved_words_never_break_output():
    words = ["order", "select", "user", "group", "from", "key", "table", "check", "index", "date"]
    cols = [Column(name=w, type=DataType.integer(), nullable=False) for w in words]
    t = Table(name="select", columns=cols, primary_key=PrimaryKey(columns=["order", "group"]),
              unique_constraints=[UniqueConstraint(columns=["user"])],
              check_constraints=[CheckConstraint(expression='"from" > 0')],
              indexes=[Index(name="index", columns=["key", "table"])])
    schema = Schema(tables=[t, Table(name="user", columns=[Column(name="check", type=DataType.integer())],
                                     foreign_keys=[ref(["check"], "select", ["order"])])])
    for d in dialect_names():
        ddl = render_ddl(schema, d)
        back = parse_ddl(ddl, dialect=d)
        assert back.table("select").column_names == words and back.table("user").foreign_keys[0].ref_table == "select"
    conn = sqlite3.connect(":memory:")
    for s in render_statements(schema, "sqlite"):
        conn.execute(s)


def test_column_kinds_survive_every_dialect():
    cols = [Column(name=k.value, type=DataType.enum("x") if k is TypeKind.ENUM else DataType(kind=k)) for k in TypeKind]
    schema = Schema(tables=[Table(name="all_types", columns=cols)])
    for d in dialect_names():
        back = parse_ddl(render_ddl(schema, d), dialect=d).tables[0]
        assert [c.type for c in back.columns] == [roundtrip_type(c.type, d) for c in cols]


def test_mysql_timestamp_default_takes_the_column_precision():
    from schema_architect.model import TypeKind as K

    stamp = Column(name="seen", type=DataType(kind=K.TIMESTAMP, precision=3), default="CURRENT_TIMESTAMP")
    assert render_column_definition(stamp, "mysql") == "seen DATETIME(3) DEFAULT CURRENT_TIMESTAMP(3)"
    assert render_column_definition(stamp, "postgresql") == "seen TIMESTAMP(3) DEFAULT CURRENT_TIMESTAMP"
    back = parse_ddl(render_ddl(Schema(tables=[table("t", stamp)]), "mysql"), dialect="mysql")
    assert back.tables[0].columns[0].default == "CURRENT_TIMESTAMP"


def test_views_are_written_after_tables_and_read_back_in_every_dialect():
    from schema_architect.model import View

    schema = Schema(
        tables=[table("order", ID, Column(name="total", type=DataType.decimal(10, 2)), pk=["id"])],
        views=[View(name="big orders", columns=["id", "total"], definition='SELECT id, total FROM "order" WHERE total > 100')],
    )
    for d in dialect_names():
        statements = render_statements(schema, d)
        assert statements[-1].startswith(f"CREATE VIEW {get_dialect(d).quote('big orders')}")
        [view] = parse_ddl(render_ddl(schema, d), dialect=d).views
        assert (view.name, view.columns, view.definition) == (
            "big orders", ["id", "total"], 'SELECT id, total FROM "order" WHERE total > 100')
    conn = sqlite3.connect(":memory:")
    for s in render_statements(schema, "sqlite"):
        conn.execute(s)
    assert conn.execute('SELECT count(*) FROM "big orders"').fetchone() == (0,)


def test_mysql_constraint_and_index_names_avoid_primary():
    t = table("t", ID, Column(name="x", type=DataType.integer()), pk=["id"],
              fks=[ref(["x"], "t", ["id"], name="primary")], indexes=[Index(name="Primary", columns=["x"])])
    ddl = render_ddl(Schema(tables=[t]), "mysql")
    assert "CONSTRAINT primary_ FOREIGN KEY" in ddl and "CREATE INDEX Primary_ ON t" in ddl
    assert 'CONSTRAINT "primary" FOREIGN KEY' in render_ddl(Schema(tables=[t]), "postgresql")


def _every_reserved_word() -> list[str]:
    from schema_architect.sql.dialects import reserved

    words = {w.lower(): w for w in sorted(reserved.ANYWHERE) if w.isidentifier()}
    words.update({"transaction": "Transaction", "order": "Order", "user": "User"})  # as people write them
    return sorted(words.values())


def test_every_reserved_word_works_as_a_table_and_column_name_in_sqlite():
    words = _every_reserved_word()
    schema = Schema(tables=[Table(name=w, columns=[Column(name=w, type=DataType.integer())]) for w in words])
    conn = sqlite3.connect(":memory:")
    for s in render_statements(schema, "sqlite"):
        conn.execute(s)
    assert conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == len(words)


@pytest.mark.postgres
def test_every_reserved_word_works_as_a_name_in_postgresql(pg_url):
    import psycopg

    words = _every_reserved_word()
    schema = Schema(tables=[Table(name=w, columns=[Column(name=w, type=DataType.integer())]) for w in words])
    with psycopg.connect(pg_url.replace("+psycopg", "")) as conn:
        for s in render_statements(schema, "postgresql"):
            conn.execute(s)
        count = conn.execute("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'").fetchone()
        assert count[0] == len(words)


@pytest.mark.mariadb
def test_every_reserved_word_works_as_a_column_name_in_mariadb(mysql_url):
    from urllib.parse import urlparse

    import pymysql

    words = _every_reserved_word()
    schema = Schema(tables=[
        Table(name="all words", columns=[Column(name=w, type=DataType.integer()) for w in words]),
        *[Table(name=w, columns=[Column(name="x", type=DataType.integer())]) for w in ["Transaction", "order", "user", "key"]],
    ])
    url = urlparse(mysql_url)
    conn = pymysql.connect(host=url.hostname, port=url.port or 3306, user="root", password="",
                           database=url.path.lstrip("/"), autocommit=True)
    try:
        with conn.cursor() as cur:
            for s in render_statements(schema, "mysql"):
                cur.execute(s)
            cur.execute("SELECT count(*) FROM information_schema.columns WHERE table_schema = DATABASE() "
                        "AND table_name = 'all words'")
            assert cur.fetchone()[0] == len(words)
    finally:
        conn.close()


def test_mysql_unnamed_unique_key_does_not_collide_with_an_index_or_check_of_its_implicit_name(mysql_url):
    """Found by the property test: MariaDB names an unnamed UNIQUE key after its first column."""
    import sqlalchemy as sa

    from schema_architect.model import CheckConstraint, Column, DataType, Index, Schema, Table, UniqueConstraint
    from schema_architect.sql.render import render_statements

    for clash in ({"indexes": [Index(name="group", columns=["order"])]},
                  {"check_constraints": [CheckConstraint(name="group", expression='"order" >= 0')]}):
        table = Table(name="order", columns=[Column(name="order", type=DataType.integer(), nullable=False),
                                             Column(name="group", type=DataType.char(1), nullable=False)],
                      unique_constraints=[UniqueConstraint(columns=["group"])], **clash)
        engine = sa.create_engine(mysql_url)
        with engine.begin() as conn:
            conn.exec_driver_sql("DROP TABLE IF EXISTS `order`")
            for stmt in render_statements(Schema(tables=[table]), "mysql"):
                conn.exec_driver_sql(stmt)
        engine.dispose()


def test_mysql_leaves_out_a_check_on_an_auto_increment_column_and_says_so(mysql_url):
    """Found by the property test: MariaDB refuses a CHECK that names an AUTO_INCREMENT column."""
    import sqlalchemy as sa

    from schema_architect.model import CheckConstraint, Column, DataType, PrimaryKey, Schema, Table
    from schema_architect.sql.dialects import roundtrip_schema
    from schema_architect.sql.render import render_ddl, render_statements

    table = Table(name="order", columns=[Column(name="order", type=DataType.integer(), nullable=False, autoincrement=True),
                                         Column(name="qty", type=DataType.integer())],
                  primary_key=PrimaryKey(columns=["order"]),
                  check_constraints=[CheckConstraint(expression='"order" >= 0'), CheckConstraint(expression='"qty" > 0')])
    schema = Schema(tables=[table])
    assert "-- note: check" in render_ddl(schema, "mysql") and "AUTO_INCREMENT column" in render_ddl(schema, "mysql")
    assert [c.expression for c in roundtrip_schema(schema, "mysql").tables[0].check_constraints] == ['"qty" > 0']
    assert len(roundtrip_schema(schema, "postgresql").tables[0].check_constraints) == 2
    engine = sa.create_engine(mysql_url)
    with engine.begin() as conn:
        for stmt in render_statements(schema, "mysql"):
            conn.exec_driver_sql(stmt)
    engine.dispose()
