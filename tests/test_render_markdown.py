"""The Markdown data dictionary, read back with a real Markdown parser (markdown-it, GFM tables):
summary, contents with working links, per-table column tables, constraints, indexes, referenced-by,
and the embedded Mermaid ERD (which the real Mermaid parser accepts)."""

from __future__ import annotations

import re

from markdown_it import MarkdownIt

from js_parsers import parse_diagrams
from schema_architect.model import (
    CheckConstraint,
    Column,
    DataType,
    ForeignKey,
    Index,
    PrimaryKey,
    ReferentialAction,
    Schema,
    Table,
    UniqueConstraint,
)
from schema_architect.render.markdown import render_markdown
from schema_architect.render.mermaid import render_mermaid

I = DataType.integer


def shop() -> Schema:
    return Schema(name="shop", tables=[
        Table(name="customer", comment="People who buy", columns=[
            Column(name="id", type=I(), nullable=False, autoincrement=True),
            Column(name="email", type=DataType.varchar(200), nullable=False, comment="login | contact"),
            Column(name="referrer_id", type=I())],
            primary_key=PrimaryKey(columns=["id"]), unique_constraints=[UniqueConstraint(columns=["email"], name="uq_email")],
            foreign_keys=[ForeignKey(columns=["referrer_id"], ref_table="customer", ref_columns=["id"])]),
        Table(name="Order Line", columns=[
            Column(name="order id", type=I(), nullable=False), Column(name="line", type=I(), nullable=False),
            Column(name="price", type=DataType.decimal(10, 2), default="0"),
            Column(name="cust", type=I(), nullable=False),
            Column(name="note", type=DataType.text(), default="'it''s'", comment='two\nlines with <html> & a | pipe')],
            primary_key=PrimaryKey(columns=["order id", "line"]),
            foreign_keys=[ForeignKey(columns=["cust"], ref_table="customer", ref_columns=["id"],
                                     on_delete=ReferentialAction.CASCADE)],
            check_constraints=[CheckConstraint(expression="price >= 0", name="ck_price")],
            indexes=[Index(name="ix_ol", columns=["cust", "line"], unique=True),
                     Index(name="ix_lower", expressions=["lower(note)"], where="price > 0")]),
    ])


def _parse(md: str):
    return MarkdownIt("commonmark").enable("table").parse(md)


def _text(inline) -> str:
    return "".join(c.content if c.type != "softbreak" else "\n" for c in (inline.children or []))


def _sections(md: str) -> dict[str, dict]:
    """h2 heading -> {"rows": [[cell text]], "bullets": [text], "anchors_before": ...}."""
    toks = _parse(md)
    sections: dict[str, dict] = {}
    current = None
    row: list[str] | None = None
    for i, t in enumerate(toks):
        if t.type == "heading_open" and t.tag == "h2":
            current = sections.setdefault(_text(toks[i + 1]), {"rows": [], "bullets": []})
        elif current is None:
            continue
        elif t.type == "tr_open":
            row = []
        elif t.type == "tr_close":
            current["rows"].append(row)
            row = None
        elif t.type == "inline" and row is not None:
            row.append(_text(t))
        elif t.type == "inline" and toks[i - 1].type == "paragraph_open" and toks[i - 2].type == "list_item_open":
            current["bullets"].append(_text(t))
    return sections


def test_summary_contents_and_links_resolve():
    md = render_markdown(shop())
    assert md.startswith("# Data dictionary: shop\n")
    assert "\n2 tables, 2 relationships.\n" in md
    anchors = re.findall(r'<a id="([^"]+)"></a>', md)
    assert len(anchors) == len(set(anchors))
    links = re.findall(r"\]\(#([^)]+)\)", md)
    assert set(links) <= set(anchors), "every link points at an anchor that exists"
    contents = _sections(md)["Contents"]["bullets"]
    assert contents == ["customer — People who buy", "Order Line", "Diagram"]


def test_column_table_shows_type_nullability_default_keys_references_comment():
    sections = _sections(render_markdown(shop()))
    header, *rows = sections["Order Line"]["rows"]
    assert header == ["Column", "Type", "Nullable", "Default", "Keys", "References", "Comment"]
    assert rows == [
        ["order id", "integer", "no", "", "PK", "", ""],
        ["line", "integer", "no", "", "PK, UK", "", ""],  # UK: in the unique index ix_ol
        ["price", "decimal(10,2)", "yes", "0", "", "", ""],
        ["cust", "integer", "no", "", "FK, UK", "customer.id", ""],
        ["note", "text", "yes", "'it''s'", "", "", "two<br>lines with <html> & a | pipe"],
    ]
    _, *customer_rows = sections["customer"]["rows"]
    assert customer_rows[0] == ["id", "integer", "no", "auto-increment", "PK", "", ""]
    assert customer_rows[1] == ["email", "varchar(200)", "no", "", "UK", "", "login | contact"]
    assert customer_rows[2] == ["referrer_id", "integer", "yes", "", "FK", "customer.id", ""]


def test_constraints_indexes_and_referenced_by():
    sections = _sections(render_markdown(shop()))
    assert sections["Order Line"]["bullets"] == [
        "Primary key: (order id, line)",
        "Check ck_price: price >= 0",
        "Foreign key: (cust) → customer (id), on delete cascade",
        "ix_ol (unique): (cust, line)",
        "ix_lower: lower(note) where price > 0",
    ]
    assert sections["customer"]["bullets"] == [
        "Primary key: (id)",
        "Unique uq_email: (email)",
        "Foreign key: (referrer_id) → customer (id)",
        "customer (referrer_id)",
        "Order Line (cust)",
    ]
    assert "**Referenced by**" in render_markdown(shop()).split("## Order Line")[0]


def test_embedded_erd_is_the_mermaid_diagram_and_parses():
    schema = shop()
    md = render_markdown(schema)
    fences = [t for t in _parse(md) if t.type == "fence"]
    assert [f.info for f in fences] == ["mermaid"]
    assert fences[0].content == render_mermaid(schema)
    [result] = parse_diagrams("mermaid", [fences[0].content])
    assert result["ok"], result.get("error")
    assert len(result["relationships"]) == 2


def test_views_and_skipped_constructs_are_listed_not_dropped():
    from schema_architect.model import Skipped, View

    schema = shop().model_copy(update={
        "views": [View(name="big_orders", definition="SELECT 1", columns=["id"])],
        "skipped": [Skipped(kind="trigger", name="trg_audit", reason="triggers are not modelled", location="shop.sql:40")],
    })
    sections = _sections(render_markdown(schema))
    assert sections["Views"]["bullets"] == ["big_orders (id)"]
    assert sections["Not shown"]["bullets"] == ["trigger trg_audit (shop.sql:40): triggers are not modelled"]


def test_headings_turn_odd_spaces_into_plain_spaces():
    """Found by the property test: a no-break space stayed in the heading while Mermaid's labels dropped it."""
    from markdown_it import MarkdownIt

    from schema_architect.model import Column, DataType, Schema, Table
    from schema_architect.render.markdown import render_markdown

    schema = Schema(tables=[Table(name="order\u00a0line\u2028x", columns=[Column(name="id", type=DataType.integer())])])
    toks = MarkdownIt("commonmark").parse(render_markdown(schema))
    headings = [toks[i + 1].content for i, t in enumerate(toks) if t.type == "heading_open" and t.tag == "h2"]
    assert "order line x" in headings
