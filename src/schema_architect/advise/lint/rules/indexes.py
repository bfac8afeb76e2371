"""Indexes: duplicates, redundant prefixes, indexes that repeat a key, too many indexes."""

from __future__ import annotations

from ....model import Index, Schema, Table
from .. import fixes
from ..registry import rule


def _plain(ix: Index) -> bool:
    return bool(ix.columns) and not ix.expressions and not ix.where


def _cols(ix: Index) -> list[str]:
    return [c.lower() for c in ix.columns]


@rule("SA401", "duplicate-index", "warning",
      "No two indexes cover the same columns in the same order.",
      "A duplicate index costs disk, memory and write time and is never chosen over its twin.")
def duplicate_index(schema: Schema, ctx):
    for t in schema.tables:
        seen: dict[tuple, Index] = {}
        for ix in t.indexes:
            key = (tuple(_cols(ix)), tuple(ix.expressions), ix.where)
            if key in seen:
                yield ctx.finding(f"index {ix.name} on {t.name} duplicates {seen[key].name}", table=t.name,
                                  fix_sql=fixes.drop_index(t.name, ix.name, ctx.dialect), index=ix.name)
            else:
                seen[key] = ix


def _key_columns(t: Table) -> list[tuple[str, list[str]]]:
    keys = [("primary key", [c.lower() for c in t.primary_key_columns])] if t.primary_key else []
    keys += [(u.name or "unique constraint", [c.lower() for c in u.columns]) for u in t.unique_constraints]
    return keys


@rule("SA402", "redundant-prefix-index", "warning",
      "No non-unique index is a leading prefix of another index or key on the same table.",
      "An index on (a) is redundant next to one on (a, b): the longer one serves every lookup by a.")
def redundant_prefix_index(schema: Schema, ctx):
    for t in schema.tables:
        longer = [(ix.name, _cols(ix)) for ix in t.indexes if _plain(ix)] + _key_columns(t)
        for ix in t.indexes:
            if ix.unique or not _plain(ix):
                continue
            mine = _cols(ix)
            for other_name, other in longer:
                if other_name != ix.name and len(other) > len(mine) and other[:len(mine)] == mine:
                    yield ctx.finding(f"index {ix.name} ({', '.join(ix.columns)}) on {t.name} is a prefix of "
                                      f"{other_name} ({', '.join(other)})", table=t.name,
                                      fix_sql=fixes.drop_index(t.name, ix.name, ctx.dialect), index=ix.name)
                    break


@rule("SA403", "index-repeats-key", "warning",
      "No secondary index covers exactly the primary key or a unique constraint.",
      "The key already has its own index; the copy only slows writes down.")
def index_repeats_key(schema: Schema, ctx):
    for t in schema.tables:
        for ix in t.indexes:
            if not _plain(ix):
                continue
            for key_name, key in _key_columns(t):
                if _cols(ix) == key:
                    yield ctx.finding(f"index {ix.name} on {t.name} repeats the {key_name} ({', '.join(key)})",
                                      table=t.name, fix_sql=fixes.drop_index(t.name, ix.name, ctx.dialect),
                                      index=ix.name)
                    break


@rule("SA404", "too-many-indexes", "info",
      "A table has at most a configured number of secondary indexes.",
      "Every index is maintained on every insert and update; many indexes on one table usually "
      "mean some are unused (the index advisor can check pg_stat_user_indexes).",
      options={"max_indexes": 8})
def too_many_indexes(schema: Schema, ctx):
    limit = int(ctx.options["max_indexes"])
    for t in schema.tables:
        if len(t.indexes) > limit:
            yield ctx.finding(f"{t.name} has {len(t.indexes)} indexes (more than {limit})", table=t.name)
