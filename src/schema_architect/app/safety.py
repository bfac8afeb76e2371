"""The server's safety layer for users' databases: read-only queries and confirmed changes.

Safety is enforced here, in code, never by a prompt:

* :func:`check_read_only` accepts exactly one statement that sqlglot parses as a pure read: no
  data-modifying CTE, no SELECT INTO, no locking clause, no side-effecting function, nothing sqlglot
  cannot classify. :func:`run_read_only` then runs it in a READ ONLY transaction with a statement
  timeout and a row limit (defence in depth: a read the checker missed still cannot write).
* :class:`ConfirmationTokens` issues a token bound to one user, one connection and one exact SQL
  text, signed with HMAC, valid for a short time and redeemable once. A change runs only with a
  token the user approved.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import hmac
import json
import os
import secrets
import threading
import time
from dataclasses import dataclass, field

import sqlglot
from sqlglot import exp

from ..errors import InputError

# Functions that change state, wait, or reach outside the database. A READ ONLY transaction blocks
# most writes anyway; these are refused before they get there (sleep and file/network access are
# not writes, and a read-only transaction does not stop them).
SIDE_EFFECT_FUNCTIONS = frozenset({
    # PostgreSQL
    "pg_sleep", "pg_sleep_for", "pg_sleep_until", "pg_terminate_backend", "pg_cancel_backend", "set_config",
    "pg_reload_conf", "pg_rotate_logfile", "pg_read_file", "pg_read_binary_file", "pg_ls_dir", "pg_stat_file",
    "lo_import", "lo_export", "lo_unlink", "lo_create", "lo_creat", "lo_put", "lo_from_bytea", "dblink", "dblink_exec",
    "dblink_connect", "nextval", "setval", "pg_advisory_lock", "pg_advisory_xact_lock", "pg_try_advisory_lock",
    "pg_notify", "pg_switch_wal", "pg_create_restore_point", "pg_logical_emit_message", "txid_current",
    "pg_export_snapshot", "query_to_xml", "query_to_xml_and_xmlschema", "cursor_to_xml", "table_to_xml",
    "database_to_xml", "pg_create_logical_replication_slot", "pg_drop_replication_slot",
    # MySQL / MariaDB
    "sleep", "benchmark", "get_lock", "release_lock", "release_all_locks", "load_file", "sys_exec", "sys_eval",
    "master_pos_wait", "source_pos_wait", "uuid_short", "last_insert_id",
    # SQLite
    "load_extension", "writefile", "readfile", "edit", "fts3_tokenizer", "zipfile",
})

# Statement kinds and clauses that are not reads, wherever they appear in the tree.
_WRITE_NODES: tuple[type[exp.Expression], ...] = tuple(
    getattr(exp, name) for name in (
        "Insert", "Update", "Delete", "Merge", "Create", "Drop", "Alter", "AlterTable", "TruncateTable", "Command",
        "Copy", "Set", "Pragma", "Into", "Lock", "Transaction", "Commit", "Rollback", "Grant", "Revoke", "Use",
        "Attach", "Detach", "Analyze", "Cache", "Uncache", "LoadData", "Refresh", "Kill", "Summarize",
    ) if hasattr(exp, name)
)
_READ_ROOTS: tuple[type[exp.Expression], ...] = (exp.Select, exp.Union, exp.Intersect, exp.Except, exp.Subquery,
                                                 exp.Values)

SQLGLOT_DIALECT = {"postgresql": "postgres", "mysql": "mysql", "sqlite": "sqlite"}


class UnsafeQueryError(InputError):
    """The statement is not a single pure read; nothing was run."""

    code = "read_only_violation"


class ConfirmationError(InputError):
    """A change was attempted without a valid, unused confirmation for exactly that SQL."""

    code = "confirmation_invalid"


def check_read_only(sql: str, dialect: str) -> str:
    """The single read statement in ``sql``, normalized; :class:`UnsafeQueryError` otherwise."""
    if not isinstance(sql, str) or not sql.strip():
        raise UnsafeQueryError("empty query", hint="send one SELECT statement")
    if "\x00" in sql:
        raise UnsafeQueryError("the query contains a NUL byte")
    read = SQLGLOT_DIALECT.get(dialect, dialect)
    try:
        statements = [s for s in sqlglot.parse(sql, read=read) if s is not None]
    except (sqlglot.errors.ParseError, sqlglot.errors.TokenError, TypeError, ValueError, RecursionError) as exc:
        # sqlglot's compiled parser raises TypeError on some malformed input ('0?'): still not a read
        raise UnsafeQueryError(f"the query does not parse as {dialect} SQL: {str(exc).splitlines()[0][:200]}",
                               hint="send one SELECT statement") from None
    if len(statements) != 1:
        raise UnsafeQueryError(f"exactly one statement is allowed, found {len(statements)}",
                               hint="run statements one at a time; changes go through the change tool")
    tree = statements[0]
    if not isinstance(tree, _READ_ROOTS):
        raise UnsafeQueryError(f"only reads are allowed here, not {tree.key.upper()}",
                               hint="changes are proposed and run only after you confirm them")
    for node in tree.walk():
        if isinstance(node, _WRITE_NODES):
            raise UnsafeQueryError(f"the query contains a {node.key.upper()} clause, which is not a read",
                                   hint="data-modifying CTEs, SELECT INTO and locking clauses are refused")
        if isinstance(node, exp.Func):
            name = (node.name if isinstance(node, exp.Anonymous) else node.sql_name()).lower()
            if name in SIDE_EFFECT_FUNCTIONS:
                raise UnsafeQueryError(f"function {name}() has side effects and is refused")
        if isinstance(node, exp.Select) and node.args.get("locks"):
            raise UnsafeQueryError("locking clauses (FOR UPDATE/SHARE) are refused in read-only queries")
        if isinstance(node, exp.Table) and node.name.lower() in ("pg_largeobject",):
            raise UnsafeQueryError(f"reading {node.name} is refused")
    return tree.sql(dialect=read)


@dataclass
class QueryResult:
    columns: list[str]
    rows: list[list]
    truncated: bool


def run_read_only(url: str, sql: str, *, timeout_s: float = 5.0, row_limit: int = 500) -> QueryResult:
    """Check ``sql`` and run it read-only with a statement timeout and a row limit."""
    from ..sql.connect import connection_error, open_engine
    from ..sql.urls import dialect_of_url

    dialect = dialect_of_url(url)
    statement = check_read_only(sql, dialect)
    engine = open_engine(_read_only_url(url) if dialect == "sqlite" else url)
    from sqlalchemy.exc import SQLAlchemyError

    try:
        conn = engine.connect()
    except SQLAlchemyError as exc:
        engine.dispose()
        raise connection_error(exc, url) from None
    try:
        raw = conn.connection.dbapi_connection
        # SQLAlchemy has already begun the transaction: make it read-only before anything runs in it.
        if dialect == "postgresql":
            conn.exec_driver_sql("SET TRANSACTION READ ONLY")
            conn.exec_driver_sql(f"SET LOCAL statement_timeout = {int(timeout_s * 1000)}")
        elif dialect == "mysql":
            conn.exec_driver_sql(f"SET SESSION max_statement_time = {float(timeout_s)}")
            conn.exec_driver_sql("START TRANSACTION READ ONLY")
        elif dialect == "sqlite":
            conn.exec_driver_sql("PRAGMA query_only = ON")
            deadline = time.monotonic() + timeout_s
            raw.set_progress_handler(lambda: 1 if time.monotonic() > deadline else 0, 10_000)
        result = conn.exec_driver_sql(statement.replace("%", "%%") if dialect != "sqlite" else statement)
        columns = list(result.keys()) if result.returns_rows else []
        fetched = result.fetchmany(row_limit + 1) if result.returns_rows else []
        rows = [list(r) for r in fetched[:row_limit]]
        return QueryResult(columns=columns, rows=rows, truncated=len(fetched) > row_limit)
    except SQLAlchemyError as exc:
        from ..errors import DatabaseError

        orig = getattr(exc, "orig", None) or exc
        raise DatabaseError(f"the query failed: {str(orig).strip().splitlines()[0][:300]}") from None
    finally:
        with contextlib.suppress(SQLAlchemyError):  # a broken connection: closing is what matters
            conn.rollback()
        conn.close()
        engine.dispose()


def _read_only_url(url: str) -> str:
    """An SQLite URL opened by the driver in read-only mode (a second line of defence)."""
    from ..sql.urls import parse_url

    u = parse_url(url)
    path = u.database or ""
    if not path or path == ":memory:":
        raise InputError("an in-memory SQLite database cannot be queried from another connection")
    return f"sqlite:///file:{os.path.abspath(path)}?mode=ro&uri=true"


# -- confirmation tokens ---------------------------------------------------------------------------
def sql_fingerprint(sql: str) -> str:
    return hashlib.sha256(sql.encode("utf-8")).hexdigest()


@dataclass
class ConfirmationTokens:
    """Single-use, expiring approvals bound to (user, connection, exact SQL), signed with HMAC.

    ``used`` holds the nonces already redeemed; a server with several processes passes a shared,
    persistent set (the app database) instead of the in-memory default.
    """

    secret: bytes
    ttl_seconds: float = 300.0
    used: set = field(default_factory=set)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def issue(self, user_id: str, connection_id: str, sql: str, *, now: float | None = None) -> str:
        claims = {"u": str(user_id), "c": str(connection_id), "h": sql_fingerprint(sql),
                  "x": (now or time.time()) + self.ttl_seconds, "n": secrets.token_hex(16)}
        body = base64.urlsafe_b64encode(json.dumps(claims, separators=(",", ":")).encode()).decode().rstrip("=")
        return f"{body}.{self._sign(body)}"

    def redeem(self, token: str, user_id: str, connection_id: str, sql: str, *, now: float | None = None) -> None:
        """Check ``token`` for exactly this use and consume it; :class:`ConfirmationError` otherwise."""
        try:
            body, signature = token.rsplit(".", 1)
            claims = json.loads(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))
        except (ValueError, AttributeError, json.JSONDecodeError):
            raise ConfirmationError("the confirmation token is malformed") from None
        if not hmac.compare_digest(signature, self._sign(body)):
            raise ConfirmationError("the confirmation token was not issued by this server")
        if claims.get("u") != str(user_id) or claims.get("c") != str(connection_id):
            raise ConfirmationError("the confirmation token belongs to another user or connection")
        if not hmac.compare_digest(claims.get("h", ""), sql_fingerprint(sql)):
            raise ConfirmationError("the confirmation token was issued for different SQL",
                                    hint="ask again: every change needs its own confirmation")
        if (now or time.time()) > float(claims.get("x", 0)):
            raise ConfirmationError("the confirmation token has expired", hint="ask for the change again")
        with self._lock:
            if claims["n"] in self.used:
                raise ConfirmationError("the confirmation token has already been used")
            self.used.add(claims["n"])

    def _sign(self, body: str) -> str:
        return hmac.new(self.secret, body.encode(), hashlib.sha256).hexdigest()
