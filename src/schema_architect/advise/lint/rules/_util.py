"""Small questions rules ask about names and tables."""

from __future__ import annotations

import re
from functools import lru_cache

from ....model import Schema, Table
from ....model.naming import words

_ID_SUFFIX = re.compile(r"(?:_id|Id|ID)$")


@lru_cache(maxsize=1)
def _inflect():
    """inflect's engine, imported without typeguard's run-time instrumentation.

    inflect decorates its functions with ``typeguard.typechecked``, which re-parses the module source
    for every decorated function at import: 5-15 s per process here. The checks only guard inflect's
    own argument types, so the decorator is swapped for a pass-through while inflect is first imported.
    """
    import sys

    if "inflect" not in sys.modules:
        import typeguard

        original = typeguard.typechecked

        def passthrough(target=None, **_options):
            return target if target is not None else (lambda f: f)

        typeguard.typechecked = passthrough
        try:
            import inflect  # noqa: F401
        finally:
            typeguard.typechecked = original
    import inflect

    return inflect.engine()


def singular(word: str) -> str:
    s = _inflect().singular_noun(word)
    return s if s else word


def is_plural(word: str) -> bool:
    return bool(_inflect().singular_noun(word)) and not word.lower().endswith(("ss", "us", "is", "data", "status"))


def last_word(name: str) -> str:
    w = words(name)
    return w[-1] if w else name


def id_stem(column: str) -> str | None:
    """``customer`` for ``customer_id``/``customerId``/``CustomerID``; None for other names."""
    if column.lower() == "id" or not _ID_SUFFIX.search(column):
        return None
    w = words(column)
    if len(w) < 2 or w[-1] != "id":
        return None
    return "_".join(w[:-1])


def fk_columns(table: Table) -> set[str]:
    return {c.lower() for fk in table.foreign_keys for c in fk.columns}


def index_prefixes(table: Table) -> list[list[str]]:
    """Column lists whose leading columns an index lookup can use: PK, unique constraints, indexes."""
    out = [table.primary_key_columns] if table.primary_key else []
    out += [u.columns for u in table.unique_constraints]
    out += [i.columns for i in table.indexes if i.columns and not i.where]
    return [[c.lower() for c in cols] for cols in out]


def has_leading(table: Table, columns: list[str]) -> bool:
    """True when some index/key starts with exactly these columns (in any order among themselves)."""
    want = {c.lower() for c in columns}
    n = len(want)
    return any(len(p) >= n and set(p[:n]) == want for p in index_prefixes(table))


def table_for_stem(schema: Schema, stem: str) -> Table | None:
    """The table a ``<stem>_id`` column most likely points to (customer -> customer/customers)."""
    names = {"_".join(words(t.name)): t for t in schema.tables}
    # Exact and simple plural spellings first: inflect is slow to import and rarely needed.
    for n in (stem, stem + "s", stem + "es", stem.replace("_", "")):
        if n in names:
            return names[n]
    for n, t in names.items():
        if singular(n) == stem or singular(n).replace("_", "") == stem.replace("_", ""):
            return t
    return None
