"""The REST API's schema endpoints, designs and the app database (Alembic, PostgreSQL, secret key)."""

from __future__ import annotations

import os

import pytest
import sqlalchemy as sa

from app_client import make_client, sign_up
from schema_architect.app.server import create_app

SHOP = ("Each customer has a name and an email. A customer places many orders. "
        "Each order has an order date and a total amount.")


@pytest.fixture
def api(tmp_path, monkeypatch):
    client = make_client(tmp_path, monkeypatch)
    return client, sign_up(client, "alice")


def test_openapi_docs_list_every_endpoint(api):
    client, _ = api
    docs = client.get("/docs")
    assert docs.status_code == 200 and "/docs-assets/swagger-ui-bundle.js" in docs.text
    assert "https://" not in docs.text and "http://" not in docs.text  # no CDN
    assert client.get("/docs-assets/swagger-ui.css").status_code == 200
    paths = set(client.get("/openapi.json").json()["paths"])
    for p in ("/api/v1/schema/generate", "/api/v1/schema/refine", "/api/v1/schema/evolve", "/api/v1/schema/optimize",
              "/api/v1/schema/lint", "/api/v1/schema/erd", "/api/v1/schema/ddl", "/api/v1/migrations/plan",
              "/api/v1/connections", "/api/v1/conversations/{conversation_id}/messages", "/api/v1/designs",
              "/api/v1/designs/{design_id}/versions"):
        assert p in paths, p


def test_generate_refine_ddl_erd_lint(api):
    client, h = api
    g = client.post("/api/v1/schema/generate", json={"text": SHOP, "dialect": "mysql"}, headers=h).json()
    assert {t["name"] for t in g["tables"]} == {"customers", "orders"}
    assert "ENGINE=InnoDB" in g["ddl"] or "CREATE TABLE `orders`" in g["ddl"] or "CREATE TABLE orders" in g["ddl"]
    assert g["decisions"] and all({"subject", "decision", "rationale"} <= set(d) for d in g["decisions"])

    r = client.post("/api/v1/schema/refine", json={"requirements": [SHOP], "text": "Each product has a name and a "
                                                   "price. An order contains many products."}, headers=h).json()
    assert any(c.startswith("+ table products") for c in r["changes"]) and len(r["requirements"]) == 2

    schema = g["schema"]
    for dialect, marker in (("postgresql", "CREATE TABLE"), ("sqlserver", "CREATE TABLE"), ("oracle", "CREATE TABLE")):
        assert marker in client.post("/api/v1/schema/ddl", json={"input": {"schema": schema}, "dialect": dialect},
                                     headers=h).json()["ddl"]
    svg = client.post("/api/v1/schema/erd", json={"input": {"schema": schema}, "format": "svg"}, headers=h).json()
    assert svg["content"].lstrip().startswith(("<?xml", "<svg")) and "customers" in svg["content"]
    mermaid = client.post("/api/v1/schema/erd", json={"input": {"ddl": g["ddl"], "source_dialect": "mysql"}},
                          headers=h).json()["content"]
    assert mermaid.startswith("erDiagram") and "orders" in mermaid
    lint = client.post("/api/v1/schema/lint", json={"input": {"ddl": "CREATE TABLE t (a int, b text);"}},
                       headers=h).json()
    assert any("primary key" in json_text.lower() for json_text in map(str, lint["findings"]))


def test_evolve_and_migration_plan(api):
    client, h = api
    old = {"ddl": "CREATE TABLE books (id INT PRIMARY KEY, title VARCHAR(200));", "source_dialect": "postgresql"}
    new = {"ddl": "CREATE TABLE books (id INT PRIMARY KEY, title VARCHAR(200), isbn VARCHAR(13));",
           "source_dialect": "postgresql"}
    diff = client.post("/api/v1/schema/evolve", json={"from": old, "to": new}, headers=h).json()
    assert not diff["empty"] and any("isbn" in c for c in diff["changes"])
    plan = client.post("/api/v1/migrations/plan", json={"from": old, "to": new, "dialect": "postgresql"}, headers=h).json()
    assert "ADD COLUMN isbn" in plan["files"]["up.sql"] and "DROP COLUMN isbn" in plan["files"]["down.sql"]
    assert "def upgrade" in plan["files"]["migration.py"]


def test_designs_and_versions(api):
    client, h = api
    d = client.post("/api/v1/designs", json={"name": "shop", "input": {"text": SHOP}}, headers=h).json()
    v2 = client.post(f"/api/v1/designs/{d['id']}/versions",
                     json={"text": "Each product has a name and a price. An order contains many products."},
                     headers=h).json()
    assert v2["version"] == 2 and len(v2["requirements"]) == 2
    names = {t["name"] for t in v2["schema"]["schema"]["tables"]}  # the schema JSON form: format, version, schema
    assert names == {"customers", "orders", "products"}
    assert client.get(f"/api/v1/designs/{d['id']}/versions/1", headers=h).json()["version"] == 1
    assert client.get(f"/api/v1/designs/{d['id']}/versions/9", headers=h).status_code == 404
    assert client.delete(f"/api/v1/designs/{d['id']}", headers=h).status_code == 204
    assert client.get(f"/api/v1/designs/{d['id']}", headers=h).status_code == 404


def test_optimize_on_a_postgresql_connection(api, pg_url):
    client, h = api
    engine = sa.create_engine(pg_url)
    with engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE events (id int PRIMARY KEY, kind text, at timestamp)")
        conn.exec_driver_sql("INSERT INTO events SELECT g, 'k' || mod(g, 50), now() FROM generate_series(1, 2000) g")
        conn.exec_driver_sql("ANALYZE events")
    engine.dispose()
    cid = client.post("/api/v1/connections", json={"name": "pg", "url": pg_url}, headers=h).json()["id"]
    r = client.post("/api/v1/schema/optimize", json={"connection_id": cid,
                                                     "workload": "SELECT * FROM events WHERE kind = 'k7';"}, headers=h)
    assert r.status_code == 200, r.text
    report = r.json()
    assert report["workload"]["statements"] == 1
    assert any(ix["table"] == "events" and ix["columns"] == ["kind"] for ix in report["indexes"]), report["indexes"]


def test_app_database_on_postgresql_is_made_by_alembic(tmp_path, monkeypatch, pg_url):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    monkeypatch.setenv("SCHEMA_ARCHITECT_SECRET_KEY", "x" * 43 + "=")
    from fastapi.testclient import TestClient

    client = TestClient(create_app(pg_url))
    h = sign_up(client, "alice")
    assert client.post("/api/v1/conversations", json={}, headers=h).status_code == 201
    engine = sa.create_engine(pg_url)
    tables = set(sa.inspect(engine).get_table_names())
    with engine.connect() as conn:
        version = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
    engine.dispose()
    assert {"users", "api_tokens", "connections", "conversations", "messages", "designs", "design_versions",
            "audit_log", "used_confirmations"} <= tables
    assert version == "0001"
    assert not (tmp_path / "schema-architect" / "secret.key").exists(), "the key came from the environment"
    # a second server process on the same database starts cleanly (upgrade is idempotent)
    create_app(pg_url)


def test_a_bad_secret_key_is_a_clear_error(tmp_path, monkeypatch):
    from schema_architect.errors import InputError

    monkeypatch.setenv("SCHEMA_ARCHITECT_SECRET_KEY", "not a fernet key")
    with pytest.raises(InputError, match="not a valid Fernet key"):
        create_app(f"sqlite:///{tmp_path / 'app.db'}")
    assert "SCHEMA_ARCHITECT_SECRET_KEY" in os.environ
