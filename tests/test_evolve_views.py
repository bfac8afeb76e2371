"""Views in migrations: compared in canonical form (a database's read-back equals the DDL), created,
dropped and replaced per dialect, and dropped and recreated around changes that would break them;
on real PostgreSQL, MariaDB and SQLite databases."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from evolve_strategies import edited, schemas
from schema_architect.errors import InputError
from schema_architect.evolve.db import Connection
from schema_architect.evolve.diff import diff_schemas, fingerprint
from schema_architect.evolve.execute import apply_plan, live_schema, rollback_last
from schema_architect.evolve.impact import analyse_impact
from schema_architect.evolve.operations import apply_operations
from schema_architect.evolve.plan import plan_migration
from schema_architect.model import Schema, View
from schema_architect.sql.apply import apply_schema
from schema_architect.sql.parse import parse_ddl

TABLES = """
CREATE TABLE customers (id INTEGER PRIMARY KEY, name VARCHAR(50) NOT NULL, city VARCHAR(40));
CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id INTEGER REFERENCES customers (id),
                     total DECIMAL(10, 2), status VARCHAR(20), created DATE);
"""
# shapes a server rewrites when it stores them: qualified names, casts, IN as ANY, BETWEEN, joins in
# parentheses, count(*) as count(0), a column list, NULLS LAST, CASE, a view reading a view
VIEWS = """
CREATE VIEW big_orders AS SELECT id, total FROM orders WHERE total > 100;
CREATE VIEW order_customers AS SELECT o.id, c.name AS customer, o.total FROM orders o
    JOIN customers c ON c.id = o.customer_id WHERE o.status IN ('paid', 'sent') AND c.city IS NOT NULL;
CREATE VIEW spenders AS SELECT customer_id, COUNT(*) AS n, SUM(total) AS spent FROM orders
    GROUP BY customer_id HAVING COUNT(*) > 1;
CREATE VIEW doubled (oid, amount) AS SELECT id, total * 2 FROM orders
    WHERE created >= '2024-01-01' AND status LIKE 'p%';
CREATE VIEW mid_orders AS SELECT id FROM big_orders WHERE total BETWEEN 1 AND 5000 ORDER BY id;
CREATE VIEW sizes AS SELECT id, CASE WHEN total > 10 THEN 'big' ELSE 'small' END AS size,
    COALESCE(status, 'none') AS st, UPPER(status) AS up FROM orders;
CREATE VIEW every_order AS SELECT * FROM orders;
CREATE VIEW all_ids AS SELECT id FROM orders UNION SELECT id FROM customers;
CREATE VIEW buyers AS SELECT id, name FROM customers WHERE id IN (SELECT customer_id FROM orders WHERE total > 5);
CREATE VIEW ranked AS SELECT id, ROW_NUMBER() OVER (PARTITION BY customer_id ORDER BY total DESC) AS rn FROM orders;
CREATE VIEW statuses AS SELECT DISTINCT status FROM orders;
CREATE VIEW top5 AS SELECT id FROM orders ORDER BY total DESC LIMIT 5;
CREATE VIEW with_orders AS SELECT c.name, o.id AS order_id FROM customers c LEFT JOIN orders o ON o.customer_id = c.id;
CREATE VIEW counts AS SELECT c.id, (SELECT COUNT(*) FROM orders o WHERE o.customer_id = c.id) AS n FROM customers c;
CREATE VIEW others AS SELECT id FROM orders WHERE total <> -1 AND status NOT IN ('x', 'y') AND NOT (status LIKE 'z%');
CREATE VIEW sums AS SELECT id, (total + 1) * 2 AS t2, total / 3 AS t3, -total AS neg FROM orders;
CREATE VIEW active AS SELECT id FROM customers c WHERE EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = c.id);
CREATE VIEW big_ids AS WITH big AS (SELECT id, total FROM orders WHERE total > 10) SELECT id FROM big;
CREATE VIEW labels AS SELECT LOWER(name) AS lname, LENGTH(name) AS len, name || ' ' || COALESCE(city, '') AS label
    FROM customers;
"""
ROWS = ["INSERT INTO customers VALUES (1, 'Ada', 'Oslo')", "INSERT INTO customers VALUES (2, 'Bo', NULL)",
        "INSERT INTO orders VALUES (1, 1, 150.00, 'paid', '2024-02-01')",
        "INSERT INTO orders VALUES (2, 1, 20.00, 'sent', '2024-03-01')",
        "INSERT INTO orders VALUES (3, 2, 300.00, 'paid', '2023-01-01')"]


def model(ddl: str) -> Schema:
    return parse_ddl(ddl, dialect="postgresql")


def build(url: str, schema: Schema, rows=ROWS) -> None:
    apply_schema(url, schema)
    with Connection(url) as conn:
        conn.begin()
        for r in rows:
            conn.execute(r)
        conn.commit()


def query(url: str, sql: str) -> list[tuple]:
    with Connection(url) as conn:
        return [tuple(r) for r in conn.query(sql)]


def view_ops(diff) -> list[str]:
    return [op.describe() for op in diff.operations if "view" in op.op]


def run_db(request, dialect: str) -> str:
    return request.getfixturevalue({"postgresql": "pg_url", "mysql": "mysql_url", "sqlite": "sqlite_url"}[dialect])


# -- no churn: the server's text of an unchanged view equals the DDL's ---------------------------------
@pytest.mark.parametrize("dialect", ["postgresql", "mysql", "sqlite"])
def test_unchanged_views_read_back_from_the_database_compare_equal(request, dialect):
    url = run_db(request, dialect)
    ddl = model(TABLES + VIEWS)
    build(url, ddl)
    live = live_schema(url)
    assert sorted(v.name for v in live.views) == sorted(v.name for v in ddl.views)
    assert view_ops(diff_schemas(ddl, live)) == []
    assert view_ops(diff_schemas(live, ddl)) == []
    assert plan_migration(live, ddl, dialect).is_empty
    assert fingerprint(live) == fingerprint(ddl)


def test_a_changed_view_is_still_seen_through_the_normalization(pg_url):
    ddl = model(TABLES + VIEWS)
    build(pg_url, ddl)
    changed = model(TABLES + VIEWS.replace("WHERE total > 100", "WHERE total > 101")
                    .replace("'paid', 'sent'", "'paid'").replace("ORDER BY id", "ORDER BY id DESC"))
    assert sorted(view_ops(diff_schemas(live_schema(pg_url), changed))) == [
        "replace view big_orders", "replace view mid_orders", "replace view order_customers"]


def test_the_normalization_keeps_what_changes_the_result():
    def key(definition: str) -> str:
        from schema_architect.evolve.views import ViewReader

        s = model(TABLES)
        s.views = [View(name="v", definition=definition)]
        return ViewReader(s).shape("v").key

    same = [("SELECT id FROM orders WHERE total > 1", "SELECT orders.id AS id FROM orders WHERE (orders.total > 1)")]
    differ = [("SELECT (total + 1) * 2 AS x FROM orders", "SELECT total + 1 * 2 AS x FROM orders"),
              ("SELECT id FROM orders WHERE status = 'Paid'", "SELECT id FROM orders WHERE status = 'paid'"),
              ("SELECT id FROM orders WHERE total > 1", "SELECT id FROM orders WHERE total >= 1"),
              ("SELECT id AS a FROM orders", "SELECT id AS b FROM orders"),
              ("SELECT id FROM orders ORDER BY id", "SELECT id FROM orders ORDER BY id DESC")]
    assert all(key(a) == key(b) for a, b in same)
    assert all(key(a) != key(b) for a, b in differ)


# -- the operations per dialect --------------------------------------------------------------------------
BASE = TABLES + "CREATE VIEW v_paid AS SELECT id, total FROM orders WHERE status = 'paid';\n"


def test_views_added_dropped_and_changed_give_create_drop_replace():
    a = model(BASE + "CREATE VIEW v_old AS SELECT id FROM customers;")
    b = model(BASE.replace("SELECT id, total", "SELECT id, total, status") + "CREATE VIEW v_new AS SELECT name FROM customers;")
    diff = diff_schemas(a, b)
    assert view_ops(diff) == ["drop view v_old", "replace view v_paid", "create view v_new"]
    assert diff.operations[0].op == "drop_view" and diff.operations[-1].op == "create_view"


def _phases(plan) -> list[tuple[str, list[str], list[str]]]:
    return [(p.name, p.up, p.down) for p in plan.phases]


def test_postgresql_replaces_in_place_only_when_columns_are_appended():
    a = model(BASE)
    appended = model(BASE.replace("SELECT id, total", "SELECT id, total, status"))
    (phase,) = plan_migration(a, appended, "postgresql").phases
    assert phase.name == "Replace view" and phase.up == [
        "CREATE OR REPLACE VIEW v_paid AS SELECT id, total, status FROM orders WHERE status = 'paid'"]
    assert phase.down[0] == "DROP VIEW v_paid"  # OR REPLACE cannot take the column away again
    for other in ("SELECT total, id", "SELECT id", "SELECT id, total * 2 AS total"):
        plan = plan_migration(a, model(BASE.replace("SELECT id, total", other)), "postgresql")
        assert [p.name for p in plan.phases] == ["Drop view to replace it", "Create replaced view"], other


def test_postgresql_drops_and_creates_a_view_that_other_views_read_even_when_columns_are_appended():
    reader = "CREATE VIEW v_reader AS SELECT id FROM v_paid;\n"
    a = model(BASE + reader)
    b = model(BASE.replace("SELECT id, total", "SELECT id, total, status") + reader)
    plan = plan_migration(a, b, "postgresql")
    assert [(p.name, p.up[0]) for p in plan.phases] == [
        ("Drop dependent view", "DROP VIEW v_reader"), ("Drop view to replace it", "DROP VIEW v_paid"),
        ("Create replaced view", "CREATE VIEW v_paid AS SELECT id, total, status FROM orders WHERE status = 'paid'"),
        ("Recreate dependent view", "CREATE VIEW v_reader AS SELECT id FROM v_paid")]
    assert [p.name for p in plan_migration(a, b, "mysql").phases] == ["Replace view"]


def test_mysql_replaces_and_sqlite_drops_and_creates():
    a, b = model(BASE), model(BASE.replace("SELECT id, total", "SELECT total, id"))
    (phase,) = plan_migration(a, b, "mysql").phases
    assert phase.up == ["CREATE OR REPLACE VIEW v_paid AS SELECT total, id FROM orders WHERE status = 'paid'"]
    assert phase.down == ["CREATE OR REPLACE VIEW v_paid AS SELECT id, total FROM orders WHERE status = 'paid'"]
    plan = plan_migration(a, b, "sqlite")
    assert _phases(plan) == [
        ("Drop view to replace it", ["DROP VIEW v_paid"],
         ["CREATE VIEW v_paid AS SELECT id, total FROM orders WHERE status = 'paid'"]),
        ("Create replaced view", ["CREATE VIEW v_paid AS SELECT total, id FROM orders WHERE status = 'paid'"],
         ["DROP VIEW v_paid"])]


def test_views_are_created_after_the_tables_they_read_and_dropped_before_theirs():
    a = model(TABLES + "CREATE VIEW v AS SELECT id FROM orders;")
    b = model(TABLES.replace("orders", "purchases") + "CREATE VIEW w AS SELECT id FROM purchases;")
    names = [p.name for p in plan_migration(a, b, "postgresql", renames=["orders:purchases"]).phases]
    assert names[0] == "Drop view" and names[-1] == "Create view"


# -- dependent views ---------------------------------------------------------------------------------
RETYPED = TABLES.replace("total DECIMAL(10, 2)", "total DECIMAL(14, 4)")
DEPENDENT = ("CREATE VIEW v_totals AS SELECT id, total FROM orders WHERE total > 10;\n"
             "CREATE VIEW v_top AS SELECT id FROM v_totals WHERE total > 100;\n"
             "CREATE VIEW v_names AS SELECT name FROM customers;\n")


def test_the_plan_drops_and_recreates_views_that_a_type_change_breaks():
    plan = plan_migration(model(TABLES + DEPENDENT), model(RETYPED + DEPENDENT), "postgresql")
    names = [p.name for p in plan.phases]
    assert names[:2] == ["Drop dependent view", "Drop dependent view"]
    assert [p.up for p in plan.phases[:2]] == [["DROP VIEW v_top"], ["DROP VIEW v_totals"]]
    assert [p.up for p in plan.phases[-2:]] == [
        ["CREATE VIEW v_totals AS SELECT id, total FROM orders WHERE total > 10"],
        ["CREATE VIEW v_top AS SELECT id FROM v_totals WHERE total > 100"]]
    assert "v_names" not in json.dumps([p.up for p in plan.phases])  # it does not read the column
    assert any("view v_totals depends on" in n and "orders.total changes type" in n for n in plan.notes)
    assert any("view v_top depends on" in n and "v_totals" in n for n in plan.notes)


def test_postgresql_type_change_under_views_runs_and_rolls_back(pg_url):
    a, b = model(TABLES + DEPENDENT), model(RETYPED + DEPENDENT)
    build(pg_url, a)
    plan = plan_migration(live_schema(pg_url), b, "postgresql")
    report = analyse_impact(plan, pg_url)
    assert not report.errors
    assert any(f.code == "dependent_view" and f.level == "info" for f in report.findings)
    result = apply_plan(plan, pg_url, allow_destructive=True)
    assert result.remaining_differences == []
    assert query(pg_url, "SELECT id FROM v_top ORDER BY id") == [(1,), (3,)]
    scale = query(pg_url, "SELECT numeric_scale FROM information_schema.columns "
                          "WHERE table_name = 'v_totals' AND column_name = 'total'")
    assert scale == [(4,)]  # the view was recreated on the new column
    undone = rollback_last(pg_url)
    assert undone.remaining_differences == []
    assert query(pg_url, "SELECT id FROM v_top ORDER BY id") == [(1,), (3,)]
    assert diff_schemas(live_schema(pg_url), a).is_empty


def test_without_the_dependent_view_handling_postgresql_refuses(pg_url):
    """The reason for it: the same ALTER by hand fails while the view exists."""
    build(pg_url, model(TABLES + DEPENDENT))
    with Connection(pg_url) as conn, pytest.raises(Exception, match="view"):
        conn.execute("ALTER TABLE orders ALTER COLUMN total TYPE DECIMAL(14, 4)")


def test_mariadb_dropped_column_and_changed_view_run_and_roll_back(mysql_url):
    a = model(TABLES + DEPENDENT + "CREATE VIEW v_city AS SELECT id, city FROM customers;")
    b = model(TABLES.replace(", city VARCHAR(40)", "") + DEPENDENT.replace("WHERE total > 100", "WHERE total > 20")
              + "CREATE VIEW v_city AS SELECT id, name FROM customers;")
    build(mysql_url, a)
    plan = plan_migration(live_schema(mysql_url), b, "mysql")
    assert [p.name for p in plan.phases][:2] == ["Drop dependent view", "Save column data"]
    result = apply_plan(plan, mysql_url, allow_destructive=True)
    assert result.remaining_differences == []
    assert query(mysql_url, "SELECT id, name FROM v_city ORDER BY id") == [(1, "Ada"), (2, "Bo")]
    assert query(mysql_url, "SELECT id FROM v_top ORDER BY id") == [(1,), (3,)]
    rollback_last(mysql_url)
    assert query(mysql_url, "SELECT id, city FROM v_city ORDER BY id") == [(1, "Oslo"), (2, None)]
    assert diff_schemas(live_schema(mysql_url), a).is_empty


def test_sqlite_rebuild_under_a_view_runs_and_rolls_back(sqlite_url):
    a = model(TABLES + DEPENDENT)
    b = model(TABLES.replace("status VARCHAR(20)", "status VARCHAR(20) NOT NULL DEFAULT 'new'") + DEPENDENT)
    build(sqlite_url, a)
    plan = plan_migration(live_schema(sqlite_url), b, "sqlite")
    assert "Rebuild table" in [p.name for p in plan.phases]
    assert plan.phases[0].name == "Drop dependent view"
    result = apply_plan(plan, sqlite_url, allow_destructive=True)
    assert result.remaining_differences == []
    assert query(sqlite_url, "SELECT id FROM v_top ORDER BY id") == [(1,), (3,)]
    rollback_last(sqlite_url)
    assert diff_schemas(live_schema(sqlite_url), a).is_empty
    assert query(sqlite_url, "SELECT id FROM v_top ORDER BY id") == [(1,), (3,)]


# -- bad input -----------------------------------------------------------------------------------------------
def test_a_view_that_does_not_parse_is_a_clear_input_error():
    a = model(TABLES)
    b = a.model_copy(deep=True, update={"views": [View(name="broken", definition="SELEC id FROM orders")]})
    with pytest.raises(InputError, match="view broken: its definition is not a SELECT"):
        diff_schemas(a, b)
    c = a.model_copy(deep=True, update={"views": [View(name="ddl", definition="DELETE FROM orders")]})
    with pytest.raises(InputError, match="view ddl: .*not a query"):
        plan_migration(a, c, "postgresql")


def test_an_unreadable_view_that_does_not_change_is_compared_as_text_and_kept_around_changes():
    odd = View(name="odd", definition="SELECT total FROM orders ~~~ WHERE")
    a = model(TABLES).model_copy(deep=True, update={"views": [odd]})
    assert diff_schemas(a, a.model_copy(deep=True)).is_empty
    b = model(RETYPED).model_copy(deep=True, update={"views": [odd]})
    plan = plan_migration(a, b, "postgresql")  # it names orders: assumed to use every column of it
    assert plan.phases[0].name == "Drop dependent view" and plan.phases[-1].name == "Recreate dependent view"


def test_the_cli_says_which_view_it_cannot_read(run_cli, tmp_path):
    a = model(TABLES)
    b = a.model_copy(deep=True, update={"views": [View(name="broken", definition="SELECT FROM WHERE (")]})
    (tmp_path / "a.json").write_text(a.to_json())
    (tmp_path / "b.json").write_text(b.to_json())
    result = run_cli("diff", str(tmp_path / "a.json"), str(tmp_path / "b.json"))
    assert result.exit_code == 2
    assert "view broken" in result.output and "Traceback" not in result.output


# -- property: diff(a, b) applied to a yields b, views included, on SQLite ---------------------------------------
@st.composite
def with_views(draw, schema: Schema, keep: list[View] = ()):
    """``schema`` with a few views over its tables (some of ``keep`` kept where they still read right)."""
    s = schema.model_copy(deep=True)
    views: list[View] = []
    for v in keep:
        t = s.table(v.definition.split(" FROM ")[1].split()[0])
        cols = v.definition[len("SELECT "):].split(" FROM ")[0].split(", ")
        if t is not None and all(t.column(c) is not None for c in cols) and draw(st.booleans()):
            views.append(v)
    for i in range(draw(st.integers(0, 3))):
        if not s.tables:
            break
        t = draw(st.sampled_from(s.tables))
        cols = draw(st.lists(st.sampled_from([c.name for c in t.columns]), min_size=1, max_size=3, unique=True))
        where = draw(st.sampled_from(["", f" WHERE {cols[0]} IS NOT NULL", f" WHERE {t.columns[0].name} > 0"]))
        name = f"v_{t.name}_{i}_{draw(st.integers(0, 2))}"
        if all(v.name != name for v in views):
            views.append(View(name=name, definition=f"SELECT {', '.join(cols)} FROM {t.name}{where}"))
    if views and draw(st.booleans()):  # a view over a view
        base = views[0]
        first = base.definition[len("SELECT "):].split(" FROM ")[0].split(", ")[0]
        views.append(View(name=f"{base.name}_top", definition=f"SELECT {first} FROM {base.name}"))
    s.views = views
    return s


@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck),
          phases=[Phase.explicit, Phase.reuse, Phase.generate])
@given(st.data())
def test_random_view_changes_reach_the_target_on_sqlite_and_roll_back(tmp_path_factory, data):
    a = data.draw(with_views(data.draw(schemas(max_tables=3))))
    b = data.draw(with_views(data.draw(edited(a)), keep=a.views))
    for t in b.tables:  # and comments, which SQLite cannot keep: the model's replay must still reach b
        t.comment = data.draw(st.sampled_from([None, "a table", "it's a note"]))
        for c in t.columns:
            c.comment = data.draw(st.sampled_from([None, None, "a column"]))
    url = f"sqlite:///{tmp_path_factory.mktemp('views') / 'p.db'}"
    if a.tables:
        apply_schema(url, a)
    plan = plan_migration(a, b, "sqlite")
    assert diff_schemas(apply_operations(a, plan.operations), b, detect_renames=False).is_empty
    apply_plan(plan, url, allow_destructive=True)
    live = live_schema(url)
    assert diff_schemas(live, b, detect_renames=False, compare_comments=False).describe() == []
    for v in b.views:
        query(url, f"SELECT * FROM {v.name}")  # every view still works
    if not plan.is_empty:
        rollback_last(url)
        assert diff_schemas(live_schema(url), a, detect_renames=False).describe() == []


# -- the command line, end to end ------------------------------------------------------------------------------
def test_cli_diff_plan_apply_rollback_with_views_and_comments(run_cli, tmp_path, pg_url):
    v1 = tmp_path / "v1.sql"
    v2 = tmp_path / "v2.sql"
    v1.write_text(TABLES + DEPENDENT)
    v2.write_text(RETYPED + DEPENDENT.replace("WHERE total > 100", "WHERE total > 200")
                  + "CREATE VIEW v_cities AS SELECT DISTINCT city FROM customers;\n"
                  + "COMMENT ON COLUMN orders.total IS 'with tax';\n")
    build(pg_url, model(v1.read_text()))
    assert run_cli("diff", pg_url, str(v1)).stdout.strip() == "no differences: the two schemas are the same"
    diff = run_cli("diff", pg_url, str(v2))
    assert diff.exit_code == 0, diff.output
    assert [line for line in diff.stdout.splitlines() if "view" in line or "comment" in line] == [
        "comment on column orders.total: none -> 'with tax'", "replace view v_top", "create view v_cities"]
    plan, sql_dir = tmp_path / "plan.json", tmp_path / "sql"
    res = run_cli("migrate", "plan", pg_url, str(v2), "--dialect", "postgresql", "-o", str(plan),
                  "--sql-dir", str(sql_dir))
    assert res.exit_code == 0, res.output
    up = next(sql_dir.glob("*.up.sql")).read_text()
    assert up.index("DROP VIEW v_top") < up.index("DROP VIEW v_totals") < up.index("ALTER TABLE orders ADD COLUMN")
    assert "COMMENT ON COLUMN orders.total IS 'with tax'" in up
    assert "note: view v_totals depends on what changes (column orders.total changes type" in res.output
    assert "-- note: view v_totals depends on what changes (column orders.total changes type" in up
    impact = run_cli("migrate", "impact", str(plan), "--db", pg_url, "--allow-destructive")
    assert impact.exit_code == 0, impact.output
    res = run_cli("migrate", "apply", str(plan), "--db", pg_url, "--yes", "--allow-destructive")
    assert res.exit_code == 0, res.output
    assert "differs from the plan's TO schema" not in res.output
    assert query(pg_url, "SELECT id FROM v_top ORDER BY id") == [(3,)]
    assert run_cli("diff", pg_url, str(v2)).stdout.strip() == "no differences: the two schemas are the same"
    res = run_cli("migrate", "rollback", "--db", pg_url, "--yes")
    assert res.exit_code == 0 and "differs" not in res.output, res.output
    assert run_cli("diff", pg_url, str(v1)).stdout.strip() == "no differences: the two schemas are the same"
