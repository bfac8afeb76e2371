"""How long scoring the RSchema dev part takes once predictions exist (target: under 60 s on 2 cores).

Makes gold and baseline predictions for the dev cases (not timed), then runs
``schema-architect bench score`` in a fresh process per scenario, so model and WordNet loading are
counted as a user would pay them:

* gold predictions (names match exactly: no embedding needed),
* baseline predictions with an empty on-disk embedding cache (every needed name encoded),
* baseline predictions again with that cache warm.

Wall time depends on what else the machine runs, so CPU time and the load average are shown too.

    .venv/bin/python benchmarks/bench_scoring.py [--data FILE.jsonl] [--limit N]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from rich.console import Console
from rich.table import Table

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))
from conftest import RSCHEMA_DEV
from schema_architect.bench.dataset import load_cases
from schema_architect.bench.engines import load_engine
from schema_architect.bench.runner import PREDICTIONS, run_engine


def score_in_fresh_process(data: Path, predictions: Path, out: Path, cache: Path | None) -> dict:
    cmd = [str(REPO / ".venv" / "bin" / "schema-architect"), "bench", "score", "--data", str(data),
           "--predictions", str(predictions), "--out", str(out)]  # fmt: skip
    cmd += ["--embedding-cache", str(cache)] if cache else ["--no-embedding-cache"]
    env = dict(os.environ, HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1")
    env.setdefault("NLTK_DATA", str(REPO / ".cache" / "nltk_data"))
    load = os.getloadavg()[0]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True, env=env)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    report = json.loads((out / "report.json").read_text())
    return {"wall": wall, "cpu": cpu, "load": load, "report": report}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=RSCHEMA_DEV)
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()
    console = Console(width=150)

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        data = args.data
        cases = load_cases(data).items
        if args.limit:
            data = tmp / "data.jsonl"
            data.write_text("".join(line + "\n" for line in args.data.read_text().splitlines()[: args.limit]))
            cases = cases[: args.limit]
        preds = {}
        for engine in ("gold", "baseline"):
            run_engine(load_engine(engine), cases, tmp / engine)
            preds[engine] = tmp / engine / PREDICTIONS
        cache = tmp / "embeddings.sqlite"
        scenarios = [
            ("gold predictions, no disk cache", preds["gold"], None),
            ("baseline predictions, empty disk cache", preds["baseline"], cache),
            ("baseline predictions, warm disk cache", preds["baseline"], cache),
        ]
        table = Table(title=f"Scoring {len(cases)} RSchema cases ({os.cpu_count()} CPUs)")
        for col in ("scenario", "wall s", "CPU s", "load avg", "names encoded", "in-run scoring s", "table F1"):
            table.add_column(col, justify="left" if col == "scenario" else "right")
        for i, (label, pred_path, cache_path) in enumerate(scenarios):
            r = score_in_fresh_process(data, pred_path, tmp / f"out{i}", cache_path)
            rep = r["report"]
            table.add_row(label, f"{r['wall']:.1f}", f"{r['cpu']:.1f}", f"{r['load']:.1f}",
                          str(rep["timing"]["names_embedded"]), f"{rep['timing']['scoring_seconds']:.1f}",
                          f"{rep['metrics']['table_f1']['mean']:.2f}")  # fmt: skip
        console.print(table)
        console.print("wall s: the whole `bench score` process (imports, WordNet and MiniLM loading, scoring, "
                      "reports); in-run scoring s: from reading the predictions to the last case.")  # fmt: skip


if __name__ == "__main__":
    main()
