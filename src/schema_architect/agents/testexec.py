"""The test executor's tool: run the QA engineer's cases as real SQL on a real database.

The schema is created in an in-memory SQLite (and, when a URL is configured, in a throw-away
PostgreSQL schema); each case runs in a savepoint so a failed case leaves no rows behind, and the
cases run in order because later cases may rely on rows inserted by earlier ones.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field

from sqlalchemy.exc import SQLAlchemyError

from ..model import Schema
from .outputs import QACase


@dataclass
class CaseResult:
    id: str
    passed: bool
    detail: str
    statement: str | None = None
    database: str = "sqlite"


@dataclass
class ExecutionReport:
    setup_error: str | None = None
    results: list[CaseResult] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return self.setup_error is None and all(r.passed for r in self.results)

    @property
    def failures(self) -> list[CaseResult]:
        return [r for r in self.results if not r.passed]

    def summary(self) -> str:
        if self.setup_error:
            return f"the schema could not be created: {self.setup_error}"
        ok = sum(r.passed for r in self.results)
        lines = [f"{ok}/{len(self.results)} test cases passed"]
        lines += [f"- {r.id} FAILED on {r.database}: {r.detail}" + (f" [{r.statement[:160]}]" if r.statement else "")
                  for r in self.failures]
        return "\n".join(lines)

    def to_dict(self) -> dict:
        return {"passed": self.passed, "setup_error": self.setup_error,
                "results": [r.__dict__ for r in self.results]}


def run_cases_sqlite(schema: Schema, cases: list[QACase]) -> ExecutionReport:
    from ..sql.render import render_statements

    conn = sqlite3.connect(":memory:", isolation_level=None)
    conn.execute("PRAGMA foreign_keys = ON")
    report = ExecutionReport()
    try:
        for stmt in render_statements(schema, "sqlite"):
            conn.execute(stmt)
    except sqlite3.Error as exc:
        report.setup_error = str(exc)
        return report
    for case in cases:
        report.results.append(_run_case(conn, case))
    conn.close()
    return report


def _run_case(conn: sqlite3.Connection, case: QACase) -> CaseResult:
    expect_error = case.expect.strip().lower() == "error"
    conn.execute("SAVEPOINT test_case")
    rows = None
    last = len(case.sql) - 1
    for i, stmt in enumerate(case.sql):
        try:
            cur = conn.execute(stmt)
            if cur.description is not None:
                rows = cur.fetchall()
        except sqlite3.Error as exc:
            conn.execute("ROLLBACK TO test_case")
            conn.execute("RELEASE test_case")
            if expect_error and i == last:
                return CaseResult(case.id, True, f"rejected as expected: {exc}", stmt)
            return CaseResult(case.id, False, str(exc), stmt)
        except sqlite3.Warning as exc:  # more than one statement in a string
            conn.execute("ROLLBACK TO test_case")
            conn.execute("RELEASE test_case")
            return CaseResult(case.id, False, f"invalid test statement: {exc}", stmt)
    if expect_error:
        conn.execute("ROLLBACK TO test_case")
        conn.execute("RELEASE test_case")
        return CaseResult(case.id, False, "the last statement should have been rejected but succeeded", case.sql[-1])
    conn.execute("RELEASE test_case")
    if case.expect_rows is not None and rows is not None and len(rows) != case.expect_rows:
        return CaseResult(case.id, False, f"the query returned {len(rows)} rows, expected {case.expect_rows}",
                          case.sql[-1])
    return CaseResult(case.id, True, "ok")


def run_cases_postgres(schema: Schema, cases: list[QACase], url: str) -> ExecutionReport:
    """The same cases on a real PostgreSQL, inside a throw-away schema that is dropped afterwards.

    The cases are written for SQLite; sqlglot transpiles each statement to PostgreSQL.
    """
    import uuid

    import sqlglot
    from sqlalchemy import text

    from ..sql.connect import connection_error, open_engine
    from ..sql.render import render_statements

    namespace = f"sa_qa_{uuid.uuid4().hex[:10]}"
    report = ExecutionReport()
    engine = open_engine(url)
    try:
        conn = engine.connect()
    except SQLAlchemyError as exc:  # unreachable server: one line, as every database error
        raise connection_error(exc, url) from None
    try:
        conn.execute(text(f'CREATE SCHEMA "{namespace}"'))
        conn.execute(text(f'SET search_path TO "{namespace}"'))
        conn.commit()
        try:
            with conn.begin():
                for stmt in render_statements(schema, "postgresql"):
                    conn.exec_driver_sql(stmt)
        except SQLAlchemyError as exc:
            report.setup_error = _first_line(exc)
            return report
        for case in cases:
            report.results.append(_run_case_pg(conn, case, sqlglot))
        return report
    finally:
        conn.rollback()
        conn.execute(text(f'DROP SCHEMA IF EXISTS "{namespace}" CASCADE'))
        conn.commit()
        conn.close()
        engine.dispose()


def _run_case_pg(conn, case: QACase, sqlglot) -> CaseResult:
    expect_error = case.expect.strip().lower() == "error"
    rows = None
    last = len(case.sql) - 1
    tx = conn.begin()
    for i, stmt in enumerate(case.sql):
        try:
            pg_sql = sqlglot.transpile(stmt, read="sqlite", write="postgres")[0]
        except sqlglot.errors.ParseError as exc:
            tx.rollback()
            return CaseResult(case.id, False, f"invalid test statement: {_first_line(exc)}", stmt, "postgresql")
        try:
            result = conn.exec_driver_sql(pg_sql.replace("%", "%%"))
            if result.returns_rows:
                rows = result.fetchall()
        except SQLAlchemyError as exc:
            tx.rollback()
            if expect_error and i == last:
                return CaseResult(case.id, True, f"rejected as expected: {_first_line(exc)}", stmt, "postgresql")
            return CaseResult(case.id, False, _first_line(exc), stmt, "postgresql")
    if expect_error:
        tx.rollback()
        return CaseResult(case.id, False, "the last statement should have been rejected but succeeded",
                          case.sql[-1], "postgresql")
    tx.commit()
    if case.expect_rows is not None and rows is not None and len(rows) != case.expect_rows:
        return CaseResult(case.id, False, f"the query returned {len(rows)} rows, expected {case.expect_rows}",
                          case.sql[-1], "postgresql")
    return CaseResult(case.id, True, "ok", database="postgresql")


def _first_line(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None) or exc
    return (str(orig).strip().splitlines() or [type(orig).__name__])[0][:300]


def run_cases(schema: Schema, cases: list[QACase], *, postgres_url: str | None = None) -> ExecutionReport:
    """SQLite always; PostgreSQL too when a URL is configured (results of both, in one report)."""
    report = run_cases_sqlite(schema, cases)
    if postgres_url and report.setup_error is None:
        pg = run_cases_postgres(schema, cases, postgres_url)
        if pg.setup_error:
            report.setup_error = f"on PostgreSQL: {pg.setup_error}"
        report.results.extend(pg.results)
    return report
