"""`schema-architect lint`: sources (DDL file, schema JSON, database URL), formats, config, exit codes,
and the pinned, explained result on the Chinook schema."""

from __future__ import annotations

import json

import pytest

from conftest import CHINOOK
from lint_schemas import S, T
from schema_architect.advise.lint import Severity, lint_source, load_config

CHINOOK_PG = CHINOOK / "Chinook_PostgreSql.sql"

# What the default rules find in Chinook, and why each finding is right:
CHINOOK_EXPECTED = {
    # playlist_track's own index on (playlist_id) repeats the leading column of its primary key
    # (playlist_id, track_id): the only structural redundancy in the schema.
    ("SA402", "playlist_track", None),
    # Chinook stores timestamps without zone: birth/hire dates and invoice dates are ambiguous.
    ("SA304", "employee", "birth_date"), ("SA304", "employee", "hire_date"), ("SA304", "invoice", "invoice_date"),
    # Addresses repeat city/state per row although (country, postal code) determines them: a textbook
    # transitive dependency, reported as info with the normalization engine's 3NF decomposition.
    ("SA507", "customer", "country"), ("SA507", "employee", "country"), ("SA507", "invoice", "billing_country"),
    # Personal data inventory (GDPR): contact, identity and location columns of people.
    *[("SA601", t, c) for t in ("customer", "employee") for c in ("email", "fax", "phone")],
    *[("SA602", t, c) for t in ("customer", "employee") for c in ("first_name", "last_name")],
    ("SA602", "employee", "birth_date"),
    *[("SA603", t, c) for t in ("customer", "employee") for c in ("address", "postal_code")],
    ("SA603", "invoice", "billing_address"), ("SA603", "invoice", "billing_postal_code"),
}
# And what it does NOT find, on purpose: every table has a primary key, every *_id column has a foreign key
# with a supporting index, money is NUMERIC(10,2), and employee.reports_to -> employee is a self-reference,
# not a cycle.


@pytest.fixture(scope="module")
def chinook_report():
    return lint_source(str(CHINOOK_PG))


def test_chinook_result_is_pinned(chinook_report):
    got = {(f.rule_id, f.table, f.column) for f in chinook_report.findings}
    assert got == CHINOOK_EXPECTED
    assert chinook_report.count(Severity.ERROR) == 0


def test_chinook_findings_carry_ddl_line_numbers(chinook_report):
    lines = CHINOOK_PG.read_text(encoding="utf-8").splitlines()
    for f in chinook_report.findings:
        assert f.line, f
        text = lines[f.line - 1]
        assert (f.index or f.column or f.table) in text, (f, text)
    (redundant,) = [f for f in chinook_report.findings if f.rule_id == "SA402"]
    assert lines[redundant.line - 1].startswith("CREATE INDEX playlist_track_playlist_id_idx")


def test_chinook_sarif_via_cli(run_cli, tmp_path):
    out = tmp_path / "lint.sarif"
    r = run_cli("lint", str(CHINOOK_PG), "--format", "sarif", "-o", str(out), "--fail-on", "warning")
    assert r.exit_code == 1, r.output  # one warning (SA402) at the --fail-on level
    log = json.loads(out.read_text())
    assert log["version"] == "2.1.0" and log["$schema"].endswith("sarif-2.1.0.json")
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    ids = [r["id"] for r in rules]
    assert len(ids) == len(set(ids)) >= 25
    assert all(r["shortDescription"]["text"] and r["fullDescription"]["text"] for r in rules)
    assert len(run["results"]) == len(CHINOOK_EXPECTED)
    for res in run["results"]:
        assert rules[res["ruleIndex"]]["id"] == res["ruleId"]
        assert res["level"] in ("error", "warning", "note") and res["message"]["text"]
        loc = res["locations"][0]
        assert loc["logicalLocations"][0]["fullyQualifiedName"]
        assert loc["physicalLocation"]["artifactLocation"]["uri"].endswith("Chinook_PostgreSql.sql")
        assert loc["physicalLocation"]["region"]["startLine"] >= 1
    assert {r["level"] for r in run["results"]} == {"warning", "note"}


@pytest.fixture
def small_ddl(tmp_path):
    p = tmp_path / "shop.sql"
    p.write_text(
        "CREATE TABLE customer (\n"
        "  customer_id INT PRIMARY KEY,\n"
        "  name VARCHAR(80) NOT NULL\n"
        ");\n"
        "CREATE TABLE sale (\n"
        "  sale_id INT PRIMARY KEY,\n"
        "  customer_id INT NOT NULL REFERENCES customer (customer_id),\n"
        "  price FLOAT NOT NULL\n"
        ");\n",
        encoding="utf-8",
    )
    return p


def test_fail_on_levels(run_cli, small_ddl):
    # price FLOAT -> SA301 error; sale.customer_id has no index -> SA203 warning.
    assert run_cli("lint", str(small_ddl)).exit_code == 1  # default --fail-on error
    assert run_cli("lint", str(small_ddl), "--fail-on", "never").exit_code == 0
    assert run_cli("lint", str(small_ddl), "--rules", "SA203", "--fail-on", "error").exit_code == 0
    assert run_cli("lint", str(small_ddl), "--rules", "SA203", "--fail-on", "warning").exit_code == 1


def test_text_output_names_rule_location_and_fix(run_cli, small_ddl):
    r = run_cli("lint", str(small_ddl), "--fail-on", "never")
    assert r.exit_code == 0
    out = " ".join(r.stdout.split())
    assert "SA301" in r.stdout and "SA203" in r.stdout and "line 8" in out
    assert "finding(s)" in r.output


def test_json_output(run_cli, small_ddl):
    r = run_cli("lint", str(small_ddl), "-f", "json", "--fail-on", "never")
    data = json.loads(r.stdout)
    by_rule = {f["rule"]: f for f in data["findings"]}
    assert by_rule["SA301"]["column"] == "price" and by_rule["SA301"]["line"] == 8
    assert by_rule["SA301"]["fix_sql"].startswith("ALTER TABLE sale ALTER COLUMN price TYPE NUMERIC(12, 2)")
    assert by_rule["SA203"]["fix_sql"] == "CREATE INDEX ix_sale_customer_id ON sale (customer_id);"
    assert data["summary"]["error"] >= 1


def test_yaml_config_file(run_cli, small_ddl, tmp_path):
    cfg = tmp_path / ".schema-architect-lint.yaml"
    cfg.write_text("naming:\n  case: snake_case\nrules:\n  SA301: off\n  SA203: error\n"
                   "  SA501: {enabled: true, columns: [created_at]}\n", encoding="utf-8")
    r = run_cli("lint", str(small_ddl), "-f", "json", "-c", str(cfg), "--fail-on", "never")
    data = json.loads(r.stdout)
    rules = {f["rule"] for f in data["findings"]}
    assert "SA301" not in rules and "SA501" in rules
    assert {f["severity"] for f in data["findings"] if f["rule"] == "SA203"} == {"error"}
    assert all("created_at" in f["message"] for f in data["findings"] if f["rule"] == "SA501")


def test_config_found_in_working_directory(tmp_path, monkeypatch):
    (tmp_path / ".schema-architect-lint.toml").write_text('dialect = "mysql"\n[rules]\nSA502 = {max_columns = 5}\n')
    monkeypatch.chdir(tmp_path)
    cfg = load_config()
    assert cfg.dialect == "mysql"
    assert cfg.rules["SA502"] == {"max_columns": 5}


@pytest.mark.parametrize("text,needle", [
    ("rules:\n  SA999: off\n", "unknown rule"),
    ("rules:\n  SA502: {max_cols: 3}\n", "unknown option"),
    ("naming:\n  case: kebab\n", "kebab"),
    ("rules: [1, 2\n", "cannot read lint config"),
])
def test_bad_config_is_one_line_error(run_cli, small_ddl, tmp_path, text, needle):
    cfg = tmp_path / "bad.yaml"
    cfg.write_text(text, encoding="utf-8")
    r = run_cli("lint", str(small_ddl), "-c", str(cfg))
    assert r.exit_code == 2 and needle in r.stderr and "Traceback" not in r.output


def test_schema_json_source(run_cli, tmp_path):
    p = tmp_path / "s.json"
    p.write_text(S(T("log", "id int", "msg text")).to_json(), encoding="utf-8")
    r = run_cli("lint", str(p), "-f", "json", "--fail-on", "never")
    assert {f["rule"] for f in json.loads(r.stdout)["findings"]} >= {"SA201"}


def test_missing_source_file(run_cli, tmp_path):
    r = run_cli("lint", str(tmp_path / "nope.sql"))
    assert r.exit_code == 2 and "not found" in r.stderr


def test_unknown_rule_id(run_cli, small_ddl):
    r = run_cli("lint", str(small_ddl), "--rules", "SA000")
    assert r.exit_code == 2 and "SA000" in r.stderr


def test_list_rules(run_cli):
    r = run_cli("lint", "--list-rules")
    assert r.exit_code == 0 and "SA101" in r.stdout and "SA703" in r.stdout


@pytest.mark.postgres
def test_database_url_source(run_cli, pg_url):
    import psycopg

    dsn = pg_url.replace("postgresql+psycopg", "postgresql")
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute("CREATE TABLE author (author_id int PRIMARY KEY, name text)")
        conn.execute("CREATE TABLE book (book_id int PRIMARY KEY, author_id int REFERENCES author, price real)")
    r = run_cli("lint", pg_url, "-f", "json", "--fail-on", "error")
    assert r.exit_code == 1
    found = {(f["rule"], f["table"]) for f in json.loads(r.stdout)["findings"]}
    # PostgreSQL does not index foreign keys by itself; REAL money is an error.
    assert ("SA203", "book") in found and ("SA301", "book") in found


def test_chinook_mysql_is_clean_under_its_own_pascal_case_convention(run_cli, tmp_path):
    """Chinook's MySQL script names things Album/AlbumId: wrong for snake_case, right for PascalCase."""
    src = str(CHINOOK / "Chinook_MySql.sql")
    snake = lint_source(src, dialect="mysql")
    assert {f.rule_id for f in snake.findings} >= {"SA101", "SA102"}
    cfg = tmp_path / "pascal.yaml"
    cfg.write_text("dialect: mysql\nnaming: {case: PascalCase, tables: singular}\n", encoding="utf-8")
    pascal = lint_source(src, load_config(cfg), dialect="mysql")
    assert not {f.rule_id for f in pascal.findings} & {"SA101", "SA102", "SA103", "SA701", "SA702", "SA703"}
    assert {(f.rule_id, f.table) for f in pascal.findings if f.rule_id == "SA402"} == {("SA402", "PlaylistTrack")}
