"""Run a migration plan on a live database, phase by phase, resumable, with rollback and an audit log.

State lives in the target database itself, so a crash or a kill loses nothing:

* ``schema_architect_plans``: every plan applied here (its JSON, compressed) and its status;
* ``schema_architect_migrations``: one row per phase with its status (pending, running, done,
  rolled_back); a transactional phase commits its row together with its DDL, so "done" is exact;
* ``schema_architect_audit``: every action (apply, phase, resume, rollback, refusal), with a time.

Running ``apply`` again with the same plan resumes at the first phase not done; ``rollback`` runs the
down SQL of the done phases in reverse. Before a fresh apply the live schema is compared with the
plan's FROM schema and the plan is refused, with the drift shown, when they differ.

Fault injection for tests: ``fault="3:during"`` (or the ``SCHEMA_ARCHITECT_FAULT`` environment
variable) raises :class:`InjectedFault` before, during (after the phase's statements, before its
commit) or after phase 3; ``"3:during:kill"`` ends the process on the spot, like ``kill -9``.
"""

from __future__ import annotations

import base64
import json
import os
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from ..errors import DatabaseError, InputError
from ..model import Column, DataType, PrimaryKey, Schema, Table
from . import sqlbits as sb
from .db import Connection, database_error, is_driver_error, message_of
from .diff import diff_schemas
from .plan import OWN_PREFIX, MigrationPlan, Phase

PLANS = OWN_PREFIX + "plans"
PHASES = OWN_PREFIX + "migrations"
AUDIT = OWN_PREFIX + "audit"
FAULT_ENV = "SCHEMA_ARCHITECT_FAULT"
AUDIT_ENV = "SCHEMA_ARCHITECT_AUDIT_LOG"


class InjectedFault(RuntimeError):
    """Raised by the fault-injection hook (tests only)."""


def _v(length: int | None = None) -> DataType:
    return DataType.varchar(length) if length else DataType.text()


STATE_TABLES = [
    Table(name=PLANS, columns=[
        Column(name="plan_id", type=_v(32), nullable=False),
        Column(name="seq", type=DataType.integer(), nullable=False),
        Column(name="dialect", type=_v(20), nullable=False),
        Column(name="status", type=_v(20), nullable=False),
        Column(name="updated_at", type=_v(40), nullable=False),
        Column(name="phase_count", type=DataType.integer(), nullable=False),
        Column(name="plan_text", type=_v(), nullable=False),
    ], primary_key=PrimaryKey(columns=["plan_id"])),
    Table(name=PHASES, columns=[
        Column(name="plan_id", type=_v(32), nullable=False),
        Column(name="phase_index", type=DataType.integer(), nullable=False),
        Column(name="phase_name", type=_v(200), nullable=False),
        Column(name="status", type=_v(20), nullable=False),
        Column(name="updated_at", type=_v(40), nullable=False),
    ], primary_key=PrimaryKey(columns=["plan_id", "phase_index"])),
    Table(name=AUDIT, columns=[
        Column(name="at", type=_v(40), nullable=False),
        Column(name="plan_id", type=_v(32)),
        Column(name="action", type=_v(40), nullable=False),
        Column(name="status", type=_v(20), nullable=False),
        Column(name="detail", type=_v()),
    ]),
]


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def pack_plan(plan: MigrationPlan) -> str:
    return base64.b64encode(zlib.compress(plan.to_json().encode("utf-8"), 9)).decode("ascii")


def unpack_plan(text: str) -> MigrationPlan:
    return MigrationPlan.from_json(zlib.decompress(base64.b64decode(text)).decode("utf-8"), where="state table")


def strip_own_tables(schema: Schema) -> Schema:
    """The schema without our state, audit and backup tables."""
    return schema.model_copy(update={"tables": [t for t in schema.tables
                                                if not t.name.lower().startswith(OWN_PREFIX)]})


def live_schema(url: str) -> Schema:
    from ..sql.inspect import inspect_database

    return strip_own_tables(inspect_database(url))


@dataclass
class ExecutionResult:
    plan_id: str
    status: str  # applied, rolled_back, nothing_to_do
    phases_run: int = 0
    phases_skipped: int = 0
    resumed: bool = False
    batches: int = 0
    remaining_differences: list[str] = field(default_factory=list)
    seconds: float = 0.0


# -- the state store -------------------------------------------------------------------------------------
class StateStore:
    def __init__(self, conn: Connection, audit_file: str | Path | None = None):
        self.conn = conn
        self.d = sb.dialect(conn.dialect)
        self.audit_file = Path(audit_file) if audit_file else (
            Path(os.environ[AUDIT_ENV]) if os.environ.get(AUDIT_ENV) else None)

    def lit(self, value) -> str:
        if value is None:
            return "NULL"
        if isinstance(value, int):
            return str(value)
        return self.d.string_literal(str(value))

    def q(self, name: str) -> str:
        return sb.q(self.d, name)

    def exists(self) -> bool:
        try:
            self.conn.query(f"SELECT count(*) FROM {self.q(PLANS)}")
            return True
        except Exception as exc:
            if not is_driver_error(exc):
                raise
            return False

    def ensure(self) -> None:
        if self.exists():
            return
        for table in STATE_TABLES:
            self.conn.execute(sb.create_table_only(self.d, table))

    def plans(self) -> list[dict]:
        if not self.exists():
            return []
        rows = self.conn.query(f"SELECT plan_id, seq, dialect, status, updated_at, phase_count, plan_text "
                               f"FROM {self.q(PLANS)} ORDER BY seq DESC")
        return [dict(zip(("plan_id", "seq", "dialect", "status", "updated_at", "phase_count", "plan_text"), r))
                for r in rows]

    def plan_row(self, plan_id: str) -> dict | None:
        return next((p for p in self.plans() if p["plan_id"] == plan_id), None)

    def phase_status(self, plan_id: str) -> dict[int, str]:
        rows = self.conn.query(f"SELECT phase_index, status FROM {self.q(PHASES)} "
                               f"WHERE plan_id = {self.lit(plan_id)}")
        return {int(i): s for i, s in rows}

    def register(self, plan: MigrationPlan) -> None:
        seq = (self.conn.scalar(f"SELECT max(seq) FROM {self.q(PLANS)}") or 0) + 1
        self.conn.begin()
        self.conn.execute(
            f"INSERT INTO {self.q(PLANS)} (plan_id, seq, dialect, status, updated_at, phase_count, plan_text) VALUES "
            f"({self.lit(plan.id)}, {seq}, {self.lit(plan.dialect)}, 'running', {self.lit(_now())}, "
            f"{len(plan.phases)}, {self.lit(pack_plan(plan))})")
        for i, phase in enumerate(plan.phases):
            self.conn.execute(
                f"INSERT INTO {self.q(PHASES)} (plan_id, phase_index, phase_name, status, updated_at) VALUES "
                f"({self.lit(plan.id)}, {i}, {self.lit(phase.name[:200])}, 'pending', {self.lit(_now())})")
        self.conn.commit()

    def forget(self, plan_id: str) -> None:
        self.conn.execute(f"DELETE FROM {self.q(PHASES)} WHERE plan_id = {self.lit(plan_id)}")
        self.conn.execute(f"DELETE FROM {self.q(PLANS)} WHERE plan_id = {self.lit(plan_id)}")

    def set_plan(self, plan_id: str, status: str) -> None:
        self.conn.execute(f"UPDATE {self.q(PLANS)} SET status = {self.lit(status)}, updated_at = {self.lit(_now())} "
                          f"WHERE plan_id = {self.lit(plan_id)}")

    def set_phase(self, plan_id: str, index: int, status: str) -> None:
        self.conn.execute(f"UPDATE {self.q(PHASES)} SET status = {self.lit(status)}, updated_at = {self.lit(_now())} "
                          f"WHERE plan_id = {self.lit(plan_id)} AND phase_index = {index}")

    def audit(self, plan_id: str | None, action: str, status: str, detail: str = "") -> None:
        at = _now()
        if self.exists():
            self.conn.execute(f"INSERT INTO {self.q(AUDIT)} (at, plan_id, action, status, detail) VALUES "
                              f"({self.lit(at)}, {self.lit(plan_id)}, {self.lit(action)}, {self.lit(status)}, "
                              f"{self.lit(detail[:2000])})")
        if self.audit_file:
            self.audit_file.parent.mkdir(parents=True, exist_ok=True)
            with self.audit_file.open("a", encoding="utf-8") as f:
                f.write(json.dumps({"at": at, "plan_id": plan_id, "action": action, "status": status,
                                    "detail": detail, "dialect": self.conn.dialect}) + "\n")

    def audit_rows(self) -> list[tuple]:
        if not self.exists():
            return []
        return self.conn.query(f"SELECT at, plan_id, action, status, detail FROM {self.q(AUDIT)}")


# -- fault injection -----------------------------------------------------------------------------------------
class _Faults:
    def __init__(self, spec: str | None):
        spec = spec if spec is not None else os.environ.get(FAULT_ENV)
        self.index, self.when, self.kill = None, None, False
        if spec:
            parts = spec.split(":")
            self.index, self.when = int(parts[0]), parts[1]
            self.kill = len(parts) > 2 and parts[2] == "kill"

    def __call__(self, index: int, when: str) -> None:
        if self.index == index and self.when == when:
            if self.kill:
                os._exit(137)
            raise InjectedFault(f"injected fault {when} phase {index}")


# -- apply -------------------------------------------------------------------------------------------------------
def drift_of(plan: MigrationPlan, live: Schema) -> list[str]:
    """What the live database has that the plan's FROM schema does not (as diff lines; empty: no drift)."""
    return differences(plan.from_model(), live, plan.dialect)


def differences(a: Schema, b: Schema, dialect: str) -> list[str]:
    """The diff from ``a`` to ``b`` as lines, leaving out what ``dialect`` cannot hold (SQLite: comments)."""
    has_comments = sb.dialect(dialect).comments != "none"
    return diff_schemas(a, b, detect_renames=False, compare_comments=has_comments).describe()


def apply_plan(plan: MigrationPlan, url: str, *, allow_destructive: bool = False, yes: bool = True,
               confirm: Callable[[MigrationPlan], bool] | None = None, fault: str | None = None,
               throttle_ms: int = 0, progress: bool = False, audit_file: str | Path | None = None,
               on_phase: Callable[[int, Phase, str], None] | None = None) -> ExecutionResult:
    """Apply (or resume) ``plan`` on the database at ``url``."""
    started = time.monotonic()
    faults = _Faults(fault)
    with Connection(url) as conn:
        if conn.dialect != plan.dialect:
            raise InputError(f"the plan is for {plan.dialect} but the database is {conn.dialect}",
                             hint=f"re-create the plan with --dialect {conn.dialect}")
        store = StateStore(conn, audit_file)
        row = store.plan_row(plan.id) if store.exists() else None
        if row and row["status"] == "rolled_back":
            store.forget(plan.id)  # applied and undone before: this is a fresh run
            row = None
        if row and row["status"] == "applied":
            return ExecutionResult(plan.id, "nothing_to_do", phases_skipped=len(plan.phases))
        others = [p for p in store.plans() if p["plan_id"] != plan.id and p["status"] in ("running", "failed")]
        if others:
            raise InputError(f"plan {others[0]['plan_id']} is unfinished on this database ({others[0]['status']})",
                             hint="resume it with `migrate apply` of that plan, or undo it with `migrate rollback`")
        if plan.destructive and not allow_destructive:
            lost = "; ".join(sorted({p.operation for p in plan.phases if p.destructive}))
            _audit_refusal(store, plan, "destructive steps without --allow-destructive")
            raise InputError(f"the plan loses data ({lost})",
                             hint="review it with `migrate impact`, then pass --allow-destructive")
        resumed = row is not None
        if not resumed:
            live = live_schema(url)
            drift = drift_of(plan, live)
            if drift:
                _audit_refusal(store, plan, "drift: " + "; ".join(drift))
                raise DatabaseError("the database has drifted from the plan's FROM schema:\n  " + "\n  ".join(drift),
                                    hint="re-create the plan from the database as it is now (FROM = its URL)")
            if plan.is_empty:
                return ExecutionResult(plan.id, "nothing_to_do")
            if not yes and confirm is not None and not confirm(plan):
                raise InputError("cancelled: nothing was applied")
            store.ensure()
            store.register(plan)
            store.audit(plan.id, "apply", "started", f"{len(plan.phases)} phases")
        else:
            store.audit(plan.id, "resume", "started", f"status was {row['status']}")
            store.set_plan(plan.id, "running")
        status = store.phase_status(plan.id)
        result = ExecutionResult(plan.id, "applied", resumed=resumed)
        runner = _PhaseRunner(conn, store, plan, faults, throttle_ms, progress)
        for i, phase in enumerate(plan.phases):
            if status.get(i) == "done":
                result.phases_skipped += 1
                continue
            faults(i, "before")
            if on_phase:
                on_phase(i, phase, "start")
            try:
                if status.get(i) in ("running", "failed") and not (
                        phase.transactional and conn.syntax.transactional_ddl and phase.backfill is None):
                    # a non-atomic phase may have half-run: undo what it did, then run it whole
                    _run_down(conn, store, plan, i, phase, tolerate_errors=True)
                result.batches += runner.run(i, phase)
            except InjectedFault:
                raise
            except Exception as exc:
                if not (is_driver_error(exc) or isinstance(exc, DatabaseError)):
                    raise
                conn.rollback()
                why = exc.message if isinstance(exc, DatabaseError) else message_of(exc)
                store.set_phase(plan.id, i, "failed")
                store.set_plan(plan.id, "failed")
                store.audit(plan.id, f"phase {i}", "failed", f"{phase.name}: {why}")
                raise DatabaseError(f"phase {i + 1}/{len(plan.phases)} \"{phase.name}\" failed: {why}",
                                    hint="fix the cause and run `migrate apply` again to resume, "
                                         "or `migrate rollback` to undo the phases done") from None
            result.phases_run += 1
            if on_phase:
                on_phase(i, phase, "done")
            faults(i, "after")
        store.set_plan(plan.id, "applied")
        store.audit(plan.id, "apply", "applied", f"{result.phases_run} phases run, {result.phases_skipped} skipped")
    result.remaining_differences = differences(live_schema(url), plan.to_model(), plan.dialect)
    result.seconds = time.monotonic() - started
    return result


def _audit_refusal(store: StateStore, plan: MigrationPlan, why: str) -> None:
    # written where an audit already exists (the table, the JSONL file); a refusal creates nothing
    store.audit(plan.id, "apply", "refused", why)


class _PhaseRunner:
    def __init__(self, conn: Connection, store: StateStore, plan: MigrationPlan, faults: _Faults,
                 throttle_ms: int, progress: bool):
        self.conn, self.store, self.plan, self.faults = conn, store, plan, faults
        self.s = conn.syntax
        self.throttle = throttle_ms / 1000
        self.progress = progress

    def run(self, i: int, phase: Phase) -> int:
        if phase.backfill is not None:
            return self._backfill(i, phase)
        if phase.foreign_keys_off and self.s.disable_foreign_keys:
            self.conn.execute(self.s.disable_foreign_keys)
        try:
            if phase.transactional and self.s.transactional_ddl:
                self._with_lock_retries(lambda: self._atomic(i, phase))
            else:
                self._one_by_one(i, phase)
        finally:
            if phase.foreign_keys_off and self.s.enable_foreign_keys:
                self.conn.execute(self.s.enable_foreign_keys)
        return 0

    def _atomic(self, i: int, phase: Phase) -> None:
        self.conn.begin()
        try:
            self.store.set_phase(self.plan.id, i, "running")
            if self.s.lock_timeout:
                self.conn.execute(self.s.lock_timeout.format(ms=self.plan.lock_timeout_ms,
                                                             seconds=max(1, self.plan.lock_timeout_ms // 1000)))
            for sql in phase.up:
                self.conn.execute(sql)
            if phase.foreign_keys_off and self.s.foreign_key_check:
                broken = self.conn.query(self.s.foreign_key_check)
                if broken:
                    raise DatabaseError(f"phase \"{phase.name}\" would leave {len(broken)} row(s) violating "
                                        f"foreign keys (first: {broken[0]})", hint="fix the rows, then resume")
            self.faults(i, "during")
            self.store.set_phase(self.plan.id, i, "done")
            self.conn.commit()
        except BaseException:
            self.conn.rollback()
            raise

    def _one_by_one(self, i: int, phase: Phase) -> None:
        """No transactional DDL (MySQL) or a statement that cannot run in one (CONCURRENTLY)."""
        self.store.set_phase(self.plan.id, i, "running")
        if self.s.lock_timeout and not self.s.transactional_ddl:
            self.conn.execute(self.s.lock_timeout.format(ms=self.plan.lock_timeout_ms,
                                                         seconds=max(1, self.plan.lock_timeout_ms // 1000)))
        variants = [phase.up] + phase.up_alternatives
        for n, statements in enumerate(variants):
            try:
                for k, sql in enumerate(statements):
                    self._with_lock_retries(lambda sql=sql: self.conn.execute(sql))
                    if k == 0:
                        self.faults(i, "during")
                break
            except Exception as exc:
                text = message_of(exc)
                if n + 1 < len(variants) and is_driver_error(exc) and any(
                        e in text for e in self.s.unsupported_online_errors):
                    self.store.audit(self.plan.id, f"phase {i}", "fallback", f"{statements[0]}: {text}")
                    continue
                raise
        self.store.set_phase(self.plan.id, i, "done")

    def _with_lock_retries(self, action: Callable[[], object]):
        delay = 0.2
        for attempt in range(self.plan.lock_retries + 1):
            try:
                return action()
            except Exception as exc:
                text = message_of(exc)
                if attempt < self.plan.lock_retries and is_driver_error(exc) and any(
                        e in text for e in self.s.lock_timeout_errors):
                    self.store.audit(self.plan.id, "lock", "retry", text)
                    time.sleep(delay)
                    delay *= 2
                    continue
                raise

    def _backfill(self, i: int, phase: Phase) -> int:
        spec = phase.backfill
        self.store.set_phase(self.plan.id, i, "running")
        total = int(self.conn.scalar(spec.remaining) or 0)
        batches = 0
        bar = None
        if self.progress and total:
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

            from ..cli.console import err_console

            bar = Progress("[progress.description]{task.description}", BarColumn(), MofNCompleteColumn(),
                           TimeRemainingColumn(), console=err_console, transient=True)
            task = bar.add_task(f"backfill {spec.table}", total=total)
            bar.start()
        try:
            while True:
                touched = self.conn.execute(spec.statement)  # autocommit: each batch commits on its own
                batches += 1
                if bar:
                    bar.advance(task, max(touched, 0))
                if batches == 1:
                    self.faults(i, "during")
                if touched <= 0:
                    break
                if self.throttle:
                    time.sleep(self.throttle)
        finally:
            if bar:
                bar.stop()
        self.store.set_phase(self.plan.id, i, "done")
        return batches


# -- rollback and status -------------------------------------------------------------------------------------
def rollback_last(url: str, *, audit_file: str | Path | None = None, fault: str | None = None) -> ExecutionResult:
    """Undo the most recent plan that is applied or unfinished, phase by phase in reverse."""
    started = time.monotonic()
    faults = _Faults(fault)
    with Connection(url) as conn:
        store = StateStore(conn, audit_file)
        candidates = [p for p in store.plans() if p["status"] in ("applied", "running", "failed", "rolling_back")]
        if not candidates:
            raise InputError("there is no migration to roll back on this database",
                             hint="`migrate status --db URL` lists what was applied")
        row = candidates[0]
        plan = unpack_plan(row["plan_text"])
        status = store.phase_status(plan.id)
        store.set_plan(plan.id, "rolling_back")
        store.audit(plan.id, "rollback", "started", f"status was {row['status']}")
        result = ExecutionResult(plan.id, "rolled_back")
        s = conn.syntax
        for i in reversed(range(len(plan.phases))):
            phase = plan.phases[i]
            state = status.get(i)
            if state not in ("done", "running", "failed"):
                continue
            # A transactional phase that did not finish left nothing behind; others may have half-run.
            partial = state != "done"
            if partial and phase.transactional and s.transactional_ddl and phase.backfill is None:
                store.set_phase(plan.id, i, "rolled_back")
                continue
            faults(i, "before")
            try:
                _run_down(conn, store, plan, i, phase, tolerate_errors=partial)
            except Exception as exc:
                if not is_driver_error(exc):
                    raise
                conn.rollback()
                store.set_plan(plan.id, "failed")
                store.audit(plan.id, f"rollback phase {i}", "failed", message_of(exc))
                raise database_error(exc, f"rolling back phase {i + 1} \"{phase.name}\" failed",
                                     hint="fix the cause and run `migrate rollback` again") from None
            result.phases_run += 1
        store.set_plan(plan.id, "rolled_back")
        store.audit(plan.id, "rollback", "rolled_back", f"{result.phases_run} phases undone")
    result.remaining_differences = differences(live_schema(url), plan.from_model(), plan.dialect)
    result.seconds = time.monotonic() - started
    return result


def _run_down(conn: Connection, store: StateStore, plan: MigrationPlan, i: int, phase: Phase, *,
              tolerate_errors: bool) -> None:
    s = conn.syntax
    if phase.foreign_keys_off and s.disable_foreign_keys:
        conn.execute(s.disable_foreign_keys)
    try:
        atomic = s.transactional_ddl and (phase.transactional or phase.backfill is not None) and not tolerate_errors
        if atomic:
            conn.begin()
        for sql in phase.down:
            try:
                conn.execute(sql)
            except Exception as exc:
                if not (tolerate_errors and is_driver_error(exc)):
                    raise
        store.set_phase(plan.id, i, "rolled_back")
        if atomic:
            conn.commit()
    finally:
        if phase.foreign_keys_off and s.enable_foreign_keys:
            conn.execute(s.enable_foreign_keys)


def migration_status(url: str) -> list[dict]:
    """Every plan applied to the database, newest first, with its phase counts."""
    with Connection(url) as conn:
        store = StateStore(conn)
        out = []
        for p in store.plans():
            counts: dict[str, int] = {}
            for st in store.phase_status(p["plan_id"]).values():
                counts[st] = counts.get(st, 0) + 1
            out.append({"plan_id": p["plan_id"], "status": p["status"], "dialect": p["dialect"],
                        "updated_at": p["updated_at"], "phases": p["phase_count"], "phase_status": counts})
        return out
