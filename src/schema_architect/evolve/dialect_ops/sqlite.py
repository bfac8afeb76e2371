"""SQLite: little ALTER support, so most changes use the documented 12-step table rebuild."""

from .base import AlterSyntax

SQLITE = AlterSyntax(
    name="sqlite",
    transactional_ddl=True,
    rebuild_for=frozenset({
        "alter_column", "add_primary_key", "drop_primary_key", "add_foreign_key", "drop_foreign_key",
        "add_unique", "drop_unique", "add_check", "drop_check", "add_column_not_null", "drop_column_constrained",
    }),
    drop_index="DROP INDEX {name}",
    batch_update=("UPDATE {table} SET {assign} WHERE rowid IN "
                  "(SELECT rowid FROM {table} WHERE {where} LIMIT {batch})"),
    disable_foreign_keys="PRAGMA foreign_keys=OFF",
    enable_foreign_keys="PRAGMA foreign_keys=ON",
    foreign_key_check="PRAGMA foreign_key_check",
    # the rebuild drops the table and renames a new one into its place, which a view using it does not survive
    views_break_on=frozenset({"drop_table", "rename_table", "drop_column", "rename_column", "alter_type", "rebuild"}),
    as_text="CAST({expr} AS TEXT)",
    char_length="length({expr})",
    # SQLite converts anything to anything; a value "converts" when it reads back unchanged
    unconvertible={
        "integer": "CAST(CAST({v} AS INTEGER) AS TEXT) <> trim({v})",
        "decimal": "(CAST(CAST({v} AS REAL) AS TEXT) <> trim({v}) AND CAST(CAST({v} AS INTEGER) AS TEXT) <> trim({v}))",
        "float": "(CAST(CAST({v} AS REAL) AS TEXT) <> trim({v}) AND CAST(CAST({v} AS INTEGER) AS TEXT) <> trim({v}))",
        # a valid date reads back unchanged through date arithmetic (Feb 30 becomes Mar 1)
        "date": "(date({v}, '+0 days') IS NULL OR date({v}, '+0 days') <> {v})",
        "timestamp": "(datetime({v}, '+0 days') IS NULL OR datetime({v}, '+0 days') <> {v})",
        "boolean": "lower({v}) NOT IN ('0', '1', 'true', 'false')",
    },
    # column affinity converts on the copy; CAST(x AS DATE) would turn '2024-01-31' into 2024
    cast="{expr}",
    notes=("SQLite rebuilds a table to change it: new table, copy, drop, rename, inside one transaction",),
)
