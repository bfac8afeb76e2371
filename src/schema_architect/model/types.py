"""Portable logical data types.

A :class:`DataType` is dialect-free: ``DataType.varchar(80)`` means "text of at
most 80 characters" whether it ends up as ``VARCHAR(80)``, ``NVARCHAR(80)`` or
``VARCHAR2(80 CHAR)``. Mapping to and from each dialect's spelling lives in
``schema_architect.sql.dialects``.
"""

from __future__ import annotations

from enum import Enum

from pydantic import BaseModel, ConfigDict, Field, model_validator


class TypeKind(str, Enum):
    SMALLINT = "smallint"
    INTEGER = "integer"
    BIGINT = "bigint"
    DECIMAL = "decimal"  # exact numeric, precision/scale
    FLOAT = "float"  # approximate numeric (double precision unless precision <= 24)
    CHAR = "char"  # fixed length
    VARCHAR = "varchar"  # bounded text
    TEXT = "text"  # unbounded text
    BOOLEAN = "boolean"
    DATE = "date"
    TIME = "time"
    TIMESTAMP = "timestamp"  # with timezone=True: timestamp with time zone
    UUID = "uuid"
    JSON = "json"
    BINARY = "binary"  # with length: bounded binary; without: blob
    ENUM = "enum"  # values: the allowed labels


class TypeClass(str, Enum):
    """The coarse classes the RSchema benchmark judges data types by."""

    NUMERIC = "NUMERIC"
    TEXT = "TEXT"
    DATETIME = "DATETIME"
    BINARY = "BINARY"
    BOOL = "BOOL"


_CLASS_OF_KIND: dict[TypeKind, TypeClass] = {
    TypeKind.SMALLINT: TypeClass.NUMERIC,
    TypeKind.INTEGER: TypeClass.NUMERIC,
    TypeKind.BIGINT: TypeClass.NUMERIC,
    TypeKind.DECIMAL: TypeClass.NUMERIC,
    TypeKind.FLOAT: TypeClass.NUMERIC,
    TypeKind.CHAR: TypeClass.TEXT,
    TypeKind.VARCHAR: TypeClass.TEXT,
    TypeKind.TEXT: TypeClass.TEXT,
    TypeKind.UUID: TypeClass.TEXT,
    TypeKind.JSON: TypeClass.TEXT,
    TypeKind.ENUM: TypeClass.TEXT,
    TypeKind.BOOLEAN: TypeClass.BOOL,
    TypeKind.DATE: TypeClass.DATETIME,
    TypeKind.TIME: TypeClass.DATETIME,
    TypeKind.TIMESTAMP: TypeClass.DATETIME,
    TypeKind.BINARY: TypeClass.BINARY,
}

_INTEGER_KINDS = frozenset({TypeKind.SMALLINT, TypeKind.INTEGER, TypeKind.BIGINT})


class DataType(BaseModel):
    """A logical column type. Immutable and hashable so it can key dictionaries."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    kind: TypeKind
    length: int | None = Field(default=None, ge=1, description="CHAR/VARCHAR/BINARY length")
    precision: int | None = Field(default=None, ge=1, description="DECIMAL/FLOAT precision")
    scale: int | None = Field(default=None, ge=0, description="DECIMAL scale")
    timezone: bool = Field(default=False, description="TIMESTAMP/TIME WITH TIME ZONE")
    values: tuple[str, ...] = Field(default=(), description="ENUM labels, in order")

    @model_validator(mode="after")
    def _check_parameters(self) -> "DataType":
        k = self.kind
        if self.length is not None and k not in (TypeKind.CHAR, TypeKind.VARCHAR, TypeKind.BINARY):
            raise ValueError(f"type {k.value} takes no length")
        if self.precision is not None and k not in (TypeKind.DECIMAL, TypeKind.FLOAT, TypeKind.TIMESTAMP, TypeKind.TIME):
            raise ValueError(f"type {k.value} takes no precision")
        if self.scale is not None:
            if k is not TypeKind.DECIMAL:
                raise ValueError(f"type {k.value} takes no scale")
            if self.precision is None or self.scale > self.precision:
                raise ValueError("DECIMAL scale needs a precision at least as large")
        if self.values and k is not TypeKind.ENUM:
            raise ValueError(f"type {k.value} takes no enum values")
        if k is TypeKind.ENUM and not self.values:
            raise ValueError("ENUM needs at least one value")
        if self.timezone and k not in (TypeKind.TIMESTAMP, TypeKind.TIME):
            raise ValueError(f"type {k.value} has no time zone")
        return self

    # -- constructors, so callers read like SQL -------------------------------------------------
    @classmethod
    def smallint(cls) -> "DataType":
        return cls(kind=TypeKind.SMALLINT)

    @classmethod
    def integer(cls) -> "DataType":
        return cls(kind=TypeKind.INTEGER)

    @classmethod
    def bigint(cls) -> "DataType":
        return cls(kind=TypeKind.BIGINT)

    @classmethod
    def decimal(cls, precision: int | None = None, scale: int | None = None) -> "DataType":
        return cls(kind=TypeKind.DECIMAL, precision=precision, scale=scale)

    @classmethod
    def float(cls, precision: int | None = None) -> "DataType":
        return cls(kind=TypeKind.FLOAT, precision=precision)

    @classmethod
    def char(cls, length: int | None = None) -> "DataType":
        return cls(kind=TypeKind.CHAR, length=length)

    @classmethod
    def varchar(cls, length: int | None = None) -> "DataType":
        return cls(kind=TypeKind.VARCHAR, length=length)

    @classmethod
    def text(cls) -> "DataType":
        return cls(kind=TypeKind.TEXT)

    @classmethod
    def boolean(cls) -> "DataType":
        return cls(kind=TypeKind.BOOLEAN)

    @classmethod
    def date(cls) -> "DataType":
        return cls(kind=TypeKind.DATE)

    @classmethod
    def time(cls) -> "DataType":
        return cls(kind=TypeKind.TIME)

    @classmethod
    def timestamp(cls, timezone: bool = False) -> "DataType":
        return cls(kind=TypeKind.TIMESTAMP, timezone=timezone)

    @classmethod
    def uuid(cls) -> "DataType":
        return cls(kind=TypeKind.UUID)

    @classmethod
    def json(cls) -> "DataType":  # type: ignore[override]
        return cls(kind=TypeKind.JSON)

    @classmethod
    def binary(cls, length: int | None = None) -> "DataType":
        return cls(kind=TypeKind.BINARY, length=length)

    @classmethod
    def enum(cls, *values: str) -> "DataType":
        return cls(kind=TypeKind.ENUM, values=tuple(values))

    # -- questions -------------------------------------------------------------------------------
    @property
    def type_class(self) -> TypeClass:
        return _CLASS_OF_KIND[self.kind]

    @property
    def is_integer(self) -> bool:
        return self.kind in _INTEGER_KINDS

    def __str__(self) -> str:
        """A readable, dialect-neutral spelling (used in docs and diagrams)."""
        k = self.kind
        if k is TypeKind.ENUM:
            return "enum(" + ", ".join(repr(v) for v in self.values) + ")"
        if k is TypeKind.DECIMAL and self.precision is not None:
            return f"decimal({self.precision},{self.scale or 0})"
        if k in (TypeKind.CHAR, TypeKind.VARCHAR, TypeKind.BINARY) and self.length is not None:
            return f"{k.value}({self.length})"
        if k is TypeKind.FLOAT and self.precision is not None:
            return f"float({self.precision})"
        if k in (TypeKind.TIMESTAMP, TypeKind.TIME) and self.timezone:
            return f"{k.value} with time zone"
        return k.value
