"""`optimize`: the index, partitioning and denormalization advisors in one report with a ranked
list of actions, as Markdown or JSON."""

from __future__ import annotations

import json
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from .denormalization import DEFAULT_SHARE, DenormalizationProposal, advise_denormalization
from .indexes import IndexAdvice, advise_indexes
from .partitioning import DEFAULT_MIN_ROWS, PartitionProposal, advise_partitioning
from .workload import Workload


@dataclass
class Action:
    rank: int
    kind: str  # create index | drop index | partition | denormalize | text-search index
    target: str
    impact: str
    score: float
    sql: list[str]
    why: str


@dataclass
class OptimizeReport:
    database: str
    indexes: IndexAdvice
    partitions: list[PartitionProposal]
    denormalizations: list[DenormalizationProposal]
    actions: list[Action] = field(default_factory=list)
    seconds: float = 0.0
    settings: dict = field(default_factory=dict)


def optimize(url: str, workload: Workload | str | Path | None, *, verify: bool = False,
             min_partition_rows: float = DEFAULT_MIN_ROWS, denormalize_share: float = DEFAULT_SHARE,
             max_indexes: int = 10, use_hypopg: bool = True) -> OptimizeReport:
    """Run the three advisors against the PostgreSQL database at ``url`` for ``workload``.

    ``workload`` may be a Workload, a path (SQL file or PostgreSQL log), ``"pg_stat_statements"``,
    or None: then pg_stat_statements is tried and, when it is unavailable, the report falls back to
    what needs no workload (unused/redundant indexes, partitioning by size) and says so.
    """
    from ..errors import InputError
    from ..sql.urls import dialect_of_url, redact_url
    from .live import connect
    from .pgcatalog import read_catalog
    from .usage import extract_usage
    from .workload import load_workload, parse_workload, read_pg_stat_statements

    started = time.perf_counter()
    if dialect_of_url(url) != "postgresql":
        raise InputError(f"optimize needs PostgreSQL or MySQL/MariaDB, not {dialect_of_url(url)}",
                         hint="point --db at a postgresql:// (full report) or mysql:// (EXPLAIN-based index advice) URL")
    notes = []
    with connect(url) as conn:
        if isinstance(workload, (str, Path)) and str(workload) != "pg_stat_statements":
            workload = load_workload(workload)
        elif workload is None or str(workload) == "pg_stat_statements":
            try:
                workload = parse_workload(read_pg_stat_statements(conn), source="pg_stat_statements")
            except InputError as exc:
                if workload is not None:
                    raise
                notes.append(f"no workload given and {exc.message}: only workload-free advice follows "
                             f"(unused/redundant indexes, partitioning by size); hint: {exc.hint}")
                workload = Workload(source="(none)")
        catalog = read_catalog(conn)
        advice = advise_indexes(conn, workload, catalog=catalog, verify=verify, max_indexes=max_indexes,
                                use_hypopg=use_hypopg)
        advice.notes = notes + advice.notes
        queries = {r.query.id: r.query for r in advice.per_query}
        uses = {qid: extract_usage(q.tree, catalog.columns_by_table()) for qid, q in queries.items()}
        from . import explain as ex

        plans = {}
        for qid, q in queries.items():
            plans[qid] = ex.explain_plan(conn, q)
        partitions = advise_partitioning(conn, catalog, uses, queries, min_rows=min_partition_rows)
        denorms = advise_denormalization(catalog, uses, queries, plans, min_share=denormalize_share)
    report = OptimizeReport(redact_url(url), advice, partitions, denorms,
                            settings={"min_partition_rows": min_partition_rows, "denormalize_share": denormalize_share,
                                      "max_indexes": max_indexes, "verify": verify})
    report.actions = rank_actions(report)
    report.seconds = time.perf_counter() - started
    return report


def rank_actions(report: OptimizeReport) -> list[Action]:
    """One list, best first: score = estimated share of the workload's cost saved (drops and text-search
    indexes, which have no cost estimate, come after anything with a measured benefit)."""
    acts: list[Action] = []
    for r in report.indexes.recommendations:
        acts.append(Action(0, "create index", f"{r.candidate.table} ({', '.join(r.candidate.columns)})",
                           f"saves {r.share_of_workload_cost:.1%} of the workload's estimated cost "
                           f"({', '.join(r.queries)})", r.share_of_workload_cost, [r.ddl],
                           "; ".join(r.candidate.reasons[:4])))
    for p in report.partitions:
        score = p.workload_share * 0.5  # pruning helps the filtering queries; half their cost is a guess
        acts.append(Action(0, "partition", f"{p.table} by {p.strategy} ({p.column})",
                           f"{p.rows:,.0f} rows; {len(p.queries)} filtering quer{'y' if len(p.queries) == 1 else 'ies'}",
                           score, p.ddl, "; ".join(p.reasons)))
    for d in report.denormalizations:
        score = d.share * (1 - 1 / d.read_speedup) if d.read_speedup > 0 else 0.0
        acts.append(Action(0, "denormalize", f"copy {d.parent}.{', '.join(d.columns)} into {d.child}",
                           f"~{d.read_speedup:.1f}x on {d.share:.0%} of executions; +{d.storage_bytes / 1e6:,.1f} MB",
                           score, d.ddl, "; ".join(d.reasons)))
    for s in report.indexes.text_search:
        acts.append(Action(0, "text-search index", f"{s.table} ({s.column})", f"queries {', '.join(s.queries)}",
                           0.0, [s.ddl], s.reason))
    for dr in report.indexes.drops:
        acts.append(Action(0, "drop index", dr.index, f"frees {dr.size_bytes / 1e6:,.1f} MB and write work",
                           -1.0 / (1 + dr.size_bytes), [dr.ddl], dr.reason))
    acts.sort(key=lambda a: -a.score)
    for i, a in enumerate(acts, 1):
        a.rank = i
    return acts


# -- rendering ---------------------------------------------------------------------------------------------
def _ms(v: float | None) -> str:
    return "" if v is None else f"{v:,.2f}"


def render_markdown(report: OptimizeReport) -> str:
    a = report.indexes
    wl = a.workload
    lines = [f"# Optimization report for {report.database}", "",
             f"Workload: {wl.summary()}.", f"Index evaluation: {a.evaluation}; {a.candidates_evaluated} candidates, "
             f"{a.explains} EXPLAINs, {report.seconds:.1f} s.", ""]
    for n in a.notes:
        lines.append(f"> **Note:** {n}")
    if a.notes:
        lines.append("")
    lines += ["## Ranked actions", "", "| # | action | target | impact | why |", "|---|---|---|---|---|"]
    for act in report.actions:
        lines.append(f"| {act.rank} | {act.kind} | {act.target} | {act.impact} | {act.why.replace('|', '/')} |")
    if not report.actions:
        lines.append("| - | nothing to do | | | |")
    lines += ["", "## Recommended indexes", ""]
    for r in a.recommendations:
        lines += [f"- `{r.ddl}` saves {r.share_of_workload_cost:.1%} of the estimated workload cost; used by "
                  f"{', '.join(r.queries) or '-'}"]
    if not a.recommendations:
        lines.append("None: no candidate made a query at least 20% cheaper.")
    head = "| query | runs | cost before | cost after | improvement | indexes used |"
    sep = "|---|---|---|---|---|---|"
    if a.verified:
        head += " ms before | ms after | measured speedup |"
        sep += "---|---|---|"
    lines += ["", "## Per query (EXPLAIN cost before/after" + (", EXPLAIN ANALYZE time before/after)" if a.verified
                                                                else ")"), "", head, sep]
    for r in a.per_query:
        row = (f"| {r.query.id}: `{r.query.short.replace('|', '/')}` | {r.query.count} | {r.cost_before:,.1f} | "
               f"{r.cost_after:,.1f} | {r.improvement:.0%} | {', '.join(r.indexes_used) or '-'} |")
        if a.verified:
            sp = r.measured_speedup
            row += f" {_ms(r.ms_before)} | {_ms(r.ms_after)} | {'' if sp is None else f'{sp:,.1f}x'} |"
        lines.append(row)
    if a.drops:
        lines += ["", "## Existing indexes to drop", ""]
        lines += [f"- `{d.ddl}` ({d.table}): {d.reason}" for d in a.drops]
    if a.text_search:
        lines += ["", "## Text search", ""]
        lines += [f"- `{s.ddl}` for {', '.join(s.queries)}: {s.reason}" for s in a.text_search]
    lines += ["", "## Partitioning", ""]
    if not report.partitions:
        lines.append(f"No table has more than {report.settings['min_partition_rows']:,.0f} rows.")
    for p in report.partitions:
        lines += [f"### {p.table}: {p.strategy} on {p.column}", ""] + [f"- {r}" for r in p.reasons]
        lines += ["", "```sql", *p.ddl, "```", ""]
    lines += ["", "## Denormalization", ""]
    if not report.denormalizations:
        lines.append(f"No join is performed by {report.settings['denormalize_share']:.0%} or more of the workload.")
    for d in report.denormalizations:
        lines += [f"### Copy {d.parent}.{', '.join(d.columns)} into {d.child}", ""]
        lines += [f"- {r}" for r in d.reasons]
        lines += [f"- estimated read speedup of the joining queries: {d.read_speedup:.1f}x (the {d.parent} scan "
                  "leaves their plans)", f"- extra storage: {d.storage_bytes / 1e6:,.1f} MB",
                  f"- write cost: {d.write_cost}", f"- or, without triggers, an {d.application_rule}", "",
                  "```sql", *d.ddl, "```", ""]
    if a.skipped:
        lines += ["", f"## Skipped ({sum(s.count for s in a.skipped)} statement(s))", ""]
        lines += [f"- {s.location}: {s.reason} — `{' '.join(s.text.split())[:80]}`" for s in a.skipped]
    return "\n".join(lines) + "\n"


def report_to_dict(report: OptimizeReport) -> dict:
    a = report.indexes
    return {
        "database": report.database,
        "seconds": round(report.seconds, 3),
        "settings": report.settings,
        "workload": {"source": a.workload.source, "statements": a.workload.statements_read,
                     "distinct": len(a.workload.queries), "executions": a.workload.total_weight},
        "evaluation": a.evaluation,
        "notes": a.notes,
        "actions": [{"rank": x.rank, "kind": x.kind, "target": x.target, "impact": x.impact,
                     "score": round(x.score, 6), "sql": x.sql, "why": x.why} for x in report.actions],
        "indexes": [{"table": r.candidate.table, "columns": list(r.candidate.columns), "ddl": r.ddl,
                     "weighted_cost_saved": round(r.weighted_cost_saved, 2),
                     "share_of_workload_cost": round(r.share_of_workload_cost, 6), "queries": r.queries,
                     "reasons": r.candidate.reasons} for r in a.recommendations],
        "per_query": [{"id": r.query.id, "sql": r.query.sql, "count": r.query.count, "location": r.query.location,
                       "cost_before": r.cost_before, "cost_after": r.cost_after,
                       "improvement": round(r.improvement, 4), "indexes_used": r.indexes_used,
                       "ms_before": r.ms_before, "ms_after": r.ms_after, "note": r.note} for r in a.per_query],
        "verified": a.verified,
        "drops": [{"index": d.index, "table": d.table, "reason": d.reason, "ddl": d.ddl,
                   "size_bytes": d.size_bytes} for d in a.drops],
        "text_search": [{"table": s.table, "column": s.column, "kind": s.kind, "ddl": s.ddl, "queries": s.queries,
                         "reason": s.reason} for s in a.text_search],
        "partitions": [{"table": p.table, "rows": p.rows, "strategy": p.strategy, "column": p.column,
                        "ddl": p.ddl, "reasons": p.reasons, "queries": p.queries} for p in report.partitions],
        "denormalizations": [{"child": d.child, "fk": d.child_fk, "parent": d.parent, "key": d.parent_key,
                              "columns": d.columns, "copies": d.copies, "share": round(d.share, 4),
                              "queries": d.queries, "ddl": d.ddl, "application_rule": d.application_rule,
                              "read_speedup": round(d.read_speedup, 3), "storage_bytes": d.storage_bytes,
                              "write_cost": d.write_cost, "reasons": d.reasons} for d in report.denormalizations],
        "skipped": [{"location": s.location, "reason": s.reason, "count": s.count, "text": s.text[:200]}
                    for s in a.skipped],
    }


def render_json(report: OptimizeReport) -> str:
    return json.dumps(report_to_dict(report), indent=2, ensure_ascii=False, default=str)


# -- MySQL / MariaDB ---------------------------------------------------------------------------------------
def optimize_mysql(url: str, workload: str | Path, *, verify: bool = False):
    """EXPLAIN-based index advice on MySQL/MariaDB (full scans and candidate indexes); with ``verify``
    the candidates are built and measured on copies of the tables in a scratch database."""
    from ..errors import InputError
    from .live import connect
    from .mysql import advise_indexes_mysql
    from .workload import load_workload

    if str(workload) == "pg_stat_statements" or workload is None:
        raise InputError("MySQL/MariaDB advice needs a workload file", hint="pass --workload FILE")
    wl = load_workload(workload, dialect="mysql")
    with connect(url) as conn:
        return advise_indexes_mysql(conn, wl, verify=verify)


def mysql_to_dict(advice) -> dict:
    return {
        "evaluation": advice.evaluation,
        "workload": {"source": advice.workload.source, "statements": advice.workload.statements_read,
                     "distinct": len(advice.workload.queries)},
        "verified": advice.verified,
        "copies": {t: {"rows_copied": c, "rows": n} for t, (c, n) in advice.copies.items()},
        "per_query": [{"id": r.query.id, "sql": r.query.sql, "count": r.query.count,
                       "full_scans": [{"table": t, "rows": n} for t, n in r.full_scans],
                       "candidates": r.candidates,
                       "verification": asdict(r.verification) if r.verification else None}
                      for r in advice.per_query],
        "candidates": [{"table": c.table, "columns": list(c.columns), "ddl": c.ddl("mysql"), "queries": sorted(c.queries),
                        "reasons": c.reasons} for c in advice.candidates],
        "skipped": [{"location": s.location, "reason": s.reason, "count": s.count} for s in advice.skipped],
    }


def render_mysql_markdown(advice, database: str) -> str:
    lines = [f"# Index advice for {database}", "", f"Workload: {advice.workload.summary()}.",
             f"Evaluation: {advice.evaluation}.", "", "## Per query", "",
             "| query | runs | full scans (table: rows) | candidate indexes |", "|---|---|---|---|"]
    for r in advice.per_query:
        scans = ", ".join(f"{t}: {n:,}" for t, n in r.full_scans) or "-"
        lines.append(f"| {r.query.id}: `{r.query.short.replace('|', '/')}` | {r.query.count} | {scans} | "
                     f"{'<br>'.join(f'`{d}`' for d in r.candidates) or '-'} |")
    checked = [r for r in advice.per_query if r.verification]
    if checked:
        lines += ["", "## Verified on a copy", "",
                  "| query | access before | access after | rows examined (est.) | time (ms) | indexes used | note |",
                  "|---|---|---|---|---|---|---|"]
        for r in checked:
            v = r.verification

            def ms(x):
                return "-" if x is None else f"{x:.1f}"
            lines.append(f"| {r.query.id} | {v.access_before or '-'} | {v.access_after or '-'} | "
                         f"{v.rows_before:,} -> {v.rows_after:,} | {ms(v.ms_before)} -> {ms(v.ms_after)} | "
                         f"{', '.join(v.indexes_used) or 'none'} | {v.note or ''} |")
    if advice.skipped:
        lines += ["", f"## Skipped ({sum(s.count for s in advice.skipped)} statement(s))", ""]
        lines += [f"- {s.location}: {s.reason}" for s in advice.skipped]
    return "\n".join(lines) + "\n"
