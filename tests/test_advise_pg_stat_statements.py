"""`optimize` with no workload file reads the workload from pg_stat_statements, its default source.

The extension must be preloaded when the server starts, which the machine's shared server is not, and
restarting that server from a test would disturb everything else on it. So this module starts a private
PostgreSQL of its own (the same Debian binaries, initdb in a temporary directory, a free port, trust auth)
with ``shared_preload_libraries = pg_stat_statements``, runs a real workload against it, and stops it.
"""

from __future__ import annotations

import glob
import json
import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import psycopg
import pytest

from advisor_data import SHOP_WORKLOAD, build_shop
from conftest import free_port

pytestmark = pytest.mark.postgres


def _bin(name: str) -> str:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    if not found:
        pytest.fail(f"{name} not found under /usr/lib/postgresql/*/bin: the PostgreSQL server package is missing")
    return found[-1]


def _as_server_user(args: list[str]) -> list[str]:
    # initdb and postgres refuse to run as root; Debian's server package creates the postgres user
    return ["runuser", "-u", "postgres", "--", *args] if os.geteuid() == 0 else args


@pytest.fixture(scope="module")
def preloaded_server():
    # not pytest's tmp_path: that lies under a root-only directory the server user cannot enter
    root = Path(tempfile.mkdtemp(prefix="sa_pgss_"))
    data = root / "data"
    if os.geteuid() == 0:
        shutil.chown(root, "postgres")
    subprocess.run(_as_server_user([_bin("initdb"), "-D", str(data), "-U", "postgres", "--auth=trust", "-E", "UTF8",
                                    "--no-sync"]), check=True, capture_output=True)
    port = free_port()
    server = subprocess.Popen(_as_server_user([
        _bin("postgres"), "-D", str(data), "-p", str(port), "-k", str(root), "-c", "listen_addresses=127.0.0.1",
        "-c", "shared_preload_libraries=pg_stat_statements", "-c", "fsync=off"]),
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    dsn = f"host=127.0.0.1 port={port} user=postgres dbname=postgres"
    try:
        for _ in range(100):
            try:
                psycopg.connect(dsn, connect_timeout=1).close()
                break
            except psycopg.OperationalError:
                time.sleep(0.1)
        else:
            pytest.fail("the private PostgreSQL did not start within 10 s")
        yield port
    finally:
        server.terminate()
        server.wait(timeout=30)
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(scope="module")
def observed_shop(preloaded_server):
    """A shop database whose workload ran against it, as pg_stat_statements saw it."""
    port = preloaded_server
    with psycopg.connect(f"host=127.0.0.1 port={port} user=postgres dbname=postgres", autocommit=True) as conn:
        conn.execute("CREATE DATABASE shop")
    dsn = f"host=127.0.0.1 port={port} user=postgres dbname=shop"
    build_shop(dsn, orders=80_000, customers=8_000, products=800)
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute("CREATE EXTENSION pg_stat_statements")
        conn.execute("SELECT pg_stat_statements_reset()")
        statements = [s.strip() for s in SHOP_WORKLOAD.split(";") if s.strip()]
        for repeat in range(3):
            for sql in statements:
                conn.execute(sql)
        for customer in range(1, 40):  # the hot query runs most, with different values
            conn.execute("SELECT * FROM orders WHERE customer_id = %s", (customer,))
    return f"postgresql+psycopg://postgres@127.0.0.1:{port}/shop"


def test_pg_stat_statements_is_the_default_workload(observed_shop, run_cli, tmp_path):
    out = tmp_path / "report.json"
    r = run_cli("optimize", "--db", observed_shop, "-f", "json", "-o", str(out))
    assert r.exit_code == 0, r.output
    report = json.loads(out.read_text())
    assert report["workload"]["source"] == "pg_stat_statements"
    assert not any(n.startswith("no workload given") for n in report["notes"]), report["notes"]
    # parameterized statements (pg_stat_statements stores $1) were read with their call counts
    hot = [q for q in report["per_query"] if "orders" in q["sql"] and "customer_id = $1" in q["sql"]]
    assert hot and max(q["count"] for q in hot) >= 39
    assert any(ix["table"] == "orders" and ix["columns"][0] == "customer_id" for ix in report["indexes"]), \
        report["indexes"]
    assert not report["skipped"], report["skipped"]

def test_statements_of_other_databases_are_not_read(observed_shop, preloaded_server):
    from schema_architect.advise.workload import read_pg_stat_statements

    port = preloaded_server
    with psycopg.connect(f"host=127.0.0.1 port={port} user=postgres dbname=postgres", autocommit=True) as conn:
        conn.execute("CREATE TABLE IF NOT EXISTS elsewhere (id int)")
        conn.execute("SELECT * FROM elsewhere WHERE id = 1")
    with psycopg.connect(f"host=127.0.0.1 port={port} user=postgres dbname=shop", autocommit=True) as conn:
        statements = read_pg_stat_statements(conn)
    assert statements and not any("elsewhere" in s.text for s in statements)
    assert not any(s.text.lower().startswith(("create", "analyze", "select pg_stat")) for s in statements)
