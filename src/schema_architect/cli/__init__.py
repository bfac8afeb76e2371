"""The ``schema-architect`` command: a thin Typer layer, one module per group of verbs.

Each module under ``cli/`` exposes ``register(app)`` and calls library functions only; heavy
imports (SQLAlchemy, sentence-transformers, ...) happen inside the commands so that
``schema-architect --help`` stays fast.
"""

from __future__ import annotations

import sys

import typer

from ..errors import SchemaArchitectError
from .console import err_console

app = typer.Typer(
    name="schema-architect",
    help="Design relational databases from plain English and keep them healthy.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)


def _register_commands() -> None:
    # Order here is the order of `--help`: design first, then the model's ins and outs, then the rest.
    from . import design

    design.register(app)
    from . import schema_io

    schema_io.register(app)
    from . import normalize

    normalize.register(app)
    from . import advise

    advise.register(app)
    from . import bench

    bench.register(app)
    from . import agents

    agents.register(app)
    from . import evolve

    evolve.register(app)
    from . import serve

    serve.register(app)


_register_commands()


def main(argv: list[str] | None = None) -> None:
    """Entry point: run the CLI, turning user errors into one line, a hint and a non-zero exit."""
    try:
        app(args=argv, prog_name="schema-architect", standalone_mode=True)
    except SchemaArchitectError as exc:
        err_console.print(f"[bold red]error:[/] {exc.one_line()}", highlight=False, soft_wrap=True)
        if exc.hint:
            err_console.print(f"[dim]hint:[/] {exc.hint}", highlight=False, soft_wrap=True)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        err_console.print("interrupted")
        sys.exit(130)
