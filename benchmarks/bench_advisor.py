"""Index advisor run time on a 1,000-query workload (target: under 10 s).

Builds a throw-away PostgreSQL database with the generated shop (orders/customer/product, HypoPG
created), writes a workload of N statements drawn from 22 query shapes with random literals, and times
each phase: read + fingerprint + parse (one sqlglot parse per distinct shape), catalog, the HypoPG
evaluation, and the whole `optimize` report.

    .venv/bin/python benchmarks/bench_advisor.py [--queries 1000] [--orders 1000000] [--no-hypopg]
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

from rich.console import Console
from rich.table import Table

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from advisor_data import build_shop, plain_dsn
from conftest import create_pg_database, drop_pg_database
from schema_architect.advise.indexes import advise_indexes
from schema_architect.advise.live import connect
from schema_architect.advise.pgcatalog import read_catalog
from schema_architect.advise.report import optimize
from schema_architect.advise.workload import load_workload

TEMPLATES = [
    "SELECT * FROM orders WHERE customer_id = {c}",
    "SELECT count(*) FROM orders WHERE customer_id = {c} AND status = '{s}'",
    "SELECT * FROM orders WHERE created_at BETWEEN '{d}' AND '{d} 06:00'",
    "SELECT id, amount FROM orders WHERE product_id = {p} ORDER BY created_at DESC LIMIT 10",
    "SELECT o.id, c.email FROM orders o JOIN customer c ON c.id = o.customer_id WHERE c.email = 'user{c}@example.com'",
    "SELECT * FROM customer WHERE email = 'user{c}@example.com'",
    "SELECT * FROM customer WHERE country = 'C{k}' AND created_at > '{d}'",
    "SELECT sum(amount) FROM orders WHERE status = '{s}' AND created_at >= '{d}' AND created_at < '{d} 12:00'",
    "SELECT * FROM orders WHERE id = {c}",
    "UPDATE orders SET status = 'paid' WHERE customer_id = {c} AND status = 'pending'",
    "DELETE FROM orders WHERE customer_id = {c} AND created_at < '2020-01-01'",
    "SELECT p.name, count(*) FROM orders o JOIN product p ON p.id = o.product_id WHERE o.created_at > '{d}' "
    "GROUP BY p.name",
    "SELECT * FROM customer WHERE email LIKE 'user{c}%'",
    "SELECT c.country, sum(o.amount) FROM orders o JOIN customer c ON c.id = o.customer_id "
    "WHERE o.customer_id IN ({c}, {p}, {k}) GROUP BY c.country",
    "SELECT * FROM product WHERE category = 'cat{k}' ORDER BY price LIMIT 5",
    "SELECT count(*) FROM orders WHERE status = '{s}'",
    "SELECT * FROM orders WHERE note ILIKE '%{s}%'",
    "SELECT * FROM customer WHERE segment = 'gold' AND country = 'C{k}' ORDER BY created_at LIMIT 20",
    "SELECT max(created_at) FROM orders WHERE customer_id = {c}",
    "SELECT * FROM orders o WHERE o.product_id = {p} AND o.status = '{s}'",
    "SELECT o.* FROM orders o JOIN customer c ON c.id = o.customer_id WHERE o.created_at >= '{d}' "
    "AND o.created_at < '{d} 01:00' ORDER BY o.created_at",
    "SELECT * FROM customer WHERE id = {c}",
]
STATUSES = ["pending", "paid", "shipped", "delivered", "returned"]


def workload_text(n: int, seed: int = 7) -> str:
    rnd = random.Random(seed)
    out = []
    for i in range(n):
        t = TEMPLATES[i % len(TEMPLATES)]
        out.append(t.format(c=rnd.randint(1, 100_000), p=rnd.randint(1, 10_000), k=rnd.randint(0, 49),
                            s=rnd.choice(STATUSES), d=f"2024-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}") + ";")
    return "\n".join(out) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--queries", type=int, default=1000)
    ap.add_argument("--orders", type=int, default=1_000_000)
    ap.add_argument("--no-hypopg", action="store_true", help="time the rolled-back-transaction fallback instead")
    args = ap.parse_args()
    console = Console()
    name, url = create_pg_database()
    try:
        t0 = time.perf_counter()
        build_shop(plain_dsn(url), orders=args.orders)
        setup = time.perf_counter() - t0
        with tempfile.TemporaryDirectory() as tmp:
            wl_path = Path(tmp) / "workload.sql"
            wl_path.write_text(workload_text(args.queries), encoding="utf-8")
            t = time.perf_counter()
            wl = load_workload(wl_path)
            parse_s = time.perf_counter() - t
            with connect(url) as conn:
                t = time.perf_counter()
                catalog = read_catalog(conn)
                catalog_s = time.perf_counter() - t
                t = time.perf_counter()
                advice = advise_indexes(conn, wl, catalog=catalog, use_hypopg=not args.no_hypopg)
                advise_s = time.perf_counter() - t
            t = time.perf_counter()
            report = optimize(url, wl_path, use_hypopg=not args.no_hypopg)
            optimize_s = time.perf_counter() - t
    finally:
        drop_pg_database(name)

    table = Table(title=f"Index advisor on a {args.queries}-statement workload ({args.orders:,} orders)")
    table.add_column("phase")
    table.add_column("value", justify="right")
    table.add_column("note")
    table.add_row("database setup (not advisor time)", f"{setup:.1f} s", "INSERT ... SELECT generate_series")
    table.add_row("statements read", str(wl.statements_read), f"{len(wl.queries)} distinct fingerprints, "
                  f"{sum(s.count for s in wl.skipped)} skipped")
    table.add_row("read + fingerprint + parse", f"{parse_s:.2f} s", "one sqlglot parse per fingerprint")
    table.add_row("catalog (pg_class, pg_stats, pg_index)", f"{catalog_s:.2f} s", "")
    table.add_row("index evaluation + greedy selection", f"{advise_s:.2f} s",
                  f"{advice.candidates_evaluated} candidates, {advice.explains} EXPLAINs; {advice.evaluation}")
    table.add_row("recommended indexes", str(len(advice.recommendations)), "")
    table.add_row("ranked actions in the report", str(len(report.actions)), "indexes, drops, partitions, ...")
    table.add_row("whole optimize report (3 advisors)", f"{optimize_s:.2f} s",
                  "target < 10 s: " + ("met" if optimize_s < 10 else "MISSED"))
    console.print(table)


if __name__ == "__main__":
    main()
