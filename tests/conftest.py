"""Shared fixtures: throw-away real databases and an in-process CLI runner.

Each database fixture creates a fresh, uniquely named database on the local server and drops it
afterwards, so tests never see each other's data and can run side by side.
"""

from __future__ import annotations

import io
import os
import socket
import uuid
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("SCHEMA_ARCHITECT_SHARED", REPO.parent / "shared"))
CHINOOK = SHARED / "datasets" / "chinook"
RSCHEMA_DEV = SHARED / "datasets" / "rschema" / "dev.jsonl"

PG_ADMIN_DSN = os.environ.get("SA_TEST_PG", "postgresql://postgres@127.0.0.1:5432/postgres")
MYSQL_HOST = os.environ.get("SA_TEST_MYSQL_HOST", "127.0.0.1")

settings.register_profile(
    "default", deadline=None, max_examples=60, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "thorough", deadline=None, max_examples=500, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


def free_port() -> int:
    """A loopback port nothing listens on now, for a server a test starts."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _unique_name(prefix: str = "sa_test") -> str:
    return f"{prefix}_{uuid.uuid4().hex[:12]}"


# -- PostgreSQL ------------------------------------------------------------------------------------
def create_pg_database() -> tuple[str, str]:
    """Create a fresh PostgreSQL database; return (name, SQLAlchemy URL)."""
    import psycopg

    name = _unique_name()
    with psycopg.connect(PG_ADMIN_DSN, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return name, f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}"


def drop_pg_database(name: str) -> None:
    import psycopg

    with psycopg.connect(PG_ADMIN_DSN, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def pg_url():
    """URL of a fresh, empty PostgreSQL database, dropped after the test."""
    name, url = create_pg_database()
    try:
        yield url
    finally:
        drop_pg_database(name)


# -- MariaDB / MySQL -------------------------------------------------------------------------------
def create_mysql_database() -> tuple[str, str]:
    import pymysql

    name = _unique_name()
    conn = pymysql.connect(host=MYSQL_HOST, user="root", password="", autocommit=True)
    try:
        with conn.cursor() as cur:
            cur.execute(f"CREATE DATABASE `{name}` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci")
    finally:
        conn.close()
    return name, f"mysql+pymysql://root@{MYSQL_HOST}:3306/{name}?charset=utf8mb4"


def drop_mysql_database(name: str) -> None:
    import pymysql

    conn = pymysql.connect(host=MYSQL_HOST, user="root", password="", autocommit=True)
    try:
        with conn.cursor() as cur:
            cur.execute(f"DROP DATABASE IF EXISTS `{name}`")
    finally:
        conn.close()


@pytest.fixture
def mysql_url():
    """URL of a fresh, empty MariaDB database, dropped after the test."""
    name, url = create_mysql_database()
    try:
        yield url
    finally:
        drop_mysql_database(name)


# -- SQLite ----------------------------------------------------------------------------------------
@pytest.fixture
def sqlite_url(tmp_path):
    return f"sqlite:///{tmp_path / 'test.db'}"


# -- the CLI, in process -----------------------------------------------------------------------------
@dataclass
class CliResult:
    exit_code: int
    stdout: str
    stderr: str

    @property
    def output(self) -> str:
        return self.stdout + self.stderr


@pytest.fixture
def run_cli():
    """Run ``schema-architect ARGS...`` in process, the way a user would, and capture everything."""

    def run(*args: str, input: str | None = None) -> CliResult:
        import sys

        from schema_architect.cli import console as consoles
        from schema_architect.cli import main

        out, err = io.StringIO(), io.StringIO()
        saved = consoles.console.file, consoles.err_console.file
        saved_stdin = sys.stdin
        consoles.console.file, consoles.err_console.file = out, err
        if input is not None:
            sys.stdin = io.StringIO(input)
        code = 0
        try:
            with redirect_stdout(out), redirect_stderr(err):
                main([str(a) for a in args])
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        finally:
            consoles.console.file, consoles.err_console.file = saved
            sys.stdin = saved_stdin
        return CliResult(code, out.getvalue(), err.getvalue())

    return run
