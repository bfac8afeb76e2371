"""What each dialect forbids or limits, as tables (one place per fact, no branching on dialect names).

Reserved words are the words each vendor documents as reserved (they need quoting everywhere);
sqlglot ships MySQL's list, the others are transcribed from the vendors' reference pages.
"""

from __future__ import annotations

from functools import lru_cache

from ...model import DataType, TypeKind

_POSTGRESQL_RESERVED = """
all analyse analyze and any array as asc asymmetric authorization binary both case cast check collate
collation column concurrently constraint create cross current_catalog current_date current_role
current_schema current_time current_timestamp current_user default deferrable desc distinct do else end
except false fetch for foreign freeze from full grant group having ilike in initially inner intersect into
is isnull join lateral leading left like limit localtime localtimestamp natural not notnull null offset on
only or order outer overlaps placing primary references returning right select session_user similar some
symmetric system_user table tablesample then to trailing true union unique user using variadic verbose
when where window with
"""

_SQLSERVER_RESERVED = """
add all alter and any as asc authorization backup begin between break browse bulk by cascade case check
checkpoint close clustered coalesce collate column commit compute constraint contains containstable
continue convert create cross current current_date current_time current_timestamp current_user cursor
database dbcc deallocate declare default delete deny desc disk distinct distributed double drop dump else
end errlvl escape except exec execute exists exit external fetch file fillfactor for foreign freetext
freetexttable from full function goto grant group having holdlock identity identity_insert identitycol if
in index inner insert intersect into is join key kill left like lineno load merge national nocheck
nonclustered not null nullif of off offsets on open opendatasource openquery openrowset openxml option or
order outer over percent pivot plan precision primary print proc procedure public raiserror read readtext
reconfigure references replication restore restrict return revert revoke right rollback rowcount
rowguidcol rule save schema securityaudit select session_user set setuser shutdown some statistics
system_user table tablesample textsize then to top tran transaction trigger truncate try_convert tsequal
union unique unpivot update updatetext use user values varying view waitfor when where while with within
writetext
"""

_ORACLE_RESERVED = """
access add all alter and any as asc audit between by char check cluster column comment compress connect
create current date decimal default delete desc distinct drop else exclusive exists file float for from
grant group having identified immediate in increment index initial insert integer intersect into is level
like lock long maxextents minus mlslabel mode modify noaudit nocompress not nowait null number of offline
on online option or order pctfree prior public raw rename resource revoke row rowid rownum rows select
session set share size smallint start successful synonym sysdate table then to trigger uid union unique
update user validate values varchar varchar2 view whenever where with
"""

_SQLITE_RESERVED = """
abort action add after all alter analyze and as asc attach autoincrement before begin between by cascade
case cast check collate column commit conflict constraint create cross current_date current_time
current_timestamp database default deferrable deferred delete desc detach distinct drop each else end
escape except exclusive exists explain fail for foreign from full glob group having if ignore immediate in
index indexed initially inner insert instead intersect into is isnull join key left like limit match
natural no not notnull null of offset on or order outer plan pragma primary query raise recursive
references regexp reindex release rename replace restrict right rollback row savepoint select set table
temp temporary then to transaction trigger union unique update using vacuum values view virtual when where
with without
"""


@lru_cache(maxsize=None)
def reserved_words(dialect: str) -> frozenset[str]:
    if dialect == "mysql":  # the one list sqlglot maintains itself
        from sqlglot.dialects.mysql import MySQL

        return frozenset(w.lower() for w in MySQL.Generator.RESERVED_KEYWORDS)
    return frozenset(_RESERVED_TEXT[dialect].split())


_RESERVED_TEXT = {
    "postgresql": _POSTGRESQL_RESERVED,
    "sqlserver": _SQLSERVER_RESERVED,
    "oracle": _ORACLE_RESERVED,
    "sqlite": _SQLITE_RESERVED,
}

# Longest identifier each dialect accepts (characters; PostgreSQL counts bytes, NAMEDATALEN-1).
# Oracle: 30 up to 12.1, 128 from 12.2 (set SA701 max_length: 128 for new databases).
IDENTIFIER_MAX = {"postgresql": 63, "mysql": 64, "sqlite": None, "sqlserver": 128, "oracle": 30}

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
