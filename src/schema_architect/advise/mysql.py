"""Index advice for MySQL/MariaDB from EXPLAIN: which queries scan whole tables, and the candidate
indexes (same extraction and column ordering as for PostgreSQL, selectivity from index cardinality).

MySQL and MariaDB have no hypothetical indexes, so a candidate cannot be costed in place. With
``verify`` each candidate is built for real on a copy: the tables a query reads are copied (structure
with ``CREATE TABLE ... LIKE``, rows up to a limit) into a scratch database on the same server, the
query is explained and timed there before and after building the candidates, and the scratch database
is dropped. The user's tables are only read."""

from __future__ import annotations

import secrets
import time
from dataclasses import dataclass, field

from sqlglot import exp

from .indexes import Candidate, _merge, candidates_for
from .pgcatalog import Catalog, ColumnStats, ExistingIndex, TableStats
from .usage import extract_usage
from .workload import Query, Skip, Workload


@dataclass
class Verification:
    """One query on the scratch copy, before and after its candidate indexes were built."""

    access_before: str = ""  # EXPLAIN access types per table, e.g. "customer: ALL"
    access_after: str = ""
    rows_before: int = 0  # rows EXPLAIN expects to examine, summed over the plan
    rows_after: int = 0
    indexes_used: list[str] = field(default_factory=list)  # candidate indexes the plan after uses
    ms_before: float | None = None  # best of ``repeats`` runs, SELECTs only
    ms_after: float | None = None
    note: str = ""


@dataclass
class MySQLQueryResult:
    query: Query
    full_scans: list[tuple[str, int]]  # (table, estimated rows) read whole (access type ALL or index)
    plan: list[dict]
    candidates: list[str] = field(default_factory=list)  # DDL of candidates for the scanned tables
    tables: list[str] = field(default_factory=list)  # every table the query reads, as the database spells it
    verification: Verification | None = None  # with verify: the query on a copy, before and after


@dataclass
class MySQLIndexAdvice:
    workload: Workload
    per_query: list[MySQLQueryResult] = field(default_factory=list)
    candidates: list[Candidate] = field(default_factory=list)
    skipped: list[Skip] = field(default_factory=list)
    evaluation: str = ("EXPLAIN access types (MySQL/MariaDB has no hypothetical indexes): full scans are "
                       "reported with candidate indexes; candidates are not cost-evaluated")
    verified: bool = False
    copies: dict[str, tuple[int, int]] = field(default_factory=dict)  # table -> (rows copied, rows in table)


EVALUATION_ON_COPY = ("EXPLAIN and timing on copies of the tables in a scratch database (MySQL/MariaDB has no "
                      "hypothetical indexes): each query before and after building its candidate indexes there; "
                      "the scratch database was dropped and the database's own tables were only read")


def read_mysql_catalog(conn) -> Catalog:
    tables: dict[str, TableStats] = {}
    with conn.cursor() as cur:
        cur.execute("SELECT TABLE_NAME, COALESCE(TABLE_ROWS, 0), COALESCE(DATA_LENGTH + INDEX_LENGTH, 0) "
                    "FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'BASE TABLE'")
        for name, rows, size in cur.fetchall():
            tables[name.lower()] = TableStats(name, "", float(rows), int(size))
        cur.execute("SELECT TABLE_NAME, COLUMN_NAME, COLUMN_TYPE FROM information_schema.COLUMNS "
                    "WHERE TABLE_SCHEMA = DATABASE() ORDER BY TABLE_NAME, ORDINAL_POSITION")
        for t, c, typ in cur.fetchall():
            if t.lower() in tables:
                tables[t.lower()].columns[c.lower()] = ColumnStats(c, typ)
        cur.execute("SELECT TABLE_NAME, INDEX_NAME, NON_UNIQUE, COLUMN_NAME, CARDINALITY FROM "
                    "information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() "
                    "ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX")
        found: dict[tuple[str, str], ExistingIndex] = {}
        for t, ix, non_unique, col, card in cur.fetchall():
            ts = tables.get(t.lower())
            if ts is None:
                continue
            key = (t.lower(), ix)
            if key not in found:
                found[key] = ExistingIndex(ix, "", ts.name, [], not non_unique, ix == "PRIMARY", 0, 0, "", None)
                ts.indexes.append(found[key])
            found[key].columns.append((col or "").lower())
            cs = ts.col(col or "")
            if cs is not None and len(found[key].columns) == 1 and card:
                cs.n_distinct = float(card)
    return Catalog(tables, hypopg="missing", stats_reset=None)


# EXPLAIN access types that read every row: a table scan, or a walk of a whole index (what MariaDB
# shows for an UPDATE ... WHERE on an unindexed column)
FULL_SCANS = frozenset({"ALL", "INDEX"})
DEFAULT_COPY_ROWS = 1_000_000  # rows copied per table for verification; larger tables are sampled (and said so)


def advise_indexes_mysql(conn, workload: Workload, *, verify: bool = False,
                         row_limit: int = DEFAULT_COPY_ROWS) -> MySQLIndexAdvice:
    catalog = read_mysql_catalog(conn)
    columns = catalog.columns_by_table()
    advice = MySQLIndexAdvice(workload, skipped=list(workload.skipped))
    all_cands: list[Candidate] = []
    for q in workload.queries:
        use = extract_usage(q.tree, columns)
        if use.unknown_tables:
            advice.skipped.append(Skip(q.location, q.sql, f"table(s) {', '.join(use.unknown_tables)} do not exist "
                                                          "in the database", q.count))
            continue
        try:
            with conn.cursor() as cur:
                plan = _explain(cur, q.sql)
        except Exception as exc:
            advice.skipped.append(Skip(q.location, q.sql, f"EXPLAIN failed: {exc}", q.count))
            continue
        named = list(q.tree.find_all(exp.Table))
        # EXPLAIN names a table by its alias in the query ("o" for "orders o")
        real = {t.alias_or_name.lower(): t.name for t in named}
        scans = [(real.get(str(r.get("table")).lower(), str(r.get("table"))), int(r.get("rows") or 0))
                 for r in plan if str(r.get("type")).upper() in FULL_SCANS]
        # text_pattern_ops is PostgreSQL's; a MySQL b-tree serves LIKE 'prefix%' as it is
        cands = [c for c in candidates_for(use, q, catalog)
                 if not c.pattern_ops and any(c.table.lower() == t.lower() for t, _ in scans)]
        all_cands += cands
        tables = [catalog.tables[t].name for t in dict.fromkeys(t.name.lower() for t in named) if t in catalog.tables]
        advice.per_query.append(MySQLQueryResult(q, scans, plan, [c.ddl("mysql") for c in _merge(cands)], tables))
    advice.candidates = _merge(all_cands)
    if verify and advice.candidates:
        verify_on_copy(conn, advice, row_limit=row_limit)
    return advice


def verify_on_copy(conn, advice: MySQLIndexAdvice, *, row_limit: int = DEFAULT_COPY_ROWS, repeats: int = 2) -> None:
    """Explain and time each query that has candidates on copies of its tables, before and after
    building the candidates there; the scratch database is always dropped."""
    from ..errors import InputError
    from ..sql.render import quote_identifier

    targets = [r for r in advice.per_query if r.candidates]
    for r in targets:
        if any(t.args.get("db") or t.args.get("catalog") for t in r.query.tree.find_all(exp.Table)):
            r.verification = Verification(note="not verified: the query names a database, so it would not read "
                                               "the copy")
    targets = [r for r in targets if r.verification is None]
    wanted = sorted({t for r in targets for t in r.tables})
    if not wanted:
        return

    def q(name: str) -> str:
        return quote_identifier(name, "mysql")

    scratch = f"sa_verify_{secrets.token_hex(4)}"
    with conn.cursor() as cur:
        cur.execute("SELECT DATABASE()")
        home = cur.fetchone()[0]
        try:
            cur.execute(f"CREATE DATABASE {q(scratch)}")
        except Exception as exc:
            raise InputError(f"--verify could not create a scratch database on the server: {exc}",
                             hint="verification builds the candidate indexes on copies of the tables in a "
                                  "scratch database; grant CREATE and DROP on sa_verify_% to this user, or run "
                                  "without --verify") from exc
        try:
            for table in wanted:
                cur.execute(f"SELECT COUNT(*) FROM {q(home)}.{q(table)}")
                total = int(cur.fetchone()[0])
                cur.execute(f"CREATE TABLE {q(scratch)}.{q(table)} LIKE {q(home)}.{q(table)}")
                cur.execute(f"INSERT INTO {q(scratch)}.{q(table)} SELECT * FROM {q(home)}.{q(table)} "
                            f"LIMIT {int(row_limit)}")
                cur.execute(f"ANALYZE TABLE {q(scratch)}.{q(table)}")
                cur.fetchall()
                advice.copies[table] = (min(total, row_limit), total)
            cur.execute(f"USE {q(scratch)}")
            for r in targets:
                access, rows, _keys, ms, note = _measure(cur, r, repeats)
                r.verification = Verification(access_before=access, rows_before=rows, ms_before=ms, note=note)
            built = set()
            for cand in advice.candidates:
                if cand.table in advice.copies and cand.name not in built:
                    cur.execute(cand.ddl("mysql").rstrip(";"))
                    built.add(cand.name)
            for table in advice.copies:
                cur.execute(f"ANALYZE TABLE {q(table)}")
                cur.fetchall()
            for r in targets:
                v = r.verification
                v.access_after, v.rows_after, keys, v.ms_after, note = _measure(cur, r, repeats)
                v.indexes_used = [name for name in built if name in keys]
                v.note = v.note or note
        finally:
            if home:
                cur.execute(f"USE {q(home)}")
            cur.execute(f"DROP DATABASE IF EXISTS {q(scratch)}")
    sampled = [f"{t} ({copied:,} of {total:,} rows)" for t, (copied, total) in advice.copies.items() if copied < total]
    advice.evaluation = EVALUATION_ON_COPY + (f"; sampled copies: {', '.join(sampled)}" if sampled else "")
    advice.verified = True


def _explain(cur, sql: str) -> list[dict]:
    """EXPLAIN's rows as dicts keyed by lower-case column name."""
    cur.execute(f"EXPLAIN {sql}")
    names = [d[0].lower() for d in cur.description]
    return [dict(zip(names, row)) for row in cur.fetchall()]


def _measure(cur, r: MySQLQueryResult, repeats: int) -> tuple[str, int, list[str], float | None, str]:
    """The query's plan on the copy: access types, rows EXPLAIN expects to examine, the indexes it
    uses, the best of ``repeats`` timed runs (SELECTs only) and a note on why it was not timed."""
    plan = _explain(cur, r.query.sql)
    access = ", ".join(f"{p.get('table')}: {p.get('type')}" for p in plan)
    rows = sum(int(p.get("rows") or 0) for p in plan)
    keys = [str(p.get("key")) for p in plan if p.get("key")]
    if r.query.kind != "select":
        return access, rows, keys, None, ("timed only for SELECT statements (running a change would alter the "
                                          "copy between runs)")
    if r.query.has_parameters:
        return access, rows, keys, None, "not timed: the statement has parameters and no values"
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        cur.execute(r.query.sql)
        cur.fetchall()
        times.append((time.perf_counter() - started) * 1000)
    return access, rows, keys, min(times), ""
