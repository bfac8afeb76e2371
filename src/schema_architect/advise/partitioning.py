"""The partitioning advisor: big tables (default 10 million rows, from pg_class.reltuples) get RANGE
partitioning on a time column the workload filters by ranges, LIST on a low-cardinality column the
workload filters by equality, or HASH on the key; with the DDL and the reasons."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from .pgcatalog import Catalog, TableStats
from .usage import QueryUse
from .workload import Query

DEFAULT_MIN_ROWS = 10_000_000
MAX_LIST_VALUES = 64


@dataclass
class PartitionProposal:
    table: str
    rows: float
    strategy: str  # RANGE | LIST | HASH
    column: str
    ddl: list[str]
    reasons: list[str]
    queries: list[str] = field(default_factory=list)  # queries that filter on the partition key
    workload_share: float = 0.0  # their share of the workload's executions


def advise_partitioning(conn, catalog: Catalog, uses: dict[str, QueryUse], queries: dict[str, Query], *,
                        min_rows: float = DEFAULT_MIN_ROWS) -> list[PartitionProposal]:
    total = sum(q.count for q in queries.values()) or 1
    out = []
    for key, ts in catalog.tables.items():
        if ts.rows < min_rows or ts.partitioned:
            continue
        proposal = _propose(conn, ts, _filter_usage(key, uses, queries), min_rows)
        proposal.workload_share = _weight(proposal.queries, queries) / total
        out.append(proposal)
    return out


def _filter_usage(table: str, uses, queries) -> dict[str, dict[str, list[str]]]:
    """column -> {"range": [query ids], "eq": [query ids]} for one table."""
    found: dict[str, dict[str, list[str]]] = {}
    for qid, use in uses.items():
        u = use.tables.get(table)
        if u is None:
            continue
        for role in ("range", "eq"):
            for c in getattr(u, role):
                found.setdefault(c, {"range": [], "eq": []})[role].append(qid)
    return found


def _weight(qids: list[str], queries) -> int:
    return sum(queries[q].count for q in set(qids))


def _propose(conn, ts: TableStats, usage, min_rows: float) -> PartitionProposal:
    from ..sql.render import quote_identifier

    def q(name: str) -> str:
        return quote_identifier(name, "postgresql")

    big = f"{ts.name} has about {ts.rows:,.0f} rows (pg_class.reltuples), above the {min_rows:,.0f}-row threshold"
    new = f"{ts.name}_partitioned"
    pk = _primary_key(conn, ts)
    # RANGE on the time column the workload filters by ranges most often.
    time_cols = [(c, u["range"]) for c, u in usage.items() if u["range"] and ts.col(c) and ts.col(c).is_temporal]
    if time_cols:
        col, qids = max(time_cols, key=lambda cu: len(cu[1]))
        lo, hi = _bounds(conn, ts, col)
        bounds = _monthly(lo, hi)
        ddl = [f"CREATE TABLE {q(new)} (LIKE {q(ts.name)} INCLUDING DEFAULTS INCLUDING CONSTRAINTS) "
               f"PARTITION BY RANGE ({q(col)});"]
        for a, b in bounds:
            ddl.append(f"CREATE TABLE {q(f'{ts.name}_p{a:%Y_%m}')} PARTITION OF {q(new)} "
                       f"FOR VALUES FROM ('{a.isoformat()}') TO ('{b.isoformat()}');")
        ddl.append(f"CREATE TABLE {q(ts.name + '_default')} PARTITION OF {q(new)} DEFAULT;")
        ddl += _key_and_copy(ts, new, pk, col, q)
        reasons = [big, f"{len(qids)} workload quer{'y' if len(qids) == 1 else 'ies'} ({', '.join(sorted(qids))}) "
                   f"filter {col} by range, so the planner can skip every partition outside the range "
                   "(partition pruning), and old months can be detached or dropped instead of DELETEd",
                   f"{len(bounds)} monthly partitions cover {lo} .. {hi} (pg_stats histogram bounds), plus a "
                   "DEFAULT partition for anything outside"]
        return PartitionProposal(ts.name, ts.rows, "RANGE", col, ddl, reasons, sorted(qids))
    # LIST on a low-cardinality column filtered by equality.
    low = [(c, u["eq"]) for c, u in usage.items() if u["eq"] and ts.col(c)
           and 1 < ts.col(c).distinct(ts.rows) <= MAX_LIST_VALUES]
    if low:
        col, qids = max(low, key=lambda cu: len(cu[1]))
        values = _common_values(conn, ts, col)
        ddl = [f"CREATE TABLE {q(new)} (LIKE {q(ts.name)} INCLUDING DEFAULTS INCLUDING CONSTRAINTS) "
               f"PARTITION BY LIST ({q(col)});"]
        for i, v in enumerate(values, 1):
            literal = "'" + str(v).replace("'", "''") + "'"
            ddl.append(f"CREATE TABLE {q(f'{ts.name}_{col}_{i}')} PARTITION OF {q(new)} FOR VALUES IN ({literal});")
        ddl.append(f"CREATE TABLE {q(ts.name + '_default')} PARTITION OF {q(new)} DEFAULT;")
        ddl += _key_and_copy(ts, new, pk, col, q)
        reasons = [big, f"{col} has about {ts.col(col).distinct(ts.rows):.0f} distinct values and the workload "
                   f"filters it by equality ({', '.join(sorted(qids))}): one partition per value lets those "
                   "queries read one partition", "no time column is filtered by range, so RANGE would not prune"]
        return PartitionProposal(ts.name, ts.rows, "LIST", col, ddl, reasons, sorted(qids))
    # HASH on the key: spreads maintenance (VACUUM, index builds) without needing a filter column.
    col = pk[0] if pk else next(iter(ts.columns.values())).name
    modulus = 16 if ts.rows > 100_000_000 else 8
    ddl = [f"CREATE TABLE {q(new)} (LIKE {q(ts.name)} INCLUDING DEFAULTS INCLUDING CONSTRAINTS) "
           f"PARTITION BY HASH ({q(col)});"]
    ddl += [f"CREATE TABLE {q(f'{ts.name}_h{i}')} PARTITION OF {q(new)} FOR VALUES WITH (MODULUS {modulus}, "
            f"REMAINDER {i});" for i in range(modulus)]
    ddl += _key_and_copy(ts, new, pk, col, q)
    reasons = [big, "the workload filters it neither by a time range nor by a low-cardinality column, so no "
               "partitioning would prune reads", f"HASH on {col} into {modulus} partitions keeps each partition's "
               "VACUUM and index maintenance small; lookups by key still touch one partition"]
    return PartitionProposal(ts.name, ts.rows, "HASH", col, ddl, reasons, [])


def _key_and_copy(ts: TableStats, new: str, pk: list[str], col: str, q) -> list[str]:
    key = pk + ([col] if col not in pk else [])
    out = []
    if pk:
        # A partitioned table's unique keys must include the partition column.
        out.append(f"ALTER TABLE {q(new)} ADD PRIMARY KEY ({', '.join(q(c) for c in key)});")
    out += [f"INSERT INTO {q(new)} SELECT * FROM {q(ts.name)};",
            f"ALTER TABLE {q(ts.name)} RENAME TO {q(ts.name + '_old')};",
            f"ALTER TABLE {q(new)} RENAME TO {q(ts.name)};"]
    return out


def _primary_key(conn, ts: TableStats) -> list[str]:
    for ix in ts.indexes:
        if ix.primary:
            return [ts.col(c).name for c in ix.columns if ts.col(c)]
    return []


def _bounds(conn, ts: TableStats, col: str) -> tuple[date, date]:
    row = conn.execute(
        "SELECT (histogram_bounds::text::text[])[1], "
        "(histogram_bounds::text::text[])[array_length(histogram_bounds::text::text[], 1)] "
        "FROM pg_stats WHERE schemaname = %s AND tablename = %s AND attname = %s",
        (ts.schema, ts.name, ts.col(col).name)).fetchone()
    if row and row[0] and row[1]:
        return date.fromisoformat(row[0][:10]), date.fromisoformat(row[1][:10])
    today = date.today()
    return date(today.year, 1, 1), today


def _monthly(lo: date, hi: date, limit: int = 120) -> list[tuple[date, date]]:
    out = []
    cur = date(lo.year, lo.month, 1)
    while cur <= hi and len(out) < limit:
        nxt = date(cur.year + (cur.month == 12), cur.month % 12 + 1, 1)
        out.append((cur, nxt))
        cur = nxt
    return out


def _common_values(conn, ts: TableStats, col: str) -> list[str]:
    row = conn.execute("SELECT most_common_vals::text::text[] FROM pg_stats WHERE schemaname = %s AND "
                       "tablename = %s AND attname = %s", (ts.schema, ts.name, ts.col(col).name)).fetchone()
    return sorted(row[0]) if row and row[0] else []
