"""The chat assistant: the offline intent router end to end over SSE, and the model's tool calling."""

from __future__ import annotations

import json
import sqlite3

import pytest
import sqlalchemy as sa

from app_client import chat, make_client, sign_up, sqlite_digest
from schema_architect.app.chat import route
from schema_architect.llm import load_config
from schema_architect.llm.replay_server import ReplayServer, Reply

SHOP = ("Each customer has a name and an email. A customer places many orders. "
        "Each order has an order date and a total amount.")


@pytest.mark.parametrize(("text", "has_schema", "intent"), [
    ("Design a database for a shop: " + SHOP, False, "design"),
    (SHOP, False, "design"),
    ("Each product has a name and a price.", True, "refine"),
    ("add a phone number to customers", True, "refine"),
    ("describe the schema", True, "describe"),
    ("show me the diagram", True, "diagram"),
    ("give me the DDL for MySQL", True, "ddl"),
    ("SELECT * FROM customers", True, "query"),
    ("how many orders are there?", True, "count"),
    ("create the tables", True, "create_tables"),
    ("please apply the design", True, "create_tables"),
    ("drop table orders", True, "drop_table"),
    ("DELETE FROM orders WHERE total < 0", True, "sql_change"),
    ("add column phone VARCHAR(40) to customers", True, "add_column"),
    ("drop email from customers", True, "refine"),
    ("let products have several categories", True, "refine"),
])
def test_intent_router(text, has_schema, intent):
    assert route(text, has_schema)[0] == intent


@pytest.fixture
def shop(tmp_path, monkeypatch):
    client = make_client(tmp_path, monkeypatch)
    h = sign_up(client, "alice")
    db = tmp_path / "shop.db"
    sqlite3.connect(db).close()
    cid = client.post("/api/v1/connections", json={"name": "shop", "url": f"sqlite:///{db}"}, headers=h).json()["id"]
    conv = client.post("/api/v1/conversations", json={"title": "shop"}, headers=h).json()["id"]
    return client, h, db, cid, conv


def data(events, kind):
    return [d for e, d in events if e == kind]


def test_offline_conversation_design_refine_apply_query_change(shop):
    client, h, db, cid, conv = shop
    events = chat(client, h, conv, "Design a database for " + SHOP)
    assert [e for e, _ in events][-1] == "done" and data(events, "message")
    schema = data(events, "schema")[0]
    assert {t["name"] for t in schema["tables"]} == {"customers", "orders"}
    assert schema["mermaid"].startswith("erDiagram") and "CREATE TABLE" in schema["ddl"]

    events = chat(client, h, conv, "Each product has a name and a price. An order contains many products.")
    tables = {t["name"]: t["columns"] for t in data(events, "schema")[0]["tables"]}
    assert set(tables) == {"customers", "orders", "products"} and "price" in tables["products"]
    assert "+ table products" in "".join(d["text"] for d in data(events, "message"))

    events = chat(client, h, conv, "give me the DDL for MySQL")
    assert data(events, "schema")[0]["dialect"] == "mysql"

    # without a connection, changes are refused with a clear message
    assert data(chat(client, h, conv, "create the tables"), "error")[0]["code"] == "no_connection"
    assert client.patch(f"/api/v1/conversations/{conv}", json={"connection_id": cid}, headers=h).status_code == 200

    proposal = data(chat(client, h, conv, "create the tables"), "confirm")[0]
    assert proposal["dialect"] == "sqlite" and not proposal["destructive"]
    assert sqlite_digest(db) == sqlite_digest(db) and sqlite3.connect(db).execute(
        "SELECT count(*) FROM sqlite_master").fetchone()[0] == 0, "proposing runs nothing"
    r = client.post(f"/api/v1/connections/{cid}/changes/execute",
                    json={"sql": proposal["sql"], "confirmation_token": proposal["confirmation_token"]}, headers=h)
    assert r.status_code == 200, r.text

    events = chat(client, h, conv, "describe the schema")
    assert data(events, "schema")[0]["source"] == "live"
    assert {t["name"] for t in data(events, "schema")[0]["tables"]} == {"customers", "orders", "products"}

    with sqlite3.connect(db) as c:
        c.execute("INSERT INTO customers (customer_id, name) VALUES (1, 'Ada'), (2, 'Grace')")
    result = data(chat(client, h, conv, "how many customers?"), "result")[0]
    assert result["rows"] == [[2]] and "COUNT(*)" in result["sql"].upper()
    result = data(chat(client, h, conv, "SELECT name FROM customers ORDER BY name"), "result")[0]
    assert result["columns"] == ["name"] and result["rows"] == [["Ada"], ["Grace"]]

    proposal = data(chat(client, h, conv, "add column loyalty_points INTEGER to customers"), "confirm")[0]
    assert proposal["statements"][0]["sql"].startswith("ALTER TABLE customers ADD COLUMN loyalty_points")
    proposal = data(chat(client, h, conv, "drop the orders table"), "confirm")[0]
    assert proposal["destructive"] and proposal["statements"][0]["sql"] == "DROP TABLE orders"

    # the design was saved as versions, and the history replays the conversation
    conv_view = client.get(f"/api/v1/conversations/{conv}", headers=h).json()
    design = client.get(f"/api/v1/designs/{conv_view['design_id']}", headers=h).json()
    assert [v["version"] for v in design["versions"]] == [1, 2]
    roles = [m["role"] for m in conv_view["messages"]]
    assert roles[:2] == ["user", "assistant"] and len(roles) == 2 * 10


def test_design_requests_in_english_are_kept_across_redesigns(shop):
    client, h, _db, _cid, conv = shop
    chat(client, h, conv, SHOP)
    tables = {t["name"]: t["columns"] for t in data(chat(client, h, conv, "add a phone number to customers"),
                                                     "schema")[0]["tables"]}
    assert "phone_number" in tables["customers"]
    events = chat(client, h, conv, "drop email from customers")
    assert "email" not in data(events, "schema")[0]["tables"][0]["columns"]
    assert "- column customers.email" in "".join(d["text"] for d in data(events, "message"))
    # a description redesigns from the requirements, and the two requests are applied again on top
    tables = {t["name"]: t["columns"] for t in data(
        chat(client, h, conv, "Each product has a name and a price. An order contains many products."),
        "schema")[0]["tables"]}
    assert "products" in tables and "phone_number" in tables["customers"] and "email" not in tables["customers"]
    # without a database, "drop the orders table" is about the design
    tables = {t["name"] for t in data(chat(client, h, conv, "drop the products table"), "schema")[0]["tables"]}
    assert tables == {"customers", "orders"}


def test_english_change_requests_on_the_connected_database(shop):
    client, h, db, cid, conv = shop
    with sqlite3.connect(db) as c:
        c.execute("CREATE TABLE customers (customer_id INTEGER PRIMARY KEY, name VARCHAR(100), email VARCHAR(100))")
        c.execute("INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com')")
    client.patch(f"/api/v1/conversations/{conv}", json={"connection_id": cid}, headers=h)

    def approve(proposal):
        r = client.post(f"/api/v1/connections/{cid}/changes/execute",
                        json={"sql": proposal["sql"], "confirmation_token": proposal["confirmation_token"]}, headers=h)
        assert r.status_code == 200, r.text

    proposal = data(chat(client, h, conv, "add a phone number to customers"), "confirm")[0]
    assert proposal["statements"][0]["sql"].startswith("ALTER TABLE customers ADD COLUMN phone_number")
    approve(proposal)
    proposal = data(chat(client, h, conv, "drop email from customers"), "confirm")[0]
    assert proposal["destructive"] and "CREATE TABLE schema_architect_bak_" in proposal["sql"]
    approve(proposal)
    with sqlite3.connect(db) as c:
        columns = [r[1] for r in c.execute("PRAGMA table_info(customers)")]
        backup = [r[0] for r in c.execute("SELECT name FROM sqlite_master WHERE name LIKE 'schema_architect_bak_%'"
                                          " AND type = 'table'")]
        assert columns == ["customer_id", "name", "phone_number"]
        assert c.execute(f"SELECT email FROM {backup[0]}").fetchall() == [("ada@example.com",)]
    # a request naming nothing in the database changes the design instead
    events = chat(client, h, conv, "Each supplier has a name and an email.")
    assert "confirm" not in [e for e, _ in events] and data(events, "schema")[0]["source"] == "design"


def test_model_tool_calling(shop, tmp_path, monkeypatch):
    _client, _h, db, _cid, _conv = shop
    with sqlite3.connect(db) as c:
        c.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
        c.executemany("INSERT INTO notes (body) VALUES (?)", [("a",), ("b",), ("c",)])
    with ReplayServer() as llm:
        llm.add(
            Reply(tool_calls=[{"name": "get_database_schema", "arguments": {}}]),
            Reply(tool_calls=[{"name": "run_read_only_query", "arguments": {"sql": "SELECT count(*) FROM notes"}}],
                  when="CREATE TABLE notes"),
            Reply(content="You have 3 notes.", when='[[3]]'),
            # next turn: the model tries to write through the read tool, then to run a change without approval
            Reply(tool_calls=[{"name": "run_read_only_query", "arguments": {"sql": "DELETE FROM notes"}},
                              {"name": "execute_change", "arguments": {"sql": "DELETE FROM notes",
                                                                       "confirmation_token": "made.up"}}]),
            Reply(tool_calls=[{"name": "ask_for_confirmation", "arguments": {"sql": "DELETE FROM notes"}}],
                  when="read_only_violation"),
        )
        client = make_client(tmp_path / "model", monkeypatch,
                             llm_config=load_config({"model": "replay-model", "base_url": llm.base_url}))
        h = sign_up(client, "alice")
        cid = client.post("/api/v1/connections", json={"name": "db", "url": f"sqlite:///{db}"}, headers=h).json()["id"]
        conv = client.post("/api/v1/conversations", json={"connection_id": cid}, headers=h).json()["id"]

        events = chat(client, h, conv, "how many notes do I have?")
        kinds = [e for e, _ in events]
        assert kinds[:2] == ["schema", "result"] and kinds[-1] == "done" and set(kinds[2:-1]) == {"message"}
        assert "".join(d["text"] for d in data(events, "message")) == "You have 3 notes."
        first = llm.requests[0]
        assert {t["function"]["name"] for t in first["tools"]} == {
            "design_schema", "refine_design", "get_database_schema", "run_read_only_query", "ask_for_confirmation",
            "execute_change"}
        assert first["stream"] is True

        before = sqlite_digest(db)
        events = chat(client, h, conv, "delete all my notes")
        codes = [d["code"] for d in data(events, "error")]
        assert codes == ["read_only_violation", "confirmation_invalid"]
        proposal = data(events, "confirm")[0]
        assert proposal["destructive"] and sqlite_digest(db) == before
        # what the model saw: the refusal, and the proposal without its token
        tool_results = [m["content"] for m in llm.requests[-1]["messages"] if m["role"] == "tool"]
        assert proposal["confirmation_token"] not in json.dumps(llm.requests)
        assert any("read_only_violation" in t for t in tool_results)
        assert llm.remaining == 0
    # the user approves in the page: now it runs, once
    r = client.post(f"/api/v1/connections/{cid}/changes/execute",
                    json={"sql": proposal["sql"], "confirmation_token": proposal["confirmation_token"]}, headers=h)
    assert r.status_code == 200
    assert sqlite3.connect(db).execute("SELECT count(*) FROM notes").fetchone()[0] == 0


def test_model_designs_and_refines_with_the_offline_engine(shop, tmp_path, monkeypatch):
    """The model passes the user's requirements to design_schema and a change to refine_design; the page shows
    each design, each is saved as a version, the model sees tables, questions and DDL, and no database changes."""
    _client, _h, db, _cid, _conv = shop
    before = sqlite_digest(db)
    with ReplayServer() as llm:
        llm.add(
            Reply(tool_calls=[{"name": "design_schema", "arguments": {"requirements": SHOP}}]),
            Reply(content="Your design has customers and orders.", when="customer_id"),
            Reply(tool_calls=[{"name": "refine_design", "arguments": {"request": "add a phone number to customers"}}]),
            Reply(content="Added the phone number.", when="phone_number"),
            Reply(tool_calls=[{"name": "design_schema", "arguments": {"requirements": "   "}}]),
            Reply(content="Please describe your data.", when="requirements text is empty"),
        )
        client = make_client(tmp_path / "model", monkeypatch,
                             llm_config=load_config({"model": "replay-model", "base_url": llm.base_url}))
        h = sign_up(client, "alice")
        cid = client.post("/api/v1/connections", json={"name": "db", "url": f"sqlite:///{db}"}, headers=h).json()["id"]
        conv = client.post("/api/v1/conversations", json={"connection_id": cid}, headers=h).json()["id"]

        events = chat(client, h, conv, "I run a shop: " + SHOP)
        shown = data(events, "schema")
        assert [s["source"] for s in shown] == ["design"]
        assert {"customers", "orders"} <= {t["name"] for t in shown[0]["tables"]}
        result = json.loads(next(m["content"] for m in llm.requests[1]["messages"] if m["role"] == "tool"))
        assert result["dialect"] == "sqlite" and "CREATE TABLE" in result["ddl"]
        assert "customer_id" in result["tables"]["orders"]

        events = chat(client, h, conv, "customers need a phone number too")
        refined = json.loads([m["content"] for m in llm.requests[3]["messages"] if m["role"] == "tool"][-1])
        assert "phone_number" in refined["tables"]["customers"] and refined["changes"]
        assert "".join(d["text"] for d in data(events, "message")) == "Added the phone number."

        events = chat(client, h, conv, "design something")  # the model passes nothing: it is told so, in words
        assert data(events, "error")[0]["code"] == "invalid_input" and not data(events, "schema")
        assert "".join(d["text"] for d in data(events, "message")) == "Please describe your data."
        assert llm.remaining == 0
    design_id = client.get("/api/v1/designs", headers=h).json()[0]["id"]
    versions = client.get(f"/api/v1/designs/{design_id}", headers=h).json()["versions"]
    assert [v["version"] for v in versions] == [1, 2]
    assert any(c["name"] == "phone_number" for t in versions[1]["schema"]["schema"]["tables"] for c in t["columns"])
    assert sqlite_digest(db) == before  # designing touched no database


@pytest.mark.mariadb
def test_create_tables_on_mariadb_is_all_or_nothing(tmp_path, monkeypatch, mysql_url):
    client = make_client(tmp_path, monkeypatch)
    h = sign_up(client, "alice")
    cid = client.post("/api/v1/connections", json={"name": "maria", "url": mysql_url}, headers=h).json()["id"]
    conv = client.post("/api/v1/conversations", json={"connection_id": cid}, headers=h).json()["id"]
    chat(client, h, conv, SHOP)
    engine = sa.create_engine(mysql_url)
    with engine.begin() as conn:  # a clash on the second table: the first must not be left behind
        conn.exec_driver_sql("CREATE TABLE orders (x int)")
    proposal = data(chat(client, h, conv, "create the tables"), "confirm")[0]
    assert proposal["dialect"] == "mysql" and "dropped again" in proposal["note"]
    r = client.post(f"/api/v1/connections/{cid}/changes/execute",
                    json={"sql": proposal["sql"], "confirmation_token": proposal["confirmation_token"]}, headers=h)
    assert r.status_code == 400 and r.json()["error"]["code"] == "database_error"
    assert set(sa.inspect(engine).get_table_names()) == {"orders"}
    with engine.begin() as conn:
        conn.exec_driver_sql("DROP TABLE orders")
    proposal = data(chat(client, h, conv, "create the tables"), "confirm")[0]
    r = client.post(f"/api/v1/connections/{cid}/changes/execute",
                    json={"sql": proposal["sql"], "confirmation_token": proposal["confirmation_token"]}, headers=h)
    assert r.status_code == 200, r.text
    assert set(sa.inspect(engine).get_table_names()) == {"customers", "orders"}
    engine.dispose()
