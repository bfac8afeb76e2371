"""DBML (read back by the real DBML parser) and PlantUML IE diagrams (checked line by line against the
subset of PlantUML's grammar we emit: no PlantUML/Java runtime is installed here)."""

from __future__ import annotations

import re

import pytest

from js_parsers import parse_diagrams
from schema_architect.model import (
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
from schema_architect.render.dbml import render_dbml
from schema_architect.render.plantuml import render_plantuml
from test_render_mermaid import CASES

I = DataType.integer


def shop() -> Schema:
    return Schema(name="shop", tables=[
        Table(name="customer", comment="People who buy", columns=[
            Column(name="id", type=I(), nullable=False, autoincrement=True),
            Column(name="email", type=DataType.varchar(200), nullable=False, comment='login "name"'),
            Column(name="status", type=DataType.enum("new", "it's done")),
            Column(name="created", type=DataType.timestamp(timezone=True), default="CURRENT_TIMESTAMP"),
            Column(name="score", type=DataType.decimal(10, 2), default="-1.5"),
            Column(name="nick", type=DataType.text(), default="'o''brien'"),
            Column(name="active", type=DataType.boolean(), default="TRUE")],
            primary_key=PrimaryKey(columns=["id"]), unique_constraints=[UniqueConstraint(columns=["email"])]),
        Table(name="Order Line", columns=[
            Column(name="order id", type=I(), nullable=False), Column(name="line", type=I(), nullable=False),
            Column(name="cust", type=I(), nullable=False), Column(name="a", type=I()), Column(name="b", type=I())],
            primary_key=PrimaryKey(columns=["order id", "line"]),
            unique_constraints=[UniqueConstraint(columns=["a", "b"], name="uq_ab")],
            foreign_keys=[ForeignKey(columns=["cust"], ref_table="customer", ref_columns=["id"], name="fk_cust",
                                     on_delete=ReferentialAction.CASCADE, on_update=ReferentialAction.NO_ACTION)],
            indexes=[Index(name="ix_ol", columns=["cust", "line"]), Index(name="ix_lower", expressions=["lower(b)"])]),
    ])


def test_dbml_column_settings_indexes_enums_and_refs_as_the_dbml_parser_reads_them():
    [db] = parse_diagrams("dbml", [render_dbml(shop())])
    assert db["ok"], db.get("error")
    customer, order_line = db["tables"]
    assert customer["name"] == "customer" and customer["note"] == "People who buy"
    f = {x["name"]: x for x in customer["fields"]}
    assert f["id"]["pk"] and f["id"]["increment"]
    assert f["email"]["not_null"] and f["email"]["unique"] and f["email"]["note"] == 'login "name"'
    assert f["status"]["type"] == "customer_status"
    assert db["enums"] == [{"name": "customer_status", "values": ["new", "it's done"]}]
    assert f["created"]["default"] == {"type": "expression", "value": "CURRENT_TIMESTAMP"}
    assert f["score"]["default"] == {"type": "number", "value": -1.5}
    assert f["nick"]["default"] == {"type": "string", "value": "o'brien"}
    assert f["active"]["default"] == {"type": "boolean", "value": "true"}
    assert f["score"]["type"] == "decimal(10,2)" and f["created"]["type"] == "timestamp with time zone"
    assert order_line["name"] == "Order Line"
    assert [(i["columns"], i["pk"], i["unique"], i.get("name")) for i in order_line["indexes"]] == [
        (["order id", "line"], True, False, None),
        (["a", "b"], False, True, "uq_ab"),
        (["cust", "line"], False, False, "ix_ol"),
        (["lower(b)"], False, False, "ix_lower"),
    ]
    assert db["refs"] == [{
        "name": "fk_cust", "onDelete": "cascade", "onUpdate": "no action",
        "endpoints": [{"table": "Order Line", "fields": ["cust"], "relation": "*"},
                      {"table": "customer", "fields": ["id"], "relation": "1"}],
    }]


def test_dbml_ref_cardinality_for_every_case():
    names = list(CASES)
    results = parse_diagrams("dbml", [render_dbml(CASES[n][0]) for n in names])
    for name, db in zip(names, results):
        assert db["ok"], f"{name}: {db.get('error')}"
        got = [(r["endpoints"][1]["table"], r["endpoints"][0]["table"], r["endpoints"][0]["relation"],
                ", ".join(r["endpoints"][0]["fields"])) for r in db["refs"]]
        want = [(p, c, "1" if ce == "o|" else "*", label) for p, c, _pe, _ln, ce, label in CASES[name][1]]
        assert got == want, name


def test_dbml_quotes_and_escapes_odd_names():
    odd = ['say "hi"', "back\\slash", "Größe", "it's", "new\nline", "tab\tcr\rnul\x00esc\x1b"]
    schema = Schema(tables=[
        Table(name=n, comment=n, columns=[Column(name=c, type=I(), comment=c) for c in odd]) for n in odd[:4]
    ])
    schema.tables[1].foreign_keys.append(ForeignKey(columns=[odd[0]], ref_table=odd[0], ref_columns=[odd[0]]))
    [db] = parse_diagrams("dbml", [render_dbml(schema)])
    assert db["ok"], db.get("error")
    assert [t["name"] for t in db["tables"]] == odd[:4]
    assert [t["note"] for t in db["tables"]] == odd[:4]
    assert [f["name"] for f in db["tables"][0]["fields"]] == odd
    assert [f["note"] for f in db["tables"][0]["fields"]] == odd
    assert db["refs"][0]["endpoints"][0] == {"table": odd[1], "fields": [odd[0]], "relation": "*"}


# -- PlantUML --------------------------------------------------------------------------------------
PLANTUML_LINE = [
    re.compile(r"@startuml|@enduml|hide circle|skinparam linetype ortho|"),
    re.compile(r'entity "[^"\n]+" as e\d+ \{'),
    re.compile(r"  ' [^\n]*"),  # a comment line (the table comment)
    re.compile(r"  (\* |  )(?:[^\n{}]|~\{|~\})+ : [^\n]+?( <<(PK|FK|UK)>>)*"),
    re.compile(r"  --|\}"),
    re.compile(r'e\d+ (\|\||\|o)(--|\.\.)(o\||o\{) e\d+ : "[^"\n]*"'),
]


def _check_plantuml(text: str) -> None:
    for n, line in enumerate(text.splitlines(), 1):
        assert any(p.fullmatch(line) for p in PLANTUML_LINE), f"line {n} is not PlantUML we mean to emit: {line!r}"
    assert text.startswith("@startuml\n") and text.endswith("@enduml\n")
    assert text.count("{\n") == text.count("\n}\n")


@pytest.mark.parametrize("case", list(CASES))
def test_plantuml_crows_feet_follow_the_same_rules_as_mermaid(case):
    schema, expected = CASES[case]
    text = render_plantuml(schema)
    _check_plantuml(text)
    alias = {t.name: f"e{i}" for i, t in enumerate(schema.tables)}
    rel_lines = [line for line in text.splitlines() if re.match(r"e\d+ ", line)]
    assert rel_lines == [f'{alias[p]} {pe}{ln}{ce} {alias[c]} : "{label}"' for p, c, pe, ln, ce, label in expected]
    for t in schema.tables:
        assert f'entity "{t.name}" as {alias[t.name]} {{' in text


def test_plantuml_puts_the_key_above_the_line_and_marks_not_null_and_keys():
    text = render_plantuml(shop())
    _check_plantuml(text)
    body = text.split('entity "Order Line" as e1 {\n')[1].split("\n}")[0].splitlines()
    assert body == [
        "  * order id : integer <<PK>>",
        "  * line : integer <<PK>>",
        "  --",
        "  * cust : integer <<FK>>",
        "    a : integer <<UK>>",
        "    b : integer <<UK>>",
    ]
    assert "  ' People who buy" in text


def test_plantuml_odd_names_stay_on_one_line_and_inside_quotes():
    odd = ['say "hi"', "a{static}b", "x\ny", "<<PK>>"]
    schema = Schema(tables=[Table(name=n, columns=[Column(name=c, type=I()) for c in odd]) for n in odd])
    text = render_plantuml(schema)
    _check_plantuml(text)
    assert "entity \"say 'hi'\" as e0 {" in text and "    a~{static~}b : integer" in text
