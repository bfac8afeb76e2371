"""Names: identifier cases and the default names of constraints and indexes."""

from __future__ import annotations

import re

_CAMEL_BOUNDARY = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
_NON_WORD = re.compile(r"[^0-9A-Za-z]+")


def words(name: str) -> list[str]:
    """Split a name on camelCase, underscores, spaces and punctuation: "InvoiceLine_id" -> [invoice, line, id]."""
    parts = _NON_WORD.split(_CAMEL_BOUNDARY.sub(" ", name))
    return [p.lower() for p in parts if p]


def snake_case(name: str) -> str:
    return "_".join(words(name)) or "x"


def camel_case(name: str) -> str:
    w = words(name)
    return (w[0] + "".join(x.capitalize() for x in w[1:])) if w else "x"


def pascal_case(name: str) -> str:
    return "".join(x.capitalize() for x in words(name)) or "X"


def constraint_name(kind: str, table: str, columns: list[str] | tuple[str, ...] = ()) -> str:
    """Stable default name such as ``fk_invoice_customer_id``; ``kind`` is pk, fk, uq, ck or ix."""
    parts = [kind, snake_case(table)] + [snake_case(c) for c in columns]
    return "_".join(parts)
