"""Load a schema from whatever the user points at: a DDL file, a schema JSON file, or a database URL.

Every command that takes a SOURCE goes through :func:`load_schema`, so they all accept the same things.
"""

from __future__ import annotations

import json
from pathlib import Path

from .errors import InputError
from .model import Schema, schema_from_dict

LIVE_SCHEMES = {"sqlite", "postgresql", "postgres", "mysql", "mariadb"}
# Dialects whose DDL we read and write but whose servers we cannot reach from here (no driver shipped).
DDL_ONLY_SCHEMES = {"mssql", "sqlserver", "oracle"}


def _scheme(source: str) -> str | None:
    return source.split("://", 1)[0].split("+", 1)[0].lower() if "://" in source else None


def is_database_url(source: str) -> bool:
    return _scheme(source) in LIVE_SCHEMES | DDL_ONLY_SCHEMES


def read_text(path: str | Path) -> str:
    p = Path(path)
    if not p.exists():
        raise InputError(f"file not found: {p}", hint="check the path")
    if p.is_dir():
        raise InputError(f"{p} is a directory, expected a file")
    data = p.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Real-world dumps (SQL Server's in particular) come in UTF-16 or Latin-1.
        for enc in ("utf-16",) if data[:2] in (b"\xff\xfe", b"\xfe\xff") else ("latin-1",):
            return data.decode(enc)
    raise AssertionError("unreachable")


def load_schema(source: str, *, dialect: str | None = None) -> Schema:
    """A schema from a database URL, a ``.json`` schema file or a DDL file (``dialect`` or guessed)."""
    if is_database_url(source):
        if _scheme(source) in DDL_ONLY_SCHEMES:
            raise InputError(
                f"live {_scheme(source)} databases are not supported: only PostgreSQL, MySQL/MariaDB and SQLite",
                hint="export the schema as DDL and pass the .sql file with --dialect sqlserver or oracle",
            )
        from .sql.inspect import inspect_database

        return inspect_database(source)
    text = read_text(source)
    stripped = text.lstrip()
    if source.endswith(".json") or stripped.startswith("{"):
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise InputError(f"not valid JSON: {exc.msg} at line {exc.lineno}", where=source) from None
        return schema_from_dict(data, where=source)
    from .sql.parse import parse_ddl

    return parse_ddl(text, dialect=dialect, source_name=source)
