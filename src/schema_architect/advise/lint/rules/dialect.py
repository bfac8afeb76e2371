"""Dialect limits: reserved words, identifier length, index key size."""

from __future__ import annotations

from ....model import Schema
from .. import fixes
from ..dialect_facts import (
    INDEX_KEY_MAX_BYTES,
    NEEDS_PREFIX_IN_INDEX,
    identifier_max,
    key_bytes,
    reserved_words,
)
from ..registry import rule


@rule("SA701", "reserved-word-name", "warning",
      "Table and column names are not reserved words of the target dialect.",
      "A reserved word (user, order, group, date in Oracle) must be quoted in every statement; "
      "forgetting once is a syntax error, and ORMs and BI tools often forget.")
def reserved_word_name(schema: Schema, ctx):
    words = reserved_words(ctx.dialect)
    for t in schema.tables:
        if t.name.lower() in words:
            yield ctx.finding(f"table name {t.name} is reserved in {ctx.dialect}", table=t.name,
                              fix_sql=fixes.rename_table(t.name, f"{t.name}_", ctx.dialect))
        for c in t.columns:
            if c.name.lower() in words:
                new = f"{t.name.lower()}_{c.name.lower()}"
                yield ctx.finding(f"column name {t.name}.{c.name} is reserved in {ctx.dialect}", table=t.name,
                                  column=c.name, fix_sql=fixes.rename_column(t.name, c.name, new, ctx.dialect))


@rule("SA702", "identifier-too-long", "error",
      "Identifiers fit the dialect's limit (PostgreSQL 63, MySQL 64, SQL Server 128, Oracle 30 before "
      "12.2 and 128 after: compatible=false or max_length overrides).",
      "PostgreSQL silently truncates long names (two names can collide); Oracle and MySQL reject them.",
      options={"max_length": None, "compatible": True})
def identifier_too_long(schema: Schema, ctx):
    limit = int(ctx.options.get("max_length") or identifier_max(ctx.dialect,
                                                                compatible=bool(ctx.options["compatible"])))

    def too_long(name: str) -> bool:
        return len(name.encode("utf-8")) > limit

    for t in schema.tables:
        if too_long(t.name):
            yield ctx.finding(f"table name {t.name} is {len(t.name)} characters ({ctx.dialect} allows {limit})",
                              table=t.name)
        for c in t.columns:
            if too_long(c.name):
                yield ctx.finding(f"column name {t.name}.{c.name} is longer than {limit}", table=t.name,
                                  column=c.name)
        named = [(ix.name, "index") for ix in t.indexes] + [(fk.name, "foreign key") for fk in t.foreign_keys]
        named += [(u.name, "unique constraint") for u in t.unique_constraints]
        for name, what in named:
            if name and too_long(name):
                yield ctx.finding(f"{what} name {name} on {t.name} is longer than {limit}", table=t.name)


@rule("SA703", "index-key-too-long", "error",
      "Index keys fit the dialect's key size (MySQL InnoDB: 3072 bytes, 4 bytes per utf8mb4 character; "
      "TEXT needs a prefix length).",
      "MySQL refuses to create the index (or the table) otherwise: `Specified key was too long`.")
def index_key_too_long(schema: Schema, ctx):
    limit = INDEX_KEY_MAX_BYTES.get(ctx.dialect)
    needs_prefix = NEEDS_PREFIX_IN_INDEX.get(ctx.dialect, frozenset())
    if limit is None and not needs_prefix:
        return
    for t in schema.tables:
        keys = [("primary key", t.primary_key_columns)] if t.primary_key else []
        keys += [(u.name or "unique constraint", u.columns) for u in t.unique_constraints]
        keys += [(ix.name, ix.columns) for ix in t.indexes if ix.columns]
        for name, cols in keys:
            total, unbounded = 0, []
            for cname in cols:
                c = t.column(cname)
                if c is None:
                    continue
                if c.type.kind in needs_prefix:
                    unbounded.append(c.name)
                    continue
                total += key_bytes(c.type, ctx.dialect) or 0
            if unbounded:
                yield ctx.finding(f"{name} on {t.name} indexes {', '.join(unbounded)} ({ctx.dialect} needs a "
                                  "prefix length for TEXT/JSON)", table=t.name, column=unbounded[0])
            elif limit is not None and total > limit:
                yield ctx.finding(f"{name} on {t.name} ({', '.join(cols)}) is up to {total} bytes; {ctx.dialect} "
                                  f"allows {limit}", table=t.name, column=cols[0])
