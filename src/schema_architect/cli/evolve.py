"""Schema evolution verbs: ``diff`` and ``migrate plan|apply|impact|status|rollback``."""

from __future__ import annotations

from enum import Enum
from pathlib import Path

import typer

from .console import console, err_console


class DiffFormat(str, Enum):
    text = "text"
    json = "json"


def _load(source: str, dialect: str | None):
    from ..evolve.execute import strip_own_tables
    from ..sources import load_schema

    return strip_own_tables(load_schema(source, dialect=dialect))


def _read_plan(path: Path):
    from ..evolve.plan import MigrationPlan
    from ..sources import read_text

    return MigrationPlan.from_json(read_text(path), where=str(path))


def _plan_table(plan) -> None:
    from rich.table import Table as RichTable

    from ..evolve.render import describe_plan

    table = RichTable(title=f"migration {plan.id} ({plan.dialect}, {len(plan.phases)} phases)")
    for col in ("#", "phase", "operation", "flags"):
        table.add_column(col)
    for row in describe_plan(plan):
        table.add_row(str(row[0]), row[1], row[2], row[3])
    err_console.print(table)
    for note in plan.notes:
        err_console.print(f"[dim]note:[/] {note}", highlight=False)


def _findings_table(report) -> None:
    from rich.table import Table as RichTable

    style = {"error": "bold red", "warning": "yellow", "info": "dim"}
    table = RichTable(title=f"impact of migration {report.plan_id}")
    for col in ("level", "finding", "count", "examples"):
        table.add_column(col)
    for f in report.findings:
        table.add_row(f"[{style[f.level]}]{f.level}[/]", f.message, "" if f.count is None else str(f.count),
                      "; ".join(f.examples[:3]))
    console.print(table)


def register(app: typer.Typer) -> None:
    @app.command()
    def diff(
        source_from: str = typer.Argument(..., metavar="FROM", help="DDL file, schema JSON or database URL"),
        source_to: str = typer.Argument(..., metavar="TO", help="DDL file, schema JSON or database URL"),
        rename: list[str] = typer.Option([], "--rename", help="old:new (table) or table.old:new (column); repeatable"),
        no_renames: bool = typer.Option(False, "--no-detect-renames", help="never guess renames"),
        dialect: str | None = typer.Option(None, "--dialect", help="dialect of DDL files (default: guessed)"),
        fmt: DiffFormat = typer.Option(DiffFormat.text, "--format", "-f"),
    ) -> None:
        """Compare two schemas: tables, columns, keys, constraints, indexes, views, comments; renames with a confidence."""
        import json

        from ..evolve.diff import diff_schemas

        result = diff_schemas(_load(source_from, dialect), _load(source_to, dialect), renames=rename,
                              detect_renames=not no_renames)
        if fmt is DiffFormat.json:
            console.print_json(json.dumps(result.to_dict()))
            return
        if result.is_empty:
            console.print("no differences: the two schemas are the same")
            return
        for line in result.describe():
            console.print(line, highlight=False, markup=False)
        for r in result.renames:
            if not r.accepted:
                err_console.print(f"[dim]possible rename {r.old} -> {r.new} (confidence {r.confidence:.2f}) not "
                                  f"taken; confirm with --rename {r.old}:{r.new}[/]", highlight=False)

    @app.command()
    def evolve(
        request: str = typer.Argument(..., help='the change in English, e.g. "add a phone number to customers"'),
        db: str = typer.Option(..., "--db", help="database URL to change"),
        yes: bool = typer.Option(False, "--yes", "-y", help="do not ask for confirmation"),
        allow_destructive: bool = typer.Option(False, "--allow-destructive", help="allow steps that lose data"),
        dry_run: bool = typer.Option(False, "--dry-run", help="show the changes, plan and impact; apply nothing"),
        out: Path | None = typer.Option(None, "-o", "--out", help="also write the plan (JSON) here"),
    ) -> None:
        """Change a live database by a request in English: read, plan, check impact, confirm, apply."""
        from ..evolve.english import evolve_schema
        from ..evolve.execute import apply_plan, live_schema
        from ..evolve.impact import analyse_impact
        from ..evolve.plan import plan_migration
        from ..sql.urls import dialect_of_url
        from .schema_io import write_output

        current = live_schema(db)
        evolution = evolve_schema(current, request)
        console.print("[bold]understood:[/]")
        for change in evolution.changes:
            console.print(f"  - {change}", highlight=False, markup=False)
        for clause in evolution.not_understood:
            err_console.print(f"[yellow]not understood, ignored:[/] {clause!r}", highlight=False)
        plan = plan_migration(current, evolution.schema, dialect_of_url(db))
        if out is not None:
            write_output(plan.to_json(), out)
        if plan.is_empty:
            console.print("nothing to change: the database already has all of that")
            return
        _plan_table(plan)
        report = analyse_impact(plan, db, allow_destructive=allow_destructive)
        _findings_table(report)
        if report.errors:
            err_console.print("[red]not applied:[/] the impact analysis found errors (see above)")
            raise typer.Exit(1)
        if dry_run:
            console.print("dry run: nothing applied")
            return

        def confirm(p) -> bool:
            return typer.confirm("apply this migration?", default=False, err=True)

        result = apply_plan(plan, db, allow_destructive=allow_destructive, yes=yes, confirm=confirm, progress=True)
        console.print(f"applied migration {result.plan_id}: {result.phases_run} phase(s) in {result.seconds:.1f} s; "
                      "undo with `schema-architect migrate rollback --db URL`")

    migrate = typer.Typer(help="Plan, check, apply and roll back schema migrations on live databases.",
                          no_args_is_help=True)
    app.add_typer(migrate, name="migrate")

    @migrate.command("plan")
    def plan_cmd(
        source_from: str = typer.Argument(..., metavar="FROM", help="DDL file, schema JSON or database URL"),
        source_to: str = typer.Argument(..., metavar="TO", help="DDL file, schema JSON or database URL"),
        dialect: str = typer.Option(..., "--dialect", help="target database: postgresql, mysql, sqlite"),
        out: Path = typer.Option(..., "-o", "--out", help="write the plan (JSON) here"),
        sql_dir: Path | None = typer.Option(None, "--sql-dir", help="also write up/down SQL scripts here"),
        alembic: Path | None = typer.Option(None, "--alembic", help="also write an Alembic migration script"),
        rename: list[str] = typer.Option([], "--rename", help="old:new (table) or table.old:new (column)"),
        source_dialect: str | None = typer.Option(None, "--source-dialect", help="dialect of DDL files (default: --dialect)"),
        batch_size: int = typer.Option(1000, "--batch-size", min=1, help="rows per backfill batch"),
        lock_timeout_ms: int = typer.Option(2000, "--lock-timeout-ms", min=1, help="give up waiting for a lock after this"),
    ) -> None:
        """Make a phased, online migration plan from FROM to TO, with rollback SQL."""
        from ..evolve.plan import plan_migration
        from ..evolve.render import render_alembic, write_sql_dir
        from .schema_io import write_output

        parse_as = source_dialect or dialect
        plan = plan_migration(_load(source_from, parse_as), _load(source_to, parse_as), dialect, renames=rename,
                              batch_size=batch_size, lock_timeout_ms=lock_timeout_ms)
        write_output(plan.to_json(), out)
        if plan.is_empty:
            err_console.print("the two schemas are the same: the plan is empty")
            for note in plan.notes:  # what the dialect cannot do (SQLite: comments)
                err_console.print(f"[dim]note:[/] {note}", highlight=False)
        else:
            _plan_table(plan)
        if sql_dir is not None:
            for path in write_sql_dir(plan, sql_dir):
                err_console.print(f"wrote {path}")
        if alembic is not None:
            write_output(render_alembic(plan), alembic)

    @migrate.command("impact")
    def impact_cmd(
        plan_file: Path = typer.Argument(..., metavar="PLAN.json"),
        db: str = typer.Option(..., "--db", help="database URL the plan will run on"),
        allow_destructive: bool = typer.Option(False, "--allow-destructive", help="report data loss as a warning"),
        fmt: DiffFormat = typer.Option(DiffFormat.text, "--format", "-f"),
    ) -> None:
        """Check what a plan would do to the data, without changing anything; exit 1 on errors."""
        import json

        from ..evolve.impact import analyse_impact

        report = analyse_impact(_read_plan(plan_file), db, allow_destructive=allow_destructive)
        if fmt is DiffFormat.json:
            console.print_json(json.dumps(report.to_dict()))
        else:
            _findings_table(report)
        if report.errors:
            raise typer.Exit(1)

    @migrate.command("apply")
    def apply_cmd(
        plan_file: Path = typer.Argument(..., metavar="PLAN.json"),
        db: str = typer.Option(..., "--db", help="target database URL"),
        yes: bool = typer.Option(False, "--yes", "-y", help="do not ask for confirmation"),
        allow_destructive: bool = typer.Option(False, "--allow-destructive", help="allow steps that lose data"),
        throttle_ms: int = typer.Option(0, "--throttle-ms", min=0, help="pause between backfill batches"),
        audit_log: Path | None = typer.Option(None, "--audit-log", help="also append the audit to this JSONL file"),
    ) -> None:
        """Apply (or resume) a plan, phase by phase, recording progress in the database."""
        from ..evolve.execute import apply_plan

        plan = _read_plan(plan_file)

        def confirm(p) -> bool:
            _plan_table(p)
            return typer.confirm("apply this migration?", default=False, err=True)

        result = apply_plan(plan, db, allow_destructive=allow_destructive, yes=yes, confirm=confirm,
                            throttle_ms=throttle_ms, progress=True, audit_file=audit_log,
                            on_phase=lambda i, p, st: st == "done" and err_console.print(
                                f"[green]done[/] {i + 1}/{len(plan.phases)} {p.name}", highlight=False))
        if result.status == "nothing_to_do":
            console.print("nothing to do: " + ("the plan is empty" if plan.is_empty else "the plan is already applied"))
            return
        console.print(f"{'resumed and ' if result.resumed else ''}applied migration {result.plan_id}: "
                      f"{result.phases_run} phase(s) run, {result.phases_skipped} already done, "
                      f"{result.seconds:.1f} s")
        for line in result.remaining_differences:
            err_console.print(f"[yellow]differs from the plan's TO schema:[/] {line}", highlight=False)

    @migrate.command("rollback")
    def rollback_cmd(
        db: str = typer.Option(..., "--db", help="database URL"),
        yes: bool = typer.Option(False, "--yes", "-y", help="do not ask for confirmation"),
        audit_log: Path | None = typer.Option(None, "--audit-log"),
    ) -> None:
        """Undo the last migration applied to the database (down SQL of its done phases, in reverse)."""
        from ..evolve.execute import rollback_last

        if not yes and not typer.confirm("roll back the last migration?", default=False, err=True):
            raise typer.Exit(1)
        result = rollback_last(db, audit_file=audit_log)
        console.print(f"rolled back migration {result.plan_id}: {result.phases_run} phase(s) undone, "
                      f"{result.seconds:.1f} s")
        for line in result.remaining_differences:
            err_console.print(f"[yellow]differs from the plan's FROM schema:[/] {line}", highlight=False)

    @migrate.command("status")
    def status_cmd(db: str = typer.Option(..., "--db", help="database URL")) -> None:
        """List the migrations applied to a database and the state of their phases."""
        from rich.table import Table as RichTable

        from ..evolve.execute import migration_status

        rows = migration_status(db)
        if not rows:
            console.print("no migrations have been applied to this database")
            return
        table = RichTable(title="migrations (newest first)")
        for col in ("plan", "status", "phases", "updated"):
            table.add_column(col)
        for r in rows:
            counts = ", ".join(f"{n} {s}" for s, n in sorted(r["phase_status"].items()))
            table.add_row(r["plan_id"], r["status"], f"{r['phases']} ({counts})", r["updated_at"])
        console.print(table)
