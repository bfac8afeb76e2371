"""The RSchema form used by the benchmark.

``{Table: {"Attributes": [...], "Primary key": [...], "Foreign key": {column: {RefTable: RefColumn}}}}``

RSchema has no types; the benchmark's types come from a separate DDL. ``from_rschema`` therefore
takes an optional typed schema (parsed from that DDL elsewhere, so this module stays free of SQL
parsing) and copies types across by name, treating spaces, underscores and case as equal, which
is how the benchmark's DDL spells the requirement's words ("Flight Number" -> Flight_Number).
"""

from __future__ import annotations

from ..errors import InputError
from .schema import Column, ForeignKey, PrimaryKey, Schema, Skipped, Table
from .types import DataType

ATTRIBUTES = "Attributes"
PRIMARY_KEY = "Primary key"
FOREIGN_KEY = "Foreign key"


def loose_name(name: str) -> str:
    """Name folded for matching RSchema words against DDL identifiers."""
    return "".join(ch for ch in name.lower() if ch.isalnum())


def to_rschema(schema: Schema) -> dict:
    out: dict[str, dict] = {}
    for table in schema.tables:
        fks: dict[str, dict[str, str]] = {}
        for fk in table.foreign_keys:
            for col, ref_col in zip(fk.columns, fk.ref_columns):
                fks.setdefault(col, {})[fk.ref_table] = ref_col
        out[table.name] = {
            ATTRIBUTES: table.column_names,
            PRIMARY_KEY: table.primary_key_columns,
            FOREIGN_KEY: fks,
        }
    return out


def from_rschema(data: dict, *, typed: Schema | None = None, where: str | None = None) -> Schema:
    """Build a schema from the RSchema form; types come from ``typed`` when it has the column."""
    if not isinstance(data, dict):
        raise InputError("an RSchema schema must be an object of tables", where=where)
    type_of: dict[tuple[str, str], DataType] = {}
    nullable_of: dict[tuple[str, str], bool] = {}
    if typed is not None:
        for t in typed.tables:
            for c in t.columns:
                type_of[(loose_name(t.name), loose_name(c.name))] = c.type
                nullable_of[(loose_name(t.name), loose_name(c.name))] = c.nullable

    tables: list[Table] = []
    skipped: list[Skipped] = []
    for table_name, body in data.items():
        if not isinstance(body, dict):
            raise InputError(f"table {table_name!r} must be an object", where=where)
        attrs = body.get(ATTRIBUTES) or []
        if not isinstance(attrs, list) or not all(isinstance(a, str) for a in attrs):
            raise InputError(f"table {table_name!r}: {ATTRIBUTES!r} must be a list of names", where=where)
        pk_spec = body.get(PRIMARY_KEY) or []
        if isinstance(pk_spec, str):
            pk_spec = [pk_spec]
        if not isinstance(pk_spec, list):
            raise InputError(f"table {table_name!r}: {PRIMARY_KEY!r} must be a list of names", where=where)
        pk = [c for c in pk_spec if isinstance(c, str)]
        columns: list[Column] = []
        seen: set[str] = set()
        # Keys and FK columns the annotators forgot to list as attributes still belong to the table.
        fk_spec = body.get(FOREIGN_KEY) or {}
        if not isinstance(fk_spec, dict):
            raise InputError(f"table {table_name!r}: {FOREIGN_KEY!r} must be an object", where=where)
        for name in list(attrs) + pk + list(fk_spec):
            if name in seen:
                continue
            seen.add(name)
            key = (loose_name(table_name), loose_name(name))
            columns.append(
                Column(
                    name=name,
                    type=type_of.get(key, DataType.text()),
                    nullable=nullable_of.get(key, name not in pk),
                )
            )
        fks: list[ForeignKey] = []
        for col, target in fk_spec.items():
            if not isinstance(target, dict):
                raise InputError(f"table {table_name!r}: foreign key {col!r} must map a table to a column", where=where)
            for ref_table, ref_col in target.items():
                if not isinstance(ref_col, str):
                    # Annotation slips (a nested object instead of a column name) exist in the benchmark's
                    # references: keep the rest of the case, report the unusable reference.
                    skipped.append(Skipped(kind="foreign key", name=f"{table_name}.{col}", location=where,
                                           reason=f"references {ref_table!r} with {ref_col!r}, not a column name"))
                    continue
                fks.append(ForeignKey(columns=[col], ref_table=ref_table, ref_columns=[ref_col]))
        tables.append(
            Table(
                name=table_name,
                columns=columns,
                primary_key=PrimaryKey(columns=pk) if pk else None,
                foreign_keys=_merge_composite_fks(fks, data),
            )
        )
    return Schema(tables=tables, skipped=skipped)


def _merge_composite_fks(fks: list[ForeignKey], data: dict) -> list[ForeignKey]:
    """Single-column references that together cover a referenced composite key become one FK."""
    by_target: dict[str, list[ForeignKey]] = {}
    for fk in fks:
        by_target.setdefault(fk.ref_table, []).append(fk)
    merged: list[ForeignKey] = []
    for ref_table, group in by_target.items():
        target = data.get(ref_table)
        ref_pk = (target.get(PRIMARY_KEY) if isinstance(target, dict) else None) or []  # a table given as `true`
        ref_pk = ref_pk if isinstance(ref_pk, list) else []
        ref_cols = [fk.ref_columns[0] for fk in group]
        if len(ref_pk) > 1 and sorted(ref_cols) == sorted(ref_pk) and len(group) == len(ref_pk):
            order = {c: i for i, c in enumerate(ref_pk)}
            group = sorted(group, key=lambda fk: order[fk.ref_columns[0]])
            merged.append(
                ForeignKey(
                    columns=[fk.columns[0] for fk in group],
                    ref_table=ref_table,
                    ref_columns=[fk.ref_columns[0] for fk in group],
                )
            )
        else:
            merged.extend(group)
    return merged
