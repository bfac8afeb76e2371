"""Mermaid ``erDiagram`` from the schema model.

Mermaid's ER grammar (checked against Mermaid 11's own parser in tests/test_render_mermaid.py) is
stricter than SQL about names, so:

* an entity is written under a safe ASCII id (``Order_Line``); when that differs from the table
  name, the real name is given as the entity's alias (``Order_Line["Order Line"]``), so the diagram
  still shows it; :func:`entity_ids` is the mapping;
* attribute names keep letters (any script), digits, ``_`` and ``-``; other characters become ``_``
  and the original name is put in the attribute's comment;
* types lose parentheses and commas: ``decimal(10,2)`` -> ``decimal_10_2``;
* quoted text (aliases, comments, labels) escapes ``" % # \\ < > & ~`` as Mermaid entity codes
  (``#quot;``), which Mermaid decodes when it draws.
"""

from __future__ import annotations

import re

from ..model import DataType, Schema, TypeKind
from .relationships import key_markers, relationships
from .text import is_invisible

# Words Mermaid's ER lexer takes as keywords wherever an entity name may stand (case-insensitive).
RESERVED_ENTITY_NAMES = frozenset(
    ["one", "many", "to", "only", "zero", "optionally", "u", "class", "classdef", "style", "subgraph", "end", "erdiagram", "title", "acctitle", "accdescr", "direction"]
)
# Inside an entity block only the key markers are keywords (case-insensitive).
RESERVED_ATTRIBUTE_NAMES = frozenset({"pk", "fk", "uk"})

_ENTITY_CODES = {
    "#": "#35;",
    '"': "#quot;",
    "%": "#37;",
    "\\": "#92;",
    "<": "#lt;",
    ">": "#gt;",
    "&": "#amp;",
    "~": "#126;",  # two tildes on a line read as a generic type (type~T~) even inside quotes
}


def quoted(text: str) -> str:
    """``text`` as a Mermaid double-quoted string: one line, special characters as entity codes."""
    out = []
    for ch in text:
        if ch in _ENTITY_CODES:
            out.append(_ENTITY_CODES[ch])
        elif is_invisible(ch):
            out.append(" ")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def _ascii_id(name: str) -> str:
    ident = re.sub(r"[^A-Za-z0-9_]+", "_", name).strip("_") or "entity"
    if ident[0].isdigit():
        ident = "_" + ident
    if ident.lower() in RESERVED_ENTITY_NAMES:
        ident += "_"
    return ident


def entity_ids(schema: Schema) -> dict[str, str]:
    """Table name -> the Mermaid entity id used for it (unique, stable, readable)."""
    ids: dict[str, str] = {}
    taken: set[str] = set()
    for t in schema.tables:
        if t.name in ids:
            continue
        base = _ascii_id(t.name)
        ident, n = base, 1
        while ident.lower() in taken:
            n += 1
            ident = f"{base}_{n}"
        taken.add(ident.lower())
        ids[t.name] = ident
    return ids


def attribute_name(name: str) -> str:
    """A column name as Mermaid's ATTRIBUTE_WORD allows: letters of any script, digits, ``_``, ``-``."""
    chars = []
    for ch in name:
        ok = ch.isascii() and (ch.isalnum() or ch in "_-")
        # Mermaid's lexer accepts U+00C0..U+FFFF; astral characters (emoji) and invisibles are replaced.
        ok = ok or ("\u00c0" <= ch <= "\uffff" and not is_invisible(ch))
        chars.append(ch if ok else "_")
    word = "".join(chars) or "_"
    if not (word[0].isalpha() or word[0] == "_"):
        word = "_" + word
    if word.lower() in RESERVED_ATTRIBUTE_NAMES:
        word += "_"
    return word


def type_word(t: DataType) -> str:
    """A type as one Mermaid word: ``decimal(10,2)`` -> ``decimal_10_2``, enum values left out."""
    if t.kind is TypeKind.ENUM:
        return "enum"
    if t.kind in (TypeKind.TIMESTAMP, TypeKind.TIME) and t.timezone:
        return f"{t.kind.value}tz"
    return re.sub(r"[^A-Za-z0-9]+", "_", str(t)).strip("_")


def cardinality(rel) -> tuple[str, str]:
    """(parent-side marker, child-side marker) in Mermaid's crow's foot spelling."""
    parent = "|o" if rel.parent_optional else "||"
    child = "o|" if rel.one_to_one else "o{"
    return parent, child


def render_mermaid(schema: Schema) -> str:
    ids = entity_ids(schema)
    rels = relationships(schema)  # validates references before anything is written
    lines = ["erDiagram"]
    for t in schema.tables:
        ident = ids[t.name]
        head = ident if ident == t.name else f"{ident}[{quoted(t.name)}]"
        if not t.columns:
            lines.append(f"  {head} {{")
            lines.append("  }")
            continue
        lines.append(f"  {head} {{")
        markers = key_markers(t)
        for c in t.columns:
            attr = attribute_name(c.name)
            parts = [type_word(c.type), attr]
            keys = markers.get(c.name.lower(), [])
            if keys:
                parts.append(", ".join(keys))
            note = [] if attr == c.name else [c.name]
            if c.type.kind is TypeKind.ENUM:
                note.append("one of " + ", ".join(c.type.values))
            if c.comment:
                note.append(c.comment)
            if note:
                parts.append(quoted(": ".join(note)))
            lines.append("    " + " ".join(parts))
        lines.append("  }")
    for rel in rels:
        parent_mark, child_mark = cardinality(rel)
        line = "--" if rel.identifying else ".."
        lines.append(
            f"  {ids[rel.parent.name]} {parent_mark}{line}{child_mark} {ids[rel.child.name]} : {quoted(rel.label)}"
        )
    return "\n".join(lines) + "\n"
