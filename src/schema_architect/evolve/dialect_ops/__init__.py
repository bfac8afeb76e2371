"""ALTER syntax per dialect, as data: one small declarative object per database.

The DDL helper (``schema_architect.sql.render``) spells types, column definitions, identifiers and
CREATE statements; these objects add what only migrations need: renames, type changes, NOT NULL
switches, dropping constraints by kind, and each server's online options (CONCURRENTLY, NOT VALID,
ALGORITHM=INSTANT/INPLACE with LOCK=NONE). The planner reads flags and templates from here and never
branches on a dialect's name.
"""

from __future__ import annotations

from ...errors import InputError
from .base import AlterSyntax
from .mysql import MYSQL
from .postgresql import POSTGRESQL
from .sqlite import SQLITE

ALTER_SYNTAX: dict[str, AlterSyntax] = {s.name: s for s in (POSTGRESQL, MYSQL, SQLITE)}
_ALIASES = {"postgres": "postgresql", "pg": "postgresql", "mariadb": "mysql"}


def get_alter_syntax(name: str) -> AlterSyntax:
    key = _ALIASES.get(name.lower(), name.lower())
    if key not in ALTER_SYNTAX:
        raise InputError(f"migrations are not supported for dialect {name!r}",
                         hint="use one of: " + ", ".join(ALTER_SYNTAX))
    return ALTER_SYNTAX[key]


__all__ = ["ALTER_SYNTAX", "AlterSyntax", "get_alter_syntax"]
