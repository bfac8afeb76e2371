"""The server's safety layer: writes through the read-only tool are refused; confirmations are single-use.

Each refused attempt is also *run* through ``run_read_only`` against a real database, and the database's
content and catalog are checksummed before and after: nothing may change, whatever the checker says.
"""

import hashlib
import time

import pytest
import sqlalchemy as sa
from hypothesis import given
from hypothesis import strategies as st

from schema_architect.app.safety import (
    ConfirmationError,
    ConfirmationTokens,
    UnsafeQueryError,
    check_read_only,
    run_read_only,
)
from schema_architect.errors import DatabaseError

# 60 attempts to write, wait, or escape, in the forms people (and models) actually try.
WRITE_ATTEMPTS = [
    "DELETE FROM items",
    "UPDATE items SET name = 'x'",
    "INSERT INTO items (id, name) VALUES (99, 'x')",
    "DROP TABLE items",
    "TRUNCATE items",
    "ALTER TABLE items ADD COLUMN x INT",
    "CREATE TABLE evil (id INT)",
    "CREATE INDEX ix ON items (name)",
    "CREATE VIEW v AS SELECT 1",
    "SELECT 1; DELETE FROM items",
    "SELECT 1;DROP TABLE items",
    "SELECT * FROM items; UPDATE items SET name = 'x'",
    "SELECT 1 /* harmless */; DELETE FROM items",
    "SELECT 1 -- comment\n; DELETE FROM items",
    "/* SELECT */ DELETE FROM items",
    "-- SELECT 1\nDELETE FROM items",
    "SELECT 1 /*; DELETE FROM items; */ ; DROP TABLE items",
    "WITH d AS (DELETE FROM items RETURNING *) SELECT * FROM d",
    "WITH u AS (UPDATE items SET name = 'x' RETURNING id) SELECT * FROM u",
    "WITH i AS (INSERT INTO items (id, name) VALUES (7, 'x') RETURNING id) SELECT * FROM i",
    "SELECT * INTO copy_of_items FROM items",
    "SELECT * FROM items FOR UPDATE",
    "SELECT * FROM items FOR SHARE",
    "SELECT pg_sleep(10)",
    "SELECT pg_terminate_backend(1)",
    "SELECT set_config('default_transaction_read_only', 'off', false)",
    "SELECT lo_import('/etc/passwd')",
    "SELECT pg_read_file('/etc/passwd')",
    "SELECT nextval('items_id_seq')",
    "SELECT setval('items_id_seq', 100)",
    "SELECT dblink_exec('dbname=x', 'DROP TABLE items')",
    "SELECT sleep(10)",
    "SELECT benchmark(100000000, md5('x'))",
    "SELECT load_file('/etc/passwd')",
    "SELECT get_lock('x', 10)",
    "SELECT load_extension('evil')",
    "SELECT writefile('/tmp/x', 'y')",
    "COPY items TO '/tmp/items.csv'",
    "COPY items FROM '/tmp/items.csv'",
    "SET default_transaction_read_only = off",
    "SET search_path TO evil",
    "PRAGMA query_only = OFF",
    "PRAGMA writable_schema = ON",
    "ATTACH DATABASE '/tmp/evil.db' AS evil",
    "BEGIN",
    "COMMIT",
    "ROLLBACK",
    "GRANT ALL ON items TO public",
    "REVOKE ALL ON items FROM public",
    "VACUUM",
    "ANALYZE items",
    "LOCK TABLE items IN ACCESS EXCLUSIVE MODE",
    "CALL some_procedure()",
    "DO $$ BEGIN DELETE FROM items; END $$",
    "EXECUTE prepared_delete",
    "PREPARE p AS DELETE FROM items",
    "REINDEX TABLE items",
    "CLUSTER items",
    "NOTIFY channel, 'x'",
    "LISTEN channel",
    "REPLACE INTO items (id, name) VALUES (1, 'x')",
    "MERGE INTO items USING items AS s ON items.id = s.id WHEN MATCHED THEN DELETE",
    "",
    "   ;  ",
]

READS = [
    "SELECT * FROM items",
    "SELECT count(*) FROM items WHERE name LIKE 'a%'",
    "WITH t AS (SELECT id FROM items) SELECT * FROM t",
    "SELECT name FROM items UNION SELECT name FROM items",
    "SELECT i.name FROM items AS i JOIN items AS j ON i.id = j.id ORDER BY 1",
]


def test_there_are_at_least_fifty_attempts():
    assert len(WRITE_ATTEMPTS) >= 50


def _setup(url: str) -> None:
    engine = sa.create_engine(url)
    with engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE items (id INTEGER PRIMARY KEY, name VARCHAR(40))")
        for i in range(20):
            conn.exec_driver_sql(f"INSERT INTO items (id, name) VALUES ({i}, 'item {i}')")
    engine.dispose()


def _checksum(url: str) -> str:
    engine = sa.create_engine(url)
    inspector = sa.inspect(engine)
    tables = sorted(inspector.get_table_names())
    h = hashlib.sha256(repr(tables).encode())
    with engine.connect() as conn:
        for t in tables:
            h.update(repr([c["name"] for c in inspector.get_columns(t)]).encode())
            h.update(repr(conn.exec_driver_sql(f"SELECT * FROM {t} ORDER BY 1").fetchall()).encode())
    engine.dispose()
    return h.hexdigest()


@pytest.fixture(params=["sqlite", "postgresql"])
def database(request, tmp_path):
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'user.db'}"
        _setup(url)
        yield url
    else:
        url = request.getfixturevalue("pg_url")
        _setup(url)
        yield url


def test_every_write_attempt_is_refused_and_nothing_changes(database):
    before = _checksum(database)
    dialect = "sqlite" if database.startswith("sqlite") else "postgresql"
    for attempt in WRITE_ATTEMPTS:
        with pytest.raises((UnsafeQueryError, DatabaseError)):
            run_read_only(database, attempt, timeout_s=2)
        # and the static check alone refuses it, so the database is never even asked
        with pytest.raises(UnsafeQueryError):
            check_read_only(attempt, dialect)
    assert _checksum(database) == before


def test_reads_run_with_a_row_limit(database):
    for sql in READS:
        result = run_read_only(database, sql)
        assert result.columns
    limited = run_read_only(database, "SELECT * FROM items", row_limit=5)
    assert len(limited.rows) == 5 and limited.truncated
    whole = run_read_only(database, "SELECT * FROM items", row_limit=100)
    assert len(whole.rows) == 20 and not whole.truncated


def test_a_slow_read_hits_the_statement_timeout(database):
    if database.startswith("sqlite"):
        slow = ("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 100000000) "
                "SELECT count(*) FROM c")
    else:
        slow = "SELECT count(*) FROM generate_series(1, 200000000)"
    started = time.monotonic()
    with pytest.raises(DatabaseError):
        run_read_only(database, slow, timeout_s=0.5)
    assert time.monotonic() - started < 10


def test_the_database_refuses_writes_even_if_the_checker_were_bypassed(database, monkeypatch):
    """Defence in depth: with the static check switched off, the READ ONLY transaction still refuses."""
    from schema_architect.app import safety

    before = _checksum(database)
    monkeypatch.setattr(safety, "check_read_only", lambda sql, dialect: sql)
    for attempt in ["DELETE FROM items", "UPDATE items SET name = 'x'", "CREATE TABLE evil (id INT)",
                    "WITH d AS (DELETE FROM items RETURNING *) SELECT * FROM d"]:
        if database.startswith("sqlite") and attempt.startswith("WITH"):
            continue  # SQLite has no data-modifying CTEs
        with pytest.raises(DatabaseError):
            safety.run_read_only(database, attempt)
    assert _checksum(database) == before


@given(st.text(max_size=200))
def test_the_checker_never_crashes_and_only_passes_reads(text):
    try:
        normalized = check_read_only(text, "postgresql")
    except UnsafeQueryError:
        return
    import sqlglot

    (tree,) = sqlglot.parse(normalized, read="postgres")
    assert tree.key in ("select", "union", "intersect", "except", "subquery", "values")


# -- confirmation tokens ---------------------------------------------------------------------------
def tokens():
    return ConfirmationTokens(secret=b"k" * 32, ttl_seconds=60)


def test_token_works_once_for_exactly_its_sql():
    t = tokens()
    tok = t.issue("alice", "conn1", "DROP TABLE items")
    t.redeem(tok, "alice", "conn1", "DROP TABLE items")
    with pytest.raises(ConfirmationError, match="already been used"):
        t.redeem(tok, "alice", "conn1", "DROP TABLE items")


def test_token_cannot_be_used_for_other_sql_user_or_connection():
    t = tokens()
    tok = t.issue("alice", "conn1", "CREATE TABLE a (id INT)")
    with pytest.raises(ConfirmationError, match="different SQL"):
        t.redeem(tok, "alice", "conn1", "CREATE TABLE a (id INT); DROP TABLE items")
    with pytest.raises(ConfirmationError, match="another user"):
        t.redeem(tok, "mallory", "conn1", "CREATE TABLE a (id INT)")
    with pytest.raises(ConfirmationError, match="another user or connection"):
        t.redeem(tok, "alice", "conn2", "CREATE TABLE a (id INT)")
    t.redeem(tok, "alice", "conn1", "CREATE TABLE a (id INT)")  # still valid for its own use


def test_token_expires():
    t = tokens()
    tok = t.issue("alice", "c", "DELETE FROM items", now=1000.0)
    with pytest.raises(ConfirmationError, match="expired"):
        t.redeem(tok, "alice", "c", "DELETE FROM items", now=1061.0)


def test_forged_or_tampered_tokens_are_refused():
    import base64
    import json

    t = tokens()
    other = ConfirmationTokens(secret=b"z" * 32)
    with pytest.raises(ConfirmationError, match="not issued by this server"):
        t.redeem(other.issue("alice", "c", "DROP TABLE x"), "alice", "c", "DROP TABLE x")
    tok = t.issue("alice", "c", "SELECT 1")
    body, sig = tok.rsplit(".", 1)
    claims = json.loads(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))
    claims["h"] = hashlib.sha256(b"DROP TABLE items").hexdigest()
    forged = base64.urlsafe_b64encode(json.dumps(claims).encode()).decode().rstrip("=") + "." + sig
    with pytest.raises(ConfirmationError, match="not issued by this server"):
        t.redeem(forged, "alice", "c", "DROP TABLE items")
    for junk in ["", "abc", "a.b.c", "!!!.???"]:
        with pytest.raises(ConfirmationError):
            t.redeem(junk, "alice", "c", "SELECT 1")
