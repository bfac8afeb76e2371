"""Security at the HTTP layer: ownership across users, confirmed changes only, no clear-text URLs.

The safety checks themselves (63 write attempts through the read-only tool, token forgery/expiry)
are pinned in test_app_safety.py; here they are exercised through the routes a browser uses.
"""

from __future__ import annotations

import sqlite3

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app_client import chat, make_client, sign_up, sqlite_digest

SECRET_PASSWORD = "Sup3r-Secret-Pw"


@pytest.fixture
def env(tmp_path, monkeypatch):
    client = make_client(tmp_path, monkeypatch)
    alice, bob = sign_up(client, "alice"), sign_up(client, "bob")
    db = tmp_path / "alice.db"
    with sqlite3.connect(db) as c:
        c.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
        c.execute("INSERT INTO notes (body) VALUES ('hello')")
    conn = client.post("/api/v1/connections", json={"name": "mine", "url": f"sqlite:///{db}"}, headers=alice).json()
    conv = client.post("/api/v1/conversations", json={"title": "t", "connection_id": conn["id"]}, headers=alice).json()
    design = client.post("/api/v1/designs", json={"name": "d", "input": {"text": "Each book has an ISBN, a title and a price."}},
                         headers=alice).json()
    return {"client": client, "alice": alice, "bob": bob, "db": db, "conn": conn["id"], "conv": conv["id"],
            "design": design["id"], "tmp": tmp_path}


def test_another_user_cannot_see_or_use_connections_conversations_or_designs(env):
    c, bob, cid, vid, did = env["client"], env["bob"], env["conn"], env["conv"], env["design"]
    before = sqlite_digest(env["db"])
    attempts = [
        ("GET", f"/api/v1/connections/{cid}", None),
        ("GET", f"/api/v1/connections/{cid}/schema", None),
        ("POST", f"/api/v1/connections/{cid}/query", {"sql": "SELECT * FROM notes"}),
        ("POST", f"/api/v1/connections/{cid}/changes", {"sql": "DROP TABLE notes"}),
        ("POST", f"/api/v1/connections/{cid}/changes/execute", {"sql": "DROP TABLE notes", "confirmation_token": "x.y"}),
        ("DELETE", f"/api/v1/connections/{cid}", None),
        ("GET", f"/api/v1/conversations/{vid}", None),
        ("GET", f"/api/v1/conversations/{vid}/messages", None),
        ("POST", f"/api/v1/conversations/{vid}/messages", {"content": "describe the schema"}),
        ("PATCH", f"/api/v1/conversations/{vid}", {"title": "mine now"}),
        ("DELETE", f"/api/v1/conversations/{vid}", None),
        ("GET", f"/api/v1/designs/{did}", None),
        ("GET", f"/api/v1/designs/{did}/versions/1", None),
        ("POST", f"/api/v1/designs/{did}/versions", {"text": "Each book has a price."}),
        ("DELETE", f"/api/v1/designs/{did}", None),
        ("POST", "/api/v1/schema/optimize", {"connection_id": cid}),
    ]
    for method, path, body in attempts:
        r = c.request(method, path, json=body, headers=bob)
        assert r.status_code == 404, (method, path, r.status_code, r.text)
        assert r.json()["error"]["code"] == "not_found"
    # bob cannot attach alice's connection to his own conversation either
    mine = c.post("/api/v1/conversations", json={"title": "bob's"}, headers=bob).json()
    assert c.post("/api/v1/conversations", json={"connection_id": cid}, headers=bob).status_code == 404
    assert c.patch(f"/api/v1/conversations/{mine['id']}", json={"connection_id": cid}, headers=bob).status_code == 404
    # and his lists hold nothing of hers
    for path in ("/api/v1/connections", "/api/v1/designs", "/api/v1/audit"):
        assert c.get(path, headers=bob).json() == []
    assert [x["id"] for x in c.get("/api/v1/conversations", headers=bob).json()] == [mine["id"]]
    # alice still has everything, and her database is untouched
    a = env["alice"]
    assert c.get(f"/api/v1/connections/{cid}", headers=a).status_code == 200
    assert c.get(f"/api/v1/conversations/{vid}", headers=a).json()["title"] == "t"
    assert len(c.get(f"/api/v1/designs/{did}", headers=a).json()["versions"]) == 1
    assert sqlite_digest(env["db"]) == before


def test_every_route_needs_a_valid_bearer_token(env):
    c = env["client"]
    for headers in ({}, {"Authorization": "Bearer sa_not-a-token"}, {"Authorization": "Basic YWxpY2U6eA=="}):
        for method, path in (("GET", "/api/v1/connections"), ("GET", f"/api/v1/conversations/{env['conv']}"),
                             ("POST", "/api/v1/schema/generate")):
            r = c.request(method, path, json={"text": "Each book has a title."}, headers=headers)
            assert r.status_code == 401 and r.json()["error"]["code"] == "unauthorized", (headers, path, r.text)
    assert c.post("/api/v1/tokens", json={"username": "alice", "password": "wrong password"}).status_code == 401
    # logging out revokes the token
    token = c.post("/api/v1/tokens", json={"username": "alice", "password": "correct horse battery"}).json()["token"]
    h = {"Authorization": f"Bearer {token}"}
    assert c.delete("/api/v1/tokens/current", headers=h).status_code == 204
    assert c.get("/api/v1/connections", headers=h).status_code == 401


def _propose(env, sql, who="alice"):
    r = env["client"].post(f"/api/v1/connections/{env['conn']}/changes", json={"sql": sql}, headers=env[who])
    assert r.status_code == 200, r.text
    return r.json()


def _execute(env, sql, token, who="alice", connection=None):
    return env["client"].post(f"/api/v1/connections/{connection or env['conn']}/changes/execute",
                              json={"sql": sql, "confirmation_token": token}, headers=env[who])


def test_changes_run_only_with_a_fresh_token_for_exactly_that_sql(env):
    drop = "DROP TABLE notes"
    proposal = _propose(env, drop)
    assert proposal["destructive"] and proposal["statements"][0]["destructive"]
    before = sqlite_digest(env["db"])

    # another SQL text with alice's token for DROP TABLE notes
    r = _execute(env, "DELETE FROM notes", proposal["confirmation_token"])
    assert r.status_code == 403 and r.json()["error"]["code"] == "confirmation_invalid"
    assert "different SQL" in r.json()["error"]["message"]
    # a forged token (signature changed; claims re-encoded)
    body, sig = proposal["confirmation_token"].rsplit(".", 1)
    for forged in (f"{body}.{'0' * len(sig)}", f"{body}x.{sig}", "not-a-token", ""):
        r = _execute(env, drop, forged)
        assert r.status_code in (403, 422), r.text
    # bob's own connection to the same file, with alice's token: bound to another user and connection
    bob_conn = env["client"].post("/api/v1/connections", json={"name": "b", "url": f"sqlite:///{env['db']}"},
                                  headers=env["bob"]).json()["id"]
    r = _execute(env, drop, proposal["confirmation_token"], who="bob", connection=bob_conn)
    assert r.status_code == 403 and "another user" in r.json()["error"]["message"]
    # bob with alice's token on alice's connection: he cannot even see it
    assert _execute(env, drop, proposal["confirmation_token"], who="bob").status_code == 404
    assert sqlite_digest(env["db"]) == before

    # the real thing works once ...
    assert _execute(env, drop, proposal["confirmation_token"]).status_code == 200
    with sqlite3.connect(env["db"]) as c:
        assert c.execute("SELECT count(*) FROM sqlite_master WHERE name = 'notes'").fetchone()[0] == 0
        c.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY)")
    # ... and never again
    again = _execute(env, drop, proposal["confirmation_token"])
    assert again.status_code == 403 and "already been used" in again.json()["error"]["message"]
    with sqlite3.connect(env["db"]) as c:
        assert c.execute("SELECT count(*) FROM sqlite_master WHERE name = 'notes'").fetchone()[0] == 1
    # every attempt is in alice's audit log, refusals included
    outcomes = [a["outcome"] for a in env["client"].get("/api/v1/audit", headers=env["alice"]).json()]
    assert "executed" in outcomes and sum(o.startswith("refused") for o in outcomes) >= 5


def test_a_used_token_stays_used_after_a_server_restart(env, monkeypatch):
    proposal = _propose(env, "DELETE FROM notes")
    assert _execute(env, "DELETE FROM notes", proposal["confirmation_token"]).status_code == 200
    restarted = make_client(env["tmp"], monkeypatch)  # same app database and key file
    r = restarted.post(f"/api/v1/connections/{env['conn']}/changes/execute",
                       json={"sql": "DELETE FROM notes", "confirmation_token": proposal["confirmation_token"]},
                       headers=env["alice"])
    assert r.status_code == 403 and "already been used" in r.json()["error"]["message"]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(token=st.text(max_size=300))
def test_no_made_up_token_runs_anything(env, token):
    before = sqlite_digest(env["db"])
    r = _execute(env, "DROP TABLE notes", token)
    assert r.status_code in (403, 422)
    assert r.json()["error"]["code"] in ("confirmation_invalid", "validation_error")
    assert sqlite_digest(env["db"]) == before


def test_chat_writes_only_through_the_confirmation(env):
    """A write typed as a query is refused; a change typed in chat only proposes (nothing runs)."""
    before = sqlite_digest(env["db"])
    for text in ("select 1; drop table notes", "WITH d AS (DELETE FROM notes RETURNING *) SELECT * FROM d",
                 "SELECT * FROM notes; -- harmless\nDELETE FROM notes"):
        events = chat(env["client"], env["alice"], env["conv"], text)
        assert ("error" in [e for e, _ in events]), events
        assert next(d for e, d in events if e == "error")["code"] == "read_only_violation"
    events = chat(env["client"], env["alice"], env["conv"], "drop table notes")
    confirm = next(d for e, d in events if e == "confirm")
    assert confirm["destructive"] and confirm["statements"][0]["sql"].upper() == "DROP TABLE NOTES"
    assert sqlite_digest(env["db"]) == before
    # history keeps the proposal but never its single-use token
    history = env["client"].get(f"/api/v1/conversations/{env['conv']}", headers=env["alice"]).json()
    assert "confirmation_token" not in str(history)


def test_app_database_holds_no_connection_url_in_clear_text(env, pg_url):
    c, alice = env["client"], env["alice"]
    url_with_password = pg_url.replace("postgresql://postgres@", f"postgresql://postgres:{SECRET_PASSWORD}@")
    r = c.post("/api/v1/connections", json={"name": "pg", "url": url_with_password, "check": False}, headers=alice)
    assert r.status_code == 201, r.text
    assert SECRET_PASSWORD not in r.text  # the API shows where, never the credentials
    raw = b"".join(p.read_bytes() for p in env["tmp"].glob("app.db*"))  # the database, its WAL and SHM
    assert raw, "the app database file exists"
    database_name = pg_url.rsplit("/", 1)[1]
    for secret in (SECRET_PASSWORD, database_name, str(env["db"]), "postgresql://", "sqlite:///"):
        assert secret.encode() not in raw, f"{secret!r} is stored in clear text"
    # the key file is private to the server's user
    key = env["tmp"] / "data" / "schema-architect" / "secret.key"
    assert key.stat().st_mode & 0o777 == 0o600


def test_read_only_tool_over_http_on_postgresql(tmp_path, monkeypatch, pg_url):
    import sqlalchemy as sa

    client = make_client(tmp_path, monkeypatch)
    h = sign_up(client, "carol")
    engine = sa.create_engine(pg_url)
    with engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE accounts (id int PRIMARY KEY, balance int)")
        conn.exec_driver_sql("INSERT INTO accounts VALUES (1, 100), (2, 50)")

    def snapshot():
        with engine.connect() as conn:
            return conn.exec_driver_sql("SELECT md5(string_agg(id || ':' || balance, ',' ORDER BY id)) FROM accounts"
                                        ).scalar(), conn.exec_driver_sql(
                "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'").scalar()

    cid = client.post("/api/v1/connections", json={"name": "pg", "url": pg_url}, headers=h).json()["id"]
    before = snapshot()
    writes = ["UPDATE accounts SET balance = 0", "SELECT 1; DELETE FROM accounts",
              "WITH x AS (UPDATE accounts SET balance = 0 RETURNING 1) SELECT * FROM x",
              "SELECT pg_sleep(10)", "SELECT set_config('default_transaction_read_only', 'off', false)",
              "SELECT * FROM accounts FOR UPDATE", "SELECT * INTO stolen FROM accounts", "COPY accounts TO STDOUT",
              "SET default_transaction_read_only = off", "CREATE TABLE x (id int)", "DROP TABLE accounts",
              "SELECT 1 /* ; */; TRUNCATE accounts"]
    for sql in writes:
        r = client.post(f"/api/v1/connections/{cid}/query", json={"sql": sql}, headers=h)
        assert r.status_code == 400 and r.json()["error"]["code"] == "read_only_violation", (sql, r.text)
    ok = client.post(f"/api/v1/connections/{cid}/query", json={"sql": "SELECT sum(balance) FROM accounts"}, headers=h)
    assert ok.status_code == 200 and ok.json()["rows"] == [[150]]
    assert snapshot() == before
    engine.dispose()
    audit = client.get("/api/v1/audit", headers=h).json()
    assert len(audit) == len(writes) + 1


def test_the_app_database_and_key_cannot_be_registered_as_a_connection(env, pg_url):
    c, alice, tmp = env["client"], env["alice"], env["tmp"]
    for url in (f"sqlite:///{tmp / 'app.db'}", f"sqlite:///{tmp}/./data/../app.db",
                f"sqlite:///{tmp / 'data' / 'schema-architect' / 'secret.key'}",
                f"sqlite:///{tmp / 'data' / 'schema-architect' / 'other.db'}"):
        r = c.post("/api/v1/connections", json={"name": "sneaky", "url": url}, headers=alice)
        assert r.status_code == 403 and r.json()["error"]["code"] == "forbidden_location", (url, r.text)
    assert [x["name"] for x in c.get("/api/v1/connections", headers=alice).json()] == ["mine"]


def test_a_postgresql_app_database_cannot_be_registered_either(tmp_path, monkeypatch, pg_url):
    from fastapi.testclient import TestClient

    from schema_architect.app.server import create_app

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    client = TestClient(create_app(pg_url))
    h = sign_up(client, "mallory")
    r = client.post("/api/v1/connections", json={"name": "app", "url": pg_url}, headers=h)
    assert r.status_code == 403 and r.json()["error"]["code"] == "forbidden_location"
