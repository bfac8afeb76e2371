"""PlantUML entity-relationship diagram (Information Engineering / crow's foot notation).

Entities are declared as ``entity "Real Name" as e0`` so any table name can be shown; columns above the
``--`` line form the primary key, ``*`` marks NOT NULL, and stereotypes carry <<PK>>/<<FK>>/<<UK>>.
Relationship ends follow the rules in :mod:`.relationships` (the same as the Mermaid diagram).
"""

from __future__ import annotations

import unicodedata

from ..model import Schema
from .relationships import is_not_null, key_markers, relationships


def _text(s: str) -> str:
    """One line of PlantUML text: no control characters; double quotes become single (no escape exists)."""
    cleaned = "".join(" " if unicodedata.category(ch)[0] == "C" else ch for ch in s)
    return cleaned.replace('"', "'")


def _member(s: str) -> str:
    """A column name inside an entity body, where ``{...}`` would read as a modifier: escape with ``~``."""
    return _text(s).replace("{", "~{").replace("}", "~}")


def render_plantuml(schema: Schema) -> str:
    rels = relationships(schema)
    alias = {id(t): f"e{i}" for i, t in enumerate(schema.tables)}
    lines = ["@startuml", "hide circle", "skinparam linetype ortho", ""]
    for t in schema.tables:
        markers = key_markers(t)
        pk = {c.lower() for c in t.primary_key_columns}
        lines.append(f'entity "{_text(t.name)}" as {alias[id(t)]} {{')
        if t.comment:
            lines.append(f"  ' {_text(t.comment)}")
        key_cols = [c for c in t.columns if c.name.lower() in pk]
        other_cols = [c for c in t.columns if c.name.lower() not in pk]
        for group, sep in ((key_cols, True), (other_cols, False)):
            for c in group:
                star = "* " if is_not_null(t, c) else "  "
                keys = markers.get(c.name.lower(), [])
                stereo = " " + " ".join(f"<<{k}>>" for k in keys) if keys else ""
                lines.append(f"  {star}{_member(c.name)} : {_text(str(c.type))}{stereo}")
            if sep and key_cols:
                lines.append("  --")
        lines.append("}")
        lines.append("")
    for rel in rels:
        parent_end = "|o" if rel.parent_optional else "||"
        child_end = "o|" if rel.one_to_one else "o{"
        line = "--" if rel.identifying else ".."
        lines.append(
            f'{alias[id(rel.parent)]} {parent_end}{line}{child_end} {alias[id(rel.child)]} : "{_text(rel.label)}"'
        )
    lines.append("@enduml")
    return "\n".join(lines) + "\n"
