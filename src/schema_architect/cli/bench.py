"""``schema-architect bench``: run a schema generator on RSchema and score it, or score predictions."""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path

import typer

from . import llm_options

from .console import console, err_console

bench_app = typer.Typer(help="Measure schema generators on the RSchema benchmark with the papers' metrics.",
                        no_args_is_help=True)  # fmt: skip


CACHE_HELP = "SQLite file caching name embeddings (default: .cache/bench/ under the current folder)"


def _cache_path(given: Path | None, disabled: bool) -> Path | None:
    if disabled:
        return None
    from ..bench.resources import default_cache_path

    return given or default_cache_path()


@contextmanager
def _progress_bars():
    """A Rich progress display; yields a factory (description, total) -> advance(n)."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=err_console, transient=False) as progress:  # fmt: skip

        def factory(description: str, total: int):
            task = progress.add_task(description, total=total)
            return lambda n: progress.advance(task, n)

        yield factory


def _summary(outcome) -> None:
    from rich.table import Table

    from ..bench.metrics import METRICS

    report = outcome.report
    table = Table(title=f"RSchema: {report['engine'] or 'predictions'} ({report['cases_scored']} cases)")
    table.add_column("metric")
    table.add_column("score", justify="right")
    table.add_column("cases", justify="right")
    for key, label in METRICS.items():
        m = report["metrics"][key]
        if m["cases"]:
            table.add_row(label, f"{m['mean']:.2f}", str(m["cases"]))
    console.print(table)
    if report["problems"]:
        err_console.print(f"[yellow]{len(report['problems'])} input problem(s)[/], listed in {outcome.md_path}")
    err_console.print(f"wrote {outcome.predictions}, {outcome.json_path}, {outcome.md_path}")


@bench_app.command("rschema")
def rschema(
    data: Path = typer.Option(..., "--data", help="JSONL with one case per line (id, question, schema, ddl)"),
    engine: str = typer.Option(..., "--engine", help="engine name, e.g. gold or baseline"),
    out: Path = typer.Option(..., "--out", help="folder for predictions.jsonl, report.json, report.md"),
    limit: int | None = typer.Option(None, "--limit", min=1, help="only the first N cases"),
    jobs: int = typer.Option(1, "--jobs", min=1, help="cases designed in parallel"),
    resume: bool = typer.Option(False, "--resume", help="keep finished cases of OUT/predictions.jsonl"),
    verify_on: str | None = typer.Option(None, "--verify-on", help="also run each DDL on this PostgreSQL/MySQL URL"),
    embedding_cache: Path | None = typer.Option(None, "--embedding-cache", help=CACHE_HELP),
    no_embedding_cache: bool = typer.Option(False, "--no-embedding-cache", help="keep embeddings in memory only"),
    llm_base_url: str | None = llm_options.BASE_URL,
    model: str | None = llm_options.MODEL,
    api_key_env: str | None = llm_options.API_KEY_ENV,
) -> None:
    """Run ENGINE over every case, write its predictions and the scored report."""
    from ..bench.rschema import run_rschema

    llm_options.apply_llm_flags(llm_base_url, model, api_key_env)

    with _progress_bars() as progress:
        outcome = run_rschema(data, engine, out, limit=limit, jobs=jobs, resume=resume, verify_url=verify_on,
                              embedding_cache=_cache_path(embedding_cache, no_embedding_cache), progress=progress)  # fmt: skip
    _summary(outcome)


@bench_app.command("score")
def score(
    data: Path = typer.Option(..., "--data", help="JSONL with the cases and their reference schemas"),
    predictions: Path = typer.Option(..., "--predictions", help="JSONL with id, schema (RSchema form), ddl"),
    out: Path = typer.Option(..., "--out", help="folder for report.json and report.md"),
    verify_on: str | None = typer.Option(None, "--verify-on", help="also run each DDL on this PostgreSQL/MySQL URL"),
    embedding_cache: Path | None = typer.Option(None, "--embedding-cache", help=CACHE_HELP),
    no_embedding_cache: bool = typer.Option(False, "--no-embedding-cache", help="keep embeddings in memory only"),
) -> None:
    """Score predictions made elsewhere and write the same report."""
    from ..bench.rschema import score_rschema

    with _progress_bars() as progress:
        outcome = score_rschema(data, predictions, out, verify_url=verify_on, embedding_cache=_cache_path(embedding_cache, no_embedding_cache),
                                progress=progress)  # fmt: skip
    _summary(outcome)


@bench_app.command("engines")
def engines() -> None:
    """List the engines the benchmark can run."""
    from ..bench.engines import ENGINES

    for name, target in sorted(ENGINES.items()):
        console.print(f"{name}\t{target}", highlight=False)


def register(app: typer.Typer) -> None:
    app.add_typer(bench_app, name="bench")
