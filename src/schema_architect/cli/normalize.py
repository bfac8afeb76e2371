"""The ``normalize`` verb: keys, normal forms and decompositions of a relation or of a schema's table.

    schema-architect normalize --relation "R(A,B,C,D)" --fd "A->B" --fd "B,C->D" --format json
    schema-architect normalize schema.json --table customer --fd "zip -> city"
"""

from __future__ import annotations

import json
from enum import Enum
from pathlib import Path

import typer

from .console import console


class NormalizeFormat(str, Enum):
    text = "text"
    json = "json"
    ddl = "ddl"


class Target(str, Enum):
    nf3 = "3nf"
    bcnf = "bcnf"


class CompositeStyle(str, Enum):
    columns = "columns"
    table = "table"


def register(app: typer.Typer) -> None:
    @app.command()
    def normalize(
        schema: str = typer.Argument(None, help="schema JSON, DDL file or database URL holding --table"),
        relation: str | None = typer.Option(None, "--relation", "-r", help="a relation: 'R(A, B, C)'; names may contain spaces"),
        fd: list[str] = typer.Option([], "--fd", help="a functional dependency 'A, B -> C' (or →); repeat, or separate with ;"),
        key: list[str] = typer.Option([], "--key", "-k", help="a key you expect, 'A, B': checked against the FDs (with --relation)"),
        table: str | None = typer.Option(None, "--table", "-t", help="the table of SCHEMA to normalize"),
        target: Target = typer.Option(Target.nf3, "--target", help="decomposition applied to the table: 3nf or bcnf"),
        list_valued: list[str] = typer.Option([], "--list-valued", help="a column of --table holding a list (1NF repair)"),
        composite: list[str] = typer.Option([], "--composite", help="a composite column of --table: 'address=street,city,zip'"),
        composite_style: CompositeStyle = typer.Option(CompositeStyle.columns, "--composite-style",
                                                       help="split composites into columns or a 1:1 child table"),
        fmt: NormalizeFormat = typer.Option(NormalizeFormat.text, "--format", "-f",
                                            help="text, json, or ddl (the decomposed tables of SCHEMA)"),
        dialect: str | None = typer.Option(None, "--dialect",
                                           help="dialect of SCHEMA when it is DDL, and of --format ddl (default postgresql)"),
        out: Path | None = typer.Option(None, "-o", "--out", help="write here instead of stdout"),
    ) -> None:
        """Find keys, normal form and violations; decompose to 3NF and BCNF, with the proofs."""
        from ..errors import InputError
        from ..normalize import analyze, parse_relation
        from ..normalize.relation import parse_fd

        fd_texts = [part for item in fd for part in item.split(";") if part.strip()]
        if relation and schema:
            raise InputError("give either --relation or SCHEMA --table, not both")
        if relation:
            if table or list_valued or composite:
                raise InputError("--table, --list-valued and --composite apply to SCHEMA, not to --relation")
            if fmt is NormalizeFormat.ddl:
                raise InputError("--format ddl needs a table of a SCHEMA", hint="use --format text or json with --relation")
            rel = parse_relation(relation)
            fds = [parse_fd(t, rel) for t in fd_texts]
            keys = [[k.strip() for k in item.split(",")] for item in key]
            analysis = analyze(rel, fds, declared_keys=keys)
            if fmt is NormalizeFormat.json:
                _write(json.dumps(analysis.to_dict(), indent=2, ensure_ascii=False), out)
            else:
                _print_analysis(analysis, out)
            return
        if schema is None:
            raise InputError(
                "nothing to normalize",
                hint="give --relation 'R(A, B, C)' --fd 'A -> B', or SCHEMA --table T --fd ...",
            )
        if key:
            raise InputError("--key applies to --relation; a table's key is its primary key", hint="declare the primary key in SCHEMA")
        from ..normalize import normalize_table
        from ..sources import load_schema

        loaded = load_schema(schema, dialect=dialect)
        if table is None:
            if len(loaded.tables) != 1:
                raise InputError(
                    f"{schema} has {len(loaded.tables)} tables: say which one with --table",
                    hint=f"tables: {', '.join(loaded.table_names) or '(none)'}",
                )
            table = loaded.tables[0].name
        t = loaded.table(table)
        if t is None:
            import difflib

            close = difflib.get_close_matches(table, loaded.table_names, n=1)
            raise InputError(f"{schema} has no table {table!r}", where=schema,
                             hint=f"did you mean {close[0]!r}?" if close else f"tables: {', '.join(loaded.table_names)}")
        composites = {}
        for item in composite:
            name, sep, parts = item.partition("=")
            if not sep or not name.strip() or not parts.strip():
                raise InputError(f"cannot read --composite {item!r}", hint="write it as 'address=street,city,zip'")
            composites[name.strip()] = [p.strip() for p in parts.split(",")]
        result = normalize_table(
            t, fd_texts, target=target.value, list_valued=list_valued, composite=composites,
            composite_style=composite_style.value, taken_names=[x.name for x in loaded.tables if x is not t],
        )
        if fmt is NormalizeFormat.json:
            _write(json.dumps(result.to_dict(), indent=2, ensure_ascii=False), out)
        elif fmt is NormalizeFormat.ddl:
            from ..model import Schema
            from ..sql.render import render_ddl

            _write(render_ddl(Schema(tables=result.tables), dialect or "postgresql"), out)
        else:
            _print_table_result(result, out)


def _write(text: str, out: Path | None) -> None:
    from .schema_io import write_output

    write_output(text, out)


def _console(out: Path | None):
    if out is None:
        return console
    from rich.console import Console

    return Console(file=out.open("w", encoding="utf-8"), width=120, soft_wrap=True)


def _print_analysis(analysis, out: Path | None = None, target=None) -> None:
    from rich.markup import escape
    from rich.table import Table as RichTable

    c = target or _console(out)
    rel = analysis.relation
    c.print(f"[bold]{escape(rel.name)}[/]({escape(', '.join(rel.attributes))})")
    if analysis.deps.fds:
        c.print("FDs: " + escape("; ".join(f.text(rel) for f in analysis.deps.fds)))
    for note in analysis.notes:
        c.print(f"[yellow]note:[/] {escape(note)}")

    c.print()
    c.print(f"[bold]Candidate keys[/] ({len(analysis.candidate_keys)}), each with its closure:")
    for proof in analysis.key_proofs:
        c.print(f"  [cyan]{{{escape(', '.join(proof.start))}}}[/]")
        for line in proof.lines()[1:]:
            c.print(f"      {escape(line)}")
    c.print(f"Prime attributes: {escape(', '.join(analysis.prime_attributes)) or '(none)'}")

    nf = analysis.normal_form
    colour = "green" if nf == "BCNF" else "yellow" if nf in ("3NF", "2NF") else "red"
    c.print()
    c.print(f"[bold]Normal form:[/] [{colour}]{nf if nf != 'none' else 'not in 1NF'}[/]")
    if analysis.report.violations:
        vt = RichTable(title="Violations", show_lines=True)
        vt.add_column("breaks")
        vt.add_column("FD")
        vt.add_column("why")
        vt.add_column("closure of the left side")
        for v in analysis.report.violations:
            vt.add_row(v.form, escape(v.fd.text(rel)) if v.fd else escape(", ".join(v.attributes)), escape(v.reason),
                       escape("\n".join(v.proof.lines()[1:])) if v.proof else "")
        c.print(vt)

    c.print()
    c.print("[bold]Minimal cover:[/] " + (escape("; ".join(f.text(rel) for f in analysis.minimal_cover)) or "(no FDs)"))
    _print_decomposition(c, "3NF synthesis", analysis.decomposition_3nf)
    if analysis.decomposition_bcnf is not None:
        _print_decomposition(c, "BCNF decomposition", analysis.decomposition_bcnf)
    else:
        c.print(f"[yellow]BCNF decomposition not computed:[/] {escape(analysis.bcnf_error or '')}")


def _print_decomposition(c, title: str, d) -> None:
    from rich.markup import escape
    from rich.table import Table as RichTable

    yes = lambda b: "[green]yes[/]" if b else "[red]no[/]"
    t = RichTable(title=title)
    t.add_column("relation")
    t.add_column("attributes")
    t.add_column("key")
    t.add_column("FDs it keeps")
    for f in d.fragments:
        t.add_row(escape(f.name), escape(", ".join(f.attributes)), escape(", ".join(f.key)),
                  escape("; ".join(fd.text(d.relation) for fd in f.fds)) or "-")
    c.print()
    c.print(t)
    for step in d.steps:
        c.print(f"  - {escape(step)}")
    lost = "" if d.dependency_preserving else " (lost: " + escape("; ".join(f.text(d.relation) for f in d.not_preserved)) + ")"
    c.print(f"  lossless join (chase): {yes(d.lossless)}   dependency-preserving: {yes(d.dependency_preserving)}{lost}")


def _print_table_result(result, out: Path | None) -> None:
    from rich.markup import escape
    from rich.table import Table as RichTable

    c = _console(out)
    for f in result.first_nf.findings:
        c.print(f"[yellow]1NF:[/] {escape(f.reason)}")
    _print_analysis(result.analysis, target=c)
    c.print()
    c.print(f"[bold]Tables ({result.decomposition.target.upper()})[/]")
    for t in result.tables:
        tt = RichTable(title=escape(t.name), title_justify="left")
        tt.add_column("column")
        tt.add_column("type")
        tt.add_column("null")
        tt.add_column("key")
        pk = {x.lower() for x in t.primary_key_columns}
        for col in t.columns:
            refs = [f"-> {fk.ref_table}" for fk in t.foreign_keys if col.name in fk.columns]
            tt.add_row(escape(col.name), escape(str(col.type)), "yes" if col.nullable else "no",
                       escape(" ".join((["PK"] if col.name.lower() in pk else []) + refs)))
        c.print(tt)
    c.print("[bold]Rationale[/]")
    for line in result.rationale:
        c.print(f"  - {escape(line)}")
