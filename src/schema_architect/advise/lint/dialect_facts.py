"""What each dialect forbids or limits, for the lint rules.

Reserved words and identifier lengths come from the DDL renderer's dialect objects (one place per
fact); what only the linter needs (index key sizes, older releases' limits) is tabled here.
"""

from __future__ import annotations

from functools import cache

from ...model import DataType, TypeKind


@cache
def reserved_words(dialect: str) -> frozenset[str]:
    """The words the product itself reserves (lower case), from the DDL renderer's dialect tables."""
    from ...sql.dialects import get_dialect, reserved

    return frozenset(w.lower() for w in getattr(reserved, get_dialect(dialect).name.upper()))


# Older releases with shorter limits than the renderer's dialect assumes (Oracle before 12.2: 30).
COMPATIBLE_IDENTIFIER_MAX = {"oracle": 30}


def identifier_max(dialect: str, *, compatible: bool = True) -> int:
    from ...sql.dialects import get_dialect

    d = get_dialect(dialect)
    if compatible and d.name in COMPATIBLE_IDENTIFIER_MAX:
        return COMPATIBLE_IDENTIFIER_MAX[d.name]
    return d.max_identifier_length


# Largest index key, in bytes, and the bytes per character of the default character set.
INDEX_KEY_MAX_BYTES = {"mysql": 3072, "sqlserver": 1700, "postgresql": None, "sqlite": None, "oracle": None}
BYTES_PER_CHAR = {"mysql": 4, "sqlserver": 2, "postgresql": 4, "sqlite": 4, "oracle": 4}
# Types MySQL can index only with a prefix length (KEY (col(255))).
NEEDS_PREFIX_IN_INDEX = {"mysql": frozenset({TypeKind.TEXT, TypeKind.JSON})}

_FIXED_BYTES = {
    TypeKind.SMALLINT: 2, TypeKind.INTEGER: 4, TypeKind.BIGINT: 8, TypeKind.BOOLEAN: 1, TypeKind.DATE: 3,
    TypeKind.TIME: 3, TypeKind.TIMESTAMP: 8, TypeKind.UUID: 36, TypeKind.ENUM: 2, TypeKind.FLOAT: 8,
}


def key_bytes(t: DataType, dialect: str) -> int | None:
    """Worst-case bytes a value of ``t`` takes in an index key; None when unbounded."""
    per_char = BYTES_PER_CHAR.get(dialect, 4)
    if t.kind in (TypeKind.VARCHAR, TypeKind.CHAR):
        return None if t.length is None else t.length * per_char + (2 if t.kind is TypeKind.VARCHAR else 0)
    if t.kind is TypeKind.BINARY:
        return t.length
    if t.kind is TypeKind.DECIMAL:
        return ((t.precision or 10) + 8) // 9 * 4
    if t.kind is TypeKind.UUID:
        return 36 * per_char  # stored as CHAR(36) where there is no native uuid
    return _FIXED_BYTES.get(t.kind)
