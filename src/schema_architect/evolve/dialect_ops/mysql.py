"""MySQL/MariaDB: DDL commits on its own; ALGORITHM=INSTANT/INPLACE, LOCK=NONE where the server allows."""

from .base import AlterSyntax

_INSTANT_FIRST = (", ALGORITHM=INSTANT", ", ALGORITHM=INPLACE, LOCK=NONE", ", ALGORITHM=COPY, LOCK=SHARED")
_INPLACE_FIRST = (", ALGORITHM=INPLACE, LOCK=NONE", ", ALGORITHM=COPY, LOCK=SHARED")

MYSQL = AlterSyntax(
    name="mysql",
    transactional_ddl=False,
    index_names_per_table=True,
    begin="START TRANSACTION",
    rename_table="RENAME TABLE {table} TO {new}",
    alter_type="ALTER TABLE {table} MODIFY COLUMN {definition}",
    set_not_null="ALTER TABLE {table} MODIFY COLUMN {definition}",
    drop_not_null="ALTER TABLE {table} MODIFY COLUMN {definition}",
    add_identity="ALTER TABLE {table} MODIFY COLUMN {definition}",
    drop_identity="ALTER TABLE {table} MODIFY COLUMN {definition}",
    drop_constraint={
        "pk": "ALTER TABLE {table} DROP PRIMARY KEY",
        "fk": "ALTER TABLE {table} DROP FOREIGN KEY {name}",
        "uq": "ALTER TABLE {table} DROP INDEX {name}",
        "ck": "ALTER TABLE {table} DROP CONSTRAINT {name}",
    },
    create_index="CREATE {unique}INDEX {name} ON {table} ({columns})",
    drop_index="DROP INDEX {name} ON {table}",
    online_clauses={
        "add_column": _INSTANT_FIRST,
        "drop_column": _INSTANT_FIRST,
        "rename_column": _INSTANT_FIRST,
        "set_default": _INSTANT_FIRST,
        "drop_default": _INSTANT_FIRST,
        "set_not_null": _INPLACE_FIRST,
        "drop_not_null": _INPLACE_FIRST,
        "alter_type": _INSTANT_FIRST,
        # CREATE/DROP INDEX take their options without a comma
        "add_index": (" ALGORITHM=INPLACE LOCK=NONE", " ALGORITHM=COPY LOCK=SHARED"),
        "drop_index": (" ALGORITHM=INSTANT", " ALGORITHM=INPLACE LOCK=NONE", " ALGORITHM=COPY LOCK=SHARED"),
        "add_uq": _INPLACE_FIRST,
        "add_pk": _INPLACE_FIRST,
        "drop_uq": _INSTANT_FIRST,
        # a new FK must check existing rows, which only the copy algorithm does with checks on
        "add_fk": ("",),
        "add_ck": ("",),
        "comment_table": _INSTANT_FIRST,
        "comment_column": _INSTANT_FIRST,
    },
    lock_timeout="SET SESSION lock_wait_timeout = {seconds}",
    lock_timeout_errors=("Lock wait timeout exceeded", "(error 1205)"),
    unsupported_online_errors=("(error 1845)", "(error 1846)", "ALGORITHM=", "LOCK=NONE is not supported"),
    batch_update="UPDATE {table} SET {assign} WHERE {where} LIMIT {batch}",
    sync_trigger=(
        "CREATE TRIGGER {trigger}_i BEFORE INSERT ON {table} FOR EACH ROW SET NEW.{shadow} = CAST(NEW.{column} AS {cast_type})",
        "CREATE TRIGGER {trigger}_u BEFORE UPDATE ON {table} FOR EACH ROW SET NEW.{shadow} = CAST(NEW.{column} AS {cast_type})",
    ),
    drop_sync_trigger=("DROP TRIGGER IF EXISTS {trigger}_i", "DROP TRIGGER IF EXISTS {trigger}_u"),
    replace_view="CREATE OR REPLACE VIEW {name}{columns} AS {query}",
    # MySQL/MariaDB do not stop any of these; the view is left invalid ("references invalid table(s)").
    # A type change is not among them: a view's column types are worked out when it is queried.
    views_break_on=frozenset({"drop_table", "rename_table", "drop_column", "rename_column"}),
    comment_table="ALTER TABLE {table} COMMENT = {text}",
    # MODIFY restates the whole column: type, NULL, default, AUTO_INCREMENT and the new comment
    comment_column="ALTER TABLE {table} MODIFY COLUMN {definition}",
    no_comment="''",
    as_text="CAST({expr} AS CHAR)",
    # MySQL's CAST never fails (it warns and yields 0 or NULL), so the tests read the text instead
    unconvertible={
        "integer": "NOT ({v} REGEXP '^ *[-+]?[0-9]+ *$')",
        "decimal": "NOT ({v} REGEXP '^[-+]?([0-9]+[.]?[0-9]*|[.][0-9]+)$')",
        "float": "NOT ({v} REGEXP '^[-+]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][-+]?[0-9]+)?$')",
        # STR_TO_DATE accepts Feb 30; date arithmetic on it gives NULL, as the column would refuse it
        "date": "DATE_ADD(STR_TO_DATE({v}, '%Y-%m-%d'), INTERVAL 0 DAY) IS NULL",
        "timestamp": ("(DATE_ADD(STR_TO_DATE({v}, '%Y-%m-%d %H:%i:%s'), INTERVAL 0 DAY) IS NULL "
                      "AND DATE_ADD(STR_TO_DATE({v}, '%Y-%m-%d'), INTERVAL 0 DAY) IS NULL)"),
        "boolean": "LOWER({v}) NOT IN ('0', '1', 'true', 'false')",
    },
    notes=("MySQL/MariaDB commit every DDL statement on its own: a phase with several ALTERs is not atomic",),
)
