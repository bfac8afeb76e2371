"""Graphviz: DOT with HTML table labels and crow's-foot edges from FK column ports; SVG and PNG drawn
by the real `dot` program; a clear error when Graphviz is missing."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from schema_architect.errors import InputError, SchemaArchitectError
from schema_architect.model import Column, DataType, ForeignKey, PrimaryKey, Schema, Table
from schema_architect.render import render_erd
from schema_architect.render.graphviz import render_dot, render_image
from test_render_mermaid import CASES

SVG = "{http://www.w3.org/2000/svg}"
PARENT_END = {"||": "teetee", "|o": "teeodot"}
CHILD_END = {"o|": "teeodot", "o{": "crowodot"}
LINE_STYLE = {"--": "solid", "..": "dashed"}
EDGE = re.compile(r"^  (t\d+):e(\d+):e -> (t\d+):w(\d+):w \[arrowhead=(\w+), arrowtail=(\w+), style=(\w+), label=<(.*)>\];$")


def _edges(dot: str) -> list[tuple]:
    return [m.groups() for m in map(EDGE.match, dot.splitlines()) if m]


@pytest.mark.parametrize("case", list(CASES))
def test_edges_leave_the_fk_column_and_carry_the_cardinality(case):
    schema, expected = CASES[case]
    node = {t.name: f"t{i}" for i, t in enumerate(schema.tables)}
    want = []
    for p, c, pe, ln, ce, label in expected:
        child = schema.table(c)
        fk = next(fk for fk in child.foreign_keys if ", ".join(fk.columns) == label)
        child_port = str(child.column_names.index(fk.columns[0]))
        parent_port = str(schema.table(p).column_names.index(fk.ref_columns[0]))
        want.append((node[c], child_port, node[p], parent_port, PARENT_END[pe], CHILD_END[ce], LINE_STYLE[ln], label))
    assert _edges(render_dot(schema)) == want


def _svg_texts(svg: bytes) -> tuple[list[str], list[ET.Element]]:
    root = ET.fromstring(svg)  # also proves the SVG is well-formed XML
    texts = ["".join(t.itertext()) for t in root.iter(f"{SVG}text")]
    edges = [g for g in root.iter(f"{SVG}g") if g.get("class") == "edge"]
    return texts, edges


def test_svg_from_real_dot_names_every_table_and_draws_every_fk():
    schema = Schema(tables=[t for name in CASES for t in CASES[name][0].tables if name.startswith(("junction", "two FKs", "self"))])
    svg = render_erd(schema, "svg")
    assert isinstance(svg, bytes)
    texts, edges = _svg_texts(svg)
    for t in schema.tables:
        assert t.name in texts
    assert len(edges) == sum(len(t.foreign_keys) for t in schema.tables) == 5


def test_names_are_html_escaped_and_come_back_intact_in_the_svg():
    odd = ['a<b>&c "quoted" \'single\'', "Größe & Co", "tab\there", "]}{[", "<B>not bold</B>"]
    schema = Schema(tables=[
        Table(name=odd[0], columns=[Column(name=n, type=DataType.integer(), nullable=False) for n in odd],
              primary_key=PrimaryKey(columns=[odd[1]]), comment="<script>&amp;"),
        Table(name=odd[4], columns=[Column(name="ref", type=DataType.integer())],
              foreign_keys=[ForeignKey(columns=["ref"], ref_table=odd[0], ref_columns=[odd[1]])]),
        # Graphviz reads no text that opens with "]" in a label (a property test found it in a bold title)
        Table(name="]]", columns=[Column(name="]", type=DataType.integer())]),
    ])
    texts, edges = _svg_texts(render_image(schema, "svg"))
    assert odd[0] in texts and odd[4] in texts and "<script>&amp;" in texts
    assert "]]" in texts and any(t.startswith("]") and t != "]]" for t in texts)
    for n in odd[1:]:
        assert any(n.replace("\t", " ") in t for t in texts), n
    assert len(edges) == 1


def test_png_from_real_dot_is_a_png():
    schema, _ = CASES["composite FK, NOT NULL"]
    png = render_erd(schema, "png")
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 1000


def test_missing_dot_is_a_clear_error_with_the_install_hint(monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path))  # an empty folder: no `dot` anywhere on the PATH
    schema, _ = CASES["self reference"]
    with pytest.raises(SchemaArchitectError) as err:
        render_image(schema, "svg")
    assert "dot" in err.value.message and "apt-get install graphviz" in err.value.hint
    assert render_dot(schema).startswith("digraph")  # the DOT text itself needs no Graphviz


def test_unknown_format_lists_the_valid_ones():
    schema, _ = CASES["self reference"]
    with pytest.raises(InputError) as err:
        render_erd(schema, "visio")
    assert "visio" in err.value.message
    assert all(f in err.value.hint for f in ("mermaid", "dbml", "plantuml", "dot", "svg", "png"))
