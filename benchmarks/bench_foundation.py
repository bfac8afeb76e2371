"""Benchmark: the foundation's steps on a synthetic 1,000-table schema.

    .venv/bin/python benchmarks/bench_foundation.py [--tables 1000] [--inspect-tables 500] [--seed 11]
                                                    [--repeat 3] [--skip-live]

The schema is generated with a fixed seed and looks like an application's: every table has an
integer primary key and 5 to 15 columns of mixed types (varchar, text, decimal, timestamps, booleans,
dates, enums, uuid, json), up to 3 foreign keys to earlier tables, an index on each foreign key
column, and now and then a composite, a unique or a partial index.

Steps timed (best of ``--repeat``):
* render: ``render_ddl`` for each of the five dialects;
* parse: ``parse_ddl`` of the PostgreSQL DDL just rendered;
* Mermaid: ``render_mermaid``;
* inspect: a throw-away PostgreSQL database holding the first ``--inspect-tables`` tables (created
  with ``apply_schema``, not timed), read back with ``inspect_database``, then dropped. The same for a
  SQLite file, for comparison (no target).

Targets: every step under 1 s for 1,000 tables; inspect of 500 PostgreSQL tables under 3 s.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from rich.console import Console
from rich.table import Table as RichTable

from schema_architect.model import (
    Column,
    DataType,
    ForeignKey,
    Index,
    PrimaryKey,
    ReferentialAction,
    Schema,
    Table,
)

DIALECTS = ["postgresql", "mysql", "sqlite", "sqlserver", "oracle"]
PG_ADMIN_DSN = os.environ.get("SA_TEST_PG", "postgresql://postgres@127.0.0.1:5432/postgres")
PG_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/{name}"

_NOUNS = ["account", "order", "invoice", "product", "customer", "shipment", "payment", "review", "ticket",
          "project", "task", "user", "team", "asset", "contract", "vendor", "warehouse", "event", "session", "note"]
_COLUMN_TYPES = [
    ("name", DataType.varchar(120)), ("title", DataType.varchar(200)), ("description", DataType.text()),
    ("amount", DataType.decimal(12, 2)), ("quantity", DataType.integer()), ("created_at", DataType.timestamp()),
    ("updated_at", DataType.timestamp(timezone=True)), ("is_active", DataType.boolean()),
    ("due_date", DataType.date()), ("status", DataType.enum("new", "open", "closed")), ("external_id", DataType.uuid()),
    ("payload", DataType.json()), ("score", DataType.float()), ("code", DataType.char(8)), ("big_counter", DataType.bigint()),
]


def synthetic_schema(n_tables: int, seed: int) -> Schema:
    rng = random.Random(seed)
    tables: list[Table] = []
    for i in range(n_tables):
        name = f"{_NOUNS[i % len(_NOUNS)]}_{i:04d}"
        columns = [Column(name="id", type=DataType.bigint(), nullable=False, autoincrement=True)]
        for col_name, dtype in rng.sample(_COLUMN_TYPES, rng.randint(4, 11)):
            columns.append(Column(name=col_name, type=dtype, nullable=rng.random() < 0.6,
                                  default="CURRENT_TIMESTAMP" if col_name == "created_at" else None))
        fks, indexes = [], []
        for k in range(rng.randint(0, 3) if i else 0):
            target = tables[rng.randrange(i)]
            col = f"{target.name}_id" if k == 0 else f"{target.name}_id{k}"
            if any(c.name == col for c in columns):
                continue
            columns.append(Column(name=col, type=DataType.bigint(), nullable=rng.random() < 0.5))
            fks.append(ForeignKey(columns=[col], ref_table=target.name, ref_columns=["id"], name=f"fk_{name}_{k}",
                                  on_delete=rng.choice([None, ReferentialAction.CASCADE, ReferentialAction.SET_NULL])
                                  if columns[-1].nullable else None))
            indexes.append(Index(name=f"ix_{name}_{k}", columns=[col]))
        plain = [c.name for c in columns[1:] if c.type.kind.value in ("varchar", "integer", "date", "timestamp")]
        if len(plain) >= 2 and rng.random() < 0.3:
            indexes.append(Index(name=f"ix_{name}_combo", columns=plain[:2]))
        if plain and rng.random() < 0.15:
            indexes.append(Index(name=f"ux_{name}", columns=[plain[0]], unique=True))
        if "is_active" in [c.name for c in columns] and rng.random() < 0.2:
            indexes.append(Index(name=f"ix_{name}_active", columns=["id"], where="is_active = TRUE"))
        tables.append(Table(name=name, columns=columns, primary_key=PrimaryKey(columns=["id"]),
                            foreign_keys=fks, indexes=indexes))
    return Schema(name="synthetic", tables=tables)


def best_of(repeat: int, fn):
    best, value = float("inf"), None
    for _ in range(repeat):
        t0 = time.perf_counter()
        value = fn()
        best = min(best, time.perf_counter() - t0)
    return best, value


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--tables", type=int, default=1000)
    ap.add_argument("--inspect-tables", type=int, default=500)
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--skip-live", action="store_true", help="skip the live-database steps")
    args = ap.parse_args()

    from schema_architect.render.mermaid import render_mermaid
    from schema_architect.sql import parse_ddl, render_ddl

    console = Console()
    schema = synthetic_schema(args.tables, args.seed)
    n_cols = sum(len(t.columns) for t in schema.tables)
    n_fks = sum(len(t.foreign_keys) for t in schema.tables)
    n_ix = sum(len(t.indexes) for t in schema.tables)
    console.print(f"synthetic schema: {args.tables} tables, {n_cols} columns, {n_fks} foreign keys, {n_ix} indexes")

    rows: list[tuple[str, int, float, float | None, str]] = []  # step, tables, seconds, target, note
    ddl_by_dialect = {}
    for dialect in DIALECTS:
        seconds, ddl = best_of(args.repeat, lambda d=dialect: render_ddl(schema, d))
        ddl_by_dialect[dialect] = ddl
        rows.append((f"render {dialect}", args.tables, seconds, 1.0, f"{len(ddl) // 1024} KiB of DDL"))
    seconds, parsed = best_of(args.repeat, lambda: parse_ddl(ddl_by_dialect["postgresql"], dialect="postgresql",
                                                             source_name="synthetic.sql"))
    assert len(parsed.tables) == args.tables, "parse lost tables"
    rows.append(("parse postgresql DDL", args.tables, seconds, 1.0, f"{len(parsed.tables)} tables back"))
    seconds, mermaid = best_of(args.repeat, lambda: render_mermaid(schema))
    rows.append(("Mermaid erDiagram", args.tables, seconds, 1.0, f"{mermaid.count(chr(10))} lines"))

    if not args.skip_live:
        rows += live_steps(schema, args)

    out = RichTable(title=f"Foundation benchmark (best of {args.repeat}, seed {args.seed})")
    for col in ("step", "tables", "seconds", "target", "result", "note"):
        out.add_column(col, justify="right" if col in ("tables", "seconds", "target") else "left")
    failed = 0
    for step, n, seconds, target, note in rows:
        ok = target is None or seconds < target
        failed += not ok
        verdict = "-" if target is None else ("[green]pass[/]" if ok else "[red]FAIL[/]")
        out.add_row(step, str(n), f"{seconds:.3f}", "-" if target is None else f"< {target:g} s", verdict, note)
    console.print(out)
    sys.exit(1 if failed else 0)


def live_steps(schema: Schema, args) -> list[tuple[str, int, float, float | None, str]]:
    import psycopg

    from schema_architect.sql.apply import apply_schema
    from schema_architect.sql.inspect import inspect_database

    subset = Schema(name="subset", tables=schema.tables[: args.inspect_tables])  # FKs only point backwards
    rows = []
    name = f"sa_bench_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(PG_ADMIN_DSN, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        url = PG_URL.format(name=name)
        t0 = time.perf_counter()
        apply_schema(url, subset)
        applied = time.perf_counter() - t0
        seconds, back = best_of(args.repeat, lambda: inspect_database(url))
        assert len(back.tables) == args.inspect_tables
        rows.append(("inspect PostgreSQL", args.inspect_tables, seconds, 3.0,
                     f"{sum(len(t.indexes) for t in back.tables)} indexes read; apply took {applied:.1f} s"))
    finally:
        with psycopg.connect(PG_ADMIN_DSN, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'bench.db'}"
        apply_schema(url, subset)
        seconds, back = best_of(args.repeat, lambda: inspect_database(url))
        rows.append(("inspect SQLite (for comparison)", args.inspect_tables, seconds, None, f"{len(back.tables)} tables"))
    return rows


if __name__ == "__main__":
    main()
