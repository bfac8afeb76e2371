"""inspect_database: a live PostgreSQL, MariaDB and SQLite database read into the schema model.

The databases are built from hand-written DDL in each server's own dialect (not by our renderer), so
these tests pin the reader on its own; the render -> apply -> inspect trip is in test_chinook_live.py
and test_apply.py.
"""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from schema_architect.errors import DatabaseError
from schema_architect.model import DataType, ReferentialAction
from schema_architect.sql.apply import apply_sql
from schema_architect.sql.inspect import inspect_database
from schema_architect.sql.urls import dialect_of_url, normalize_url, redact_url

PG_DDL = """
CREATE TYPE mood AS ENUM ('calm', 'loud');
CREATE TABLE artist (
    artist_id serial PRIMARY KEY,
    name varchar(120) NOT NULL,
    born date,
    rating numeric(3,1) CHECK (rating >= 0),
    active boolean DEFAULT true NOT NULL,
    meta jsonb,
    uid uuid,
    added timestamp with time zone DEFAULT CURRENT_TIMESTAMP,
    photo bytea,
    mood mood,
    CONSTRAINT uq_artist_name UNIQUE (name)
);
COMMENT ON TABLE artist IS 'people who record';
COMMENT ON COLUMN artist.name IS 'stage name';
CREATE TABLE album (
    album_id integer PRIMARY KEY,
    artist_id integer NOT NULL,
    title varchar(200) NOT NULL,
    CONSTRAINT fk_album_artist FOREIGN KEY (artist_id) REFERENCES artist (artist_id) ON DELETE CASCADE
);
CREATE INDEX ix_album_title ON album (title);
CREATE UNIQUE INDEX ux_album_artist_title ON album (artist_id, title);
CREATE INDEX ix_album_lower ON album (lower(title));
CREATE INDEX ix_album_recent ON album (album_id) WHERE album_id > 100;
CREATE TABLE track (
    track_id integer PRIMARY KEY,
    album_id integer,
    artist_id integer,
    CONSTRAINT fk_track_album FOREIGN KEY (album_id) REFERENCES album (album_id),
    FOREIGN KEY (artist_id) REFERENCES artist (artist_id)
);
CREATE VIEW artist_names AS SELECT name FROM artist;
"""

MYSQL_DDL = """
CREATE TABLE artist (
    artist_id int AUTO_INCREMENT PRIMARY KEY,
    name varchar(120) NOT NULL COMMENT 'stage name',
    born date,
    rating decimal(3,1) CHECK (rating >= 0),
    active boolean NOT NULL DEFAULT true,
    meta json,
    uid uuid,
    added datetime DEFAULT CURRENT_TIMESTAMP,
    photo longblob,
    mood enum('calm', 'loud'),
    CONSTRAINT uq_artist_name UNIQUE (name)
) COMMENT 'people who record';
CREATE TABLE album (
    album_id int PRIMARY KEY,
    artist_id int NOT NULL,
    title varchar(200) NOT NULL,
    CONSTRAINT fk_album_artist FOREIGN KEY (artist_id) REFERENCES artist (artist_id) ON DELETE CASCADE
);
CREATE INDEX ix_album_title ON album (title);
CREATE UNIQUE INDEX ux_album_artist_title ON album (artist_id, title);
CREATE TABLE track (
    track_id int PRIMARY KEY,
    album_id int,
    artist_id int,
    CONSTRAINT fk_track_album FOREIGN KEY (album_id) REFERENCES album (album_id),
    FOREIGN KEY (artist_id) REFERENCES artist (artist_id)
);
CREATE VIEW artist_names AS SELECT name FROM artist;
"""

SQLITE_DDL = """
CREATE TABLE artist (
    artist_id INTEGER PRIMARY KEY AUTOINCREMENT,
    name VARCHAR(120) NOT NULL,
    born DATE,
    rating NUMERIC(3,1) CHECK (rating >= 0),
    active BOOLEAN NOT NULL DEFAULT 1,
    meta JSON,
    uid UUID,
    added TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP,
    photo BLOB,
    CONSTRAINT uq_artist_name UNIQUE (name)
);
CREATE TABLE album (
    album_id INTEGER PRIMARY KEY,
    artist_id INTEGER NOT NULL,
    title VARCHAR(200) NOT NULL,
    CONSTRAINT fk_album_artist FOREIGN KEY (artist_id) REFERENCES artist (artist_id) ON DELETE CASCADE
);
CREATE INDEX ix_album_title ON album (title);
CREATE UNIQUE INDEX ux_album_artist_title ON album (artist_id, title);
CREATE INDEX ix_album_lower ON album (lower(title));
CREATE INDEX ix_album_recent ON album (album_id) WHERE album_id > 100;
CREATE TABLE track (
    track_id INTEGER PRIMARY KEY,
    album_id INTEGER,
    artist_id INTEGER,
    CONSTRAINT fk_track_album FOREIGN KEY (album_id) REFERENCES album (album_id),
    FOREIGN KEY (artist_id) REFERENCES artist (artist_id)
);
CREATE VIEW artist_names AS SELECT name FROM artist;
"""


@pytest.fixture(params=["postgresql", "mysql", "sqlite"])
def sample_db(request):
    """A database of each kind holding the sample schema, built from its own hand-written DDL."""
    url = request.getfixturevalue({"postgresql": "pg_url", "mysql": "mysql_url", "sqlite": "sqlite_url"}[request.param])
    apply_sql(url, {"postgresql": PG_DDL, "mysql": MYSQL_DDL, "sqlite": SQLITE_DDL}[request.param])
    return request.param, url


def test_columns_types_and_defaults(sample_db):
    dialect, url = sample_db
    artist = inspect_database(url).table("artist")
    types = {c.name: c.type for c in artist.columns}
    assert types["artist_id"] == DataType.integer()
    assert types["name"] == DataType.varchar(120)
    assert types["born"] == DataType.date()
    assert types["rating"] == DataType.decimal(3, 1)
    assert types["active"] == DataType.boolean()  # MariaDB: TINYINT(1)
    assert types["meta"] == DataType.json()  # MariaDB: LONGTEXT + CHECK (json_valid(meta))
    assert types["uid"] == DataType.uuid()
    # MariaDB's DATETIME has no time zone; PostgreSQL's and SQLite's declared type say it does.
    assert types["added"] == DataType.timestamp(timezone=dialect != "mysql")
    assert types["photo"] == DataType.binary()
    if dialect != "sqlite":
        assert types["mood"] == DataType.enum("calm", "loud")
    cols = {c.name: c for c in artist.columns}
    assert cols["artist_id"].autoincrement and cols["artist_id"].default is None  # serial: no nextval default
    assert not cols["name"].autoincrement
    assert not cols["name"].nullable and cols["born"].nullable and not cols["artist_id"].nullable
    assert cols["active"].default == "TRUE"  # MariaDB and SQLite say 1
    assert cols["added"].default == "CURRENT_TIMESTAMP"  # PostgreSQL says now(), MariaDB current_timestamp()
    assert cols["born"].default is None


def test_keys_constraints_and_comments(sample_db):
    dialect, url = sample_db
    schema = inspect_database(url)
    assert sorted(schema.table_names) == ["album", "artist", "track"]
    artist, album, track = schema.table("artist"), schema.table("album"), schema.table("track")
    assert artist.primary_key_columns == ["artist_id"]
    assert [(u.name, u.columns) for u in artist.unique_constraints] == [("uq_artist_name", ["name"])]
    assert [c.expression for c in artist.check_constraints] == ["rating >= 0"]  # MariaDB's json_valid is not one
    (fk,) = album.foreign_keys
    assert (fk.name, fk.columns, fk.ref_table, fk.ref_columns) == ("fk_album_artist", ["artist_id"], "artist", ["artist_id"])
    assert fk.on_delete is ReferentialAction.CASCADE and fk.on_update is None
    assert sorted((f.columns[0], f.ref_table) for f in track.foreign_keys) == [("album_id", "album"), ("artist_id", "artist")]
    if dialect == "sqlite":
        assert artist.comment is None
    else:
        assert artist.comment == "people who record"
        assert artist.column("name").comment == "stage name"


def test_indexes_without_backing_indexes_of_keys(sample_db):
    dialect, url = sample_db
    schema = inspect_database(url)
    album, track = schema.table("album"), schema.table("track")
    indexes = {i.name: i for i in album.indexes}
    assert indexes["ix_album_title"].columns == ["title"] and not indexes["ix_album_title"].unique
    if dialect == "mysql":
        # MySQL has no unique index apart from a UNIQUE key: it reads back as the constraint.
        assert ("ux_album_artist_title", ["artist_id", "title"]) in [(u.name, u.columns) for u in album.unique_constraints]
        assert set(indexes) == {"ix_album_title"}
    else:
        assert indexes["ux_album_artist_title"].unique and indexes["ux_album_artist_title"].columns == ["artist_id", "title"]
        assert indexes["ix_album_lower"].expressions == ["LOWER(title)"] and indexes["ix_album_lower"].columns == []
        assert indexes["ix_album_recent"].where == "album_id > 100"
        assert set(indexes) == {"ix_album_title", "ux_album_artist_title", "ix_album_lower", "ix_album_recent"}
    # No PK/UNIQUE backing index (SQLite autoindex, PostgreSQL *_key), and on MariaDB none of the
    # indexes InnoDB made for track's two foreign keys (one named after the constraint, one after the column).
    assert track.indexes == []
    assert schema.table("artist").indexes == []


def test_views(sample_db):
    _, url = sample_db
    (view,) = inspect_database(url).views
    assert view.name == "artist_names" and view.columns == ["name"]
    assert view.definition.lower().startswith("select") and "artist" in view.definition.lower()


def test_inspect_cli_prints_json_and_ddl(sample_db, run_cli):
    _dialect, url = sample_db
    result = run_cli("inspect", url, "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert sorted(t["name"] for t in data["schema"]["tables"]) == ["album", "artist", "track"]


# -- failures ----------------------------------------------------------------------------------------
@pytest.mark.parametrize("url, words", [
    ("postgresql://postgres:s3cretpw@127.0.0.1:5999/nowhere", "cannot connect to PostgreSQL at 127.0.0.1:5999: connection refused"),
    ("mysql://root:s3cretpw@127.0.0.1:3999/nowhere", "cannot connect to MySQL/MariaDB at 127.0.0.1:3999: connection refused"),
])
def test_unreachable_server_is_one_line_without_password(url, words, run_cli):
    with pytest.raises(DatabaseError) as info:
        inspect_database(url)
    assert info.value.one_line() == words
    assert "is the server running" in info.value.hint
    result = run_cli("inspect", url)
    assert result.exit_code == 3
    assert "Traceback" not in result.output and "s3cretpw" not in result.output
    lines = result.stderr.strip().splitlines()
    assert lines[0] == f"error: {words}" and len(lines) == 2 and lines[1].startswith("hint:")


@pytest.mark.parametrize("url, words", [
    ("postgresql://postgres@127.0.0.1:5432/no_such_db_here", 'database "no_such_db_here" does not exist'),
    ("postgresql://nobody_zz:s3cretpw@127.0.0.1:5432/postgres", 'role "nobody_zz" does not exist'),
    ("mysql://root@127.0.0.1:3306/no_such_db_here", "database 'no_such_db_here' does not exist"),
    ("mysql://nobody_zz:s3cretpw@127.0.0.1:3306/x", "authentication failed"),
    ("postgresql://u@no-such-host.invalid/db", "unknown host"),
])
def test_connection_failures_name_the_reason(url, words):
    with pytest.raises(DatabaseError) as info:
        inspect_database(url)
    assert info.value.one_line().endswith(f": {words}") and info.value.hint
    assert "s3cretpw" not in info.value.one_line() + info.value.hint


def test_missing_sqlite_file_is_an_error_and_not_created(tmp_path):
    path = tmp_path / "absent.db"
    with pytest.raises(DatabaseError, match="no SQLite database at"):
        inspect_database(f"sqlite:///{path}")
    assert not path.exists()


def test_empty_database_inspects_to_empty_schema(sqlite_url):
    apply_sql(sqlite_url, "CREATE TABLE t (x INTEGER); DROP TABLE t;")
    schema = inspect_database(sqlite_url)
    assert schema.tables == [] and schema.views == []


# -- URLs ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize("typed, driver, dialect", [
    ("postgres://u@h/db", "postgresql+psycopg", "postgresql"),
    ("postgresql://u@h:5433/db", "postgresql+psycopg", "postgresql"),
    ("postgresql+psycopg://u@h/db", "postgresql+psycopg", "postgresql"),
    ("mysql://root@h/db", "mysql+pymysql", "mysql"),
    ("mariadb://root@h/db", "mysql+pymysql", "mysql"),
    ("sqlite:///tmp/x.db", "sqlite", "sqlite"),
])
def test_url_aliases_get_our_drivers(typed, driver, dialect):
    assert normalize_url(typed).split("://")[0] == driver
    assert dialect_of_url(typed) == dialect
    if dialect == "mysql":
        assert "charset=utf8mb4" in normalize_url(typed)


@given(password=st.text(alphabet=st.characters(codec="ascii", categories=("L", "N", "P", "S")), min_size=8, max_size=30),
       scheme=st.sampled_from(["postgres", "postgresql", "mysql", "mariadb", "postgresql+psycopg"]))
def test_redacted_url_never_shows_the_password(password, scheme):
    from urllib.parse import quote

    url = f"{scheme}://alice:{quote(password, safe='')}@db.example.internal:5432/app"
    redacted = redact_url(url)
    assert password not in redacted and quote(password, safe="") not in redacted
    assert "alice" in redacted and "db.example.internal" in redacted


def test_types_without_portable_form_are_reported_not_dropped(pg_url, run_cli):
    apply_sql(pg_url, "CREATE TABLE host (id integer PRIMARY KEY, addr inet, uptime interval, tags text[])")
    schema = inspect_database(pg_url)
    host = schema.table("host")
    assert host.column_names == ["id", "addr", "uptime", "tags"]
    assert {host.column(c).type for c in ("addr", "uptime", "tags")} == {DataType.text()}
    assert sorted(s.name for s in schema.skipped) == ["host.addr", "host.tags", "host.uptime"]
    assert all(s.kind == "type" and "read as text" in s.reason for s in schema.skipped)
    result = run_cli("inspect", pg_url, "--format", "ddl")
    assert result.exit_code == 0
    assert "skipped type host.addr: type INET has no portable equivalent; read as text" in result.stderr


# -- property: whatever the model, the database reads back as the model after its dialect's trip --------
TYPES = [
    DataType.smallint(), DataType.integer(), DataType.bigint(), DataType.decimal(10, 2), DataType.decimal(),
    DataType.decimal(18, 0), DataType.float(), DataType.float(24), DataType.char(3), DataType.varchar(40),
    DataType.varchar(255), DataType.text(), DataType.boolean(), DataType.date(), DataType.time(),
    DataType.timestamp(), DataType.timestamp(timezone=True), DataType.uuid(), DataType.json(), DataType.binary(),
    DataType.binary(16), DataType.enum("new", "done"), DataType.enum("it's", "b c"),
]
DEFAULTS = {"integer": ["0", "42"], "varchar": ["'abc'", "'it''s'"], "boolean": ["TRUE", "FALSE"],
            "timestamp": ["CURRENT_TIMESTAMP"], "decimal": ["1.5"]}
NAMES = ["name", "Order", "select", "user name", "from", "CamelCase", "x1", "group", "key", "value", "Index", "ü_col"]


@st.composite
def live_schemas(draw):
    from schema_architect.model import Column, ForeignKey, Index, PrimaryKey, Schema, Table, UniqueConstraint

    tables = []
    for i in range(draw(st.integers(min_value=1, max_value=4))):
        auto = draw(st.booleans())
        columns = [Column(name="id", type=DataType.integer(), nullable=False, autoincrement=auto)]
        names = draw(st.lists(st.sampled_from(NAMES), max_size=5, unique_by=str.lower))
        for name in names:
            dtype = draw(st.sampled_from(TYPES))
            defaults = DEFAULTS.get(dtype.kind.value, []) if dtype.kind.value != "decimal" or dtype.scale else []
            default = draw(st.sampled_from([None, *defaults]))
            columns.append(Column(name=name, type=dtype, nullable=draw(st.booleans()), default=default))
        fks, indexes, uniques = [], [], []
        if tables and draw(st.booleans()):
            ref = draw(st.sampled_from(tables))
            columns.append(Column(name=f"{ref.name}_id", type=DataType.integer(), nullable=True))
            fks.append(ForeignKey(columns=[f"{ref.name}_id"], ref_table=ref.name, ref_columns=["id"],
                                  name=f"fk_{i}_{ref.name}", on_delete=draw(st.sampled_from([None, ReferentialAction.CASCADE]))))
        indexable = [c.name for c in columns[1:] if c.type.kind.value in ("integer", "varchar", "date", "bigint", "char")]
        if indexable and draw(st.booleans()):
            cols = draw(st.lists(st.sampled_from(indexable), min_size=1, max_size=2, unique=True))
            indexes.append(Index(name=f"ix_t{i}_{len(cols)}", columns=cols, unique=draw(st.booleans())))
        if indexable and draw(st.booleans()):
            uniques.append(UniqueConstraint(columns=[indexable[-1]], name=f"uq_t{i}"))
        tables.append(Table(name=f"t{i}", columns=columns, primary_key=PrimaryKey(columns=["id"]),
                            foreign_keys=fks, indexes=indexes, unique_constraints=uniques))
    return Schema(tables=tables)


@pytest.mark.parametrize("dialect", ["postgresql", "mysql", "sqlite"])
def test_random_models_read_back_as_rendered(dialect, tmp_path):
    from hypothesis import HealthCheck, settings

    from conftest import create_mysql_database, create_pg_database, drop_mysql_database, drop_pg_database
    from schema_architect.sql import roundtrip_schema
    from schema_architect.sql.apply import apply_schema
    from test_chinook_live import assert_same_schema

    # One database for all examples (cleared in between): creating one per example is slow on MariaDB.
    if dialect == "postgresql":
        name, url = create_pg_database()
    elif dialect == "mysql":
        name, url = create_mysql_database()
    else:
        name, url = None, f"sqlite:///{tmp_path / 'random.db'}"

    @settings(max_examples=15 if dialect == "sqlite" else 6, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(schema=live_schemas())
    def check(schema):
        _clear(url, dialect)
        apply_schema(url, schema)
        back, expected = inspect_database(url), roundtrip_schema(schema, dialect)
        assert_same_schema(back, expected, dialect)
        for want in expected.tables:
            for col in want.columns:
                got = back.table(want.name).column(col.name).default
                assert _same_default(got, col.default), f"{want.name}.{col.name}: {got} != {col.default}"

    try:
        check()
    finally:
        if dialect == "postgresql":
            drop_pg_database(name)
        elif dialect == "mysql":
            drop_mysql_database(name)


def _same_default(got: str | None, want: str | None) -> bool:
    """Equal, or the same number (MySQL stores DEFAULT 1.5 of a DECIMAL(10,2) as 1.50)."""
    from decimal import Decimal, InvalidOperation

    if got == want:
        return True
    try:
        return got is not None and want is not None and Decimal(got) == Decimal(want)
    except InvalidOperation:
        return False


def _clear(url: str, dialect: str) -> None:
    """Drop every table (test helper, so one database serves many generated examples)."""
    import sqlalchemy as sa

    engine = sa.create_engine(url)
    try:
        with engine.begin() as conn:
            names = sa.inspect(conn).get_table_names()
            if dialect == "postgresql":
                conn.exec_driver_sql("DROP SCHEMA public CASCADE; CREATE SCHEMA public")
            elif dialect == "mysql":
                conn.exec_driver_sql("SET FOREIGN_KEY_CHECKS = 0")
                for n in names:
                    conn.exec_driver_sql(f"DROP TABLE `{n}`")
                conn.exec_driver_sql("SET FOREIGN_KEY_CHECKS = 1")
            else:
                conn.exec_driver_sql("PRAGMA foreign_keys = OFF")
                for n in names:
                    conn.exec_driver_sql(f'DROP TABLE "{n}"')
    finally:
        engine.dispose()


def test_computed_columns_are_reported(server_url_with_computed):
    url = server_url_with_computed
    schema = inspect_database(url)
    assert schema.table("box").column_names == ["w", "h", "area"]
    (skip,) = schema.skipped
    assert (skip.kind, skip.name) == ("computed column", "box.area") and "w" in skip.text


@pytest.fixture(params=["postgresql", "mysql"])
def server_url_with_computed(request):
    url = request.getfixturevalue({"postgresql": "pg_url", "mysql": "mysql_url"}[request.param])
    apply_sql(url, "CREATE TABLE box (w INTEGER, h INTEGER, area INTEGER GENERATED ALWAYS AS (w * h) STORED)")
    return url
