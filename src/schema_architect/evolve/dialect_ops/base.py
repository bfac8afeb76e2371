"""The :class:`AlterSyntax` object: templates and flags for one dialect's migration SQL."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class AlterSyntax:
    name: str
    # -- strategy flags: which online recipe the planner uses -------------------------------------------
    transactional_ddl: bool
    """DDL can be rolled back: a phase is atomic, and its state row is written in the same transaction"""
    rebuild_for: frozenset[str] = frozenset()
    """operation kinds that need the table-rebuild procedure (SQLite cannot ALTER much)"""
    not_null_via_check: bool = False
    """PostgreSQL: CHECK (c IS NOT NULL) NOT VALID, VALIDATE, then SET NOT NULL uses the proof"""
    type_change_expand_contract: bool = False
    """shadow column + sync trigger + backfill + switch, instead of an ALTER that rewrites the table"""
    unique_via_index: bool = False
    """PostgreSQL: build the unique index CONCURRENTLY, then attach it as the constraint"""
    index_names_per_table: bool = False
    """MySQL: an index name need only be unique within its table (PostgreSQL and SQLite: within the schema,
    so a dropped table kept as a backup still holds its index names)"""
    # -- statement templates ---------------------------------------------------------------------------
    begin: str = "BEGIN"
    commit: str = "COMMIT"
    rollback: str = "ROLLBACK"
    rename_table: str = "ALTER TABLE {table} RENAME TO {new}"
    rename_column: str = "ALTER TABLE {table} RENAME COLUMN {old} TO {new}"
    add_column: str = "ALTER TABLE {table} ADD COLUMN {definition}"
    drop_column: str = "ALTER TABLE {table} DROP COLUMN {column}"
    alter_type: str = ""
    set_not_null: str = ""
    drop_not_null: str = ""
    set_default: str = "ALTER TABLE {table} ALTER COLUMN {column} SET DEFAULT {default}"
    drop_default: str = "ALTER TABLE {table} ALTER COLUMN {column} DROP DEFAULT"
    add_identity: str = ""
    drop_identity: str = ""
    add_constraint: str = "ALTER TABLE {table} ADD CONSTRAINT {name} {body}"
    add_constraint_unvalidated: str = ""
    """adds without checking existing rows (NOT VALID); empty when the dialect cannot"""
    validate_constraint: str = ""
    add_unique_using_index: str = ""
    add_primary_key_using_index: str = ""
    drop_constraint: dict[str, str] = field(default_factory=dict)
    """kind (pk, fk, uq, ck) -> template"""
    create_index: str = "CREATE {unique}INDEX {name} ON {table} ({columns}){where}"
    create_index_online: str = ""
    """non-blocking index build; runs outside a transaction when ``index_online_outside_transaction``"""
    index_online_outside_transaction: bool = False
    drop_index: str = "DROP INDEX {name}"
    drop_index_online: str = ""
    online_clauses: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """operation kind -> clauses to try in order (first the cheapest lock), appended to the ALTER"""
    lock_timeout: str = ""
    """set inside each phase's transaction so a blocked ALTER gives up instead of queueing writers"""
    lock_timeout_errors: tuple[str, ...] = ()
    """driver error fragments meaning "could not get the lock in time" (the executor retries)"""
    unsupported_online_errors: tuple[str, ...] = ()
    """driver error fragments meaning "this ALGORITHM/LOCK is not possible": try the next clause"""
    batch_update: str = ""
    """one backfill batch: {table} {assign} {where} {batch}"""
    cast: str = "CAST({expr} AS {type})"
    create_table_as: str = "CREATE TABLE {name} AS SELECT {columns} FROM {table}"
    restore_column: str = ("UPDATE {table} SET {column} = (SELECT b.{column} FROM {backup} b WHERE {join})")
    sync_trigger: tuple[str, ...] = ()
    """statements installing a trigger that copies {column} into {shadow} as {type} on every write"""
    drop_sync_trigger: tuple[str, ...] = ()
    disable_foreign_keys: str = ""
    enable_foreign_keys: str = ""
    foreign_key_check: str = ""
    # -- impact analysis: values that will not convert ---------------------------------------------------
    as_text: str = "CAST({expr} AS VARCHAR(4000))"
    char_length: str = "char_length({expr})"
    conversion_setup: tuple[str, ...] = ()
    """statements run once before the conversion tests (a helper function, for instance)"""
    unconvertible: dict[str, str] = field(default_factory=dict)
    """target family (integer, decimal, float, date, timestamp, time, boolean, uuid, json) -> predicate
    true when the text {v} does NOT convert to {type}; families missing here are not checked"""
    # -- views ------------------------------------------------------------------------------------------
    create_view: str = "CREATE VIEW {name}{columns} AS {query}"
    drop_view: str = "DROP VIEW {name}"
    replace_view: str = ""
    """CREATE OR REPLACE VIEW; empty: a changed view is dropped and created again"""
    replace_view_appends_only: bool = False
    """PostgreSQL: OR REPLACE only keeps the old output columns and appends new ones, same names and types"""
    views_break_on: frozenset[str] = frozenset()
    """changes that break a view using the table (or, for column changes, the column): the planner drops
    such views first and creates them again afterwards. Kinds: drop_table, rename_table, drop_column,
    rename_column, alter_type, rebuild (a SQLite table rebuild: the table is dropped and re-made)"""
    # -- comments ---------------------------------------------------------------------------------------
    comment_table: str = ""
    """{table} {text}; empty: the dialect has no comments (the plan says so)"""
    comment_column: str = ""
    """{table} {column} {text} {definition} (the full column definition, for MySQL's MODIFY)"""
    no_comment: str = "NULL"
    """what {text} is when a comment is removed"""
    notes: tuple[str, ...] = ()

    def clauses_for(self, kind: str) -> tuple[str, ...]:
        return self.online_clauses.get(kind, ("",))
