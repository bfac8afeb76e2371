"""Load on the web app over loopback: N concurrent users on the generate and chat endpoints.

Starts `schema-architect serve` as a separate process (so the client does not share its GIL) on a
throw-away app database, signs up N users (not timed), then each user loops for the duration:
POST /api/v1/schema/generate, then a chat message (offline assistant, answer read to the end of its
server-sent event stream). The client is bounded: one connection per user, N in flight at most.
Reports throughput, p50/p99 latency and errors per endpoint in a table.

    .venv/bin/python benchmarks/bench_app_load.py [--users 50] [--duration 60]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import socket
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

import httpx
from rich.console import Console
from rich.table import Table

TEXTS = [
    "Each customer has a name and an email. A customer places many orders. Each order has an order date and a total amount.",
    "Each book has an ISBN, a title and a price. Each author has a name and a birth date. An author writes many books.",
    "Each patient has a name and a date of birth. A doctor treats many patients. Each doctor has a name and a specialty.",
    "Each student has a name and an email. A course has a title and credits. A student enrolls in many courses.",
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def percentile(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


start: asyncio.Event


async def run(base: str, users: int, duration: float) -> tuple[dict, float]:
    global start
    start = asyncio.Event()
    results: dict[str, list] = defaultdict(list)
    limits = httpx.Limits(max_connections=users, max_keepalive_connections=users)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=60) as client:
        holder = {"stop": float("inf")}
        tasks = [asyncio.create_task(one_user(client, n, holder, results)) for n in range(users)]
        # sign-ups are not measured: the clock starts when every user is ready
        while len(ready) < users and not any(t.done() for t in tasks):
            await asyncio.sleep(0.05)
        began = time.perf_counter()
        holder["stop"] = began + duration
        start.set()
        await asyncio.gather(*tasks)
        return results, time.perf_counter() - began


ready: set[int] = set()


async def one_user(client: httpx.AsyncClient, n: int, holder: dict, results: dict) -> None:
    name = f"user{n}"
    await client.post("/api/v1/users", json={"username": name, "password": "bench-password"})
    token = (await client.post("/api/v1/tokens", json={"username": name, "password": "bench-password"})).json()["token"]
    h = {"Authorization": f"Bearer {token}"}
    conv = (await client.post("/api/v1/conversations", json={"title": "bench"}, headers=h)).json()["id"]
    rng = random.Random(n)
    ready.add(n)
    await start.wait()
    while time.perf_counter() < holder["stop"]:
        text = rng.choice(TEXTS)
        t0 = time.perf_counter()
        try:
            r = await client.post("/api/v1/schema/generate", json={"text": text, "dialect": "postgresql"}, headers=h)
            ok = r.status_code == 200 and "CREATE TABLE" in r.json()["ddl"]
        except httpx.HTTPError:
            ok = False
        results["generate"].append((time.perf_counter() - t0, ok))
        t0 = time.perf_counter()
        try:
            async with client.stream("POST", f"/api/v1/conversations/{conv}/messages",
                                     json={"content": "Design a database: " + text}, headers=h) as r:
                body = (await r.aread()).decode()
            ok = r.status_code == 200 and "event: schema" in body and "event: done" in body and "event: error" not in body
        except httpx.HTTPError:
            ok = False
        results["chat (SSE)"].append((time.perf_counter() - t0, ok))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--users", type=int, default=50)
    ap.add_argument("--duration", type=float, default=60.0, help="seconds of load after sign-up")
    args = ap.parse_args()
    console = Console()
    port = free_port()
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "XDG_DATA_HOME": tmp}
        exe = Path(sys.executable).with_name("schema-architect")
        server = subprocess.Popen([str(exe), "serve", "--port", str(port), "--app-db", f"sqlite:///{tmp}/app.db"],
                                  env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        base = f"http://127.0.0.1:{port}"
        try:
            for _ in range(200):
                try:
                    if httpx.get(base + "/api/v1/health", timeout=1).status_code == 200:
                        break
                except httpx.HTTPError:
                    time.sleep(0.1)
            else:
                raise SystemExit("the server did not start: " + server.stderr.read().decode()[-2000:])
            results, elapsed = asyncio.run(run(base, args.users, args.duration))
        finally:
            server.terminate()
            server.wait(timeout=10)
    table = Table(title=f"web app load: {args.users} concurrent users, {elapsed:.0f} s, offline engine, loopback")
    for col in ("endpoint", "requests", "errors", "throughput (req/s)", "p50 (ms)", "p99 (ms)"):
        table.add_column(col, justify="right" if col != "endpoint" else "left")
    everything = []
    for name, samples in results.items():
        everything += samples
        times = [t * 1000 for t, _ in samples]
        table.add_row(name, str(len(samples)), str(sum(1 for _, ok in samples if not ok)),
                      f"{len(samples) / elapsed:.1f}", f"{percentile(times, 50):.0f}", f"{percentile(times, 99):.0f}")
    times = [t * 1000 for t, _ in everything]
    table.add_row("all", str(len(everything)), str(sum(1 for _, ok in everything if not ok)),
                  f"{len(everything) / elapsed:.1f}", f"{percentile(times, 50):.0f}", f"{percentile(times, 99):.0f}")
    console.print(table)


if __name__ == "__main__":
    main()
