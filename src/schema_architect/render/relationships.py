"""What every diagram needs to know about a foreign key, derived once from the model.

The rules (shared by Mermaid, PlantUML, DBML, Graphviz and the Markdown docs):

* the referenced (parent) side is *exactly one* when every FK column is NOT NULL, else *zero or one*;
* the referencing (child) side is *zero or one* when the FK columns are exactly the child's primary
  key or a UNIQUE constraint/index (a 1:1 relationship), else *zero or many*;
* the relationship is *identifying* when every FK column is part of the child's primary key.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import ModelError
from ..model import Column, ForeignKey, Schema, Table


@dataclass(frozen=True)
class Relationship:
    child: Table  # the table holding the foreign key
    parent: Table  # the referenced table
    fk: ForeignKey
    parent_optional: bool  # a FK column is nullable: a child may have no parent
    one_to_one: bool  # the FK columns are unique in the child
    identifying: bool  # the FK columns are part of the child's primary key

    @property
    def label(self) -> str:
        return ", ".join(self.fk.columns)


def table_index(schema: Schema) -> dict[str, Table]:
    """Tables by lower-cased name, for O(1) lookups on large schemas (first definition wins)."""
    index: dict[str, Table] = {}
    for t in schema.tables:
        index.setdefault(t.name.lower(), t)
    return index


def fk_column(table: Table, name: str) -> Column:
    col = table.column(name)
    if col is None:
        raise ModelError(
            f"foreign key names column {name!r}, which the table does not have",
            where=table.name,
            hint="fix the foreign key or add the column",
        )
    return col


def relationships(schema: Schema) -> list[Relationship]:
    """Every foreign key as a :class:`Relationship`, in table order then key order."""
    index = table_index(schema)
    out: list[Relationship] = []
    for child in schema.tables:
        pk = {c.lower() for c in child.primary_key_columns}
        for fk in child.foreign_keys:
            parent = index.get(fk.ref_table.lower())
            if parent is None:
                raise ModelError(
                    f"foreign key ({', '.join(fk.columns)}) references missing table {fk.ref_table!r}",
                    where=child.name,
                    hint="add the referenced table or remove the foreign key",
                )
            cols = [fk_column(child, c) for c in fk.columns]
            out.append(
                Relationship(
                    child=child,
                    parent=parent,
                    fk=fk,
                    # PK columns are NOT NULL whatever the column says.
                    parent_optional=any(c.nullable and c.name.lower() not in pk for c in cols),
                    one_to_one=child.is_unique_on(fk.columns),
                    identifying=bool(pk) and {c.lower() for c in fk.columns} <= pk,
                )
            )
    return out


def key_markers(table: Table) -> dict[str, list[str]]:
    """Column name (lower-cased) -> its markers among PK, FK, UK, in that order."""
    markers: dict[str, list[str]] = {c.name.lower(): [] for c in table.columns}

    def mark(cols, what):
        for c in cols:
            lst = markers.get(c.lower())
            if lst is not None and what not in lst:
                lst.append(what)

    mark(table.primary_key_columns, "PK")
    for fk in table.foreign_keys:
        mark(fk.columns, "FK")
    for u in table.unique_constraints:
        mark(u.columns, "UK")
    for i in table.indexes:
        if i.unique and not i.where and not i.expressions:
            mark(i.columns, "UK")
    return markers


def is_not_null(table: Table, column: Column) -> bool:
    return not column.nullable or column.name.lower() in {c.lower() for c in table.primary_key_columns}
