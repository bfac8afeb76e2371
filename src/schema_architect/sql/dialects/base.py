"""The :class:`Dialect` object: everything that differs between databases, as data.

A dialect is declarative: spelling tables for types, reading tables for the way back, quoting rules,
and feature flags. The parser and renderer consult these tables and never branch on a dialect's name.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from typing import Mapping

from ...model import DataType, ReferentialAction, TypeKind

ALL_ACTIONS = frozenset(ReferentialAction)

# The logical "type variants" a dialect spells. A variant with parameters falls back to the bare
# variant when a dialect has no spelling for it (for instance "timestamp(p)" -> "timestamp").
TYPE_VARIANTS = (
    "smallint", "integer", "bigint", "decimal", "decimal(p,s)", "real", "double", "char", "char(n)",
    "varchar", "varchar(n)", "text", "boolean", "date", "time", "time(p)", "timetz", "timetz(p)",
    "timestamp", "timestamp(p)", "timestamptz", "timestamptz(p)", "uuid", "json", "binary",
    "binary(n)", "enum",
)
BASE_VARIANTS = tuple(v for v in TYPE_VARIANTS if "(" not in v)


def type_variant(t: DataType) -> str:
    """The spelling-table key for a logical type, with its parameters' presence."""
    k = t.kind
    if k is TypeKind.DECIMAL:
        return "decimal(p,s)" if t.precision is not None else "decimal"
    if k is TypeKind.FLOAT:
        return "real" if t.precision is not None and t.precision <= 24 else "double"
    if k in (TypeKind.CHAR, TypeKind.VARCHAR, TypeKind.BINARY):
        return f"{k.value}(n)" if t.length is not None else k.value
    if k in (TypeKind.TIME, TypeKind.TIMESTAMP):
        base = k.value + ("tz" if t.timezone else "")
        return f"{base}(p)" if t.precision is not None else base
    return k.value


# How sqlglot's type names (exp.DataType.Type) read into logical kinds, the same for every dialect;
# a dialect's ``type_readings`` table overrides entries (TINYINT(1) -> boolean in MySQL, ...).
GENERIC_READINGS: dict[str, TypeKind] = {
    "TINYINT": TypeKind.SMALLINT, "UTINYINT": TypeKind.SMALLINT, "SMALLINT": TypeKind.SMALLINT,
    "USMALLINT": TypeKind.SMALLINT, "SMALLSERIAL": TypeKind.SMALLINT,
    "INT": TypeKind.INTEGER, "UINT": TypeKind.INTEGER, "MEDIUMINT": TypeKind.INTEGER,
    "UMEDIUMINT": TypeKind.INTEGER, "SERIAL": TypeKind.INTEGER,
    "BIGINT": TypeKind.BIGINT, "UBIGINT": TypeKind.BIGINT, "BIGSERIAL": TypeKind.BIGINT,
    "DECIMAL": TypeKind.DECIMAL, "UDECIMAL": TypeKind.DECIMAL, "BIGDECIMAL": TypeKind.DECIMAL,
    "MONEY": TypeKind.DECIMAL, "SMALLMONEY": TypeKind.DECIMAL,
    "FLOAT": TypeKind.FLOAT, "DOUBLE": TypeKind.FLOAT, "UDOUBLE": TypeKind.FLOAT,
    "CHAR": TypeKind.CHAR, "NCHAR": TypeKind.CHAR, "BPCHAR": TypeKind.CHAR,
    "VARCHAR": TypeKind.VARCHAR, "NVARCHAR": TypeKind.VARCHAR,
    "TEXT": TypeKind.TEXT, "LONGTEXT": TypeKind.TEXT, "MEDIUMTEXT": TypeKind.TEXT, "TINYTEXT": TypeKind.TEXT,
    "NAME": TypeKind.TEXT, "CITEXT": TypeKind.TEXT,
    "BOOLEAN": TypeKind.BOOLEAN, "BIT": TypeKind.BOOLEAN,
    "DATE": TypeKind.DATE, "DATE32": TypeKind.DATE,
    "TIME": TypeKind.TIME, "TIMETZ": TypeKind.TIME,
    "TIMESTAMP": TypeKind.TIMESTAMP, "DATETIME": TypeKind.TIMESTAMP, "DATETIME2": TypeKind.TIMESTAMP,
    "SMALLDATETIME": TypeKind.TIMESTAMP, "DATETIME64": TypeKind.TIMESTAMP, "TIMESTAMPNTZ": TypeKind.TIMESTAMP,
    "TIMESTAMPTZ": TypeKind.TIMESTAMP, "TIMESTAMPLTZ": TypeKind.TIMESTAMP,
    "UUID": TypeKind.UUID, "JSON": TypeKind.JSON, "JSONB": TypeKind.JSON,
    "BINARY": TypeKind.BINARY, "VARBINARY": TypeKind.BINARY, "BLOB": TypeKind.BINARY,
    "LONGBLOB": TypeKind.BINARY, "MEDIUMBLOB": TypeKind.BINARY, "TINYBLOB": TypeKind.BINARY,
    "IMAGE": TypeKind.BINARY, "ENUM": TypeKind.ENUM,
}
TIMEZONE_TYPE_NAMES = frozenset({"TIMETZ", "TIMESTAMPTZ", "TIMESTAMPLTZ"})
SERIAL_TYPE_NAMES = frozenset({"SERIAL", "BIGSERIAL", "SMALLSERIAL"})
# Types sqlglot leaves as "user defined" in some dialect, by their own name.
USER_DEFINED_READINGS: dict[str, DataType] = {
    "RAW": DataType.binary(), "LONG RAW": DataType.binary(), "NCLOB": DataType.text(),
    "CLOB": DataType.text(), "XML": DataType.text(), "XMLTYPE": DataType.text(), "ROWID": DataType.varchar(18),
}

_PLAIN_IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
# Per-dialect memo tables (dialect objects are immutable; names and types repeat a lot).
_QUOTED: dict[tuple[str, str], str] = {}
_SPELLED: dict[tuple[str, DataType, bool], str] = {}


@dataclass(frozen=True)
class Dialect:
    """One database's SQL, as tables and flags."""

    name: str
    sqlglot_name: str
    aliases: tuple[str, ...]
    # -- types -------------------------------------------------------------------------------------
    type_spellings: Mapping[str, str]
    """variant (see TYPE_VARIANTS) -> template with {length} {precision} {scale} {values} {max_length}"""
    key_type_spellings: Mapping[str, str] = field(default_factory=dict)
    """spellings used instead when the column is part of a key or index (TEXT cannot be a key in MySQL)"""
    type_readings: Mapping[str, DataType] = field(default_factory=dict)
    """'NAME' or 'NAME(1)' as sqlglot reads it -> logical type, overriding GENERIC_READINGS"""
    float_without_precision_is_double: bool = False
    number_scale0_reads_as_integer: bool = False
    """Oracle: NUMBER(p) / NUMBER(p,0) is how integers are spelled; read them back as integers"""
    max_timestamp_precision: int = 6
    columns_may_omit_type: bool = False  # SQLite: CREATE TABLE t (a, b)
    # -- identifiers -------------------------------------------------------------------------------
    quote_start: str = '"'
    quote_end: str = '"'
    max_identifier_length: int = 63
    case_folding: str | None = None
    """"lower"/"upper": what the database does to unquoted names, so names in another case need quotes"""
    reserved_words: frozenset[str] = frozenset()
    forbidden_object_names: frozenset[str] = frozenset()
    """constraint/index names refused even when quoted (MySQL: PRIMARY); written with a trailing _"""
    # -- features ----------------------------------------------------------------------------------
    transactional_ddl: bool = False
    partial_indexes: bool = False
    expression_indexes: bool = False
    native_enum: bool = False
    native_boolean: bool = True
    boolean_literals: tuple[str, str] | None = None
    """(true, false) spellings where the boolean type is a number: defaults TRUE/FALSE become these"""
    identity_clause: str = ""
    identity_position: str = "after_type"  # or "after_null" (MySQL's AUTO_INCREMENT)
    identity_needs_inline_primary_key: bool = False  # SQLite: INTEGER PRIMARY KEY AUTOINCREMENT
    identity_type: str | None = None  # SQLite's AUTOINCREMENT only works on the exact type INTEGER
    current_timestamp_takes_precision: bool = False
    """MySQL: a DATETIME(3) default must be CURRENT_TIMESTAMP(3), not CURRENT_TIMESTAMP"""
    explicit_null: bool = False  # write NULL for nullable columns (SQL Server's default depends on settings)
    alter_add_constraint: bool = True
    checks_may_name_identity: bool = True
    """MariaDB refuses a CHECK constraint that names an AUTO_INCREMENT column"""
    unnamed_keys_take_first_column_name: bool = False
    """MySQL/MariaDB: an unnamed UNIQUE key is named after its first column, in the same namespace as
    index and CHECK constraint names, so it can collide with an explicit index or constraint of that name"""
    generated_foreign_key_name: str = ""
    """MySQL/MariaDB: the name the server gives an unnamed foreign key ("{table}_ibfk_{n}"); it is not
    shortened, so a long table name makes CREATE TABLE fail, and the renderer names such keys itself"""
    inline_forward_references: bool = False
    comments: str = "none"  # "comment_on" (COMMENT ON ...), "inline" (MySQL COMMENT '...'), "none"
    on_delete_actions: frozenset[ReferentialAction] = ALL_ACTIONS
    on_update_actions: frozenset[ReferentialAction] = ALL_ACTIONS
    backslash_escapes: bool = False
    notes: tuple[str, ...] = ()

    # -- identifiers -------------------------------------------------------------------------------
    def fit_identifier(self, name: str) -> str:
        """``name`` shortened to the dialect's limit: truncated plus an 8-hex hash so it stays unique."""
        if len(name) <= self.max_identifier_length:
            return name
        digest = hashlib.sha1(name.encode("utf-8")).hexdigest()[:8]
        return name[: self.max_identifier_length - 9] + "_" + digest

    def object_name(self, name: str) -> str:
        """A constraint or index name as the dialect can have it (MySQL keeps PRIMARY for the key)."""
        if name.upper() in self.forbidden_object_names:
            name = name + "_"
        return self.fit_identifier(name)

    def needs_quotes(self, name: str) -> bool:
        if not _PLAIN_IDENTIFIER.match(name):
            return True
        upper = name.upper()
        if upper in self.reserved_words:
            return True
        if self.case_folding == "lower" and name != name.lower():
            return True
        if self.case_folding == "upper" and name != upper:
            return True
        return False

    def quote(self, name: str) -> str:
        """The identifier as it must be written: fitted to the length limit, quoted when needed."""
        key = (self.name, name)
        found = _QUOTED.get(key)
        if found is None:
            if len(_QUOTED) > 200_000:  # a long-running server sees many schemas
                _QUOTED.clear()
            found = _QUOTED[key] = self._quote(name)
        return found

    def _quote(self, name: str) -> str:
        name = self.fit_identifier(name)
        if not self.needs_quotes(name):
            return name
        escaped = name.replace(self.quote_end, self.quote_end * 2)
        return f"{self.quote_start}{escaped}{self.quote_end}"

    def string_literal(self, value: str) -> str:
        """A string literal this dialect reads back as ``value``."""
        if self.backslash_escapes:
            value = value.replace("\\", "\\\\")
        return quote_string(value)

    # -- types -------------------------------------------------------------------------------------
    def spelling(self, t: DataType, *, in_key: bool = False) -> str:
        """The dialect's spelling of a logical type (ENUM spelled natively or as its string carrier)."""
        key = (self.name, t, in_key)
        found = _SPELLED.get(key)
        if found is None:
            found = _SPELLED[key] = self._spelling(t, in_key)
        return found

    def _spelling(self, t: DataType, in_key: bool) -> str:
        variant = type_variant(t)
        if t.kind is TypeKind.ENUM and not self.native_enum:
            variant = "varchar(n)"
        table = self.type_spellings
        template = None
        if in_key:
            template = self.key_type_spellings.get(variant)
        if template is None:
            template = table.get(variant) or table[variant.split("(")[0]]
        max_length = max((len(v) for v in t.values), default=1)
        return template.format(
            length=t.length if t.length is not None else max_length,
            precision=min(t.precision or 0, self.max_timestamp_precision)
            if t.kind in (TypeKind.TIME, TypeKind.TIMESTAMP)
            else t.precision,
            scale=t.scale or 0,
            values=", ".join(self.string_literal(v) for v in t.values),
            max_length=max_length,
        )

    def read_type(self, name: str, params: list[int | str], values: tuple[str, ...] = ()) -> tuple[DataType | None, bool]:
        """A logical type from sqlglot's reading of a column type: (type or None if unknown, is_serial)."""
        name = name.upper()
        numeric = [p for p in params if isinstance(p, int)]
        key = f"{name}({','.join(str(p) for p in params)})" if params else name
        if key in self.type_readings:
            return self.type_readings[key], False
        if name in self.type_readings and not params:
            return self.type_readings[name], False
        if name in USER_DEFINED_READINGS and name not in GENERIC_READINGS:
            base = USER_DEFINED_READINGS[name]
            if base.kind is TypeKind.BINARY and numeric:
                return DataType.binary(numeric[0]), False
            return base, False
        kind = GENERIC_READINGS.get(name)
        if kind is None:
            return None, False
        serial = name in SERIAL_TYPE_NAMES
        has_max = any(isinstance(p, str) and p.upper() == "MAX" for p in params)
        if kind in (TypeKind.CHAR, TypeKind.VARCHAR, TypeKind.BINARY):
            if has_max:
                return (DataType.binary() if kind is TypeKind.BINARY else DataType.text()), False
            length = numeric[0] if numeric else None
            if kind is TypeKind.BINARY and name in ("BLOB", "LONGBLOB", "MEDIUMBLOB", "TINYBLOB", "IMAGE"):
                length = None
            return DataType(kind=kind, length=length), False
        if kind is TypeKind.DECIMAL:
            if name in ("MONEY", "SMALLMONEY"):
                return DataType.decimal(19, 4), False
            precision = numeric[0] if numeric else None
            scale = numeric[1] if len(numeric) > 1 else None
            if self.number_scale0_reads_as_integer and precision is not None and not scale:
                if precision <= 5:
                    return DataType.smallint(), False
                if precision <= 10:
                    return DataType.integer(), False
                if precision <= 19:
                    return DataType.bigint(), False
            if precision is not None and scale is None:
                scale = 0
            return DataType.decimal(precision, scale), False
        if kind is TypeKind.FLOAT:
            if name == "DOUBLE" or name == "UDOUBLE":
                return DataType.float(), False
            if numeric:
                return DataType.float(24 if numeric[0] <= 24 else None), False
            return DataType.float(None if self.float_without_precision_is_double else 24), False
        if kind in (TypeKind.TIME, TypeKind.TIMESTAMP):
            precision = numeric[0] if numeric and numeric[0] >= 1 else None
            return DataType(kind=kind, timezone=name in TIMEZONE_TYPE_NAMES, precision=precision), False
        if kind is TypeKind.ENUM:
            return (DataType.enum(*values) if values else DataType.text()), False
        return DataType(kind=kind), serial


def quote_string(value: str) -> str:
    """A SQL string literal (standard quote doubling)."""
    return "'" + value.replace("'", "''") + "'"
