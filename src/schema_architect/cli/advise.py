"""Verbs that check and tune a schema: lint (best practice) and optimize (workload-driven advisors)."""

from __future__ import annotations

from enum import Enum
from pathlib import Path

import typer

from .console import console, err_console


class LintFormat(str, Enum):
    text = "text"
    json = "json"
    sarif = "sarif"


class FailOn(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"
    never = "never"


class ReportFormat(str, Enum):
    markdown = "markdown"
    json = "json"


def register(app: typer.Typer) -> None:
    @app.command()
    def lint(
        source: str = typer.Argument(None, help="DDL file, schema JSON or database URL"),
        fmt: LintFormat = typer.Option(LintFormat.text, "--format", "-f", help="text, json or sarif"),
        config: Path | None = typer.Option(None, "--config", "-c",
                                           help="YAML/TOML rule config (default: ./.schema-architect-lint.yaml)"),
        dialect: str | None = typer.Option(None, "--dialect",
                                           help="dialect of SOURCE and of the rules' limits (default: config, URL)"),
        fail_on: FailOn = typer.Option(FailOn.error, "--fail-on",
                                       help="exit 1 when a finding is at or above this severity"),
        rules: str | None = typer.Option(None, "--rules", help="comma-separated rule ids to run (default: enabled)"),
        list_rules: bool = typer.Option(False, "--list-rules", help="list every rule and exit"),
        out: Path | None = typer.Option(None, "-o", "--out", help="write the report here"),
    ) -> None:
        """Check a schema against best practice (naming, keys, types, indexes, 1NF/3NF smells, privacy)."""
        from ..advise.lint import all_rules, load_config
        from ..advise.lint.output import render_json, render_sarif, render_text
        from ..errors import InputError
        from ..sources import is_database_url

        if list_rules:
            _list_rules(all_rules())
            return
        if source is None:
            raise InputError("missing SOURCE", hint="schema-architect lint schema.sql (or a .json or a database URL)")
        cfg = load_config(config)
        if dialect:
            cfg.dialect = dialect
        elif is_database_url(source):
            from ..sql.urls import dialect_of_url

            cfg.dialect = dialect_of_url(source)
        only = None
        if rules:
            only = {r.strip().upper() for r in rules.split(",") if r.strip()}
            unknown = only - set(all_rules())
            if unknown:
                raise InputError(f"unknown rule id(s): {', '.join(sorted(unknown))}", hint="see --list-rules")
        report = _lint(source, cfg, only, dialect)
        if fmt is LintFormat.text:
            if out is None:
                render_text(report, console)
            else:
                from rich.console import Console

                with out.open("w", encoding="utf-8") as fh:
                    render_text(report, Console(file=fh, width=160, soft_wrap=True))
                err_console.print(f"wrote {out}")
        else:
            import json

            text = render_json(report) if fmt is LintFormat.json else json.dumps(render_sarif(report), indent=2)
            from .schema_io import write_output

            write_output(text, out)
            err_console.print(report.summary())
        if fail_on is not FailOn.never and report.fails(fail_on.value):
            raise typer.Exit(1)


    @app.command()
    def optimize(
        db: str = typer.Option(..., "--db", help="PostgreSQL URL (full report) or MySQL/MariaDB URL (EXPLAIN-based index advice)"),
        workload: str | None = typer.Option(
            None, "--workload", "-w",
            help="SQL file (statements separated by ;), PostgreSQL log, or 'pg_stat_statements' "
                 "(default: pg_stat_statements when available)"),
        fmt: ReportFormat = typer.Option(ReportFormat.markdown, "--format", "-f"),
        out: Path | None = typer.Option(None, "-o", "--out", help="write the report here"),
        verify: bool = typer.Option(False, "--verify",
                                    help="measure targeted queries before/after building the recommended indexes: "
                                         "PostgreSQL with EXPLAIN ANALYZE in a transaction that is rolled back; "
                                         "MySQL/MariaDB on copies of the tables in a scratch database that is dropped"),
        max_indexes: int = typer.Option(10, "--max-indexes", min=0),
        min_partition_rows: float = typer.Option(10_000_000, "--min-partition-rows",
                                                 help="tables above this many rows are considered for partitioning"),
        denormalize_share: float = typer.Option(0.8, "--denormalize-share", min=0.0, max=1.0,
                                                help="share of the workload a join needs for a denormalization proposal"),
        no_hypopg: bool = typer.Option(False, "--no-hypopg", help="do not use HypoPG even when it is installed"),
    ) -> None:
        """Recommend indexes (verified with EXPLAIN), partitioning and denormalization for a workload."""
        from ..advise.report import optimize as run_optimize
        from ..advise.report import render_json, render_markdown
        from .schema_io import write_output

        if workload and workload != "pg_stat_statements" and not Path(workload).is_file():
            from ..errors import InputError

            raise InputError(f"workload file not found: {workload}",
                             hint="a SQL file, a PostgreSQL log, or pg_stat_statements")
        from ..sql.urls import dialect_of_url, redact_url

        if dialect_of_url(db) == "mysql":
            import json

            from ..advise.report import mysql_to_dict, optimize_mysql, render_mysql_markdown

            advice = optimize_mysql(db, workload, verify=verify)
            write_output(render_mysql_markdown(advice, redact_url(db)) if fmt is ReportFormat.markdown
                         else json.dumps(mysql_to_dict(advice), indent=2, default=str), out)
            return
        report = run_optimize(db, workload, verify=verify, min_partition_rows=min_partition_rows,
                              denormalize_share=denormalize_share, max_indexes=max_indexes, use_hypopg=not no_hypopg)
        for note in report.indexes.notes:
            err_console.print(f"[yellow]note:[/] {note}", highlight=False)
        skipped = report.indexes.skipped
        if skipped:
            err_console.print(f"[yellow]skipped[/] {sum(s.count for s in skipped)} statement(s); see the report")
        write_output(render_markdown(report) if fmt is ReportFormat.markdown else render_json(report), out)
        err_console.print(f"{len(report.actions)} action(s) in {report.seconds:.1f} s")


def _lint(source, cfg, only, dialect):
    from ..advise.lint import lint_source
    from .schema_io import report_skipped

    report = lint_source(source, cfg, dialect=dialect, only=only)
    report_skipped(report.schema)
    return report


def _list_rules(rules) -> None:
    from rich.table import Table

    table = Table(header_style="bold")
    for col in ("id", "name", "severity", "default", "checks", "options"):
        table.add_column(col, overflow="fold")
    for r in rules.values():
        opts = ", ".join(f"{k}={v}" for k, v in r.options.items())
        table.add_row(r.id, r.name, r.severity.value, "on" if r.enabled_by_default else "off", r.summary, opts)
    console.print(table)
