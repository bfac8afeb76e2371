"""Property-based: for random schemas with odd names (unicode, quotes, spaces, <>&, reserved words,
control characters), every renderer produces output that names every table and draws every foreign
key exactly once, checked with the real parsers where there is one (Mermaid 11, DBML, Graphviz, Markdown).

Models are drawn in batches so the node parsers and `dot` run a few times, not once per model.
"""

from __future__ import annotations

import unicodedata
import xml.etree.ElementTree as ET
from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from js_parsers import parse_diagrams
from schema_architect.model import (
    Column,
    DataType,
    ForeignKey,
    PrimaryKey,
    Schema,
    Table,
    UniqueConstraint,
)
from schema_architect.render import render_erd
from schema_architect.render.markdown import render_markdown
from schema_architect.render.mermaid import entity_ids
from test_render_dbml_plantuml import _check_plantuml

ODD_NAMES = ["end", "one", "to", "many", "class", "style", "u", "Order Line", 'say "hi"', "a<b>&c", "100%",
             "#1", "x\\y", "Größe", "名前", "🎉", "-", "1st", "it's", "a,b", "[x]", "{y}", "p|q", "tab\there", "new\nline", "pk", "FK", "~x~y~"]
TYPES = [DataType.integer(), DataType.bigint(), DataType.decimal(10, 2), DataType.varchar(80), DataType.text(),
         DataType.boolean(), DataType.timestamp(timezone=True), DataType.enum("a", "b c"), DataType.uuid()]

names = st.one_of(
    st.sampled_from(ODD_NAMES),
    st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=10),
).filter(lambda n: n.strip())


def _distinct(draw, n_min: int, n_max: int) -> list[str]:
    return draw(st.lists(names, min_size=n_min, max_size=n_max, unique_by=lambda s: s.lower()))


@st.composite
def schemas(draw) -> Schema:
    tables = []
    for tname in _distinct(draw, 1, 5):
        cols = _distinct(draw, 1, 4)
        columns = [Column(name=c, type=draw(st.sampled_from(TYPES)), nullable=draw(st.booleans())) for c in cols]
        pk = draw(st.lists(st.sampled_from(cols), unique=True, max_size=2))
        uniques = draw(st.lists(st.lists(st.sampled_from(cols), unique=True, min_size=1, max_size=2), max_size=1))
        tables.append(Table(name=tname, columns=columns, primary_key=PrimaryKey(columns=pk) if pk else None,
                            unique_constraints=[UniqueConstraint(columns=u) for u in uniques],
                            comment=draw(st.none() | names)))
    for child in tables:
        for _ in range(draw(st.integers(0, 3))):
            target = draw(st.sampled_from(tables))
            ref_cols = target.primary_key_columns or draw(
                st.lists(st.sampled_from(target.column_names), unique=True, min_size=1, max_size=2))
            if len(ref_cols) > len(child.columns):
                continue
            cols = draw(st.permutations(child.column_names))[: len(ref_cols)]
            child.foreign_keys.append(ForeignKey(columns=cols, ref_table=target.name, ref_columns=list(ref_cols)))
    return Schema(tables=tables)


def one_line(s: str) -> str:
    """What a one-line label shows of a name: control characters and line breaks become spaces."""
    return "".join(" " if ch.isspace() or unicodedata.category(ch)[0] in "CZ" else ch for ch in s)


def squash(s: str) -> str:
    return " ".join(s.split())


def expected_edges(schema: Schema) -> Counter:
    return Counter((fk.ref_table, t.name, tuple(fk.columns)) for t in schema.tables for fk in t.foreign_keys)


BATCH = st.lists(schemas(), min_size=12, max_size=12)


@settings(max_examples=5)
@given(BATCH)
def test_mermaid_names_every_table_and_every_fk_once(batch):
    results = parse_diagrams("mermaid", [render_erd(s, "mermaid") for s in batch])
    for schema, result in zip(batch, results):
        assert result["ok"], result.get("error")
        ids = entity_ids(schema)
        shown = sorted((e["alias"] or eid) for eid, e in result["entities"].items())
        assert shown == sorted(one_line(t.name) for t in schema.tables)
        got = Counter((r["from"], r["to"], r["label"]) for r in result["relationships"])
        want = Counter({(ids[p], ids[c], one_line(", ".join(cols))): n for (p, c, cols), n in expected_edges(schema).items()})
        assert got == want


@settings(max_examples=5)
@given(BATCH)
def test_dbml_names_every_table_and_every_fk_once(batch):
    results = parse_diagrams("dbml", [render_erd(s, "dbml") for s in batch])
    for schema, db in zip(batch, results):
        assert db["ok"], db.get("error")
        assert [t["name"] for t in db["tables"]] == [t.name for t in schema.tables]
        got = Counter((r["endpoints"][1]["table"], r["endpoints"][0]["table"], tuple(r["endpoints"][0]["fields"]))
                      for r in db["refs"])
        # DBML has no Ref from columns to themselves, nor two Refs between the same ends (either way
        # round, columns in any order): those foreign keys are written as comments instead. Every FK is there exactly once.
        written, commented, seen = Counter(), 0, set()
        for t in schema.tables:
            for fk in t.foreign_keys:
                ends = frozenset({(t.name, frozenset(fk.columns)), (fk.ref_table, frozenset(fk.ref_columns))})
                if len(ends) == 1 or ends in seen:
                    commented += 1
                else:
                    written[(fk.ref_table, t.name, tuple(fk.columns))] += 1
                seen.add(ends)
        assert got == written
        assert render_erd(schema, "dbml").count("\n// ") == commented


@settings(max_examples=5)
@given(BATCH)
def test_graphviz_svg_names_every_table_and_draws_every_fk_once(batch):
    for schema in batch:
        root = ET.fromstring(render_erd(schema, "svg"))
        # Graphviz keeps runs of spaces as space + no-break space and may trim: compare the words.
        texts = Counter(squash("".join(t.itertext())) for t in root.iter("{http://www.w3.org/2000/svg}text"))
        for t in schema.tables:
            label = squash("".join(" " if unicodedata.category(ch) in ("Cc", "Cs") or ch in "\ufffe\uffff" else ch
                                   for ch in t.name))
            if label:  # a name of nothing but spaces and controls has no text to draw
                assert texts[label] >= 1, t.name
        edges = [g for g in root.iter("{http://www.w3.org/2000/svg}g") if g.get("class") == "edge"]
        assert len(edges) == sum(len(t.foreign_keys) for t in schema.tables)


@settings(max_examples=10)
@given(schemas())
def test_plantuml_names_every_table_and_every_fk_once(schema):
    text = render_erd(schema, "plantuml")
    _check_plantuml(text)
    entity_lines = [line for line in text.splitlines() if line.startswith("entity ")]
    shown = ["".join(" " if unicodedata.category(ch)[0] == "C" else ch for ch in t.name).replace('"', "'")
             for t in schema.tables]  # PlantUML has no escape for a double quote
    assert entity_lines == [f'entity "{name}" as e{i} {{' for i, name in enumerate(shown)]
    alias = {t.name: f"e{i}" for i, t in enumerate(schema.tables)}
    rel_lines = Counter(" ".join(line.split(" ")[:3:2]) for line in text.splitlines() if line[:1] == "e" and " : " in line)
    assert rel_lines == Counter(f"{alias[fk.ref_table]} {alias[t.name]}" for t in schema.tables for fk in t.foreign_keys)


@settings(max_examples=10)
@given(schemas())
def test_markdown_has_one_section_per_table_and_lists_every_fk_once(schema):
    md = render_markdown(schema)
    toks = MarkdownIt("commonmark").enable("table").parse(md)
    headings = [toks[i + 1].content for i, t in enumerate(toks) if t.type == "heading_open" and t.tag == "h2"]
    rendered = [toks[i + 1].children for i, t in enumerate(toks) if t.type == "heading_open" and t.tag == "h2"]
    texts = ["".join(c.content for c in children) for children in rendered]
    assert texts == ["Contents"] + [one_line(t.name).strip() for t in schema.tables] + ["Diagram"], headings
    n_fks = sum(len(t.foreign_keys) for t in schema.tables)
    assert sum(line.startswith("- Foreign key") for line in md.splitlines()) == n_fks
    assert md.count("**Referenced by**") == len({fk.ref_table for t in schema.tables for fk in t.foreign_keys})
