"""Verbs that move a schema in and out of the model: convert, inspect, apply, erd, doc."""

from __future__ import annotations

from enum import Enum
from pathlib import Path

import typer

from .console import console, err_console


class DumpFormat(str, Enum):
    json = "json"
    ddl = "ddl"
    mermaid = "mermaid"
    rschema = "rschema"


class ErdFormat(str, Enum):
    mermaid = "mermaid"
    dbml = "dbml"
    plantuml = "plantuml"
    dot = "dot"
    svg = "svg"
    png = "png"


def write_output(content: str | bytes, out: Path | None) -> None:
    """Write to a file when ``out`` is given, else to stdout (binary output needs a file)."""
    if out is None:
        if isinstance(content, bytes):
            from ..errors import InputError

            raise InputError("binary output needs a file", hint="add -o FILE")
        console.print(content, markup=False, highlight=False, soft_wrap=True, end="" if content.endswith("\n") else "\n")
        return
    out.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        out.write_bytes(content)
    else:
        out.write_text(content if content.endswith("\n") else content + "\n", encoding="utf-8")
    err_console.print(f"wrote {out}")


def report_skipped(schema) -> None:
    """Say what the source had that the model cannot hold: never dropped silently."""
    for s in schema.skipped:
        where = f"{s.location}: " if s.location else ""
        name = f" {s.name}" if s.name else ""
        err_console.print(f"[yellow]skipped[/] {where}{s.kind}{name}: {s.reason}", highlight=False)


def register(app: typer.Typer) -> None:
    @app.command()
    def convert(
        file: Path = typer.Argument(..., help="DDL file to read"),
        from_dialect: str | None = typer.Option(
            None, "--from", help="dialect of FILE: postgresql, mysql, sqlite, sqlserver, oracle (default: guessed)"),
        to_dialect: str = typer.Option(..., "--to", help="dialect to write"),
        out: Path | None = typer.Option(None, "-o", "--out", help="write here instead of stdout"),
    ) -> None:
        """Convert DDL from one dialect to another through the schema model."""
        from ..sources import read_text
        from ..sql.parse import parse_ddl
        from ..sql.render import render_ddl

        schema = parse_ddl(read_text(file), dialect=from_dialect, source_name=str(file))
        report_skipped(schema)
        write_output(render_ddl(schema, to_dialect), out)

    @app.command()
    def inspect(
        url: str = typer.Argument(..., help="database URL, e.g. sqlite:///app.db or postgresql+psycopg://user@host/db"),
        fmt: DumpFormat = typer.Option(DumpFormat.json, "--format", "-f"),
        dialect: str | None = typer.Option(None, "--dialect", help="DDL dialect for --format ddl (default: the database's)"),
        out: Path | None = typer.Option(None, "-o", "--out"),
    ) -> None:
        """Read a live database's schema into the model and print it."""
        from ..sources import load_schema

        schema = load_schema(url)
        report_skipped(schema)  # e.g. column types the model has no portable form for
        write_output(dump_schema(schema, fmt.value, dialect or _dialect_of_url(url)), out)

    @app.command()
    def apply(
        file: Path = typer.Argument(..., help="DDL file or schema JSON to create"),
        db: str = typer.Option(..., "--db", help="target database URL"),
        dialect: str | None = typer.Option(None, "--dialect", help="dialect of FILE when it is DDL (default: the target's)"),
    ) -> None:
        """Create a schema (DDL file or schema JSON) in a database, all or nothing."""
        from ..sources import load_schema
        from ..sql.apply import apply_schema

        schema = load_schema(str(file), dialect=dialect or _dialect_of_url(db))
        report_skipped(schema)
        result = apply_schema(db, schema)
        err_console.print(f"[green]applied[/] {result.summary()}")

    @app.command()
    def erd(
        source: str = typer.Argument(..., help="DDL file, schema JSON or database URL"),
        fmt: ErdFormat = typer.Option(ErdFormat.mermaid, "--format", "-f"),
        out: Path | None = typer.Option(None, "-o", "--out"),
        dialect: str | None = typer.Option(None, "--dialect", help="dialect of SOURCE when it is DDL"),
    ) -> None:
        """Draw an entity-relationship diagram."""
        from ..render import render_erd
        from ..sources import load_schema

        schema = load_schema(source, dialect=dialect)
        write_output(render_erd(schema, fmt.value), out)

    @app.command()
    def doc(
        source: str = typer.Argument(..., help="DDL file, schema JSON or database URL"),
        out: Path | None = typer.Option(None, "-o", "--out"),
        dialect: str | None = typer.Option(None, "--dialect", help="dialect of SOURCE when it is DDL"),
    ) -> None:
        """Write a Markdown data dictionary."""
        from ..render.markdown import render_markdown
        from ..sources import load_schema

        write_output(render_markdown(load_schema(source, dialect=dialect)), out)


def dump_schema(schema, fmt: str, dialect: str = "postgresql") -> str:
    """The schema as json, ddl (in ``dialect``), mermaid or rschema text."""
    if fmt == "json":
        return schema.to_json()
    if fmt == "ddl":
        from ..sql.render import render_ddl

        return render_ddl(schema, dialect)
    if fmt == "mermaid":
        from ..render.mermaid import render_mermaid

        return render_mermaid(schema)
    if fmt == "rschema":
        import json

        from ..model import to_rschema

        return json.dumps(to_rschema(schema), indent=2, ensure_ascii=False)
    raise ValueError(fmt)


def _dialect_of_url(url: str) -> str:
    scheme = url.split("://", 1)[0].split("+", 1)[0].lower()
    return {"postgres": "postgresql", "mariadb": "mysql"}.get(scheme, scheme)
