"""The evolution verbs from the command line, and bad input: clear errors, nothing applied."""

from __future__ import annotations

import json

import pytest

from schema_architect.evolve.db import Connection
from schema_architect.evolve.diff import diff_schemas
from schema_architect.evolve.execute import live_schema

SHOP = """
CREATE TABLE customer (
    id INTEGER NOT NULL PRIMARY KEY,
    name VARCHAR(80) NOT NULL,
    phone VARCHAR(24),
    fax VARCHAR(24)
);
CREATE TABLE orders (
    id INTEGER NOT NULL PRIMARY KEY,
    customer_id INTEGER NOT NULL,
    total NUMERIC(10, 2)
);
"""
SHOP_V2 = """
CREATE TABLE customer (
    id INTEGER NOT NULL PRIMARY KEY,
    name VARCHAR(80) NOT NULL,
    phone_number VARCHAR(24),
    email VARCHAR(120) DEFAULT '' NOT NULL
);
CREATE TABLE orders (
    id INTEGER NOT NULL PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customer (id),
    total NUMERIC(12, 2)
);
CREATE INDEX ix_orders_customer ON orders (customer_id);
"""
ROWS = ["INSERT INTO customer VALUES (1, 'Ada', '555-1', '555-9')", "INSERT INTO customer VALUES (2, 'Bo', NULL, NULL)",
        "INSERT INTO orders VALUES (1, 1, 9.50)", "INSERT INTO orders VALUES (2, 2, 20.00)"]


@pytest.fixture
def files(tmp_path):
    v1, v2 = tmp_path / "v1.sql", tmp_path / "v2.sql"
    v1.write_text(SHOP)
    v2.write_text(SHOP_V2)
    return v1, v2


def _make_db(url: str, ddl: str = SHOP, rows=ROWS) -> None:
    with Connection(url) as conn:
        conn.begin()
        for statement in [s for s in ddl.split(";") if s.strip()] + list(rows):
            conn.execute(statement)
        conn.commit()


def _tables(url: str) -> list[str]:
    with Connection(url) as conn:
        return sorted(r[0] for r in conn.query("SELECT name FROM sqlite_master WHERE type = 'table'"))


def test_diff_lists_changes_and_detected_renames(files, run_cli):
    res = run_cli("diff", *files, "--dialect", "sqlite")
    assert res.exit_code == 0, res.output
    out = res.stdout
    assert "rename column customer.phone to phone_number" in out
    assert "add column customer.email" in out and "drop column customer.fax" in out
    assert "add foreign key orders(customer_id) -> customer(id)" in out
    res = run_cli("diff", *files, "--dialect", "sqlite", "--format", "json")
    ops = [o["op"] for o in json.loads(res.stdout)["operations"]]
    assert ops[0] == "rename_column" and "add_index" in ops


def test_identical_schemas_give_an_empty_plan_said_so(files, run_cli, tmp_path, sqlite_url):
    v1, _ = files
    assert "no differences" in run_cli("diff", v1, v1, "--dialect", "sqlite").stdout
    plan = tmp_path / "empty.json"
    res = run_cli("migrate", "plan", v1, v1, "--dialect", "sqlite", "-o", plan)
    assert res.exit_code == 0 and "the plan is empty" in res.stderr
    assert json.loads(plan.read_text())["phases"] == []
    _make_db(sqlite_url)
    res = run_cli("migrate", "apply", plan, "--db", sqlite_url, "--yes")
    assert res.exit_code == 0 and "nothing to do: the plan is empty" in res.stdout
    assert not any(t.startswith("schema_architect_") for t in _tables(sqlite_url))


def test_full_cycle_plan_impact_apply_status_rollback(files, run_cli, tmp_path, sqlite_url):
    v1, v2 = files
    _make_db(sqlite_url)
    plan, sql_dir, alembic = tmp_path / "p.json", tmp_path / "sql", tmp_path / "rev.py"
    res = run_cli("migrate", "plan", sqlite_url, v2, "--dialect", "sqlite", "-o", plan, "--sql-dir", sql_dir,
                  "--alembic", alembic)
    assert res.exit_code == 0, res.output
    ups = list(sql_dir.glob("*.up.sql"))
    assert len(ups) == 1 and "PRAGMA foreign_keys=OFF" in ups[0].read_text()
    assert "def upgrade():" in alembic.read_text()

    impact = run_cli("migrate", "impact", plan, "--db", sqlite_url)
    assert impact.exit_code == 1 and "drop column customer.fax" in impact.stdout
    assert "error" in impact.stdout and "--allow-destructive" in impact.stdout
    assert run_cli("migrate", "impact", plan, "--db", sqlite_url, "--allow-destructive").exit_code == 0

    refused = run_cli("migrate", "apply", plan, "--db", sqlite_url, "--yes")
    assert refused.exit_code == 2 and "loses data" in refused.stderr
    declined = run_cli("migrate", "apply", plan, "--db", sqlite_url, "--allow-destructive", input="n\n")
    assert declined.exit_code != 0 and "cancelled" in declined.output
    assert not any(t.startswith("schema_architect_") for t in _tables(sqlite_url))

    audit = tmp_path / "audit.jsonl"
    res = run_cli("migrate", "apply", plan, "--db", sqlite_url, "--yes", "--allow-destructive", "--audit-log", audit)
    assert res.exit_code == 0, res.output
    assert "applied migration" in res.stdout
    from schema_architect.sources import load_schema

    assert diff_schemas(live_schema(sqlite_url), load_schema(str(v2), dialect="sqlite")).is_empty
    again = run_cli("migrate", "apply", plan, "--db", sqlite_url, "--yes", "--allow-destructive")
    assert "already applied" in again.stdout
    assert "applied" in run_cli("migrate", "status", "--db", sqlite_url).stdout

    res = run_cli("migrate", "rollback", "--db", sqlite_url, "--yes", "--audit-log", audit)
    assert res.exit_code == 0, res.output
    assert diff_schemas(live_schema(sqlite_url), load_schema(str(v1), dialect="sqlite")).is_empty
    with Connection(sqlite_url) as conn:
        assert conn.query("SELECT id, name, phone, fax FROM customer ORDER BY id") == [
            (1, "Ada", "555-1", "555-9"), (2, "Bo", None, None)]
    actions = [(e["action"], e["status"]) for e in map(json.loads, audit.read_text().splitlines())]
    assert actions[0] == ("apply", "started") and ("apply", "applied") in actions
    assert actions[-1] == ("rollback", "rolled_back")


def test_drifted_database_is_refused_with_the_drift_shown(files, run_cli, tmp_path, sqlite_url):
    v1, v2 = files
    plan = tmp_path / "p.json"
    assert run_cli("migrate", "plan", v1, v2, "--dialect", "sqlite", "-o", plan).exit_code == 0
    _make_db(sqlite_url)
    with Connection(sqlite_url) as conn:  # someone changed the database after the plan was made
        conn.execute("ALTER TABLE customer ADD COLUMN birthday DATE")
    before = live_schema(sqlite_url)
    res = run_cli("migrate", "apply", plan, "--db", sqlite_url, "--yes", "--allow-destructive")
    assert res.exit_code == 3
    assert "drifted" in res.stderr and "birthday" in res.stderr
    assert diff_schemas(live_schema(sqlite_url), before).is_empty
    assert not any(t.startswith("schema_architect_") for t in _tables(sqlite_url))


@pytest.mark.parametrize("args", [
    ("migrate", "apply", "{plan}", "--db", "postgresql://postgres@127.0.0.1:1/nowhere", "--yes"),
    ("migrate", "status", "--db", "mysql://root@127.0.0.1:1/nowhere"),
    ("migrate", "rollback", "--db", "postgresql://postgres@127.0.0.1:1/nowhere", "--yes"),
    ("migrate", "impact", "{plan}", "--db", "postgresql://postgres@127.0.0.1:1/nowhere"),
])
def test_unreachable_database_is_one_clear_line(files, run_cli, tmp_path, args):
    v1, v2 = files
    plan = tmp_path / "p.json"
    run_cli("migrate", "plan", v1, v2, "--dialect", "postgresql", "-o", plan)
    res = run_cli(*[a.format(plan=plan) for a in args])
    assert res.exit_code == 3, res.output
    assert "cannot connect" in res.stderr and "connection refused" in res.stderr
    assert "Traceback" not in res.output


@pytest.mark.parametrize("edit, message", [
    (lambda text: text[: len(text) // 2], "not valid JSON"),
    (lambda text: text.replace('"format": "schema-architect/migration-plan"', '"format": "other"'),
     "not a migration plan"),
    (lambda text: text.replace("ALTER TABLE", "ALTER  TABLE", 1), "edited after it was made"),
    (lambda text: text.replace('"phases": [', '"phases": [{"bogus": 1},', 1), "invalid plan at phases"),
])
def test_hand_edited_plan_is_refused_and_nothing_applied(files, run_cli, tmp_path, sqlite_url, edit, message):
    v1, v2 = files
    plan = tmp_path / "p.json"
    run_cli("migrate", "plan", v1, v2, "--dialect", "sqlite", "-o", plan)
    plan.write_text(edit(plan.read_text()))
    _make_db(sqlite_url)
    before = live_schema(sqlite_url)
    res = run_cli("migrate", "apply", plan, "--db", sqlite_url, "--yes", "--allow-destructive")
    assert res.exit_code == 2, res.output
    assert message in res.stderr and "Traceback" not in res.output
    assert diff_schemas(live_schema(sqlite_url), before).is_empty
    assert not any(t.startswith("schema_architect_") for t in _tables(sqlite_url))


def test_rollback_with_nothing_applied_says_so(run_cli, sqlite_url):
    _make_db(sqlite_url)
    res = run_cli("migrate", "rollback", "--db", sqlite_url, "--yes")
    assert res.exit_code == 2 and "no migration to roll back" in res.stderr


def test_bad_rename_option_is_an_input_error(files, run_cli):
    res = run_cli("diff", *files, "--dialect", "sqlite", "--rename", "customer.nosuch:x")
    assert res.exit_code == 2 and "has no column customer.nosuch" in res.stderr
