"""Reading workloads: SQL files, PostgreSQL logs, fingerprints, bad statements skipped with reasons."""

from __future__ import annotations

import sqlglot
from hypothesis import given
from hypothesis import strategies as st

from schema_architect.advise.usage import extract_usage
from schema_architect.advise.workload import (
    fingerprint,
    load_workload,
    parse_workload,
    read_workload_file,
    split_statements,
)

CATALOG = {"orders": {"id", "customer_id", "status", "created_at", "note", "amount"},
           "customer": {"id", "email", "country"}}


def test_split_respects_quotes_comments_and_dollar_bodies():
    text = ("-- a; comment\nSELECT 'a;b' FROM t;\n/* x; y */ SELECT \"we;ird\" FROM u;\n"
            "SELECT $$;$$;\nSELECT 1")
    got = split_statements(text)
    assert [s for s, _ in got] == ["SELECT 'a;b' FROM t", "SELECT \"we;ird\" FROM u", "SELECT $$;$$", "SELECT 1"]
    assert [line for _, line in got] == [2, 3, 4, 5]


def test_unparseable_and_non_queries_are_skipped_with_reasons(tmp_path):
    p = tmp_path / "w.sql"
    p.write_text("SELECT * FROM orders WHERE id = 1;\nSELECT * FROM WHERE (;\nSELECT * FROM WHERE (;\n"
                 "CREATE TABLE x (a int);\nINSERT INTO orders VALUES (1);\nSELECT * FROM orders WHERE id = 2;\n")
    wl = load_workload(p)
    assert wl.statements_read == 6
    assert len(wl.queries) == 1 and wl.queries[0].count == 2
    reasons = {s.location: s.reason for s in wl.skipped}
    assert reasons["w.sql:2"].startswith("syntax error")
    assert "CREATE" in reasons["w.sql:4"]
    assert "VALUES" in reasons["w.sql:5"]
    assert sum(s.count for s in wl.skipped) == 4  # the two identical broken statements count twice
    assert "4 skipped" in wl.summary()


def test_empty_workload(tmp_path):
    p = tmp_path / "empty.sql"
    p.write_text("-- nothing here\n")
    wl = load_workload(p)
    assert wl.queries == [] and wl.skipped == [] and wl.statements_read == 0


def test_postgresql_log(tmp_path):
    log = tmp_path / "postgresql.log"
    log.write_text(
        "2026-11-21 10:00:00.000 UTC [123] LOG:  statement: SELECT * FROM orders\n"
        "\tWHERE customer_id = 5\n"
        "2026-11-21 10:00:01.000 UTC [123] LOG:  duration: 12.5 ms  statement: SELECT * FROM orders WHERE "
        "customer_id = 9\n"
        "2026-11-21 10:00:02.000 UTC [123] LOG:  checkpoint starting: time\n"
        "2026-11-21 10:00:03.000 UTC [124] LOG:  execute <unnamed>: SELECT * FROM customer WHERE email = $1\n")
    raw = read_workload_file(log)
    assert [r.location for r in raw] == ["postgresql.log:1", "postgresql.log:3", "postgresql.log:5"]
    assert raw[0].text == "SELECT * FROM orders\n\tWHERE customer_id = 5" and raw[1].duration_ms == 12.5
    wl = parse_workload(raw, source=str(log))
    assert [q.count for q in wl.queries] == [2, 1]
    assert wl.queries[1].has_parameters


_literals = st.one_of(st.integers(-10**9, 10**9).map(str),
                      st.text("abc;' x%", max_size=8).map(lambda s: "'" + s.replace("'", "''") + "'"))


@given(_literals, _literals)
def test_fingerprint_ignores_literal_values(a, b):
    q = "SELECT * FROM orders WHERE customer_id = {} AND note = {}"
    assert fingerprint(q.format(a, b)) == fingerprint(q.format(b, a))
    assert fingerprint(q.format(a, b)) != fingerprint("SELECT * FROM orders WHERE status = 1")


def _use(sql):
    return extract_usage(sqlglot.parse_one(sql, read="postgres"), CATALOG)


def test_usage_roles():
    u = _use("SELECT o.id FROM orders o JOIN customer c ON c.id = o.customer_id WHERE o.status = 'x' "
             "AND o.created_at > '2024-01-01' AND c.email LIKE 'ab%' AND o.note ILIKE '%u%' "
             "ORDER BY o.created_at")
    o, c = u.tables["orders"], u.tables["customer"]
    assert o.eq == ["status"] and o.range == ["created_at"] and o.join == ["customer_id"] and o.sort == ["created_at"]
    assert o.text_contains == ["note"] and c.text_prefix == ["email"] and c.join == ["id"]
    assert u.joins == [("customer", "id", "orders", "customer_id")]


def test_usage_unqualified_columns_and_dml():
    u = _use("UPDATE orders SET status = 'x' WHERE customer_id IN (1, 2) AND amount BETWEEN 1 AND 2")
    assert u.tables["orders"].eq == ["customer_id"] and u.tables["orders"].range == ["amount"]
    g = _use("SELECT country, count(*) FROM customer GROUP BY country")
    assert g.tables["customer"].group == ["country"]


def test_usage_reports_unknown_tables():
    assert _use("SELECT * FROM nope n JOIN orders o ON o.id = n.id").unknown_tables == ["nope"]
    assert _use("WITH x AS (SELECT id FROM orders) SELECT * FROM x").unknown_tables == []
