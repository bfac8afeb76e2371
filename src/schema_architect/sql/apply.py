"""Create a schema in a live database, all or nothing; run raw SQL (data loads) the same way.

How "nothing applied on error" is kept depends on the target, per its dialect's ``transactional_ddl``:

* PostgreSQL and SQLite run every statement in one transaction and roll back on the first error.
  (SQLite connections use explicit BEGIN, see :func:`connect.open_engine`: pysqlite would otherwise
  run each CREATE in autocommit mode.)
* MySQL/MariaDB commit each DDL statement on its own. So apply refuses up front when a table or view
  it would create already exists, records what each successful statement created, and on a failure
  drops exactly those objects again, views first, then tables in reverse order (with foreign key
  checks off for the cleanup only), so the database is as it was before.

The statements always come from the renderer (:func:`render_statements`): nothing here writes DDL for
the schema by hand (the cleanup's DROP TABLE comes from the renderer too).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.exc import DBAPIError

from ..errors import DatabaseError
from ..model import Schema
from .connect import connection_error, open_engine, reason_and_hint
from .urls import describe_target, dialect_of_url, location, sqlite_path


@dataclass
class ApplyResult:
    """What an apply created, and where."""

    dialect: str
    target: str  # location without credentials, e.g. 127.0.0.1:5432/db
    tables: int = 0
    indexes: int = 0
    views: int = 0
    statements: int = 0
    rows: int = 0  # rows written by raw SQL (apply_sql), where the driver reports them
    created: list[str] = field(default_factory=list)

    def summary(self) -> str:
        """``11 tables, 22 indexes created in postgresql at 127.0.0.1:5432/db``."""
        parts = [_count(self.tables, "table"), _count(self.indexes, "index", "indexes")]
        if self.views:
            parts.append(_count(self.views, "view"))
        return f"{', '.join(parts)} created in {self.dialect} at {self.target}"


def _execute(conn: sa.Connection, statement: str) -> int:
    """Run one statement as written, through the driver's own cursor, and return its row count.

    SQLAlchemy's exec_driver_sql hands drivers a (empty) parameter list, and then psycopg and PyMySQL
    read every ``%`` in the text as a placeholder; DDL defaults and data contain ``%`` legitimately.
    """
    dbapi_error = conn.dialect.loaded_dbapi.Error
    cursor = conn.connection.cursor()
    try:
        cursor.execute(statement)
        return max(cursor.rowcount or 0, 0)
    except dbapi_error as exc:  # the same error SQLAlchemy would raise, so callers handle one kind
        raise DBAPIError.instance(statement, None, exc, dbapi_error, dialect=conn.dialect) from exc
    finally:
        cursor.close()


def _count(n: int, word: str, plural: str | None = None) -> str:
    return f"{n} {word if n == 1 else (plural or word + 's')}"


# -- apply a schema ----------------------------------------------------------------------------------
def apply_schema(url: str, schema: Schema, *, dialect: str | None = None) -> ApplyResult:
    """Create ``schema`` (tables, constraints, indexes, views) in the database at ``url``, all or nothing.

    ``dialect``: the DDL dialect to render (default: the target's). Raises :class:`DatabaseError` with
    a one-line reason when the database cannot be reached, refuses a statement, or already has one
    of the tables; in every such case nothing of the schema is left in the database.
    """
    from .dialects import get_dialect
    from .render import render_statements

    target = dialect_of_url(url)
    statements = render_statements(schema, dialect or target)
    result = ApplyResult(
        dialect=target, target=location(url), tables=len(schema.tables),
        indexes=sum(len(t.indexes) for t in schema.tables), views=len(schema.views), statements=len(statements),
    )
    fit = get_dialect(target).fit_identifier  # the names as the database will hold them
    wanted = [fit(t.name) for t in schema.tables] + [fit(v.name) for v in schema.views]
    with _connected(url) as conn:
        try:
            _refuse_existing(conn, url, wanted)
        except DBAPIError as exc:
            raise DatabaseError(f"cannot read the tables of {describe_target(url)}: {reason_and_hint(exc, url)[0]}; "
                                "nothing was applied", hint=reason_and_hint(exc, url)[1]) from None
        if get_dialect(target).transactional_ddl:
            _run_in_transaction(conn, url, statements)
        else:
            result.created = _run_with_cleanup(conn, url, statements)
    return result


def _refuse_existing(conn: sa.Connection, url: str, names: Iterable[str]) -> None:
    insp = sa.inspect(conn)
    existing = {n.lower() for n in insp.get_table_names()} | {n.lower() for n in insp.get_view_names()}
    clash = [n for n in names if n.lower() in existing]
    if clash:
        shown = ", ".join(clash[:5]) + (f" and {len(clash) - 5} more" if len(clash) > 5 else "")
        raise DatabaseError(
            f"{describe_target(url)} already has {_count(len(clash), 'table')} this schema creates: {shown}; "
            "nothing was applied",
            hint="apply to an empty database, or drop those tables first (or plan a migration instead)",
        )
    if conn.in_transaction():
        conn.commit()  # end the catalog read before our own transaction starts


def _run_in_transaction(conn: sa.Connection, url: str, statements: Sequence[str]) -> None:
    number = 0
    try:
        with conn.begin():
            for number, statement in enumerate(statements, 1):
                _execute(conn, statement)
    except DBAPIError as exc:
        raise _statement_error(exc, url, number, len(statements), statements[number - 1],
                               "nothing was applied (rolled back)") from None


_CREATES = re.compile(
    r"^\s*CREATE\s+(?:OR\s+REPLACE\s+)?(?:ALGORITHM\s*=\s*\w+\s+)?(TABLE|VIEW)\s+(?:IF\s+NOT\s+EXISTS\s+)?"
    r"(`(?:[^`]|``)+`|\"(?:[^\"]|\"\")+\"|\[(?:[^\]]|\]\])+\]|[^\s(]+)",
    re.IGNORECASE,
)


def _created_object(statement: str) -> tuple[str, str] | None:
    """("table"|"view", name) when ``statement`` creates one (statements come from our renderer)."""
    m = _CREATES.match(statement)
    if not m:
        return None
    name = m.group(2)
    if name[0] in "`\"[":
        close = {"`": "`", '"': '"', "[": "]"}[name[0]]
        name = name[1:-1].replace(close * 2, close)
    return m.group(1).lower(), name


def _run_with_cleanup(conn: sa.Connection, url: str, statements: Sequence[str]) -> list[str]:
    """For databases whose DDL commits itself: run, and on failure drop what this run created."""
    created: list[tuple[str, str]] = []
    number = 0
    try:
        for number, statement in enumerate(statements, 1):
            with conn.begin():
                _execute(conn, statement)
            made = _created_object(statement)
            if made:
                created.append(made)
    except DBAPIError as exc:
        error = _statement_error(exc, url, number, len(statements), statements[number - 1], "")
        try:
            _drop_created(conn, created)
        except DBAPIError as cleanup_exc:
            left = ", ".join(name for _, name in created)
            raise DatabaseError(
                f"{error.message}; cleanup failed too ({reason_and_hint(cleanup_exc, url)[0]}), "
                f"these objects may remain: {left}",
                hint="drop them by hand",
            ) from None
        what = f"dropped the {_count(len(created), 'object')} it had created" if created else "nothing was created"
        raise DatabaseError(f"{error.message}; nothing was applied ({what})", hint=error.hint) from None
    return [name for _, name in created]


def _drop_created(conn: sa.Connection, created: list[tuple[str, str]]) -> None:
    if conn.in_transaction():
        conn.rollback()
    from .dialects import get_dialect
    from .render import render_drop_table

    quote = get_dialect("mysql").quote
    views = [name for kind, name in reversed(created) if kind == "view"]
    tables = [name for kind, name in reversed(created) if kind == "table"]
    # Cleanup only: our own new tables may reference each other in cycles.
    conn.exec_driver_sql("SET FOREIGN_KEY_CHECKS = 0")
    try:
        for name in views:
            conn.exec_driver_sql(f"DROP VIEW IF EXISTS {quote(name)}")
        for name in tables:
            conn.exec_driver_sql(render_drop_table(name, "mysql"))
    finally:
        conn.exec_driver_sql("SET FOREIGN_KEY_CHECKS = 1")
        if conn.in_transaction():
            conn.commit()


def _statement_error(exc: DBAPIError, url: str, number: int, total: int, statement: str, outcome: str) -> DatabaseError:
    reason, hint = reason_and_hint(exc, url)
    if number == 0:  # failed before the first statement ran (BEGIN on a locked SQLite file, say)
        return DatabaseError(f"cannot start a transaction on {describe_target(url)}: {reason}"
                             + (f"; {outcome}" if outcome else ""), hint=hint)
    first_line = " ".join(statement.split())[:120]
    outcome = f"; {outcome}" if outcome else ""
    return DatabaseError(
        f"statement {number} of {total} failed on {describe_target(url)}: {reason}{outcome}",
        hint=hint or f"the statement was: {first_line}",
    )


# -- raw SQL ---------------------------------------------------------------------------------------------
def apply_sql(url: str, sql: str | Sequence[str], *, dialect: str | None = None) -> ApplyResult:
    """Run raw SQL statements (e.g. INSERTs that load data) in one transaction; roll back on error.

    ``sql`` is a script (split on ``;`` outside quotes and comments) or a list of statements. On
    MySQL/MariaDB a DDL statement in the script commits by itself, as it always does there.
    """
    target = dialect_of_url(url)
    statements = split_sql(sql, dialect or target) if isinstance(sql, str) else [s for s in sql if s.strip()]
    result = ApplyResult(dialect=target, target=location(url), statements=len(statements))
    with _connected(url) as conn:
        if conn.in_transaction():
            conn.commit()
        number = 0
        try:
            with conn.begin():
                for number, statement in enumerate(statements, 1):
                    result.rows += _execute(conn, statement)
        except DBAPIError as exc:
            raise _statement_error(exc, url, number, len(statements), statements[number - 1],
                                   "nothing was applied (rolled back)") from None
    return result


class _connected:
    """A connection to ``url``; connection failures become one-line DatabaseErrors.

    A SQLite file this call created is removed again if the work fails, so nothing is left behind.
    """

    def __init__(self, url: str):
        self.url = url
        path = sqlite_path(url) if dialect_of_url(url) == "sqlite" else None
        self.new_sqlite_file = Path(path) if path and not Path(path).exists() else None

    def __enter__(self) -> sa.Connection:
        self.engine = open_engine(self.url)
        try:
            self.conn = self.engine.connect()
        except DBAPIError as exc:
            self.engine.dispose()
            raise connection_error(exc, self.url) from None
        return self.conn

    def __exit__(self, exc_type, exc, tb) -> bool:
        try:
            self.conn.close()
        finally:
            self.engine.dispose()
        if exc_type is not None and self.new_sqlite_file is not None:
            self.new_sqlite_file.unlink(missing_ok=True)
        return False


def split_sql(script: str, dialect: str = "postgresql") -> list[str]:
    """The statements of a SQL script (split outside strings, quoted names and comments)."""
    from .dialects import get_dialect
    from .split import split_statements

    return [s.text for s in split_statements(script, backslash_escapes=get_dialect(dialect).backslash_escapes)]
