"""The schema model: the one in-memory form every input is parsed into and every output rendered from.

Conventions
-----------
* Names are kept exactly as the source spelled them ("Flight Number", "InvoiceLine"); renderers quote.
* SQL fragments (column defaults, CHECK expressions, partial-index predicates, index expressions,
  view bodies) are stored as text in the sqlglot *generic* dialect, so renderers can transpile them
  to any dialect with sqlglot. ``CURRENT_TIMESTAMP`` and literals read the same everywhere.
* Constraint names are optional; when absent, renderers derive stable names (see ``naming``).
* Order is meaningful and preserved: tables, columns, key columns.
"""

from __future__ import annotations

from enum import Enum
from typing import Iterable, Iterator

from pydantic import BaseModel, ConfigDict, Field

from .types import DataType


class ReferentialAction(str, Enum):
    NO_ACTION = "NO ACTION"
    RESTRICT = "RESTRICT"
    CASCADE = "CASCADE"
    SET_NULL = "SET NULL"
    SET_DEFAULT = "SET DEFAULT"


class _Node(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=False)


class Column(_Node):
    name: str
    type: DataType
    nullable: bool = True
    default: str | None = Field(default=None, description="SQL expression text (generic dialect)")
    autoincrement: bool = Field(default=False, description="identity / serial / AUTO_INCREMENT")
    comment: str | None = None


class PrimaryKey(_Node):
    columns: list[str] = Field(min_length=1)
    name: str | None = None


class ForeignKey(_Node):
    columns: list[str] = Field(min_length=1)
    ref_table: str
    ref_columns: list[str] = Field(min_length=1)
    name: str | None = None
    on_delete: ReferentialAction | None = None
    on_update: ReferentialAction | None = None


class UniqueConstraint(_Node):
    columns: list[str] = Field(min_length=1)
    name: str | None = None


class CheckConstraint(_Node):
    expression: str = Field(description="boolean SQL expression text (generic dialect)")
    name: str | None = None


class Index(_Node):
    """A secondary index. Either ``columns`` (plain column names) or ``expressions`` (SQL text)."""

    name: str
    columns: list[str] = Field(default_factory=list)
    expressions: list[str] = Field(default_factory=list)
    unique: bool = False
    where: str | None = Field(default=None, description="partial-index predicate (generic dialect)")

    def key(self) -> tuple:
        """What the index covers, ignoring its name (for equality and duplicate detection)."""
        return (tuple(self.columns), tuple(self.expressions), self.unique, self.where)


class Table(_Node):
    name: str
    columns: list[Column] = Field(default_factory=list)
    primary_key: PrimaryKey | None = None
    foreign_keys: list[ForeignKey] = Field(default_factory=list)
    unique_constraints: list[UniqueConstraint] = Field(default_factory=list)
    check_constraints: list[CheckConstraint] = Field(default_factory=list)
    indexes: list[Index] = Field(default_factory=list)
    comment: str | None = None

    def column(self, name: str) -> Column | None:
        """The column called ``name`` (exact match first, then case-insensitive)."""
        for c in self.columns:
            if c.name == name:
                return c
        low = name.lower()
        for c in self.columns:
            if c.name.lower() == low:
                return c
        return None

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]

    @property
    def primary_key_columns(self) -> list[str]:
        return list(self.primary_key.columns) if self.primary_key else []

    def is_unique_on(self, columns: Iterable[str]) -> bool:
        """True when the PK or a UNIQUE constraint/index covers exactly ``columns``."""
        wanted = {c.lower() for c in columns}
        keys = [self.primary_key_columns] + [u.columns for u in self.unique_constraints]
        keys += [i.columns for i in self.indexes if i.unique and not i.where and not i.expressions]
        return any(k and {c.lower() for c in k} == wanted for k in keys)


class View(_Node):
    name: str
    definition: str = Field(description="the SELECT text as read from the source")
    columns: list[str] = Field(default_factory=list)


class Skipped(_Node):
    """A construct in the source that the model cannot hold, reported instead of silently dropped."""

    kind: str  # "trigger", "procedure", "sequence", "statement", ...
    name: str | None = None
    reason: str
    location: str | None = None  # "file.sql:120"
    text: str | None = None  # the first line(s) of the statement


SCHEMA_FORMAT = "schema-architect/schema"
SCHEMA_FORMAT_VERSION = 1


class Schema(_Node):
    name: str | None = None
    tables: list[Table] = Field(default_factory=list)
    views: list[View] = Field(default_factory=list)
    skipped: list[Skipped] = Field(default_factory=list, description="what the source had that the model cannot hold")

    # -- lookups ---------------------------------------------------------------------------------
    def table(self, name: str) -> Table | None:
        """The table called ``name`` (exact match first, then case-insensitive)."""
        for t in self.tables:
            if t.name == name:
                return t
        low = name.lower()
        for t in self.tables:
            if t.name.lower() == low:
                return t
        return None

    def __iter__(self) -> Iterator[Table]:  # type: ignore[override]
        return iter(self.tables)

    @property
    def table_names(self) -> list[str]:
        return [t.name for t in self.tables]

    def references_to(self, table_name: str) -> list[tuple[Table, ForeignKey]]:
        """Every (table, foreign key) pair that points at ``table_name``."""
        low = table_name.lower()
        return [(t, fk) for t in self.tables for fk in t.foreign_keys if fk.ref_table.lower() == low]

    # -- serialization ---------------------------------------------------------------------------
    def to_json(self, indent: int | None = 2) -> str:
        from .jsonform import schema_to_json

        return schema_to_json(self, indent=indent)

    @classmethod
    def from_json(cls, text: str, *, where: str | None = None) -> "Schema":
        from .jsonform import schema_from_json

        return schema_from_json(text, where=where)
