"""SQL in and out of the schema model: dialects, DDL parsing and rendering, live databases.

    from schema_architect.sql import parse_ddl, render_ddl, get_dialect
    schema = parse_ddl(open("chinook.sql").read(), dialect="sqlite")
    print(render_ddl(schema, "postgresql"))

Names are resolved lazily so importing the package stays cheap (sqlglot loads on first use).
"""

from __future__ import annotations

from importlib import import_module

_EXPORTS = {
    "get_dialect": "dialects", "roundtrip_type": "dialects", "roundtrip_schema": "dialects",
    "dialect_names": "dialects", "Dialect": "dialects",
    "parse_ddl": "parse", "guess_dialect": "parse",
    "render_ddl": "render", "render_statements": "render", "quote_identifier": "render", "render_type": "render",
    "render_column_definition": "render", "render_create_table": "render", "render_add_foreign_key": "render",
    "render_add_unique": "render", "render_add_check": "render", "render_create_index": "render",
    "render_drop_table": "render", "render_expression": "render",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str):
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f".{module}", __name__), name)
