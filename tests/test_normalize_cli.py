"""The ``schema-architect normalize`` verb, run in process the way a user runs it."""

from __future__ import annotations

import json

import sqlalchemy as sa

from schema_architect.model import Column, DataType, PrimaryKey, Schema, Table


def test_relation_json_has_the_documented_fields(run_cli):
    r = run_cli("normalize", "--relation", "R(A,B,C,D)", "--fd", "A->B", "--fd", "B,C->D", "--format", "json")
    assert r.exit_code == 0, r.stderr
    data = json.loads(r.stdout)
    for field in ("candidate_keys", "normal_form", "violations", "minimal_cover", "decomposition_3nf",
                  "decomposition_bcnf", "lossless", "dependency_preserving"):
        assert field in data
    assert data["candidate_keys"] == [["A", "C"]]
    assert data["normal_form"] == "1NF"
    assert [(v["form"], v["fd"]["text"]) for v in data["violations"]] == [("2NF", "A -> B"), ("3NF", "B, C -> D")]
    assert data["minimal_cover"] == ["A -> B", "B, C -> D"]
    rels = {tuple(x["attributes"]): (x["key"], x["fds"]) for x in data["decomposition_3nf"]["relations"]}
    assert rels == {("A", "B"): (["A"], ["A -> B"]), ("B", "C", "D"): (["B", "C"], ["B, C -> D"]),
                    ("A", "C"): (["A", "C"], [])}
    bcnf = {tuple(x["attributes"]) for x in data["decomposition_bcnf"]["relations"]}
    assert bcnf == {("A", "B"), ("A", "C", "D")}
    assert data["lossless"] == {"3nf": True, "bcnf": True}
    assert data["dependency_preserving"] == {"3nf": True, "bcnf": False}
    assert data["decomposition_bcnf"]["not_preserved"] == ["B, C -> D"]


def test_names_with_spaces_and_the_unicode_arrow(run_cli):
    r = run_cli("normalize", "--relation", "Loan(loan number, branch name, amount, customer name)",
                "--fd", "loan number → amount, branch name", "--format", "json")
    assert r.exit_code == 0, r.stderr
    data = json.loads(r.stdout)
    assert data["candidate_keys"] == [["loan number", "customer name"]]
    names = {x["name"] for x in data["decomposition_3nf"]["relations"]}
    # "loan number" gives "loan", which clashes (SQL names ignore case) with "Loan", kept by the key fragment.
    assert names == {"loan_2", "Loan"}


def test_text_output_shows_closure_traces(run_cli):
    r = run_cli("normalize", "--relation", "customer(id, zip, city)", "--fd", "id -> zip; zip -> city")
    assert r.exit_code == 0, r.stderr
    out = r.stdout
    assert "Candidate keys (1)" in out
    assert "id -> zip  adds zip" in out and "zip -> city  adds city" in out
    assert "{id}+ = {id, zip, city}" in out
    assert "Normal form: 2NF" in out
    assert "3NF synthesis" in out and "BCNF decomposition" in out
    assert "lossless join (chase): yes" in out


def test_declared_key_is_accepted_when_the_fds_agree(run_cli):
    r = run_cli("normalize", "--relation", "R(A,B,C)", "--fd", "A->B,C", "--key", "A", "--format", "json")
    assert r.exit_code == 0, r.stderr
    assert json.loads(r.stdout)["normal_form"] == "BCNF"


def _schema_file(tmp_path):
    schema = Schema(tables=[Table(name="order_line", columns=[
        Column(name="order_id", type=DataType.integer(), nullable=False),
        Column(name="product_id", type=DataType.integer(), nullable=False),
        Column(name="product_name", type=DataType.varchar(100)),
        Column(name="unit_price", type=DataType.decimal(10, 2)),
        Column(name="quantity", type=DataType.integer()),
        Column(name="tags", type=DataType.text()),
    ], primary_key=PrimaryKey(columns=["order_id", "product_id"]))])
    path = tmp_path / "shop.json"
    path.write_text(schema.to_json())
    return path


def test_schema_table_json(run_cli, tmp_path):
    r = run_cli("normalize", str(_schema_file(tmp_path)), "--table", "order_line",
                "--fd", "product_id -> product_name, unit_price", "--format", "json")
    assert r.exit_code == 0, r.stderr
    data = json.loads(r.stdout)
    tables = {t["name"]: t for t in data["tables"]}
    assert set(tables) == {"order_line", "product", "order_line_tags"}
    assert tables["product"]["primary_key"]["columns"] == ["product_id"]
    assert tables["order_line"]["foreign_keys"][0]["ref_table"] == "product"
    assert data["first_nf"][0]["kind"] == "list-valued"
    assert data["analysis"]["normal_form"] == "1NF"
    assert any("partial dependency" in v["kind"] for v in data["analysis"]["violations"])
    assert data["rationale"]


def test_schema_table_text_and_ddl(run_cli, tmp_path, sqlite_url):
    path = _schema_file(tmp_path)
    r = run_cli("normalize", str(path), "--fd", "product_id -> product_name, unit_price")
    assert r.exit_code == 0, r.stderr
    assert "Tables (3NF)" in r.stdout and "Rationale" in r.stdout and "product_id -> product_name" in r.stdout
    r = run_cli("normalize", str(path), "--fd", "product_id -> product_name, unit_price", "--format", "ddl",
                "--dialect", "sqlite", "-o", str(tmp_path / "out.sql"))
    assert r.exit_code == 0, r.stderr
    ddl = (tmp_path / "out.sql").read_text()
    assert "CREATE TABLE product" in ddl
    # The DDL really runs.
    engine = sa.create_engine(sqlite_url)
    with engine.begin() as conn:
        for statement in ddl.split(";"):
            if statement.strip():
                conn.exec_driver_sql(statement)
    assert set(sa.inspect(engine).get_table_names()) == {"order_line", "product", "order_line_tags"}
    engine.dispose()


def test_schema_from_a_ddl_file(run_cli, tmp_path):
    ddl = tmp_path / "customer.sql"
    ddl.write_text("CREATE TABLE customer (id INTEGER PRIMARY KEY, name VARCHAR(80), zip VARCHAR(10), city VARCHAR(80));")
    r = run_cli("normalize", str(ddl), "--fd", "zip -> city", "--format", "json")
    assert r.exit_code == 0, r.stderr
    assert {t["name"] for t in json.loads(r.stdout)["tables"]} == {"customer", "zip"}


def test_1nf_options_on_a_schema_table(run_cli, tmp_path):
    schema = Schema(tables=[Table(name="member", columns=[
        Column(name="member_id", type=DataType.integer(), nullable=False),
        Column(name="address", type=DataType.varchar(200)),
        Column(name="interests_csv", type=DataType.text()),
        Column(name="email1", type=DataType.varchar(80)), Column(name="email2", type=DataType.varchar(80)),
    ], primary_key=PrimaryKey(columns=["member_id"]))])
    path = tmp_path / "club.json"
    path.write_text(schema.to_json())
    r = run_cli("normalize", str(path), "--composite", "address=street, city, zip", "--composite-style", "table",
                "--list-valued", "interests_csv", "--format", "json")
    assert r.exit_code == 0, r.stderr
    data = json.loads(r.stdout)
    tables = {t["name"]: t for t in data["tables"]}
    assert set(tables) == {"member", "member_address", "member_interests_csv", "member_emails"}
    assert [c["name"] for c in tables["member"]["columns"]] == ["member_id"]
    assert [c["name"] for c in tables["member_address"]["columns"]] == ["member_id", "street", "city", "zip"]
    assert tables["member_emails"]["foreign_keys"][0]["ref_table"] == "member"
    assert {f["kind"] for f in data["first_nf"]} == {"composite", "list-valued", "repeating group"}
    r = run_cli("normalize", str(path), "--composite", "address=street,city,zip", "--format", "json")
    cols = [c["name"] for c in json.loads(r.stdout)["tables"][0]["columns"]]
    assert cols[:4] == ["member_id", "address_street", "address_city", "address_zip"]
