"""Type changes judged without a database: widening (every value fits) or narrowing (data may be lost)."""

from __future__ import annotations

from ..model import DataType, TypeKind

# Within one family, a higher rank holds every value of a lower one.
_RANK: dict[TypeKind, tuple[str, int]] = {
    TypeKind.SMALLINT: ("int", 1),
    TypeKind.INTEGER: ("int", 2),
    TypeKind.BIGINT: ("int", 3),
    TypeKind.DECIMAL: ("int", 4),  # an unbounded decimal holds any integer
    TypeKind.CHAR: ("text", 1),
    TypeKind.VARCHAR: ("text", 2),
    TypeKind.TEXT: ("text", 3),
    TypeKind.DATE: ("time", 1),
    TypeKind.TIMESTAMP: ("time", 2),
}


def is_narrowing(old: DataType, new: DataType) -> bool:
    """True when some value of ``old`` may not survive conversion to ``new`` unchanged."""
    if old == new:
        return False
    if new.kind is TypeKind.TEXT:
        return False  # everything has a text form
    if old.kind is new.kind:
        if old.kind in (TypeKind.CHAR, TypeKind.VARCHAR, TypeKind.BINARY):
            return new.length is not None and (old.length is None or new.length < old.length)
        if old.kind is TypeKind.DECIMAL:
            if new.precision is None:
                return False
            if old.precision is None:
                return True
            return new.precision - (new.scale or 0) < old.precision - (old.scale or 0) or (new.scale or 0) < (old.scale or 0)
        if old.kind is TypeKind.FLOAT:
            return (new.precision or 53) < (old.precision or 53)
        if old.kind is TypeKind.ENUM:
            return not set(old.values) <= set(new.values)
        return old.timezone != new.timezone
    a, b = _RANK.get(old.kind), _RANK.get(new.kind)
    if a and b and a[0] == b[0] and a[1] < b[1]:
        if new.kind is TypeKind.VARCHAR and new.length is not None:
            return True  # CHAR(n) -> VARCHAR(m): depends on lengths, call it narrowing unless unbounded
        if new.kind is TypeKind.DECIMAL and new.precision is not None:
            return new.precision - (new.scale or 0) < {TypeKind.SMALLINT: 5, TypeKind.INTEGER: 10}.get(old.kind, 19)
        return False
    if old.kind is TypeKind.ENUM and new.kind is TypeKind.VARCHAR:
        return new.length is not None and max(map(len, old.values)) > new.length
    return True
