"""Bad input at the HTTP layer: clear JSON errors with stable codes, never a trace, nothing half-applied."""

from __future__ import annotations

import json
import sqlite3

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app_client import chat, make_client, sign_up, sqlite_digest
from schema_architect.llm import load_config
from schema_architect.llm.replay_server import ReplayServer, Reply

SHOP = ("Each customer has a name and an email. A customer places many orders. "
        "Each order has an order date and a total amount.")


@pytest.fixture
def api(tmp_path, monkeypatch):
    client = make_client(tmp_path, monkeypatch, max_body_bytes=100_000)
    return client, sign_up(client, "alice"), tmp_path


def assert_error(r, status: int, code: str):
    assert r.status_code == status, (r.status_code, r.text)
    body = r.json()
    assert set(body) == {"error"} and body["error"]["code"] == code and body["error"]["message"], body
    assert "Traceback" not in r.text and 'File "' not in r.text


def test_oversized_bodies_are_refused_before_any_route_runs(api):
    client, h, _ = api
    big = json.dumps({"text": SHOP + " x" * 60_000})
    assert_error(client.post("/api/v1/schema/generate", content=big, headers={**h, "content-type": "application/json"}),
                 413, "payload_too_large")

    def chunks():  # no content-length: the limit holds for a chunked upload too
        for _ in range(30):
            yield b" " * 10_000

    assert_error(client.post("/api/v1/schema/generate", content=chunks(), headers={**h, "content-type": "application/json"}),
                 413, "payload_too_large")
    # the sign-up route is as protected as the others
    assert_error(client.post("/api/v1/users", content=b"{" + b" " * 200_000 + b"}"), 413, "payload_too_large")


def test_invalid_json_and_wrong_shapes(api):
    client, h, _ = api
    jh = {**h, "content-type": "application/json"}
    for body in (b"{", b"{'text': 'single quotes'}", b"\xff\xfe", b'{"text": "a"}{"more": 1}'):
        assert_error(client.post("/api/v1/schema/generate", content=body, headers=jh), 400, "invalid_json")
    assert_error(client.post("/api/v1/schema/generate", json={"txt": SHOP}, headers=h), 422, "validation_error")
    assert_error(client.post("/api/v1/schema/generate", json=[SHOP], headers=h), 422, "validation_error")
    assert_error(client.post("/api/v1/schema/ddl", json={"input": {}}, headers=h), 422, "validation_error")
    assert_error(client.post("/api/v1/schema/ddl", json={"input": {"ddl": "x", "text": SHOP}}, headers=h),
                 422, "validation_error")
    assert_error(client.get("/api/v1/conversations/not-a-number", headers=h), 422, "validation_error")
    assert_error(client.post("/api/v1/users", json={"username": "a b", "password": "long enough"}), 422,
                 "validation_error")
    assert_error(client.post("/api/v1/users", json={"username": "alice", "password": "long enough"}), 409,
                 "username_taken")
    assert_error(client.get("/api/v1/no-such-route", headers=h), 404, "not_found")


def test_unknown_dialects_and_formats(api):
    client, h, _ = api
    assert_error(client.post("/api/v1/schema/generate", json={"text": SHOP, "dialect": "db2"}, headers=h),
                 400, "invalid_dialect")
    assert_error(client.post("/api/v1/schema/ddl", json={"input": {"text": SHOP}, "dialect": "cobol"}, headers=h),
                 400, "invalid_dialect")
    assert_error(client.post("/api/v1/schema/ddl", json={"input": {"ddl": "CREATE TABLE t (id int)",
                                                                   "source_dialect": "nope"}}, headers=h),
                 400, "invalid_dialect")
    assert_error(client.post("/api/v1/migrations/plan", json={"from": {"text": SHOP}, "to": {"text": SHOP},
                                                              "dialect": "excel"}, headers=h), 400, "invalid_dialect")
    assert_error(client.post("/api/v1/schema/erd", json={"input": {"text": SHOP}, "format": "gif"}, headers=h),
                 400, "invalid_input")
    r = client.post("/api/v1/schema/generate", json={"text": SHOP, "dialect": "mariadb"}, headers=h)
    assert r.status_code == 200 and "CREATE TABLE" in r.json()["ddl"]


def test_text_the_engine_cannot_use(api):
    client, h, _ = api
    for text in ("", "   ", "\x00\x01binary", "hello there"):
        assert_error(client.post("/api/v1/schema/generate", json={"text": text}, headers=h), 400, "invalid_input")
    assert_error(client.post("/api/v1/schema/ddl", json={"input": {"ddl": "CREATE TABLE (((", "source_dialect": "pg"}},
                             headers=h), 400, "ddl_parse_error")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=st.binary(max_size=400) | st.text(max_size=400).map(str.encode))
def test_arbitrary_bodies_never_produce_a_server_error(api, body):
    client, h, _ = api
    for path in ("/api/v1/schema/generate", "/api/v1/schema/lint", "/api/v1/conversations"):
        r = client.post(path, content=body, headers={**h, "content-type": "application/json"})
        assert r.status_code < 500, (path, body, r.text)
        if r.status_code >= 400:
            assert r.json()["error"]["code"]
            assert "Traceback" not in r.text


def test_unreachable_databases(api, mysql_url):
    client, h, _ = api
    for url in ("postgresql://postgres@127.0.0.1:1/nowhere", "mysql://root@127.0.0.1:1/nowhere",
                mysql_url.rsplit("/", 1)[0] + "/no_such_database_here"):
        r = client.post("/api/v1/connections", json={"name": "x", "url": url}, headers=h)
        assert r.status_code in (400, 502) and r.json()["error"]["code"] in ("database_unreachable", "database_error"), r.text
    assert_error(client.post("/api/v1/connections", json={"name": "x", "url": "postgresql://postgres@127.0.0.1:1/db"},
                             headers=h), 502, "database_unreachable")
    assert_error(client.post("/api/v1/connections", json={"name": "x", "url": "not a url"}, headers=h), 400, "invalid_url")
    assert client.get("/api/v1/connections", headers=h).json() == []  # nothing half-created
    # a saved connection whose server went away: the API and the chat say so
    cid = client.post("/api/v1/connections", json={"name": "gone", "url": "postgresql://postgres@127.0.0.1:1/db",
                                                   "check": False}, headers=h).json()["id"]
    assert_error(client.post(f"/api/v1/connections/{cid}/query", json={"sql": "SELECT 1"}, headers=h),
                 502, "database_unreachable")
    assert_error(client.get(f"/api/v1/connections/{cid}/schema", headers=h), 502, "database_unreachable")
    conv = client.post("/api/v1/conversations", json={"connection_id": cid}, headers=h).json()["id"]
    events = chat(client, h, conv, "describe the schema")
    errors = [d for e, d in events if e == "error"]
    assert errors and errors[0]["code"] == "database_unreachable" and events[-1][0] == "done"


@pytest.mark.parametrize("target", ["sqlite", "postgresql"])
def test_a_change_that_fails_part_way_leaves_nothing_behind(api, target, pg_url):
    import sqlalchemy as sa

    client, h, tmp = api
    url = f"sqlite:///{tmp / 'user.db'}" if target == "sqlite" else pg_url
    if target == "sqlite":
        sqlite3.connect(tmp / "user.db").close()
    cid = client.post("/api/v1/connections", json={"name": "db", "url": url}, headers=h).json()["id"]
    sql = "CREATE TABLE first_one (id INTEGER PRIMARY KEY);\nINSERT INTO no_such_table VALUES (1);"
    proposal = client.post(f"/api/v1/connections/{cid}/changes", json={"sql": sql}, headers=h).json()
    r = client.post(f"/api/v1/connections/{cid}/changes/execute",
                    json={"sql": sql, "confirmation_token": proposal["confirmation_token"]}, headers=h)
    assert_error(r, 400, "database_error")
    assert "statement 2 of 2" in r.json()["error"]["message"]
    engine = sa.create_engine(url)
    assert "first_one" not in sa.inspect(engine).get_table_names()
    engine.dispose()
    outcomes = [a["outcome"] for a in client.get("/api/v1/audit", headers=h).json()]
    assert all(o.startswith("rolled back") for o in outcomes) and len(outcomes) == 2


def test_a_model_that_stops_mid_stream(tmp_path, monkeypatch):
    db = tmp_path / "user.db"
    with sqlite3.connect(db) as c:
        c.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY)")
    with ReplayServer() as llm:
        llm.add(Reply(content="Let me look at your notes table and then drop it for you right away.",
                      tool_calls=[{"name": "execute_change", "arguments": {"sql": "DROP TABLE notes",
                                                                           "confirmation_token": "x"}}],
                      hang_after_chunks=2))
        client = make_client(tmp_path, monkeypatch,
                             llm_config=load_config({"model": "replay-model", "base_url": llm.base_url}))
        h = sign_up(client, "alice")
        cid = client.post("/api/v1/connections", json={"name": "db", "url": f"sqlite:///{db}"}, headers=h).json()["id"]
        conv = client.post("/api/v1/conversations", json={"connection_id": cid}, headers=h).json()["id"]
        before = sqlite_digest(db)
        events = chat(client, h, conv, "drop the notes table")
    kinds = [e for e, _ in events]
    assert kinds[0] == "message" and kinds[-2:] == ["error", "done"], kinds
    error = events[-2][1]
    assert error["code"] == "llm_stream_interrupted" and "nothing was run" in error["message"]
    assert "confirm" not in kinds and sqlite_digest(db) == before
    # the partial answer and the error are kept in the history, visible when the page reloads
    history = client.get(f"/api/v1/conversations/{conv}", headers=h).json()["messages"]
    assert history[-1]["data"]["error"][0]["code"] == "llm_stream_interrupted"
