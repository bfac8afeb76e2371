"""Naming: one case convention, one number for table names, names that need no quoting."""

from __future__ import annotations

import re

from ....model import Schema
from ....model.naming import camel_case, pascal_case, snake_case, words
from .. import fixes
from ..registry import rule
from ._util import _inflect, is_plural, last_word, singular

CASES = {"snake_case": snake_case, "camelCase": camel_case, "PascalCase": pascal_case}
_PLAIN = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def _fits(name: str, case: str) -> bool:
    return CASES[case](name) == name


@rule("SA101", "table-name-case", "warning",
      "Table names follow the configured case convention (snake_case, camelCase or PascalCase).",
      "Mixed conventions force every query writer to remember which table is spelled which way; "
      "in PostgreSQL a name that is not lower case must be quoted forever.")
def table_name_case(schema: Schema, ctx):
    case = ctx.config.naming_case
    for t in schema.tables:
        if _PLAIN.match(t.name) and not _fits(t.name, case):
            new = CASES[case](t.name)
            yield ctx.finding(f"table {t.name} is not {case} (expected {new})", table=t.name,
                              fix_sql=fixes.rename_table(t.name, new, ctx.dialect))


@rule("SA102", "column-name-case", "warning",
      "Column names follow the configured case convention.",
      "Consistent column names make queries guessable and avoid quoting mistakes.")
def column_name_case(schema: Schema, ctx):
    case = ctx.config.naming_case
    for t in schema.tables:
        for c in t.columns:
            if _PLAIN.match(c.name) and not _fits(c.name, case):
                new = CASES[case](c.name)
                yield ctx.finding(f"column {t.name}.{c.name} is not {case} (expected {new})", table=t.name,
                                  column=c.name, fix_sql=fixes.rename_column(t.name, c.name, new, ctx.dialect))


@rule("SA103", "table-name-number", "info",
      "Table names are all singular (customer) or all plural (customers), as configured.",
      "A row is one thing; mixing customer and orders makes joins and generated code inconsistent.")
def table_name_number(schema: Schema, ctx):
    want = ctx.config.table_number
    if want == "any":
        return
    for t in schema.tables:
        w = words(t.name)
        if not w:
            continue
        head, last = w[:-1], w[-1]
        if want == "singular" and is_plural(last):
            new_last = singular(last)
        elif want == "plural" and not is_plural(last):
            new_last = _inflect().plural_noun(last) or last
        else:
            continue
        new = CASES[ctx.config.naming_case]("_".join(head + [new_last]))
        yield ctx.finding(f"table {t.name} should be {want} ({new})", table=t.name,
                          fix_sql=fixes.rename_table(t.name, new, ctx.dialect))


@rule("SA104", "name-needs-quoting", "warning",
      "Names use only letters, digits and underscores and do not start with a digit.",
      "Spaces, dashes and other characters force quoting in every query and break many tools.")
def name_needs_quoting(schema: Schema, ctx):
    for t in schema.tables:
        if not _PLAIN.match(t.name):
            new = snake_case(t.name)
            yield ctx.finding(f"table name {t.name!r} needs quoting", table=t.name,
                              fix_sql=fixes.rename_table(t.name, new, ctx.dialect))
        for c in t.columns:
            if not _PLAIN.match(c.name):
                new = snake_case(c.name)
                yield ctx.finding(f"column name {t.name}.{c.name!r} needs quoting", table=t.name, column=c.name,
                                  fix_sql=fixes.rename_column(t.name, c.name, new, ctx.dialect))


@rule("SA105", "generic-id-column-name", "info",
      "A column called just `id` (or `name`) in several tables makes joins ambiguous; prefer customer_id.",
      "SELECT ... JOIN ... USING and result sets with two `id` columns are a common source of bugs; "
      "this is a style choice, so it is informational.", enabled=False)
def generic_id_column_name(schema: Schema, ctx):
    for t in schema.tables:
        for c in t.columns:
            if c.name.lower() in ("id", "name") and len(schema.tables) > 1:
                new = CASES[ctx.config.naming_case](f"{singular(last_word(t.name))}_{c.name.lower()}")
                yield ctx.finding(f"{t.name}.{c.name} is a generic name ({new} says what it is)", table=t.name,
                                  column=c.name, fix_sql=fixes.rename_column(t.name, c.name, new, ctx.dialect))
