"""The denormalization advisor: a join that a large share of the workload performs (default 80%)
gets a proposal to copy the parent's columns the queries read into the child table, with the
triggers (per dialect) or the application rule that keep the copy right, and estimates of the read
speedup (from EXPLAIN costs), the extra storage (pg_stats avg_width) and the write cost."""

from __future__ import annotations

from dataclasses import dataclass, field

from . import explain as ex
from .pgcatalog import Catalog
from .usage import QueryUse
from .workload import Query

DEFAULT_SHARE = 0.8

# Statement shapes per dialect, filled with quoted names: keep the copy right on both sides.
TRIGGERS: dict[str, list[str]] = {
    "postgresql": [
        "CREATE FUNCTION {fill_fn}() RETURNS trigger LANGUAGE plpgsql AS $$\n"
        "BEGIN\n  SELECT {parent_cols} INTO {new_cols} FROM {parent} WHERE {parent_key} = NEW.{child_fk};\n"
        "  RETURN NEW;\nEND $$;",
        "CREATE TRIGGER {fill_trg} BEFORE INSERT OR UPDATE OF {child_fk} ON {child}\n"
        "  FOR EACH ROW EXECUTE FUNCTION {fill_fn}();",
        "CREATE FUNCTION {push_fn}() RETURNS trigger LANGUAGE plpgsql AS $$\n"
        "BEGIN\n  UPDATE {child} SET {assignments_new} WHERE {child_fk} = NEW.{parent_key};\n  RETURN NULL;\nEND $$;",
        "CREATE TRIGGER {push_trg} AFTER UPDATE OF {parent_cols} ON {parent}\n"
        "  FOR EACH ROW EXECUTE FUNCTION {push_fn}();",
    ],
    # MySQL/MariaDB cannot SELECT ... INTO NEW.col: one SET per copied column.
    "mysql": [
        "CREATE TRIGGER {fill_trg_ins} BEFORE INSERT ON {child} FOR EACH ROW\n  SET {set_new_from_parent};",
        "CREATE TRIGGER {fill_trg_upd} BEFORE UPDATE ON {child} FOR EACH ROW\n  SET {set_new_from_parent};",
        "CREATE TRIGGER {push_trg} AFTER UPDATE ON {parent} FOR EACH ROW\n"
        "  UPDATE {child} SET {assignments_new} WHERE {child_fk} = NEW.{parent_key};",
    ],
}
ADD_COLUMN = {"postgresql": "ALTER TABLE {child} ADD COLUMN {column} {type};",
              "mysql": "ALTER TABLE {child} ADD COLUMN {column} {type};"}
BACKFILL = {"postgresql": "UPDATE {child} c SET {assignments_p} FROM {parent} p WHERE p.{parent_key} = c.{child_fk};",
            "mysql": "UPDATE {child} c JOIN {parent} p ON p.{parent_key} = c.{child_fk} SET {assignments_p_mysql};"}


@dataclass
class DenormalizationProposal:
    child: str
    child_fk: str
    parent: str
    parent_key: str
    columns: list[str]  # parent columns to copy
    copies: list[str]  # their names in the child
    share: float  # share of the workload's executions that do this join
    queries: list[str]
    ddl: list[str]
    application_rule: str
    read_speedup: float  # estimated, from EXPLAIN costs of the joining queries
    storage_bytes: float
    write_cost: str
    reasons: list[str] = field(default_factory=list)


def advise_denormalization(catalog: Catalog, uses: dict[str, QueryUse], queries: dict[str, Query],
                           plans: dict[str, dict], *, min_share: float = DEFAULT_SHARE,
                           dialect: str = "postgresql") -> list[DenormalizationProposal]:
    total = sum(q.count for q in queries.values()) or 1
    joins: dict[tuple[str, str, str, str], set[str]] = {}
    for qid, use in uses.items():
        for t1, c1, t2, c2 in use.joins:
            oriented = _orient(catalog, t1, c1, t2, c2)
            if oriented:
                joins.setdefault(oriented, set()).add(qid)
    out = []
    for (child, fk, parent, pkey), qids in joins.items():
        share = sum(queries[q].count for q in qids) / total
        if share < min_share:
            continue
        read = sorted({c for q in qids for c in uses[q].tables[parent].referenced} - {pkey})
        if not read:
            continue
        out.append(_proposal(catalog, child, fk, parent, pkey, read, share, sorted(qids), queries, plans, dialect))
    return out


def _orient(catalog: Catalog, t1, c1, t2, c2):
    """(child, fk, parent, key) when one side's column is its table's single-column primary key."""
    for a, ac, b, bc in ((t1, c1, t2, c2), (t2, c2, t1, c1)):
        ts = catalog.tables.get(b)
        if ts and any(ix.primary and ix.columns == [bc] for ix in ts.indexes):
            return (a, ac, b, bc)
    return None


def _proposal(catalog, child, fk, parent, pkey, cols, share, qids, queries, plans, dialect):
    from ..sql.render import quote_identifier

    def q(name: str) -> str:
        return quote_identifier(name, dialect)

    cts, pts = catalog.tables[child], catalog.tables[parent]
    copies = [f"{pts.name}_{pts.col(c).name}" for c in cols]
    names = {
        "child": q(cts.name), "parent": q(pts.name), "child_fk": q(cts.col(fk).name),
        "parent_key": q(pts.col(pkey).name),
        "parent_cols": ", ".join(q(pts.col(c).name) for c in cols),
        "new_cols": ", ".join(f"NEW.{q(c)}" for c in copies),
        "assignments_new": ", ".join(f"{q(cp)} = NEW.{q(pts.col(c).name)}" for cp, c in zip(copies, cols)),
        "assignments_p": ", ".join(f"{q(cp)} = p.{q(pts.col(c).name)}" for cp, c in zip(copies, cols)),
        "assignments_p_mysql": ", ".join(f"c.{q(cp)} = p.{q(pts.col(c).name)}" for cp, c in zip(copies, cols)),
        "set_new_from_parent": ", ".join(
            f"NEW.{q(cp)} = (SELECT {q(pts.col(c).name)} FROM {q(pts.name)} WHERE {q(pts.col(pkey).name)} = "
            f"NEW.{q(cts.col(fk).name)})" for cp, c in zip(copies, cols)),
        "fill_trg_ins": q(f"{cts.name}_fill_{pts.name}_ins"), "fill_trg_upd": q(f"{cts.name}_fill_{pts.name}_upd"),
        "fill_fn": q(f"{cts.name}_fill_{pts.name}"), "fill_trg": q(f"{cts.name}_fill_{pts.name}"),
        "push_fn": q(f"{pts.name}_push_{cts.name}"), "push_trg": q(f"{pts.name}_push_{cts.name}"),
    }
    ddl = [ADD_COLUMN[dialect].format(child=names["child"], column=q(cp), type=pts.col(c).type)
           for cp, c in zip(copies, cols)]
    ddl.append(BACKFILL[dialect].format(**names))
    ddl += [t.format(**names) for t in TRIGGERS[dialect]]
    # Estimates. Read: the parent's scan cost disappears from each joining query's plan.
    speedups, weights = [], []
    for qid in qids:
        plan = plans.get(qid)
        if plan is None:
            continue
        total_cost = ex.total_cost(plan)
        saved = min(ex.relation_cost(plan, pts.name), total_cost * 0.95)
        speedups.append(total_cost / max(total_cost - saved, 1e-9))
        weights.append(queries[qid].count)
    speedup = sum(s * w for s, w in zip(speedups, weights)) / sum(weights) if weights else 1.0
    width = sum(pts.col(c).avg_width for c in cols)
    storage = cts.rows * width
    fanout = cts.rows / pts.rows if pts.rows else 0
    write = (f"each insert into {cts.name} (or change of {fk}) looks up one {pts.name} row by its key; each update "
             f"of {', '.join(cols)} in {pts.name} rewrites about {fanout:,.0f} {cts.name} row(s)")
    rule = (f"application rule (instead of triggers): whenever {pts.name}.{', '.join(cols)} changes, update "
            f"{cts.name}.{', '.join(copies)} for all rows with {fk} = the {pts.name} key in the same transaction; "
            f"when inserting {cts.name}, copy the values from {pts.name}")
    reasons = [f"{share:.0%} of the workload's executions join {cts.name}.{fk} = {pts.name}.{pkey} "
               f"({', '.join(qids)})", f"they read {', '.join(cols)} from {pts.name}: copying "
               f"{'them' if len(cols) > 1 else 'it'} into {cts.name} removes the join"]
    return DenormalizationProposal(cts.name, fk, pts.name, pkey, [pts.col(c).name for c in cols], copies, share,
                                   qids, ddl, rule, speedup, storage, write, reasons)
