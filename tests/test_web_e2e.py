"""The web page end to end in real headless Chromium: design, diagram, connect, approve, deny.

One browser session walks the whole story against a server on a free loopback port; screenshots of
each step go to the test's tmp dir (and to out/web-e2e/ for people to look at).
"""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest

from schema_architect.app.running import BackgroundServer
from schema_architect.app.server import STATIC, create_app

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
REQUIREMENTS = ("Each customer has a name and an email. A customer places many orders. "
                "Each order has an order date and a total amount.")


def tables_of(path: Path) -> set[str]:
    with sqlite3.connect(path) as db:
        return {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def server(tmp_path, monkeypatch):
    assert (STATIC / "index.html").is_file(), "the web bundle is missing: run scripts/setup.sh (npm run build in web/)"
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    app = create_app(f"sqlite:///{tmp_path / 'app.db'}")
    with BackgroundServer(app) as url:
        yield url


def test_design_connect_approve_and_deny_in_chromium(server, tmp_path):
    from playwright.sync_api import expect, sync_playwright

    shots = tmp_path / "screenshots"
    shots.mkdir()
    user_db = tmp_path / "shop.db"
    sqlite3.connect(user_db).close()

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        outside: list[str] = []  # everything must come from the server itself: no CDN
        page.on("request", lambda r: None if r.url.startswith((server, "blob:", "data:")) else outside.append(r.url))
        page.goto(server + "/")

        # sign up
        page.fill("#username", "alice")
        page.fill("#password", "correct horse battery")
        page.click("#signup")
        expect(page.locator("#workspace")).to_be_visible()
        expect(page.locator("#send")).to_be_enabled(timeout=20_000)  # the first conversation is open

        # describe the data: the tables appear in the rendered diagram
        page.fill("#chat-input", REQUIREMENTS)
        page.click("#send")
        expect(page.locator("#diagram svg")).to_be_visible(timeout=30_000)
        svg = page.locator("#diagram svg")
        expect(svg).to_contain_text("customers")
        expect(svg).to_contain_text("orders")
        assert page.locator("#diagram svg g[id*='entity']").count() >= 2, "one SVG node per table"
        expect(page.locator("#ddl")).to_contain_text("CREATE TABLE")
        page.screenshot(path=str(shots / "1-design.png"))

        # connect the SQLite database to this conversation
        page.fill("#connection-name", "shop")
        page.fill("#connection-url", f"sqlite:///{user_db}")
        page.click("#add-connection")
        expect(page.locator("#connections")).to_contain_text("shop (sqlite)")
        expect(page.locator("#conversation-connection")).not_to_have_value("")

        # ask to create the tables; the dialog shows the SQL; approve it
        page.fill("#chat-input", "create the tables")
        page.click("#send")
        dialog = page.locator("#confirm-dialog")
        expect(dialog).to_be_visible(timeout=10_000)
        expect(dialog).to_contain_text("CREATE TABLE customers")
        assert page.locator("#confirm-sql pre.destructive").count() == 0
        page.screenshot(path=str(shots / "2-confirm-create.png"))
        page.click("#approve")
        expect(page.locator(".msg[data-outcome='executed']")).to_be_visible(timeout=10_000)
        assert {"customers", "orders"} <= tables_of(user_db)

        # ask to drop a table; the statement is highlighted as destructive; deny it
        before = file_digest(user_db)
        page.fill("#chat-input", "drop table orders")
        page.click("#send")
        expect(dialog).to_be_visible(timeout=10_000)
        expect(page.locator("#confirm-sql pre.destructive")).to_contain_text("DROP TABLE")
        page.screenshot(path=str(shots / "3-confirm-drop.png"))
        page.click("#deny")
        expect(page.locator(".msg[data-outcome='denied']")).to_be_visible()
        page.screenshot(path=str(shots / "4-denied.png"))

        # a read-only question works too, and a write through it is refused visibly
        page.fill("#chat-input", "how many customers")
        page.click("#send")
        expect(page.locator("table.result")).to_contain_text("0")
        page.fill("#chat-input", "select 1; drop table orders")
        page.click("#send")
        expect(page.locator(".msg.error").last).to_contain_text("exactly one statement")
        page.screenshot(path=str(shots / "5-refused.png"))

        # DDL per dialect, and the history survives a reload (diagram redrawn from the saved design)
        page.select_option("#dialect", "mysql")
        expect(page.locator("#ddl")).to_contain_text("customer_id INT NOT NULL")  # PostgreSQL says INTEGER
        with page.expect_download() as download:
            page.click("#download-svg")
        assert download.value.suggested_filename == "diagram.svg"
        page.reload()
        expect(page.locator("#messages")).to_contain_text("create the tables")
        expect(page.locator("#messages")).to_contain_text("exactly one statement")
        expect(page.locator("#diagram svg")).to_contain_text("customers", timeout=20_000)
        page.screenshot(path=str(shots / "6-reloaded.png"))

        # the API docs render from the bundled Swagger UI
        page.goto(server + "/docs")
        expect(page.locator(".swagger-ui")).to_contain_text("/api/v1/schema/generate", timeout=20_000)
        page.screenshot(path=str(shots / "7-api-docs.png"))
        browser.close()

    assert file_digest(user_db) == before, "denying the DROP (and the refused query) left the database unchanged"
    assert {"customers", "orders"} <= tables_of(user_db)
    assert not errors, errors
    assert not outside, f"requests left the server: {outside}"
    out = Path("out/web-e2e")
    out.mkdir(parents=True, exist_ok=True)
    for png in shots.iterdir():
        shutil.copy(png, out / png.name)
