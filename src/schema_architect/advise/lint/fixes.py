"""Suggested-fix SQL for findings.

Built from the DDL renderer's building blocks (``schema_architect.sql.render``: quoting, types,
column definitions, CREATE INDEX, ADD FOREIGN KEY). The ALTER statements the renderer has no block
for yet (DROP INDEX, ALTER COLUMN TYPE, RENAME) come from a small table of statement shapes per
dialect below, filled with the renderer's quoted names and type spellings.
"""

from __future__ import annotations

from ...model import Column, DataType, ForeignKey, Index
from ...model.naming import constraint_name

# Statement shapes that differ between dialects; anything not listed uses the "default" entry.
_SHAPES: dict[str, dict[str, str]] = {
    "default": {
        "drop_index": "DROP INDEX {index}",
        "alter_type": "ALTER TABLE {table} ALTER COLUMN {column} TYPE {type}",
        "set_not_null": "ALTER TABLE {table} ALTER COLUMN {column} SET NOT NULL",
        "rename_table": "ALTER TABLE {table} RENAME TO {new}",
        "rename_column": "ALTER TABLE {table} RENAME COLUMN {column} TO {new}",
        "add_column": "ALTER TABLE {table} ADD COLUMN {definition}",
    },
    "mysql": {
        "drop_index": "DROP INDEX {index} ON {table}",
        "alter_type": "ALTER TABLE {table} MODIFY COLUMN {column} {type}{null}",
        "set_not_null": "ALTER TABLE {table} MODIFY COLUMN {column} {type} NOT NULL",
    },
    "sqlserver": {
        "drop_index": "DROP INDEX {index} ON {table}",
        "alter_type": "ALTER TABLE {table} ALTER COLUMN {column} {type}{null}",
        "set_not_null": "ALTER TABLE {table} ALTER COLUMN {column} {type} NOT NULL",
        "rename_table": "EXEC sp_rename {table_literal}, {new_literal}",
        "rename_column": "EXEC sp_rename {column_literal}, {new_literal}, 'COLUMN'",
        "add_column": "ALTER TABLE {table} ADD {definition}",
    },
    # SQLite cannot change a column's type or nullability in place (the table must be rebuilt).
    "sqlite": {"alter_type": "", "set_not_null": ""},
    "oracle": {
        "alter_type": "ALTER TABLE {table} MODIFY ({column} {type})",
        "set_not_null": "ALTER TABLE {table} MODIFY ({column} NOT NULL)",
        "add_column": "ALTER TABLE {table} ADD ({definition})",
    },
}


def _shape(dialect: str, name: str) -> str:
    shape = _SHAPES.get(dialect, {}).get(name)
    return _SHAPES["default"][name] if shape is None else shape


def quote(name: str, dialect: str) -> str:
    from ...sql.render import quote_identifier

    return quote_identifier(name, dialect)


def type_sql(t: DataType, dialect: str) -> str:
    from ...sql.render import render_type

    return render_type(t, dialect)


def _unless_unsupported(build) -> str | None:
    """The statement, or None when the dialect cannot express it (SQLite cannot ADD CONSTRAINT)."""
    from ...errors import ModelError

    try:
        return _stmt(build())
    except ModelError:
        return None


def _stmt(sql: str) -> str | None:
    """One statement with its semicolon; None for an empty shape (the dialect has no such statement)."""
    return sql.rstrip().rstrip(";") + ";" if sql.strip() else None


def create_index(table: str, columns: list[str], dialect: str, *, unique: bool = False) -> str:
    ix = Index(name=constraint_name("ix", table, columns), columns=list(columns), unique=unique)
    from ...sql.render import render_create_index

    return _unless_unsupported(lambda: render_create_index(table, ix, dialect))


def drop_index(table: str, index_name: str, dialect: str) -> str:
    return _stmt(_shape(dialect, "drop_index").format(index=quote(index_name, dialect), table=quote(table, dialect)))


def add_foreign_key(table: str, fk: ForeignKey, dialect: str) -> str:
    from ...sql.render import render_add_foreign_key

    return _unless_unsupported(lambda: render_add_foreign_key(table, fk, dialect))


def add_primary_key(table: str, columns: list[str], dialect: str) -> str:
    cols = ", ".join(quote(c, dialect) for c in columns)
    name = constraint_name("pk", table)
    return _stmt(f"ALTER TABLE {quote(table, dialect)} ADD CONSTRAINT {quote(name, dialect)} PRIMARY KEY ({cols})")


def _fields(table: str, column: Column, dialect: str, **extra: str) -> dict[str, str]:
    return {
        "table": quote(table, dialect),
        "column": quote(column.name, dialect),
        "type": type_sql(column.type, dialect),
        "null": "" if column.nullable else " NOT NULL",
        "table_literal": f"'{table}'",
        "column_literal": f"'{table}.{column.name}'",
        **extra,
    }


def alter_column_type(table: str, column: Column, new_type: DataType, dialect: str) -> str:
    changed = column.model_copy(update={"type": new_type})
    return _stmt(_shape(dialect, "alter_type").format(**_fields(table, changed, dialect)))


def set_not_null(table: str, column: Column, dialect: str) -> str:
    return _stmt(_shape(dialect, "set_not_null").format(**_fields(table, column, dialect)))


def add_column(table: str, column: Column, dialect: str) -> str:
    from ...sql.render import render_column_definition

    return _stmt(_shape(dialect, "add_column").format(table=quote(table, dialect),
                                                      definition=render_column_definition(column, dialect)))


def rename_table(old: str, new: str, dialect: str) -> str:
    return _stmt(_shape(dialect, "rename_table").format(table=quote(old, dialect), new=quote(new, dialect),
                                                         table_literal=f"'{old}'", new_literal=f"'{new}'"))


def rename_column(table: str, old: str, new: str, dialect: str) -> str:
    return _stmt(_shape(dialect, "rename_column").format(
        table=quote(table, dialect), column=quote(old, dialect), new=quote(new, dialect),
        column_literal=f"'{table}.{old}'", new_literal=f"'{new}'"))
