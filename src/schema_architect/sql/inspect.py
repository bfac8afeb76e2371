"""Read a live database's schema into the model (SQLAlchemy 2.x reflection).

One bulk query per kind of object (``Inspector.get_multi_*``), not one per table, so a 500-table
PostgreSQL database inspects in about a second. Where the engines differ the differences are
tables below (type classes, what each backend adds on its own), not branches spread around:

* MySQL/MariaDB create an index for every foreign key that has none; it carries the constraint's
  name (or, for an unnamed constraint, its first column's). Such an index is the FK's, not the
  user's, and is left out, so a model does not grow indexes on a round trip.
* SQLite's ``sqlite_autoindex_*`` (behind UNIQUE/PRIMARY KEY) are left out for the same reason.
* MariaDB stores JSON as LONGTEXT plus ``CHECK (json_valid(col))``: read back as JSON, no check.
* PostgreSQL ``serial`` columns (``DEFAULT nextval(...)``) and identity columns read as
  ``autoincrement=True`` without a default.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import sqlalchemy as sa
import sqlglot
from sqlalchemy.dialects import mysql as mysql_types
from sqlalchemy.dialects import postgresql as pg_types
from sqlalchemy.engine.reflection import ObjectKind
from sqlalchemy.exc import DBAPIError, SAWarning
from sqlalchemy.sql import sqltypes
from sqlglot import exp

from ..errors import DatabaseError
from ..model import (
    CheckConstraint,
    Column,
    DataType,
    ForeignKey,
    Index,
    PrimaryKey,
    ReferentialAction,
    Schema,
    Skipped,
    Table,
    TypeKind,
    UniqueConstraint,
    View,
)
from .connect import connection_error, driver_message, open_engine
from .urls import describe_target, dialect_of_url, location, sqlite_path

# Project dialect name -> sqlglot dialect name (for reading default/check/index expressions).
SQLGLOT_DIALECT = {"postgresql": "postgres", "mysql": "mysql", "sqlite": "sqlite", "sqlserver": "tsql",
                   "oracle": "oracle"}


# -- types ---------------------------------------------------------------------------------------------
def _float(t) -> DataType:
    # Single precision is float(24); anything wider (or unstated on a double type) is double.
    p = getattr(t, "precision", None)
    return DataType.float(p) if p is not None and p <= 24 else DataType.float()


def _decimal(t) -> DataType:
    p, s = getattr(t, "precision", None), getattr(t, "scale", None)
    return DataType.decimal(p, s if p is not None else None)


def _length(t) -> int | None:
    return getattr(t, "length", None) or None


def _fractional_digits(t) -> int | None:
    # PostgreSQL calls it precision, MySQL fsp; 0 and "unset" both mean whole seconds here.
    return getattr(t, "precision", None) or getattr(t, "fsp", None) or None


def _timestamp(t) -> DataType:
    return DataType(kind="timestamp", timezone=bool(getattr(t, "timezone", False)), precision=_fractional_digits(t))


def _time(t) -> DataType:
    return DataType(kind="time", timezone=bool(getattr(t, "timezone", False)), precision=_fractional_digits(t))


def _tinyint(t) -> DataType:
    # MySQL has no boolean: BOOLEAN is TINYINT(1), which is how a boolean comes back.
    return DataType.boolean() if getattr(t, "display_width", None) == 1 else DataType.smallint()


# SQLAlchemy type class -> portable type. Looked up along the type's MRO, so the most specific class
# listed wins (Double before Float before Numeric, Text before String, Enum before String).
TYPE_READERS: dict[type, Callable[[sqltypes.TypeEngine], DataType]] = {
    sqltypes.SmallInteger: lambda t: DataType.smallint(),
    sqltypes.Integer: lambda t: DataType.integer(),
    sqltypes.BigInteger: lambda t: DataType.bigint(),
    mysql_types.TINYINT: _tinyint,
    mysql_types.MEDIUMINT: lambda t: DataType.integer(),
    mysql_types.YEAR: lambda t: DataType.smallint(),
    sqltypes.Numeric: _decimal,
    sqltypes.Float: _float,
    sqltypes.REAL: lambda t: DataType.float(24),
    mysql_types.FLOAT: lambda t: DataType.float(24) if t.precision is None else _float(t),  # FLOAT is single
    sqltypes.Double: lambda t: DataType.float(),
    sqltypes.String: lambda t: DataType.varchar(_length(t)),
    sqltypes.CHAR: lambda t: DataType.char(_length(t)),
    sqltypes.NCHAR: lambda t: DataType.char(_length(t)),
    sqltypes.Text: lambda t: DataType.text(),
    # MySQL's text types derive from its own string base class, so they are listed by name.
    mysql_types.TINYTEXT: lambda t: DataType.text(),
    mysql_types.MEDIUMTEXT: lambda t: DataType.text(),
    mysql_types.LONGTEXT: lambda t: DataType.text(),
    sqltypes.Enum: lambda t: DataType.enum(*t.enums) if t.enums else DataType.varchar(_length(t)),
    mysql_types.SET: lambda t: DataType.varchar(max(1, sum(len(v) + 1 for v in t.values))),
    sqltypes.Boolean: lambda t: DataType.boolean(),
    sqltypes.Date: lambda t: DataType.date(),
    sqltypes.Time: _time,
    sqltypes.DateTime: _timestamp,
    sqltypes.Uuid: lambda t: DataType.uuid(),
    sqltypes.JSON: lambda t: DataType.json(),
    sqltypes._Binary: lambda t: DataType.binary(_length(t)),
    sqltypes.LargeBinary: lambda t: DataType.binary(),
    mysql_types.BIT: lambda t: DataType.boolean() if (t.length or 1) == 1 else DataType.binary(),
}

# Types the model has no portable form for: read as text and reported as skipped.
_UNPORTABLE = (sqltypes.Interval, sqltypes.ARRAY, pg_types.INET, pg_types.CIDR, pg_types.MACADDR,
               pg_types.TSVECTOR, pg_types.MONEY, sqltypes.NullType)

def datatype_of(sa_type: sqltypes.TypeEngine) -> DataType | None:
    """The portable type for a reflected SQLAlchemy type, or None when the model has none."""
    if isinstance(sa_type, _UNPORTABLE):
        return None
    for cls in type(sa_type).__mro__:
        reader = TYPE_READERS.get(cls)
        if reader is not None:
            return reader(sa_type)
    return None


def _sqlite_declared_type(declared: str) -> DataType | None:
    """SQLite keeps a column's declared type text verbatim (SQLAlchemy only guesses from affinity,
    turning UUID into NUMERIC): read it the way the DDL parser reads that type name."""
    if not (declared or "").strip():
        return None
    from .dialects import get_dialect, read_sqlglot_type

    try:
        dtype = exp.DataType.build(declared, dialect="sqlite", udt=True)
    except (sqlglot.errors.ParseError, ValueError):
        return None
    return read_sqlglot_type(dtype, get_dialect("sqlite"))[0]


# -- SQL fragments -----------------------------------------------------------------------------------
_SEQUENCE_DEFAULT = re.compile(r"^\s*nextval\(", re.IGNORECASE)


_TEXT_TYPES = (exp.DataType.Type.TEXT, exp.DataType.Type.VARCHAR)


def _plain(node: exp.Expression) -> exp.Expression:
    # PostgreSQL reports 'x'::character varying and 0::numeric; the literal is what was written.
    if isinstance(node, exp.Cast) and isinstance(node.this, (exp.Literal, exp.Boolean, exp.Null)):
        return node.this
    # ... and rewrites col IN ('a', 'b') as (col)::text = ANY ((ARRAY['a', 'b'])::text[]).
    if isinstance(node, exp.EQ) and isinstance(node.expression, exp.Any):
        array = node.expression.this
        while isinstance(array, (exp.Cast, exp.Paren)):
            array = array.this
        if isinstance(array, exp.Array):
            return exp.In(this=node.this.transform(_plain), expressions=[e.transform(_plain) for e in array.expressions])
    # ... and lower((title)::text) for lower(title) on a varchar: the cast to text is its own addition.
    if isinstance(node, exp.Cast) and node.to.is_type(*_TEXT_TYPES):
        inner = node.this
        while isinstance(inner, exp.Paren):
            inner = inner.this
        if isinstance(inner, exp.Column):
            return inner
    return node


def generic_sql(text: str | None, dialect: str, *, boolean: bool = False) -> str | None:
    """A SQL fragment as the database reports it, in the model's generic form (as the DDL parser writes
    it, so inspected and parsed models compare equal). ``boolean``: a boolean column's default (1 -> TRUE)."""
    from .parse import normalize_expression

    if text is None:
        return None
    try:
        tree = sqlglot.parse_one(text, read=SQLGLOT_DIALECT[dialect])
    except (sqlglot.errors.ParseError, sqlglot.errors.TokenError):
        return text.strip()
    return normalize_expression(tree.transform(_plain, copy=False), boolean=boolean)


def _action(value: str | None) -> ReferentialAction | None:
    if not value:
        return None
    try:
        return ReferentialAction(" ".join(value.upper().split()))
    except ValueError:
        return None


_VIEW_BODY = re.compile(r"^\s*CREATE\b.*?\bVIEW\b.*?\bAS\s+", re.IGNORECASE | re.DOTALL)


def _view_body(definition: str | None) -> str:
    # MySQL and SQLite report the whole CREATE VIEW statement; the model keeps the SELECT.
    text = (definition or "").strip().rstrip(";").strip()
    return _VIEW_BODY.sub("", text, count=1) if _VIEW_BODY.match(text) else text


# -- what each backend's reflection misses or adds ----------------------------------------------------
@dataclass(frozen=True)
class ReflectionQuirks:
    """Where SQLAlchemy's reflection of a backend needs correcting, as flags the reader consults."""

    declared_type_text: bool = False
    """SQLite: read the declared type text (SQLAlchemy guesses from affinity rules: UUID -> NUMERIC)."""
    autoincrement_keyword: bool = False
    """SQLite: AUTOINCREMENT appears only in the CREATE TABLE text."""
    expression_indexes_from_sql: bool = False
    """SQLite: SQLAlchemy skips expression indexes; read them from their CREATE INDEX text."""
    checks_from_catalog: bool = False
    """MariaDB: column-level CHECKs (JSON's json_valid among them) only show in information_schema."""
    implicit_fk_indexes: bool = False
    """MySQL/MariaDB: InnoDB adds an index per foreign key, named after it; not the user's."""
    null_default_text: bool = False
    """MariaDB: DEFAULT NULL is reported as the text 'NULL'."""


QUIRKS: dict[str, ReflectionQuirks] = {
    "sqlite": ReflectionQuirks(declared_type_text=True, autoincrement_keyword=True, expression_indexes_from_sql=True),
    "mysql": ReflectionQuirks(checks_from_catalog=True, implicit_fk_indexes=True, null_default_text=True),
}


# -- the reader ---------------------------------------------------------------------------------------
def inspect_database(url: str, *, schema: str | None = None) -> Schema:
    """The schema of the database at ``url`` (tables, keys, constraints, indexes, comments, views).

    ``schema`` picks a PostgreSQL schema (default: the search path's first). Raises
    :class:`DatabaseError` with a one-line reason when the database cannot be reached or read.
    """
    dialect = dialect_of_url(url)
    if dialect == "sqlite":
        path = sqlite_path(url)
        if path is not None and not Path(path).exists():
            # Connecting would silently create an empty database file.
            hint = "check the path in the URL"
            if not Path(path).is_absolute():
                hint += f" (it is relative to {Path.cwd()}; an absolute path takes four slashes: sqlite:////abs/file.db)"
            raise DatabaseError(f"no SQLite database at {path}", hint=hint)
    engine = open_engine(url)
    try:
        try:
            conn = engine.connect()
        except DBAPIError as exc:
            raise connection_error(exc, url) from None
        with conn:
            try:
                result = _Reader(conn, dialect, schema).read()
            except DBAPIError as exc:
                raise DatabaseError(f"cannot read the schema of {describe_target(url)}: {driver_message(exc)}",
                                    hint="does this user have permission to read the catalog?") from None
        result.name = result.name or location(url).rsplit("/", 1)[-1]
        return result
    finally:
        engine.dispose()


class _Reader:
    def __init__(self, conn: sa.Connection, dialect: str, db_schema: str | None):
        self.conn = conn
        self.dialect = dialect
        self.db_schema = db_schema
        self.insp = sa.inspect(conn)
        self.quirks = QUIRKS.get(dialect, ReflectionQuirks())
        self.skipped: list[Skipped] = []
        self.json_columns: set[tuple[str, str]] = set()  # (table, column) stored as text + json_valid check
        self._fragments: dict[tuple[str, bool], str | None] = {}

    def sql(self, text: str | None, *, boolean: bool = False) -> str | None:
        """:func:`generic_sql`, remembered for this inspection: real schemas repeat the same defaults
        and checks across many tables, and sqlglot is the slowest part of reading a large database."""
        if text is None:
            return None
        key = (text, boolean)
        if key not in self._fragments:
            self._fragments[key] = generic_sql(text, self.dialect, boolean=boolean)
        return self._fragments[key]

    def read(self) -> Schema:
        insp, kw = self.insp, {"schema": self.db_schema}
        with warnings.catch_warnings():
            # SQLAlchemy warns about what it cannot reflect; we read those ourselves or report them.
            warnings.simplefilter("ignore", SAWarning)
            names = insp.get_table_names(**kw)
            columns = insp.get_multi_columns(**kw)
            pks = insp.get_multi_pk_constraint(**kw)
            fks = insp.get_multi_foreign_keys(**kw)
            indexes = insp.get_multi_indexes(**kw)
            uniques = insp.get_multi_unique_constraints(**kw)
            checks = self._checks()
            comments = self._optional(insp.get_multi_table_comment, **kw)
            q = self.quirks
            extra_indexes = self._sqlite_unreflected_indexes() if q.expression_indexes_from_sql else {}
            declared = self._sqlite_declared_types(names) if q.declared_type_text else {}
            autoinc = self._sqlite_autoincrement_tables() if q.autoincrement_keyword else set()
            views = self._views()
        tables = []
        for name in names:
            key = (self.db_schema, name)
            table = Table(name=name, comment=(comments.get(key) or {}).get("text"))
            table.primary_key = self._primary_key(pks.get(key))
            pk_cols = set(table.primary_key_columns)
            for info in columns.get(key, []):
                table.columns.append(self._column(name, info, pk_cols, declared.get((name, info["name"])),
                                                  (name, info["name"]) in self.json_columns))
            if name in autoinc and len(table.primary_key_columns) == 1:
                col = table.column(table.primary_key_columns[0])
                if col is not None and col.type.is_integer:
                    col.autoincrement = True
            table.foreign_keys = [self._foreign_key(fk) for fk in fks.get(key, [])]
            table.unique_constraints = [UniqueConstraint(columns=list(u["column_names"]), name=u.get("name"))
                                        for u in uniques.get(key, []) if u.get("column_names")]
            table.check_constraints = [CheckConstraint(expression=e, name=n) for n, e in checks.get(key, [])]
            _fold_enum_checks(table)
            # MySQL reports a UNIQUE key both as a constraint and as an index; it is kept as the constraint.
            unique_index_names = {u.get("duplicates_index") for u in uniques.get(key, []) if u.get("duplicates_index")}
            table.indexes = self._indexes(table, [i for i in indexes.get(key, []) if i["name"] not in unique_index_names])
            table.indexes += extra_indexes.get(name, [])
            tables.append(table)
        return Schema(tables=tables, views=views, skipped=self.skipped)

    # -- pieces -------------------------------------------------------------------------------
    @staticmethod
    def _optional(method, **kw) -> dict:
        try:
            return method(**kw)
        except NotImplementedError:  # e.g. SQLite has no comments
            return {}

    def _column(self, table: str, info: dict, pk_cols: set[str], declared: DataType | None,
                is_json: bool) -> Column:
        dtype = declared or (DataType.json() if is_json else datatype_of(info["type"]))
        if dtype is None:
            self.skipped.append(Skipped(kind="type", name=f"{table}.{info['name']}",
                                        reason=f"type {info['type']!s} has no portable equivalent; read as text"))
            dtype = DataType.text()
        if info.get("computed"):
            self.skipped.append(Skipped(kind="computed column", name=f"{table}.{info['name']}",
                                        reason="generated from an expression; read as a plain column",
                                        text=str(info["computed"].get("sqltext"))[:200]))
        default = info.get("default")
        autoincrement = bool(info.get("identity")) or info.get("autoincrement") is True
        if default is not None and _SEQUENCE_DEFAULT.match(default):
            autoincrement, default = True, None  # serial: the sequence is the autoincrement
        if self.quirks.null_default_text and default is not None and default.upper() == "NULL":
            default = None
        return Column(
            name=info["name"],
            type=dtype,
            # A primary key column is NOT NULL by definition (SQLite alone lets non-integer PKs hold NULL).
            nullable=bool(info.get("nullable", True)) and info["name"] not in pk_cols,
            default=self.sql(default, boolean=dtype.kind is TypeKind.BOOLEAN),
            autoincrement=autoincrement,
            comment=info.get("comment") or None,
        )

    @staticmethod
    def _primary_key(info: dict | None) -> PrimaryKey | None:
        if not info or not info.get("constrained_columns"):
            return None
        return PrimaryKey(columns=list(info["constrained_columns"]), name=info.get("name") or None)

    @staticmethod
    def _foreign_key(info: dict) -> ForeignKey:
        options = info.get("options") or {}
        return ForeignKey(
            columns=list(info["constrained_columns"]),
            ref_table=info["referred_table"],
            ref_columns=list(info["referred_columns"]),
            name=info.get("name") or None,
            on_delete=_action(options.get("ondelete")),
            on_update=_action(options.get("onupdate")),
        )

    def _indexes(self, table: Table, infos: list[dict]) -> list[Index]:
        result = []
        for info in infos:
            if info.get("duplicates_constraint"):
                continue  # the index behind a UNIQUE constraint, already read as the constraint
            if self.quirks.implicit_fk_indexes and _is_implicit_fk_index(table.name, info, table.foreign_keys):
                continue
            columns = list(info.get("column_names") or [])
            expressions = list(info.get("expressions") or [])
            options = info.get("dialect_options") or {}
            where = options.get("postgresql_where") or options.get("sqlite_where")
            if None in columns:
                # Mixed or pure expression index: the model keeps them all as expressions.
                exprs = [self.sql(e) for e in expressions]
                columns = []
            else:
                exprs = []
            result.append(Index(name=info["name"], columns=columns, expressions=exprs,
                                unique=bool(info.get("unique")),
                                where=self.sql(str(where)) if where is not None else None))
        return result

    def _checks(self) -> dict[tuple, list[tuple[str | None, str]]]:
        """(schema, table) -> [(name, expression)]. MariaDB's column-level checks come from its catalog."""
        if self.quirks.checks_from_catalog:
            rows = self._mariadb_checks()
            if rows is not None:
                return rows
        raw = self._optional(self.insp.get_multi_check_constraints, schema=self.db_schema)
        return {key: [(c.get("name"), self.sql(c["sqltext"])) for c in items]
                for key, items in raw.items()}

    def _mariadb_checks(self) -> dict | None:
        # SQLAlchemy parses SHOW CREATE TABLE and misses MariaDB's column-level CHECKs (JSON's included).
        sql = ("SELECT TABLE_NAME, CONSTRAINT_NAME, LEVEL, CHECK_CLAUSE FROM information_schema.CHECK_CONSTRAINTS "
               "WHERE CONSTRAINT_SCHEMA = DATABASE() ORDER BY TABLE_NAME, CONSTRAINT_NAME")
        try:
            rows = self.conn.exec_driver_sql(sql).fetchall()
        except DBAPIError:  # MySQL proper has no LEVEL column
            return None
        result: dict[tuple, list] = {}
        for table, name, level, clause in rows:
            entry = result.setdefault((self.db_schema, table), [])
            json_col = re.fullmatch(r"\s*json_valid\(`([^`]+)`\)\s*", clause or "", re.IGNORECASE)
            if level == "Column" and json_col and json_col.group(1) == name:
                self.json_columns.add((table, name))  # the column is JSON; not a check of the user's
                continue
            # A column-level check is named after its column by MariaDB, not by the user.
            entry.append((None if level == "Column" else name, self.sql(clause)))
        return result

    def _sqlite_declared_types(self, names: list[str]) -> dict[tuple[str, str], DataType]:
        found, read = {}, {}
        for name in names:
            for row in self.conn.exec_driver_sql(f"PRAGMA table_xinfo({_sqlite_quote(name)})"):
                if row[2] not in read:
                    read[row[2]] = _sqlite_declared_type(row[2])
                dtype = read[row[2]]
                if dtype is not None:
                    found[(name, row[1])] = dtype
        return found

    def _sqlite_autoincrement_tables(self) -> set[str]:
        rows = self.conn.exec_driver_sql("SELECT name, sql FROM sqlite_master WHERE type = 'table'")
        return {name for name, sql in rows if sql and re.search(r"\bAUTOINCREMENT\b", sql, re.IGNORECASE)}

    def _sqlite_unreflected_indexes(self) -> dict[str, list[Index]]:
        """Expression indexes, which SQLAlchemy skips on SQLite: read from their CREATE INDEX text."""
        reflected = {(t, i["name"]) for (_, t), items in self.insp.get_multi_indexes().items() for i in items}
        rows = self.conn.exec_driver_sql(
            "SELECT tbl_name, name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")
        found: dict[str, list[Index]] = {}
        for table, name, sql in rows:
            if (table, name) in reflected:
                continue
            try:
                tree = sqlglot.parse_one(sql, read="sqlite")
                params = tree.this.args["params"]
            except Exception:  # noqa: BLE001 - an index we cannot read is reported, not fatal
                self.skipped.append(Skipped(kind="index", name=name, reason="could not read its definition",
                                            text=sql[:200]))
                continue
            exprs = [(o.this if isinstance(o, exp.Ordered) else o).sql() for o in params.args.get("columns") or []]
            where = params.args.get("where")
            found.setdefault(table, []).append(Index(
                name=name, expressions=exprs, unique=bool(tree.args.get("unique")),
                where=where.this.sql() if where is not None else None))
        return found

    def _views(self) -> list[View]:
        kw = {"schema": self.db_schema}
        names = self.insp.get_view_names(**kw)
        if not names:
            return []
        columns = self.insp.get_multi_columns(kind=ObjectKind.VIEW, **kw)
        views = []
        for name in names:
            try:
                definition = self.insp.get_view_definition(name, **kw)
            except NotImplementedError:
                definition = None
            # in the model's generic dialect, like a view parsed from DDL (kept as read if it does not parse)
            views.append(View(name=name, definition=generic_sql(_view_body(definition), self.dialect) or "",
                              columns=[c["name"] for c in columns.get((self.db_schema, name), [])]))
        return views


_TEXTUAL = (TypeKind.CHAR, TypeKind.VARCHAR, TypeKind.TEXT)


def _fold_enum_checks(table: Table) -> None:
    """A text column with an unnamed ``CHECK (col IN ('a', 'b'))`` is how an enum is written where there
    is no ENUM type (the renderer writes it so; PostgreSQL names the check ``<table>_<col>_check``)."""
    kept = []
    for check in table.check_constraints:
        found = _enum_of_check(check.expression)
        column = table.column(found[0]) if found else None
        auto_names = {None, f"{table.name}_{found[0]}_check" if found else None}
        if column is not None and column.type.kind in _TEXTUAL and check.name in auto_names:
            column.type = DataType.enum(*found[1])
        else:
            kept.append(check)
    table.check_constraints = kept


def _enum_of_check(expression: str) -> tuple[str, tuple[str, ...]] | None:
    try:
        node = sqlglot.parse_one(expression)
    except (sqlglot.errors.ParseError, sqlglot.errors.TokenError):
        return None
    while isinstance(node, exp.Paren):
        node = node.this
    if not isinstance(node, exp.In) or not isinstance(node.this, exp.Column) or not node.expressions:
        return None
    if not all(isinstance(i, exp.Literal) and i.is_string for i in node.expressions):
        return None
    return node.this.name, tuple(i.this for i in node.expressions)


def _is_implicit_fk_index(table: str, info: dict, foreign_keys: list[ForeignKey]) -> bool:
    """True for the index MySQL/MariaDB made for a foreign key (named after it, on exactly its columns)."""
    if info.get("unique") or info.get("expressions"):
        return False
    columns = list(info.get("column_names") or [])
    for fk in foreign_keys:
        if fk.columns != columns:
            continue
        auto_named = fk.name is None or re.fullmatch(rf"{re.escape(table)}_ibfk_\d+", fk.name)
        if info["name"] == fk.name or (auto_named and info["name"] == fk.columns[0]):
            return True
    return False


def _sqlite_quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'

