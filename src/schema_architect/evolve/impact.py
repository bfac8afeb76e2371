"""Impact analysis: what a plan will do to the data in a live database, before anything runs.

Read-only. For every operation of the plan it asks the database (in its FROM state, so names are
mapped back through the plan's renames):

* rows in each affected table, and a rough duration;
* views, indexes and foreign keys that depend on a column being dropped or changed;
* values that will not convert to a new type (counted, with examples), values too long for a
  shorter text type, NULLs that block a NOT NULL, orphan rows that block a new foreign key,
  duplicates that block a new UNIQUE or primary key, rows that fail a new CHECK;
* steps that lose data (errors unless ``allow_destructive``).

Findings are errors (the plan will fail or lose data), warnings (it will work but needs a look) and
infos.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field

from ..model import DataType, Schema, Table, TypeKind
from . import sqlbits as sb
from .db import Connection, is_driver_error, message_of
from .execute import live_schema
from .operations import (
    AddCheck,
    AddColumn,
    AddForeignKey,
    AddIndex,
    AddPrimaryKey,
    AddUnique,
    AlterColumn,
    CommentColumn,
    CommentTable,
    CreateTable,
    CreateView,
    DropColumn,
    DropTable,
    DropView,
    RenameColumn,
    RenameTable,
    ReplaceView,
    apply_operations,
)
from .plan import MigrationPlan

# Rough per-row costs (seconds) by phase kind, measured on this class of machine; the estimate is an
# order of magnitude, said as such.
_ROW_COST = {"backfill": 20e-6, "blocking": 5e-6, "index": 4e-6, "scan": 1e-6}
_PHASE_OVERHEAD_S = 0.02
EXAMPLES = 5

_FAMILY = {
    TypeKind.SMALLINT: "integer", TypeKind.INTEGER: "integer", TypeKind.BIGINT: "integer",
    TypeKind.DECIMAL: "decimal", TypeKind.FLOAT: "float", TypeKind.DATE: "date", TypeKind.TIMESTAMP: "timestamp",
    TypeKind.TIME: "time", TypeKind.BOOLEAN: "boolean", TypeKind.UUID: "uuid", TypeKind.JSON: "json",
}


@dataclass
class Finding:
    level: str  # error, warning, info
    code: str
    message: str
    table: str | None = None
    count: int | None = None
    examples: list[str] = field(default_factory=list)


@dataclass
class ImpactReport:
    plan_id: str
    findings: list[Finding] = field(default_factory=list)
    rows: dict[str, int] = field(default_factory=dict)
    estimated_seconds: float = 0.0

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.level == "error"]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.level == "warning"]

    def to_dict(self) -> dict:
        return {"plan_id": self.plan_id, "rows": self.rows, "estimated_seconds": round(self.estimated_seconds, 3),
                "findings": [asdict(f) for f in self.findings]}


class _Names:
    """Names as the plan uses them -> names as the FROM database has them (through the renames)."""

    def __init__(self):
        self.tables: dict[str, str] = {}
        self.columns: dict[tuple[str, str], str] = {}

    def table(self, name: str) -> str:
        return self.tables.get(name.lower(), name)

    def column(self, table: str, column: str) -> str:
        return self.columns.get((self.table(table).lower(), column.lower()), column)

    def rename_table(self, old: str, new: str) -> None:
        self.tables[new.lower()] = self.table(old)

    def rename_column(self, table: str, old: str, new: str) -> None:
        self.columns[(self.table(table).lower(), new.lower())] = self.column(table, old)


def analyse_impact(plan: MigrationPlan, url: str, *, allow_destructive: bool = False) -> ImpactReport:
    """Ask the database at ``url`` what ``plan`` would do to its data."""
    report = ImpactReport(plan.id)
    live = live_schema(url)
    from .execute import drift_of

    drift = drift_of(plan, live)
    if drift:
        report.findings.append(Finding("error", "drift", "the database differs from the plan's FROM schema: "
                                       + "; ".join(drift)))
    with Connection(url) as conn:
        _Analysis(conn, plan, live, report, allow_destructive).run()
    return report


class _Analysis:
    def __init__(self, conn: Connection, plan: MigrationPlan, live: Schema, report: ImpactReport,
                 allow_destructive: bool):
        self.conn, self.plan, self.live, self.report = conn, plan, live, report
        self.allow = allow_destructive
        self.s = conn.syntax
        self.d = sb.dialect(conn.dialect)
        self.names = _Names()
        self.created: set[str] = set()
        self.added: set[tuple[str, str]] = set()
        self.setup_done = False

    def q(self, name: str) -> str:
        return sb.q(self.d, name)

    def count(self, sql: str) -> int:
        return int(self.conn.scalar(sql) or 0)

    def examples(self, sql: str) -> list[str]:
        return [", ".join(repr(v) for v in row) for row in self.conn.query(sql)[:EXAMPLES]]

    def add(self, level: str, code: str, message: str, **kw) -> None:
        self.report.findings.append(Finding(level, code, message, **kw))

    def exists_live(self, table: str) -> bool:
        return table.lower() not in self.created and self.live.table(self.names.table(table)) is not None

    def rows(self, table: str) -> int:
        real = self.names.table(table)
        if real not in self.report.rows:
            self.report.rows[real] = self.count(f"SELECT count(*) FROM {self.q(real)}")
        return self.report.rows[real]

    def run(self) -> None:
        state = self.plan.from_model()
        for op in self.plan.operations:
            try:
                self._one(op, state)
            except Exception as exc:
                if not is_driver_error(exc):
                    raise
                self.conn.rollback()
                self.add("warning", "check_failed", f"could not check '{op.describe()}': {message_of(exc)}")
            state = apply_operations(state, [op])
        self._estimate()

    def _one(self, op, state: Schema) -> None:
        if isinstance(op, RenameTable):
            self.names.rename_table(op.old_name, op.new_name)
            if op.confidence < 1:
                self.add("info", "rename_detected", f"{op.describe()}: confirm it, or pass --rename to override",
                         table=op.old_name)
            return
        if isinstance(op, RenameColumn):
            self.names.rename_column(op.table, op.old_name, op.new_name)
            if op.confidence < 1:
                self.add("info", "rename_detected", f"{op.describe()}: confirm it, or pass --rename to override",
                         table=op.table)
            return
        if isinstance(op, CreateTable):
            self.created.add(op.table.name.lower())
            return
        if isinstance(op, (CreateView, DropView, ReplaceView, CommentTable, CommentColumn)):
            return  # no data involved; views that a change breaks are the planner's (see below)
        table = getattr(op, "table", None)
        name = table.name if isinstance(table, Table) else table
        if not self.exists_live(name):
            return
        rows = self.rows(name)
        real_t = self.q(self.names.table(name))
        if isinstance(op, DropTable):
            self._destructive(f"{op.describe()}: {rows} row(s) leave the schema (kept in a backup table)", name, rows)
            self._dependent_views(name, None)
        elif isinstance(op, DropColumn):
            col = self.names.column(name, op.column.name)
            filled = self.count(f"SELECT count(*) FROM {real_t} WHERE {self.q(col)} IS NOT NULL")
            self._destructive(f"{op.describe()}: {filled} non-empty value(s) of {rows} row(s)", name, filled)
            self._dependents(state, name, op.column.name)
        elif isinstance(op, AddColumn):
            self.added.add((name.lower(), op.column.name.lower()))
            if not op.column.nullable and op.column.default is None and rows:
                self.add("error", "not_null_without_default",
                         f"{op.describe()}: the table has {rows} row(s) and the column has no default",
                         table=name, count=rows)
            elif not op.column.nullable and rows:
                self.add("info", "backfill", f"{op.describe()}: {rows} row(s) to backfill", table=name, count=rows)
        elif isinstance(op, AlterColumn):
            self._alter(op, name, real_t, rows, state)
        elif isinstance(op, AddForeignKey):
            self._orphans(op, name, real_t)
        elif isinstance(op, (AddUnique, AddPrimaryKey)) or (isinstance(op, AddIndex) and op.index.unique):
            cols = (op.unique.columns if isinstance(op, AddUnique) else
                    op.primary_key.columns if isinstance(op, AddPrimaryKey) else op.index.columns)
            self._duplicates(op, name, real_t, cols)
        elif isinstance(op, AddCheck):
            self._check(op, name, real_t)

    # findings -------------------------------------------------------------------------------------------------
    def _destructive(self, message: str, table: str, count: int) -> None:
        if self.allow:
            self.add("warning", "data_loss", message + " (allowed by --allow-destructive)", table=table, count=count)
        else:
            self.add("error", "data_loss", message + "; pass --allow-destructive to run it", table=table, count=count)

    def _dependents(self, state: Schema, table: str, column: str, *, gone: bool = True) -> None:
        t = state.table(table)
        low = column.lower()
        for ix in t.indexes if t else []:
            if low in (c.lower() for c in ix.columns):
                self.add("warning", "dependent_index", f"index {ix.name} on {table} uses {column}", table=table)
        for other, fk in state.references_to(table):
            if low in (c.lower() for c in fk.ref_columns):
                self.add("warning", "dependent_foreign_key",
                         f"foreign key {other.name}({', '.join(fk.columns)}) references {table}.{column}", table=table)
        if t:
            for fk in t.foreign_keys:
                if low in (c.lower() for c in fk.columns):
                    self.add("warning", "dependent_foreign_key",
                             f"foreign key {table}({', '.join(fk.columns)}) uses {column}", table=table)
        self._dependent_views(table, column, gone=gone)

    def _dependent_views(self, table: str, column: str | None, *, gone: bool = True) -> None:
        """Views using what changes: fine when the plan drops them first and their TO definition no longer
        reads what is ``gone`` (a dropped table or column); an error otherwise."""
        from .views import ViewReader

        real_t = self.names.table(table)
        real_c = self.names.column(table, column) if column else None
        target = self.plan.to_model()
        after = ViewReader(target)
        for view in self.live.views:
            body = view.definition.lower()
            if re.search(rf"\b{re.escape(real_t.lower())}\b", body) and (
                    real_c is None or re.search(rf"\b{re.escape(real_c.lower())}\b", body)):
                what = f"{table}.{column}" if column else table
                drop = self.s.drop_view.format(name=self.q(view.name))
                kept = next((v for v in target.views if v.name.lower() == view.name.lower()), None)
                still_reads = gone and kept is not None and after.uses(kept.name, table, column)
                if any(drop in phase.up for phase in self.plan.phases) and not still_reads:
                    self.add("info", "dependent_view", f"view {view.name} depends on {what}: the plan drops it "
                             "before the change and creates it again after", table=table)
                else:
                    self.add("error", "dependent_view", f"view {view.name} depends on {what}: drop or change it "
                             "first", table=table)

    def _alter(self, op: AlterColumn, name: str, real_t: str, rows: int, state: Schema) -> None:
        if (name.lower(), op.new.name.lower()) in self.added:
            return
        col = self.q(self.names.column(name, op.old.name))
        if op.nullability_changed and not op.new.nullable:
            nulls = self.count(f"SELECT count(*) FROM {real_t} WHERE {col} IS NULL")
            if nulls and op.new.default is None:
                self.add("error", "nulls_block_not_null", f"{op.describe()}: {nulls} row(s) are NULL",
                         table=name, count=nulls)
        if op.type_changed:
            self._conversion(op, name, real_t, col, op.new.type)
            if op.destructive:
                self._destructive(f"{op.describe()}: a narrower type", name, rows)
            self._dependents(state, name, op.old.name, gone=False)

    def _conversion(self, op: AlterColumn, name: str, real_t: str, col: str, target: DataType) -> None:
        text = self.s.as_text.format(expr=col)
        problems: list[tuple[str, str]] = []
        family = _FAMILY.get(target.kind)
        if family and family in self.s.unconvertible and op.old.type.kind not in (target.kind,):
            if not self.setup_done:
                for sql in self.s.conversion_setup:
                    self.conn.execute(sql)
                self.setup_done = True
            type_text = sb.type_sql(self.d, op.new).replace("'", "''")
            problems.append((self.s.unconvertible[family].format(v=text, type=type_text),
                             f"will not convert to {target}"))
        if target.kind in (TypeKind.CHAR, TypeKind.VARCHAR) and target.length:
            problems.append((f"{self.s.char_length.format(expr=text)} > {target.length}",
                             f"are longer than {target.length} characters"))
        for predicate, what in problems:
            where = f"{col} IS NOT NULL AND {predicate}"
            bad = self.count(f"SELECT count(*) FROM {real_t} WHERE {where}")
            if bad:
                ex = self.examples(f"SELECT {col} FROM {real_t} WHERE {where} LIMIT {EXAMPLES}")
                self.add("error", "unconvertible_values", f"{op.describe()}: {bad} value(s) {what}",
                         table=name, count=bad, examples=ex)

    def _orphans(self, op: AddForeignKey, name: str, real_t: str) -> None:
        fk = op.foreign_key
        if any((name.lower(), c.lower()) in self.added for c in fk.columns) or not self.exists_live(fk.ref_table):
            return
        child = [self.q(self.names.column(name, c)) for c in fk.columns]
        parent_t = self.q(self.names.table(fk.ref_table))
        parent = [self.q(self.names.column(fk.ref_table, c)) for c in fk.ref_columns]
        match = " AND ".join(f"p.{p} = c.{c}" for p, c in zip(parent, child))
        present = " AND ".join(f"c.{c} IS NOT NULL" for c in child)
        where = f"{present} AND NOT EXISTS (SELECT 1 FROM {parent_t} p WHERE {match})"
        bad = self.count(f"SELECT count(*) FROM {real_t} c WHERE {where}")
        if bad:
            ex = self.examples(f"SELECT {', '.join('c.' + c for c in child)} FROM {real_t} c WHERE {where} "
                               f"LIMIT {EXAMPLES}")
            self.add("error", "orphan_rows", f"{op.describe()}: {bad} row(s) reference no {fk.ref_table} row",
                     table=name, count=bad, examples=ex)

    def _duplicates(self, op, name: str, real_t: str, columns: list[str]) -> None:
        if any((name.lower(), c.lower()) in self.added for c in columns):
            return
        cols = ", ".join(self.q(self.names.column(name, c)) for c in columns)
        not_null = " AND ".join(f"{self.q(self.names.column(name, c))} IS NOT NULL" for c in columns)
        groups = f"SELECT {cols}, count(*) AS n FROM {real_t} WHERE {not_null} GROUP BY {cols} HAVING count(*) > 1"
        bad = self.count(f"SELECT count(*) FROM ({groups}) g")
        if bad:
            ex = self.examples(groups + f" LIMIT {EXAMPLES}")
            self.add("error", "duplicate_values", f"{op.describe()}: {bad} value(s) occur more than once",
                     table=name, count=bad, examples=ex)

    def _check(self, op: AddCheck, name: str, real_t: str) -> None:
        expr = sb.expression(self.d, op.check.expression)
        bad = self.count(f"SELECT count(*) FROM {real_t} WHERE NOT ({expr})")
        if bad:
            self.add("error", "check_violations", f"{op.describe()}: {bad} row(s) fail it", table=name, count=bad)

    def _estimate(self) -> None:
        total = 0.0
        for phase in self.plan.phases:
            rows = self.report.rows.get(self.names.table(phase.table or ""), 0) if phase.table else 0
            kind = ("backfill" if phase.backfill else "index" if "index" in phase.name.lower()
                    else "blocking" if phase.blocking else "scan" if "Validate" in phase.name or "Save" in phase.name
                    else None)
            total += _PHASE_OVERHEAD_S + (rows * _ROW_COST[kind] if kind else 0)
            if phase.blocking and rows > 100_000:
                self.add("warning", "long_lock", f"phase \"{phase.name}\" locks {phase.table} ({rows} rows) "
                         "for a time that grows with its size", table=phase.table, count=rows)
        self.report.estimated_seconds = total
        self.add("info", "estimate", f"estimated duration about {total:.1f} s (rough: from row counts)")
