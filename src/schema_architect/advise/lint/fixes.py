"""Suggested-fix SQL for findings.

The dialect renderer's building blocks (``schema_architect.sql.render``) are used when they exist;
otherwise a small declarative table of statement shapes per dialect fills in (quoting through
sqlglot), so a fix is always in the target dialect's spelling.
"""

from __future__ import annotations

from sqlglot import exp

from ...model import Column, DataType, ForeignKey, Index
from ...model.naming import constraint_name

SQLGLOT_DIALECT = {"postgresql": "postgres", "mysql": "mysql", "sqlite": "sqlite", "sqlserver": "tsql",
                   "oracle": "oracle"}

# Statement shapes that differ between dialects; anything not listed uses the "default" entry.
_SHAPES: dict[str, dict[str, str]] = {
    "default": {
        "drop_index": "DROP INDEX {index}",
        "alter_type": "ALTER TABLE {table} ALTER COLUMN {column} TYPE {type}",
        "set_not_null": "ALTER TABLE {table} ALTER COLUMN {column} SET NOT NULL",
        "rename_table": "ALTER TABLE {table} RENAME TO {new}",
        "rename_column": "ALTER TABLE {table} RENAME COLUMN {column} TO {new}",
        "add_column": "ALTER TABLE {table} ADD COLUMN {column} {type}{null}{default}",
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
        "add_column": "ALTER TABLE {table} ADD {column} {type}{null}{default}",
    },
    "oracle": {
        "alter_type": "ALTER TABLE {table} MODIFY ({column} {type})",
        "set_not_null": "ALTER TABLE {table} MODIFY ({column} NOT NULL)",
        "add_column": "ALTER TABLE {table} ADD ({column} {type}{default}{null})",
    },
}


def _shape(dialect: str, name: str) -> str:
    return _SHAPES.get(dialect, {}).get(name) or _SHAPES["default"][name]


def _block(name: str):
    """The renderer's building block ``name``, or None while it does not exist."""
    try:
        from ...sql import render
    except ImportError:
        return None
    return getattr(render, name, None)


def quote(name: str, dialect: str) -> str:
    q = _block("quote_identifier")
    if q is not None:
        return q(name, dialect)
    return exp.to_identifier(name, quoted=True).sql(SQLGLOT_DIALECT.get(dialect, dialect))


def type_sql(t: DataType, dialect: str) -> str:
    render_type = _block("render_type")
    if render_type is not None:
        return render_type(t, dialect)
    return exp.DataType.build(str(t).replace(" with time zone", "TZ")).sql(SQLGLOT_DIALECT.get(dialect, dialect))


def _stmt(sql: str) -> str:
    return sql.rstrip().rstrip(";") + ";"


def create_index(table: str, columns: list[str], dialect: str, *, unique: bool = False) -> str:
    ix = Index(name=constraint_name("ix", table, columns), columns=list(columns), unique=unique)
    block = _block("render_create_index")
    if block is not None:
        return _stmt(block(table, ix, dialect))
    cols = ", ".join(quote(c, dialect) for c in columns)
    kw = "CREATE UNIQUE INDEX" if unique else "CREATE INDEX"
    return _stmt(f"{kw} {quote(ix.name, dialect)} ON {quote(table, dialect)} ({cols})")


def drop_index(table: str, index_name: str, dialect: str) -> str:
    block = _block("render_drop_index")
    if block is not None:
        return _stmt(block(table, index_name, dialect))
    return _stmt(_shape(dialect, "drop_index").format(index=quote(index_name, dialect), table=quote(table, dialect)))


def add_foreign_key(table: str, fk: ForeignKey, dialect: str) -> str:
    block = _block("render_add_foreign_key")
    if block is not None:
        return _stmt(block(table, fk, dialect))
    name = fk.name or constraint_name("fk", table, fk.columns)
    cols = ", ".join(quote(c, dialect) for c in fk.columns)
    refs = ", ".join(quote(c, dialect) for c in fk.ref_columns)
    return _stmt(f"ALTER TABLE {quote(table, dialect)} ADD CONSTRAINT {quote(name, dialect)} FOREIGN KEY ({cols}) "
                 f"REFERENCES {quote(fk.ref_table, dialect)} ({refs})")


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
        "default": f" DEFAULT {column.default}" if column.default else "",
        "table_literal": f"'{table}'",
        "column_literal": f"'{table}.{column.name}'",
        **extra,
    }


def alter_column_type(table: str, column: Column, new_type: DataType, dialect: str) -> str:
    changed = column.model_copy(update={"type": new_type})
    block = _block("render_alter_column_type")
    if block is not None:
        return _stmt(block(table, changed, dialect))
    return _stmt(_shape(dialect, "alter_type").format(**_fields(table, changed, dialect)))


def set_not_null(table: str, column: Column, dialect: str) -> str:
    return _stmt(_shape(dialect, "set_not_null").format(**_fields(table, column, dialect)))


def add_column(table: str, column: Column, dialect: str) -> str:
    block = _block("render_add_column")
    if block is not None:
        return _stmt(block(table, column, dialect))
    return _stmt(_shape(dialect, "add_column").format(**_fields(table, column, dialect)))


def rename_table(old: str, new: str, dialect: str) -> str:
    block = _block("render_rename_table")
    if block is not None:
        return _stmt(block(old, new, dialect))
    return _stmt(_shape(dialect, "rename_table").format(table=quote(old, dialect), new=quote(new, dialect),
                                                         table_literal=f"'{old}'", new_literal=f"'{new}'"))


def rename_column(table: str, old: str, new: str, dialect: str) -> str:
    block = _block("render_rename_column")
    if block is not None:
        return _stmt(block(table, old, new, dialect))
    return _stmt(_shape(dialect, "rename_column").format(
        table=quote(table, dialect), column=quote(old, dialect), new=quote(new, dialect),
        column_literal=f"'{table}.{old}'", new_literal=f"'{new}'"))
