"""First normal form on the schema model: find non-atomic columns and move them out.

Three shapes, each repaired differently:

* **Repeating group** - ``phone1, phone2, phone3`` (or ``phone_1``, and companions such as
  ``phone1_type``): the same attribute numbered 1..n. Repair: a child table ``<table>_phones``
  with the parent key (a foreign key), a ``position`` (so phone1/phone2 keep their order) and one
  column per member of the group; its primary key is (parent key, position).
* **List-valued** - one column holding several values (``tags`` = "red,blue"). Repair: a child
  table ``<table>_tags`` of (parent key, tag), both the primary key.
* **Composite** - one column holding parts (``address`` = street + city + zip), declared by the
  caller. A single-valued composite has one value per row, so splitting it into columns
  ``address_street, address_city, address_zip`` reaches 1NF without a join (Elmasri & Navathe's
  mapping of composite attributes); ``composite_style="table"`` makes a 1:1 child table instead,
  for when the parts are optional as a whole or shared by several tables.

Detection is conservative, because a false split damages a good design:

* numbered columns form a group only when the numbers run 1..n (or 0..n) with n >= 2, the stem has
  at least three letters (so ``x1, y1, x2, y2`` coordinates stay), the members share one type, and
  none is part of a key or foreign key;
* numbered *address lines* are not a repeating group: ``address_line1, address_line2`` (or any stem
  ending in ``line``, ``street`` or ``address``) are positional parts of one postal address, each
  with its own meaning (line 1 is not interchangeable with line 2), which is the classic design;
* a column is list-valued by name only when its name is a plural from a short lexicon of things
  that are lists in practice (``tags``, ``categories``, ``keywords``, ...) and its type is text or
  JSON; anything else must be declared by the caller (``list_valued=[...]``);
* composite columns are never guessed: the caller declares them with their parts.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from ..errors import InputError
from ..model import Column, DataType, ForeignKey, PrimaryKey, Table, TypeKind

LIST_LEXICON = {
    "tags": "tag", "categories": "category", "keywords": "keyword", "labels": "label", "skills": "skill",
    "hobbies": "hobby", "interests": "interest", "genres": "genre", "topics": "topic", "aliases": "alias",
    "emails": "email", "email_addresses": "email_address", "phone_numbers": "phone_number",
    "phones": "phone", "synonyms": "synonym", "languages": "language", "colors": "color",
    "colours": "colour", "sizes": "size", "authors": "author", "roles": "role", "permissions": "permission",
}
_TEXTLIKE = {TypeKind.TEXT, TypeKind.VARCHAR, TypeKind.CHAR, TypeKind.JSON}
_IRREGULAR = {"child": "children", "person": "people", "man": "men", "woman": "women", "mouse": "mice"}
_ADDRESS_LINE_ENDINGS = ("line", "street", "address", "addr")
_NUMBERED = re.compile(r"^(?P<prefix>.*?[A-Za-z])[_ ]?(?P<n>\d+)(?P<suffix>(?:[_ ].*)?)$")


def plural(word: str) -> str:
    """English plural, good enough for column stems (phone -> phones, category -> categories)."""
    low = word.lower()
    if low in _IRREGULAR:
        return word[: len(word) - len(low)] + _IRREGULAR[low]
    if re.search(r"[^aeiou]y$", low):
        return word[:-1] + "ies"
    if re.search(r"(s|x|z|ch|sh)$", low):
        return word + "es"
    return word + "s"


def singular(word: str) -> str:
    low = word.lower()
    if low in LIST_LEXICON:
        return LIST_LEXICON[low]
    if low.endswith("ies") and len(low) > 4:
        return word[:-3] + "y"
    if re.search(r"(ses|xes|zes|ches|shes)$", low):
        return word[:-2]
    if low.endswith("s") and not low.endswith("ss"):
        return word[:-1]
    return word + "_value"


@dataclass
class NonAtomic:
    kind: str  # "repeating group" | "list-valued" | "composite"
    columns: tuple[str, ...]
    reason: str
    stem: str = ""
    fields: dict[str, tuple[str, ...]] = field(default_factory=dict)  # repeating group: field -> members by position
    parts: tuple[str, ...] = ()  # composite: the part names

    def to_dict(self) -> dict:
        return {"kind": self.kind, "columns": list(self.columns), "reason": self.reason}


def _key_columns(table: Table) -> set[str]:
    cols = {c.lower() for c in table.primary_key_columns}
    for fk in table.foreign_keys:
        cols |= {c.lower() for c in fk.columns}
    return cols


def detect_1nf(table: Table, *, list_valued: Iterable[str] = (),
               composite: Mapping[str, Sequence[str]] | None = None) -> list[NonAtomic]:
    """The non-atomic columns of ``table``: declared ones plus the conservative guesses above."""
    findings: list[NonAtomic] = []
    claimed: set[str] = set()
    for name, parts in (composite or {}).items():
        col = _column(table, name, "composite")
        parts = tuple(p.strip() for p in parts if p.strip())
        if len(parts) < 2:
            raise InputError(f"composite column {table.name}.{col.name} needs at least two parts", hint="e.g. address=street,city,zip")
        findings.append(NonAtomic("composite", (col.name,), f"{col.name} combines {', '.join(parts)} in one value (declared composite)", parts=parts))
        claimed.add(col.name.lower())
    for name in list_valued:
        col = _column(table, name, "list-valued")
        if col.name.lower() not in claimed:
            findings.append(NonAtomic("list-valued", (col.name,), f"{col.name} holds several values in one column (declared list-valued)"))
            claimed.add(col.name.lower())
    keys = _key_columns(table)
    for group in _repeating_groups(table, keys | claimed):
        findings.append(group)
        claimed |= {c.lower() for c in group.columns}
    for col in table.columns:
        low = col.name.lower().replace(" ", "_")
        if low in LIST_LEXICON and col.type.kind in _TEXTLIKE and col.name.lower() not in claimed | keys:
            findings.append(NonAtomic(
                "list-valued", (col.name,),
                f"{col.name} is a plural text column, which in practice holds a delimited list of {low}",
            ))
    return findings


def _column(table: Table, name: str, what: str) -> Column:
    col = table.column(name)
    if col is None:
        import difflib

        close = difflib.get_close_matches(name, table.column_names, n=1)
        raise InputError(
            f"{table.name} has no column {name!r} (declared {what})",
            where=f"{table.name}.{name}",
            hint=f"did you mean {close[0]!r}?" if close else f"columns: {', '.join(table.column_names)}",
        )
    return col


def _repeating_groups(table: Table, excluded: set[str]) -> list[NonAtomic]:
    by_stem: dict[tuple[str, str], dict[int, Column]] = {}
    for col in table.columns:
        m = _NUMBERED.match(col.name)
        if not m or col.name.lower() in excluded:
            continue
        prefix, suffix = m.group("prefix"), m.group("suffix")
        by_stem.setdefault((prefix, suffix), {})[int(m.group("n"))] = col
    groups: dict[tuple[str, tuple[int, ...]], dict[str, dict[int, Column]]] = {}
    for (prefix, suffix), members in by_stem.items():
        numbers = sorted(members)
        letters = re.sub(r"[^A-Za-z]", "", prefix)
        if len(numbers) < 2 or numbers not in (list(range(1, len(numbers) + 1)), list(range(len(numbers)))):
            continue
        if len(letters) < 3 or prefix.lower().rstrip("_ ").endswith(_ADDRESS_LINE_ENDINGS):
            continue
        if len({members[n].type.kind for n in numbers}) != 1:
            continue
        groups.setdefault((prefix, tuple(numbers)), {})[prefix.rstrip("_ ") + suffix] = members
    out = []
    for (prefix, numbers), fields in groups.items():
        stem = prefix.rstrip("_ ")
        cols = tuple(c.name for members in fields.values() for c in members.values())
        listing = ", ".join(cols)
        out.append(NonAtomic(
            "repeating group", cols,
            f"{listing} repeat {'the same attribute' if len(fields) == 1 else 'the same group of attributes'} "
            f"numbered {numbers[0]}..{numbers[-1]}: a fixed number of slots for what is really a list of {plural(stem)}",
            stem=stem,
            fields={f: tuple(m[n].name for n in numbers) for f, m in fields.items()},
        ))
    return out


@dataclass
class FirstNFRepair:
    table: Table  # the parent table, now with atomic columns only
    children: list[Table]
    findings: list[NonAtomic]
    steps: list[str]
    moved: dict[str, str]  # column that left the table -> where it went

    @property
    def tables(self) -> list[Table]:
        return [self.table, *self.children]


def repair_1nf(table: Table, *, list_valued: Iterable[str] = (), composite: Mapping[str, Sequence[str]] | None = None,
               composite_style: str = "columns", taken: Iterable[str] = ()) -> FirstNFRepair:
    """Bring ``table`` to 1NF: child tables for repeating groups and lists, split or child composites."""
    if composite_style not in ("columns", "table"):
        raise InputError(f"unknown composite style {composite_style!r}", hint="use columns or table")
    findings = detect_1nf(table, list_valued=list_valued, composite=composite)
    parent = table.model_copy(deep=True)
    children: list[Table] = []
    steps: list[str] = []
    moved: dict[str, str] = {}
    names_taken = {t.lower() for t in taken} | {table.name.lower()}
    needs_parent_key = any(f.kind != "composite" or composite_style == "table" for f in findings)
    if needs_parent_key and not table.primary_key:
        raise InputError(
            f"table {table.name} has no primary key, which the child tables of its 1NF repair must reference",
            where=table.name,
            hint="declare a primary key first (or a surrogate id column)",
        )
    pk_cols = [table.column(c) for c in table.primary_key_columns]

    def child_name(suffix: str) -> str:
        base = f"{table.name}_{suffix}"
        name, n = base, 2
        while name.lower() in names_taken:
            name, n = f"{base}_{n}", n + 1
        names_taken.add(name.lower())
        return name

    def parent_key_columns() -> list[Column]:
        return [c.model_copy(update={"nullable": False, "autoincrement": False, "default": None}) for c in pk_cols]

    def fk() -> ForeignKey:
        return ForeignKey(columns=[c.name for c in pk_cols], ref_table=table.name, ref_columns=[c.name for c in pk_cols])

    def drop(columns: Iterable[str], where: str) -> None:
        gone = {c.lower() for c in columns}
        parent.columns = [c for c in parent.columns if c.name.lower() not in gone]
        parent.unique_constraints = [u for u in parent.unique_constraints if not gone & {c.lower() for c in u.columns}]
        parent.indexes = [i for i in parent.indexes if not gone & {c.lower() for c in i.columns}]
        for c in columns:
            moved[c] = where

    for f in findings:
        if f.kind == "repeating group":
            name = child_name(plural(f.stem))
            value_cols = []
            for field_name, members in f.fields.items():
                first = table.column(members[0])
                value_cols.append(first.model_copy(update={"name": field_name}))
            pos = _unused("position", [c.name for c in pk_cols] + [c.name for c in value_cols])
            child = Table(
                name=name,
                columns=parent_key_columns() + [Column(name=pos, type=DataType.smallint(), nullable=False)] + value_cols,
                primary_key=PrimaryKey(columns=[c.name for c in pk_cols] + [pos]),
                foreign_keys=[fk()],
                comment=f"1NF: the repeating group {', '.join(f.columns)} of {table.name}",
            )
            children.append(child)
            drop(f.columns, name)
            steps.append(
                f"1NF: {f.reason}. Moved to child table {name}({', '.join(child.column_names)}) with a foreign key to "
                f"{table.name} and {pos} keeping the old slot number; a row with no {f.stem} simply has no child row"
            )
        elif f.kind == "list-valued":
            col = table.column(f.columns[0])
            name = child_name(col.name)
            value = _unused(singular(col.name), [c.name for c in pk_cols])
            vtype = col.type if col.type.kind != TypeKind.JSON else DataType.text()
            child = Table(
                name=name,
                columns=parent_key_columns() + [Column(name=value, type=vtype, nullable=False)],
                primary_key=PrimaryKey(columns=[c.name for c in pk_cols] + [value]),
                foreign_keys=[fk()],
                comment=f"1NF: the list-valued column {table.name}.{col.name}",
            )
            children.append(child)
            drop([col.name], name)
            steps.append(
                f"1NF: {f.reason}. Moved to child table {name}({', '.join(child.column_names)}), one row per value, "
                f"so each value can be searched, counted and constrained"
            )
        else:  # composite
            col = table.column(f.columns[0])
            part_type = col.type if col.type.kind in _TEXTLIKE and col.type.kind != TypeKind.JSON else DataType.text()
            if composite_style == "columns":
                sep = " " if " " in col.name else "_"
                new_cols = [Column(name=f"{col.name}{sep}{p}", type=part_type, nullable=col.nullable) for p in f.parts]
                at = [c.name.lower() for c in parent.columns].index(col.name.lower())
                parent.columns[at : at + 1] = new_cols
                moved[col.name] = table.name
                steps.append(
                    f"1NF: {f.reason}. Split into columns {', '.join(c.name for c in new_cols)}: one {col.name} per row, "
                    f"so plain columns keep it atomic without a join"
                )
            else:
                name = child_name(col.name)
                child = Table(
                    name=name,
                    columns=parent_key_columns() + [Column(name=p, type=part_type, nullable=True) for p in f.parts],
                    primary_key=PrimaryKey(columns=[c.name for c in pk_cols]),
                    foreign_keys=[fk()],
                    comment=f"1NF: the composite column {table.name}.{col.name}",
                )
                children.append(child)
                drop([col.name], name)
                steps.append(
                    f"1NF: {f.reason}. Moved its parts to a 1:1 child table {name}({', '.join(child.column_names)}) "
                    f"keyed by the parent key"
                )
    return FirstNFRepair(parent, children, findings, steps, moved)


def _unused(name: str, taken: list[str]) -> str:
    low = {t.lower() for t in taken}
    candidate, n = name, 2
    while candidate.lower() in low:
        candidate, n = f"{name}_{n}", n + 1
    return candidate
