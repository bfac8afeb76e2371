"""MySQL/MariaDB index advice verified on copies: `optimize --verify` builds the candidates on copies of
the tables in a scratch database, explains and times each query there before and after, drops the scratch
database, and leaves the user's tables as they were. Real MariaDB throughout."""

from __future__ import annotations

import json

import pymysql
import pytest

from schema_architect.advise.mysql import advise_indexes_mysql
from schema_architect.advise.workload import RawStatement, parse_workload
from schema_architect.sql.urls import parse_url

pytestmark = pytest.mark.mariadb


def _connect(url: str, user: str = "root"):
    u = parse_url(url)
    return pymysql.connect(host=u.host, user=user, password="", database=u.database, autocommit=True)


def _scratch_databases() -> set[str]:
    conn = pymysql.connect(host="127.0.0.1", user="root", password="", autocommit=True)
    try:
        with conn.cursor() as cur:
            cur.execute("SHOW DATABASES LIKE 'sa\\_verify\\_%'")
            return {r[0] for r in cur.fetchall()}
    finally:
        conn.close()


def _indexes(conn, table: str) -> set[str]:
    with conn.cursor() as cur:
        cur.execute(f"SHOW INDEX FROM `{table}`")
        return {r[2] for r in cur.fetchall()}


@pytest.fixture
def shop(mysql_url):
    conn = _connect(mysql_url)
    with conn.cursor() as cur:
        cur.execute("CREATE TABLE customer (id INT PRIMARY KEY, email VARCHAR(100), country VARCHAR(10))")
        cur.execute("INSERT INTO customer SELECT seq, CONCAT('u', seq, '@x'), CONCAT('C', seq % 50) "
                    "FROM seq_1_to_30000")
        cur.execute("CREATE TABLE orders (id INT PRIMARY KEY, customer_id INT, total DECIMAL(10,2))")
        cur.execute("INSERT INTO orders SELECT seq, seq % 30000 + 1, seq % 97 FROM seq_1_to_60000")
        cur.execute("ANALYZE TABLE customer, orders")
        cur.fetchall()
    yield mysql_url, conn
    conn.close()


def _workload(*sql: str):
    return parse_workload([RawStatement(s, f"w:{i}") for i, s in enumerate(sql, 1)], source="w")


def test_candidates_are_built_and_measured_on_a_copy_only(shop):
    url, conn = shop
    before = _scratch_databases()
    wl = _workload("SELECT * FROM customer WHERE email = 'u77@x'",
                   "SELECT o.total FROM orders o JOIN customer c ON c.id = o.customer_id WHERE c.email = 'u9@x'",
                   "SELECT * FROM customer WHERE id = 3")
    advice = advise_indexes_mysql(conn, wl, verify=True)
    assert advice.verified and "scratch database" in advice.evaluation
    by_sql = {r.query.sql: r for r in advice.per_query}
    lookup = by_sql["SELECT * FROM customer WHERE email = 'u77@x'"].verification
    assert "customer: ALL" in lookup.access_before and "customer: ref" in lookup.access_after
    assert lookup.indexes_used == ["ix_customer_email"]
    assert lookup.rows_after < lookup.rows_before / 100
    assert lookup.ms_before is not None and lookup.ms_after is not None
    join = by_sql[wl.queries[1].sql].verification
    assert join.indexes_used and join.rows_after < join.rows_before
    assert by_sql["SELECT * FROM customer WHERE id = 3"].verification is None  # nothing to verify
    assert advice.copies == {"customer": (30000, 30000), "orders": (60000, 60000)}
    # the user's tables are untouched and no scratch database is left behind
    assert _indexes(conn, "customer") == {"PRIMARY"} and _indexes(conn, "orders") == {"PRIMARY"}
    assert _scratch_databases() == before
    with conn.cursor() as cur:
        cur.execute("SELECT DATABASE()")
        assert cur.fetchone()[0] == parse_url(url).database


def test_large_tables_are_sampled_and_the_report_says_so(shop):
    _url, conn = shop
    advice = advise_indexes_mysql(conn, _workload("SELECT * FROM customer WHERE country = 'C7'"),
                                  verify=True, row_limit=1000)
    assert advice.copies == {"customer": (1000, 30000)}
    assert "sampled copies: customer (1,000 of 30,000 rows)" in advice.evaluation


def test_a_change_statement_is_explained_but_not_timed(shop):
    _url, conn = shop
    advice = advise_indexes_mysql(conn, _workload("UPDATE customer SET country = 'X' WHERE email = 'u5@x'"),
                                  verify=True)
    v = advice.per_query[0].verification
    assert v.indexes_used == ["ix_customer_email"] and v.ms_before is None and "only for SELECT" in v.note
    with conn.cursor() as cur:
        cur.execute("SELECT country FROM customer WHERE email = 'u5@x'")
        assert cur.fetchone()[0] == "C5"  # the user's row was not changed


def test_cli_verify_report_and_json(shop, run_cli, tmp_path):
    url, _conn = shop
    wl = tmp_path / "w.sql"
    wl.write_text("SELECT * FROM customer WHERE email = 'u5@x';\nSELECT * FROM customer WHERE email LIKE 'u1%';\n")
    r = run_cli("optimize", "--db", url, "-w", str(wl), "--verify", "-o", str(tmp_path / "r.md"))
    assert r.exit_code == 0, r.output
    md = (tmp_path / "r.md").read_text()
    assert "## Verified on a copy" in md and "ix_customer_email" in md
    assert "text_pattern_ops" not in md  # PostgreSQL's operator class is never offered for MySQL
    r = run_cli("optimize", "--db", url, "-w", str(wl), "--verify", "-f", "json", "-o", str(tmp_path / "r.json"))
    assert r.exit_code == 0, r.output
    data = json.loads((tmp_path / "r.json").read_text())
    assert data["verified"] is True
    assert data["per_query"][0]["verification"]["indexes_used"] == ["ix_customer_email"]


def test_a_user_who_cannot_create_a_scratch_database_gets_a_clear_message(shop, run_cli, tmp_path):
    url, conn = shop
    db = parse_url(url).database
    user = f"sa_reader_{db[-8:]}"
    with conn.cursor() as cur:
        cur.execute(f"CREATE USER '{user}'@'%' IDENTIFIED BY ''")
        cur.execute(f"CREATE USER '{user}'@'localhost' IDENTIFIED BY ''")
        cur.execute(f"GRANT SELECT ON `{db}`.* TO '{user}'@'%'")
        cur.execute(f"GRANT SELECT ON `{db}`.* TO '{user}'@'localhost'")
    try:
        wl = tmp_path / "w.sql"
        wl.write_text("SELECT * FROM customer WHERE email = 'u5@x';\n")
        reader_url = url.replace("root@", f"{user}@")
        r = run_cli("optimize", "--db", reader_url, "-w", str(wl), "--verify")
        assert r.exit_code != 0
        assert "could not create a scratch database" in r.output and "without --verify" in r.output
        assert "Traceback" not in r.output
        r = run_cli("optimize", "--db", reader_url, "-w", str(wl))  # without --verify it still advises
        assert r.exit_code == 0, r.output
    finally:
        with conn.cursor() as cur:
            cur.execute(f"DROP USER IF EXISTS '{user}'@'%'")
            cur.execute(f"DROP USER IF EXISTS '{user}'@'localhost'")
