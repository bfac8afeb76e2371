"""EXPLAIN on PostgreSQL: estimated cost, measured time, and the indexes a plan uses."""

from __future__ import annotations

import json
import re

from .workload import Query

_PARAM = re.compile(r"\$(\d+)")


def _explain_sql(q: Query, options: str) -> list[str]:
    if not q.has_parameters:
        return [f"EXPLAIN ({options}) {q.sql}"]
    # Parameters ($1) from logs/pg_stat_statements: plan the generic plan, which needs no values.
    n = max(int(m) for m in _PARAM.findall(q.sql))
    args = ", ".join(["NULL"] * n)
    # (the advisor's session runs with plan_cache_mode = force_generic_plan, see prepare_session)
    return [f"PREPARE sa_advisor_q AS {q.sql}", f"EXPLAIN ({options}) EXECUTE sa_advisor_q({args})"]


def prepare_session(conn) -> None:
    """Session settings for advising: generic plans for parameterized statements, bounded waits."""
    conn.execute("SET plan_cache_mode = force_generic_plan")
    conn.execute("SET lock_timeout = '5s'")


def explain_plan(conn, q: Query, *, analyze: bool = False) -> dict:
    """The top plan node of ``EXPLAIN (FORMAT JSON)`` (with ANALYZE: also "Execution Time")."""
    options = "ANALYZE, FORMAT JSON" if analyze else "FORMAT JSON"
    stmts = _explain_sql(q, options)
    raw = None
    prepared = False
    try:
        for s in stmts:
            cur = conn.execute(s)
            prepared = prepared or s.startswith("PREPARE")
            if s.startswith("EXPLAIN"):
                raw = cur.fetchone()[0]
    finally:
        if prepared and conn.info.transaction_status != 3:  # 3: transaction in error, nothing to run
            conn.execute("DEALLOCATE sa_advisor_q")
    doc = raw if isinstance(raw, list) else json.loads(raw)
    top = doc[0]
    plan = top["Plan"]
    if "Execution Time" in top:
        plan = dict(plan, **{"Execution Time": top["Execution Time"]})
    return plan


def total_cost(plan: dict) -> float:
    return float(plan["Total Cost"])


def indexes_used(plan: dict) -> set[str]:
    found = set()
    stack = [plan]
    while stack:
        node = stack.pop()
        if "Index Name" in node:
            found.add(node["Index Name"])
        stack.extend(node.get("Plans", []))
    return found


def scans(plan: dict) -> list[tuple[str, str]]:
    """(node type, relation) of every scan node."""
    out = []
    stack = [plan]
    while stack:
        node = stack.pop()
        if "Relation Name" in node:
            out.append((node["Node Type"], node["Relation Name"]))
        stack.extend(node.get("Plans", []))
    return out


def relation_cost(plan: dict, relation: str) -> float:
    """Summed total cost of the scan nodes reading ``relation`` (used by the denormalization estimate)."""
    cost = 0.0
    stack = [plan]
    while stack:
        node = stack.pop()
        if node.get("Relation Name", "").lower() == relation.lower():
            cost += float(node["Total Cost"])
            continue
        stack.extend(node.get("Plans", []))
    return cost
