"""Compare two schema models into an ordered list of operations (Alembic autogenerate style).

What is compared: tables, columns (type, nullability, default, identity), primary keys, foreign
keys, unique and check constraints, indexes, views (definition and output columns) and comments on
tables and columns. Constraints are matched by what they cover, not by name (names differ between
sources: a DDL file may leave them out, a database always has them). View definitions are compared
in a canonical form (:mod:`.views`), so a database's read-back text of an unchanged view equals the
DDL's. Column order is not compared. Renames are detected for tables (name and column-set
similarity) and columns (same type, similar name); each carries a confidence, and ``renames``
(``old:new`` for a table, ``table.old:new`` for a column) overrides detection.

The operations come out in a safe order (the plan keeps it): drop views, renames, drop dependent
constraints, create tables, add columns, alter columns, drop columns, add constraints, comments, drop
tables, create or replace views. Views that a change breaks without being changed themselves are
the planner's business (it drops and recreates them around the change, per dialect).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from ..errors import InputError
from ..model import Column, Schema, Table
from ..model.naming import snake_case, words
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
    RenameColumn,
    RenameTable,
    ReplaceView,
    apply_operations,
    check_key,
    fk_key,
    index_key,
    normalize_sql,
    pk_key,
    unique_key,
)
from .views import ViewReader

TABLE_RENAME_THRESHOLD = 0.6
COLUMN_RENAME_THRESHOLD = 0.6


@dataclass
class RenameCandidate:
    kind: str  # "table" or "column"
    old: str  # "Customer" or "Customer.Phone"
    new: str
    confidence: float
    accepted: bool
    forced: bool = False  # given with --rename


@dataclass
class SchemaDiff:
    operations: list = field(default_factory=list)
    renames: list[RenameCandidate] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not self.operations

    def describe(self) -> list[str]:
        return [op.describe() for op in self.operations]

    def to_dict(self) -> dict:
        return {
            "operations": [op.model_dump(mode="json", exclude_defaults=False) for op in self.operations],
            "renames": [vars(r) for r in self.renames],
        }


# -- renames -------------------------------------------------------------------------------------------
def parse_renames(specs: list[str] | tuple[str, ...]) -> tuple[dict[str, str], dict[tuple[str, str], str]]:
    """``["Customer:Client", "Track.Name:Title"]`` -> table renames and (table, column) renames."""
    tables: dict[str, str] = {}
    columns: dict[tuple[str, str], str] = {}
    for spec in specs:
        if spec.count(":") != 1:
            raise InputError(f"--rename {spec!r}: expected old:new or table.old:new",
                             hint="e.g. --rename customer:client or --rename customer.phone:phone_number")
        old, new = (p.strip() for p in spec.split(":"))
        if not old or not new:
            raise InputError(f"--rename {spec!r}: both sides need a name")
        if "." in old:
            table, col = old.split(".", 1)
            columns[(table.lower(), col.lower())] = new.split(".")[-1]
        else:
            tables[old.lower()] = new
    return tables, columns


def name_similarity(a: str, b: str) -> float:
    """0..1: how alike two identifiers are, ignoring case and word separators."""
    sa, sb = snake_case(a), snake_case(b)
    if sa == sb:
        return 1.0
    score = SequenceMatcher(None, sa, sb).ratio()
    wa, wb = set(words(a)), set(words(b))
    if wa and wb and (wa <= wb or wb <= wa):
        score = max(score, 0.75)  # "phone" -> "phone_number"
    return round(score, 3)


def _column_similarity(a: Table, b: Table) -> float:
    ca = {(c.name.lower(), c.type) for c in a.columns}
    cb = {(c.name.lower(), c.type) for c in b.columns}
    if not ca and not cb:
        return 0.0
    return len(ca & cb) / len(ca | cb)


def _pair(olds: list, news: list, score, threshold: float, forced: dict[str, str], kind: str,
          label=lambda x: x) -> tuple[dict[str, str], list[RenameCandidate]]:
    """Greedy best-first pairing of unmatched old and new names; forced pairs first."""
    pairs: dict[str, str] = {}
    cands: list[RenameCandidate] = []
    new_by_low = {n.lower(): n for n in news}
    for old in list(olds):
        target = forced.get(old.lower())
        if target is None:
            continue
        if target.lower() not in new_by_low:
            continue
        new = new_by_low[target.lower()]
        pairs[old] = new
        cands.append(RenameCandidate(kind, label(old), new, 1.0, True, True))
    rest_old = [o for o in olds if o not in pairs]
    rest_new = [n for n in news if n not in pairs.values()]
    scored = [(score(o, n), o, n) for o in rest_old for n in rest_new]
    scored = sorted((x for x in scored if x[0] is not None), key=lambda x: -x[0])
    used_o: set[str] = set()
    used_n: set[str] = set()
    for s, o, n in scored:
        if o in used_o or n in used_n:
            continue
        accepted = s >= threshold
        if not accepted and s < 0.4:
            continue  # not worth mentioning as a possible rename
        cands.append(RenameCandidate(kind, label(o), n, round(s, 3), accepted))
        if accepted:
            pairs[o] = n
            used_o.add(o)
            used_n.add(n)
    return pairs, cands


# -- the diff ------------------------------------------------------------------------------------------
def diff_schemas(old: Schema, new: Schema, *, renames: list[str] | tuple[str, ...] = (),
                 detect_renames: bool = True, compare_comments: bool = True) -> SchemaDiff:
    """The operations that turn ``old`` into ``new``, in a safe order.

    ``compare_comments=False``: comments are left out (for a database that has none, like SQLite)."""
    forced_tables, forced_columns = parse_renames(renames)
    _check_forced(old, new, forced_tables, forced_columns)
    result = SchemaDiff()

    # 1. tables: same name, then forced renames, then detected ones
    new_names = {t.name.lower() for t in new.tables}
    old_names = {t.name.lower() for t in old.tables}
    gone = [t.name for t in old.tables if t.name.lower() not in new_names or t.name.lower() in forced_tables]
    came = [t.name for t in new.tables if t.name.lower() not in old_names
            or t.name.lower() in {v.lower() for v in forced_tables.values()}]
    gone = [g for g in gone if g.lower() not in new_names or g.lower() in forced_tables]

    def table_score(o: str, n: str) -> float | None:
        if not detect_renames:
            return None
        to, tn = old.table(o), new.table(n)
        return 0.4 * name_similarity(o, n) + 0.6 * _column_similarity(to, tn)

    table_pairs, cands = _pair(gone, came, table_score, TABLE_RENAME_THRESHOLD, forced_tables, "table")
    result.renames.extend(cands)
    rename_ops: list = [RenameTable(old_name=o, new_name=n, confidence=_conf(cands, o, n))
                        for o, n in table_pairs.items()]

    # 2. columns of every paired table
    paired: list[tuple[str, str]] = [(t.name, new.table(t.name).name) for t in old.tables
                                     if new.table(t.name) is not None and t.name not in table_pairs]
    paired += list(table_pairs.items())
    for old_t_name, new_t_name in paired:
        ot, nt = old.table(old_t_name), new.table(new_t_name)
        gone_c = [c.name for c in ot.columns if nt.column(c.name) is None
                  or (old_t_name.lower(), c.name.lower()) in forced_columns]
        came_c = [c.name for c in nt.columns if ot.column(c.name) is None]
        forced_c = {col: new_c for (tab, col), new_c in forced_columns.items()
                    if tab in (old_t_name.lower(), new_t_name.lower())}
        came_c += [nt.column(v).name for v in forced_c.values()
                   if nt.column(v) is not None and nt.column(v).name not in came_c]

        def col_score(o: str, n: str, ot=ot, nt=nt) -> float | None:
            if not detect_renames or ot.column(o).type != nt.column(n).type:
                return None
            return name_similarity(o, n)

        col_pairs, ccands = _pair(gone_c, came_c, col_score, COLUMN_RENAME_THRESHOLD, forced_c, "column",
                                  label=lambda c, t=old_t_name: f"{t}.{c}")
        result.renames.extend(ccands)
        rename_ops += [RenameColumn(table=new_t_name, old_name=o, new_name=n,
                                    confidence=_conf(ccands, f"{old_t_name}.{o}", n))
                       for o, n in col_pairs.items()]

    # 3. everything else is compared on `old` with the renames applied
    renamed = apply_operations(old, rename_ops)
    drop_constraints: list = []
    create: list = []
    add_cols: list = []
    alter: list = []
    drop_cols: list = []
    add_constraints: list = []
    drop_tables: list = []
    comments: list = []

    renamed_pairs = [(table_pairs.get(o, o), n) for o, n in paired]
    for i_old, t_old in enumerate(old.tables):
        t_ren = renamed.tables[i_old]
        t_new = new.table(t_ren.name) if any(t_ren.name == p[0] for p in renamed_pairs) else None
        if t_new is None:
            # FKs pointing at a dropped table from kept tables are dropped with the constraints below
            drop_tables.append(DropTable(table=t_ren))
            continue
        dc, ac = _constraint_changes(t_old, t_ren, t_new)
        drop_constraints += dc
        add_constraints += ac
        if compare_comments and (t_ren.comment or None) != (t_new.comment or None):
            comments.append(CommentTable(table=t_ren.name, old=t_ren.comment or None, new=t_new.comment or None))
        for c in t_new.columns:
            before = t_ren.column(c.name)
            if before is None:
                add_cols.append(AddColumn(table=t_ren.name, column=c))
                continue
            if _column_differs(t_ren, before, t_new, c):
                alter.append(AlterColumn(table=t_ren.name, old=before, new=c))
            if compare_comments and (before.comment or None) != (c.comment or None):
                comments.append(CommentColumn(table=t_ren.name, column=c.name, old=before.comment or None,
                                              new=c.comment or None))
        for c in t_ren.columns:
            if t_new.column(c.name) is None:
                drop_cols.append(DropColumn(table=t_ren.name, column=c))

    old_ren_names = {t.name.lower() for t in renamed.tables}
    for t in new.tables:
        if t.name.lower() not in old_ren_names:
            bare = t.model_copy(deep=True, update={"foreign_keys": []})
            create.append(CreateTable(table=bare))
            add_constraints += [AddForeignKey(table=t.name, foreign_key=fk) for fk in t.foreign_keys]

    # constraints on tables being dropped go with their table; FKs *into* them were dropped above
    add_constraints.sort(key=lambda op: isinstance(op, AddForeignKey))  # FKs last: their targets exist
    drop_views, create_views = _view_changes(old, new)
    result.operations = (drop_views + rename_ops + drop_constraints + create + add_cols + alter + drop_cols
                         + add_constraints + comments + drop_tables + create_views)
    return result


def _view_changes(old: Schema, new: Schema) -> tuple[list, list]:
    """(drops, creates and replaces): drops readers first, creates after what they read."""
    if not old.views and not new.views:
        return [], []
    before, after = ViewReader(old), ViewReader(new)
    old_by = {v.name.lower(): v for v in old.views}
    new_by = {v.name.lower(): v for v in new.views}
    drops = [DropView(view=old_by[n]) for n in reversed(before.order()) if n not in new_by]
    creates: list = []
    for n in after.order():
        v = new_by[n]
        prior = old_by.get(n)
        if prior is None:
            after.shape(n).readable()  # a definition that cannot be read is not created
            creates.append(CreateView(view=v))
        elif view_differs(before, prior, after, v):
            after.shape(n).readable()
            creates.append(ReplaceView(old=prior, new=v))
    return drops, creates


def view_differs(before: ViewReader, a, after: ViewReader, b) -> bool:
    if a.definition == b.definition and [c.lower() for c in a.columns] == [c.lower() for c in b.columns]:
        return False
    sa, sb_ = before.shape(a.name), after.shape(b.name)
    return (sa.key, sa.columns) != (sb_.key, sb_.columns)


def _conf(cands: list[RenameCandidate], old: str, new: str) -> float:
    for c in cands:
        if c.old == old and c.new == new:
            return c.confidence
    return 1.0


def _check_forced(old: Schema, new: Schema, tables: dict[str, str], columns: dict[tuple[str, str], str]) -> None:
    for o, n in tables.items():
        if old.table(o) is None:
            raise InputError(f"--rename {o}:{n}: the FROM schema has no table {o!r}")
        if new.table(n) is None:
            raise InputError(f"--rename {o}:{n}: the TO schema has no table {n!r}")
    for (t, c), n in columns.items():
        table = old.table(t) or old.table(next((k for k, v in tables.items() if v.lower() == t), t))
        if table is None or table.column(c) is None:
            raise InputError(f"--rename {t}.{c}:{n}: the FROM schema has no column {t}.{c}")


def effective_nullable(table: Table, column: Column) -> bool:
    """Primary-key columns are NOT NULL whatever the source said."""
    return column.nullable and column.name.lower() not in {c.lower() for c in table.primary_key_columns}


def _column_differs(ta: Table, a: Column, tb: Table, b: Column) -> bool:
    return (a.type != b.type or effective_nullable(ta, a) != effective_nullable(tb, b)
            or normalize_sql(a.default) != normalize_sql(b.default) or a.autoincrement != b.autoincrement)


def _constraint_changes(t_old: Table, t_ren: Table, t_new: Table) -> tuple[list, list]:
    """(drops, adds) for one table; drops name the constraint as it is *before* the renames."""
    drops: list = []
    adds: list = []
    # after the renames, which constraint of t_ren matches: positions line up with t_old
    if pk_key(t_ren.primary_key) != pk_key(t_new.primary_key):
        if t_ren.primary_key:
            drops.append(DropPrimaryKey(table=t_ren.name, primary_key=t_ren.primary_key))
        if t_new.primary_key:
            adds.append(AddPrimaryKey(table=t_ren.name, primary_key=t_new.primary_key))
    kinds = (
        ("foreign_keys", fk_key, DropForeignKey, AddForeignKey, "foreign_key"),
        ("unique_constraints", unique_key, DropUnique, AddUnique, "unique"),
        ("check_constraints", check_key, DropCheck, AddCheck, "check"),
        ("indexes", index_key, DropIndex, AddIndex, "index"),
    )
    for attr, key, drop_cls, add_cls, field_name in kinds:
        ren_items, new_items = getattr(t_ren, attr), getattr(t_new, attr)
        new_keys = [key(x) for x in new_items]
        ren_keys = [key(x) for x in ren_items]
        for item in ren_items:
            if key(item) not in new_keys:
                drops.append(drop_cls(table=t_ren.name, **{field_name: item}))
        for item in new_items:
            if key(item) not in ren_keys:
                adds.append(add_cls(table=t_ren.name, **{field_name: item}))
    return drops, adds


# -- canonical form and fingerprint ----------------------------------------------------------------------
def canonical(schema: Schema, *, ignore_tables: tuple[str, ...] = (), comments: bool = True) -> dict:
    """What the diff compares, as plain data: equal canonical forms mean an empty diff."""
    out: dict = {}
    for t in schema.tables:
        if t.name.lower().startswith(ignore_tables):
            continue
        out[t.name.lower()] = {
            "columns": {
                c.name.lower(): [c.type.model_dump(mode="json"), effective_nullable(t, c),
                                 normalize_sql(c.default), c.autoincrement]
                + ([c.comment or None] if comments else [])
                for c in t.columns
            },
            "pk": list(pk_key(t.primary_key)),
            "fks": sorted(json.dumps(fk_key(x)) for x in t.foreign_keys),
            "uniques": sorted(json.dumps(unique_key(x)) for x in t.unique_constraints),
            "checks": sorted(check_key(x) for x in t.check_constraints),
            "indexes": sorted(json.dumps(index_key(x)) for x in t.indexes),
        }
        if comments:
            out[t.name.lower()]["comment"] = t.comment or None
    if schema.views:
        reader = ViewReader(schema)
        out["views (schema-architect)"] = {name: [s.key, list(s.columns)] for name, s in sorted(reader.all().items())}
    return out


def fingerprint(schema: Schema, *, ignore_tables: tuple[str, ...] = ()) -> str:
    """A short, stable hash of the canonical form: the plan records its FROM schema's fingerprint."""
    text = json.dumps(canonical(schema, ignore_tables=ignore_tables), sort_keys=True)
    return "sha256:" + hashlib.sha256(text.encode()).hexdigest()[:32]
