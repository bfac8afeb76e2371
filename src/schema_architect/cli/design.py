"""Verbs of the offline design engine: design (text -> schema) and refine (a saved session)."""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

import typer

from . import llm_options
from .console import err_console


class DesignFormat(str, Enum):
    ddl = "ddl"
    json = "json"
    mermaid = "mermaid"
    rschema = "rschema"
    markdown = "markdown"


class Naming(str, Enum):
    snake_plural = "snake_plural"
    snake = "snake"
    keep = "keep"


def _read_requirements(text: str | None, file: Path | None) -> str:
    from ..errors import InputError

    if file is not None and text is not None:
        raise InputError("give the requirements either as TEXT or with --file, not both")
    if file is not None:
        try:
            data = file.read_bytes()
        except FileNotFoundError:
            raise InputError("requirements file not found", where=str(file)) from None
        except IsADirectoryError:
            raise InputError("requirements path is a directory", where=str(file)) from None
        from ..design.engine import check_text

        return check_text(data)
    if text is None or text == "-":
        if text is None and sys.stdin.isatty():
            raise InputError("no requirements given", hint='schema-architect design "Each customer has a name ..." (or --file FILE, or - for stdin)')
        data = sys.stdin.buffer.read() if hasattr(sys.stdin, "buffer") else sys.stdin.read()
        from ..design.engine import check_text

        return check_text(data)
    return text


def _render(result, fmt: DesignFormat, dialect: str, naming: Naming) -> str:
    from ..design.naming import apply_naming

    if fmt is DesignFormat.rschema:
        import json

        from ..model import to_rschema

        return json.dumps(to_rschema(result.schema), indent=2, ensure_ascii=False)
    schema = apply_naming(result.schema, naming.value)
    if fmt is DesignFormat.ddl:
        from ..sql.render import render_ddl

        return render_ddl(schema, dialect)
    if fmt is DesignFormat.json:
        return schema.to_json()
    if fmt is DesignFormat.mermaid:
        from ..render.mermaid import render_mermaid

        return render_mermaid(schema)
    from ..render.markdown import render_markdown

    return render_markdown(schema, title="Database design")


def _explain(result) -> None:
    from rich.table import Table as RichTable

    table = RichTable(title="Design decisions", show_lines=False, expand=False)
    table.add_column("subject")
    table.add_column("decision")
    table.add_column("why")
    table.add_column("source text")
    for d in result.decisions:
        table.add_row(d.subject, d.decision, d.rationale, f"“{d.span.quote(80)}”" if d.span else "")
    err_console.print(table)
    if result.not_understood:
        err_console.print("[yellow]not used[/] (no entity or attribute list recognized):")
        for s in result.not_understood[:10]:
            err_console.print(f"  “{s.quote(100)}”", highlight=False)


def _ask(result, interactive: bool) -> dict[str, str]:
    """Print the clarifying questions with their assumptions; in --interactive mode, ask them."""
    answers: dict[str, str] = {}
    for q in result.questions:
        options = f" [{'/'.join(q.options)}]" if q.options else ""
        if interactive:
            ans = typer.prompt(f"{q.question}{options} (enter keeps: {q.assumption})", default="", show_default=False,
                               err=True)
            if ans.strip():
                answers[q.id] = ans.strip()
        else:
            err_console.print(f"[cyan]question[/] {q.id}: {q.question}{options}\n  assumed: {q.assumption}",
                              highlight=False)
    return answers


def _notice(result, started: float) -> None:
    for span in result.not_understood:
        if span.text.startswith("[") and "reading budget" in span.text:
            err_console.print(f"[yellow]warning:[/] {span.text.split(']')[0][1:]}; split the text to design it all",
                              highlight=False)
    ms = (time.perf_counter() - started) * 1000
    err_console.print(
        f"[dim]engine: offline (rules, no LLM, no network) - {len(result.schema.tables)} tables "
        f"from {len(result.conceptual.entities)} entities in {ms:.0f} ms[/]", highlight=False)


class Engine(str, Enum):
    auto = "auto"
    offline = "offline"
    agents = "agents"
    hybrid = "hybrid"


def _choose_engine(engine: Engine, base_url: str | None, model: str | None, api_key_env: str | None):
    """The engine to run and the model settings: hybrid when a model is configured, else offline."""
    from ..llm import load_config

    cfg = load_config({"base_url": base_url, "model": model, "api_key_env": api_key_env})
    if engine is not Engine.auto:
        return engine.value, cfg
    return ("hybrid" if cfg.configured else "offline"), cfg


@dataclass
class _LLMDesign:
    schema: object


def _design_with_llm(requirements: str, mode: str, cfg, transcript: Path | None, test_db: str | None,
                     started: float):
    from ..agents import design_with_agents

    if not cfg.configured:
        from ..errors import InputError

        raise InputError(f"the {mode} engine needs a model", hint="pass --model (and --llm-base-url for a local "
                         "server), or use --engine offline")
    result = design_with_agents(requirements, config=cfg, mode=mode, transcript_path=transcript, postgres_url=test_db)
    u = result.usage
    where = cfg.base_url or "OpenAI"
    err_console.print(
        f"[dim]engine: {mode} (model {cfg.model} at {where}) - {len(result.schema.tables)} tables, "
        f"{u.prompt_tokens}+{u.completion_tokens} tokens in {u.calls} calls, "
        f"{len(result.transcript.turns)} rounds, {time.perf_counter() - started:.1f} s"
        + (f", transcript {transcript}" if transcript else "") + "[/]", highlight=False)
    return _LLMDesign(schema=result.schema)


def register(app: typer.Typer) -> None:
    @app.command()
    def design(
        text: str | None = typer.Argument(None, help="requirements in English, or - to read stdin"),
        file: Path | None = typer.Option(None, "--file", "-F", help="read the requirements from FILE"),
        fmt: DesignFormat = typer.Option(DesignFormat.ddl, "--format", "-f", help="ddl, json, mermaid, rschema, markdown"),
        dialect: str = typer.Option("postgresql", "--dialect", help="DDL dialect: postgresql, mysql, sqlite, sqlserver, oracle"),
        naming: Naming = typer.Option(Naming.snake_plural, "--naming", help="snake_plural tables (default), snake, or keep the requirement's words"),
        out: Path | None = typer.Option(None, "-o", "--out", help="write the design here instead of stdout"),
        explain: bool = typer.Option(False, "--explain", help="show every decision, why, and the text it came from"),
        interactive: bool = typer.Option(False, "--interactive", help="ask the clarifying questions in the terminal"),
        answers_file: Path | None = typer.Option(None, "--answers", help="JSON/YAML file answering questions by id"),
        save: Path | None = typer.Option(None, "--save", help="save a session to refine later"),
        engine: Engine = typer.Option(Engine.auto, "--engine", "-e",
                                      help="offline (rules), agents (six-role LLM workflow), hybrid (agents review "
                                           "the offline draft); auto: hybrid when a model is configured, else offline"),
        llm_base_url: str | None = llm_options.BASE_URL,
        model: str | None = llm_options.MODEL,
        api_key_env: str | None = llm_options.API_KEY_ENV,
        transcript: Path | None = typer.Option(None, "--transcript", help="save the agents' group chat here (JSON)"),
        test_db: str | None = typer.Option(None, "--test-db", help="PostgreSQL URL where the agents' test executor "
                                                                   "also runs its cases (besides SQLite)"),
    ) -> None:
        """Design a normalized database from an English description (offline, in milliseconds)."""
        from ..design.engine import design as run_design
        from ..design.session import Session, read_answers, save_session
        from .schema_io import write_output

        started = time.perf_counter()
        requirements = _read_requirements(text, file)
        answers = read_answers(answers_file) if answers_file else {}
        chosen, llm_config = _choose_engine(engine, llm_base_url, model, api_key_env)
        if chosen != "offline":
            result = _design_with_llm(requirements, chosen, llm_config, transcript, test_db, started)
            write_output(_render(result, fmt, dialect, naming), out)
            if save is not None:
                save_session(Session([requirements], answers, result.schema), save)
                err_console.print(f"saved session {save}")
            return
        result = run_design(requirements, answers)
        if interactive and result.questions:
            answers.update(_ask(result, True))
            result = run_design(requirements, answers)
        elif result.questions:
            _ask(result, False)
        _notice(result, started)
        if explain:
            _explain(result)
        write_output(_render(result, fmt, dialect, naming), out)
        if save is not None:
            save_session(Session([requirements], answers, result.schema), save)
            err_console.print(f"saved session {save}")

    @app.command()
    def refine(
        session_file: Path = typer.Argument(..., metavar="SESSION", help="session saved by design --save"),
        text: str | None = typer.Argument(None, help="more requirements (or - for stdin)"),
        fmt: DesignFormat = typer.Option(DesignFormat.ddl, "--format", "-f"),
        dialect: str = typer.Option("postgresql", "--dialect"),
        naming: Naming = typer.Option(Naming.snake_plural, "--naming"),
        out: Path | None = typer.Option(None, "-o", "--out"),
        answers_file: Path | None = typer.Option(None, "--answers", help="JSON/YAML file answering questions by id"),
        explain: bool = typer.Option(False, "--explain"),
    ) -> None:
        """Add requirements or answers to a saved design session, re-design, and show what changed."""
        from ..design.session import load_session, read_answers, save_session
        from ..design.session import refine as run_refine
        from .schema_io import write_output

        started = time.perf_counter()
        session = load_session(session_file)
        more = _read_requirements(text, None) if text is not None else ""
        answers = read_answers(answers_file) if answers_file else {}
        new, result, changes = run_refine(session, more, answers)
        if result.questions:
            _ask(result, False)
        _notice(result, started)
        if explain:
            _explain(result)
        for line in changes or ["no change to the design"]:
            err_console.print(line, highlight=False, markup=False)
        write_output(_render(result, fmt, dialect, naming), out)
        save_session(new, session_file)
        err_console.print(f"updated session {session_file}")


