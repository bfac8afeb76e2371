"""Tools of the logical model designer: build the schema model from its answer, check keys and
normalize with the normalization engine, so the result is in 3NF by computation, not by opinion."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import sqlglot
from sqlglot import exp

from ..errors import SchemaArchitectError
from ..model import Column, DataType, ForeignKey, PrimaryKey, Schema, Table, UniqueConstraint
from ..model.validate import problems
from ..normalize import normalize_table
from .outputs import (
    ColumnSpec,
    ConceptualDesign,
    EntitySpec,
    ForeignKeySpec,
    LogicalDesign,
    RelationshipSpec,
    TableSpec,
)

_COARSE = {"NUMERIC", "TEXT", "DATETIME", "BINARY", "BOOL", "BOOLEAN"}
_INTEGER_NAME = re.compile(r"(\bid\b|_id$|\bnumber\b|\bno\b|\bcount\b|\bquantity\b|\bqty\b|\bcapacity\b|\byear\b|\bage\b)",
                           re.IGNORECASE)


def datatype_for(type_text: str, column_name: str) -> DataType:
    """A portable type from the designer's spelling: a coarse class or a SQL type name."""
    t = (type_text or "TEXT").strip()
    upper = t.upper()
    if upper in _COARSE:
        if upper == "NUMERIC":
            return DataType.integer() if _INTEGER_NAME.search(column_name.replace("_", " ")) else DataType.decimal(12, 2)
        if upper == "DATETIME":
            low = column_name.lower()
            return DataType.date() if ("date" in low and "time" not in low) else DataType.timestamp()
        if upper in ("BOOL", "BOOLEAN"):
            return DataType.boolean()
        if upper == "BINARY":
            return DataType.binary()
        return DataType.varchar(255)
    try:
        from ..sql.dialects import get_dialect, read_sqlglot_type

        parsed = exp.DataType.build(t, dialect="sqlite")
        dtype, _, _ = read_sqlglot_type(parsed, get_dialect("sqlite"))
        if dtype is not None:
            return dtype
    except (ImportError, ValueError, sqlglot.errors.ParseError):
        pass
    return DataType.varchar(255)


@dataclass
class LogicalResult:
    schema: Schema
    errors: list[str] = field(default_factory=list)  # the designer's own mistakes: routed back to it
    tool_notes: list[str] = field(default_factory=list)  # what the normalization tool found and did
    missing_keys: list[str] = field(default_factory=list)  # entities with no key: back to the conceptual designer


def build_schema(design: LogicalDesign) -> LogicalResult:
    """The schema model of the logical designer's answer, normalized where its FDs demand it."""
    tables: list[Table] = []
    notes: list[str] = []
    missing: list[str] = []
    for spec in design.tables:
        table = _table_of(spec)
        if table.primary_key is None:
            missing.append(spec.name)
        normalized, why = _normalize(table, spec, design.tables)
        notes.extend(why)
        tables.extend(normalized)
    schema = Schema(tables=tables)
    errors = problems(schema)
    return LogicalResult(schema=schema, errors=errors, tool_notes=notes, missing_keys=missing)


def _table_of(spec: TableSpec) -> Table:
    pk = [c for c in spec.primary_key if c]
    columns = []
    seen = set()
    for c in spec.columns:
        if c.name.lower() in seen:
            continue
        seen.add(c.name.lower())
        columns.append(Column(name=c.name, type=datatype_for(c.type, c.name),
                              nullable=not (c.not_null or c.name in pk)))
    for k in pk:  # a key column the designer forgot to list is still a column
        if k.lower() not in seen:
            seen.add(k.lower())
            columns.append(Column(name=k, type=datatype_for("NUMERIC", k), nullable=False))
    fks = [ForeignKey(columns=fk.columns, ref_table=fk.references_table,
                      ref_columns=fk.references_columns or fk.columns) for fk in spec.foreign_keys if fk.columns]
    uniques = [UniqueConstraint(columns=[c.name]) for c in spec.columns if c.unique and [c.name] != pk]
    return Table(name=spec.name, columns=columns, primary_key=PrimaryKey(columns=pk) if pk else None,
                 foreign_keys=fks, unique_constraints=uniques)


def _normalize(table: Table, spec: TableSpec, spec_tables) -> tuple[list[Table], list[str]]:
    """Check the declared key against the FDs and decompose to 3NF when they call for it."""
    fds = [(tuple(fd.lhs), tuple(fd.rhs)) for fd in spec.functional_dependencies if fd.lhs and fd.rhs]
    names = {c.name for c in table.columns}
    fds = [(l, r) for l, r in fds if set(l) <= names and set(r) <= names]
    if not fds:
        return [table], []
    try:
        result = normalize_table(table, fds, target="3nf", repair_first_nf=False,
                                 taken_names=[t.name for t in spec_tables])
    except SchemaArchitectError as exc:  # FDs the engine rejects are the designer's error, reported as such
        return [table], [f"{table.name}: functional dependencies rejected by the normalization engine: {exc}"]
    tables = list(result.tables)
    notes = []
    if len(tables) > 1:
        notes.append(f"{table.name}: not in 3NF under its FDs; decomposed into "
                     + ", ".join(t.name for t in tables))
    return tables, notes + [f"{table.name}: {line}" for line in _rationale_lines(result)[:6]]


def _rationale_lines(result) -> list[str]:
    return [str(step) for step in result.rationale]


def conceptual_from_schema(schema: Schema) -> ConceptualDesign:
    """Express a logical schema (the offline engine's draft) as a conceptual model for review."""
    entities: list[EntitySpec] = []
    relationships = []
    for t in schema.tables:
        pk = t.primary_key_columns
        fk_cols = {c for fk in t.foreign_keys for c in fk.columns}
        is_junction = bool(pk) and len(t.foreign_keys) >= 2 and set(pk) <= fk_cols
        if is_junction:
            a, b = t.foreign_keys[0].ref_table, t.foreign_keys[1].ref_table
            relationships.append(RelationshipSpec(
                name=t.name, between=[a, b], cardinality="M:N",
                attributes=[c.name for c in t.columns if c.name not in fk_cols]))
            continue
        entities.append(EntitySpec(name=t.name, attributes=t.column_names, key=pk))
        for fk in t.foreign_keys:
            card = "1:1" if t.is_unique_on(fk.columns) else "1:N"
            relationships.append(RelationshipSpec(name=f"{fk.ref_table} - {t.name}", between=[fk.ref_table, t.name],
                                                  cardinality=card, roles=list(fk.columns)))
    return ConceptualDesign(entities=entities, relationships=relationships)


def logical_from_schema(schema: Schema) -> LogicalDesign:
    """The schema in the logical designer's answer format (the draft it is asked to repair)."""
    tables = []
    for t in schema.tables:
        uniques = {u.columns[0] for u in t.unique_constraints if len(u.columns) == 1}
        tables.append(TableSpec(
            name=t.name,
            columns=[ColumnSpec(name=c.name, type=str(c.type).upper(), not_null=not c.nullable, unique=c.name in uniques)
                     for c in t.columns],
            primary_key=t.primary_key_columns,
            foreign_keys=[ForeignKeySpec(columns=fk.columns, references_table=fk.ref_table,
                                         references_columns=fk.ref_columns) for fk in t.foreign_keys],
        ))
    return LogicalDesign(tables=tables)
