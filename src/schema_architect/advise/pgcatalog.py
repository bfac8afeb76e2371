"""What the advisors need to know about a live PostgreSQL database: sizes, column statistics
(pg_stats), existing indexes with their scan counts, and whether HypoPG is usable."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class ColumnStats:
    name: str
    type: str
    n_distinct: float | None = None  # as pg_stats has it: > 0 a count, < 0 a fraction of the rows
    null_frac: float = 0.0
    avg_width: int = 8
    correlation: float | None = None

    def distinct(self, rows: float) -> float:
        """Estimated number of distinct values (unknown: assume fairly selective)."""
        if self.n_distinct is None:
            return max(rows / 10, 1)
        return self.n_distinct if self.n_distinct > 0 else -self.n_distinct * rows

    @property
    def is_temporal(self) -> bool:
        return self.type.startswith(("timestamp", "date"))


@dataclass
class ExistingIndex:
    name: str
    schema: str
    table: str
    columns: list[str]  # "" for expression keys
    unique: bool
    primary: bool
    scans: int
    size_bytes: int
    definition: str
    predicate: str | None


@dataclass
class TableStats:
    name: str
    schema: str
    rows: float
    size_bytes: int
    columns: dict[str, ColumnStats] = field(default_factory=dict)
    indexes: list[ExistingIndex] = field(default_factory=list)
    partitioned: bool = False

    def col(self, name: str) -> ColumnStats | None:
        return self.columns.get(name.lower())


@dataclass
class Catalog:
    tables: dict[str, TableStats]
    hypopg: str  # "installed" | "available" (on the server, not created here) | "missing"
    stats_reset: str | None
    analyzed_now: list[str] = field(default_factory=list)

    def columns_by_table(self) -> dict[str, set[str]]:
        return {t: set(ts.columns) for t, ts in self.tables.items()}


def read_catalog(conn, *, analyze_missing: bool = True) -> Catalog:
    """Tables of the user schemas with sizes, column statistics and indexes."""
    tables: dict[str, TableStats] = {}
    oids: dict[int, TableStats] = {}
    analyzed: list[str] = []
    rows = conn.execute(
        "SELECT c.oid, n.nspname, c.relname, c.reltuples, pg_total_relation_size(c.oid), c.relkind "
        "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema') "
        "AND n.nspname NOT LIKE 'pg_toast%' AND NOT c.relispartition").fetchall()
    if analyze_missing:
        # Never-analyzed tables (reltuples < 0) give the planner nothing to estimate with.
        for oid, schema, name, reltuples, _size, _kind in rows:
            if reltuples is not None and reltuples < 0:
                conn.execute(f'ANALYZE "{schema}"."{name}"')
                analyzed.append(name)
        if analyzed:
            return _with_analyzed(read_catalog(conn, analyze_missing=False), analyzed)
    for oid, schema, name, reltuples, size, kind in rows:
        ts = TableStats(name, schema, max(float(reltuples or 0), 0.0), int(size or 0), partitioned=kind == "p")
        tables[name.lower()] = ts
        oids[oid] = ts
    if oids:
        for relid, att, typ in conn.execute(
                "SELECT attrelid, attname, format_type(atttypid, atttypmod) FROM pg_attribute "
                "WHERE attnum > 0 AND NOT attisdropped AND attrelid = ANY(%s)", (list(oids),)).fetchall():
            oids[relid].columns[att.lower()] = ColumnStats(att, typ)
        for schema, table, att, nd, nf, width, corr in conn.execute(
                "SELECT schemaname, tablename, attname, n_distinct, null_frac, avg_width, correlation "
                "FROM pg_stats WHERE schemaname NOT IN ('pg_catalog', 'information_schema')").fetchall():
            ts = tables.get(table.lower())
            cs = ts.col(att) if ts else None
            if cs is not None:
                cs.n_distinct, cs.null_frac, cs.avg_width, cs.correlation = nd, nf or 0.0, width or 8, corr
        for relid, name, schema, unique, primary, scans, size, definition, predicate, cols in conn.execute(
                "SELECT i.indrelid, ic.relname, n.nspname, i.indisunique, i.indisprimary, "
                "COALESCE(s.idx_scan, 0), pg_relation_size(i.indexrelid), pg_get_indexdef(i.indexrelid), "
                "pg_get_expr(i.indpred, i.indrelid), "
                "ARRAY(SELECT COALESCE(a.attname, '') FROM unnest(i.indkey::int2[]) WITH ORDINALITY k(attnum, ord) "
                "      LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum "
                "      WHERE k.ord <= i.indnkeyatts ORDER BY k.ord) "
                "FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid "
                "JOIN pg_namespace n ON n.oid = ic.relnamespace "
                "LEFT JOIN pg_stat_user_indexes s ON s.indexrelid = i.indexrelid "
                "WHERE i.indrelid = ANY(%s)", (list(oids),)).fetchall():
            ts = oids[relid]
            ts.indexes.append(ExistingIndex(name, schema, ts.name, [c.lower() for c in cols], unique, primary,
                                            int(scans), int(size), definition, predicate))
    return Catalog(tables, _hypopg_state(conn), _stats_reset(conn), analyzed)


def _with_analyzed(cat: Catalog, analyzed: list[str]) -> Catalog:
    cat.analyzed_now = analyzed
    return cat


def _hypopg_state(conn) -> str:
    if conn.execute("SELECT 1 FROM pg_extension WHERE extname = 'hypopg'").fetchone():
        return "installed"
    if conn.execute("SELECT 1 FROM pg_available_extensions WHERE name = 'hypopg'").fetchone():
        return "available"
    return "missing"


def _stats_reset(conn) -> str | None:
    row = conn.execute("SELECT stats_reset FROM pg_stat_database WHERE datname = current_database()").fetchone()
    return str(row[0]) if row and row[0] else None
