"""DBML (dbdiagram.io's language) from the schema model.

Tables with column settings ([pk], [not null], [unique], [increment], [default], [note]), an indexes
block, enums as ``Enum`` blocks, and one ``Ref`` line per foreign key (``>`` many-to-one, ``-`` one-to-one)
with its ON DELETE/UPDATE actions. The tests parse the output with the real DBML parser.
"""

from __future__ import annotations

import re

from ..model import Column, DataType, Schema, Table, TypeKind
from .relationships import is_not_null, key_markers, relationships

_NUMBER = re.compile(r"[-+]?\d+(\.\d+)?\Z")


def name(text: str) -> str:
    """A DBML quoted identifier."""
    return '"' + _escape(text, '"') + '"'


def string(text: str) -> str:
    """A DBML single-quoted string."""
    return "'" + _escape(text, "'") + "'"


_CONTROL_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(text: str, quote: str) -> str:
    """Backslash escapes as the DBML parser reads them; other control characters as \\uXXXX."""
    out = []
    for ch in text:
        if ch == "\\" or ch == quote:
            out.append("\\" + ch)
        elif ch in _CONTROL_ESCAPES:
            out.append(_CONTROL_ESCAPES[ch])
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return "".join(out)


def _default(sql: str) -> str:
    """A column default (SQL text) as DBML writes it: number, string, boolean/null or `expression`."""
    s = sql.strip()
    if _NUMBER.match(s) or s.lower() in ("true", "false", "null"):
        return s.lower() if not _NUMBER.match(s) else s
    if len(s) >= 2 and s[0] == s[-1] == "'" and "'" not in s[1:-1].replace("''", ""):
        return string(s[1:-1].replace("''", "'"))
    return "`" + s.replace("`", "'").replace("\n", " ") + "`"


def _type(table: Table, column: Column) -> str:
    t: DataType = column.type
    if t.kind is TypeKind.ENUM:
        return name(enum_name(table, column))
    spelled = str(t)
    return spelled if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*(\(\d+(,\d+)?\))?", spelled) else name(spelled)


def enum_name(table: Table, column: Column) -> str:
    return f"{table.name}_{column.name}"


def _column(table: Table, column: Column, markers: list[str], single_pk: bool) -> str:
    settings: list[str] = []
    if "PK" in markers and single_pk:
        settings.append("pk")
    if column.autoincrement:
        settings.append("increment")
    if is_not_null(table, column) and not ("PK" in markers and single_pk):
        settings.append("not null")
    if table.is_unique_on([column.name]) and not ("PK" in markers and single_pk):
        settings.append("unique")
    if column.default is not None:
        settings.append(f"default: {_default(column.default)}")
    if column.comment:
        settings.append(f"note: {string(column.comment)}")
    tail = f" [{', '.join(settings)}]" if settings else ""
    return f"  {name(column.name)} {_type(table, column)}{tail}"


def _index_line(columns: list[str], expressions: list[str], settings: list[str]) -> str:
    parts = [name(c) for c in columns] + ["`" + e.replace("`", "'").replace("\n", " ") + "`" for e in expressions]
    target = parts[0] if len(parts) == 1 else "(" + ", ".join(parts) + ")"
    tail = f" [{', '.join(settings)}]" if settings else ""
    return f"    {target}{tail}"


def _table(table: Table) -> list[str]:
    markers = key_markers(table)
    pk = table.primary_key_columns
    lines = [f"Table {name(table.name)} {{"]
    for c in table.columns:
        lines.append(_column(table, c, markers.get(c.name.lower(), []), single_pk=len(pk) == 1))
    index_lines: list[str] = []
    if len(pk) > 1:
        index_lines.append(_index_line(pk, [], ["pk"]))
    for u in table.unique_constraints:
        if len(u.columns) > 1:
            index_lines.append(_index_line(u.columns, [], ["unique"] + ([f"name: {string(u.name)}"] if u.name else [])))
    for i in table.indexes:
        settings = (["unique"] if i.unique else []) + [f"name: {string(i.name)}"]
        if i.where:
            settings.append(f"note: {string('where ' + i.where)}")
        index_lines.append(_index_line(i.columns, i.expressions, settings))
    if index_lines:
        lines += ["", "  indexes {", *index_lines, "  }"]
    if table.comment:
        lines += ["", f"  Note: {string(table.comment)}"]
    lines.append("}")
    return lines


def render_dbml(schema: Schema) -> str:
    rels = relationships(schema)
    out: list[str] = []
    if schema.name:
        out += [f"Project {name(schema.name)} {{", "  database_type: 'generic'", "}", ""]
    for t in schema.tables:
        for c in t.columns:
            if c.type.kind is TypeKind.ENUM:
                out.append(f"Enum {name(enum_name(t, c))} {{")
                out += [f"  {name(v)}" for v in c.type.values]
                out += ["}", ""]
    for t in schema.tables:
        out += _table(t) + [""]
    seen_ends: set[frozenset] = set()
    for rel in rels:
        fk = rel.fk
        child = _endpoint(rel.child.name, fk.columns)
        parent = _endpoint(rel.parent.name, fk.ref_columns)
        settings = []
        if fk.on_delete:
            settings.append(f"delete: {fk.on_delete.value.lower()}")
        if fk.on_update:
            settings.append(f"update: {fk.on_update.value.lower()}")
        label = f" {name(fk.name)}" if fk.name else ""
        tail = f" [{', '.join(settings)}]" if settings else ""
        ref = f"Ref{label}: {child} {'-' if rel.one_to_one else '>'} {parent}{tail}"
        # DBML rejects a Ref whose two ends are the same columns, and a second Ref between the same
        # two ends (either way round); keep such foreign keys visible as comments.
        # DBML compares ends as (table, set of columns).
        child_end = (rel.child.name, frozenset(fk.columns))
        parent_end = (rel.parent.name, frozenset(fk.ref_columns))
        ends = frozenset((child_end, parent_end))
        if child_end == parent_end:
            ref = "// columns referencing themselves (DBML cannot express this): " + ref
        elif ends in seen_ends:
            ref = "// the same columns again (DBML allows one Ref per pair of ends): " + ref
        seen_ends.add(ends)
        out.append(ref)
    return "\n".join(out).rstrip("\n") + "\n"


def _endpoint(table: str, columns: list[str]) -> str:
    cols = name(columns[0]) if len(columns) == 1 else "(" + ", ".join(name(c) for c in columns) + ")"
    return f"{name(table)}.{cols}"
