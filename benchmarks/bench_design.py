"""Speed of the offline design engine: time per requirement over RSchema dev, and a 1 MB text.

    .venv/bin/python benchmarks/bench_design.py [--data ../shared/datasets/rschema/dev.jsonl] [--repeat 3]

Prints median / p95 / max milliseconds per requirement (each case designed ``--repeat`` times, the
best run kept, after one warm-up pass so imports are not counted), then the time to design a 1 MB
text made of the dev requirements (unique text, so the per-sentence cache does not help), and a
1 MB text of one repeated paragraph.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import time
from pathlib import Path

from rich.console import Console
from rich.table import Table

from schema_architect.design import design
from schema_architect.design.clauses import _cached_clauses
from schema_architect.design.understand import _analyze
from schema_architect.errors import InputError

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "datasets" / "rschema" / "dev.jsonl"


def timed(text: str) -> tuple[float, str]:
    _analyze.cache_clear()  # per-sentence caches, cleared so a repeat run measures the reading again
    _cached_clauses.cache_clear()
    start = time.perf_counter()
    try:
        result = design(text)
        outcome = f"{len(result.schema.tables)} tables"
        budget = [s for s in result.not_understood if s.text.startswith("[")]
        if budget:
            outcome += "; " + budget[0].text.split("]")[0][1:]
    except InputError as exc:
        outcome = f"InputError: {exc.message}"
    return time.perf_counter() - start, outcome


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    questions = [json.loads(line)["question"] for line in args.data.read_text(encoding="utf-8").splitlines() if line.strip()]
    for q in questions:  # warm-up: imports and caches of word forms
        timed(q)
    per_case = [min(timed(q)[0] for _ in range(args.repeat)) * 1000 for q in questions]
    per_case.sort()
    p95 = per_case[min(len(per_case) - 1, int(0.95 * len(per_case)))]

    console = Console()
    table = Table(title=f"offline design engine: {len(questions)} RSchema dev requirements")
    for col in ("measure", "value"):
        table.add_column(col)
    table.add_row("median ms / requirement", f"{statistics.median(per_case):.2f}")
    table.add_row("p95 ms / requirement", f"{p95:.2f}")
    table.add_row("max ms / requirement", f"{per_case[-1]:.2f}")
    table.add_row("mean words / requirement", f"{statistics.mean(len(q.split()) for q in questions):.0f}")
    console.print(table)

    big = "\n\n".join(questions)
    big = (big * (1_000_000 // len(big) + 1))[:1_000_000]
    para = ("Each customer has a customer ID, name, email and phone number. Each customer places multiple orders. "
            "Each order has an order ID, order date and total amount. ")
    repeated = (para * (1_000_000 // len(para) + 1))[:1_000_000]
    # No full stop anywhere: the text is cut into long pieces, each costlier than a normal sentence.
    vocabulary = sorted({w.strip(".,;:()").lower() for q in questions[:20] for w in q.split()} - {""})
    rng = random.Random(7)
    unpunctuated = " ".join(rng.choice(vocabulary) for _ in range(200_000))[:1_000_000]
    t2 = Table(title="1 MB of text")
    for col in ("input", "seconds", "outcome"):
        t2.add_column(col)
    for label, text in (("dev requirements concatenated", big), ("one paragraph repeated", repeated),
                        ("dev words shuffled, no punctuation", unpunctuated)):
        seconds, outcome = timed(text)
        t2.add_row(label, f"{seconds:.2f}", outcome)
    console.print(t2)


if __name__ == "__main__":
    main()
