"""Operation objects: the vocabulary between the diff and everything downstream (Alembic-style).

A diff is a list of these; a plan orders and renders them; :func:`apply_operations` replays them on a
model without a database, which is what the property tests use as the oracle ("applying diff(a, b)
to a gives b"). Every operation carries what it needs to be reversed (a dropped table keeps its full
definition), so rollback SQL never has to guess.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from ..errors import ModelError
from ..model import (
    CheckConstraint,
    Column,
    ForeignKey,
    Index,
    PrimaryKey,
    Schema,
    Table,
    UniqueConstraint,
    View,
)


class _Op(BaseModel):
    model_config = ConfigDict(extra="forbid")

    #: data may be lost when this runs (drop, narrowing type change)
    @property
    def destructive(self) -> bool:
        return False

    def describe(self) -> str:  # pragma: no cover - overridden
        raise NotImplementedError

    def reverse(self) -> Operation:  # pragma: no cover - overridden
        raise NotImplementedError


class CreateTable(_Op):
    op: Literal["create_table"] = "create_table"
    table: Table

    def describe(self) -> str:
        return f"create table {self.table.name}"

    def reverse(self) -> Operation:
        return DropTable(table=self.table)


class DropTable(_Op):
    op: Literal["drop_table"] = "drop_table"
    table: Table

    @property
    def destructive(self) -> bool:
        return True

    def describe(self) -> str:
        return f"drop table {self.table.name}"

    def reverse(self) -> Operation:
        return CreateTable(table=self.table)


class RenameTable(_Op):
    op: Literal["rename_table"] = "rename_table"
    old_name: str
    new_name: str
    confidence: float = 1.0

    def describe(self) -> str:
        return f"rename table {self.old_name} to {self.new_name} (confidence {self.confidence:.2f})"

    def reverse(self) -> Operation:
        return RenameTable(old_name=self.new_name, new_name=self.old_name, confidence=self.confidence)


class AddColumn(_Op):
    op: Literal["add_column"] = "add_column"
    table: str
    column: Column

    def describe(self) -> str:
        null = "NULL" if self.column.nullable else "NOT NULL"
        default = f" DEFAULT {self.column.default}" if self.column.default is not None else ""
        return f"add column {self.table}.{self.column.name} {self.column.type} {null}{default}"

    def reverse(self) -> Operation:
        return DropColumn(table=self.table, column=self.column)


class DropColumn(_Op):
    op: Literal["drop_column"] = "drop_column"
    table: str
    column: Column

    @property
    def destructive(self) -> bool:
        return True

    def describe(self) -> str:
        return f"drop column {self.table}.{self.column.name}"

    def reverse(self) -> Operation:
        return AddColumn(table=self.table, column=self.column)


class RenameColumn(_Op):
    op: Literal["rename_column"] = "rename_column"
    table: str
    old_name: str
    new_name: str
    confidence: float = 1.0

    def describe(self) -> str:
        return f"rename column {self.table}.{self.old_name} to {self.new_name} (confidence {self.confidence:.2f})"

    def reverse(self) -> Operation:
        return RenameColumn(table=self.table, old_name=self.new_name, new_name=self.old_name,
                            confidence=self.confidence)


class AlterColumn(_Op):
    """Type, nullability, default or identity of one column changes; ``old``/``new`` are full definitions."""

    op: Literal["alter_column"] = "alter_column"
    table: str
    old: Column
    new: Column

    @property
    def type_changed(self) -> bool:
        return self.old.type != self.new.type

    @property
    def nullability_changed(self) -> bool:
        return self.old.nullable != self.new.nullable

    @property
    def default_changed(self) -> bool:
        return normalize_sql(self.old.default) != normalize_sql(self.new.default)

    @property
    def autoincrement_changed(self) -> bool:
        return self.old.autoincrement != self.new.autoincrement

    @property
    def destructive(self) -> bool:
        from .types import is_narrowing

        return self.type_changed and is_narrowing(self.old.type, self.new.type)

    def describe(self) -> str:
        parts = []
        if self.type_changed:
            parts.append(f"type {self.old.type} -> {self.new.type}")
        if self.nullability_changed:
            parts.append("NOT NULL" if not self.new.nullable else "nullable")
        if self.default_changed:
            parts.append(f"default {self.old.default} -> {self.new.default}")
        if self.autoincrement_changed:
            parts.append("autoincrement " + ("on" if self.new.autoincrement else "off"))
        return f"alter column {self.table}.{self.new.name}: " + ", ".join(parts)

    def reverse(self) -> Operation:
        return AlterColumn(table=self.table, old=self.new, new=self.old)


class AddPrimaryKey(_Op):
    op: Literal["add_primary_key"] = "add_primary_key"
    table: str
    primary_key: PrimaryKey

    def describe(self) -> str:
        return f"add primary key {self.table}({', '.join(self.primary_key.columns)})"

    def reverse(self) -> Operation:
        return DropPrimaryKey(table=self.table, primary_key=self.primary_key)


class DropPrimaryKey(_Op):
    op: Literal["drop_primary_key"] = "drop_primary_key"
    table: str
    primary_key: PrimaryKey

    def describe(self) -> str:
        return f"drop primary key {self.table}({', '.join(self.primary_key.columns)})"

    def reverse(self) -> Operation:
        return AddPrimaryKey(table=self.table, primary_key=self.primary_key)


class AddForeignKey(_Op):
    op: Literal["add_foreign_key"] = "add_foreign_key"
    table: str
    foreign_key: ForeignKey

    def describe(self) -> str:
        fk = self.foreign_key
        return f"add foreign key {self.table}({', '.join(fk.columns)}) -> {fk.ref_table}({', '.join(fk.ref_columns)})"

    def reverse(self) -> Operation:
        return DropForeignKey(table=self.table, foreign_key=self.foreign_key)


class DropForeignKey(_Op):
    op: Literal["drop_foreign_key"] = "drop_foreign_key"
    table: str
    foreign_key: ForeignKey

    def describe(self) -> str:
        fk = self.foreign_key
        return f"drop foreign key {self.table}({', '.join(fk.columns)}) -> {fk.ref_table}"

    def reverse(self) -> Operation:
        return AddForeignKey(table=self.table, foreign_key=self.foreign_key)


class AddUnique(_Op):
    op: Literal["add_unique"] = "add_unique"
    table: str
    unique: UniqueConstraint

    def describe(self) -> str:
        return f"add unique {self.table}({', '.join(self.unique.columns)})"

    def reverse(self) -> Operation:
        return DropUnique(table=self.table, unique=self.unique)


class DropUnique(_Op):
    op: Literal["drop_unique"] = "drop_unique"
    table: str
    unique: UniqueConstraint

    def describe(self) -> str:
        return f"drop unique {self.table}({', '.join(self.unique.columns)})"

    def reverse(self) -> Operation:
        return AddUnique(table=self.table, unique=self.unique)


class AddCheck(_Op):
    op: Literal["add_check"] = "add_check"
    table: str
    check: CheckConstraint

    def describe(self) -> str:
        return f"add check {self.table}: {self.check.expression}"

    def reverse(self) -> Operation:
        return DropCheck(table=self.table, check=self.check)


class DropCheck(_Op):
    op: Literal["drop_check"] = "drop_check"
    table: str
    check: CheckConstraint

    def describe(self) -> str:
        return f"drop check {self.table}: {self.check.expression}"

    def reverse(self) -> Operation:
        return AddCheck(table=self.table, check=self.check)


class AddIndex(_Op):
    op: Literal["add_index"] = "add_index"
    table: str
    index: Index

    def describe(self) -> str:
        what = ", ".join(self.index.columns or self.index.expressions)
        return f"add {'unique ' if self.index.unique else ''}index {self.index.name} on {self.table}({what})"

    def reverse(self) -> Operation:
        return DropIndex(table=self.table, index=self.index)


class DropIndex(_Op):
    op: Literal["drop_index"] = "drop_index"
    table: str
    index: Index

    def describe(self) -> str:
        return f"drop index {self.index.name} on {self.table}"

    def reverse(self) -> Operation:
        return AddIndex(table=self.table, index=self.index)


class CreateView(_Op):
    op: Literal["create_view"] = "create_view"
    view: View

    def describe(self) -> str:
        return f"create view {self.view.name}"

    def reverse(self) -> Operation:
        return DropView(view=self.view)


class DropView(_Op):
    """A view leaves the schema; it keeps its definition so rollback can create it again."""

    op: Literal["drop_view"] = "drop_view"
    view: View

    def describe(self) -> str:
        return f"drop view {self.view.name}"

    def reverse(self) -> Operation:
        return CreateView(view=self.view)


class ReplaceView(_Op):
    """A view's definition changes (compared in canonical form, see :mod:`.views`)."""

    op: Literal["replace_view"] = "replace_view"
    old: View
    new: View

    def describe(self) -> str:
        return f"replace view {self.new.name}"

    def reverse(self) -> Operation:
        return ReplaceView(old=self.new, new=self.old)


class CommentTable(_Op):
    op: Literal["comment_table"] = "comment_table"
    table: str
    old: str | None = None
    new: str | None = None

    def describe(self) -> str:
        return f"comment on table {self.table}: {_quoted(self.old)} -> {_quoted(self.new)}"

    def reverse(self) -> Operation:
        return CommentTable(table=self.table, old=self.new, new=self.old)


class CommentColumn(_Op):
    op: Literal["comment_column"] = "comment_column"
    table: str
    column: str
    old: str | None = None
    new: str | None = None

    def describe(self) -> str:
        return f"comment on column {self.table}.{self.column}: {_quoted(self.old)} -> {_quoted(self.new)}"

    def reverse(self) -> Operation:
        return CommentColumn(table=self.table, column=self.column, old=self.new, new=self.old)


def _quoted(text: str | None) -> str:
    if not text:
        return "none"
    short = text if len(text) <= 40 else text[:37] + "..."
    return repr(short)


Operation = Annotated[
    CreateTable | DropTable | RenameTable | AddColumn | DropColumn | RenameColumn | AlterColumn | AddPrimaryKey | DropPrimaryKey | AddForeignKey | DropForeignKey | AddUnique | DropUnique | AddCheck | DropCheck | AddIndex | DropIndex | CreateView | DropView | ReplaceView | CommentTable | CommentColumn,
    Field(discriminator="op"),
]


class OperationList(BaseModel):
    """Wrapper so a list of operations validates and serializes as one JSON value."""

    operations: list[Operation] = Field(default_factory=list)


def normalize_sql(text: str | None) -> str | None:
    """SQL fragment text compared loosely: case, whitespace and redundant outer parentheses ignored."""
    if text is None:
        return None
    s = " ".join(text.split()).lower()
    while s.startswith("(") and s.endswith(")") and _balanced(s[1:-1]):
        s = s[1:-1].strip()
    return s


def _balanced(s: str) -> bool:
    depth = 0
    for ch in s:
        depth += ch == "("
        depth -= ch == ")"
        if depth < 0:
            return False
    return depth == 0


# -- the oracle: operations replayed on a model -------------------------------------------------------
def apply_operations(schema: Schema, operations: list) -> Schema:
    """A new schema: ``schema`` after ``operations`` (pure; raises ModelError on an impossible step)."""
    out = schema.model_copy(deep=True)
    for op in operations:
        _apply_one(out, op)
    return out


def _table(schema: Schema, name: str) -> Table:
    t = schema.table(name)
    if t is None:
        raise ModelError(f"no table {name!r}", where=name)
    return t


def _same(a: str, b: str) -> bool:
    return a.lower() == b.lower()


def _view_index(s: Schema, name: str) -> int:
    for i, v in enumerate(s.views):
        if _same(v.name, name):
            return i
    raise ModelError(f"no view {name!r}", where=name)


def _apply_one(s: Schema, op) -> None:
    if isinstance(op, CreateView):
        if any(_same(v.name, op.view.name) for v in s.views):
            raise ModelError(f"view {op.view.name} exists already")
        s.views.append(op.view.model_copy(deep=True))
        return
    if isinstance(op, DropView):
        s.views.pop(_view_index(s, op.view.name))
        return
    if isinstance(op, ReplaceView):
        s.views[_view_index(s, op.old.name)] = op.new.model_copy(deep=True)
        return
    if isinstance(op, CreateTable):
        if s.table(op.table.name) is not None:
            raise ModelError(f"table {op.table.name} exists already")
        s.tables.append(op.table.model_copy(deep=True))
        return
    if isinstance(op, DropTable):
        t = _table(s, op.table.name)
        s.tables.remove(t)
        return
    if isinstance(op, RenameTable):
        t = _table(s, op.old_name)
        t.name = op.new_name
        for other in s.tables:
            for fk in other.foreign_keys:
                if _same(fk.ref_table, op.old_name):
                    fk.ref_table = op.new_name
        return
    t = _table(s, op.table)
    if isinstance(op, CommentTable):
        t.comment = op.new
    elif isinstance(op, CommentColumn):
        c = t.column(op.column)
        if c is None:
            raise ModelError(f"no column {t.name}.{op.column}")
        c.comment = op.new
    elif isinstance(op, AddColumn):
        if t.column(op.column.name) is not None:
            raise ModelError(f"column {t.name}.{op.column.name} exists already")
        t.columns.append(op.column.model_copy(deep=True))
    elif isinstance(op, DropColumn):
        c = t.column(op.column.name)
        if c is None:
            raise ModelError(f"no column {t.name}.{op.column.name}")
        t.columns.remove(c)
    elif isinstance(op, RenameColumn):
        c = t.column(op.old_name)
        if c is None:
            raise ModelError(f"no column {t.name}.{op.old_name}")
        c.name = op.new_name
        _rename_in_table(t, op.old_name, op.new_name)
        for other in s.tables:
            for fk in other.foreign_keys:
                if _same(fk.ref_table, t.name):
                    fk.ref_columns = [op.new_name if _same(x, op.old_name) else x for x in fk.ref_columns]
    elif isinstance(op, AlterColumn):
        c = t.column(op.old.name)
        if c is None:
            raise ModelError(f"no column {t.name}.{op.old.name}")
        t.columns[t.columns.index(c)] = op.new.model_copy(deep=True)
    elif isinstance(op, AddPrimaryKey):
        t.primary_key = op.primary_key.model_copy(deep=True)
    elif isinstance(op, DropPrimaryKey):
        t.primary_key = None
    elif isinstance(op, AddForeignKey):
        t.foreign_keys.append(op.foreign_key.model_copy(deep=True))
    elif isinstance(op, DropForeignKey):
        t.foreign_keys = _without(t.foreign_keys, op.foreign_key, fk_key)
    elif isinstance(op, AddUnique):
        t.unique_constraints.append(op.unique.model_copy(deep=True))
    elif isinstance(op, DropUnique):
        t.unique_constraints = _without(t.unique_constraints, op.unique, unique_key)
    elif isinstance(op, AddCheck):
        t.check_constraints.append(op.check.model_copy(deep=True))
    elif isinstance(op, DropCheck):
        t.check_constraints = _without(t.check_constraints, op.check, check_key)
    elif isinstance(op, AddIndex):
        t.indexes.append(op.index.model_copy(deep=True))
    elif isinstance(op, DropIndex):
        t.indexes = _without(t.indexes, op.index, index_key)
    else:  # pragma: no cover - the union is closed
        raise TypeError(op)


def _without(items: list, target, key) -> list:
    wanted = key(target)
    for i, item in enumerate(items):
        if key(item) == wanted:
            return items[:i] + items[i + 1:]
    raise ModelError(f"nothing to drop matching {wanted}")


def _rename_in_table(t: Table, old: str, new: str) -> None:
    def sub(cols: list[str]) -> list[str]:
        return [new if _same(c, old) else c for c in cols]

    if t.primary_key:
        t.primary_key.columns = sub(t.primary_key.columns)
    for fk in t.foreign_keys:
        fk.columns = sub(fk.columns)
    for u in t.unique_constraints:
        u.columns = sub(u.columns)
    for i in t.indexes:
        i.columns = sub(i.columns)


# -- identity of constraints, ignoring their (optional, source-dependent) names ----------------------
def _low(cols: list[str]) -> tuple[str, ...]:
    return tuple(c.lower() for c in cols)


def fk_key(fk: ForeignKey) -> tuple:
    return (_low(fk.columns), fk.ref_table.lower(), _low(fk.ref_columns),
            (fk.on_delete.value if fk.on_delete else "NO ACTION").replace("RESTRICT", "NO ACTION"),
            (fk.on_update.value if fk.on_update else "NO ACTION").replace("RESTRICT", "NO ACTION"))


def unique_key(u: UniqueConstraint) -> tuple:
    return tuple(sorted(_low(u.columns)))


def check_key(c: CheckConstraint) -> str:
    return normalize_sql(c.expression) or ""


def index_key(i: Index) -> tuple:
    return (_low(i.columns), tuple(normalize_sql(e) for e in i.expressions), i.unique, normalize_sql(i.where))


def pk_key(pk: PrimaryKey | None) -> tuple:
    return _low(pk.columns) if pk else ()
