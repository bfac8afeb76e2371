"""The advisors on a small generated database: fallbacks and bad input (no HypoPG, unparseable
queries, missing tables, empty workload, no pg_stat_statements), and the partitioning and
denormalization proposals, whose DDL is run for real (in a rolled-back transaction) to prove it works."""

from __future__ import annotations

import json

import psycopg
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from advisor_data import SHOP_WORKLOAD, build_shop, plain_dsn
from conftest import create_pg_database, drop_pg_database
from schema_architect.advise.report import optimize

pytestmark = pytest.mark.postgres

SMALL = {"orders": 60_000, "customers": 5_000, "products": 500}
_SHOP_QUERIES = [s.strip() for s in SHOP_WORKLOAD.split(";") if s.strip()]


@pytest.fixture(scope="module")
def small_db():
    name, url = create_pg_database()
    try:
        build_shop(plain_dsn(url), **SMALL)
        yield url
    finally:
        drop_pg_database(name)


@pytest.fixture(scope="module")
def no_hypopg_db():
    name, url = create_pg_database()
    try:
        build_shop(plain_dsn(url), hypopg=False, **SMALL)
        yield url
    finally:
        drop_pg_database(name)


def _write(tmp_path, text, name="w.sql"):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def _ix_count(url) -> int:
    with psycopg.connect(plain_dsn(url)) as conn:
        return conn.execute("SELECT count(*) FROM pg_indexes WHERE indexname LIKE 'ix_%'").fetchone()[0]


def test_without_hypopg_falls_back_and_says_so(no_hypopg_db, run_cli, tmp_path):
    # A few shapes keep it quick: the fallback builds every candidate for real.
    wl = _write(tmp_path, ";\n".join(_SHOP_QUERIES[:6]) + ";\n")
    out = tmp_path / "r.json"
    r = run_cli("optimize", "--db", no_hypopg_db, "-w", str(wl), "-f", "json", "-o", str(out))
    assert r.exit_code == 0, r.output
    assert "HypoPG is available on the server but not created in this database" in r.stderr
    data = json.loads(out.read_text())
    assert "rolled back" in data["evaluation"] and any("fell back" in n for n in data["notes"])
    assert data["indexes"], "the fallback still evaluates and recommends"
    assert all(q["cost_after"] <= q["cost_before"] for q in data["per_query"])
    assert _ix_count(no_hypopg_db) == 0  # nothing built was kept


def test_unparseable_and_missing_tables_are_skipped_and_counted(small_db, run_cli, tmp_path):
    wl = _write(tmp_path, "SELECT * FROM orders WHERE customer_id = 1;\nSELECT * FROM WHERE (;\n"
                          "SELECT * FROM no_such_table WHERE x = 1;\nSELECT nope FROM orders WHERE id = 1;\n"
                          "SELECT * FROM WHERE (;\n")
    out = tmp_path / "r.json"
    r = run_cli("optimize", "--db", small_db, "-w", str(wl), "-f", "json", "-o", str(out))
    assert r.exit_code == 0, r.output
    assert "skipped 4 statement(s)" in r.stderr
    data = json.loads(out.read_text())
    reasons = {s["location"]: (s["reason"], s["count"]) for s in data["skipped"]}
    assert reasons["w.sql:2"][0].startswith("syntax error") and reasons["w.sql:2"][1] == 2
    assert reasons["w.sql:3"][0] == "table(s) no_such_table do not exist in the database"
    assert 'column "nope" does not exist' in reasons["w.sql:4"][0]
    assert [q["id"] for q in data["per_query"]] == ["Q1"]
    md = tmp_path / "r.md"
    run_cli("optimize", "--db", small_db, "-w", str(wl), "-o", str(md))
    assert "## Skipped (4 statement(s))" in md.read_text()


def test_empty_workload(small_db, run_cli, tmp_path):
    wl = _write(tmp_path, "-- no queries yet\n")
    out = tmp_path / "r.md"
    r = run_cli("optimize", "--db", small_db, "-w", str(wl), "-o", str(out))
    assert r.exit_code == 0, r.output
    text = out.read_text()
    assert "the workload has no usable queries" in text and "None: no candidate" in text


def test_pg_stat_statements_unavailable(small_db, run_cli, tmp_path):
    r = run_cli("optimize", "--db", small_db, "-w", "pg_stat_statements")
    assert r.exit_code == 2 and "pg_stat_statements is not installed" in r.stderr and "--workload FILE" in r.stderr
    # Without any workload it falls back to workload-free advice and says so.
    out = tmp_path / "r.json"
    r = run_cli("optimize", "--db", small_db, "-f", "json", "-o", str(out))
    assert r.exit_code == 0, r.output
    data = json.loads(out.read_text())
    assert data["notes"][0].startswith("no workload given and pg_stat_statements is not installed")
    assert data["indexes"] == [] and data["workload"]["source"] == "(none)"


def test_missing_workload_file_and_unreachable_database(small_db, run_cli, tmp_path):
    r = run_cli("optimize", "--db", small_db, "-w", str(tmp_path / "nope.sql"))
    assert r.exit_code == 2 and "workload file not found" in r.stderr
    r = run_cli("optimize", "--db", "postgresql://postgres@127.0.0.1:1/x", "-w", str(_write(tmp_path, "SELECT 1;")))
    assert r.exit_code == 3 and "connection refused" in r.stderr.lower() and "Traceback" not in r.output
    r = run_cli("optimize", "--db", f"sqlite:///{tmp_path / 'a.db'}", "-w", str(_write(tmp_path, "SELECT 1;")))
    assert r.exit_code == 2 and "PostgreSQL" in r.stderr


def test_parameterized_statements_from_a_log_are_planned(small_db, tmp_path):
    log = _write(tmp_path, "2026-11-21 10:00:00 UTC [1] LOG:  duration: 3.1 ms  execute <unnamed>: "
                           "SELECT * FROM orders WHERE customer_id = $1\n" * 3, name="pg.log")
    report = optimize(small_db, log)
    (q,) = report.indexes.per_query
    assert q.query.count == 3 and q.query.has_parameters
    assert q.cost_after < q.cost_before and q.indexes_used == ["ix_orders_customer_id"]


def _run_in_rollback(url, statements, check):
    with psycopg.connect(plain_dsn(url)) as conn:  # not autocommit: one transaction, rolled back
        try:
            for s in statements:
                conn.execute(s)
            return check(conn)
        finally:
            conn.rollback()


def test_partitioning_range_on_filtered_time_column(small_db, tmp_path):
    wl = _write(tmp_path, "SELECT * FROM orders WHERE created_at >= '2024-03-01' AND created_at < '2024-03-02';\n"
                          "SELECT count(*) FROM orders WHERE status = 'paid';\n")
    report = optimize(small_db, wl, min_partition_rows=50_000)
    (p,) = report.partitions  # only orders is above 50,000 rows
    assert (p.table, p.strategy, p.column) == ("orders", "RANGE", "created_at")
    assert any("partition pruning" in r for r in p.reasons) and p.queries == ["Q1"]

    def check(conn):
        parts = conn.execute("SELECT count(*) FROM pg_inherits WHERE inhparent = 'orders'::regclass").fetchone()[0]
        rows = conn.execute("SELECT count(*) FROM orders").fetchone()[0]
        plan = conn.execute("EXPLAIN SELECT * FROM orders WHERE created_at >= '2024-03-01' "
                            "AND created_at < '2024-03-02'").fetchall()
        return parts, rows, "\n".join(r[0] for r in plan)

    parts, rows, plan = _run_in_rollback(small_db, p.ddl, check)
    assert parts == 13 and rows == SMALL["orders"]  # 12 months + DEFAULT, every row moved
    assert "orders_p2024_03" in plan and "orders_p2024_04" not in plan  # pruned


def test_partitioning_list_and_hash(small_db, tmp_path):
    wl = _write(tmp_path, "SELECT count(*) FROM orders WHERE status = 'paid';\n")
    (p,) = optimize(small_db, wl, min_partition_rows=50_000).partitions
    assert (p.strategy, p.column) == ("LIST", "status")
    parts = _run_in_rollback(small_db, p.ddl, lambda c: c.execute(
        "SELECT count(*) FROM pg_inherits WHERE inhparent = 'orders'::regclass").fetchone()[0])
    assert parts == 6  # five statuses + DEFAULT
    wl = _write(tmp_path, "SELECT * FROM customer WHERE id = 3;\n", name="h.sql")
    (p,) = optimize(small_db, wl, min_partition_rows=50_000).partitions
    assert (p.strategy, p.column) == ("HASH", "id") and "neither" in p.reasons[1]
    assert _run_in_rollback(small_db, p.ddl, lambda c: c.execute("SELECT count(*) FROM orders").fetchone()[0]) \
        == SMALL["orders"]


def test_no_partitioning_below_threshold(small_db, tmp_path):
    wl = _write(tmp_path, "SELECT * FROM orders WHERE created_at > '2024-12-01';\n")
    assert optimize(small_db, wl).partitions == []  # default threshold: 10 million rows


def test_denormalization_of_a_dominant_join(small_db, tmp_path):
    join = "SELECT o.id, c.country FROM orders o JOIN customer c ON c.id = o.customer_id WHERE o.status = '{}';\n"
    wl = _write(tmp_path, "".join(join.format(s) for s in ("paid", "paid", "shipped", "pending"))
                + "SELECT * FROM product WHERE id = 1;\n")
    report = optimize(small_db, wl)
    (d,) = report.denormalizations
    assert (d.child, d.child_fk, d.parent, d.parent_key, d.columns) == ("orders", "customer_id", "customer", "id",
                                                                        ["country"])
    assert d.share == pytest.approx(0.8) and d.read_speedup > 1.0
    assert d.storage_bytes > 0 and "rewrites about 12 orders row(s)" in d.write_cost
    assert any(a.kind == "denormalize" for a in report.actions)

    def check(conn):
        consistent = conn.execute("SELECT count(*) FROM orders o JOIN customer c ON c.id = o.customer_id "
                                  "WHERE o.customer_country IS DISTINCT FROM c.country").fetchone()[0]
        conn.execute("UPDATE customer SET country = 'ZZ' WHERE id = 7")
        pushed = conn.execute("SELECT DISTINCT customer_country FROM orders WHERE customer_id = 7").fetchall()
        conn.execute("INSERT INTO orders VALUES (999999999, 7, 1, 'paid', 1, now(), NULL)")
        filled = conn.execute("SELECT customer_country FROM orders WHERE id = 999999999").fetchone()[0]
        return consistent, pushed, filled

    consistent, pushed, filled = _run_in_rollback(small_db, d.ddl, check)
    assert consistent == 0 and pushed == [("ZZ",)] and filled == "ZZ"


def test_no_denormalization_below_share(small_db, tmp_path):
    wl = _write(tmp_path, "SELECT o.id, c.country FROM orders o JOIN customer c ON c.id = o.customer_id;\n"
                          "SELECT * FROM orders WHERE id = 1;\n")
    assert optimize(small_db, wl).denormalizations == []  # 50% < 80%
    assert len(optimize(small_db, wl, denormalize_share=0.5).denormalizations) == 1


@pytest.mark.mariadb
def test_mysql_explain_reports_full_scans_and_candidates(mysql_url, run_cli, tmp_path):
    import pymysql

    from schema_architect.sql.urls import parse_url

    u = parse_url(mysql_url)
    conn = pymysql.connect(host=u.host, user="root", password="", database=u.database, autocommit=True)
    try:
        with conn.cursor() as cur:
            cur.execute("CREATE TABLE customer (id INT PRIMARY KEY, email VARCHAR(100), country VARCHAR(10))")
            cur.execute("INSERT INTO customer SELECT seq, CONCAT('u', seq, '@x'), CONCAT('C', seq % 50) "
                        "FROM seq_1_to_20000")
            cur.execute("ANALYZE TABLE customer")
    finally:
        conn.close()
    wl = _write(tmp_path, "SELECT * FROM customer WHERE email = 'u5@x';\nSELECT * FROM customer WHERE id = 3;\n"
                          "SELECT * FROM missing_table;\n")
    out = tmp_path / "m.json"
    r = run_cli("optimize", "--db", mysql_url, "-w", str(wl), "-f", "json", "-o", str(out))
    assert r.exit_code == 0, r.output
    data = json.loads(out.read_text())
    by_sql = {q["sql"]: q for q in data["per_query"]}
    scan = by_sql["SELECT * FROM customer WHERE email = 'u5@x'"]
    assert scan["full_scans"][0]["table"] == "customer" and scan["full_scans"][0]["rows"] > 10_000
    assert scan["candidates"] == ["CREATE INDEX ix_customer_email ON customer (email);"]
    assert by_sql["SELECT * FROM customer WHERE id = 3"]["full_scans"] == []
    assert data["skipped"][0]["reason"] == "table(s) missing_table do not exist in the database"


@settings(max_examples=8, deadline=None)
@given(st.lists(st.sampled_from(_SHOP_QUERIES), min_size=1, max_size=8))
def test_recommendations_never_make_a_query_costlier(small_db, queries):
    from schema_architect.advise.indexes import advise_indexes
    from schema_architect.advise.workload import RawStatement, parse_workload

    wl = parse_workload([RawStatement(q, f"w:{i}") for i, q in enumerate(queries, 1)], source="w")
    with psycopg.connect(plain_dsn(small_db), autocommit=True) as conn:
        advice = advise_indexes(conn, wl)
        columns = {t: {r[0] for r in conn.execute(
            "SELECT attname FROM pg_attribute WHERE attrelid = %s::regclass AND attnum > 0", (t,)).fetchall()}
            for t in ("orders", "customer", "product")}
    assert sum(q.count for q in wl.queries) == len(queries)
    for r in advice.per_query:
        assert r.cost_after <= r.cost_before + 1e-6
    for rec in advice.recommendations:
        assert rec.queries, "every recommended index is used by some query's final plan"
        assert set(rec.candidate.columns) <= columns[rec.candidate.table]
    assert _ix_count(small_db) == 0


def test_savings_are_not_double_counted(small_db, tmp_path):
    wl = _write(tmp_path, SHOP_WORKLOAD)
    advice = optimize(small_db, wl).indexes
    total_saved = sum(r.share_of_workload_cost for r in advice.recommendations)
    weights = {r.query.id: r.query.count for r in advice.per_query}
    baseline = sum(r.cost_before * weights[r.query.id] for r in advice.per_query)
    achieved = sum((r.cost_before - r.cost_after) * weights[r.query.id] for r in advice.per_query if r.indexes_used)
    assert total_saved == pytest.approx(achieved / baseline) and total_saved < 1


@pytest.mark.mariadb
def test_denormalization_triggers_rendered_for_mysql_keep_the_copy_right(mysql_url):
    """The MySQL rendering of the same proposal, run on MariaDB: backfill, fill on insert, push on update."""
    import pymysql
    import sqlglot

    from schema_architect.advise.denormalization import advise_denormalization
    from schema_architect.advise.pgcatalog import Catalog, ColumnStats, ExistingIndex, TableStats
    from schema_architect.advise.usage import extract_usage
    from schema_architect.advise.workload import Query
    from schema_architect.sql.urls import parse_url

    def table(name, rows, cols):
        ts = TableStats(name, "", rows, 0, columns={c: ColumnStats(c, t, avg_width=10) for c, t in cols})
        ts.indexes.append(ExistingIndex("PRIMARY", "", name, ["id"], True, True, 0, 0, "", None))
        return ts

    catalog = Catalog({"customer": table("customer", 3, [("id", "int"), ("country", "varchar(40)")]),
                       "orders": table("orders", 6, [("id", "int"), ("customer_id", "int")])},
                      hypopg="missing", stats_reset=None)
    sql = "SELECT o.id, c.country FROM orders o JOIN customer c ON c.id = o.customer_id"
    q = Query("fp", sql, 5, "w:1", sqlglot.parse_one(sql, read="mysql"), "select", id="Q1")
    uses = {"Q1": extract_usage(q.tree, catalog.columns_by_table())}
    (d,) = advise_denormalization(catalog, uses, {"Q1": q}, {}, dialect="mysql")
    u = parse_url(mysql_url)
    conn = pymysql.connect(host=u.host, user="root", password="", database=u.database, autocommit=True)
    try:
        with conn.cursor() as cur:
            cur.execute("CREATE TABLE customer (id INT PRIMARY KEY, country VARCHAR(40))")
            cur.execute("CREATE TABLE orders (id INT PRIMARY KEY, customer_id INT)")
            cur.execute("INSERT INTO customer VALUES (1, 'FR'), (2, 'DE'), (3, 'IT')")
            cur.execute("INSERT INTO orders VALUES (1, 1), (2, 1), (3, 2)")
            for stmt in d.ddl:
                cur.execute(stmt)
            cur.execute("SELECT id, customer_country FROM orders ORDER BY id")
            assert cur.fetchall() == ((1, "FR"), (2, "FR"), (3, "DE"))  # backfilled
            cur.execute("INSERT INTO orders (id, customer_id) VALUES (4, 3)")
            cur.execute("UPDATE customer SET country = 'ES' WHERE id = 1")
            cur.execute("SELECT id, customer_country FROM orders ORDER BY id")
            assert cur.fetchall() == ((1, "ES"), (2, "ES"), (3, "DE"), (4, "IT"))
    finally:
        conn.close()
