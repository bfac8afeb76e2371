"""Graphviz DOT from the schema model, and SVG/PNG drawn by the ``dot`` program (Debian ``graphviz``).

Each table is a node whose label is an HTML-like table, one row (and port) per column; each foreign
key is an edge from the child's first FK column to the referenced column, with crow's-foot ends
following the rules in :mod:`.relationships`. Nodes are named ``t0, t1, ...``; column ``j`` has port
``wj`` on its left cell and ``ej`` on its right one, so edges leave a child row on the right and enter
the parent row on the left (rankdir=LR puts children left of parents). No user-supplied name ever
needs DOT quoting; names appear only HTML-escaped inside labels.
"""

from __future__ import annotations

import html
import shutil
import subprocess
import unicodedata

from ..errors import InputError, SchemaArchitectError
from ..model import Schema
from .relationships import key_markers, relationships

IMAGE_FORMATS = ("svg", "png")
DOT_TIMEOUT_SECONDS = 120


def _text(s: str) -> str:
    """HTML-escaped, with characters XML cannot hold (controls, surrogates, U+FFFE/F) turned into spaces."""
    cleaned = "".join(" " if _not_xml(ch) else ch for ch in s)
    # Graphviz (2.43) cannot read text that opens with "]" inside an HTML label: an entity it can.
    return html.escape(cleaned, quote=True).replace("]", "&#93;")


def _not_xml(ch: str) -> bool:
    return unicodedata.category(ch) in ("Cc", "Cs") or ch in "\ufffe\uffff"


def render_dot(schema: Schema) -> str:
    rels = relationships(schema)
    node_of = {id(t): f"t{i}" for i, t in enumerate(schema.tables)}
    port_of: dict[tuple[int, str], str] = {}
    lines = [
        "digraph schema {",
        '  graph [rankdir=LR, fontname="Helvetica", charset="UTF-8", nodesep=0.4, ranksep=1.0];',
        '  node [shape=plaintext, fontname="Helvetica", fontsize=10];',
        '  edge [fontname="Helvetica", fontsize=9, dir=both, color="#555555"];',
    ]
    for t in schema.tables:
        markers = key_markers(t)
        rows = [f'<TR><TD BGCOLOR="#DDE7F3" COLSPAN="3"><B>{_text(t.name)}</B></TD></TR>']
        if t.comment:
            rows.append(f'<TR><TD COLSPAN="3"><I>{_text(t.comment)}</I></TD></TR>')
        for j, c in enumerate(t.columns):
            port_of.setdefault((id(t), c.name.lower()), str(j))
            keys = " ".join(markers.get(c.name.lower(), []))
            name = f"<B>{_text(c.name)}</B>" if "PK" in keys else _text(c.name)
            if not c.nullable and "PK" not in keys:
                name += " *"  # NOT NULL
            rows.append(
                f'<TR><TD ALIGN="LEFT" PORT="w{j}">{keys}</TD><TD ALIGN="LEFT">{name}</TD>'
                f'<TD ALIGN="LEFT" PORT="e{j}">{_text(str(c.type))}</TD></TR>'
            )
        table = '<TABLE BORDER="0" CELLBORDER="1" CELLSPACING="0" CELLPADDING="4">' + "".join(rows) + "</TABLE>"
        lines.append(f"  {node_of[id(t)]} [label=<{table}>];")
    for rel in rels:
        child_port = port_of.get((id(rel.child), rel.fk.columns[0].lower()))
        parent_port = port_of.get((id(rel.parent), rel.fk.ref_columns[0].lower()))
        tail = node_of[id(rel.child)] + (f":e{child_port}:e" if child_port else "")
        head = node_of[id(rel.parent)] + (f":w{parent_port}:w" if parent_port else "")
        attrs = [
            f"arrowhead={'teeodot' if rel.parent_optional else 'teetee'}",
            f"arrowtail={'teeodot' if rel.one_to_one else 'crowodot'}",
            f"style={'solid' if rel.identifying else 'dashed'}",
            f"label=<{_text(rel.label)}>",
        ]
        lines.append(f"  {tail} -> {head} [{', '.join(attrs)}];")
    lines.append("}")
    return "\n".join(lines) + "\n"


def render_image(schema: Schema, fmt: str) -> bytes:
    """The diagram as SVG or PNG bytes, drawn by Graphviz's ``dot``."""
    if fmt not in IMAGE_FORMATS:
        raise InputError(f"unknown image format {fmt!r}", hint="use one of: " + ", ".join(IMAGE_FORMATS))
    dot = shutil.which("dot")
    if dot is None:
        raise SchemaArchitectError(
            "Graphviz's `dot` program is not installed, so SVG/PNG diagrams cannot be drawn",
            hint="apt-get install graphviz (or use --format dot/mermaid, which need nothing)",
        )
    source = render_dot(schema)
    try:
        proc = subprocess.run(
            [dot, f"-T{fmt}"], input=source.encode("utf-8"), capture_output=True, timeout=DOT_TIMEOUT_SECONDS,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise SchemaArchitectError(
            f"Graphviz took more than {DOT_TIMEOUT_SECONDS} s to lay out {len(schema.tables)} tables",
            hint="draw a smaller part of the schema, or use --format mermaid",
        ) from None
    if proc.returncode != 0:
        # Our DOT is generated, so a failure here is a bug in this module, not the user's input.
        raise RuntimeError(f"dot -T{fmt} failed: {proc.stderr.decode('utf-8', 'replace').strip()}")
    return proc.stdout
