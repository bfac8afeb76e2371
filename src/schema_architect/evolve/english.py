"""Evolution from English: change an existing schema by a request such as
"add a phone number to customers and let products have several categories".

Change requests are imperative ("add X to Y", "drop X from Y", "rename X in Y to Z", "make X of Y
required", "let Y have several Z"), which the offline design engine — built for descriptions — does
not read. This module reads those forms clause by clause and hands any descriptive clause ("each
supplier has a name and an email") to the design engine, merging what it designs into the current
schema. The result is a new target schema plus one note per change, each quoting its clause; diff,
plan, impact and apply then run on it like on any other target.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..design.datatypes import infer_type
from ..design.words import singular
from ..errors import InputError
from ..model import Column, DataType, ForeignKey, PrimaryKey, Schema, Table, UniqueConstraint
from ..model.naming import words
from .operations import RenameColumn, RenameTable, apply_operations

# Nouns that classify many things at once: "several categories" is then many-to-many.
_CLASSIFIERS = {"category", "tag", "label", "genre", "group", "role", "skill", "topic", "keyword", "type",
                "feature", "color", "colour", "size", "language", "interest", "course", "project", "author"}
_ART = r"(?:(?:a|an|the|some|its|their|new)\s+)?"
_MANY = r"(?:several|many|multiple|more than one|any number of)"
_NAME = r"([A-Za-z][\w\- ]*?)"

_PATTERNS: list[tuple[str, re.Pattern]] = [
    ("many", re.compile(rf"^(?:let|allow)\s+{_ART}{_NAME}\s+(?:to\s+)?(?:have|hold|own|belong to)\s+{_MANY}\s+{_NAME}$", re.IGNORECASE)),
    ("many", re.compile(rf"^{_ART}{_NAME}\s+(?:can|may|should|must|will)\s+(?:now\s+|also\s+)?(?:have|belong to)\s+{_MANY}\s+{_NAME}$", re.IGNORECASE)),
    ("add", re.compile(rf"^(?:add|store|record|keep|track)\s+{_ART}{_NAME}\s+(?:column\s+|field\s+|attribute\s+)?(?:to|for|on|in)\s+{_ART}{_NAME}$", re.IGNORECASE)),
    ("give", re.compile(rf"^(?:give)\s+{_ART}{_NAME}\s+{_ART}{_NAME}$", re.IGNORECASE)),
    ("has", re.compile(rf"^{_ART}{_NAME}\s+(?:should\s+|must\s+|will\s+|also\s+|now\s+)*(?:has|have|get|gets|need|needs)\s+(?:also\s+)?(?:a|an)\s+{_NAME}$", re.IGNORECASE)),
    ("drop", re.compile(rf"^(?:drop|remove|delete)\s+{_ART}{_NAME}\s+(?:column\s+|field\s+)?from\s+{_ART}{_NAME}$", re.IGNORECASE)),
    ("drop_table", re.compile(rf"^(?:drop|remove|delete)\s+(?:the\s+)?(?:table\s+){_NAME}(?:\s+table)?$", re.IGNORECASE)),
    ("rename_col", re.compile(rf"^rename\s+{_ART}{_NAME}\s+(?:column\s+)?(?:in|of|on)\s+{_ART}{_NAME}\s+to\s+{_NAME}$", re.IGNORECASE)),
    ("rename_table", re.compile(rf"^rename\s+(?:the\s+)?(?:table\s+)?{_NAME}\s+to\s+{_NAME}$", re.IGNORECASE)),
    ("require", re.compile(rf"^make\s+{_ART}{_NAME}\s+(?:of|in|on)\s+{_ART}{_NAME}\s+(required|mandatory|not null|unique)$", re.IGNORECASE)),
]


@dataclass
class Evolution:
    schema: Schema
    changes: list[str] = field(default_factory=list)  # "add column customers.phone_number  <- 'add a phone ...'"
    not_understood: list[str] = field(default_factory=list)


def evolve_schema(current: Schema, request: str) -> Evolution:
    """The schema ``current`` changed as ``request`` asks; raises InputError when nothing is understood."""
    if not request or not request.strip():
        raise InputError("the change request is empty", hint='e.g. "add a phone number to customers"')
    target = current.model_copy(deep=True)
    style = _Style.of(current)
    result = Evolution(schema=target)
    for clause in _clauses(request):
        if not _apply_clause(target, clause, style, result):
            result.not_understood.append(clause)
    if not result.changes:
        raise InputError("no change could be read from the request: " + "; ".join(repr(c) for c in result.not_understood),
                         hint='say it as "add X to TABLE", "let TABLE have several X", "drop X from TABLE", '
                              '"rename X in TABLE to Y", "make X of TABLE required", or describe new entities')
    return result


def _clauses(text: str) -> list[str]:
    parts = re.split(r"[.;\n]+|,?\s+\band\s+(?=(?:add|let|allow|drop|remove|delete|rename|make|give|store|record)\b)"
                     r"|,\s*(?=(?:add|let|allow|drop|remove|delete|rename|make|give)\b)", text, flags=re.IGNORECASE)
    return [p.strip(" ,") for p in parts if p and p.strip(" ,")]


# -- naming ----------------------------------------------------------------------------------------
@dataclass
class _Style:
    """How the existing schema spells names, so additions look like they belong."""

    snake: bool
    plural_tables: bool

    @classmethod
    def of(cls, schema: Schema) -> _Style:
        names = [c.name for t in schema.tables for c in t.columns] + schema.table_names
        snake = not names or sum(n == n.lower() and " " not in n for n in names) >= len(names) / 2
        plural = sum(words(t.name)[-1:] != [singular(words(t.name)[-1])] for t in schema.tables if words(t.name))
        return cls(snake=snake, plural_tables=bool(schema.tables) and plural >= len(schema.tables) / 2)

    def column(self, phrase: str) -> str:
        w = words(phrase)
        return "_".join(w) if self.snake else " ".join(x.capitalize() for x in w)

    def table(self, phrase: str) -> str:
        w = words(phrase)
        w[-1] = singular(w[-1])
        if self.plural_tables:
            import inflect

            w[-1] = inflect.engine().plural_noun(w[-1]) or w[-1]
        return "_".join(w) if self.snake else "".join(x.capitalize() for x in w)


def _key(name: str) -> tuple[str, ...]:
    w = words(name)
    return tuple(w[:-1] + [singular(w[-1])]) if w else ()


def find_table(schema: Schema, phrase: str) -> Table | None:
    wanted = _key(phrase)
    return next((t for t in schema.tables if _key(t.name) == wanted), None)


def _find_column(table: Table, phrase: str):
    wanted = tuple(words(phrase))
    return next((c for c in table.columns if tuple(words(c.name)) == wanted), None)


def _need_table(schema: Schema, phrase: str) -> Table:
    t = find_table(schema, phrase)
    if t is None:
        raise InputError(f"there is no table {phrase!r}", hint="tables: " + ", ".join(schema.table_names))
    return t


# -- clauses ---------------------------------------------------------------------------------------
def _apply_clause(schema: Schema, clause: str, style: _Style, out: Evolution) -> bool:
    for kind, pattern in _PATTERNS:
        m = pattern.match(clause)
        if not m:
            continue
        g = [x.strip() for x in m.groups()]
        quote = f"  <- {clause!r}"
        if kind == "many":
            out.changes.append(_add_many(schema, _need_table(schema, g[0]), g[1], style) + quote)
        elif kind in ("add", "give", "has"):
            attr, table = (g[0], g[1]) if kind == "add" else (g[1], g[0])
            t = find_table(schema, table)
            if t is None:
                continue  # "a supplier has a name": not a change to an existing table; the design engine reads it
            out.changes.append(_add_column(t, attr, style) + quote)
        elif kind == "drop":
            t = _need_table(schema, g[1])
            c = _find_column(t, g[0])
            if c is None:
                raise InputError(f"table {t.name} has no column {g[0]!r}", hint="columns: " + ", ".join(t.column_names))
            _drop_column(t, c.name)
            out.changes.append(f"drop column {t.name}.{c.name}" + quote)
        elif kind == "drop_table":
            t = _need_table(schema, g[0])
            refs = [r.name for r, _ in schema.references_to(t.name) if r is not t]
            if refs:
                raise InputError(f"table {t.name} is referenced by {', '.join(refs)}", hint="drop or change those links first")
            schema.tables.remove(t)
            out.changes.append(f"drop table {t.name}" + quote)
        elif kind == "rename_col":
            t = _need_table(schema, g[1])
            c = _find_column(t, g[0])
            if c is None:
                raise InputError(f"table {t.name} has no column {g[0]!r}", hint="columns: " + ", ".join(t.column_names))
            old, new = c.name, style.column(g[2])
            _apply(schema, RenameColumn(table=t.name, old_name=old, new_name=new))
            out.changes.append(f"rename column {t.name}.{old} to {new}" + quote)
        elif kind == "rename_table":
            t = _need_table(schema, g[0])
            new = style.table(g[1])
            out.changes.append(f"rename table {t.name} to {new}" + quote)
            _apply(schema, RenameTable(old_name=t.name, new_name=new))
        elif kind == "require":
            t = _need_table(schema, g[1])
            c = _find_column(t, g[0])
            if c is None:
                raise InputError(f"table {t.name} has no column {g[0]!r}", hint="columns: " + ", ".join(t.column_names))
            if g[2].lower() == "unique":
                t.unique_constraints.append(UniqueConstraint(columns=[c.name]))
                out.changes.append(f"make {t.name}.{c.name} unique" + quote)
            else:
                c.nullable = False
                out.changes.append(f"make {t.name}.{c.name} NOT NULL" + quote)
        return True
    return _merge_description(schema, clause, style, out)


def _add_column(t: Table, phrase: str, style: _Style) -> str:
    name = style.column(phrase)
    if _find_column(t, phrase) is not None:
        raise InputError(f"table {t.name} already has a column {name!r}")
    dtype, why = infer_type(" ".join(words(phrase)))
    t.columns.append(Column(name=name, type=dtype, nullable=True))
    return f"add column {t.name}.{name} {dtype} (nullable: existing rows have no value; {why})"


def _drop_column(t: Table, name: str) -> None:
    t.columns = [c for c in t.columns if c.name != name]
    t.foreign_keys = [fk for fk in t.foreign_keys if name not in fk.columns]
    t.unique_constraints = [u for u in t.unique_constraints if name not in u.columns]
    t.indexes = [i for i in t.indexes if name not in i.columns]
    if t.primary_key and name in t.primary_key.columns:
        raise InputError(f"{t.name}.{name} is part of the primary key and cannot be dropped this way")


def _apply(schema: Schema, op) -> None:
    """Apply one evolve operation to ``schema`` in place (the same model edit the planner's oracle uses)."""
    schema.tables = apply_operations(schema, [op]).tables


def _key_columns(t: Table) -> list[Column]:
    if not t.primary_key:
        raise InputError(f"table {t.name} has no primary key to link to", hint="add a primary key first")
    return [t.column(c) for c in t.primary_key.columns]


def _link_columns(owner: Table, style: _Style, taken: set[str]) -> list[tuple[Column, str]]:
    """Columns that reference ``owner``'s key, named after it: products.id -> product_id."""
    out = []
    for k in _key_columns(owner):
        base = words(k.name)
        if base in (["id"], ["code"], ["number"]):
            base = [singular(w) for w in words(owner.name)] + base
        name = style.column(" ".join(base))
        while name.lower() in taken:
            name = name + "_2" if style.snake else name + " 2"
        taken.add(name.lower())
        dtype = k.type if not k.autoincrement else (DataType.bigint() if k.type.kind.value == "bigint" else k.type)
        out.append((Column(name=name, type=dtype, nullable=False), k.name))
    return out


def _add_many(schema: Schema, owner: Table, phrase: str, style: _Style) -> str:
    thing = find_table(schema, phrase)
    notes = []
    created = thing is None
    if created:
        thing = Table(name=style.table(phrase), columns=[
            Column(name=style.column("id"), type=DataType.integer(), nullable=False, autoincrement=True),
            Column(name=style.column("name"), type=DataType.varchar(255), nullable=False)],
            primary_key=PrimaryKey(columns=[style.column("id")]))
        thing.unique_constraints.append(UniqueConstraint(columns=[style.column("name")]))
        schema.tables.append(thing)
        notes.append(f"new table {thing.name}(id, name)")
    head = singular(words(phrase)[-1])
    shared = head in _CLASSIFIERS or any(fk.ref_table == thing.name for t in schema.tables for fk in t.foreign_keys
                                         if t is not owner)
    if shared:
        junction_name = style.table(f"{singular(words(owner.name)[-1])} {head}")
        if find_table(schema, junction_name):
            raise InputError(f"{owner.name} and {thing.name} are already linked through {junction_name}")
        taken: set[str] = set()
        left = _link_columns(owner, style, taken)
        right = _link_columns(thing, style, taken)
        junction = Table(
            name=junction_name, columns=[c for c, _ in left + right],
            primary_key=PrimaryKey(columns=[c.name for c, _ in left + right]),
            foreign_keys=[ForeignKey(columns=[c.name for c, _ in left], ref_table=owner.name, ref_columns=[r for _, r in left]),
                          ForeignKey(columns=[c.name for c, _ in right], ref_table=thing.name,
                                     ref_columns=[r for _, r in right])])
        schema.tables.append(junction)
        notes.append(f"many-to-many: junction table {junction.name} keyed by both links "
                     f"(assumed: a {head} is shared by many {owner.name})")
    else:
        taken = {c.name.lower() for c in thing.columns}
        link = _link_columns(owner, style, taken)
        thing.columns.extend(c for c, _ in link)
        thing.foreign_keys.append(ForeignKey(columns=[c.name for c, _ in link], ref_table=owner.name,
                                             ref_columns=[r for _, r in link]))
        for c, _ in link:
            c.nullable = not created  # rows already in an existing table have no owner yet
        notes.append(f"one-to-many: {thing.name}.{', '.join(c.name for c, _ in link)} references {owner.name} "
                     f"(assumed: each {head} belongs to one {singular(words(owner.name)[-1])})")
    return "; ".join(notes)


def _merge_description(schema: Schema, clause: str, style: _Style, out: Evolution) -> bool:
    """A descriptive clause goes through the offline design engine; what it designs is merged in."""
    from ..design import design

    try:
        designed = design(clause).schema
    except InputError:
        return False
    changed = False
    for t in designed.tables:
        existing = find_table(schema, t.name)
        if existing is None:
            continue
        for c in t.columns:
            if _find_column(existing, c.name) is None and not (t.primary_key and c.name in t.primary_key.columns) \
                    and not any(c.name in fk.columns for fk in t.foreign_keys):
                existing.columns.append(Column(name=style.column(c.name), type=c.type, nullable=True))
                out.changes.append(f"add column {existing.name}.{style.column(c.name)} {c.type}  <- {clause!r}")
                changed = True
    for t in designed.tables:
        if find_table(schema, t.name) is not None:
            continue
        new = Table(name=style.table(t.name), columns=[
            Column(name=style.column(c.name), type=c.type, nullable=c.nullable, autoincrement=c.autoincrement)
            for c in t.columns if not any(c.name in fk.columns for fk in t.foreign_keys)],
            primary_key=PrimaryKey(columns=[style.column(c) for c in t.primary_key.columns]) if t.primary_key else None)
        schema.tables.append(new)
        for fk in t.foreign_keys:
            target = find_table(schema, fk.ref_table)
            if target is None or target is new:
                continue
            link = _link_columns(target, style, {c.name.lower() for c in new.columns})
            for c, _ in link:
                c.nullable = True
            new.columns.extend(c for c, _ in link)
            new.foreign_keys.append(ForeignKey(columns=[c.name for c, _ in link], ref_table=target.name,
                                               ref_columns=[r for _, r in link]))
        out.changes.append(f"new table {new.name}({', '.join(new.column_names)})  <- {clause!r}")
        changed = True
    return changed
