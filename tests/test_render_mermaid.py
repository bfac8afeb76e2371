"""Mermaid erDiagram: key markers, cardinality from nullability/uniqueness, identifying vs not,
names Mermaid's grammar would reject, and every output parsed by the real Mermaid 11 parser."""

from __future__ import annotations

import pytest

from js_parsers import parse_diagrams
from schema_architect.errors import ModelError
from schema_architect.model import (
    Column,
    DataType,
    ForeignKey,
    Index,
    PrimaryKey,
    Schema,
    Table,
    UniqueConstraint,
)
from schema_architect.render.mermaid import attribute_name, entity_ids, render_mermaid, type_word

INT = DataType.integer()


def col(name: str, nullable: bool = True, type: DataType = INT) -> Column:
    return Column(name=name, type=type, nullable=nullable)


def parent(name: str = "customer", *pk: str) -> Table:
    pk = pk or ("id",)
    return Table(name=name, columns=[col(c, False) for c in pk], primary_key=PrimaryKey(columns=list(pk)))


# name -> (schema, [(parent, child, parent end, line, child end, label)]) ; the table the issue asks for.
def _cases() -> dict[str, tuple[Schema, list[tuple[str, str, str, str, str, str]]]]:
    cases = {}
    cases["nullable FK"] = (
        Schema(tables=[parent(), Table(name="orders", columns=[col("id", False), col("customer_id")],
                                       primary_key=PrimaryKey(columns=["id"]),
                                       foreign_keys=[ForeignKey(columns=["customer_id"], ref_table="customer", ref_columns=["id"])])]),
        [("customer", "orders", "|o", "..", "o{", "customer_id")],
    )
    cases["NOT NULL FK"] = (
        Schema(tables=[parent(), Table(name="orders", columns=[col("id", False), col("customer_id", False)],
                                       primary_key=PrimaryKey(columns=["id"]),
                                       foreign_keys=[ForeignKey(columns=["customer_id"], ref_table="customer", ref_columns=["id"])])]),
        [("customer", "orders", "||", "..", "o{", "customer_id")],
    )
    cases["unique FK is 1:1"] = (
        Schema(tables=[parent(), Table(name="profile", columns=[col("id", False), col("customer_id", False)],
                                       primary_key=PrimaryKey(columns=["id"]),
                                       unique_constraints=[UniqueConstraint(columns=["customer_id"])],
                                       foreign_keys=[ForeignKey(columns=["customer_id"], ref_table="customer", ref_columns=["id"])])]),
        [("customer", "profile", "||", "..", "o|", "customer_id")],
    )
    cases["FK unique through a unique index is 1:1"] = (
        Schema(tables=[parent(), Table(name="profile", columns=[col("id", False), col("customer_id")],
                                       primary_key=PrimaryKey(columns=["id"]),
                                       indexes=[Index(name="ux_profile_customer", columns=["customer_id"], unique=True)],
                                       foreign_keys=[ForeignKey(columns=["customer_id"], ref_table="customer", ref_columns=["id"])])]),
        [("customer", "profile", "|o", "..", "o|", "customer_id")],
    )
    cases["FK that is the whole PK: identifying 1:1"] = (
        Schema(tables=[parent(), Table(name="profile", columns=[col("customer_id", False), col("bio")],
                                       primary_key=PrimaryKey(columns=["customer_id"]),
                                       foreign_keys=[ForeignKey(columns=["customer_id"], ref_table="customer", ref_columns=["id"])])]),
        [("customer", "profile", "||", "--", "o|", "customer_id")],
    )
    cases["junction table: identifying, many"] = (
        Schema(tables=[parent("student"), parent("course"),
                       Table(name="enrollment", columns=[col("student_id", False), col("course_id", False), col("grade")],
                             primary_key=PrimaryKey(columns=["student_id", "course_id"]),
                             foreign_keys=[ForeignKey(columns=["student_id"], ref_table="student", ref_columns=["id"]),
                                           ForeignKey(columns=["course_id"], ref_table="course", ref_columns=["id"])])]),
        [("student", "enrollment", "||", "--", "o{", "student_id"),
         ("course", "enrollment", "||", "--", "o{", "course_id")],
    )
    cases["self reference"] = (
        Schema(tables=[Table(name="employee", columns=[col("id", False), col("manager_id")],
                             primary_key=PrimaryKey(columns=["id"]),
                             foreign_keys=[ForeignKey(columns=["manager_id"], ref_table="employee", ref_columns=["id"])])]),
        [("employee", "employee", "|o", "..", "o{", "manager_id")],
    )
    cases["composite FK, NOT NULL"] = (
        Schema(tables=[parent("invoice", "year", "number"),
                       Table(name="payment", columns=[col("id", False), col("inv_year", False), col("inv_number", False)],
                             primary_key=PrimaryKey(columns=["id"]),
                             foreign_keys=[ForeignKey(columns=["inv_year", "inv_number"], ref_table="invoice",
                                                      ref_columns=["year", "number"])])]),
        [("invoice", "payment", "||", "..", "o{", "inv_year, inv_number")],
    )
    cases["composite FK, one column nullable"] = (
        Schema(tables=[parent("invoice", "year", "number"),
                       Table(name="payment", columns=[col("id", False), col("inv_year", False), col("inv_number")],
                             primary_key=PrimaryKey(columns=["id"]),
                             foreign_keys=[ForeignKey(columns=["inv_year", "inv_number"], ref_table="invoice",
                                                      ref_columns=["year", "number"])])]),
        [("invoice", "payment", "|o", "..", "o{", "inv_year, inv_number")],
    )
    cases["two FKs between the same pair"] = (
        Schema(tables=[Table(name="airport", columns=[col("code", False, DataType.char(3))], primary_key=PrimaryKey(columns=["code"])),
                       Table(name="flight", columns=[col("id", False), col("origin", False, DataType.char(3)),
                                                     col("destination", False, DataType.char(3))],
                             primary_key=PrimaryKey(columns=["id"]),
                             foreign_keys=[ForeignKey(columns=["origin"], ref_table="airport", ref_columns=["code"]),
                                           ForeignKey(columns=["destination"], ref_table="airport", ref_columns=["code"])])]),
        [("airport", "flight", "||", "..", "o{", "origin"), ("airport", "flight", "||", "..", "o{", "destination")],
    )
    cases["names with spaces and reserved words"] = (
        Schema(tables=[parent("end", "order id"),
                       Table(name="Order Line", columns=[col("line no", False), col("order id", False)],
                             primary_key=PrimaryKey(columns=["order id", "line no"]),
                             foreign_keys=[ForeignKey(columns=["order id"], ref_table="end", ref_columns=["order id"])])]),
        [("end", "Order Line", "||", "--", "o{", "order id")],
    )
    return cases


CASES = _cases()

# How Mermaid's parser names each end (its own enum values).
PARSED_END = {"||": "ONLY_ONE", "|o": "ZERO_OR_ONE", "o|": "ZERO_OR_ONE", "o{": "ZERO_OR_MORE"}
PARSED_LINE = {"--": "IDENTIFYING", "..": "NON_IDENTIFYING"}


@pytest.mark.parametrize("case", list(CASES))
def test_cardinality_and_identifying_follow_the_foreign_key(case):
    schema, expected = CASES[case]
    ids = entity_ids(schema)
    text = render_mermaid(schema)
    rel_lines = [line.strip() for line in text.splitlines() if ":" in line and ("--" in line or ".." in line)]
    want = [f'{ids[p]} {pe}{ln}{ce} {ids[c]} : "{label}"' for p, c, pe, ln, ce, label in expected]
    assert rel_lines == want


def test_every_case_parses_in_mermaid_11_with_the_intended_cardinality():
    names = list(CASES)
    results = parse_diagrams("mermaid", [render_mermaid(CASES[n][0]) for n in names])
    for name, result in zip(names, results):
        schema, expected = CASES[name]
        assert result["ok"], f"{name}: {result.get('error')}"
        ids = entity_ids(schema)
        got = [(r["from"], r["to"], r["left"], r["type"], r["right"], r["label"]) for r in result["relationships"]]
        assert got == [(ids[p], ids[c], PARSED_END[pe], PARSED_LINE[ln], PARSED_END[ce], label)
                       for p, c, pe, ln, ce, label in expected], name
        # Every table is an entity, shown under its real name.
        shown = {eid: (e["alias"] or eid) for eid, e in result["entities"].items()}
        assert sorted(shown.values()) == sorted(t.name for t in schema.tables)


def test_key_markers_pk_fk_uk_as_mermaid_reads_them():
    schema, _ = CASES["FK that is the whole PK: identifying 1:1"]
    schema = schema.model_copy(deep=True)
    profile = schema.table("profile")
    profile.columns.append(col("handle", False, DataType.varchar(40)))
    profile.unique_constraints.append(UniqueConstraint(columns=["handle"]))
    text = render_mermaid(schema)
    assert "    integer customer_id PK, FK\n" in text
    assert "    varchar_40 handle UK\n" in text
    [result] = parse_diagrams("mermaid", [text])
    attrs = {a["name"]: a for a in result["entities"]["profile"]["attributes"]}
    assert attrs["customer_id"]["keys"] == ["PK", "FK"]
    assert attrs["handle"]["keys"] == ["UK"]
    assert attrs["bio"]["keys"] == []
    assert [a["keys"] for a in result["entities"]["customer"]["attributes"]] == [["PK"]]


@pytest.mark.parametrize(
    "type_, word",
    [
        (DataType.decimal(10, 2), "decimal_10_2"),
        (DataType.varchar(80), "varchar_80"),
        (DataType.char(3), "char_3"),
        (DataType.float(53), "float_53"),
        (DataType.timestamp(timezone=True), "timestamptz"),
        (DataType.enum("new", "paid, shipped"), "enum"),
        (DataType.uuid(), "uuid"),
    ],
)
def test_types_become_single_mermaid_words(type_, word):
    assert type_word(type_) == word


def test_odd_names_are_sanitized_yet_recognizable():
    odd_tables = ["Order Line", "end", "one", "1st place", "Größe", 'say "hi"', "a<b>&c", "100% #1", "order-line", "Order_Line"]
    odd_columns = ["Flight Number", "1st", "end", "a,b", 'q"uote', "Größe", "x\ny", "emoji 🎉", "%%", "-dash", "pk", "Fk", "~a~b~"]
    tables = [
        Table(name=t, columns=[Column(name=c, type=DataType.decimal(10, 2), comment=f"about {c}") for c in odd_columns])
        for t in odd_tables
    ]
    tables[1].foreign_keys.append(ForeignKey(columns=["a,b"], ref_table="Order Line", ref_columns=["a,b"]))
    schema = Schema(tables=tables)
    ids = entity_ids(schema)
    assert len({i.lower() for i in ids.values()}) == len(odd_tables)  # Order Line and Order_Line do not collide
    assert ids["Order_Line"] != ids["Order Line"]
    [result] = parse_diagrams("mermaid", [render_mermaid(schema)])
    assert result["ok"], result.get("error")
    assert {ids[t]: t for t in odd_tables} == {eid: e["alias"] or eid for eid, e in result["entities"].items()}
    attrs = result["entities"][ids["Größe"]]["attributes"]
    assert [a["name"] for a in attrs] == [attribute_name(c) for c in odd_columns]
    # A renamed attribute carries its real name in the comment, then the column's own comment.
    assert attrs[0]["comment"] == "Flight Number: about Flight Number"
    assert attrs[5]["name"] == "Größe" and attrs[5]["comment"] == "about Größe"
    assert attrs[4]["comment"] == 'q"uote: about q"uote'
    assert result["relationships"] == [
        {"from": ids["Order Line"], "to": ids["end"], "label": "a,b", "left": "ZERO_OR_ONE",
         "right": "ZERO_OR_MORE", "type": "NON_IDENTIFYING"}
    ]


def test_output_is_deterministic_and_follows_model_order():
    schema, _ = CASES["junction table: identifying, many"]
    first = render_mermaid(schema)
    assert first == render_mermaid(schema.model_copy(deep=True))
    heads = [line.split()[0] for line in first.splitlines() if line.endswith("{") and not line.startswith("erDiagram")]
    assert heads == ["student", "course", "enrollment"]


def test_a_foreign_key_to_a_missing_table_is_a_model_error():
    schema = Schema(tables=[Table(name="orders", columns=[col("customer_id")],
                                  foreign_keys=[ForeignKey(columns=["customer_id"], ref_table="customer", ref_columns=["id"])])])
    with pytest.raises(ModelError) as err:
        render_mermaid(schema)
    assert "customer" in err.value.message and err.value.where == "orders"
