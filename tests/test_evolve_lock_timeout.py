"""lock_timeout with retries: a phase that cannot get its lock gives up quickly and tries again,
instead of queueing every other writer behind it; once the lock is free it goes through."""

from __future__ import annotations

import threading
import time

import psycopg
import pytest

from schema_architect.evolve.db import Connection
from schema_architect.evolve.execute import StateStore, apply_plan, live_schema
from schema_architect.evolve.plan import plan_migration
from schema_architect.model import Column, DataType, PrimaryKey, Schema, Table
from schema_architect.sql.apply import apply_schema


@pytest.mark.postgres
def test_blocked_phase_retries_until_the_lock_is_free(pg_url):
    a = Schema(tables=[Table(name="item", columns=[Column(name="id", type=DataType.integer(), nullable=False)],
                             primary_key=PrimaryKey(columns=["id"]))])
    apply_schema(pg_url, a)
    b = a.model_copy(deep=True)
    b.table("item").columns.append(Column(name="label", type=DataType.varchar(20)))
    plan = plan_migration(live_schema(pg_url), b, "postgresql", lock_timeout_ms=100)

    holding, release = threading.Event(), threading.Event()

    def hold_lock():
        with psycopg.connect(pg_url.replace("+psycopg", "")) as conn:
            conn.execute("LOCK TABLE item IN ACCESS EXCLUSIVE MODE")
            holding.set()
            release.wait(10)
            time.sleep(2.5)  # longer than the drift check before the phase: its first attempts time out

    blocker = threading.Thread(target=hold_lock)
    blocker.start()
    holding.wait(10)
    release.set()
    started = time.monotonic()
    result = apply_plan(plan, pg_url)
    blocker.join()
    assert result.status == "applied" and result.remaining_differences == []
    assert time.monotonic() - started >= 2.0
    with Connection(pg_url) as conn:
        retries = [r for r in StateStore(conn).audit_rows() if r[2] == "lock" and r[3] == "retry"]
    assert retries and "lock timeout" in retries[0][4]
