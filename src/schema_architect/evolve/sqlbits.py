"""The DDL helper's building blocks, as the planner uses them: one place that knows their signatures.

Identifiers, types, column definitions, CREATE TABLE/INDEX and constraint bodies all come from
``schema_architect.sql.render`` and the dialect objects; the planner only combines them with the
ALTER templates of :mod:`.dialect_ops`.
"""

from __future__ import annotations

from ..model import CheckConstraint, Column, ForeignKey, Index, PrimaryKey, Table, UniqueConstraint, View
from ..model.naming import constraint_name
from ..sql.dialects import Dialect, get_dialect


def dialect(name: str) -> Dialect:
    return get_dialect(name)


def q(d: Dialect, name: str) -> str:
    from ..sql.render import quote_identifier

    return quote_identifier(name, d)


def type_sql(d: Dialect, column: Column, table: Table | None = None) -> str:
    from ..sql.render import render_type

    return render_type(column.type, d)


def expression(d: Dialect, text: str) -> str:
    from ..sql.render import render_expression

    return render_expression(text, d)


def column_definition(d: Dialect, table: Table, column: Column) -> str:
    from ..sql.render import render_column_definition

    return render_column_definition(column, d, table)


def create_table(d: Dialect, table: Table) -> list[str]:
    """CREATE TABLE plus its indexes, as statements."""
    from ..sql.render import render_create_index, render_create_table

    return [render_create_table(table, d)] + [render_create_index(table, i, d) for i in table.indexes]


def create_table_only(d: Dialect, table: Table) -> str:
    from ..sql.render import render_create_table

    return render_create_table(table, d)


def create_index(d: Dialect, table: Table | str, index: Index) -> str:
    from ..sql.render import render_create_index

    return render_create_index(table, index, d)


def view_parts(d: Dialect, view: View) -> dict[str, str]:
    """``name``, ``columns`` (" (a, b)" or "") and ``query`` for the view templates of :mod:`.dialect_ops`."""
    from ..sql.render import render_view_query

    cols = " (" + ", ".join(q(d, c) for c in view.columns) + ")" if view.columns else ""
    return {"name": q(d, view.name), "columns": cols, "query": render_view_query(view, d)}


def table_comments(d: Dialect, table: Table) -> list[str]:
    """COMMENT ON statements for a new table (dialects that write comments inline return none)."""
    from ..sql.render import render_comments

    return render_comments(table, d)


def string_literal(d: Dialect, text: str) -> str:
    return d.string_literal(text)


def drop_table(d: Dialect, name: str) -> str:
    from ..sql.render import render_drop_table

    return render_drop_table(name, d)


# -- constraint bodies (what follows ADD CONSTRAINT name), taken from the DDL helper's ALTERs ---------------
def _body(statement: str) -> str:
    """``ALTER TABLE t ADD CONSTRAINT n FOREIGN KEY ...`` -> ``FOREIGN KEY ...``."""
    rest = statement.split(" ADD CONSTRAINT ", 1)[1]
    for kw in (" FOREIGN KEY ", " UNIQUE ", " CHECK "):
        if kw in rest:
            return kw.strip() + " " + rest.split(kw, 1)[1]
    raise AssertionError(statement)


def fk_body(d: Dialect, fk: ForeignKey) -> str:
    from ..sql.render import render_add_foreign_key

    return _body(render_add_foreign_key("t", fk.model_copy(update={"name": "n"}), d))


def unique_body(d: Dialect, u: UniqueConstraint) -> str:
    from ..sql.render import render_add_unique

    return _body(render_add_unique("t", u.model_copy(update={"name": "n"}), d))


def check_body(d: Dialect, c: CheckConstraint) -> str:
    from ..sql.render import render_add_check

    return _body(render_add_check("t", c.model_copy(update={"name": "n"}), d))


def pk_body(d: Dialect, pk: PrimaryKey) -> str:
    return "PRIMARY KEY (" + ", ".join(q(d, c) for c in pk.columns) + ")"


# -- names the database knows a constraint by (the DDL helper's defaults) ----------------------------------
def fk_name(table: str, fk: ForeignKey) -> str:
    return fk.name or constraint_name("fk", table, fk.columns)


def unique_name(table: str, u: UniqueConstraint) -> str:
    return u.name or constraint_name("uq", table, u.columns)


def pk_name(table: str, pk: PrimaryKey) -> str:
    return pk.name or constraint_name("pk", table)


def check_name(table: str, c: CheckConstraint) -> str:
    from ..sql.render import default_check_name

    return c.name or default_check_name(table, c)
