"""Naming conventions, applied as the last step over a finished schema.

The engine designs with the requirement's own words ("Maintenance Record", "Flight Number"); the
RSchema form keeps them. For a product database the default is ``snake_plural``: snake_case
columns, snake_case plural table names ("maintenance_records.flight_number").
"""

from __future__ import annotations

from ..model.naming import snake_case
from ..model.schema import Schema
from .words import ICES_PLURALS, MAN_NOT_COMPOUNDS, OES_NOUNS, singular

CONVENTIONS = ("snake_plural", "snake", "keep")
# Uncountable nouns, and nouns whose plural is the singular ("one species, many species").
_SAME_IN_PLURAL = frozenset({"staff", "personnel", "equipment", "data", "information", "news", "series", "species",
                             "aircraft", "spacecraft", "sheep", "deer", "fish", "moose", "offspring", "software",
                             "hardware", "feedback", "livestock", "luggage", "baggage", "furniture"})

# Latin -ex/-ix nouns with their -ices plural ("matrices"); "indexes" is how databases say it.
_ICES_NOUNS = frozenset(ICES_PLURALS.values()) - {"index"}


def plural(word: str) -> str:
    w = word.lower()
    if singular(w) != w or w in _SAME_IN_PLURAL or w.endswith("ics"):  # "statistics", "physics"
        return word  # already plural, or uncountable, or a noun whose plural is itself
    if w.endswith(("sis", "xis")) and len(w) >= 4:
        return word[:-2] + "es"  # "thesis" -> "theses", "axis" -> "axes" (Greek -is plurals)
    if w.endswith("man") and w not in MAN_NOT_COMPOUNDS:
        return word[:-2] + ("EN" if word[-2:].isupper() else "en")  # "craftsman" -> "craftsmen"
    if w in OES_NOUNS:
        return word + "es"  # "hero" -> "heroes"
    if w in _ICES_NOUNS:
        return word[:-2] + "ices"  # "matrix" -> "matrices"
    if w.endswith("y") and len(w) > 1 and w[-2] not in "aeiou":
        return word[:-1] + "ies"
    if w.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    return word + "s"


def table_name(name: str, convention: str) -> str:
    if convention == "keep":
        return name
    snake = snake_case(name)
    if convention == "snake":
        return snake
    head, _, last = snake.rpartition("_")
    return (head + "_" if head else "") + plural(last)


def apply_naming(schema: Schema, convention: str = "snake_plural") -> Schema:
    """A copy of ``schema`` with tables and columns renamed (foreign keys, keys and checks follow)."""
    if convention not in CONVENTIONS:
        from ..errors import InputError

        raise InputError(f"unknown naming convention {convention!r}", hint="use one of: " + ", ".join(CONVENTIONS))
    if convention == "keep":
        return schema
    out = schema.model_copy(deep=True)
    tnames: dict[str, str] = {}
    for t in out.tables:
        base = table_name(t.name, convention)
        name, n = base, 2
        while name in tnames.values():
            name, n = f"{base}_{n}", n + 1
        tnames[t.name] = name
    for t in out.tables:
        cnames: dict[str, str] = {}
        for c in t.columns:  # "Author ID" and "Author-Id" must not collapse into one name
            base = snake_case(c.name)
            name, n = base, 2
            while name in cnames.values():
                name, n = f"{base}_{n}", n + 1
            cnames[c.name] = name
        for c in t.columns:
            c.name = cnames[c.name]
        if t.primary_key:
            t.primary_key.columns = [cnames.get(c, c) for c in t.primary_key.columns]
        for u in t.unique_constraints:
            u.columns = [cnames.get(c, c) for c in u.columns]
        for ck in t.check_constraints:
            for old, new in cnames.items():
                ck.expression = ck.expression.replace(f'"{old}"', f'"{new}"')
        for fk in t.foreign_keys:
            fk.columns = [cnames.get(c, c) for c in fk.columns]
            fk.ref_columns = [snake_case(c) for c in fk.ref_columns]
            fk.ref_table = tnames.get(fk.ref_table, fk.ref_table)
        t.name = tnames[t.name]
    return out
