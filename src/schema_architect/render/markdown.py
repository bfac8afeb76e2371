"""A Markdown data dictionary: summary, table of contents, one section per table, and the ERD.

Each table section has its comment, a column table (name, type, nullable, default, keys, references,
comment), its constraints, indexes, and the tables that reference it. Anchors are explicit
(``<a id="table-...">``) so links work whatever a Markdown renderer does to headings.
"""

from __future__ import annotations

import re

from ..model import Schema, Table
from .mermaid import render_mermaid
from .relationships import is_not_null, key_markers, relationships
from .text import one_line


def _cell(text: str | None) -> str:
    """Text safe inside a Markdown table cell: pipes escaped, line breaks as <br>."""
    if not text:
        return ""
    text = text.replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;")
    return re.sub(r"\r\n|\r|\n", "<br>", text)


# The ASCII punctuation that can start Markdown syntax inside a line (emphasis, links, code, HTML, entities).
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>#|!&~])")


def _name(text: str) -> str:
    """A name as literal Markdown text (headings, link texts): one line, Markdown syntax characters escaped."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", one_line(text))


def _code(text: str) -> str:
    """Inline code that survives backticks and pipes in the text (inside tables too)."""
    text = re.sub(r"\s+", " ", text).replace("|", "\\|")
    fence = "``" if "`" in text else "`"
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _anchors(schema: Schema) -> dict[int, str]:
    """Stable, unique anchor per table: ``table-`` plus a slug of its name."""
    out: dict[int, str] = {}
    seen: set[str] = set()
    for i, t in enumerate(schema.tables):
        slug = re.sub(r"[^\w]+", "-", t.name.lower(), flags=re.UNICODE).strip("-") or str(i)
        anchor, n = f"table-{slug}", 1
        while anchor in seen:
            n += 1
            anchor = f"table-{slug}-{n}"
        seen.add(anchor)
        out[id(t)] = anchor
    return out


def _link(table: Table, anchors: dict[int, str]) -> str:
    return f"[{_name(table.name)}](#{anchors[id(table)]})"


def render_markdown(schema: Schema, *, title: str | None = None) -> str:
    rels = relationships(schema)
    anchors = _anchors(schema)
    out_by_child: dict[int, list] = {}
    in_by_parent: dict[int, list] = {}
    for r in rels:
        out_by_child.setdefault(id(r.child), []).append(r)
        in_by_parent.setdefault(id(r.parent), []).append(r)

    heading = title or (f"Data dictionary: {schema.name}" if schema.name else "Data dictionary")
    lines = [f"# {_name(heading)}", ""]
    lines.append(f"{len(schema.tables)} tables, {len(rels)} relationships"
                 + (f", {len(schema.views)} views." if schema.views else "."))
    lines.append("")
    lines += ["## Contents", ""]
    for t in schema.tables:
        summary = f" — {_cell(t.comment.splitlines()[0])}" if t.comment and t.comment.strip() else ""
        lines.append(f"- {_link(t, anchors)}{summary}")
    if schema.views:
        lines.append("- [Views](#views)")
    lines += ["- [Diagram](#diagram)", ""]

    for t in schema.tables:
        lines += _table_section(t, anchors, out_by_child.get(id(t), []), in_by_parent.get(id(t), []))

    if schema.views:
        lines += ['<a id="views"></a>', "", "## Views", ""]
        for v in schema.views:
            cols = f" ({', '.join(_code(c) for c in v.columns)})" if v.columns else ""
            lines.append(f"- {_code(v.name)}{cols}")
        lines.append("")
    if schema.skipped:
        lines += ["## Not shown", "", "The source had these, which the schema model does not hold:", ""]
        for s in schema.skipped:
            where = f" ({_cell(s.location)})" if s.location else ""
            lines.append(f"- {_cell(s.kind)} {_cell(s.name or '')}{where}: {_cell(s.reason)}")
        lines.append("")
    lines += ['<a id="diagram"></a>', "", "## Diagram", "", "```mermaid", render_mermaid(schema).rstrip("\n"), "```", ""]
    return "\n".join(lines)


def _table_section(t: Table, anchors: dict[int, str], outgoing: list, incoming: list) -> list[str]:
    lines = [f'<a id="{anchors[id(t)]}"></a>', "", f"## {_name(t.name)}", ""]
    if t.comment:
        lines += [_cell(t.comment), ""]
    markers = key_markers(t)
    refs: dict[str, str] = {}
    for r in outgoing:
        for col, ref_col in zip(r.fk.columns, r.fk.ref_columns):
            target = f"{_link(r.parent, anchors)}.{_code(ref_col)}"
            refs[col.lower()] = f"{refs[col.lower()]}, {target}" if col.lower() in refs else target
    lines += ["| Column | Type | Nullable | Default | Keys | References | Comment |",
              "| --- | --- | --- | --- | --- | --- | --- |"]
    for c in t.columns:
        default = _code(c.default) if c.default is not None else ""
        if c.autoincrement:
            default = (default + " " if default else "") + "auto-increment"
        lines.append(
            "| " + " | ".join([
                _code(c.name),
                _code(str(c.type)),
                "no" if is_not_null(t, c) else "yes",
                default,
                ", ".join(markers.get(c.name.lower(), [])),
                refs.get(c.name.lower(), ""),
                _cell(c.comment),
            ]) + " |"
        )
    lines.append("")

    constraints: list[str] = []
    if t.primary_key:
        constraints.append(f"- Primary key{_named(t.primary_key.name)}: {_cols(t.primary_key.columns)}")
    for u in t.unique_constraints:
        constraints.append(f"- Unique{_named(u.name)}: {_cols(u.columns)}")
    for ck in t.check_constraints:
        constraints.append(f"- Check{_named(ck.name)}: {_code(ck.expression)}")
    for r in outgoing:
        actions = "".join(
            f", on {what} {act.value.lower()}" for what, act in (("delete", r.fk.on_delete), ("update", r.fk.on_update)) if act
        )
        constraints.append(
            f"- Foreign key{_named(r.fk.name)}: {_cols(r.fk.columns)} → {_link(r.parent, anchors)} "
            f"{_cols(r.fk.ref_columns)}{actions}"
        )
    if constraints:
        lines += ["**Constraints**", "", *constraints, ""]
    if t.indexes:
        lines += ["**Indexes**", ""]
        for i in t.indexes:
            covers = _cols(i.columns) if i.columns else ""
            if i.expressions:
                covers = ", ".join(filter(None, [covers] + [_code(e) for e in i.expressions]))
            where = f" where {_code(i.where)}" if i.where else ""
            lines.append(f"- {_code(i.name)}{' (unique)' if i.unique else ''}: {covers}{where}")
        lines.append("")
    if incoming:
        lines += ["**Referenced by**", ""]
        for r in incoming:
            lines.append(f"- {_link(r.child, anchors)} {_cols(r.fk.columns)}")
        lines.append("")
    return lines


def _named(name: str | None) -> str:
    return f" {_code(name)}" if name else ""


def _cols(columns: list[str]) -> str:
    return "(" + ", ".join(_code(c) for c in columns) + ")"
