"""A raw driver connection in autocommit mode, with the dialect's own BEGIN/COMMIT.

The executor needs full control of transaction boundaries (a phase and its state row commit
together; CREATE INDEX CONCURRENTLY runs outside any transaction; SQLite's PRAGMA foreign_keys must
be set outside one), so it talks to the DBAPI connection directly instead of through SQLAlchemy's
implicit transactions. Statements are sent without parameters, so no driver rewrites ``%``.
"""

from __future__ import annotations

from sqlalchemy.exc import DBAPIError, OperationalError

from ..errors import DatabaseError
from ..sql.connect import connection_error, driver_message, open_engine
from ..sql.urls import dialect_of_url
from .dialect_ops import get_alter_syntax


class Connection:
    def __init__(self, url: str):
        self.url = url
        self.dialect = dialect_of_url(url)
        self.syntax = get_alter_syntax(self.dialect)
        self.engine = open_engine(url)
        try:
            self.raw = self.engine.raw_connection()
        except Exception as exc:
            self.engine.dispose()
            if isinstance(exc, (DBAPIError, OperationalError)) or is_driver_error(exc):
                raise connection_error(exc, url) from None
            raise
        self.driver = self.raw.driver_connection
        if self.dialect == "postgresql":
            self.driver.autocommit = True
        elif self.dialect == "mysql":
            self.driver.autocommit(True)
        else:
            self.driver.isolation_level = None
        self.in_transaction = False

    def close(self) -> None:
        try:
            if self.in_transaction:
                self.rollback()
            self.raw.close()
        finally:
            self.engine.dispose()

    def __enter__(self) -> Connection:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # statements ---------------------------------------------------------------------------------------
    def execute(self, sql: str) -> int:
        """Run one statement; the number of rows it touched (-1 when the driver does not say)."""
        cur = self.driver.cursor()
        try:
            cur.execute(sql)
            return cur.rowcount
        finally:
            cur.close()

    def query(self, sql: str) -> list[tuple]:
        cur = self.driver.cursor()
        try:
            cur.execute(sql)
            return list(cur.fetchall()) if cur.description else []
        finally:
            cur.close()

    def scalar(self, sql: str):
        rows = self.query(sql)
        return rows[0][0] if rows else None

    # transactions -----------------------------------------------------------------------------------------
    def begin(self) -> None:
        self.execute(self.syntax.begin)
        self.in_transaction = True

    def commit(self) -> None:
        self.execute(self.syntax.commit)
        self.in_transaction = False

    def rollback(self) -> None:
        self.in_transaction = False
        try:
            self.execute(self.syntax.rollback)
        except Exception:  # noqa: BLE001 - the connection may be gone; nothing more to undo here
            pass


def is_driver_error(exc: BaseException) -> bool:
    """A failure reported by the database driver (as opposed to a bug of ours)."""
    module = type(exc).__module__ or ""
    return isinstance(exc, DBAPIError) or module.startswith(("psycopg", "pymysql", "sqlite3"))


def message_of(exc: BaseException) -> str:
    return driver_message(exc)


def database_error(exc: BaseException, what: str, hint: str | None = None) -> DatabaseError:
    return DatabaseError(f"{what}: {message_of(exc)}", hint=hint)
