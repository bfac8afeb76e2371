"""Migration plans: the diff's operations turned into named phases, each with its up and down SQL.

A phase is the unit the executor runs, records and rolls back: "Add column as nullable",
"Backfill data", "Add NOT NULL constraint"... Phases keep the diff's safe order (renames, drop
dependent constraints, create tables, add columns, alter, drop columns, add constraints, drop
tables). Which recipe each operation gets is read from the dialect's :class:`AlterSyntax` flags:

* PostgreSQL: NOT NULL through ``CHECK ... NOT VALID`` + ``VALIDATE`` + ``SET NOT NULL``; foreign
  keys and checks ``NOT VALID`` then ``VALIDATE``; indexes ``CONCURRENTLY`` (outside a transaction);
  unique/primary keys built as a concurrent index, then attached; type changes by expand/contract
  (shadow column, sync trigger, batched backfill, switch by rename, drop).
* MySQL/MariaDB: ``ALGORITHM=INSTANT`` / ``INPLACE, LOCK=NONE`` tried first, the copy algorithm as
  the fallback the executor uses when the server refuses; same phases otherwise.
* SQLite: the documented table rebuild (new table, copy, drop, rename) in one transaction with
  foreign keys off and ``PRAGMA foreign_key_check`` before commit.

Views: a view the change breaks (it uses a table or column that is dropped, renamed, retyped or
rebuilt, as the dialect's ``views_break_on`` says) is dropped in the first phases and created again,
with its TO definition, in the last ones; so are the views that read it. A changed view is replaced in
place where the dialect can (MySQL/MariaDB ``CREATE OR REPLACE VIEW``; PostgreSQL only when the old
output columns stay as they were and new ones are appended), else dropped first and created last.
Comments: ``COMMENT ON`` (PostgreSQL), ``ALTER TABLE ... COMMENT`` / ``MODIFY COLUMN`` with the full
column definition (MySQL/MariaDB); SQLite has none, and the plan's notes say so.

Data a step removes is kept so rollback can put it back: a dropped column is first copied to a
``schema_architect_bak_*`` table (by primary key), a dropped table is renamed to one, a SQLite rebuild
snapshots the table. Those backup tables are not part of the schema (the diff ignores the prefix).
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime

from pydantic import BaseModel, Field, ValidationError

from ..errors import InputError
from ..model import Column, Index, Schema, Table, schema_from_dict, schema_to_dict
from . import sqlbits as sb
from .dialect_ops import AlterSyntax, get_alter_syntax
from .diff import SchemaDiff, diff_schemas, fingerprint
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
    DropCheck,
    DropColumn,
    DropForeignKey,
    DropIndex,
    DropPrimaryKey,
    DropTable,
    DropUnique,
    DropView,
    Operation,
    RenameColumn,
    RenameTable,
    ReplaceView,
    apply_operations,
)
from .views import ViewReader

_VIEW_OPS = (CreateView, DropView, ReplaceView)

PLAN_FORMAT = "schema-architect/migration-plan"
PLAN_VERSION = 1
OWN_PREFIX = "schema_architect_"  # our state, audit and backup tables: never part of a schema
DEFAULT_BATCH = 1000
DEFAULT_LOCK_TIMEOUT_MS = 2000
DEFAULT_LOCK_RETRIES = 5


class Backfill(BaseModel):
    """A data change run in batches until a batch touches no row."""

    table: str
    statement: str
    remaining: str = Field(description="SELECT count(*) of rows still to do (for the progress bar)")
    batch_size: int = DEFAULT_BATCH


class Phase(BaseModel):
    name: str
    operation: str
    table: str | None = None
    up: list[str] = Field(default_factory=list)
    down: list[str] = Field(default_factory=list)
    up_alternatives: list[list[str]] = Field(
        default_factory=list, description="tried in order when the server refuses `up` (ALGORITHM/LOCK)")
    transactional: bool = True
    backfill: Backfill | None = None
    foreign_keys_off: bool = Field(default=False, description="SQLite rebuild: PRAGMA foreign_keys=OFF around it")
    destructive: bool = False
    blocking: bool = Field(default=False, description="holds a lock on the table for a time that grows with its size")
    note: str | None = None


class MigrationPlan(BaseModel):
    format: str = PLAN_FORMAT
    version: int = PLAN_VERSION
    id: str = ""
    dialect: str
    created_at: str = ""
    from_fingerprint: str
    to_fingerprint: str
    from_schema: dict
    to_schema: dict
    operations: list[Operation] = Field(default_factory=list)
    phases: list[Phase] = Field(default_factory=list)
    lock_timeout_ms: int = DEFAULT_LOCK_TIMEOUT_MS
    lock_retries: int = DEFAULT_LOCK_RETRIES
    notes: list[str] = Field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not self.phases

    @property
    def destructive(self) -> bool:
        return any(p.destructive for p in self.phases)

    def from_model(self) -> Schema:
        return schema_from_dict(self.from_schema)

    def to_model(self) -> Schema:
        return schema_from_dict(self.to_schema)

    def compute_id(self) -> str:
        body = json.dumps([self.dialect, self.from_fingerprint, self.to_fingerprint,
                           [p.model_dump(mode="json") for p in self.phases]], sort_keys=True)
        return hashlib.sha256(body.encode()).hexdigest()[:16]

    def to_json(self) -> str:
        return self.model_dump_json(indent=2)

    @classmethod
    def from_json(cls, text: str, *, where: str | None = None) -> MigrationPlan:
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise InputError(f"the plan is not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}",
                             where=where, hint="re-create it with `schema-architect migrate plan`") from None
        if not isinstance(data, dict) or data.get("format") != PLAN_FORMAT:
            raise InputError(f"not a migration plan (expected \"format\": \"{PLAN_FORMAT}\")", where=where,
                             hint="re-create it with `schema-architect migrate plan`")
        if not isinstance(data.get("version"), int) or data["version"] > PLAN_VERSION:
            raise InputError(f"plan version {data.get('version')!r} is not one this program reads ({PLAN_VERSION})",
                             where=where, hint="upgrade schema-architect or re-create the plan")
        try:
            plan = cls.model_validate(data)
        except ValidationError as exc:
            first = exc.errors()[0]
            loc = ".".join(str(p) for p in first["loc"])
            raise InputError(f"invalid plan at {loc}: {first['msg']} ({exc.error_count()} problem(s) in all)",
                             where=where, hint="re-create it with `schema-architect migrate plan`") from None
        if plan.id != plan.compute_id():
            raise InputError("the plan was edited after it was made (its id does not match its phases)",
                             where=where, hint="re-create it with `schema-architect migrate plan`")
        try:
            plan.from_model(), plan.to_model()
        except InputError as exc:
            raise InputError(f"invalid plan: {exc.message}", where=where) from None
        return plan


# -- planning -----------------------------------------------------------------------------------------
def plan_migration(old: Schema, new: Schema, dialect: str, *, renames: list[str] | tuple[str, ...] = (),
                   diff: SchemaDiff | None = None, batch_size: int = DEFAULT_BATCH,
                   lock_timeout_ms: int = DEFAULT_LOCK_TIMEOUT_MS, syntax: AlterSyntax | None = None) -> MigrationPlan:
    """The phases that take a database from ``old`` to ``new`` in ``dialect``.

    ``syntax`` replaces the dialect's :class:`AlterSyntax` (the benchmark uses a copy with the online
    recipes switched off to measure the naive plan)."""
    syntax = syntax or get_alter_syntax(dialect)
    d = sb.dialect(syntax.name)
    diff = diff or diff_schemas(old, new, renames=renames)
    plan = MigrationPlan(
        dialect=syntax.name,
        created_at=datetime.now(UTC).isoformat(timespec="seconds"),
        from_fingerprint=fingerprint(old, ignore_tables=(OWN_PREFIX,)),
        to_fingerprint=fingerprint(new, ignore_tables=(OWN_PREFIX,)),
        from_schema=schema_to_dict(old),
        to_schema=schema_to_dict(new),
        operations=list(diff.operations),
        lock_timeout_ms=lock_timeout_ms,
        notes=list(syntax.notes) if diff.operations else [],
    )
    tag = hashlib.sha256(f"{plan.from_fingerprint}{plan.to_fingerprint}{syntax.name}".encode()).hexdigest()[:6]
    planner = _Planner(syntax, d, old, new, tag, batch_size)
    plan.phases = planner.phases_for(diff.operations)
    plan.notes += planner.notes
    plan.id = plan.compute_id()
    return plan


class _Planner:
    def __init__(self, syntax: AlterSyntax, d, old: Schema, new: Schema, tag: str, batch: int):
        self.s, self.d, self.old, self.new, self.tag, self.batch = syntax, d, old, new, tag, batch
        self.state = old.model_copy(deep=True)
        self.notes: list[str] = []

    # helpers ------------------------------------------------------------------------------------------
    def q(self, name: str) -> str:
        return sb.q(self.d, name)

    def own(self, *parts: str) -> str:
        """A name for our own helper object (backup table, shadow column, trigger), fitted to the dialect."""
        return self.d.fit_identifier("_".join(p for p in parts if p))

    def t(self, name: str) -> Table:
        return self.state.table(name)

    def fmt(self, template: str, **kw) -> str:
        return template.format(**kw)

    # entry ----------------------------------------------------------------------------------------------
    def phases_for(self, ops: list) -> list[Phase]:
        ops = self._backups_before_reused_names(ops)
        self.ops = ops
        view_ops = [op for op in ops if isinstance(op, _VIEW_OPS)]
        table_ops = [op for op in ops if not isinstance(op, _VIEW_OPS)]
        first, last = self._view_phases(view_ops, table_ops)
        if self.s.rebuild_for:
            phases = self._phases_with_rebuilds(table_ops)
        else:
            phases = []
            for op in table_ops:
                phases += getattr(self, "_" + op.op)(op)
                self.state = apply_operations(self.state, [op])
        self.state = apply_operations(self.state, view_ops)
        return first + phases + last

    # views ----------------------------------------------------------------------------------------------
    def _breaks(self, table_ops: list) -> list[tuple[str, str | None, str]]:
        """(table, column or None, what happens) for each change of ``table_ops`` that breaks a view using
        it in this dialect; names as the FROM schema has them (the views are read against it)."""
        kinds = self.s.views_break_on
        tables: dict[str, str] = {}  # current name (lower) -> FROM name
        columns: dict[tuple[str, str], str] = {}  # (FROM table lower, current column lower) -> FROM name
        out: list[tuple[str, str | None, str]] = []

        def origin(table: str) -> str:
            return tables.get(table.lower(), table)

        def col(table: str, column: str) -> str:
            return columns.get((origin(table).lower(), column.lower()), column)

        rebuilt = self._rebuilt_tables(table_ops) if "rebuild" in kinds else set()
        for op in table_ops:
            if isinstance(op, DropTable) and "drop_table" in kinds:
                out.append((origin(op.table.name), None, f"table {op.table.name} is dropped"))
            elif isinstance(op, RenameTable):
                if "rename_table" in kinds:
                    out.append((origin(op.old_name), None, f"table {op.old_name} is renamed to {op.new_name}"))
                tables[op.new_name.lower()] = origin(op.old_name)
            elif isinstance(op, DropColumn) and "drop_column" in kinds:
                out.append((origin(op.table), col(op.table, op.column.name),
                            f"column {op.table}.{op.column.name} is dropped"))
            elif isinstance(op, RenameColumn):
                if "rename_column" in kinds:
                    out.append((origin(op.table), col(op.table, op.old_name),
                                f"column {op.table}.{op.old_name} is renamed to {op.new_name}"))
                columns[(origin(op.table).lower(), op.new_name.lower())] = col(op.table, op.old_name)
            elif isinstance(op, AlterColumn) and op.type_changed and "alter_type" in kinds:
                out.append((origin(op.table), col(op.table, op.old.name),
                            f"column {op.table}.{op.old.name} changes type ({op.old.type} -> {op.new.type})"))
        for name in sorted(rebuilt):
            out.append((origin(name), None, f"table {name} is rebuilt"))
        return out

    def _view_phases(self, view_ops: list, table_ops: list) -> tuple[list[Phase], list[Phase]]:
        """Phases before the table changes (drops) and after them (creates, replaces)."""
        if not self.old.views and not self.new.views:
            return [], []
        before, after = ViewReader(self.old), ViewReader(self.new)
        old_by = {v.name.lower(): v for v in self.old.views}
        new_by = {v.name.lower(): v for v in self.new.views}
        dropping = {op.view.name.lower(): op for op in view_ops if isinstance(op, DropView)}
        replacing = {op.old.name.lower(): op for op in view_ops if isinstance(op, ReplaceView)}
        creating = {op.view.name.lower(): op for op in view_ops if isinstance(op, CreateView)}
        why: dict[str, str] = {}
        for table, column, what in self._breaks(table_ops):
            for name in before.views:
                if name not in why and before.uses(name, table, column):
                    why[name] = what
        # PostgreSQL's rollback of an appended-columns replace drops and recreates the view: not with readers
        read = {n for n in replacing if any(n in before.shape(o).tables for o in before.views if o != n)}
        in_place = {n for n, op in replacing.items() if self.s.replace_view and n not in why and (
            not self.s.replace_view_appends_only or (n not in read and _appends(before.shape(n), after.shape(n))))}
        gone = before.readers_of(set(why) | set(dropping) | (set(replacing) - in_place))
        in_place -= gone
        for name in sorted(gone - set(why) - set(dropping) - set(replacing)):
            used = sorted(before.shape(name).tables & gone)
            why[name] = f"it reads view {', '.join(used)}, which is dropped first"
        first: list[Phase] = []
        for name in reversed(before.order()):
            if name not in gone:
                continue
            view = old_by[name]
            drop = self.fmt(self.s.drop_view, **sb.view_parts(self.d, view))
            again = self.fmt(self.s.create_view, **sb.view_parts(self.d, view))
            if name in dropping:
                first.append(Phase(name="Drop view", operation=dropping[name].describe(), up=[drop], down=[again]))
            elif name in why:
                note = f"{why[name]}; the view is created again after the change"
                first.append(Phase(name="Drop dependent view", operation=f"drop view {view.name} ({why[name]})",
                                   up=[drop], down=[again], note=note))
                self.notes.append(f"view {view.name} depends on what changes ({why[name]}): it is dropped before "
                                  "the change and created again after it, with the TO schema's definition")
            else:
                first.append(Phase(name="Drop view to replace it", operation=replacing[name].describe(),
                                   up=[drop], down=[again], note="the new definition is created after the other changes"
                                   + ("" if self.s.replace_view else f"; {self.s.name} has no CREATE OR REPLACE VIEW")))
        last: list[Phase] = []
        for name in after.order():
            view = new_by[name]
            parts = sb.view_parts(self.d, view)
            create = self.fmt(self.s.create_view, **parts)
            drop = self.fmt(self.s.drop_view, **parts)
            if name in creating and name not in gone:
                last.append(Phase(name="Create view", operation=creating[name].describe(), up=[create], down=[drop]))
            elif name in in_place:
                old_parts = sb.view_parts(self.d, replacing[name].old)
                down = ([self.fmt(self.s.replace_view, **old_parts)] if not self.s.replace_view_appends_only
                        else [drop, self.fmt(self.s.create_view, **old_parts)])
                last.append(Phase(name="Replace view", operation=replacing[name].describe(),
                                  up=[self.fmt(self.s.replace_view, **parts)], down=down))
            elif name in gone:
                label = "Recreate dependent view" if name in why else "Create replaced view"
                operation = replacing[name].describe() if name in replacing else f"create view {view.name} again"
                last.append(Phase(name=label, operation=operation, up=[create], down=[drop],
                                  note="with the TO schema's definition" if name in why else None))
        return first, last

    # tables ---------------------------------------------------------------------------------------------
    def _create_table(self, op: CreateTable) -> list[Phase]:
        up = sb.create_table(self.d, op.table) + self._new_comments(op.table)
        return [Phase(name="Create table", operation=op.describe(), table=op.table.name, up=up,
                      down=[sb.drop_table(self.d, op.table.name)])] + self._move_data(op.table)

    def _move_data(self, created: Table) -> list[Phase]:
        """A table split off another: copy the columns it takes over before the old table drops them.

        Recognised when the new table (in the TO schema) has a foreign key to an existing table that,
        in this same plan, drops columns of the same names and types as columns of the new table.
        """
        final = self.new.table(created.name)
        for fk in final.foreign_keys if final else []:
            source = self.state.table(fk.ref_table)
            if source is None or [c.lower() for c in fk.ref_columns] != [c.lower() for c in source.primary_key_columns]:
                continue
            dropped = {o.column.name.lower(): o.column for o in self.ops
                       if isinstance(o, DropColumn) and o.table.lower() == source.name.lower()}
            moved = [c for c in final.columns if c.name.lower() in dropped
                     and dropped[c.name.lower()].type == c.type and c.name.lower() not in map(str.lower, fk.columns)]
            if not moved:
                continue
            targets = [self.q(c) for c in fk.columns] + [self.q(c.name) for c in moved]
            sources = [self.q(c) for c in fk.ref_columns] + [self.q(dropped[c.name.lower()].name) for c in moved]
            where = " OR ".join(f"{s} IS NOT NULL" for s in sources[len(fk.columns):])
            insert = (f"INSERT INTO {self.q(created.name)} ({', '.join(targets)}) "
                      f"SELECT {', '.join(sources)} FROM {self.q(source.name)} WHERE {where}")
            return [Phase(name="Move data into the new table", table=created.name,
                          operation=f"copy {', '.join(c.name for c in moved)} from {source.name} to {created.name}",
                          up=[insert], down=[f"DELETE FROM {self.q(created.name)}"],
                          note="rows with all moved columns empty are not copied")]
        return []

    def _reused_index_names(self, table: Table) -> list[Index]:
        """The dropped table's indexes whose names the target schema gives to new indexes (a clash only
        where index names are schema-wide)."""
        if self.s.index_names_per_table:
            return []
        wanted = {ix.name.lower() for t in self.new.tables for ix in t.indexes if ix.name}
        return [ix for ix in table.indexes if ix.name and ix.name.lower() in wanted]

    def _backups_before_reused_names(self, ops: list) -> list:
        """A dropped table becomes a backup that keeps its index names. Where the target reuses one, the
        table is dropped (and the clashing indexes with it) before anything is created."""
        early = [op for op in ops if isinstance(op, DropTable) and self._reused_index_names(op.table)]
        if not early:
            return ops
        rest = [op for op in ops if not any(op is e for e in early)]
        first_create = next((i for i, op in enumerate(rest) if isinstance(op, (CreateTable, AddIndex))), len(rest))
        return rest[:first_create] + early + rest[first_create:]

    def _drop_table(self, op: DropTable) -> list[Phase]:
        backup = self.own(OWN_PREFIX + "bak", self.tag, op.table.name)
        reused = self._reused_index_names(op.table)
        note = f"the table is renamed to {backup}; drop that table once the migration is accepted"
        if reused:
            note += (f"; its index(es) {', '.join(ix.name for ix in reused)} are dropped from the backup first, "
                     "because the new schema reuses the name(s)")
        return [Phase(name="Drop table (kept as backup)", operation=op.describe(), table=op.table.name,
                      up=[self.fmt(self.s.rename_table, table=self.q(op.table.name), new=self.q(backup))]
                      + [self.fmt(self.s.drop_index, name=self.q(ix.name), table=self.q(backup)) for ix in reused],
                      down=[self.fmt(self.s.rename_table, table=self.q(backup), new=self.q(op.table.name))]
                      + [sb.create_index(self.d, op.table.name, ix) for ix in reused],
                      destructive=True, note=note)]

    def _rename_table(self, op: RenameTable) -> list[Phase]:
        return [Phase(name="Rename table", operation=op.describe(), table=op.old_name,
                      up=[self.fmt(self.s.rename_table, table=self.q(op.old_name), new=self.q(op.new_name))],
                      down=[self.fmt(self.s.rename_table, table=self.q(op.new_name), new=self.q(op.old_name))])]

    # comments -------------------------------------------------------------------------------------------
    def _comment_text(self, text: str | None) -> str:
        return sb.string_literal(self.d, text) if text else self.s.no_comment

    def _no_comments(self, op) -> list[Phase]:
        self.notes.append(f"{op.describe()}: not applied ({self.s.name} has no comments)")
        return []

    def _comment_table(self, op: CommentTable) -> list[Phase]:
        if not self.s.comment_table:
            return self._no_comments(op)
        t = self.q(op.table)
        up, alts = self._online("comment_table", self.fmt(self.s.comment_table, table=t, text=self._comment_text(op.new)))
        down = self.fmt(self.s.comment_table, table=t, text=self._comment_text(op.old))
        return [Phase(name="Change table comment", operation=op.describe(), table=op.table, up=up,
                      up_alternatives=alts, down=[down])]

    def _comment_column(self, op: CommentColumn) -> list[Phase]:
        if not self.s.comment_column:
            return self._no_comments(op)
        table = self.t(op.table)
        column = table.column(op.column)

        def stmt(text: str | None) -> str:
            return self.fmt(self.s.comment_column, table=self.q(table.name), column=self.q(column.name),
                            text=self._comment_text(text), definition=sb.column_definition(
                                self.d, table, column.model_copy(update={"comment": text})))

        up, alts = self._online("comment_column", stmt(op.new))
        return [Phase(name="Change column comment", operation=op.describe(), table=op.table, up=up,
                      up_alternatives=alts, down=[stmt(op.old)])]

    def _new_comments(self, table: Table, column: Column | None = None) -> list[str]:
        """COMMENT ON for a created table or an added column, where comments are not written inline."""
        if self.d.comments != "comment_on" or not self.s.comment_column:
            return []
        if column is None:
            return sb.table_comments(self.d, table)
        if not column.comment:
            return []
        return [self.fmt(self.s.comment_column, table=self.q(table.name), column=self.q(column.name),
                         text=self._comment_text(column.comment), definition="")]

    # columns ----------------------------------------------------------------------------------------------
    def _online(self, kind: str, statement: str) -> tuple[list[str], list[list[str]]]:
        """``statement`` with the dialect's online clauses for ``kind``: (first try, fallbacks)."""
        variants = [[statement + clause] for clause in self.s.clauses_for(kind)]
        return variants[0], variants[1:]

    def _rename_column(self, op: RenameColumn) -> list[Phase]:
        t = self.q(op.table)
        up, alts = self._online("rename_column", self.fmt(self.s.rename_column, table=t, old=self.q(op.old_name),
                                                          new=self.q(op.new_name)))
        return [Phase(name="Rename column", operation=op.describe(), table=op.table, up=up, up_alternatives=alts,
                      down=[self.fmt(self.s.rename_column, table=t, old=self.q(op.new_name), new=self.q(op.old_name))])]

    def _add_column(self, op: AddColumn) -> list[Phase]:
        table = self.t(op.table)
        t, c = self.q(op.table), op.column
        col = self.q(c.name)
        drop = self.fmt(self.s.drop_column, table=t, column=col)
        if c.nullable or c.default is None:
            up, alts = self._online("add_column", self.fmt(self.s.add_column, table=t,
                                                           definition=sb.column_definition(self.d, table, c)))
            up = up + self._new_comments(table, c)
            return [Phase(name="Add column", operation=op.describe(), table=op.table, up=up, up_alternatives=alts,
                          down=[drop], note=None if c.nullable else "a NOT NULL column without a default "
                          "can only be added to an empty table")]
        # NOT NULL with a default: nullable first, default for new rows, batched backfill, then NOT NULL
        loose = c.model_copy(update={"nullable": True, "default": None})
        up, alts = self._online("add_column", self.fmt(self.s.add_column, table=t,
                                                       definition=sb.column_definition(self.d, table, loose)))
        default = sb.expression(self.d, c.default)
        phases = [
            Phase(name="Add column as nullable", operation=op.describe(), table=op.table,
                  up=up + self._new_comments(table, c), up_alternatives=alts, down=[drop]),
        ]
        phases += self._set_default(op, op.table, c.name, default, None)
        phases.append(self._backfill(op, op.table, f"{col} = {default}", f"{col} IS NULL"))
        phases += self._not_null(op, table, c.name, with_column=c)
        return phases

    def _set_default(self, op, table: str, column: str, default: str | None, old_default: str | None) -> list[Phase]:
        t, col = self.q(table), self.q(column)

        def stmt(value: str | None) -> list[str]:
            if value is None:
                return [self.fmt(self.s.drop_default, table=t, column=col)]
            return [self.fmt(self.s.set_default, table=t, column=col, default=value)]

        kind = "set_default" if default is not None else "drop_default"
        up, alts = self._online(kind, stmt(default)[0])
        return [Phase(name="Set column default" if default is not None else "Drop column default",
                      operation=op.describe(), table=table, up=up, up_alternatives=alts, down=stmt(old_default))]

    def _backfill(self, op, table: str, assign: str, where: str) -> Phase:
        t = self.q(table)
        statement = self.fmt(self.s.batch_update, table=t, assign=assign, where=where, batch=self.batch)
        return Phase(name="Backfill data", operation=op.describe(), table=table, transactional=False,
                     backfill=Backfill(table=table, statement=statement,
                                       remaining=f"SELECT count(*) FROM {t} WHERE {where}", batch_size=self.batch),
                     note="runs in batches of %d rows, each committed on its own" % self.batch)

    def _not_null(self, op, table: Table, column: str, *, with_column: Column) -> list[Phase]:
        """Make ``column`` NOT NULL: via a validated CHECK where the dialect can, else one ALTER."""
        t, col = self.q(table.name), self.q(column)
        strict = with_column.model_copy(update={"nullable": False})
        loose = with_column.model_copy(update={"nullable": True})
        set_nn = self.fmt(self.s.set_not_null, table=t, column=col,
                          definition=sb.column_definition(self.d, table, strict))
        drop_nn = self.fmt(self.s.drop_not_null, table=t, column=col,
                           definition=sb.column_definition(self.d, table, loose))
        if not self.s.not_null_via_check:
            up, alts = self._online("set_not_null", set_nn)
            return [Phase(name="Add NOT NULL constraint", operation=op.describe(), table=table.name, up=up,
                          up_alternatives=alts, down=[drop_nn], blocking=not alts,
                          note="the server checks every row while the table is locked" if not alts else None)]
        check = self.q(self.own("ck", table.name, column, "not_null"))
        add_check = self.fmt(self.s.add_constraint_unvalidated, table=t, name=check, body=f"CHECK ({col} IS NOT NULL)")
        drop_check = self.fmt(self.s.drop_constraint["ck"], table=t, name=check)
        return [
            Phase(name="Add NOT NULL check (not validated)", operation=op.describe(), table=table.name,
                  up=[add_check], down=[drop_check]),
            Phase(name="Validate NOT NULL check", operation=op.describe(), table=table.name,
                  up=[self.fmt(self.s.validate_constraint, table=t, name=check)], down=[],
                  note="scans the table without blocking writes"),
            Phase(name="Add NOT NULL constraint", operation=op.describe(), table=table.name,
                  up=[set_nn, drop_check], down=[add_check, drop_nn],
                  note="uses the validated check as proof: no table scan under lock"),
        ]

    def _drop_column(self, op: DropColumn) -> list[Phase]:
        table = self.t(op.table)
        return self._drop_column_kept(op, table, op.column, name="Drop column")

    def _drop_column_kept(self, op, table: Table, column: Column, *, name: str) -> list[Phase]:
        """Save the column's values by primary key, then drop it; rollback re-adds and refills it."""
        t, col = self.q(table.name), self.q(column.name)
        pk = table.primary_key_columns
        drop, alts = self._online("drop_column", self.fmt(self.s.drop_column, table=t, column=col))
        loose = column.model_copy(update={"nullable": True, "default": None, "autoincrement": False})
        readd = self.fmt(self.s.add_column, table=t, definition=sb.column_definition(self.d, table, loose))
        if not pk:
            return [Phase(name=name, operation=op.describe(), table=table.name, up=drop, up_alternatives=alts,
                          down=[readd], destructive=True,
                          note="the table has no primary key: rollback re-adds the column empty")]
        backup = self.own(OWN_PREFIX + "bak", self.tag, table.name, column.name)
        bq = self.q(backup)
        cols = ", ".join(self.q(c) for c in pk + [column.name])
        save = self.fmt(self.s.create_table_as, name=bq, columns=cols, table=t)
        join = " AND ".join(f"b.{self.q(c)} = {t}.{self.q(c)}" for c in pk)
        refill = self.fmt(self.s.restore_column, table=t, column=col, backup=bq, join=join)
        down = [readd, refill]
        if not column.nullable or column.default is not None:
            down += self._restore_column_rules(table, column)
        keyed = sb.create_index(self.d, backup, Index(name=self.own(backup, "pk"), columns=pk))
        return [
            Phase(name="Save column data", operation=op.describe(), table=table.name, up=[save, keyed],
                  down=[sb.drop_table(self.d, backup)], note=f"copies {table.name}.{column.name} to {backup}"),
            Phase(name=name, operation=op.describe(), table=table.name, up=drop, up_alternatives=alts, down=down,
                  destructive=True),
        ]

    def _restore_column_rules(self, table: Table, column: Column) -> list[str]:
        t, col = self.q(table.name), self.q(column.name)
        out = []
        if column.default is not None:
            out.append(self.fmt(self.s.set_default, table=t, column=col,
                                default=sb.expression(self.d, column.default)))
        if not column.nullable:
            out.append(self.fmt(self.s.set_not_null, table=t, column=col,
                                definition=sb.column_definition(self.d, table, column)))
        return out

    def _alter_column(self, op: AlterColumn) -> list[Phase]:
        table = self.t(op.table)
        phases: list[Phase] = []
        current = op.old
        if op.type_changed:
            phases += self._change_type(op, table, op.old, op.new)
            current = current.model_copy(update={"type": op.new.type})
            table = apply_operations(self.state, [AlterColumn(table=op.table, old=op.old, new=current)]).table(op.table)
        if op.default_changed:
            phases += self._set_default(op, op.table, op.new.name,
                                        sb.expression(self.d, op.new.default) if op.new.default is not None else None,
                                        sb.expression(self.d, op.old.default) if op.old.default is not None else None)
            current = current.model_copy(update={"default": op.new.default})
        if op.autoincrement_changed:
            phases.append(self._identity(op, table, current.model_copy(update={"autoincrement": op.new.autoincrement})))
        if op.nullability_changed:
            if not op.new.nullable:
                phases += self._not_null(op, table, op.new.name, with_column=current.model_copy(
                    update={"autoincrement": op.new.autoincrement}))
            else:
                t, col = self.q(op.table), self.q(op.new.name)
                strict = current.model_copy(update={"nullable": False, "autoincrement": op.new.autoincrement})
                loose = current.model_copy(update={"nullable": True, "autoincrement": op.new.autoincrement})
                up, alts = self._online("drop_not_null", self.fmt(
                    self.s.drop_not_null, table=t, column=col, definition=sb.column_definition(self.d, table, loose)))
                phases.append(Phase(name="Drop NOT NULL constraint", operation=op.describe(), table=op.table, up=up,
                                    up_alternatives=alts,
                                    down=[self.fmt(self.s.set_not_null, table=t, column=col,
                                                   definition=sb.column_definition(self.d, table, strict))]))
        return phases

    def _identity(self, op: AlterColumn, table: Table, column: Column) -> Phase:
        t, col = self.q(table.name), self.q(column.name)
        on = self.fmt(self.s.add_identity, table=t, column=col,
                      definition=sb.column_definition(self.d, table, column.model_copy(update={"autoincrement": True})))
        off = self.fmt(self.s.drop_identity, table=t, column=col,
                       definition=sb.column_definition(self.d, table, column.model_copy(update={"autoincrement": False})))
        return Phase(name="Change identity", operation=op.describe(), table=table.name,
                     up=[on if column.autoincrement else off], down=[off if column.autoincrement else on])

    def _in_a_key(self, table: Table, column: str) -> bool:
        low = column.lower()
        groups = [table.primary_key_columns] + [fk.columns for fk in table.foreign_keys]
        groups += [u.columns for u in table.unique_constraints] + [i.columns for i in table.indexes]
        groups += [fk.ref_columns for _, fk in self.state.references_to(table.name)]
        return any(low in (c.lower() for c in g) for g in groups)

    def _change_type(self, op: AlterColumn, table: Table, old: Column, new: Column) -> list[Phase]:
        t, col = self.q(table.name), self.q(old.name)
        new_type = sb.type_sql(self.d, new, table)
        old_type = sb.type_sql(self.d, old, table)
        target = old.model_copy(update={"type": new.type})
        if not self.s.type_change_expand_contract or self._in_a_key(table, old.name):
            def modify(c: Column, type_text: str) -> str:
                return self.fmt(self.s.alter_type, table=t, column=col, type=type_text,
                                definition=sb.column_definition(self.d, table, c))
            up, alts = self._online("alter_type", modify(target, new_type))
            why = ("the column is part of a key or index, so it is changed in place"
                   if self.s.type_change_expand_contract else None)
            return [Phase(name="Change column type", operation=op.describe(), table=table.name, up=up,
                          up_alternatives=alts, down=[modify(old, old_type)], destructive=op.destructive,
                          blocking=True, note=why or "the server may copy the table (fallback: ALGORITHM=COPY)")]
        # expand / contract
        shadow = self.own(old.name, "sa_new")
        retired = self.own(old.name, "sa_old")
        trigger = self.own("sa_sync", table.name, old.name)
        function = self.own("sa_sync_fn", table.name, old.name)
        names = dict(table=t, column=col, shadow=self.q(shadow), type=new_type, cast_type=new_type,
                     trigger=self.q(trigger), function=self.q(function))
        shadow_col = new.model_copy(update={"name": shadow, "nullable": True, "default": None, "autoincrement": False})
        add_shadow = self.fmt(self.s.add_column, table=t, definition=sb.column_definition(self.d, table, shadow_col))
        drop_shadow = self.fmt(self.s.drop_column, table=t, column=self.q(shadow))
        install = [self.fmt(x, **names) for x in self.s.sync_trigger]
        remove = [self.fmt(x, **names) for x in self.s.drop_sync_trigger]
        rename = self.s.rename_column
        switch = remove + [
            self.fmt(rename, table=t, old=col, new=self.q(retired)),
            self.fmt(rename, table=t, old=self.q(shadow), new=col),
        ] + self._new_comments(table, old)  # the comment stays with the name
        unswitch = [
            self.fmt(rename, table=t, old=col, new=self.q(shadow)),
            self.fmt(rename, table=t, old=self.q(retired), new=col),
        ] + install
        after_switch = table.model_copy(deep=True)
        if old.default is not None:
            switch.append(self.fmt(self.s.drop_default, table=t, column=self.q(retired)))
            switch.append(self.fmt(self.s.set_default, table=t, column=col, default=sb.expression(self.d, old.default)))
            unswitch = [self.fmt(self.s.drop_default, table=t, column=col),
                        self.fmt(self.s.set_default, table=t, column=self.q(retired),
                                 default=sb.expression(self.d, old.default))] + unswitch
        prove_not_null: list[Phase] = []
        if not old.nullable:
            # the shadow column is proven NOT NULL by a validated CHECK before the switch, so SET NOT
            # NULL inside the switch needs no table scan under its exclusive lock
            check = self.q(self.own("ck", table.name, shadow, "not_null"))
            add_check = self.fmt(self.s.add_constraint_unvalidated, table=t, name=check,
                                 body=f"CHECK ({self.q(shadow)} IS NOT NULL)")
            drop_check = self.fmt(self.s.drop_constraint["ck"], table=t, name=check)
            prove_not_null = [
                Phase(name="Add NOT NULL check (not validated)", operation=op.describe(), table=table.name,
                      up=[add_check], down=[drop_check]),
                Phase(name="Validate NOT NULL check", operation=op.describe(), table=table.name,
                      up=[self.fmt(self.s.validate_constraint, table=t, name=check)], down=[],
                      note="scans the table without blocking writes"),
            ]
            switch.append(self.fmt(self.s.drop_not_null, table=t, column=self.q(retired), definition=""))
            switch.append(self.fmt(self.s.set_not_null, table=t, column=col, definition=""))
            switch.append(drop_check)
            unswitch = [self.fmt(self.s.drop_not_null, table=t, column=col, definition=""),
                        self.fmt(self.s.set_not_null, table=t, column=self.q(retired), definition="")] + unswitch
            unswitch.append(add_check)
        retired_col = old.model_copy(update={"name": retired})
        after_switch.columns.append(retired_col)
        phases = [
            Phase(name="Add shadow column", operation=op.describe(), table=table.name, up=[add_shadow], down=[drop_shadow]),
            Phase(name="Install sync trigger", operation=op.describe(), table=table.name, up=install, down=remove,
                  note="keeps the shadow column in step with writes during the backfill"),
            self._backfill(op, table.name, f"{self.q(shadow)} = {self.fmt(self.s.cast, expr=col, type=new_type)}",
                           f"{self.q(shadow)} IS NULL AND {col} IS NOT NULL"),
            *prove_not_null,
            Phase(name="Switch to the new column", operation=op.describe(), table=table.name, up=switch,
                  down=unswitch, destructive=op.destructive),
        ]
        phases += self._drop_column_kept(op, after_switch, retired_col, name="Drop old column")
        return phases

    # constraints ----------------------------------------------------------------------------------------
    def _drop(self, op, kind: str, name: str, add_back: list[str], label: str) -> list[Phase]:
        t = self.q(op.table)
        return [Phase(name=f"Drop {label}", operation=op.describe(), table=op.table,
                      up=[self.fmt(self.s.drop_constraint[kind], table=t, name=self.q(name))], down=add_back)]

    def _add_plain(self, table: str, name: str, body: str) -> str:
        return self.fmt(self.s.add_constraint, table=self.q(table), name=self.q(name), body=body)

    def _drop_foreign_key(self, op: DropForeignKey) -> list[Phase]:
        name = sb.fk_name(op.table, op.foreign_key)
        return self._drop(op, "fk", name, [self._add_plain(op.table, name, sb.fk_body(self.d, op.foreign_key))],
                          "foreign key")

    def _drop_unique(self, op: DropUnique) -> list[Phase]:
        name = sb.unique_name(op.table, op.unique)
        return self._drop(op, "uq", name, [self._add_plain(op.table, name, sb.unique_body(self.d, op.unique))],
                          "unique constraint")

    def _drop_check(self, op: DropCheck) -> list[Phase]:
        name = sb.check_name(op.table, op.check)
        return self._drop(op, "ck", name, [self._add_plain(op.table, name, sb.check_body(self.d, op.check))],
                          "check constraint")

    def _drop_primary_key(self, op: DropPrimaryKey) -> list[Phase]:
        name = sb.pk_name(op.table, op.primary_key)
        return self._drop(op, "pk", name, [self._add_plain(op.table, name, sb.pk_body(self.d, op.primary_key))],
                          "primary key")

    def _validated(self, op, table: str, name: str, body: str, label: str) -> list[Phase]:
        """Add a constraint without a long lock: NOT VALID, then VALIDATE (where the dialect can)."""
        t, n = self.q(table), self.q(name)
        drop = self.fmt(self.s.drop_constraint[label[:2]], table=t, name=n)
        if not self.s.add_constraint_unvalidated:
            up, alts = self._online("add_" + label[:2], self._add_plain(table, name, body))
            return [Phase(name=f"Add {_LABEL[label[:2]]}", operation=op.describe(), table=table, up=up,
                          up_alternatives=alts, down=[drop], blocking=True,
                          note="checks existing rows while the table is locked")]
        return [
            Phase(name=f"Add {_LABEL[label[:2]]} (not validated)", operation=op.describe(), table=table,
                  up=[self.fmt(self.s.add_constraint_unvalidated, table=t, name=n, body=body)], down=[drop],
                  note="new writes are checked from now on; existing rows are checked by the next phase"),
            Phase(name=f"Validate {_LABEL[label[:2]]}", operation=op.describe(), table=table,
                  up=[self.fmt(self.s.validate_constraint, table=t, name=n)], down=[],
                  note="scans existing rows without blocking writes"),
        ]

    def _add_foreign_key(self, op: AddForeignKey) -> list[Phase]:
        return self._validated(op, op.table, sb.fk_name(op.table, op.foreign_key), sb.fk_body(self.d, op.foreign_key),
                               "fk")

    def _add_check(self, op: AddCheck) -> list[Phase]:
        name = sb.check_name(op.table, op.check)
        return self._validated(op, op.table, name, sb.check_body(self.d, op.check), "ck")

    def _add_keyed(self, op, kind: str, name: str, columns: list[str], body: str, using: str) -> list[Phase]:
        t = self.q(op.table)
        drop = self.fmt(self.s.drop_constraint[kind], table=t, name=self.q(name))
        if not self.s.unique_via_index:
            up, alts = self._online("add_" + kind, self._add_plain(op.table, name, body))
            return [Phase(name=f"Add {_LABEL[kind]}", operation=op.describe(), table=op.table, up=up,
                          up_alternatives=alts, down=[drop])]
        index = self.q(name)
        cols = ", ".join(self.q(c) for c in columns)
        build = self.fmt(self.s.create_index_online, unique="UNIQUE ", name=index, table=t, columns=cols, where="")
        return [
            Phase(name="Build unique index concurrently", operation=op.describe(), table=op.table,
                  up=[self.fmt(self.s.drop_index_online, name=index), build],
                  down=[self.fmt(self.s.drop_index_online, name=index)], transactional=False,
                  note="CONCURRENTLY cannot run inside a transaction; a failed build is dropped and rebuilt"),
            Phase(name=f"Attach index as {_LABEL[kind]}", operation=op.describe(), table=op.table,
                  up=[self.fmt(using, table=t, name=self.q(name), index=index)], down=[drop]),
        ]

    def _add_unique(self, op: AddUnique) -> list[Phase]:
        name = sb.unique_name(op.table, op.unique)
        return self._add_keyed(op, "uq", name, op.unique.columns, sb.unique_body(self.d, op.unique),
                               self.s.add_unique_using_index)

    def _add_primary_key(self, op: AddPrimaryKey) -> list[Phase]:
        name = sb.pk_name(op.table, op.primary_key)
        return self._add_keyed(op, "pk", name, op.primary_key.columns, sb.pk_body(self.d, op.primary_key),
                               self.s.add_primary_key_using_index)

    # indexes ----------------------------------------------------------------------------------------------
    def _add_index(self, op: AddIndex) -> list[Phase]:
        table = self.t(op.table)
        plain = sb.create_index(self.d, table, op.index)
        drop = self.fmt(self.s.drop_index, name=self.q(op.index.name), table=self.q(op.table))
        if self.s.create_index_online:
            online = plain.replace("INDEX ", "INDEX CONCURRENTLY ", 1)
            return [Phase(name="Create index concurrently", operation=op.describe(), table=op.table,
                          up=[self.fmt(self.s.drop_index_online, name=self.q(op.index.name)), online],
                          down=[self.fmt(self.s.drop_index_online, name=self.q(op.index.name))], transactional=False,
                          note="CONCURRENTLY cannot run inside a transaction; a failed build is dropped and rebuilt")]
        up, alts = self._online("add_index", plain.rstrip(";"))
        return [Phase(name="Create index", operation=op.describe(), table=op.table, up=up, up_alternatives=alts,
                      down=[drop])]

    def _drop_index(self, op: DropIndex) -> list[Phase]:
        table = self.t(op.table)
        drop = self.fmt(self.s.drop_index, name=self.q(op.index.name), table=self.q(op.table))
        up, alts = self._online("drop_index", drop)
        return [Phase(name="Drop index", operation=op.describe(), table=op.table, up=up, up_alternatives=alts,
                      down=[sb.create_index(self.d, table, op.index)])]

    # SQLite: rebuild instead of ALTER ---------------------------------------------------------------------
    def _needs_rebuild(self, op) -> bool:
        kind = op.op
        if isinstance(op, AddColumn) and (not op.column.nullable or op.column.autoincrement):
            kind = "add_column_not_null"
        if isinstance(op, DropColumn) and (self._in_a_key(self.t(op.table), op.column.name) or (
                not self.s.set_not_null and (not op.column.nullable or op.column.default is not None))):
            kind = "drop_column_constrained"  # rollback could not restore NOT NULL/DEFAULT with ALTER
        return kind in self.s.rebuild_for

    def _rebuilt_tables(self, ops: list) -> set[str]:
        """Tables (lower case, names as when rebuilt) that the SQLite-style rebuild re-makes."""
        if not self.s.rebuild_for:
            return set()
        created = {op.table.name.lower() for op in ops if isinstance(op, CreateTable)}
        rebuilt: set[str] = set()
        # Each op is judged against the schema as it will be when the op runs (after earlier renames).
        start, self.state = self.state, self.state.model_copy(deep=True)
        try:
            for op in ops:
                table = getattr(op, "table", None)
                if isinstance(table, str) and table.lower() not in created and self._needs_rebuild(op):
                    rebuilt.add(table.lower())
                self.state = apply_operations(self.state, [op])
        finally:
            self.state = start
        return rebuilt

    def _phases_with_rebuilds(self, ops: list) -> list[Phase]:
        created = {op.table.name.lower() for op in ops if isinstance(op, CreateTable)}
        rebuilt = self._rebuilt_tables(ops)
        native = (RenameColumn, CommentTable, CommentColumn)  # renames run natively, first; comments alone
        last_index = {}
        for i, op in enumerate(ops):
            table = getattr(op, "table", None)
            if isinstance(table, str) and table.lower() in rebuilt and not isinstance(op, native):
                last_index[table.lower()] = i
        phases: list[Phase] = []
        pending: dict[str, tuple[Table, list]] = {}
        for i, op in enumerate(ops):
            table = getattr(op, "table", None)
            key = table.lower() if isinstance(table, str) else None
            if isinstance(op, CreateTable):
                final = self.new.table(op.table.name)
                phases += self._create_table(CreateTable(table=final))
                self.state = apply_operations(self.state, [op])
                continue
            elif isinstance(op, AddForeignKey) and key in created:
                pass  # created in its final form, foreign keys included
            elif key in rebuilt and not isinstance(op, native):
                if key not in pending:
                    pending[key] = (self.t(table).model_copy(deep=True), [])
                pending[key][1].append(op)
                self.state = apply_operations(self.state, [op])
                if last_index[key] == i:
                    before, folded = pending.pop(key)
                    phases.append(self._rebuild(before, self.t(table), folded))
                continue
            else:
                phases += getattr(self, "_" + op.op)(op)
            self.state = apply_operations(self.state, [op])
        return phases

    def _rebuild(self, before: Table, after: Table, folded: list) -> Phase:
        """The documented 12-step procedure, with a snapshot so rollback can restore the rows."""
        temp = self.own(OWN_PREFIX + "new", after.name)
        snapshot = self.own(OWN_PREFIX + "bak", self.tag, after.name)
        t, tmp, snap = self.q(after.name), self.q(temp), self.q(snapshot)
        targets, sources = [], []
        for c in after.columns:
            prior = before.column(c.name)
            if prior is None:
                if c.default is not None:
                    targets.append(self.q(c.name))
                    sources.append(sb.expression(self.d, c.default))
                continue
            targets.append(self.q(c.name))
            src = self.q(prior.name)
            if prior.type != c.type:
                src = self.fmt(self.s.cast, expr=src, type=sb.type_sql(self.d, c, after))
            sources.append(src)
        up = [self.fmt(self.s.create_table_as, name=snap, columns="*", table=t)]
        up += self._rebuild_statements(after, t, tmp, temp, ", ".join(targets), ", ".join(sources), t)
        before_cols = ", ".join(self.q(c.name) for c in before.columns)
        down = self._rebuild_statements(before, t, tmp, temp, before_cols, before_cols, snap)
        down.append(sb.drop_table(self.d, snapshot))
        return Phase(name="Rebuild table", operation="; ".join(op.describe() for op in folded), table=after.name,
                     up=up, down=down, foreign_keys_off=True, destructive=any(op.destructive for op in folded),
                     blocking=True, note=f"new table, copy, drop, rename; the old rows are kept in {snapshot}")

    def _rebuild_statements(self, shape: Table, t: str, tmp: str, temp: str, targets: str, sources: str,
                            source_table: str) -> list[str]:
        renamed = shape.model_copy(deep=True, update={"name": temp, "indexes": []})
        out = [sb.create_table(self.d, renamed)[0]]
        out.append(f"INSERT INTO {tmp} ({targets}) SELECT {sources} FROM {source_table}")
        out.append(sb.drop_table(self.d, shape.name))
        out.append(self.fmt(self.s.rename_table, table=tmp, new=t))
        out += [sb.create_index(self.d, shape, i) for i in shape.indexes]
        return out


def _appends(old, new) -> bool:
    """The new view keeps every old output column as it was (name and expression) and adds some after."""
    n = len(old.projections)
    return bool(n) and len(new.projections) >= n and new.projections[:n] == old.projections and \
        new.columns[:n] == old.columns


_LABEL = {"fk": "foreign key", "ck": "check constraint", "uq": "unique constraint", "pk": "primary key"}
