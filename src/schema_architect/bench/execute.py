"""Executable accuracy: does the predicted DDL run? On in-memory SQLite always, on a server on request.

On a server nothing is left behind: PostgreSQL runs the DDL inside a throw-away schema within a
transaction that is rolled back; MySQL/MariaDB (whose DDL commits implicitly) inside a throw-away
database that is dropped afterwards.
"""

from __future__ import annotations

import sqlite3
import uuid
from functools import lru_cache

from ..errors import InputError, SchemaArchitectError
from ..model import Schema

# URL scheme (before any "+driver") -> the dialect we render for it
SERVER_DIALECTS = {"postgresql": "postgresql", "postgres": "postgresql", "mysql": "mysql", "mariadb": "mysql"}


def runs_on_sqlite(ddl: str | None) -> tuple[bool, str]:
    """(True, "") when the DDL runs on a fresh in-memory SQLite database and creates a table."""
    if not isinstance(ddl, str) or not ddl.strip():
        return False, "no DDL"
    if "\x00" in ddl:  # sqlite3 refuses NUL bytes with a ValueError before SQLite sees the text
        return False, "the DDL contains a NUL byte"
    conn = sqlite3.connect(":memory:")
    try:
        conn.execute("PRAGMA foreign_keys = ON")
        conn.executescript(ddl)
        created = conn.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table'").fetchone()[0]
    except sqlite3.Error as exc:
        return False, str(exc)
    finally:
        conn.close()
    return (True, "") if created else (False, "the DDL creates no table")


def server_dialect(url: str) -> str:
    scheme = url.split("://", 1)[0].split("+", 1)[0].lower() if "://" in url else ""
    if scheme not in SERVER_DIALECTS:
        raise InputError(
            f"--verify-on needs a PostgreSQL or MySQL/MariaDB URL, got {url!r}",
            hint="e.g. postgresql+psycopg://postgres@127.0.0.1:5432/postgres or mysql+pymysql://root@127.0.0.1:3306/",
        )
    return SERVER_DIALECTS[scheme]


@lru_cache(maxsize=4)
def _engine(url: str):
    from sqlalchemy import create_engine

    return create_engine(url, pool_pre_ping=True)


def check_server(url: str) -> None:
    """Fail early, once, with a clear message when the --verify-on server cannot be reached."""
    server_dialect(url)
    try:
        with _engine(url).connect():
            pass
    except Exception as exc:  # the driver's own error types differ per server
        from ..errors import DatabaseError

        raise DatabaseError(f"cannot connect to {url}: {exc.__class__.__name__}: {str(exc).splitlines()[0]}",
                            hint="check the URL and that the server is running") from None  # fmt: skip


def runs_on_server(schema: Schema, url: str) -> tuple[bool, str]:
    """Render ``schema`` for the server behind ``url`` and run it in a throw-away namespace."""
    from ..sql.render import render_statements

    dialect = server_dialect(url)
    try:
        statements = render_statements(schema, dialect)
    except SchemaArchitectError as exc:
        return False, f"cannot render for {dialect}: {exc.one_line()}"
    name = f"sa_bench_{uuid.uuid4().hex[:12]}"
    try:
        with _engine(url).connect() as conn:
            if dialect == "postgresql":
                return _run_postgresql(conn, name, statements)
            return _run_mysql(conn, name, statements)
    except Exception as exc:  # connection trouble mid-run: this case is not executable here
        return False, f"{exc.__class__.__name__}: {str(exc).splitlines()[0]}"


def _run_postgresql(conn, name: str, statements: list[str]) -> tuple[bool, str]:
    trans = conn.begin()
    try:
        conn.exec_driver_sql(f'CREATE SCHEMA "{name}"')
        conn.exec_driver_sql(f'SET LOCAL search_path TO "{name}"')
        for stmt in statements:
            conn.exec_driver_sql(stmt)
        return True, ""
    except Exception as exc:
        return False, str(getattr(exc, "orig", exc)).splitlines()[0]
    finally:
        trans.rollback()  # transactional DDL: the schema and everything in it vanish


def _run_mysql(conn, name: str, statements: list[str]) -> tuple[bool, str]:
    conn.exec_driver_sql(f"CREATE DATABASE `{name}`")
    try:
        conn.exec_driver_sql(f"USE `{name}`")
        for stmt in statements:
            conn.exec_driver_sql(stmt)
        return True, ""
    except Exception as exc:
        return False, str(getattr(exc, "orig", exc)).splitlines()[0]
    finally:
        conn.exec_driver_sql(f"DROP DATABASE IF EXISTS `{name}`")
