"""Opening live databases, and turning driver failures into one-line errors a person can act on.

Everything that talks to a server (inspect, apply) goes through :func:`open_engine` and
:func:`database_error`, so "connection refused" reads the same from every command and no password
ever reaches a message.
"""

from __future__ import annotations

import re

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.exc import NoSuchModuleError
from sqlalchemy.pool import NullPool

from ..errors import DatabaseError
from .urls import DISPLAY_NAME, dialect_of_url, normalize_url, redact_text, server_address

CONNECT_TIMEOUT_S = 5

# Driver options per backend: a short connect timeout so an unreachable host fails fast.
_CONNECT_ARGS: dict[str, dict] = {
    "postgresql": {"connect_timeout": CONNECT_TIMEOUT_S},
    "mysql": {"connect_timeout": CONNECT_TIMEOUT_S},
    "sqlite": {},
}

# Driver message pattern -> (short reason, hint). First match wins; {0} is the pattern's group.
_REASONS: list[tuple[re.Pattern, str, str]] = [
    (re.compile(r"Connection refused", re.IGNORECASE), "connection refused",
     "is the server running and listening on {address}?"),
    (re.compile(r'database "([^"]+)" does not exist'), 'database "{0}" does not exist',
     "create the database first, or check the name in the URL"),
    (re.compile(r"Unknown database '([^']+)'"), "database '{0}' does not exist",
     "create the database first, or check the name in the URL"),
    (re.compile(r"password authentication failed|Access denied|no password supplied", re.IGNORECASE),
     "authentication failed", "check the user name and password in the URL"),
    (re.compile(r'role "([^"]+)" does not exist'), 'role "{0}" does not exist', "check the user name in the URL"),
    (re.compile(r"could not translate host name|Name or service not known|Unknown MySQL server host|"
                r"nodename nor servname|getaddrinfo failed", re.IGNORECASE),
     "unknown host", "check the host name in the URL"),
    (re.compile(r"timeout expired|timed out", re.IGNORECASE), "connection timed out",
     "is the host reachable and the port open?"),
    (re.compile(r"read-only transaction|readonly database|read only|read-only", re.IGNORECASE),
     "the database is read-only", "connect as a user (or open the file in a mode) that may write"),
    (re.compile(r"unable to open database file", re.IGNORECASE), "cannot open the SQLite file",
     "check that the directory exists and is writable"),
]


def open_engine(url: str) -> Engine:
    """An engine for ``url`` (aliases resolved), with short connect timeouts and no pooling.

    SQLite connections are switched to explicit transactions: pysqlite otherwise runs DDL outside
    any transaction (it only opens one before INSERT/UPDATE/DELETE), so a failed CREATE would leave
    the earlier ones behind. This is SQLAlchemy's documented recipe for transactional DDL in SQLite.
    """
    dialect = dialect_of_url(url)
    try:
        engine = create_engine(normalize_url(url), poolclass=NullPool, connect_args=_CONNECT_ARGS.get(dialect, {}))
    except (ImportError, NoSuchModuleError) as exc:
        raise DatabaseError(f"no database driver installed for {redact_text(str(url).split('://', 1)[0])} URLs ({exc})",
                            hint="live databases supported here: PostgreSQL, MySQL/MariaDB and SQLite") from None
    if dialect == "sqlite":

        @event.listens_for(engine, "connect")
        def _no_implicit_transactions(dbapi_connection, _record):  # pragma: no cover - trivial
            dbapi_connection.isolation_level = None

        @event.listens_for(engine, "begin")
        def _explicit_begin(conn):  # pragma: no cover - trivial
            conn.exec_driver_sql("BEGIN")

    return engine


def driver_message(exc: BaseException) -> str:
    """The DBAPI's own message for a SQLAlchemy error, on one line, without credentials."""
    orig = getattr(exc, "orig", None) or exc
    args = getattr(orig, "args", ())
    if len(args) == 2 and isinstance(args[0], int):  # PyMySQL: (code, message)
        text = f"{args[1]} (error {args[0]})"
    else:
        text = str(orig)
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    # psycopg puts the useful part ("connection refused") after the "connection to server..." line.
    text = " ".join(lines) if lines else type(orig).__name__
    text = re.sub(r"^connection failed:\s*", "", text)
    return redact_text(text)[:300]


def reason_and_hint(exc: BaseException, url: str) -> tuple[str, str | None]:
    """A short reason ("connection refused") and what to do, for a driver error."""
    message = driver_message(exc)
    for pattern, reason, hint in _REASONS:
        m = pattern.search(message)
        if m:
            return reason.format(*m.groups()), hint.format(address=server_address(url))
    return message, None


def connection_error(exc: BaseException, url: str) -> DatabaseError:
    """``cannot connect to PostgreSQL at 127.0.0.1:5999: connection refused`` (+ hint)."""
    reason, hint = reason_and_hint(exc, url)
    name = DISPLAY_NAME[dialect_of_url(url)]
    return DatabaseError(f"cannot connect to {name} at {server_address(url)}: {reason}", hint=hint)

