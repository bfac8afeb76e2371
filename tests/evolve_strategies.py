"""Hypothesis strategies for schema evolution tests: valid schemas and random edits of them."""

from __future__ import annotations

from hypothesis import strategies as st

from schema_architect.model import (
    CheckConstraint,
    Column,
    DataType,
    ForeignKey,
    Index,
    PrimaryKey,
    Schema,
    Table,
    UniqueConstraint,
)

TYPES = [DataType.integer(), DataType.bigint(), DataType.varchar(40), DataType.varchar(200), DataType.text(),
         DataType.decimal(10, 2), DataType.boolean(), DataType.date(), DataType.timestamp()]
WORDS = ["id", "name", "title", "price", "total", "email", "phone", "city", "code", "note", "created", "amount",
         "status", "kind", "label", "count"]
TABLE_WORDS = ["customer", "invoice", "track", "album", "artist", "genre", "employee", "playlist", "order", "item"]


@st.composite
def columns(draw, n_min=1, n_max=5):
    names = draw(st.lists(st.sampled_from(WORDS), min_size=n_min, max_size=n_max, unique=True))
    out = []
    for n in names:
        t = draw(st.sampled_from(TYPES))
        default = draw(st.sampled_from([None, None, "0"])) if t.is_integer else None
        out.append(Column(name=n, type=t, nullable=draw(st.booleans()), default=default))
    return out


@st.composite
def schemas(draw, max_tables=4):
    names = draw(st.lists(st.sampled_from(TABLE_WORDS), min_size=0, max_size=max_tables, unique=True))
    tables: list[Table] = []
    for name in names:
        cols = [Column(name=f"{name}_id", type=DataType.integer(), nullable=False)] + draw(columns())
        t = Table(name=name, columns=cols, primary_key=PrimaryKey(columns=[f"{name}_id"]))
        others = [c for c in cols[1:]]
        if others and draw(st.booleans()):
            t.unique_constraints.append(UniqueConstraint(columns=[draw(st.sampled_from(others)).name]))
        if others and draw(st.booleans()):
            c = draw(st.sampled_from(others))
            t.indexes.append(Index(name=f"ix_{name}_{c.name}", columns=[c.name]))
        if draw(st.booleans()):
            t.check_constraints.append(CheckConstraint(expression=f"{name}_id > 0"))
        tables.append(t)
    for t in tables:
        if tables and draw(st.booleans()):
            target = draw(st.sampled_from(tables))
            col = f"{target.name}_ref"
            if t.column(col) is None:
                t.columns.append(Column(name=col, type=DataType.integer()))
                t.foreign_keys.append(ForeignKey(columns=[col], ref_table=target.name,
                                                 ref_columns=[f"{target.name}_id"]))
    return Schema(tables=tables)


@st.composite
def edited(draw, schema: Schema):
    """``schema`` after a few random edits a person might make (always still valid)."""
    s = schema.model_copy(deep=True)
    for _ in range(draw(st.integers(0, 5))):
        action = draw(st.sampled_from(["add_col", "drop_col", "rename_col", "retype", "null", "default",
                                       "add_table", "drop_table", "rename_table", "drop_idx", "add_idx",
                                       "add_fk", "drop_check"]))
        if not s.tables and action != "add_table":
            continue
        t = draw(st.sampled_from(s.tables)) if s.tables else None
        plain = [c for c in t.columns if _free(s, t, c.name)] if t else []
        if action == "add_col":
            c = Column(name=draw(st.sampled_from(WORDS)) + "_x", type=draw(st.sampled_from(TYPES)),
                       nullable=draw(st.booleans()))
            if t.column(c.name) is None:
                t.columns.append(c)
        elif action == "drop_col" and plain:
            t.columns.remove(draw(st.sampled_from(plain)))
        elif action == "rename_col" and plain:
            c = draw(st.sampled_from(plain))
            new = c.name + draw(st.sampled_from(["_new", "_number", "2"]))
            if t.column(new) is None:
                c.name = new
        elif action == "retype" and plain:
            c = draw(st.sampled_from(plain))
            c.type = draw(st.sampled_from(TYPES))
            c.default = None
        elif action == "null" and plain:
            c = draw(st.sampled_from(plain))
            c.nullable = not c.nullable
        elif action == "default" and plain:
            c = draw(st.sampled_from(plain))
            c.default = None if c.default else ("1" if c.type.is_integer else None)
        elif action == "add_table":
            name = draw(st.sampled_from(TABLE_WORDS)) + "_new"
            if s.table(name) is None:
                cols = [Column(name="id", type=DataType.integer(), nullable=False)]
                cols += [c for c in draw(columns()) if c.name != "id"]
                s.tables.append(Table(name=name, columns=cols, primary_key=PrimaryKey(columns=["id"])))
        elif action == "drop_table":
            if not s.references_to(t.name) or all(o is t for o, _ in s.references_to(t.name)):
                s.tables.remove(t)
        elif action == "rename_table":
            new = t.name + "s"
            if s.table(new) is None:
                for o, fk in s.references_to(t.name):
                    fk.ref_table = new
                t.name = new
        elif action == "drop_idx" and t.indexes:
            t.indexes.pop()
        elif action == "add_idx" and plain:
            c = draw(st.sampled_from(plain))
            if not any(i.columns == [c.name] for i in t.indexes):
                t.indexes.append(Index(name=f"ix_{t.name}_{c.name}_2", columns=[c.name]))
        elif action == "add_fk":
            target = draw(st.sampled_from(s.tables))
            col = f"{target.name}_link"
            if t.column(col) is None and target.primary_key:
                pk = target.column(target.primary_key.columns[0])
                t.columns.append(Column(name=col, type=pk.type))
                t.foreign_keys.append(ForeignKey(columns=[col], ref_table=target.name,
                                                 ref_columns=[pk.name]))
        elif action == "drop_check" and t.check_constraints:
            t.check_constraints.pop()
    return s


def _free(schema: Schema, table: Table, col: str) -> bool:
    """A column no key, constraint or index uses (safe to drop, rename or retype in a generated edit)."""
    low = col.lower()
    used = set(map(str.lower, table.primary_key_columns))
    for fk in table.foreign_keys:
        used |= set(map(str.lower, fk.columns))
    for u in table.unique_constraints:
        used |= set(map(str.lower, u.columns))
    for i in table.indexes:
        used |= set(map(str.lower, i.columns))
    for o, fk in schema.references_to(table.name):
        used |= set(map(str.lower, fk.ref_columns))
    return low not in used
