"""The schema model: tables, columns, types, keys, constraints, indexes; JSON and RSchema forms."""

from .jsonform import schema_from_dict, schema_from_json, schema_to_dict, schema_to_json
from .rschema import from_rschema, to_rschema
from .schema import (
    SCHEMA_FORMAT,
    SCHEMA_FORMAT_VERSION,
    CheckConstraint,
    Column,
    ForeignKey,
    Index,
    PrimaryKey,
    ReferentialAction,
    Schema,
    Skipped,
    Table,
    UniqueConstraint,
    View,
)
from .types import DataType, TypeClass, TypeKind

__all__ = [
    "SCHEMA_FORMAT",
    "SCHEMA_FORMAT_VERSION",
    "CheckConstraint",
    "Column",
    "DataType",
    "ForeignKey",
    "Index",
    "PrimaryKey",
    "ReferentialAction",
    "Schema",
    "Skipped",
    "Table",
    "TypeClass",
    "TypeKind",
    "UniqueConstraint",
    "View",
    "from_rschema",
    "schema_from_dict",
    "schema_from_json",
    "schema_to_dict",
    "schema_to_json",
    "to_rschema",
]
