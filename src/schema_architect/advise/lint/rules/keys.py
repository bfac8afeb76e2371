"""Keys and references: primary keys, foreign keys, their indexes and types, cycles."""

from __future__ import annotations

from ....model import ForeignKey, Schema, TypeKind
from .. import fixes
from ..registry import rule
from ._util import fk_columns, has_leading, id_stem, table_for_stem


@rule("SA201", "table-without-primary-key", "error",
      "Every table has a primary key.",
      "Without a primary key rows cannot be addressed one by one: duplicates creep in, replication "
      "and ORMs break, and foreign keys have nothing to point at.")
def table_without_primary_key(schema: Schema, ctx):
    for t in schema.tables:
        if t.primary_key is not None:
            continue
        candidate = next((c.name for c in t.columns if c.name.lower() in ("id", f"{t.name.lower()}_id")), None)
        fix = fixes.add_primary_key(t.name, [candidate], ctx.dialect) if candidate else None
        hint = f" ({candidate} looks like the key)" if candidate else ""
        yield ctx.finding(f"table {t.name} has no primary key{hint}", table=t.name, fix_sql=fix)


@rule("SA202", "id-column-without-foreign-key", "warning",
      "A column named like `<thing>_id` that is not the table's own key is declared as a foreign key.",
      "An undeclared reference lets orphan rows in and hides the relationship from diagrams and tools.")
def id_column_without_foreign_key(schema: Schema, ctx):
    for t in schema.tables:
        covered = fk_columns(t)
        pk = {c.lower() for c in t.primary_key_columns}
        for c in t.columns:
            stem = id_stem(c.name)
            if stem is None or c.name.lower() in covered:
                continue
            if pk == {c.name.lower()}:
                continue  # the table's own surrogate key
            target = table_for_stem(schema, stem)
            # A polymorphic pair (<stem>_type next to it) is SA504's business.
            if any(o.name.lower() in (f"{stem}_type", f"{stem}type") for o in t.columns):
                continue
            fix = None
            if target is not None and target is not t and len(target.primary_key_columns) == 1:
                fk = ForeignKey(columns=[c.name], ref_table=target.name, ref_columns=target.primary_key_columns)
                fix = fixes.add_foreign_key(t.name, fk, ctx.dialect)
            where = f"; {target.name} looks like the target" if target is not None and target is not t else ""
            yield ctx.finding(f"{t.name}.{c.name} looks like a reference but has no foreign key{where}",
                              table=t.name, column=c.name, fix_sql=fix)


@rule("SA203", "foreign-key-without-index", "warning",
      "Each foreign key's columns lead some index (or the primary key).",
      "Deleting or updating a parent row scans the whole child table without one, and joins from the "
      "parent cannot use an index; PostgreSQL does not create these indexes automatically.")
def foreign_key_without_index(schema: Schema, ctx):
    for t in schema.tables:
        for fk in t.foreign_keys:
            if not has_leading(t, fk.columns):
                yield ctx.finding(f"foreign key {t.name}({', '.join(fk.columns)}) -> {fk.ref_table} has no index "
                                  "starting with its columns", table=t.name, column=fk.columns[0],
                                  fix_sql=fixes.create_index(t.name, fk.columns, ctx.dialect))


@rule("SA204", "foreign-key-type-mismatch", "error",
      "A foreign key column has the same type as the column it references.",
      "Mismatched types (int vs bigint, varchar(10) vs varchar(20)) force casts in every join, can "
      "prevent index use, and let values in that the parent can never hold.")
def foreign_key_type_mismatch(schema: Schema, ctx):
    for t in schema.tables:
        for fk in t.foreign_keys:
            target = schema.table(fk.ref_table)
            if target is None:
                continue
            for col_name, ref_name in zip(fk.columns, fk.ref_columns):
                col, ref = t.column(col_name), target.column(ref_name)
                if col is None or ref is None or _same_type(col.type, ref.type):
                    continue
                yield ctx.finding(f"{t.name}.{col.name} is {col.type} but references {target.name}.{ref.name} "
                                  f"which is {ref.type}", table=t.name, column=col.name,
                                  fix_sql=fixes.alter_column_type(t.name, col, ref.type, ctx.dialect))


def _same_type(a, b) -> bool:
    return a == b or (a.kind == b.kind and a.kind not in (TypeKind.VARCHAR, TypeKind.CHAR, TypeKind.DECIMAL))


@rule("SA205", "foreign-key-cycle", "warning",
      "Foreign keys between tables do not form a cycle (other than a table referencing itself).",
      "A cycle means no table can be loaded first: inserts need deferred constraints or NULLs, and "
      "deletes need cascades that are hard to reason about.")
def foreign_key_cycle(schema: Schema, ctx):
    graph: dict[str, set[str]] = {t.name.lower(): set() for t in schema.tables}
    names = {t.name.lower(): t.name for t in schema.tables}
    for t in schema.tables:
        for fk in t.foreign_keys:
            if fk.ref_table.lower() != t.name.lower() and fk.ref_table.lower() in graph:
                graph[t.name.lower()].add(fk.ref_table.lower())
    for cycle in _cycles(graph):
        path = " -> ".join(names[n] for n in cycle + [cycle[0]])
        yield ctx.finding(f"foreign keys form a cycle: {path}", table=names[cycle[0]],
                          detail="make one of the foreign keys DEFERRABLE INITIALLY DEFERRED or nullable, "
                                 "or move the back-reference into a link table")


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """One cycle per strongly connected component with more than one table (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    out: list[list[str]] = []
    counter = [0]

    def visit(v: str) -> None:
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return out


@rule("SA206", "nullable-column-in-unique-key", "warning",
      "Columns of a UNIQUE constraint are NOT NULL.",
      "NULLs are never equal, so a unique key on a nullable column accepts any number of rows with "
      "NULL there: the key does not identify what it seems to.")
def nullable_column_in_unique_key(schema: Schema, ctx):
    for t in schema.tables:
        keys = [u.columns for u in t.unique_constraints] + [i.columns for i in t.indexes if i.unique and i.columns]
        seen: set[str] = set()
        for cols in keys:
            for name in cols:
                c = t.column(name)
                if c is not None and c.nullable and c.name not in seen:
                    seen.add(c.name)
                    yield ctx.finding(f"{t.name}.{c.name} is nullable but part of a unique key ({', '.join(cols)})",
                                      table=t.name, column=c.name,
                                      fix_sql=fixes.set_not_null(t.name, c, ctx.dialect))


@rule("SA207", "foreign-key-target-not-unique", "error",
      "A foreign key references the primary key or a unique key of the parent table.",
      "Most databases reject it outright, and where allowed the reference is ambiguous.")
def foreign_key_target_not_unique(schema: Schema, ctx):
    for t in schema.tables:
        for fk in t.foreign_keys:
            target = schema.table(fk.ref_table)
            if target is not None and not target.is_unique_on(fk.ref_columns):
                yield ctx.finding(f"foreign key {t.name}({', '.join(fk.columns)}) references "
                                  f"{target.name}({', '.join(fk.ref_columns)}), which is not unique",
                                  table=t.name, column=fk.columns[0],
                                  fix_sql=fixes.create_index(target.name, fk.ref_columns, ctx.dialect, unique=True))


@rule("SA208", "floating-point-key", "error",
      "Primary, unique and foreign keys do not use floating-point columns.",
      "Floating-point equality is unreliable (0.1 + 0.2 != 0.3), so lookups by key can miss rows.")
def floating_point_key(schema: Schema, ctx):
    for t in schema.tables:
        keyed = set(t.primary_key_columns) | fk_columns(t)
        for u in t.unique_constraints:
            keyed |= set(u.columns)
        for c in t.columns:
            if c.type.kind is TypeKind.FLOAT and (c.name in keyed or c.name.lower() in keyed):
                yield ctx.finding(f"{t.name}.{c.name} is a floating-point key column", table=t.name, column=c.name)
