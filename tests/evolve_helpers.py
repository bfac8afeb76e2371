"""Live-database helpers for the schema evolution tests: Chinook copies, content checksums, lookups."""

from __future__ import annotations

import hashlib
import shutil
from contextlib import contextmanager
from pathlib import Path

import psycopg

from chinook_loader import load_chinook
from conftest import (
    PG_ADMIN_DSN,
    _unique_name,
    create_mysql_database,
    create_pg_database,
    drop_mysql_database,
    drop_pg_database,
)
from schema_architect.evolve.db import Connection
from schema_architect.evolve.execute import live_schema


class ChinookCopies:
    """Hands out fresh Chinook databases: PostgreSQL and SQLite copy a template loaded once."""

    def __init__(self, tmp_dir: Path):
        self.tmp = tmp_dir
        self.pg_template: str | None = None
        self.sqlite_template: Path | None = None

    @contextmanager
    def database(self, dialect: str):
        if dialect == "postgresql":
            if self.pg_template is None:
                name, url = create_pg_database()
                load_chinook(url, dialect)
                self.pg_template = name
            name = _unique_name()
            with psycopg.connect(PG_ADMIN_DSN, autocommit=True) as conn:
                conn.execute(f'CREATE DATABASE "{name}" TEMPLATE "{self.pg_template}"')
            try:
                yield f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}"
            finally:
                drop_pg_database(name)
        elif dialect == "sqlite":
            if self.sqlite_template is None:
                self.sqlite_template = self.tmp / "chinook_template.db"
                load_chinook(f"sqlite:///{self.sqlite_template}", dialect)
            path = self.tmp / f"{_unique_name()}.db"
            shutil.copy(self.sqlite_template, path)
            yield f"sqlite:///{path}"
        else:
            name, url = create_mysql_database()
            try:
                load_chinook(url, dialect)
                yield url
            finally:
                drop_mysql_database(name)

    def close(self) -> None:
        if self.pg_template:
            drop_pg_database(self.pg_template)


def norm(name: str) -> str:
    return name.lower().replace("_", "")


def table(schema, name: str):
    return next(t for t in schema.tables if norm(t.name) == norm(name))


def column(t, name: str):
    return next(c for c in t.columns if norm(c.name) == norm(name))


def checksums(url: str, tables: list[str] | None = None, schema=None) -> dict[str, tuple[int, str]]:
    """(row count, sha256 of all rows in key order) per table: equal means same content."""
    schema = schema or live_schema(url)
    out = {}
    with Connection(url) as conn:
        from schema_architect.evolve import sqlbits as sb

        d = sb.dialect(conn.dialect)
        for t in schema.tables:
            if tables is not None and norm(t.name) not in {norm(x) for x in tables}:
                continue
            # by column name: a rollback re-adds a dropped column at the end, same content
            cols = ", ".join(sb.q(d, c.name) for c in sorted(t.columns, key=lambda c: c.name.lower()))
            order = ", ".join(sb.q(d, c) for c in (t.primary_key_columns or [c.name for c in t.columns]))
            rows = conn.query(f"SELECT {cols} FROM {sb.q(d, t.name)} ORDER BY {order}")
            digest = hashlib.sha256(repr([tuple(_plain(v) for v in r) for r in rows]).encode()).hexdigest()
            out[norm(t.name)] = (len(rows), digest)
    return out


def _plain(value):
    # drivers differ in numeric types between runs of the same value (Decimal('0.99') vs 0.99 never mixes
    # within one driver, but keep the form stable anyway)
    return str(value) if value is not None else None


def column_values(url: str, table_name: str, column_name: str, key: str, schema=None) -> list:
    schema = schema or live_schema(url)
    t = table(schema, table_name)
    with Connection(url) as conn:
        from schema_architect.evolve import sqlbits as sb

        d = sb.dialect(conn.dialect)
        c, k = column(t, column_name).name, column(t, key).name
        return [r[0] for r in conn.query(f"SELECT {sb.q(d, c)} FROM {sb.q(d, t.name)} ORDER BY {sb.q(d, k)}")]
