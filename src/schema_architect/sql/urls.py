"""Database URLs as users type them, turned into what SQLAlchemy needs, named and redacted.

Users write ``postgres://u@host/db``, ``mysql://root@host/db`` or ``sqlite:///app.db``; SQLAlchemy
wants a driver (``postgresql+psycopg``, ``mysql+pymysql``). Passwords never appear in messages:
everything user-facing goes through :func:`redact_url` or :func:`describe_target`.
"""

from __future__ import annotations

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from ..errors import InputError

# scheme as typed -> (SQLAlchemy drivername, project dialect name). Explicit drivers are kept as given.
_SCHEMES: dict[str, tuple[str, str]] = {
    "postgres": ("postgresql+psycopg", "postgresql"),
    "postgresql": ("postgresql+psycopg", "postgresql"),
    "mysql": ("mysql+pymysql", "mysql"),
    "mariadb": ("mysql+pymysql", "mysql"),
    "sqlite": ("sqlite", "sqlite"),
}

# SQLAlchemy backend name -> project dialect name (for URLs that already name a driver).
_DIALECT_OF_BACKEND: dict[str, str] = {
    "postgresql": "postgresql",
    "mysql": "mysql",
    "mariadb": "mysql",
    "sqlite": "sqlite",
    "mssql": "sqlserver",
    "oracle": "oracle",
}

# How a dialect is called in sentences.
DISPLAY_NAME: dict[str, str] = {
    "postgresql": "PostgreSQL",
    "mysql": "MySQL/MariaDB",
    "sqlite": "SQLite",
    "sqlserver": "SQL Server",
    "oracle": "Oracle",
}

_EXAMPLES = "sqlite:///app.db, postgresql://user@host/db or mysql://user@host/db"


def parse_url(url: str | URL) -> URL:
    """The SQLAlchemy URL for what the user typed, with a driver we ship (psycopg 3, PyMySQL)."""
    if isinstance(url, URL):
        parsed = url
    else:
        try:
            parsed = make_url(url.strip())
        except ArgumentError:
            raise InputError(f"not a database URL: {redact_text(url)!r}", hint=f"use e.g. {_EXAMPLES}") from None
    scheme = parsed.drivername
    if "+" not in scheme:
        if scheme not in _SCHEMES:
            raise InputError(f"unsupported database URL scheme {scheme!r}", hint=f"use e.g. {_EXAMPLES}")
        parsed = parsed.set(drivername=_SCHEMES[scheme][0])
    elif parsed.get_backend_name() not in _DIALECT_OF_BACKEND:
        raise InputError(f"unsupported database URL scheme {scheme!r}", hint=f"use e.g. {_EXAMPLES}")
    if parsed.get_backend_name() in ("mysql", "mariadb") and "charset" not in parsed.query:
        # Without it PyMySQL talks latin1 and non-ASCII names and data are mangled.
        parsed = parsed.update_query_dict({"charset": "utf8mb4"})
    return parsed


def normalize_url(url: str | URL) -> str:
    """The URL as a string SQLAlchemy can use (password kept: this is for connecting, not printing)."""
    return parse_url(url).render_as_string(hide_password=False)


def dialect_of_url(url: str | URL) -> str:
    """The project's dialect name (postgresql, mysql, sqlite, sqlserver, oracle) for a URL."""
    return _DIALECT_OF_BACKEND[parse_url(url).get_backend_name()]


def redact_url(url: str | URL) -> str:
    """The URL with its password replaced by ``***``, safe for messages and logs."""
    try:
        return parse_url(url).render_as_string(hide_password=True)
    except InputError:
        return redact_text(str(url))


def redact_text(text: str) -> str:
    """Hide a ``user:password@`` part in any text that may contain a URL."""
    import re

    return re.sub(r"(://[^:/@\s]*):[^@\s]*@", r"\1:***@", text)


def sqlite_path(url: str | URL) -> str | None:
    """The file a SQLite URL points at (None for in-memory databases)."""
    parsed = parse_url(url)
    db = parsed.database
    if not db or db == ":memory:":
        return None
    if db.startswith("file:"):  # sqlite:///file:PATH?mode=ro&uri=true
        path = db[len("file:"):].split("?", 1)[0]
        return path or None
    return db


def location(url: str | URL) -> str:
    """Where a database is, without credentials: ``127.0.0.1:5432/db`` or the SQLite file path."""
    parsed = parse_url(url)
    if parsed.get_backend_name() == "sqlite":
        return sqlite_path(parsed) or ":memory:"
    host = parsed.host or "localhost"
    port = f":{parsed.port}" if parsed.port else ""
    db = f"/{parsed.database}" if parsed.database else ""
    return f"{host}{port}{db}"


def server_address(url: str | URL) -> str:
    """``host:port`` of a server URL (the SQLite file path for SQLite)."""
    parsed = parse_url(url)
    if parsed.get_backend_name() == "sqlite":
        return sqlite_path(parsed) or ":memory:"
    default_port = {"postgresql": 5432, "mysql": 3306, "mariadb": 3306}.get(parsed.get_backend_name())
    return f"{parsed.host or 'localhost'}:{parsed.port or default_port}"


def describe_target(url: str | URL) -> str:
    """A short, password-free phrase for messages: ``PostgreSQL at 127.0.0.1:5432/db``."""
    return f"{DISPLAY_NAME[dialect_of_url(url)]} at {location(url)}"
