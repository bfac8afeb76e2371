"""The benchmark's two verbs as library functions; the CLI (``schema-architect bench``) calls these."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .dataset import load_cases
from .resources import require_extra

ProgressFactory = Callable[[str, int], Callable[[int], None]]  # (description, total) -> advance(n)


@dataclass
class Outcome:
    report: dict
    json_path: Path
    md_path: Path
    predictions: Path


def _no_progress(description: str, total: int) -> Callable[[int], None]:
    return lambda n: None


def run_rschema(data: Path, engine_name: str, out_dir: Path, *, limit: int | None = None, jobs: int = 1,
                resume: bool = False, verify_url: str | None = None, embedding_cache: Path | None = None,
                progress: ProgressFactory = _no_progress) -> Outcome:  # fmt: skip
    """Run ``engine_name`` over the cases of ``data``, write predictions.jsonl, then score it."""
    from .engines import load_engine
    from .runner import PREDICTIONS, run_engine

    require_extra()  # fail before spending time on the engine when the scorer cannot run
    loaded = load_cases(data)
    cases = loaded.items[:limit] if limit is not None else loaded.items
    engine = load_engine(engine_name)
    summary = run_engine(engine, cases, out_dir, jobs=jobs, resume=resume,
                         progress=progress(f"{engine_name}: designing", len(cases)))  # fmt: skip
    run_info = {"engine": engine_name, "ran": summary.ran, "resumed_skipped": summary.skipped,
                "limit": limit, "jobs": jobs}  # fmt: skip
    return _score_and_report(data, cases, out_dir / PREDICTIONS, out_dir, engine_name, loaded.problems,
                             verify_url, embedding_cache, progress, run_info)  # fmt: skip


def score_rschema(data: Path, predictions: Path, out_dir: Path, *, verify_url: str | None = None,
                  embedding_cache: Path | None = None, progress: ProgressFactory = _no_progress) -> Outcome:  # fmt: skip
    """Score predictions made elsewhere (JSONL with id, schema in RSchema form, optional ddl)."""
    require_extra()
    loaded = load_cases(data)
    return _score_and_report(data, loaded.items, predictions, out_dir, None, loaded.problems,
                             verify_url, embedding_cache, progress, None)  # fmt: skip


def _score_and_report(data, cases, predictions, out_dir, engine_name, problems, verify_url, embedding_cache,
                      progress, run_info) -> Outcome:  # fmt: skip
    from .report import build_report, write_reports
    from .runner import score

    scored = score(cases, predictions, verify_url=verify_url, embedding_cache=embedding_cache,
                   progress=progress("scoring", len(cases)))  # fmt: skip
    report = build_report(engine=engine_name, data=data, predictions=predictions, scored=scored,
                          run_info=run_info, input_problems=problems)  # fmt: skip
    json_path, md_path = write_reports(out_dir, report, scored)
    return Outcome(report, json_path, md_path, predictions)
