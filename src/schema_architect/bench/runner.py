"""Run an engine over benchmark cases (predictions.jsonl) and score predictions against the references.

Predictions are written one JSON line per finished case and flushed at once, so an interrupted run
leaves a usable file; ``resume`` keeps its complete lines and runs only the cases not in it.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError, SchemaArchitectError
from ..model import to_rschema
from .dataset import Case, Problem, load_predictions, read_jsonl
from .engines import as_result

PREDICTIONS = "predictions.jsonl"
Progress = Callable[[int], None]  # called with the number of cases just finished


def predict_one(engine, case: Case) -> dict:
    """One prediction record; an engine failure is recorded on the case, never raised."""
    record: dict = {"id": case.id, "engine": engine.name}
    start = time.perf_counter()
    try:
        design_case = getattr(engine, "design_case", None)
        result = as_result(design_case(case) if design_case else engine.design(case.question))
        record["schema"] = to_rschema(result.schema)
        record["prompt_tokens"] = result.prompt_tokens
        record["completion_tokens"] = result.completion_tokens
        if result.metadata:
            record["metadata"] = result.metadata
        try:
            from ..sql.render import render_ddl

            record["ddl"] = render_ddl(result.schema, "sqlite")
        except SchemaArchitectError as exc:
            record["ddl"] = None
            record["error"] = f"cannot render SQLite DDL: {exc.one_line()}"
    except SchemaArchitectError as exc:
        record["schema"] = None
        record["error"] = exc.one_line()
    except Exception as exc:  # an engine bug must not end the whole run; the case records it
        record["schema"] = None
        record["error"] = f"{exc.__class__.__name__}: {exc}"
    record["seconds"] = round(time.perf_counter() - start, 4)
    return record


def finished_ids(path: Path, engine_name: str) -> set[str]:
    """Ids already predicted in ``path``; rewrites it without torn or malformed lines first."""
    if not path.exists():
        return set()
    rows, _problems = read_jsonl(path)
    keep = [obj for _, obj in rows if obj.get("id") is not None]
    engines = {obj.get("engine") for obj in keep} - {None}
    if engines and engines != {engine_name}:
        raise InputError(
            f"{path} holds predictions of engine {', '.join(sorted(map(str, engines)))}, not {engine_name!r}",
            hint="use another --out folder, or the same --engine to resume",
        )
    tmp = path.with_suffix(".jsonl.tmp")
    tmp.write_text("".join(json.dumps(obj, ensure_ascii=False) + "\n" for obj in keep), encoding="utf-8")
    tmp.replace(path)
    return {str(obj["id"]) for obj in keep}


@dataclass
class RunSummary:
    ran: int = 0
    skipped: int = 0
    failed: list[Problem] = field(default_factory=list)


def run_engine(engine, cases: list[Case], out_dir: Path, *, jobs: int = 1, resume: bool = False,
               progress: Progress | None = None) -> RunSummary:  # fmt: skip
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / PREDICTIONS
    done = finished_ids(path, engine.name) if resume else set()
    if not resume and path.exists():
        path.unlink()
    todo = [c for c in cases if c.id not in done]
    summary = RunSummary(skipped=len(cases) - len(todo))
    if progress and summary.skipped:
        progress(summary.skipped)
    with path.open("a", encoding="utf-8") as fh:

        def write(record: dict) -> None:
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
            fh.flush()
            summary.ran += 1
            if record.get("error"):
                summary.failed.append(Problem(str(path), record["error"], record["id"]))
            if progress:
                progress(1)

        if jobs <= 1:
            for case in todo:
                write(predict_one(engine, case))
        else:
            with ThreadPoolExecutor(max_workers=jobs) as pool:
                futures = [pool.submit(predict_one, engine, case) for case in todo]
                try:
                    for fut in as_completed(futures):
                        write(fut.result())
                except BaseException:
                    for fut in futures:
                        fut.cancel()
                    raise
    return summary


@dataclass
class Scored:
    cases: list = field(default_factory=list)  # CaseScore
    problems: list[Problem] = field(default_factory=list)
    seconds: float = 0.0
    embedded: int = 0  # names the model had to encode (the rest came from the cache)


def score(cases: list[Case], predictions_path: Path, *, verify_url: str | None = None,
          embedding_cache: Path | None = None, progress: Progress | None = None) -> Scored:  # fmt: skip
    """Score every case that has a reference; predictions missing for a case score as empty."""
    from .align import Aligner
    from .execute import check_server
    from .metrics import CaseScore, empty_scores, prediction_model, score_case
    from .reference import reference_model
    from .resources import EmbeddingCache

    start = time.perf_counter()
    if verify_url:
        check_server(verify_url)
    loaded = load_predictions(predictions_path)
    by_id = {str(p["id"]): p for p in loaded.items}
    out = Scored(problems=list(loaded.problems))
    known = {c.id for c in cases}
    for pid in by_id:
        if pid not in known:
            out.problems.append(Problem(by_id[pid]["_where"], "prediction for an id the data does not have", pid))

    scorable = []
    for case in cases:
        if case.schema is None:
            out.problems.append(Problem(case.where, "case has no reference 'schema'; not scored", case.id))
            if progress:
                progress(1)
            continue
        try:
            ref = reference_model(case)
        except SchemaArchitectError as exc:
            out.problems.append(Problem(case.where, f"reference unusable: {exc.one_line()}", case.id))
            if progress:
                progress(1)
            continue
        scorable.append((case, ref))

    # Batched passes of the embedding model over the names that need it.
    aligner = Aligner(EmbeddingCache(embedding_cache))
    # Two batches: the table names stage 1 leaves open, then the columns of the tables aligned.
    predicted = {}
    for case, _ in scorable:
        pred = by_id.get(case.id)
        predicted[case.id] = prediction_model(pred, (pred or {}).get("_where") or case.id)
    for demand in (aligner.table_demand, aligner.column_demand):
        needed: set[str] = set()
        for case, ref in scorable:
            needed |= demand(ref.schema, predicted[case.id][0].schema)
        aligner.embeddings.prefetch(needed)

    for case, ref in scorable:
        pred = by_id.get(case.id)
        try:
            out.cases.append(score_case(case, pred, aligner, verify_url, reference=ref, predicted=predicted[case.id]))
        except Exception as exc:  # one odd case must not sink the run: it scores 0 and says why
            out.cases.append(CaseScore(id=case.id, scores=empty_scores(),
                                       reasons=[f"could not be scored: {exc.__class__.__name__}: {exc}"]))  # fmt: skip
        if progress:
            progress(1)
    out.embedded = aligner.embeddings.encoded
    out.seconds = time.perf_counter() - start
    return out
