"""The Chinook schema in its five published dialect scripts reads into one and the same model, and
every one of them renders to every dialect and reads back unchanged.

"The same" is up to what genuinely differs between the scripts, each spelled out below:
* names: the PostgreSQL script uses snake_case (``invoice_line``), the others PascalCase
  (``InvoiceLine``), so names are compared after ``snake_case``;
* constraint and index names differ by script (``album_pkey`` vs ``PK_Album``) and are ignored here;
* Oracle's script declares every integer as bare ``NUMBER`` (a 38-digit decimal), which we read
  faithfully as ``decimal``; it is accepted where the others say integer;
* Oracle's script creates no indexes, so indexes are compared among the other four.
"""

from __future__ import annotations

import pytest

from conftest import CHINOOK
from schema_architect.model import DataType, TypeKind
from schema_architect.model.naming import snake_case
from schema_architect.sql.dialects import canonical_form, dialect_names, roundtrip_schema
from schema_architect.sql import parse as parse_module
from schema_architect.sql.parse import parse_ddl
from schema_architect.sql.render import render_ddl

SCRIPTS = {
    "postgresql": "Chinook_PostgreSql.sql",
    "mysql": "Chinook_MySql.sql",
    "sqlite": "Chinook_Sqlite.sql",
    "sqlserver": "Chinook_SqlServer.sql",
    "oracle": "Chinook_Oracle.sql",
}
TABLES = {"album", "artist", "customer", "employee", "genre", "invoice", "invoice_line", "media_type", "playlist",
          "playlist_track", "track"}


@pytest.fixture(scope="module")
def chinook():
    return {d: parse_ddl((CHINOOK / f).read_text(encoding="utf-8"), dialect=d, source_name=f) for d, f in SCRIPTS.items()}


def test_fast_reader_and_sqlglot_read_chinook_alike(chinook):
    parse_module.USE_FAST_READER = False
    try:
        for d, f in SCRIPTS.items():
            slow = parse_ddl((CHINOOK / f).read_text(encoding="utf-8"), dialect=d, source_name=f)
            assert canonical_form(slow) == canonical_form(chinook[d]) and slow.skipped == chinook[d].skipped
    finally:
        parse_module.USE_FAST_READER = True


def test_every_script_reads_all_eleven_tables_with_keys(chinook):
    for dialect, schema in chinook.items():
        assert {snake_case(t.name) for t in schema.tables} == TABLES, dialect
        assert sum(len(t.foreign_keys) for t in schema.tables) == 11, dialect
        assert all(t.primary_key for t in schema.tables), dialect
        track = schema.table("Track") or schema.table("track")
        assert len(track.columns) == 9
        price = track.column("UnitPrice") or track.column("unit_price")
        assert price.type == DataType.decimal(10, 2) and not price.nullable
        playlist_track = schema.table("PlaylistTrack") or schema.table("playlist_track")
        assert len(playlist_track.primary_key.columns) == 2  # composite key


def test_inserts_and_housekeeping_are_reported_not_dropped(chinook):
    for dialect, schema in chinook.items():
        data = [s for s in schema.skipped if s.kind == "data"]
        assert len(data) == 1, dialect  # one summary for all INSERTs, with where they start
        assert data[0].reason.startswith("24 statements") and data[0].location.startswith(SCRIPTS[dialect] + ":")
    assert {"drop database", "create database", "use"} <= {s.kind for s in chinook["mysql"].skipped}
    assert {"grant", "connect", "commit", "exit"} <= {s.kind for s in chinook["oracle"].skipped}


def _comparable(schema, *, oracle: bool) -> dict:
    form = canonical_form(schema, constraint_names=False, fold=snake_case)
    for table in form["tables"].values():
        if oracle:
            table["indexes"] = []
        table["columns"] = [
            (name, DataType.integer() if oracle and t == DataType.decimal() else t, *rest)
            for name, t, *rest in table["columns"]
        ]
    return form


@pytest.mark.parametrize("dialect", [d for d in SCRIPTS if d != "sqlite"])
def test_all_scripts_read_into_the_same_model(chinook, dialect):
    oracle = dialect == "oracle"
    reference = _comparable(chinook["sqlite"], oracle=oracle)
    assert _comparable(chinook[dialect], oracle=oracle) == reference


def test_scripts_agree_on_the_details_that_vary_by_dialect(chinook):
    for dialect, schema in chinook.items():
        employee = schema.table("Employee") or schema.table("employee")
        birth = employee.column("BirthDate") or employee.column("birth_date")
        # DATETIME (MySQL, SQLite, SQL Server), TIMESTAMP (PostgreSQL) and Oracle's DATE all hold a time.
        assert birth.type.kind is TypeKind.TIMESTAMP, dialect
        name = (schema.table("Artist") or schema.table("artist")).columns[1]
        assert name.type == DataType.varchar(120) and name.nullable  # NVARCHAR, VARCHAR2, VARCHAR
        fk = next(fk for fk in employee.foreign_keys)
        assert snake_case(fk.ref_table) == "employee"  # self-reference: ReportsTo


@pytest.mark.parametrize("source", list(SCRIPTS))
@pytest.mark.parametrize("target", dialect_names())
def test_each_script_renders_to_each_dialect_and_reads_back(chinook, source, target):
    schema = chinook[source]
    ddl = render_ddl(schema, target)
    back = parse_ddl(ddl, dialect=target, source_name=f"chinook.{target}.sql")
    assert back.skipped == []
    assert canonical_form(back) == canonical_form(roundtrip_schema(schema, target))
    # Chinook loses nothing in any dialect except what roundtrip_schema says: nothing at all here.
    assert canonical_form(roundtrip_schema(schema, target)) == canonical_form(schema)
