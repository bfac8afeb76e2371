"""The five SQL dialects, as declarative :class:`Dialect` objects, and what a trip through one does.

``get_dialect("pg")`` returns the PostgreSQL dialect. ``roundtrip_type`` and ``roundtrip_schema``
say what a model looks like after being written as a dialect's DDL and read back: the yardstick for
"equal up to dialect equivalence" used by tests and by the live-database code.
"""

from __future__ import annotations

from functools import lru_cache

from ...errors import InputError
from ...model import CheckConstraint, Column, DataType, Index, Schema, Table, TypeKind
from . import mysql, oracle, postgresql, sqlite, sqlserver
from .base import BASE_VARIANTS, TYPE_VARIANTS, Dialect, quote_string, type_variant

DIALECTS: dict[str, Dialect] = {
    d.name: d for d in (postgresql.DIALECT, mysql.DIALECT, sqlite.DIALECT, sqlserver.DIALECT, oracle.DIALECT)
}
_BY_ALIAS: dict[str, Dialect] = {alias: d for d in DIALECTS.values() for alias in (d.name, *d.aliases)}

__all__ = [
    "BASE_VARIANTS", "DIALECTS", "TYPE_VARIANTS", "Dialect", "dialect_names", "get_dialect", "quote_string",
    "canonical_form", "read_sqlglot_type", "sqlglot_dialect", "tidy_expression", "roundtrip_schema", "roundtrip_type", "type_variant",
]


def dialect_names() -> list[str]:
    return list(DIALECTS)


def get_dialect(name: str | Dialect) -> Dialect:
    """The dialect called ``name`` (or one of its aliases, any case); InputError listing the valid ones."""
    if isinstance(name, Dialect):
        return name
    found = _BY_ALIAS.get(str(name).strip().lower())
    if found is None:
        valid = ", ".join(f"{d.name} ({', '.join(a for a in d.aliases if a != d.name)})" if len(d.aliases) > 1 else d.name
                          for d in DIALECTS.values())
        raise InputError(f"unknown SQL dialect {name!r}", hint=f"use one of: {valid}")
    return found


def sqlglot_dialect(dialect: Dialect):
    """sqlglot's dialect object for ``dialect`` (looked up once; passing it saves a lookup per call)."""
    return _sqlglot_dialect(dialect.sqlglot_name)


@lru_cache(maxsize=None)
def _sqlglot_dialect(name: str):
    from sqlglot.dialects.dialect import Dialect as SqlglotDialect

    return SqlglotDialect.get_or_raise(name)


def tidy_expression(tree):
    """Rewrite ``NOT x IS NULL`` (how sqlglot writes it) as ``x IS NOT NULL``: easier to read, and the
    only form SQL Server accepts in a filtered index."""
    from sqlglot import exp

    def fix(node):
        if isinstance(node, exp.Not) and isinstance(node.this, exp.Is) and isinstance(node.this.expression, exp.Null):
            return exp.Is(this=node.this.this, expression=exp.Not(this=exp.Null()))
        return node

    return tree.transform(fix, copy=False)


# -- reading sqlglot's type expressions ----------------------------------------------------------------
def read_sqlglot_type(dtype, dialect: Dialect) -> tuple[DataType | None, bool, str]:
    """(logical type or None when the model has no such type, is a serial type, the type as written)."""
    from sqlglot import exp

    type_enum = dtype.this
    if type_enum == exp.DataType.Type.USERDEFINED or not isinstance(type_enum, exp.DataType.Type):
        written = dtype.sql(dialect.sqlglot_name)
        name = written.split("(")[0].strip()
        params = []
        if "(" in written:
            inner = written[written.index("(") + 1 : written.rindex(")")]
            params = [int(x) if x.strip().isdigit() else x.strip() for x in inner.split(",") if x.strip()]
        datatype, serial = dialect.read_type(name, params)
        return datatype, serial, written
    params: list[int | str] = []
    values: list[str] = []
    for p in dtype.expressions:
        node = p.this if isinstance(p, exp.DataTypeParam) else p
        if isinstance(node, exp.Literal):
            if node.is_string:
                values.append(node.this)
            else:
                try:
                    params.append(int(node.this))
                except ValueError:
                    params.append(node.this)
        elif isinstance(node, (exp.Var, exp.Identifier)):
            params.append(node.name)
    datatype, serial = _read_cached(dialect.name, type_enum.name, tuple(params), tuple(values))
    if datatype is None:
        return None, serial, dtype.sql(dialect.sqlglot_name)
    return datatype, serial, type_enum.name


@lru_cache(maxsize=4096)
def _read_cached(dialect_name: str, name: str, params: tuple, values: tuple) -> tuple[DataType | None, bool]:
    return DIALECTS[dialect_name].read_type(name, list(params), values)


@lru_cache(maxsize=4096)
def _roundtrip_type(t: DataType, dialect_name: str, in_key: bool) -> DataType:
    from sqlglot import exp

    d = DIALECTS[dialect_name]
    if t.kind is TypeKind.ENUM:
        return t  # native ENUM, or VARCHAR + CHECK (col IN ...) which reads back as the enum
    dtype = exp.DataType.build(d.spelling(t, in_key=in_key), dialect=d.sqlglot_name, udt=True)
    back, _serial, _written = read_sqlglot_type(dtype, d)
    return back if back is not None else t


def roundtrip_type(datatype: DataType, dialect: str | Dialect, *, in_key: bool = False) -> DataType:
    """The logical type read back after writing ``datatype`` as ``dialect`` DDL.

    ``in_key``: the column is part of a key or index (MySQL writes TEXT there as VARCHAR(255)).
    """
    return _roundtrip_type(datatype, get_dialect(dialect).name, in_key)


def roundtrip_schema(schema: Schema, dialect: str | Dialect) -> Schema:
    """``schema`` as it reads back after a trip through ``dialect``'s DDL, derived from the dialect's
    tables (not by rendering): types per :func:`roundtrip_type`, unsupported referential actions and
    index features dropped, comments gone where the dialect has none, long names shortened."""
    d = get_dialect(dialect)
    fit, obj = d.fit_identifier, d.object_name
    tables = []
    for t in schema.tables:
        keyed = key_columns(t)
        identity_col = identity_column(t, d)
        columns = []
        for c in t.columns:
            in_key = c.name.lower() in keyed
            typ = roundtrip_type(c.type, d, in_key=in_key)
            auto = c.autoincrement
            if d.identity_needs_inline_primary_key:
                auto = identity_col is not None and c.name == identity_col.name
                if auto and d.identity_type and typ.is_integer:
                    typ = DataType.integer()
            default = c.default
            columns.append(c.model_copy(update={
                "name": fit(c.name), "type": typ, "autoincrement": auto, "default": default,
                "comment": c.comment if d.comments != "none" else None,
            }))
        pk = t.primary_key.model_copy(update={
            "columns": [fit(x) for x in t.primary_key.columns],
            "name": obj(t.primary_key.name) if t.primary_key.name else None,
        }) if t.primary_key else None
        fks = [fk.model_copy(update={
            "columns": [fit(x) for x in fk.columns], "ref_table": fit(fk.ref_table),
            "ref_columns": [fit(x) for x in fk.ref_columns], "name": obj(fk.name) if fk.name else None,
            "on_delete": fk.on_delete if fk.on_delete in d.on_delete_actions else None,
            "on_update": fk.on_update if fk.on_update in d.on_update_actions else None,
        }) for fk in t.foreign_keys]
        uqs = [u.model_copy(update={"columns": [fit(x) for x in u.columns], "name": obj(u.name) if u.name else None})
               for u in t.unique_constraints]
        cks = [ck.model_copy(update={"name": obj(ck.name) if ck.name else None}) for ck in t.check_constraints
               if check_supported(t, ck, d)]
        idx = [i.model_copy(update={"name": obj(i.name), "columns": [fit(x) for x in i.columns]})
               for i in t.indexes if index_supported(i, d)]
        tables.append(t.model_copy(update={
            "name": fit(t.name), "columns": columns, "primary_key": pk, "foreign_keys": fks,
            "unique_constraints": uqs, "check_constraints": cks, "indexes": idx,
            "comment": t.comment if d.comments != "none" else None,
        }))
    return schema.model_copy(update={"tables": tables})


def canonical_form(schema: Schema, *, constraint_names: bool = True, fold=None) -> dict:
    """A comparable form of a schema: table order ignored (DDL is written in dependency order),
    column order kept, constraints as sorted tuples, ON ... NO ACTION the same as no action given.

    ``constraint_names=False`` ignores constraint and index names; ``fold`` maps every identifier
    (e.g. ``naming.snake_case`` to compare ``InvoiceLine`` with ``invoice_line``).
    """
    from ...model import ReferentialAction

    f = fold or (lambda s: s)

    def action(a):
        return None if a in (None, ReferentialAction.NO_ACTION) else a.value

    def name(n):
        return f(n) if (constraint_names and n) else None

    out: dict = {"tables": {}, "views": sorted((f(v.name), tuple(f(c) for c in v.columns)) for v in schema.views)}
    for t in schema.tables:
        out["tables"][f(t.name)] = {
            "columns": [(f(c.name), c.type, c.nullable, c.default, c.autoincrement, c.comment) for c in t.columns],
            "primary_key": (tuple(f(c) for c in t.primary_key.columns), name(t.primary_key.name)) if t.primary_key else None,
            "foreign_keys": sorted(
                (tuple(f(c) for c in fk.columns), f(fk.ref_table), tuple(f(c) for c in fk.ref_columns), name(fk.name) or "",
                 action(fk.on_delete) or "", action(fk.on_update) or "") for fk in t.foreign_keys),
            "unique": sorted((tuple(f(c) for c in u.columns), name(u.name) or "") for u in t.unique_constraints),
            "checks": sorted((c.expression, name(c.name) or "") for c in t.check_constraints),
            "indexes": sorted((name(i.name) or "", tuple(f(c) for c in i.columns), tuple(i.expressions), i.unique, i.where or "")
                              for i in t.indexes),
            "comment": t.comment,
        }
    return out


# -- facts about a table that both the renderer and roundtrip_schema need ---------------------------------
def key_columns(table: Table) -> set[str]:
    """Lower-cased names of columns in the PK, a UNIQUE constraint, a FK or a plain index."""
    cols = {c.lower() for c in table.primary_key_columns}
    for u in table.unique_constraints:
        cols.update(c.lower() for c in u.columns)
    for fk in table.foreign_keys:
        cols.update(c.lower() for c in fk.columns)
    for i in table.indexes:
        cols.update(c.lower() for c in i.columns)
    return cols


def referenced_columns(schema: Schema) -> dict[str, set[str]]:
    """table (lower) -> lower-cased column names other tables' foreign keys point at."""
    out: dict[str, set[str]] = {}
    for t in schema.tables:
        for fk in t.foreign_keys:
            out.setdefault(fk.ref_table.lower(), set()).update(c.lower() for c in fk.ref_columns)
    return out


def identity_column(table: Table, d: Dialect) -> Column | None:
    """The autoincrement column the dialect can express (SQLite: only a lone INTEGER PRIMARY KEY)."""
    autos = [c for c in table.columns if c.autoincrement]
    if not autos:
        return None
    if d.identity_needs_inline_primary_key:
        pk = table.primary_key_columns
        if len(pk) == 1 and autos[0].name.lower() == pk[0].lower() and autos[0].type.is_integer:
            return autos[0]
        return None
    return autos[0]


def index_supported(index: Index, d: Dialect) -> bool:
    return (d.partial_indexes or not index.where) and (d.expression_indexes or not index.expressions)


@lru_cache(maxsize=4096)
def _columns_named(expression: str) -> frozenset[str]:
    import sqlglot
    from sqlglot import exp

    try:
        tree = sqlglot.parse_one(expression)
    except sqlglot.errors.ParseError:
        return frozenset()
    return frozenset(c.name.lower() for c in tree.find_all(exp.Column))


def check_supported(table: Table, check: CheckConstraint, d: Dialect) -> bool:
    """Whether ``d`` can create ``check`` on ``table`` (MariaDB: not when it names an identity column)."""
    if d.checks_may_name_identity:
        return True
    identity = {c.name.lower() for c in table.columns if c.autoincrement}
    return not identity & _columns_named(check.expression)
