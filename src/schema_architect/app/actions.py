"""The assistant's tools on a user's database, shared by the REST routes and the chat.

* ``read_only_query``: :func:`safety.run_read_only` (one checked read, READ ONLY transaction, timeout,
  row limit), audited.
* ``propose_change``: parses the SQL, marks destructive statements and issues a confirmation token
  bound to (user, connection, exact SQL). Nothing runs.
* ``execute_change``: redeems the token (once, unexpired, same user/connection/SQL), then runs the
  statements with :func:`sql.apply.apply_sql` in one transaction rolled back on any error (MariaDB
  commits DDL statement by statement; the result says so). Every statement is audited.
"""

from __future__ import annotations

import re

from sqlalchemy.exc import IntegrityError

from ..errors import SchemaArchitectError
from .errors import ApiError
from .models import UsedConfirmation
from .safety import ConfirmationError, run_read_only

DESTRUCTIVE = re.compile(r"^\s*(DROP|DELETE|TRUNCATE)\b|^\s*ALTER\b.*\bDROP\b|^\s*UPDATE\b", re.IGNORECASE | re.DOTALL)
QUERY_TIMEOUT_S = 5.0


class UsedNonces:
    """The ``used`` set of :class:`safety.ConfirmationTokens`, kept in the app database.

    ``add`` inserts under a primary key, so two server processes redeeming the same token race on
    the database and exactly one wins; the loser gets a ConfirmationError.
    """

    def __init__(self, sessions):
        self.sessions = sessions

    def __contains__(self, nonce: str) -> bool:
        with self.sessions() as db:
            return db.get(UsedConfirmation, nonce) is not None

    def add(self, nonce: str) -> None:
        try:
            with self.sessions.begin() as db:
                db.add(UsedConfirmation(nonce=nonce))
        except IntegrityError:
            raise ConfirmationError("the confirmation token has already been used") from None


def split_statements(sql: str, dialect: str) -> list[str]:
    from ..sql.apply import split_sql

    return split_sql(sql, dialect)


def statement_views(statements: list[str]) -> list[dict]:
    return [{"sql": s, "destructive": bool(DESTRUCTIVE.search(_without_comments(s)))} for s in statements]


def _without_comments(sql: str) -> str:
    return re.sub(r"--[^\n]*", "", re.sub(r"/\*.*?\*/", "", sql, flags=re.DOTALL)).strip()


def read_only_query(app, user, connection_id: int, sql: str, *, row_limit: int = 200) -> dict:
    from .resources import audit, connection_url

    request = _AppRequest(app)
    url, _dialect = connection_url(request, user, connection_id)
    try:
        result = run_read_only(url, sql, timeout_s=QUERY_TIMEOUT_S, row_limit=row_limit)
    except SchemaArchitectError as exc:
        audit(request, user, connection_id, "read", sql, f"refused or failed: {exc.message}")
        raise
    audit(request, user, connection_id, "read", sql, f"ok: {len(result.rows)} row(s)")
    return {"columns": result.columns, "rows": [[_jsonable(v) for v in r] for r in result.rows],
            "truncated": result.truncated}


def propose_change(app, user, connection_id: int, sql: str) -> dict:
    from .resources import connection_url

    _url, dialect = connection_url(_AppRequest(app), user, connection_id)
    statements = split_statements(sql, dialect)
    if not statements:
        raise ApiError(422, "validation_error", "sql: no statement to run")
    token = app.state.confirmations.issue(str(user.id), str(connection_id), sql)
    views = statement_views(statements)
    return {"connection_id": connection_id, "dialect": dialect, "sql": sql, "statements": views,
            "destructive": any(v["destructive"] for v in views), "confirmation_token": token,
            "expires_in_s": app.state.confirmations.ttl_seconds,
            "note": _how_it_runs(sql, dialect)}


def _how_it_runs(sql: str, dialect: str) -> str:
    if dialect != "mysql":
        return "Runs in one transaction, rolled back on any error."
    if _whole_schema(sql, dialect) is not None:
        return "MySQL/MariaDB commits DDL at once, so on a failure the tables already created are dropped again."
    return ("MySQL/MariaDB commits each DDL statement on its own: a failure part-way cannot undo the DDL before it "
            "(data changes are rolled back).")


def _whole_schema(sql: str, dialect: str):
    """The schema whose DDL is exactly ``sql`` (CREATE statements only), else None.

    MySQL/MariaDB commit every DDL statement, so a plain transaction cannot undo a half-created schema;
    :func:`sql.apply.apply_schema` can (it drops what it created on failure). It is used only when
    rendering the parsed schema gives back the very text the user approved, so what runs is what was shown.
    """
    from ..sql.dialects import get_dialect
    from ..sql.parse import parse_ddl
    from ..sql.render import render_ddl

    if get_dialect(dialect).transactional_ddl:
        return None
    try:
        schema = parse_ddl(sql, dialect)
    except SchemaArchitectError:
        return None
    if schema.tables and render_ddl(schema, dialect).strip() == sql.strip():
        return schema
    return None


def execute_change(app, user, connection_id: int, sql: str, token: str) -> dict:
    from ..sql.apply import apply_sql
    from .resources import audit, connection_url

    request = _AppRequest(app)
    url, dialect = connection_url(request, user, connection_id)
    try:
        app.state.confirmations.redeem(token, str(user.id), str(connection_id), sql)
    except ConfirmationError as exc:
        audit(request, user, connection_id, "change", sql, f"refused: {exc.message}")
        raise
    from ..sql.apply import apply_schema

    statements = split_statements(sql, dialect)
    whole_schema = _whole_schema(sql, dialect)
    try:
        result = apply_schema(url, whole_schema) if whole_schema is not None else apply_sql(url, statements,
                                                                                             dialect=dialect)
    except SchemaArchitectError as exc:
        for s in statements:
            audit(request, user, connection_id, "change", s, f"rolled back: {exc.message}")
        raise
    for s in statements:
        audit(request, user, connection_id, "change", s, "executed")
    return {"executed": len(statements), "rows": result.rows, "dialect": dialect}


def _jsonable(value):
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, bytes):
        return value.hex()
    return str(value)


class _AppRequest:
    """The bits of a Request the resource helpers use, for calls made outside a route (the chat)."""

    def __init__(self, app):
        self.app = app
