"""Index advice for MySQL/MariaDB from EXPLAIN: which queries scan whole tables, and the candidate
indexes (same extraction and column ordering as for PostgreSQL, selectivity from index cardinality).
MySQL has no hypothetical indexes, so candidates are reported, not cost-evaluated."""

from __future__ import annotations

from dataclasses import dataclass, field

from .indexes import Candidate, _merge, candidates_for
from .pgcatalog import Catalog, ColumnStats, ExistingIndex, TableStats
from .usage import extract_usage
from .workload import Query, Skip, Workload


@dataclass
class MySQLQueryResult:
    query: Query
    full_scans: list[tuple[str, int]]  # (table, estimated rows) with access type ALL
    plan: list[dict]
    candidates: list[str] = field(default_factory=list)  # DDL of candidates for the scanned tables


@dataclass
class MySQLIndexAdvice:
    workload: Workload
    per_query: list[MySQLQueryResult] = field(default_factory=list)
    candidates: list[Candidate] = field(default_factory=list)
    skipped: list[Skip] = field(default_factory=list)
    evaluation: str = ("EXPLAIN access types (MySQL/MariaDB has no hypothetical indexes): full scans are "
                       "reported with candidate indexes; candidates are not cost-evaluated")


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


def advise_indexes_mysql(conn, workload: Workload) -> MySQLIndexAdvice:
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
                cur.execute(f"EXPLAIN {q.sql}")
                names = [d[0].lower() for d in cur.description]
                plan = [dict(zip(names, row)) for row in cur.fetchall()]
        except Exception as exc:
            advice.skipped.append(Skip(q.location, q.sql, f"EXPLAIN failed: {exc}", q.count))
            continue
        scans = [(str(r.get("table")), int(r.get("rows") or 0)) for r in plan if str(r.get("type")).upper() == "ALL"]
        cands = [c for c in candidates_for(use, q, catalog)
                 if any(c.table.lower() == t.lower() for t, _ in scans)]
        all_cands += cands
        advice.per_query.append(MySQLQueryResult(q, scans, plan, [c.ddl("mysql") for c in _merge(cands)]))
    advice.candidates = _merge(all_cands)
    return advice
