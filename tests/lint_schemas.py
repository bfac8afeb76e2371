"""A compact way to write small schemas for lint tests: T("order", "id int", "note text null", pk=["id"])."""

from __future__ import annotations

import re

from schema_architect.model import (
    Column,
    DataType,
    ForeignKey,
    Index,
    PrimaryKey,
    Schema,
    Table,
    UniqueConstraint,
)

_TYPES = {
    "int": DataType.integer, "bigint": DataType.bigint, "smallint": DataType.smallint, "text": DataType.text,
    "float": DataType.float, "bool": DataType.boolean, "date": DataType.date, "json": DataType.json,
    "uuid": DataType.uuid, "timestamp": DataType.timestamp, "timestamptz": lambda: DataType.timestamp(True),
}


def dtype(spec: str) -> DataType:
    m = re.fullmatch(r"(\w+)(?:\((\d+)(?:,(\d+))?\))?", spec)
    assert m, spec
    name, a, b = m.group(1), m.group(2), m.group(3)
    if name in ("varchar", "char"):
        return getattr(DataType, name)(int(a) if a else None)
    if name == "decimal":
        return DataType.decimal(int(a) if a else None, int(b) if b else (0 if a else None))
    return _TYPES[name]()


def T(name: str, *columns: str, pk=None, fks=(), uniques=(), indexes=()) -> Table:
    cols = []
    for spec in columns:
        parts = spec.split()
        cols.append(Column(name=parts[0], type=dtype(parts[1]), nullable="null" in parts[2:]))
    return Table(
        name=name,
        columns=cols,
        primary_key=PrimaryKey(columns=list(pk)) if pk else None,
        foreign_keys=[ForeignKey(columns=list(c), ref_table=rt, ref_columns=list(rc)) for c, rt, rc in fks],
        unique_constraints=[UniqueConstraint(columns=list(u)) for u in uniques],
        indexes=[Index(name=n, columns=list(c), unique=u) for n, c, u in indexes],
    )


def S(*tables: Table) -> Schema:
    return Schema(tables=list(tables))
