"""What the design tests read off a design: table names, a table, its columns and foreign keys, the links
and link tables, and the attributes the conceptual reading gives an entity."""

from __future__ import annotations

from schema_architect.design.understand import read_requirements


def table_names(result) -> list[str]:
    return [t.name for t in result.schema.tables]


def columns(result, table: str) -> list[str]:
    t = result.schema.table(table)
    assert t is not None, table_names(result)
    return [c.name for c in t.columns]


def foreign_keys(result, table: str) -> dict[str, str]:
    """Column -> referenced table, for one table."""
    t = result.schema.table(table)
    assert t is not None, table_names(result)
    return {c: fk.ref_table for fk in t.foreign_keys for c in fk.columns}


def links(result) -> set[tuple[str, str]]:
    """(table, referenced table) for every foreign key in the design."""
    return {(t.name, fk.ref_table) for t in result.schema.tables for fk in t.foreign_keys}


def table(result, name: str):
    t = result.schema.table(name)
    assert t is not None, table_names(result)
    return t


def linking(result, a: str, b: str) -> list:
    """The tables whose foreign keys point at both ``a`` and ``b``."""
    return [t for t in result.schema.tables if {a, b} <= {fk.ref_table for fk in t.foreign_keys}]


def attributes_of(text: str, entity: str) -> list[str]:
    """The attributes the conceptual reading gives ``entity`` (before tables are made)."""
    model = read_requirements(text).model
    ent = model.entity(entity)
    assert ent is not None, [e.name for e in model.entities]
    return [a.name for a in ent.attributes]
