"""What the design tests read off a design: table names, a table's columns, its foreign keys, all links."""

from __future__ import annotations


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
