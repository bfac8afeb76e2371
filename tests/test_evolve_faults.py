"""Fault injection: the executor is stopped inside every phase of a multi-phase migration.

For each phase the run is interrupted after the phase's statements but before it commits (the
worst moment), then either resumed or rolled back (alternating). Every time, the schema must end
exactly the old one or the new one and no row may be lost. One run per dialect is killed for real
(the process exits on the spot, like ``kill -9``) and resumed from the command line.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from evolve_helpers import ChinookCopies, checksums, column, column_values, table
from schema_architect.evolve.diff import diff_schemas
from schema_architect.evolve.execute import (
    InjectedFault,
    apply_plan,
    live_schema,
    migration_status,
    rollback_last,
)
from schema_architect.evolve.plan import plan_migration
from schema_architect.model import Column, DataType, Index

DIALECTS = [
    pytest.param("postgresql", marks=pytest.mark.postgres),
    pytest.param("mysql", marks=pytest.mark.mariadb),
    "sqlite",
]
WATCHED = ["customer", "invoice"]


@pytest.fixture(scope="module")
def chinook(tmp_path_factory):
    copies = ChinookCopies(tmp_path_factory.mktemp("chinook_faults"))
    yield copies
    copies.close()


def multi_phase_target(a):
    b = a.model_copy(deep=True)
    customer = table(b, "customer")
    customer.columns.append(Column(name="tier", type=DataType.integer(), nullable=False, default="1"))
    customer.columns.remove(column(customer, "fax"))
    customer.indexes.append(Index(name="ix_customer_email", columns=[column(customer, "email").name]))
    table(b, "invoice").columns.append(Column(name="note", type=DataType.varchar(200)))
    table(b, "artist").columns.append(Column(name="country", type=DataType.varchar(40)))
    track = table(b, "track")
    track.indexes.append(Index(name="ix_track_composer", columns=[column(track, "composer").name]))
    return b


@pytest.mark.parametrize("dialect", DIALECTS)
def test_interrupted_in_every_phase_then_resumed_or_rolled_back(chinook, dialect, tmp_path):
    with chinook.database(dialect) as url:
        a = live_schema(url)
        b = multi_phase_target(a)
        plan = plan_migration(a, b, dialect)
        assert len(plan.phases) >= 4
        before = checksums(url, WATCHED, a)
        fax = column_values(url, "customer", "fax", "customer_id", a)
        for i in range(len(plan.phases)):
            with pytest.raises(InjectedFault):
                apply_plan(plan, url, allow_destructive=True, fault=f"{i}:during")
            if i % 2 == 0:
                result = apply_plan(plan, url, allow_destructive=True)
                # apply compares the live schema with the plan's TO schema when it ends
                assert result.resumed and result.remaining_differences == [], f"resume after phase {i}"
                assert set(column_values(url, "customer", "tier", "customer_id", plan.to_model())) == {1}
            undone = rollback_last(url)
            # and rollback with the FROM schema
            assert undone.remaining_differences == [], f"rollback after phase {i}"
            assert checksums(url, WATCHED, a) == before, f"data after phase {i}"
        assert column_values(url, "customer", "fax", "customer_id") == fax


@pytest.mark.parametrize("dialect", [pytest.param("postgresql", marks=pytest.mark.postgres), "sqlite"])
def test_killed_process_resumes_from_the_command_line(chinook, dialect, tmp_path, run_cli):
    with chinook.database(dialect) as url:
        a = live_schema(url)
        b = multi_phase_target(a)
        plan = plan_migration(a, b, dialect)
        plan_file = tmp_path / "plan.json"
        plan_file.write_text(plan.to_json())
        before = checksums(url, WATCHED, a)
        kill_at = len(plan.phases) // 2
        env = dict(os.environ, SCHEMA_ARCHITECT_FAULT=f"{kill_at}:during:kill")
        proc = subprocess.run([sys.executable, "-m", "schema_architect", "migrate", "apply", str(plan_file),
                               "--db", url, "--yes", "--allow-destructive"], env=env, capture_output=True, text=True,
                              timeout=120)
        assert proc.returncode == 137, proc.stderr
        (row,) = migration_status(url)
        assert row["status"] == "running" and row["phase_status"].get("done", 0) == kill_at

        resumed = run_cli("migrate", "apply", plan_file, "--db", url, "--yes", "--allow-destructive")
        assert resumed.exit_code == 0, resumed.output
        assert "resumed" in resumed.stdout
        assert diff_schemas(live_schema(url), b, detect_renames=False).is_empty
        assert checksums(url, ["invoice"], a) == {"invoice": before["invoice"]}
        status = run_cli("migrate", "status", "--db", url)
        assert plan.id in status.stdout and "applied" in status.stdout
