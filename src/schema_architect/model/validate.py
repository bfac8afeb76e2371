"""Structural consistency of a schema model: every name a constraint uses must exist.

This is not best-practice linting (that is ``advise``); it is what any renderer or database needs
to be true before it can do its job.
"""

from __future__ import annotations

from ..errors import ModelError
from .schema import Schema, Table


def problems(schema: Schema) -> list[str]:
    """Every structural problem, each as ``table.thing: what is wrong``. Empty when consistent."""
    found: list[str] = []
    seen_tables: set[str] = set()
    for t in schema.tables:
        low = t.name.lower()
        if low in seen_tables:
            found.append(f"{t.name}: table defined twice")
        seen_tables.add(low)
        found.extend(_table_problems(schema, t))
    return found


def _table_problems(schema: Schema, t: Table) -> list[str]:
    out: list[str] = []
    if not t.name.strip():
        out.append("a table has an empty name")
    names: set[str] = set()
    for c in t.columns:
        if c.name.lower() in names:
            out.append(f"{t.name}.{c.name}: column defined twice")
        names.add(c.name.lower())

    def need(cols: list[str], what: str) -> None:
        for c in cols:
            if c.lower() not in names:
                out.append(f"{t.name}: {what} names column {c!r}, which the table does not have")

    if t.primary_key:
        need(t.primary_key.columns, "primary key")
    for u in t.unique_constraints:
        need(u.columns, "unique constraint")
    for i in t.indexes:
        need(i.columns, f"index {i.name}")
        if not i.columns and not i.expressions:
            out.append(f"{t.name}: index {i.name} covers nothing")
    for fk in t.foreign_keys:
        need(fk.columns, "foreign key")
        if len(fk.columns) != len(fk.ref_columns):
            out.append(
                f"{t.name}: foreign key ({', '.join(fk.columns)}) has {len(fk.columns)} column(s) "
                f"but references {len(fk.ref_columns)}"
            )
        target = schema.table(fk.ref_table)
        if target is None:
            out.append(f"{t.name}: foreign key ({', '.join(fk.columns)}) references missing table {fk.ref_table!r}")
            continue
        for rc in fk.ref_columns:
            if target.column(rc) is None:
                out.append(f"{t.name}: foreign key references {fk.ref_table}.{rc}, which does not exist")
    return out


def check(schema: Schema, *, where: str | None = None) -> Schema:
    """Raise :class:`ModelError` listing the problems, or return the schema unchanged."""
    found = problems(schema)
    if found:
        more = f" (and {len(found) - 1} more)" if len(found) > 1 else ""
        raise ModelError(found[0] + more, where=where, hint="fix the schema so every referenced name exists")
    return schema
