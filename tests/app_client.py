"""Helpers for the app tests: an app on a throw-away app database, signed-up users, SSE parsing."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from fastapi.testclient import TestClient

from schema_architect.app.server import create_app

PASSWORD = "correct horse battery"


def make_client(tmp_path: Path, monkeypatch, **kw) -> TestClient:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.delenv("SCHEMA_ARCHITECT_SECRET_KEY", raising=False)
    return TestClient(create_app(f"sqlite:///{tmp_path / 'app.db'}", **kw), raise_server_exceptions=False)


def sign_up(client: TestClient, username: str) -> dict:
    r = client.post("/api/v1/users", json={"username": username, "password": PASSWORD})
    assert r.status_code == 201, r.text
    r = client.post("/api/v1/tokens", json={"username": username, "password": PASSWORD})
    assert r.status_code == 201, r.text
    return {"Authorization": f"Bearer {r.json()['token']}"}


def chat(client: TestClient, headers: dict, conversation_id: int, text: str) -> list[tuple[str, dict]]:
    """The (event, data) pairs of one streamed answer."""
    with client.stream("POST", f"/api/v1/conversations/{conversation_id}/messages", json={"content": text},
                       headers=headers) as r:
        assert r.status_code == 200, r.read()
        assert r.headers["content-type"].startswith("text/event-stream")
        body = r.read().decode()
    events = []
    for block in body.split("\n\n"):
        lines = dict(line.split(": ", 1) for line in block.splitlines() if ": " in line)
        if "event" in lines:
            events.append((lines["event"], json.loads(lines.get("data", "{}"))))
    return events


def sqlite_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()
