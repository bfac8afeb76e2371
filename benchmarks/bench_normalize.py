"""Benchmark: candidate keys and 3NF synthesis on wide relations.

    .venv/bin/python benchmarks/bench_normalize.py [--repeat 3] [--seed 7]

Relations of 20, 40 and 60 attributes with 30 to 120 FDs, generated with a fixed seed so that the
number of candidate keys stays small (keys can be exponential in number; the algorithm is
polynomial in keys x FDs x attributes): most FDs point "forward" (their left side uses earlier
attributes than their right side), and two FDs point back into the key, which makes a few
alternative keys. Times are the best of ``--repeat`` runs, each on a fresh ``Dependencies`` (so the
minimal cover is part of the key time). The 3NF time includes the chase and the preservation test.
BCNF (one run) is shown for information: certifying that a fragment is in BCNF is coNP-complete, so
its search is exponential in the worst case and bounded (see ``normalize.decompose``).
Target: under 100 ms at 20 attributes, polynomial growth in the number of FDs.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from rich.console import Console
from rich.table import Table

from schema_architect.normalize import Dependencies, Relation, decompose_bcnf, synthesize_3nf

SIZES = [(20, 30), (20, 60), (20, 120), (40, 30), (40, 60), (40, 120), (60, 30), (60, 60), (60, 120)]


def generate(n_attrs: int, n_fds: int, rng: random.Random) -> tuple[Relation, list[tuple[list[str], list[str]]]]:
    attrs = [f"a{i:02d}" for i in range(n_attrs)]
    core = 3  # a00..a02 start the key
    fds: list[tuple[list[str], list[str]]] = []
    # One FD per non-key attribute (as far as the budget goes) so most attributes are determined.
    for i in range(core, n_attrs):
        if len(fds) >= n_fds - 2:
            break
        lhs = rng.sample(attrs[: max(core, i - 8) if i > 8 else i], k=min(rng.randint(1, 3), i))
        fds.append((lhs, [attrs[i]]))
    while len(fds) < n_fds - 2:  # the rest: random forward FDs
        i = rng.randrange(core + 1, n_attrs)
        lhs = rng.sample(attrs[:i], k=min(rng.randint(1, 3), i))
        rhs = rng.sample(attrs[i:], k=min(rng.randint(1, 2), n_attrs - i))
        fds.append((lhs, rhs))
    # Two backward FDs: alternative keys.
    fds.append(([attrs[core], attrs[core + 1]], [attrs[0]]))
    fds.append(([attrs[core + 2]], [attrs[1]]))
    return Relation(f"R{n_attrs}", tuple(attrs)), fds


def best_of(repeat: int, fn):
    best, value = float("inf"), None
    for _ in range(repeat):
        t0 = time.perf_counter()
        value = fn()
        best = min(best, time.perf_counter() - t0)
    return best * 1000, value


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)

    table = Table(title=f"normalization engine: candidate keys and 3NF synthesis (seed {args.seed}, best of {args.repeat})")
    for col in ("attributes", "FDs", "cover FDs", "keys", "key size", "keys ms", "3NF ms", "relations",
                "lossless", "preserving", "BCNF ms", "BCNF rel."):
        table.add_column(col, justify="right")
    for n_attrs, n_fds in SIZES:
        rel, fds = generate(n_attrs, n_fds, rng)
        t_keys, deps = best_of(args.repeat, lambda rel=rel, fds=fds: _keys(rel, fds))
        t_3nf, d = best_of(args.repeat, lambda rel=rel, fds=fds: synthesize_3nf(Dependencies(rel, fds)))
        t_bcnf, b = best_of(1, lambda rel=rel, fds=fds: decompose_bcnf(Dependencies(rel, fds)))
        keys = deps.candidate_keys
        table.add_row(
            str(n_attrs), str(n_fds), str(len(deps.minimal_cover)), str(len(keys)),
            f"{min(map(len, keys))}-{max(map(len, keys))}", f"{t_keys:.1f}", f"{t_3nf:.1f}",
            str(len(d.fragments)), "yes" if d.lossless else "NO", "yes" if d.dependency_preserving else "NO",
            f"{t_bcnf:.0f}", str(len(b.fragments)),
        )
    console = Console(width=160)
    console.print(table)

    # Many keys: k pairs of equivalent attributes (x_i <-> y_i) give 2^k keys; the enumeration is
    # polynomial in the number of keys, not in 2^attributes.
    many = Table(title="many candidate keys: k equivalent pairs x_i <-> y_i, plus 10 dependent attributes")
    for col in ("k", "attributes", "keys", "keys ms", "ms per key"):
        many.add_column(col, justify="right")
    for k in (2, 4, 6, 8):
        attrs = [f"x{i}" for i in range(k)] + [f"y{i}" for i in range(k)] + [f"z{i}" for i in range(10)]
        fds = [([f"x{i}"], [f"y{i}"]) for i in range(k)] + [([f"y{i}"], [f"x{i}"]) for i in range(k)]
        fds += [([f"x{i % k}", f"y{(i + 1) % k}"], [f"z{i}"]) for i in range(10)]
        rel = Relation(f"P{k}", tuple(attrs))
        t, deps = best_of(args.repeat, lambda rel=rel, fds=fds: _keys(rel, fds))
        n_keys = len(deps.candidate_keys)
        many.add_row(str(k), str(len(attrs)), str(n_keys), f"{t:.1f}", f"{t / n_keys:.2f}")
    console.print(many)


def _keys(rel, fds):
    deps = Dependencies(rel, fds)
    deps.candidate_keys  # noqa: B018 - computes and caches
    return deps


if __name__ == "__main__":
    main()
