"""Which columns a query uses, and how: equality and range filters, joins, sorts, groups, text search.

Columns are resolved to tables through the query's aliases and, for unqualified names, through the
catalog (the one table in scope that has the column).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlglot import exp
from sqlglot.optimizer.scope import traverse_scope

ROLES = ("eq", "range", "join", "sort", "group", "text_prefix", "text_contains", "fts")


@dataclass
class TableUse:
    table: str
    eq: list[str] = field(default_factory=list)
    range: list[str] = field(default_factory=list)
    join: list[str] = field(default_factory=list)
    sort: list[str] = field(default_factory=list)
    group: list[str] = field(default_factory=list)
    text_prefix: list[str] = field(default_factory=list)
    text_contains: list[str] = field(default_factory=list)
    fts: list[str] = field(default_factory=list)
    referenced: list[str] = field(default_factory=list)  # every column the query touches

    def add(self, role: str, column: str) -> None:
        bucket = getattr(self, role)
        if column not in bucket:
            bucket.append(column)
        if column not in self.referenced:
            self.referenced.append(column)


@dataclass
class QueryUse:
    tables: dict[str, TableUse] = field(default_factory=dict)
    joins: list[tuple[str, str, str, str]] = field(default_factory=list)  # (t1, c1, t2, c2)
    unknown_tables: list[str] = field(default_factory=list)

    def table(self, name: str) -> TableUse:
        return self.tables.setdefault(name, TableUse(name))


def extract_usage(tree: exp.Expression, catalog: dict[str, set[str]]) -> QueryUse:
    """Column usage of one statement; ``catalog`` maps lower-case table name -> lower-case column names."""
    use = QueryUse()
    cte_names = {c.alias_or_name.lower() for c in tree.find_all(exp.CTE)}
    for t in tree.find_all(exp.Table):
        name = t.name.lower()
        if name and name not in catalog and name not in cte_names and name not in use.unknown_tables:
            use.unknown_tables.append(name)
    if isinstance(tree, (exp.Update, exp.Delete)):
        _dml(tree, catalog, use)
    try:
        scopes = traverse_scope(tree)
    except Exception:  # sqlglot cannot scope some statements (e.g. odd DML); the filters above still count
        scopes = []
    for scope in scopes:
        aliases = {alias.lower(): src.name.lower() for alias, src in scope.sources.items()
                   if isinstance(src, exp.Table) and src.name.lower() in catalog}
        node = scope.expression
        if not isinstance(node, exp.Select):
            continue
        resolver = _Resolver(aliases, catalog)
        for col in scope.columns:
            t = resolver(col)
            if t and col.name.lower() not in use.table(t).referenced:
                use.table(t).referenced.append(col.name.lower())
        conditions = []
        if node.args.get("where"):
            conditions.append(node.args["where"].this)
        for j in node.args.get("joins") or []:
            if j.args.get("on"):
                conditions.append(j.args["on"])
        for cond in conditions:
            for c in _conjuncts(cond):
                _classify(c, resolver, use)
        if node.args.get("order"):
            for o in node.args["order"].expressions:
                _add_columns(o.this, "sort", resolver, use, direct_only=True)
        if node.args.get("group"):
            for g in node.args["group"].expressions:
                _add_columns(g, "group", resolver, use, direct_only=True)
    return use


def _dml(tree: exp.Expression, catalog, use: QueryUse) -> None:
    target = tree.this if isinstance(tree.this, exp.Table) else tree.find(exp.Table)
    if target is None or target.name.lower() not in catalog:
        return
    aliases = {target.alias_or_name.lower(): target.name.lower(), target.name.lower(): target.name.lower()}
    resolver = _Resolver(aliases, catalog)
    where = tree.args.get("where")
    if where is not None:
        for c in _conjuncts(where.this):
            _classify(c, resolver, use)


class _Resolver:
    def __init__(self, aliases: dict[str, str], catalog: dict[str, set[str]]):
        self.aliases = aliases
        self.catalog = catalog

    def __call__(self, col: exp.Column) -> str | None:
        name = col.name.lower()
        if col.table:
            t = self.aliases.get(col.table.lower())
            return t if t and name in self.catalog.get(t, ()) else None
        owners = {t for t in self.aliases.values() if name in self.catalog.get(t, ())}
        return owners.pop() if len(owners) == 1 else None


def _conjuncts(e: exp.Expression) -> list[exp.Expression]:
    e = e.unnest() if isinstance(e, exp.Paren) else e
    if isinstance(e, exp.And):
        return _conjuncts(e.this) + _conjuncts(e.expression)
    return [e]


def _column(e: exp.Expression | None) -> exp.Column | None:
    """The column when ``e`` is a bare column (possibly in parentheses or a cast)."""
    while isinstance(e, (exp.Paren, exp.Cast)):
        e = e.this
    return e if isinstance(e, exp.Column) else None


def _has_columns(e: exp.Expression) -> bool:
    return any(True for _ in e.find_all(exp.Column))


def _add_columns(e, role, resolver, use, *, direct_only=False) -> None:
    col = _column(e)
    cols = [col] if col is not None else ([] if direct_only else list(e.find_all(exp.Column)))
    for c in cols:
        t = resolver(c)
        if t:
            use.table(t).add(role, c.name.lower())


def _classify(c: exp.Expression, resolver, use: QueryUse) -> None:
    if isinstance(c, exp.EQ):
        left, right = _column(c.this), _column(c.expression)
        if left is not None and right is not None:
            lt, rt = resolver(left), resolver(right)
            if lt and rt and lt != rt:
                use.table(lt).add("join", left.name.lower())
                use.table(rt).add("join", right.name.lower())
                use.joins.append((lt, left.name.lower(), rt, right.name.lower()))
            return
        col, other = (left, c.expression) if left is not None else (right, c.this)
        if col is not None and not _has_columns(other):
            _add_columns(col, "eq", resolver, use)
    elif isinstance(c, (exp.GT, exp.GTE, exp.LT, exp.LTE)):
        for side, other in ((c.this, c.expression), (c.expression, c.this)):
            col = _column(side)
            if col is not None and not _has_columns(other):
                _add_columns(col, "range", resolver, use)
    elif isinstance(c, exp.Between):
        _add_columns(c.this, "range", resolver, use, direct_only=True)
    elif isinstance(c, exp.In) or isinstance(c, exp.Is):
        _add_columns(c.this, "eq", resolver, use, direct_only=True)
    elif isinstance(c, exp.Like):
        pattern = c.expression
        prefix = isinstance(pattern, exp.Literal) and pattern.is_string and not pattern.this.startswith(("%", "_"))
        _add_columns(c.this, "text_prefix" if prefix else "text_contains", resolver, use, direct_only=True)
    elif isinstance(c, exp.ILike):
        _add_columns(c.this, "text_contains", resolver, use, direct_only=True)
    elif isinstance(c, exp.MatchAgainst):
        for e in c.expressions:
            _add_columns(e, "fts", resolver, use)
