"""Diagrams and documents drawn from the schema model: Mermaid, DBML, PlantUML, Graphviz, Markdown."""

from __future__ import annotations

from ..errors import InputError
from ..model import Schema

ERD_FORMATS = ("mermaid", "dbml", "plantuml", "dot", "svg", "png")


def render_erd(schema: Schema, fmt: str) -> str | bytes:
    """The entity-relationship diagram in ``fmt``: text for mermaid/dbml/plantuml/dot, bytes for svg/png."""
    key = (fmt or "").strip().lower()
    if key == "mermaid":
        from .mermaid import render_mermaid

        return render_mermaid(schema)
    if key == "dbml":
        from .dbml import render_dbml

        return render_dbml(schema)
    if key == "plantuml":
        from .plantuml import render_plantuml

        return render_plantuml(schema)
    if key == "dot":
        from .graphviz import render_dot

        return render_dot(schema)
    if key in ("svg", "png"):
        from .graphviz import render_image

        return render_image(schema, key)
    raise InputError(f"unknown diagram format {fmt!r}", hint="use one of: " + ", ".join(ERD_FORMATS))


__all__ = ["ERD_FORMATS", "render_erd"]
