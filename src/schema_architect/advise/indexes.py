"""The index advisor: candidate indexes from the workload's column usage, evaluated with EXPLAIN on
the live database (HypoPG hypothetical indexes, or real ones in a rolled-back transaction), chosen
greedily by weighted cost saved, optionally verified with EXPLAIN ANALYZE; plus existing indexes
that are unused or redundant.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from ..model import Index
from ..model.naming import constraint_name
from . import explain as ex
from .pgcatalog import Catalog, TableStats, read_catalog
from .usage import QueryUse, extract_usage
from .workload import Query, Skip, Workload

EVALUATION_HYPOPG = "HypoPG hypothetical indexes (nothing was built)"
EVALUATION_TRANSACTION = ("real indexes built one at a time inside a transaction that was rolled back "
                          "(HypoPG is not {state}; this takes a SHARE lock on each table while it runs)")


@dataclass
class Candidate:
    table: str
    columns: tuple[str, ...]
    reasons: list[str] = field(default_factory=list)
    queries: set[str] = field(default_factory=set)
    pattern_ops: bool = False  # text_pattern_ops on the last column: LIKE 'prefix%' under a non-C collation

    @property
    def name(self) -> str:
        return constraint_name("ix", self.table, list(self.columns) + (["pattern"] if self.pattern_ops else []))[:63]

    def ddl(self, dialect: str = "postgresql") -> str:
        from ..sql.render import quote_identifier, render_create_index

        if not self.pattern_ops:
            return render_create_index(self.table, Index(name=self.name, columns=list(self.columns)), dialect) + ";"
        # The model's Index has no operator classes, so this one statement is spelled here.
        cols = [quote_identifier(c, dialect) for c in self.columns]
        cols[-1] += " text_pattern_ops"
        return (f"CREATE INDEX {quote_identifier(self.name, dialect)} ON {quote_identifier(self.table, dialect)} "
                f"({', '.join(cols)});")


@dataclass
class QueryResult:
    query: Query
    cost_before: float
    cost_after: float
    indexes_used: list[str] = field(default_factory=list)  # recommended index names in the final plan
    ms_before: float | None = None
    ms_after: float | None = None
    note: str | None = None

    @property
    def improvement(self) -> float:
        return 0.0 if self.cost_before <= 0 else 1 - self.cost_after / self.cost_before

    @property
    def measured_speedup(self) -> float | None:
        if self.ms_before is None or self.ms_after is None or self.ms_after <= 0:
            return None
        return self.ms_before / self.ms_after


@dataclass
class Recommendation:
    candidate: Candidate
    ddl: str
    weighted_cost_saved: float
    share_of_workload_cost: float
    queries: list[str]


@dataclass
class DropSuggestion:
    index: str
    table: str
    reason: str
    ddl: str
    size_bytes: int


@dataclass
class TextSearchSuggestion:
    table: str
    column: str
    kind: str  # "contains" (LIKE '%x%' / ILIKE) or "fts" (@@)
    ddl: str
    queries: list[str]
    reason: str


@dataclass
class IndexAdvice:
    evaluation: str
    workload: Workload
    recommendations: list[Recommendation] = field(default_factory=list)
    per_query: list[QueryResult] = field(default_factory=list)
    drops: list[DropSuggestion] = field(default_factory=list)
    text_search: list[TextSearchSuggestion] = field(default_factory=list)
    skipped: list[Skip] = field(default_factory=list)  # workload skips + queries that could not be planned
    notes: list[str] = field(default_factory=list)
    candidates_evaluated: int = 0
    explains: int = 0
    seconds: float = 0.0
    verified: bool = False


# -- candidates -------------------------------------------------------------------------------------------
def _by_selectivity(cols: list[str], ts: TableStats) -> list[str]:
    """Equality columns, most selective first: fraction of rows one value matches, from pg_stats."""
    def matched_fraction(c: str) -> float:
        cs = ts.col(c)
        if cs is None:
            return 1.0
        return (1 - cs.null_frac) / max(cs.distinct(max(ts.rows, 1)), 1)

    return sorted(cols, key=matched_fraction)


def _covered_by_existing(ts: TableStats, cols: tuple[str, ...]) -> str | None:
    for ix in ts.indexes:
        if not ix.predicate and tuple(ix.columns[:len(cols)]) == cols:
            return ix.name
    return None


def candidates_for(use: QueryUse, q: Query, catalog: Catalog) -> list[Candidate]:
    """Single and composite candidates: equality columns first (by selectivity), then range, then sort."""
    out: list[Candidate] = []
    for table, u in use.tables.items():
        ts = catalog.tables.get(table)
        if ts is None:
            continue
        eq = _by_selectivity([c for c in u.eq if ts.col(c)], ts)[:3]
        rng = [c for c in u.range if ts.col(c) and c not in eq]
        prefix = [c for c in u.text_prefix if ts.col(c) and c not in eq]
        sort = [c for c in u.sort if ts.col(c) and c not in eq]
        shapes: list[tuple[tuple[str, ...], str]] = []
        if eq:
            shapes.append((tuple(eq), f"equality filter on {', '.join(eq)}"))
            shapes += [((c,), f"equality filter on {c}") for c in eq[1:]]
        if rng:
            shapes.append((tuple(eq) + (rng[0],), f"equality then range filter on {rng[0]}"))
            shapes.append(((rng[0],), f"range filter on {rng[0]}"))
        if sort and not rng:
            shapes.append((tuple(eq) + tuple(sort[:2]), f"ORDER BY {', '.join(sort[:2])}"
                           + (" after equality filter" if eq else "")))
        for j in u.join:
            if ts.col(j):
                shapes.append(((j,), f"join on {j}"))
                if eq and j not in eq:
                    shapes.append((tuple(eq) + (j,), f"equality filter then join on {j}"))
        if u.group and not eq:
            g = tuple(c for c in u.group[:2] if ts.col(c))
            if g:
                shapes.append((g, f"GROUP BY {', '.join(g)}"))
        for cols, why in shapes:
            cols = tuple(dict.fromkeys(cols))
            if cols and not _covered_by_existing(ts, cols):
                out.append(Candidate(ts.name, cols, [f"{q.id}: {why}"], {q.id}))
        for c in prefix[:1]:
            cols = tuple(eq) + (c,)
            why = f"LIKE 'prefix%' on {c} (b-tree with text_pattern_ops)"
            out.append(Candidate(ts.name, cols, [f"{q.id}: {why}"], {q.id}, pattern_ops=True))
            out.append(Candidate(ts.name, cols, [f"{q.id}: LIKE 'prefix%' on {c} (C collation)"], {q.id}))
    return out


def _merge(cands: list[Candidate]) -> list[Candidate]:
    merged: dict[tuple, Candidate] = {}
    for c in cands:
        key = (c.table, c.columns, c.pattern_ops)
        if key in merged:
            merged[key].reasons += [r for r in c.reasons if r not in merged[key].reasons]
            merged[key].queries |= c.queries
        else:
            merged[key] = c
    return list(merged.values())


def _text_suggestions(uses: dict[str, QueryUse], catalog: Catalog) -> list[TextSearchSuggestion]:
    from ..sql.render import quote_identifier as q

    found: dict[tuple[str, str, str], list[str]] = {}
    for qid, use in uses.items():
        for table, u in use.tables.items():
            for c in u.text_contains:
                found.setdefault((table, c, "contains"), []).append(qid)
            for c in u.fts:
                found.setdefault((table, c, "fts"), []).append(qid)
    out = []
    for (table, col, kind), qids in found.items():
        ts = catalog.tables.get(table)
        if ts is None:
            continue
        name = constraint_name("ix", ts.name, [col, "trgm" if kind == "contains" else "fts"])[:63]
        if kind == "contains":
            ddl = (f"CREATE EXTENSION IF NOT EXISTS pg_trgm; CREATE INDEX {q(name, 'postgresql')} ON "
                   f"{q(ts.name, 'postgresql')} USING gin ({q(ts.col(col).name, 'postgresql')} gin_trgm_ops);")
            reason = "LIKE '%...%' / ILIKE cannot use a b-tree; a trigram GIN index can"
        else:
            ddl = (f"CREATE INDEX {q(name, 'postgresql')} ON {q(ts.name, 'postgresql')} USING gin "
                   f"(to_tsvector('english', {q(ts.col(col).name, 'postgresql')}));")
            reason = "full-text search (@@) needs a GIN index on the same to_tsvector expression the query uses"
        out.append(TextSearchSuggestion(ts.name, col, kind, ddl, qids,
                                        reason + " (HypoPG cannot simulate GIN indexes: not cost-evaluated)"))
    return out


# -- evaluation labs -------------------------------------------------------------------------------------
class _HypoLab:
    evaluation = EVALUATION_HYPOPG

    def __init__(self, conn):
        self.conn = conn
        conn.execute("SELECT hypopg_reset()")

    def add(self, c: Candidate):
        return self.conn.execute("SELECT indexrelid FROM hypopg_create_index(%s)", (c.ddl(),)).fetchone()[0]

    def name_of(self, handle) -> str:
        return self.conn.execute("SELECT index_name FROM hypopg_list_indexes WHERE indexrelid = %s",
                                 (handle,)).fetchone()[0]

    def remove(self, handle) -> None:
        self.conn.execute("SELECT hypopg_drop_index(%s)", (handle,))

    def explain(self, q: Query) -> dict:
        return ex.explain_plan(self.conn, q)

    def close(self) -> None:
        self.conn.execute("SELECT hypopg_reset()")


class _TransactionLab:
    def __init__(self, conn, state: str):
        self.conn = conn
        self.evaluation = EVALUATION_TRANSACTION.format(state="installed in this database" if state == "available"
                                                        else "available on this server")
        self.n = 0
        conn.execute("BEGIN")

    def add(self, c: Candidate):
        self.n += 1
        sp = f"sa_cand_{self.n}"
        self.conn.execute(f"SAVEPOINT {sp}")
        self.conn.execute(c.ddl())
        return (sp, c.name)

    def name_of(self, handle) -> str:
        return handle[1]

    def remove(self, handle) -> None:
        self.conn.execute(f"ROLLBACK TO SAVEPOINT {handle[0]}")

    def explain(self, q: Query) -> dict:
        return ex.explain_plan(self.conn, q)

    def close(self) -> None:
        self.conn.execute("ROLLBACK")


# -- the advisor -------------------------------------------------------------------------------------------
def advise_indexes(conn, workload: Workload, *, catalog: Catalog | None = None, max_indexes: int = 10,
                   min_query_gain: float = 0.2, min_workload_share: float = 0.002, verify: bool = False,
                   use_hypopg: bool = True) -> IndexAdvice:
    """Recommend indexes for ``workload`` on the PostgreSQL database behind ``conn`` (autocommit).

    A candidate is kept when it makes at least one query ``min_query_gain`` cheaper and saves at least
    ``min_workload_share`` of the workload's weighted cost (every index also costs writes and space).
    """
    started = time.perf_counter()
    ex.prepare_session(conn)
    catalog = catalog or read_catalog(conn)
    advice = IndexAdvice(evaluation="", workload=workload, skipped=list(workload.skipped))
    if catalog.analyzed_now:
        advice.notes.append(f"ran ANALYZE on never-analyzed table(s) {', '.join(catalog.analyzed_now)} so the "
                            "planner has statistics (no data changed)")
    if not workload.queries:
        advice.notes.append("the workload has no usable queries: nothing to recommend "
                            f"({len(workload.skipped)} statement shape(s) skipped)")
    columns = catalog.columns_by_table()

    # 1. usage, and the queries we can plan at all
    uses: dict[str, QueryUse] = {}
    baseline: dict[str, dict] = {}
    for q in workload.queries:
        use = extract_usage(q.tree, columns)
        if use.unknown_tables:
            advice.skipped.append(Skip(q.location, q.sql, f"table(s) {', '.join(use.unknown_tables)} do not exist "
                                                          "in the database", q.count))
            continue
        try:
            baseline[q.id] = ex.explain_plan(conn, q)
            advice.explains += 1
        except Exception as exc:  # the database's own message: unknown column, type mismatch, ...
            advice.skipped.append(Skip(q.location, q.sql, f"EXPLAIN failed: {str(exc).splitlines()[0]}", q.count))
            continue
        uses[q.id] = use
    queries = {q.id: q for q in workload.queries if q.id in baseline}

    # 2. candidates
    cands = _merge([c for qid, use in uses.items() for c in candidates_for(use, queries[qid], catalog)])
    advice.text_search = _text_suggestions(uses, catalog)
    advice.drops = existing_index_drops(catalog)

    # 3. evaluation, greedy
    hypopg_ok = use_hypopg and catalog.hypopg == "installed"
    if use_hypopg and catalog.hypopg != "installed":
        advice.notes.append("HypoPG is " + ("available on the server but not created in this database "
                                            "(CREATE EXTENSION hypopg to use it)" if catalog.hypopg == "available"
                                            else "not installed on this server")
                            + ": fell back to building each candidate for real inside a rolled-back transaction")
    lab = _HypoLab(conn) if hypopg_ok else _TransactionLab(conn, catalog.hypopg)
    advice.evaluation = lab.evaluation
    cost = {qid: ex.total_cost(p) for qid, p in baseline.items()}
    final_plan = dict(baseline)
    chosen: list[tuple[Candidate, object]] = []
    try:
        # A b-tree helps a query only through its leading column: explain just those queries.
        by_lead: dict[tuple[str, str], list[str]] = {}
        for qid, use in uses.items():
            for t, u in use.tables.items():
                for col in {*u.eq, *u.range, *u.join, *u.sort, *u.group, *u.text_prefix}:
                    by_lead.setdefault((catalog.tables[t].name, col), []).append(qid)
        cache: dict[tuple, tuple[float, dict[str, dict]]] = {}
        total_baseline = sum(cost[qid] * queries[qid].count for qid in cost)
        remaining = list(cands)
        while remaining and len(chosen) < max_indexes:
            best, best_gain, best_plans = None, 0.0, {}
            for c in remaining:
                key = (c.table, c.columns, c.pattern_ops)
                if key not in cache:
                    handle = lab.add(c)
                    plans = {}
                    try:
                        for qid in by_lead.get((c.table, c.columns[0]), []):
                            plans[qid] = lab.explain(queries[qid])
                            advice.explains += 1
                    finally:
                        lab.remove(handle)
                    advice.candidates_evaluated += 1
                    gain = 0.0
                    helps = False
                    for qid, p in plans.items():
                        new = ex.total_cost(p)
                        if new < cost[qid]:
                            gain += (cost[qid] - new) * queries[qid].count
                            helps = helps or new <= cost[qid] * (1 - min_query_gain)
                    cache[key] = (gain if helps else 0.0, plans)
                gain, plans = cache[key]
                if gain > best_gain:
                    best, best_gain, best_plans = c, gain, plans
            if best is None or best_gain < min_workload_share * total_baseline:
                break
            handle = lab.add(best)
            chosen.append((best, handle))
            remaining.remove(best)
            for qid, p in best_plans.items():
                if ex.total_cost(p) < cost[qid]:
                    cost[qid] = ex.total_cost(p)
                    final_plan[qid] = p
            # Benefits of candidates on the same table change once this one exists.
            for key in [k for k in cache if k[0] == best.table]:
                del cache[key]
        names = {lab.name_of(h): c for c, h in chosen}
        # The final plans, with every chosen index present (the greedy rounds saw them one at a time).
        for qid in cost:
            if any(c.table in {catalog.tables[t].name for t in uses[qid].tables} for c, _ in chosen):
                final_plan[qid] = lab.explain(queries[qid])
                advice.explains += 1
        # A later, better index can take over every query an earlier pick served: drop those picks.
        used = {n for p in final_plan.values() for n in ex.indexes_used(p)}
        unused = [n for n in names if n not in used]
        if unused:
            advice.notes.append("dropped from the set because later picks serve their queries better: "
                                + ", ".join(names[n].name for n in unused))
            chosen = [(c, h) for c, h in chosen if lab.name_of(h) not in unused]
            names = {n: c for n, c in names.items() if n not in unused}
    finally:
        lab.close()

    total = sum(ex.total_cost(p) * queries[qid].count for qid, p in baseline.items()) or 1.0
    # A query's saving is shared equally by the recommended indexes its final plan uses.
    users = {qid: [names[n] for n in ex.indexes_used(p) if n in names] for qid, p in final_plan.items()}
    for c, _h in chosen:
        used_by = [qid for qid, cs in users.items() if any(x is c for x in cs)]
        saved = sum((ex.total_cost(baseline[qid]) - ex.total_cost(final_plan[qid])) * queries[qid].count
                    / len(users[qid]) for qid in used_by)
        advice.recommendations.append(Recommendation(c, c.ddl(), saved, saved / total, used_by))
    for qid, q in queries.items():
        used = sorted(names[n].name for n in ex.indexes_used(final_plan[qid]) if n in names)
        advice.per_query.append(QueryResult(q, ex.total_cost(baseline[qid]), ex.total_cost(final_plan[qid]), used))
    advice.recommendations.sort(key=lambda r: -r.weighted_cost_saved)
    if verify and advice.recommendations:
        verify_with_explain_analyze(conn, advice)
    advice.seconds = time.perf_counter() - started
    return advice


def verify_with_explain_analyze(conn, advice: IndexAdvice, *, repeats: int = 2,
                                statement_timeout_ms: int = 60_000) -> None:
    """Measure the targeted queries with EXPLAIN ANALYZE before and after building the recommended
    indexes for real, in one transaction that is rolled back: actual time, not estimates."""
    targets = [r for r in advice.per_query if r.indexes_used]
    conn.execute("BEGIN")
    try:
        conn.execute(f"SET LOCAL statement_timeout = {int(statement_timeout_ms)}")
        for r in targets:
            if r.query.has_parameters:
                r.note = "not measured: the statement has parameters and no values"
                continue
            r.ms_before = _best_time(conn, r.query, repeats)
        for rec in advice.recommendations:
            conn.execute(rec.ddl)
        for r in targets:
            if r.ms_before is not None:
                r.ms_after = _best_time(conn, r.query, repeats)
    finally:
        conn.execute("ROLLBACK")
    advice.verified = True


def _best_time(conn, q: Query, repeats: int) -> float:
    return min(float(ex.explain_plan(conn, q, analyze=True)["Execution Time"]) for _ in range(repeats))


def existing_index_drops(catalog: Catalog) -> list[DropSuggestion]:
    """Existing indexes that are redundant (a prefix or copy of another) or never scanned."""
    from ..advise.lint.fixes import drop_index

    out: list[DropSuggestion] = []
    since = f" since statistics were reset ({catalog.stats_reset})" if catalog.stats_reset else ""
    for ts in catalog.tables.values():
        redundant: set[str] = set()
        for ix in ts.indexes:
            if ix.unique or ix.primary or ix.predicate or "" in ix.columns:
                continue
            for other in ts.indexes:
                if other is ix or other.predicate or "" in other.columns:
                    continue
                same = other.columns == ix.columns
                prefix = len(other.columns) > len(ix.columns) and other.columns[:len(ix.columns)] == ix.columns
                if prefix or (same and (other.unique or other.primary or other.name < ix.name)):
                    out.append(DropSuggestion(ix.name, ts.name, f"redundant: {other.name} ({', '.join(other.columns)}) "
                                              f"serves every lookup {ix.name} ({', '.join(ix.columns)}) can",
                                              drop_index(ts.name, ix.name, "postgresql"), ix.size_bytes))
                    redundant.add(ix.name)
                    break
        for ix in ts.indexes:
            if ix.name in redundant or ix.unique or ix.primary or ix.scans > 0:
                continue
            out.append(DropSuggestion(ix.name, ts.name, f"unused: idx_scan = 0{since}; check replicas and rare "
                                      "jobs before dropping", drop_index(ts.name, ix.name, "postgresql"), ix.size_bytes))
    return out
