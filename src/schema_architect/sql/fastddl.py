"""A fast reader for the plain DDL most scripts consist of, with sqlglot as the authority.

Machine-written DDL (ours, pg_dump's, Chinook's) is mostly ``CREATE TABLE`` with simple columns and
constraints, ``CREATE INDEX`` on columns and ``ALTER TABLE ... ADD CONSTRAINT``. Parsing those with
sqlglot costs a few milliseconds each, too slow for a 1,000-table file. This module reads exactly that
subset with one regular-expression tokenizer; the moment it meets anything else it gives up
(:class:`NotPlain`) and the statement goes to sqlglot. Type spellings, CHECK expressions and the like
still go through sqlglot, cached per distinct text, so both paths give the same model (the DDL
tests run each case through both).
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..model import CheckConstraint, Column, DataType, ForeignKey, Index, PrimaryKey, ReferentialAction, TypeKind
from ..model import Table, UniqueConstraint
from .dialects import Dialect, read_sqlglot_type, sqlglot_dialect

_TOKEN = re.compile(
    r"""--[^\n]*|/\*.*?\*/|[Nn]?'(?:[^']|'')*'|"(?:[^"]|"")*"|`(?:[^`]|``)*`|\[(?:[^\]]|\]\])*\]"""
    r"""|\d+(?:\.\d+)?(?![A-Za-z_])|[A-Za-z_][A-Za-z0-9_$#]*|\S""",
    re.S,
)
_KIND_OF_FIRST = {
    **{c: "w" for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_"},
    **{c: "n" for c in "0123456789"}, **{c: "p" for c in "(),.;=-"},
    "'": "s", '"': "q", "`": "q", "[": "q",
}
_COLUMN_CONSTRAINT_WORDS = frozenset({
    "NOT", "NULL", "DEFAULT", "PRIMARY", "UNIQUE", "REFERENCES", "CHECK", "CONSTRAINT", "GENERATED",
    "AUTO_INCREMENT", "AUTOINCREMENT", "IDENTITY", "COMMENT", "COLLATE",
})
_ACTIONS = {
    ("NO", "ACTION"): ReferentialAction.NO_ACTION, ("SET", "NULL"): ReferentialAction.SET_NULL,
    ("SET", "DEFAULT"): ReferentialAction.SET_DEFAULT, ("RESTRICT",): ReferentialAction.RESTRICT,
    ("CASCADE",): ReferentialAction.CASCADE,
}
_KEYWORD_DEFAULTS = {"TRUE": "TRUE", "FALSE": "FALSE", "NULL": "NULL", "CURRENT_TIMESTAMP": "CURRENT_TIMESTAMP",
                     "CURRENT_DATE": "CURRENT_DATE", "CURRENT_TIME": "CURRENT_TIME"}


class NotPlain(Exception):
    """The statement uses something this reader does not cover: let sqlglot read it."""


class _Tokens:
    """The statement's tokens: ``toks`` (text), ``kinds`` (w word, q quoted name, s string, n number,
    p punctuation) and ``up`` (upper-cased words, "" for everything else)."""

    __slots__ = ("toks", "kinds", "up", "i", "n")

    def __init__(self, text: str, dialect: Dialect):
        if dialect.backslash_escapes and "\\" in text:
            raise NotPlain
        toks = _TOKEN.findall(text)
        if "--" in text or "/*" in text:
            toks = [t for t in toks if not (t.startswith("--") or t.startswith("/*"))]
        kinds = [_KIND_OF_FIRST.get(t[0], "x") for t in toks]
        if "'" in text:  # N'...' strings start like a word
            for j, t in enumerate(toks):
                if kinds[j] == "w" and t[1:2] == "'":
                    kinds[j] = "s"
        if "x" in kinds:
            raise NotPlain
        self.up = [t.upper() if k == "w" else "" for t, k in zip(toks, kinds)]
        self.toks, self.kinds, self.i, self.n = toks, kinds, 0, len(toks)

    def word(self, offset: int = 0) -> str:
        j = self.i + offset
        return self.up[j] if j < self.n else ""

    def is_punct(self, char: str) -> bool:
        return self.i < self.n and self.kinds[self.i] == "p" and self.toks[self.i] == char

    def accept(self, *words: str) -> bool:
        k = len(words)
        if self.up[self.i : self.i + k] == list(words):
            self.i += k
            return True
        return False

    def expect(self, *words: str) -> None:
        if not self.accept(*words):
            raise NotPlain

    def punct(self, char: str) -> bool:
        if self.is_punct(char):
            self.i += 1
            return True
        return False

    def take(self) -> tuple[str, str]:
        if self.i >= self.n:
            raise NotPlain
        self.i += 1
        return self.kinds[self.i - 1], self.toks[self.i - 1]

    def identifier(self) -> str:
        kind, value = self.take()
        if kind == "w":
            return value
        if kind == "q" and len(value) > 1:
            close = value[-1]
            return value[1:-1].replace(close * 2, close)
        raise NotPlain

    def qualified_name(self) -> str:
        name = self.identifier()
        while self.punct("."):
            name = self.identifier()
        return name

    def name_list(self) -> list[str]:
        if not self.punct("("):
            raise NotPlain
        names = [self.identifier()]
        while self.punct(","):
            names.append(self.identifier())
        if not self.punct(")"):
            raise NotPlain
        return names

    def balanced(self) -> str:
        """The tokens inside a parenthesised group (opening parenthesis next), joined by spaces."""
        if not self.punct("("):
            raise NotPlain
        start = self.i
        depth = 1
        while self.i < self.n:
            kind, value = self.kinds[self.i], self.toks[self.i]
            self.i += 1
            if kind == "p" and value == "(":
                depth += 1
            elif kind == "p" and value == ")":
                depth -= 1
                if depth == 0:
                    return " ".join(self.toks[start : self.i - 1])
        raise NotPlain

    def at_end(self) -> bool:
        while self.punct(";"):
            pass
        return self.i >= self.n


# -- pieces read through sqlglot once per distinct text ------------------------------------------------------------
@lru_cache(maxsize=2048)
def _type(text: str, dialect_name: str):
    from sqlglot import exp

    from .dialects import get_dialect

    d = get_dialect(dialect_name)
    try:
        dtype = exp.DataType.build(text, dialect=sqlglot_dialect(d), udt=True)
    except Exception:
        raise NotPlain from None
    return read_sqlglot_type(dtype, d)


@lru_cache(maxsize=4096)
def _expression(text: str, dialect_name: str) -> tuple[str, tuple[str, ...] | None, str | None]:
    """(normalised generic text, enum labels if it is ``column IN ('a', ...)``, that column)."""
    from sqlglot import exp

    from .dialects import get_dialect
    from .parse import _enum_values, normalize_expression

    try:  # parsed as a condition: a statement parse would read "comment IN (...)" as a COMMENT statement
        tree = exp.condition(text, dialect=sqlglot_dialect(get_dialect(dialect_name)))
    except Exception:
        raise NotPlain from None
    inner = tree
    while isinstance(inner, exp.Paren):
        inner = inner.this
    column = inner.this.name if isinstance(inner, exp.In) and isinstance(inner.this, exp.Column) else None
    values = _enum_values(tree, column) if column else None
    return normalize_expression(tree), values, column


def _default(tokens: _Tokens, boolean: bool) -> str:
    kind, value = tokens.take()
    if kind == "s":
        return value[1:] if value[0] in "Nn" else value
    if kind == "n":
        if boolean and value in ("0", "1"):
            return "TRUE" if value == "1" else "FALSE"
        return value
    if kind == "p" and value == "-" and tokens.i < tokens.n and tokens.kinds[tokens.i] == "n":
        return "-" + tokens.take()[1]
    if kind == "w" and value.upper() in _KEYWORD_DEFAULTS and not tokens.is_punct("("):
        return _KEYWORD_DEFAULTS[value.upper()]
    raise NotPlain


def _actions(tokens: _Tokens) -> dict[str, ReferentialAction]:
    found = {}
    while tokens.word() == "ON" and tokens.word(1) in ("DELETE", "UPDATE"):
        event = tokens.word(1).lower()
        tokens.i += 2
        for words, action in _ACTIONS.items():
            if tokens.accept(*words):
                found[event] = action
                break
        else:
            raise NotPlain
    return found


def _reference(tokens: _Tokens, columns: list[str], name: str | None) -> ForeignKey:
    tokens.expect("REFERENCES")
    target = tokens.qualified_name()
    ref_columns = tokens.name_list() if tokens.is_punct("(") else ["?"]
    actions = _actions(tokens)
    return ForeignKey(columns=columns, ref_table=target, ref_columns=ref_columns, name=name,
                      on_delete=actions.get("delete"), on_update=actions.get("update"))


# -- statements ----------------------------------------------------------------------------------------------------
def _table_constraint(tokens: _Tokens, table: Table, d: Dialect) -> None:
    name = tokens.identifier() if tokens.accept("CONSTRAINT") else None
    if tokens.accept("PRIMARY", "KEY"):
        tokens.accept("CLUSTERED") or tokens.accept("NONCLUSTERED")
        table.primary_key = PrimaryKey(columns=tokens.name_list(), name=name)
    elif tokens.accept("UNIQUE"):
        if tokens.word() in ("KEY", "INDEX"):
            raise NotPlain
        tokens.accept("CLUSTERED") or tokens.accept("NONCLUSTERED")
        table.unique_constraints.append(UniqueConstraint(columns=tokens.name_list(), name=name))
    elif tokens.accept("FOREIGN", "KEY"):
        columns = tokens.name_list()
        table.foreign_keys.append(_reference(tokens, columns, name))
    elif tokens.word() == "CHECK":
        tokens.i += 1
        text, _values, _col = _expression(tokens.balanced(), d.name)
        table.check_constraints.append(CheckConstraint(expression=text, name=name))
    else:
        raise NotPlain


def _column(tokens: _Tokens, table: Table, d: Dialect, unknown_type) -> None:
    name = tokens.identifier()
    type_start = tokens.i
    while tokens.i < tokens.n:
        kind = tokens.kinds[tokens.i]
        if kind == "p":
            if tokens.toks[tokens.i] != "(":
                break
            tokens.balanced()
            continue
        if kind == "q" or (kind == "w" and tokens.up[tokens.i] not in _COLUMN_CONSTRAINT_WORDS):
            tokens.i += 1
            continue
        if kind == "w":
            break
        raise NotPlain
    if tokens.i == type_start:
        raise NotPlain
    type_text = " ".join(tokens.toks[type_start : tokens.i])
    datatype, serial, written = _type(type_text, d.name)
    if datatype is None:
        datatype = unknown_type(table, name, written)
    column = Column(name=name, type=datatype, autoincrement=serial)
    up = tokens.up
    while tokens.i < tokens.n:
        c_name = tokens.identifier() if tokens.accept("CONSTRAINT") else None
        word = up[tokens.i] if tokens.i < tokens.n else ""
        if word == "NOT" and tokens.accept("NOT", "NULL"):
            column.nullable = False
        elif word == "NULL":
            tokens.i += 1
            column.nullable = True
        elif word == "DEFAULT":
            tokens.i += 1
            column.default = _default(tokens, column.type.kind is TypeKind.BOOLEAN)
        elif word == "PRIMARY" and tokens.accept("PRIMARY", "KEY"):
            table.primary_key = PrimaryKey(columns=[name], name=c_name)
        elif word == "UNIQUE":
            tokens.i += 1
            table.unique_constraints.append(UniqueConstraint(columns=[name], name=c_name))
        elif word == "GENERATED" and (tokens.accept("GENERATED", "BY", "DEFAULT", "AS", "IDENTITY")
                                      or tokens.accept("GENERATED", "ALWAYS", "AS", "IDENTITY")):
            if tokens.is_punct("("):
                raise NotPlain
            column.autoincrement = True
        elif word in ("AUTO_INCREMENT", "AUTOINCREMENT"):
            tokens.i += 1
            column.autoincrement = True
        elif word == "IDENTITY":
            tokens.i += 1
            if tokens.is_punct("("):
                tokens.balanced()
            column.autoincrement = True
        elif word == "CHECK":
            tokens.i += 1
            text, values, on_column = _expression(tokens.balanced(), d.name)
            if values and on_column == name and c_name is None and column.type.kind in (
                    TypeKind.CHAR, TypeKind.VARCHAR, TypeKind.TEXT):
                column.type = DataType.enum(*values)
            else:
                table.check_constraints.append(CheckConstraint(expression=text, name=c_name))
        elif word == "REFERENCES":
            table.foreign_keys.append(_reference(tokens, [name], c_name))
        elif word == "COMMENT":
            tokens.i += 1
            kind, value = tokens.take()
            if kind != "s" or value[0] != "'":
                raise NotPlain
            column.comment = value[1:-1].replace("''", "'")
        elif c_name is not None or word:
            raise NotPlain
        else:
            break
    table.columns.append(column)


def create_table(text: str, d: Dialect, unknown_type) -> Table:
    """The table of a plain CREATE TABLE, or NotPlain."""
    tokens = _Tokens(text, d)
    tokens.expect("CREATE", "TABLE")
    if tokens.word() in ("IF", "AS", "LIKE"):
        raise NotPlain
    table = Table(name=tokens.qualified_name())
    if not tokens.punct("("):
        raise NotPlain
    while True:
        if tokens.word() in ("CONSTRAINT", "PRIMARY", "UNIQUE", "FOREIGN", "CHECK"):
            _table_constraint(tokens, table, d)
        else:
            _column(tokens, table, d, unknown_type)
        if tokens.punct(")"):
            break
        if not tokens.punct(","):
            raise NotPlain
    if tokens.accept("COMMENT"):
        tokens.punct("=")
        kind, value = tokens.take()
        if kind != "s" or value[0] != "'":
            raise NotPlain
        table.comment = value[1:-1].replace("''", "'")
    if not tokens.at_end():
        raise NotPlain
    return table


def create_index(text: str, d: Dialect) -> tuple[str, Index]:
    """(table name, index) of a plain CREATE [UNIQUE] INDEX on columns, or NotPlain."""
    tokens = _Tokens(text, d)
    tokens.expect("CREATE")
    unique = tokens.accept("UNIQUE")
    tokens.accept("NONCLUSTERED")
    tokens.expect("INDEX")
    name = tokens.identifier()
    tokens.expect("ON")
    table = tokens.qualified_name()
    columns = tokens.name_list()
    if not tokens.at_end():
        raise NotPlain
    return table, Index(name=name, columns=columns, unique=unique)


def alter_add_constraint(text: str, d: Dialect, tables: dict[str, Table]) -> None:
    """Apply a plain ALTER TABLE t ADD [CONSTRAINT n] <constraint> to ``tables``, or NotPlain."""
    tokens = _Tokens(text, d)
    tokens.expect("ALTER", "TABLE")
    table = tables.get(tokens.qualified_name().lower())
    if table is None:
        raise NotPlain
    tokens.expect("ADD")
    scratch = Table(name=table.name, columns=table.columns)
    _table_constraint(tokens, scratch, d)
    if not tokens.at_end():
        raise NotPlain
    if scratch.primary_key is not None:
        table.primary_key = scratch.primary_key
    table.unique_constraints.extend(scratch.unique_constraints)
    table.foreign_keys.extend(scratch.foreign_keys)
    table.check_constraints.extend(scratch.check_constraints)
