"""Schema model -> DDL for one dialect.

Order: CREATE TABLE in foreign-key dependency order (cycles broken by creating the tables first and
adding the cycle's foreign keys with ALTER TABLE ... ADD CONSTRAINT afterwards, or inline where the
dialect accepts forward references, as SQLite does), then CREATE INDEX, views, and comments.

The ``render_*`` building blocks are public: the migration planner assembles ALTER scripts from them.
"""

from __future__ import annotations

import hashlib
import heapq
from functools import lru_cache

from ..errors import ModelError
from ..model import (
    CheckConstraint, Column, DataType, ForeignKey, Index, ReferentialAction, Schema, Table, TypeKind,
    UniqueConstraint, View,
)
from ..model.naming import constraint_name
from .dialects import (
    Dialect,
    check_supported,
    get_dialect,
    identity_column,
    index_supported,
    key_columns,
    tidy_expression,
)

__all__ = [
    "quote_identifier", "render_add_check", "render_add_foreign_key", "render_add_unique", "render_column_definition",
    "render_comments", "render_create_index", "render_create_table", "render_create_view", "render_ddl",
    "render_drop_table", "render_expression", "render_statements", "render_type", "render_view_query",
    "default_check_name",
]


# -- small pieces ----------------------------------------------------------------------------------------
def quote_identifier(name: str, dialect: str | Dialect) -> str:
    """``name`` as the dialect must write it: shortened to its length limit and quoted when needed."""
    return get_dialect(dialect).quote(name)


def render_type(datatype: DataType, dialect: str | Dialect, *, in_key: bool = False) -> str:
    """The dialect's spelling of a logical type (``in_key``: the column is part of a key or index)."""
    return get_dialect(dialect).spelling(datatype, in_key=in_key)


def render_expression(sql_text: str, dialect: str | Dialect) -> str:
    """A generic-dialect SQL expression (as stored in the model) transpiled to ``dialect``."""
    return _render_expression(sql_text, get_dialect(dialect).name)


@lru_cache(maxsize=8192)
def _render_expression(sql_text: str, dialect_name: str) -> str:
    import sqlglot
    from sqlglot import exp
    from sqlglot.errors import ParseError, TokenError

    d = get_dialect(dialect_name)
    try:
        tree = sqlglot.parse_one(sql_text)
    except (ParseError, TokenError) as exc:
        raise ModelError(
            f"cannot read the SQL expression {sql_text!r}: {str(exc).splitlines()[0]}",
            hint='write it in standard SQL and quote identifiers with double quotes, e.g. "order" > 0',
        ) from None
    for ident in tree.find_all(exp.Identifier):
        ident.set("this", d.fit_identifier(ident.this))
        ident.set("quoted", d.needs_quotes(ident.this))
    return tidy_expression(tree).sql(dialect=d.sqlglot_name)


def _default(column: Column, d: Dialect) -> str:
    text = column.default
    if column.type.kind is TypeKind.BOOLEAN and d.boolean_literals and text.strip().upper() in ("TRUE", "FALSE"):
        return d.boolean_literals[0] if text.strip().upper() == "TRUE" else d.boolean_literals[1]
    if d.current_timestamp_takes_precision and column.type.precision and text.strip().upper() == "CURRENT_TIMESTAMP":
        return f"CURRENT_TIMESTAMP({min(column.type.precision, d.max_timestamp_precision)})"
    return render_expression(text, d)


def _columns(names: list[str], d: Dialect) -> str:
    return ", ".join(d.quote(n) for n in names)


def default_check_name(table: Table | str, check: CheckConstraint) -> str:
    """A stable name for an unnamed CHECK: ``ck_<table>_<hash of the expression>``."""
    table_name = table.name if isinstance(table, Table) else table
    digest = hashlib.sha1(check.expression.encode("utf-8")).hexdigest()[:8]
    return constraint_name("ck", table_name, [digest])


# -- columns and tables --------------------------------------------------------------------------------------
def render_column_definition(
    column: Column, dialect: str | Dialect, table: Table | None = None, *, _keyed: set[str] | None = None,
) -> str:
    """``name TYPE [identity] [DEFAULT x] [NOT NULL] ...`` for CREATE TABLE or ALTER TABLE ADD COLUMN.

    ``table`` gives context: whether the column is in a key (MySQL cannot key a TEXT column) and, for
    SQLite, whether it is the lone INTEGER PRIMARY KEY that AUTOINCREMENT needs.
    """
    d = get_dialect(dialect)
    if _keyed is None and table is not None:
        _keyed = key_columns(table)
    in_key = _keyed is not None and column.name.lower() in _keyed
    identity = column.autoincrement and bool(d.identity_clause)
    if d.identity_needs_inline_primary_key:
        found = identity_column(table, d) if table is not None else None
        identity = found is not None and found.name == column.name
    type_sql = d.identity_type if identity and d.identity_type else d.spelling(column.type, in_key=in_key)
    parts = [d.quote(column.name), type_sql]
    if identity and d.identity_position == "after_type":
        if d.identity_needs_inline_primary_key and table.primary_key.name:  # keep the key's name
            parts.append(f"CONSTRAINT {d.quote(d.object_name(table.primary_key.name))}")
        parts.append(d.identity_clause)
    if column.default is not None and not identity:
        parts.append("DEFAULT " + _default(column, d))
    if not column.nullable:
        parts.append("NOT NULL")
    elif d.explicit_null and not identity:
        parts.append("NULL")
    if identity and d.identity_position == "after_null":
        parts.append(d.identity_clause)
    if column.type.kind is TypeKind.ENUM and not d.native_enum:
        values = ", ".join(d.string_literal(v) for v in column.type.values)
        parts.append(f"CHECK ({d.quote(column.name)} IN ({values}))")
    if column.comment and d.comments == "inline":
        parts.append("COMMENT " + d.string_literal(column.comment))
    return " ".join(parts)


def _fk_clause(fk: ForeignKey, d: Dialect) -> str:
    sql = f"FOREIGN KEY ({_columns(fk.columns, d)}) REFERENCES {d.quote(fk.ref_table)} ({_columns(fk.ref_columns, d)})"
    if fk.on_delete is not None and fk.on_delete in d.on_delete_actions:
        sql += f" ON DELETE {fk.on_delete.value}"
    if fk.on_update is not None and fk.on_update in d.on_update_actions:
        sql += f" ON UPDATE {fk.on_update.value}"
    return sql


def _named(name: str | None, body: str, d: Dialect) -> str:
    return f"CONSTRAINT {d.quote(d.object_name(name))} {body}" if name else body


def render_create_table(
    table: Table, dialect: str | Dialect, *, include_foreign_keys: bool = True,
    foreign_keys: list[ForeignKey] | None = None,
) -> str:
    """CREATE TABLE with columns, keys and checks; ``foreign_keys`` (default: all when
    ``include_foreign_keys``) chooses which foreign keys are written inline."""
    d = get_dialect(dialect)
    keyed = key_columns(table)
    lines = [render_column_definition(c, d, table, _keyed=keyed) for c in table.columns]
    if table.primary_key is not None and not (d.identity_needs_inline_primary_key and identity_column(table, d)):
        lines.append(_named(table.primary_key.name, f"PRIMARY KEY ({_columns(table.primary_key.columns, d)})", d))
    taken = {n.lower() for n in [*(u.name for u in table.unique_constraints), *(c.name for c in table.check_constraints),
                                 *(f.name for f in table.foreign_keys), *(i.name for i in table.indexes)] if n}
    for u in table.unique_constraints:
        name = u.name
        if name is None and d.unnamed_keys_take_first_column_name and u.columns[0].lower() in taken:
            name = constraint_name("uq", table.name, u.columns)  # the implicit name would collide
        lines.append(_named(name, f"UNIQUE ({_columns(u.columns, d)})", d))
    for ck in table.check_constraints:
        if check_supported(table, ck, d):
            lines.append(_named(ck.name, f"CHECK ({render_expression(ck.expression, d)})", d))
    fks = foreign_keys if foreign_keys is not None else (table.foreign_keys if include_foreign_keys else [])
    for n, fk in enumerate(fks, 1):
        name = fk.name
        if name is None and d.generated_foreign_key_name and \
                len(d.generated_foreign_key_name.format(table=table.name, n=n)) >= d.max_identifier_length:
            # the server's own name would be too long (MariaDB refuses it already at the limit itself)
            name = constraint_name("fk", table.name, fk.columns)
        lines.append(_named(name, _fk_clause(fk, d), d))
    sql = f"CREATE TABLE {d.quote(table.name)} (\n    " + ",\n    ".join(lines) + "\n)"
    if table.comment and d.comments == "inline":
        sql += " COMMENT=" + d.string_literal(table.comment)
    return sql


def _alter(table: Table | str, d: Dialect) -> str:
    return f"ALTER TABLE {d.quote(table.name if isinstance(table, Table) else table)}"


def _need_alter(d: Dialect, what: str) -> None:
    if not d.alter_add_constraint:
        raise ModelError(
            f"{d.name} cannot add a {what} with ALTER TABLE",
            hint="recreate the table with the constraint (create new, copy rows, drop old, rename)",
        )


def render_add_foreign_key(table: Table | str, fk: ForeignKey, dialect: str | Dialect) -> str:
    d = get_dialect(dialect)
    _need_alter(d, "foreign key")
    table_name = table.name if isinstance(table, Table) else table
    name = fk.name or constraint_name("fk", table_name, fk.columns)
    return f"{_alter(table, d)} ADD CONSTRAINT {d.quote(d.object_name(name))} {_fk_clause(fk, d)}"


def render_add_unique(table: Table | str, uq: UniqueConstraint, dialect: str | Dialect) -> str:
    d = get_dialect(dialect)
    _need_alter(d, "unique constraint")
    table_name = table.name if isinstance(table, Table) else table
    name = uq.name or constraint_name("uq", table_name, uq.columns)
    return f"{_alter(table, d)} ADD CONSTRAINT {d.quote(d.object_name(name))} UNIQUE ({_columns(uq.columns, d)})"


def render_add_check(table: Table | str, ck: CheckConstraint, dialect: str | Dialect) -> str:
    d = get_dialect(dialect)
    _need_alter(d, "check constraint")
    name = ck.name or default_check_name(table, ck)
    return f"{_alter(table, d)} ADD CONSTRAINT {d.quote(d.object_name(name))} CHECK ({render_expression(ck.expression, d)})"


def render_create_index(table: Table | str, index: Index, dialect: str | Dialect) -> str:
    """CREATE [UNIQUE] INDEX; ModelError when the dialect lacks partial or expression indexes."""
    d = get_dialect(dialect)
    if not index_supported(index, d):
        raise ModelError(f"{d.name} has no {'partial' if index.where else 'expression'} indexes (index {index.name})",
                         hint="drop the WHERE clause or the expressions, or target another dialect")
    table_name = table.name if isinstance(table, Table) else table
    keys = [d.quote(c) for c in index.columns] + [f"({render_expression(e, d)})" for e in index.expressions]
    sql = (f"CREATE {'UNIQUE ' if index.unique else ''}INDEX {d.quote(d.object_name(index.name))} "
           f"ON {d.quote(table_name)} ({', '.join(keys)})")
    if index.where:
        sql += " WHERE " + render_expression(index.where, d)
    return sql


def render_drop_table(name: str, dialect: str | Dialect) -> str:
    return f"DROP TABLE {get_dialect(dialect).quote(name)}"


def render_create_view(view: View, dialect: str | Dialect) -> str:
    d = get_dialect(dialect)
    cols = f" ({_columns(view.columns, d)})" if view.columns else ""
    return f"CREATE VIEW {d.quote(view.name)}{cols} AS {render_view_query(view, d)}"


def render_view_query(view: View, dialect: str | Dialect) -> str:
    """The SELECT of a view in ``dialect`` (the migration planner wraps it in CREATE [OR REPLACE] VIEW)."""
    return _render_query(view.definition, get_dialect(dialect))


def _render_query(sql_text: str, d: Dialect) -> str:
    import sqlglot

    try:
        tree = sqlglot.parse_one(sql_text)
    except Exception:
        return sql_text  # not readable as generic SQL: keep the source text as is
    from sqlglot import exp

    for ident in tree.find_all(exp.Identifier):
        ident.set("quoted", d.needs_quotes(ident.this))
    return tree.sql(dialect=d.sqlglot_name)


def render_comments(table: Table, dialect: str | Dialect) -> list[str]:
    """COMMENT ON statements for a table and its columns (dialects with COMMENT ON only)."""
    d = get_dialect(dialect)
    if d.comments != "comment_on":
        return []
    out = []
    if table.comment:
        out.append(f"COMMENT ON TABLE {d.quote(table.name)} IS {d.string_literal(table.comment)}")
    for c in table.columns:
        if c.comment:
            out.append(f"COMMENT ON COLUMN {d.quote(table.name)}.{d.quote(c.name)} IS {d.string_literal(c.comment)}")
    return out


# -- whole schemas -----------------------------------------------------------------------------------------
def creation_order(schema: Schema) -> tuple[list[Table], dict[str, list[ForeignKey]]]:
    """Tables in foreign-key dependency order, and per table (lower name) the foreign keys pointing at
    tables created after it (the ones that break a cycle)."""
    tables = schema.tables
    position = {t.name.lower(): i for i, t in enumerate(tables)}
    depends: list[set[int]] = []
    dependents: list[list[int]] = [[] for _ in tables]
    for i, t in enumerate(tables):
        deps = {position[fk.ref_table.lower()] for fk in t.foreign_keys
                if fk.ref_table.lower() in position and position[fk.ref_table.lower()] != i}
        depends.append(deps)
        for j in deps:
            dependents[j].append(i)
    waiting = [len(x) for x in depends]
    ready = [i for i, n in enumerate(waiting) if n == 0]
    heapq.heapify(ready)
    done = [False] * len(tables)
    order: list[int] = []
    next_unfinished = 0
    while len(order) < len(tables):
        if ready:
            i = heapq.heappop(ready)
            if done[i]:
                continue
        else:  # a cycle: create the earliest remaining table now, its forward FKs come later
            while done[next_unfinished]:
                next_unfinished += 1
            i = next_unfinished
        done[i] = True
        order.append(i)
        for j in dependents[i]:
            waiting[j] -= 1
            if waiting[j] == 0 and not done[j]:
                heapq.heappush(ready, j)
    created: set[int] = set()
    deferred: dict[str, list[ForeignKey]] = {}
    for i in order:
        t = tables[i]
        late = [fk for fk in t.foreign_keys
                if fk.ref_table.lower() in position and position[fk.ref_table.lower()] != i
                and position[fk.ref_table.lower()] not in created]
        if late:
            deferred[t.name.lower()] = late
        created.add(i)
    return [tables[i] for i in order], deferred


def render_statements(schema: Schema, dialect: str | Dialect) -> list[str]:
    """Every statement (without terminators) that creates ``schema`` in ``dialect``."""
    d = get_dialect(dialect)
    ordered, deferred = creation_order(schema)
    statements: list[str] = []
    later_fks: list[str] = []
    for t in ordered:
        late = deferred.get(t.name.lower(), [])
        if late and d.alter_add_constraint and not d.inline_forward_references:
            late_ids = {id(fk) for fk in late}
            inline = [fk for fk in t.foreign_keys if id(fk) not in late_ids]
            statements.append(render_create_table(t, d, foreign_keys=inline))
            later_fks.extend(render_add_foreign_key(t, fk, d) for fk in late)
        else:
            statements.append(render_create_table(t, d))
    statements.extend(later_fks)
    for t in ordered:
        statements.extend(render_create_index(t, i, d) for i in t.indexes if index_supported(i, d))
    statements.extend(render_create_view(v, d) for v in schema.views)
    for t in ordered:
        statements.extend(render_comments(t, d))
    return statements


def render_notes(schema: Schema, dialect: str | Dialect) -> list[str]:
    """What the dialect's DDL cannot carry from this schema (said as comments at the top of the script)."""
    d = get_dialect(dialect)
    notes = []
    for t in schema.tables:
        for i in t.indexes:
            if not index_supported(i, d):
                kind = "partial" if i.where else "expression"
                notes.append(f"index {t.name}.{i.name} left out: {d.name} has no {kind} indexes")
        for ck in t.check_constraints:
            if not check_supported(t, ck, d):
                notes.append(f"check ({ck.expression}) on {t.name} left out: {d.name} refuses a CHECK on an "
                             "AUTO_INCREMENT column")
        if d.comments == "none" and (t.comment or any(c.comment for c in t.columns)):
            notes.append(f"comments on {t.name} left out: {d.name} DDL has no comments")
        if d.identity_needs_inline_primary_key and any(c.autoincrement for c in t.columns) and not identity_column(t, d):
            notes.append(f"autoincrement on {t.name} left out: {d.name} only has it on a lone INTEGER PRIMARY KEY")
        for fk in t.foreign_keys:
            for label, action, allowed in (("ON DELETE", fk.on_delete, d.on_delete_actions),
                                           ("ON UPDATE", fk.on_update, d.on_update_actions)):
                if action is not None and action not in allowed and action is not ReferentialAction.NO_ACTION:
                    notes.append(f"{label} {action.value} on {t.name}({', '.join(fk.columns)}) left out: not in {d.name}")
    return notes


def render_ddl(schema: Schema, dialect: str | Dialect) -> str:
    """The whole schema as one ``dialect`` DDL script."""
    d = get_dialect(dialect)
    head = [f"-- note: {n}" for n in render_notes(schema, d)]
    body = [s + ";" for s in render_statements(schema, d)]
    return "\n\n".join(["\n".join(head)] + body if head else body) + "\n"
