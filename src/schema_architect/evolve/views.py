"""Views for the diff and the planner: a definition's canonical form, its output columns, what it uses.

A view's definition reads differently from every source: the DDL file has ``SELECT id FROM orders
WHERE total > 100``; PostgreSQL gives back ``SELECT orders.id FROM orders WHERE (orders.total >
(100)::numeric)``; MariaDB ``select `orders`.`id` AS `id` from `orders` where ...``. Comparing them as
text would make every diff against a live database "replace the view". So each definition is read
(generic dialect, as the model stores it) and brought to one form before it is compared:

* columns qualified and every output named (sqlglot's ``qualify`` with the schema's tables and views),
  a column list given apart (``CREATE VIEW v (a, b) AS ...``) applied as the output names;
* what servers add taken away: parentheses (the tree keeps the precedence), casts of literals and casts
  to text, ``x = ANY (ARRAY[...])`` back to ``IN``, ``BETWEEN`` as the two comparisons PostgreSQL
  writes, ``count(0)`` as ``count(*)``, NULLS FIRST/LAST and MySQL's emulation of it in ORDER BY,
  database qualifiers, identifier case and quoting.

A definition that cannot be read (a server's own syntax sqlglot does not know, or a mistake) is
compared as text and assumed to use every column of what it names; the diff refuses to create or
replace a view from one, with an InputError that names the view.

Casts of literals and casts to text are ignored, so a view edited only by adding or removing such a
cast is not seen as changed.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field
from functools import lru_cache

from ..errors import InputError
from ..model import Schema, View

_TEXTUAL = ("TEXT", "VARCHAR", "CHAR", "NVARCHAR", "NCHAR")


@dataclass(frozen=True)
class ViewShape:
    """One view as the diff and planner see it."""

    key: str  # canonical form: equal keys, same view
    columns: tuple[str, ...]  # output column names, lower case, in order
    projections: tuple[str, ...]  # canonical form of each output column (name and expression)
    tables: frozenset[str] = field(default_factory=frozenset)  # tables and views it reads, lower case
    used_columns: frozenset[str] = field(default_factory=frozenset)  # column names it mentions, lower case
    star: bool = False  # it reads "*" that could not be expanded: assume it uses every column
    error: InputError | None = None  # the definition cannot be read: compared as text, never created

    def readable(self) -> ViewShape:
        """This shape, or the InputError saying why the definition cannot be read."""
        if self.error is not None:
            raise self.error
        return self


def view_error(view: View, reason: str) -> InputError:
    return InputError(f"view {view.name}: its definition is not a SELECT this program can read ({reason})",
                      hint="write the view body in standard SQL, e.g. "
                      "CREATE VIEW v AS SELECT a, b FROM t WHERE a > 0")


class ViewReader:
    """Shapes of every view of one schema (views may read views: those are resolved first)."""

    def __init__(self, schema: Schema):
        self.schema = schema
        self.views = {v.name.lower(): v for v in schema.views}
        self.mapping: dict[str, dict[str, str]] = {
            t.name.lower(): {c.name.lower(): "TEXT" for c in t.columns} for t in schema.tables}
        self._shapes: dict[str, ViewShape] = {}
        self._busy: set[str] = set()

    def shape(self, name: str) -> ViewShape:
        low = name.lower()
        if low in self._shapes:
            return self._shapes[low]
        view = self.views[low]
        self._busy.add(low)
        try:
            for used in _table_names(_parse(view)):
                if used in self.views and used not in self._busy and used not in self.mapping:
                    self.mapping[used] = {c: "TEXT" for c in self.shape(used).columns}
            shape = _shape(view, self.mapping)
        except InputError as exc:
            shape = self._unreadable(view, exc)
        finally:
            self._busy.discard(low)
        self._shapes[low] = shape
        self.mapping.setdefault(low, {c: "TEXT" for c in shape.columns})
        return shape

    def _unreadable(self, view: View, error: InputError) -> ViewShape:
        """A definition sqlglot cannot read (a database's own syntax, or a mistake): compared as text, and
        assumed to use every column of every table or view its text names."""
        import re

        from .operations import normalize_sql

        words = set(re.findall(r"[a-z_][a-z0-9_$]*", view.definition.lower()))
        names = (set(self.mapping) | set(self.views)) & words
        return ViewShape(key="text:" + (normalize_sql(view.definition) or ""),
                         columns=tuple(c.lower() for c in view.columns), projections=(),
                         tables=frozenset(names - {view.name.lower()}), star=True, error=error)

    def all(self) -> dict[str, ViewShape]:
        return {name: self.shape(name) for name in self.views}

    def order(self) -> list[str]:
        """View names (lower case) so that a view comes after the views it reads."""
        out: list[str] = []
        seen: set[str] = set()

        def visit(name: str) -> None:
            if name in seen:
                return
            seen.add(name)
            for used in sorted(self.shape(name).tables):
                if used in self.views:
                    visit(used)
            out.append(name)

        for v in self.schema.views:
            visit(v.name.lower())
        return out

    def readers_of(self, names: set[str]) -> set[str]:
        """``names`` and every view that reads one of them, directly or through other views."""
        out = set(names)
        grew = True
        while grew:
            grew = False
            for name in self.views:
                if name not in out and self.shape(name).tables & out:
                    out.add(name)
                    grew = True
        return out

    def uses(self, view: str, table: str, column: str | None = None) -> bool:
        """Does ``view`` read ``table`` (and, when given, its ``column``)?"""
        s = self.shape(view)
        if table.lower() not in s.tables:
            return False
        return column is None or s.star or column.lower() in s.used_columns


# -- the canonical form -------------------------------------------------------------------------------
def _parse(view: View):
    return _parse_text(view.name, view.definition)


@lru_cache(maxsize=2048)
def _parse_cached(text: str):
    import sqlglot
    from sqlglot.errors import ParseError, TokenError

    try:
        tree = sqlglot.parse_one(text)
    except (ParseError, TokenError) as exc:
        return str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return tree


def _parse_text(name: str, text: str):
    from sqlglot import exp

    if not text or not text.strip():
        raise view_error(View(name=name, definition=text or ""), "it is empty")
    tree = _parse_cached(text.strip().rstrip(";"))
    if isinstance(tree, str):
        raise view_error(View(name=name, definition=text), tree)
    if not isinstance(tree, exp.Query):
        raise view_error(View(name=name, definition=text), f"it is a {type(tree).__name__.upper()}, not a query")
    return tree.copy()


def _table_names(tree) -> set[str]:
    from sqlglot import exp

    return {t.name.lower() for t in tree.find_all(exp.Table) if t.name}


def _shape(view: View, mapping: dict) -> ViewShape:
    from sqlglot import exp
    from sqlglot.optimizer.qualify import qualify

    tree = _flatten_joins(_parse(view))
    for t in tree.find_all(exp.Table):
        t.set("db", None)
        t.set("catalog", None)
    _drop_parens(tree)
    with contextlib.suppress(Exception):  # an unresolvable reference: the tree is compared as written
        tree = qualify(tree, schema=mapping, validate_qualify_columns=False, identify=False,
                       quote_identifiers=False)
    tree = tree.transform(_tidy)
    _drop_parens(tree)
    _order_by_output_names(tree)
    _inner_queries(tree)
    for ident in tree.find_all(exp.Identifier):
        ident.set("this", ident.this.lower())
        ident.set("quoted", False)
    for node in tree.walk():
        node.comments = None
    star = any(isinstance(s, exp.Star) or (isinstance(s, exp.Column) and isinstance(s.this, exp.Star))
               for s in (tree.selects if isinstance(tree, exp.Select) else []))
    for select in tree.find_all(exp.Select):  # (SELECT ...) AS n is read either way: as an Alias, always
        select.set("expressions", [_named(e) for e in select.expressions])
    if view.columns and isinstance(tree, exp.Select) and len(view.columns) == len(tree.selects):
        named = []
        for name, sel in zip(view.columns, tree.selects):
            inner = sel.this if isinstance(sel, exp.Alias) else sel
            named.append(exp.Alias(this=inner.copy(), alias=exp.to_identifier(name.lower())))
        tree.set("expressions", named)
    if isinstance(tree, exp.Query):
        columns = tuple(c.lower() for c in (view.columns or tree.named_selects))
    else:  # pragma: no cover - _parse_text only returns queries
        columns = tuple(c.lower() for c in view.columns)
    selects = tree.selects if isinstance(tree, exp.Select) else []
    used = {c.name.lower() for c in tree.find_all(exp.Column) if c.name}
    return ViewShape(key=_dump(tree), columns=columns, projections=tuple(_dump(s) for s in selects),
                     tables=frozenset(_table_names(tree)), used_columns=frozenset(used), star=star)


def _named(projection):
    from sqlglot import exp

    if isinstance(projection, exp.Subquery) and projection.args.get("alias") is not None:
        alias = projection.args["alias"]
        alias = alias.this if isinstance(alias, exp.TableAlias) else alias
        inner = projection.copy()
        inner.set("alias", None)
        return exp.Alias(this=inner, alias=alias.copy())
    return projection


def _flatten_joins(tree):
    """``FROM (a JOIN b ON ...)`` (how PostgreSQL and MySQL write joins back) as ``FROM a JOIN b ON ...``."""
    from sqlglot import exp

    for select in list(tree.find_all(exp.Select)):
        source = select.args.get("from_") or select.args.get("from")
        inner = source.this if source is not None else None
        while isinstance(inner, (exp.Subquery, exp.Paren)) and isinstance(inner.this, exp.Table) \
                and inner.this.args.get("joins") and not inner.args.get("alias"):
            table = inner.this
            joins = table.args.get("joins") or []
            table.set("joins", None)
            source.set("this", table)
            select.set("joins", joins + (select.args.get("joins") or []))
            inner = table
    return tree


def _inner_queries(tree) -> None:
    """Subqueries in expressions (scalar, IN, EXISTS): their output names do not matter (PostgreSQL names
    ``count(*)`` "count"), nor does the LIMIT 1 MySQL gives an EXISTS."""
    from sqlglot import exp

    for select in list(tree.find_all(exp.Select)):
        node = select.parent
        while isinstance(node, exp.Subquery):
            node = node.parent
        if node is None or isinstance(node, (exp.From, exp.Join, exp.CTE, exp.SetOperation, exp.With)):
            continue
        select.set("expressions", [e.this if isinstance(e, exp.Alias) else e for e in select.expressions])
        if isinstance(node, exp.Exists):
            select.set("limit", None)


def _number(text: str):
    """A numeric literal as the tree of ``-1`` or ``1.5``, or None when ``text`` is not a number."""
    from sqlglot import exp

    try:
        float(text)
    except ValueError:
        return None
    text = text.strip()
    if text.startswith("-"):
        return exp.Neg(this=exp.Literal.number(text[1:]))
    return exp.Literal.number(text.lstrip("+"))


def _drop_parens(tree) -> None:
    from sqlglot import exp

    for paren in list(tree.find_all(exp.Paren)):
        if paren.parent is not None:
            paren.replace(_unparen(paren))


def _order_by_output_names(tree) -> None:
    """``ORDER BY t.id`` where ``t.id AS id`` is an output column, as ``ORDER BY id`` (how it was written)."""
    from sqlglot import exp

    if not isinstance(tree, exp.Select) or tree.args.get("order") is None:
        return
    outputs = {sel.alias.lower(): sel.this for sel in tree.selects if isinstance(sel, exp.Alias)}
    for item in tree.args["order"].expressions:
        col = item.this if isinstance(item, exp.Ordered) else item
        if isinstance(col, exp.Column) and col.table:
            same = outputs.get(col.name.lower())
            if isinstance(same, exp.Column) and same.name.lower() == col.name.lower() \
                    and same.table.lower() == col.table.lower():
                col.set("table", None)


def _unparen(node):
    from sqlglot import exp

    while isinstance(node, exp.Paren):
        node = node.this
    return node


def _tidy(node):
    """One rewrite of what servers add (see the module doc)."""
    from sqlglot import exp

    if isinstance(node, exp.Cast):
        inner = _unparen(node.this)
        if isinstance(inner, exp.Literal) and inner.is_string and node.to.is_type(*exp.DataType.NUMERIC_TYPES):
            number = _number(inner.this)  # PostgreSQL writes -1 as '-1'::numeric
            if number is not None:
                return number
        if isinstance(inner, (exp.Literal, exp.Boolean, exp.Null, exp.Array)) or (
                isinstance(inner, exp.Neg) and isinstance(inner.this, exp.Literal)):
            return inner.transform(_tidy)
        if node.to.this.name in _TEXTUAL or (node.to.is_type(*(exp.DataType.Type[t] for t in _TEXTUAL))):
            return inner.transform(_tidy)
    if isinstance(node, (exp.EQ, exp.NEQ)) and isinstance(_unparen(node.expression), (exp.Any, exp.All)):
        array = _unparen(_unparen(node.expression).this)
        while isinstance(array, (exp.Cast, exp.Paren)):
            array = array.this
        if isinstance(array, exp.Array):
            found = exp.In(this=node.this.transform(_tidy), expressions=[e.transform(_tidy) for e in array.expressions])
            return found if isinstance(node, exp.EQ) else exp.Not(this=found)
    if isinstance(node, exp.Div):
        # PostgreSQL's division read back casts to DOUBLE; MySQL's guards the divisor with NULLIF(x, 0)
        def operand(x):
            x = _unparen(x)
            while isinstance(x, exp.Cast) and x.to.is_type(*exp.DataType.REAL_TYPES):
                x = _unparen(x.this)
            if isinstance(x, exp.Nullif) and isinstance(_unparen(x.expression), exp.Literal) \
                    and _unparen(x.expression).this == "0":
                x = _unparen(x.this)
            return x.transform(_tidy)

        return exp.Div(this=operand(node.this), expression=operand(node.expression))
    if node.args.get("negate"):  # x NOT LIKE y as NOT x LIKE y
        node.set("negate", None)
        return exp.Not(this=node.transform(_tidy))
    if isinstance(node, exp.DPipe):  # a || b as CONCAT(a, b), how MySQL writes it
        node = exp.Concat(expressions=[node.this.transform(_tidy), node.expression.transform(_tidy)])
    if isinstance(node, exp.Concat):
        parts = []
        for e in node.expressions:
            e = _unparen(e)
            parts += e.expressions if isinstance(e, exp.Concat) else [e]
        node.set("expressions", parts)
        for k in ("safe", "coalesce"):
            node.set(k, None)
    if isinstance(node, exp.Between):
        return exp.And(this=exp.GTE(this=node.this.copy(), expression=node.args["low"].copy()),
                       expression=exp.LTE(this=node.this.copy(), expression=node.args["high"].copy())).transform(_tidy)
    if isinstance(node, exp.Count) and isinstance(node.this, exp.Literal) and not node.this.is_string:
        return exp.Count(this=exp.Star())
    if isinstance(node, exp.Count) and node.args.get("big_int"):
        node.set("big_int", None)
    if isinstance(node, exp.Ordered):
        node.set("nulls_first", None)
    if isinstance(node, exp.Order):
        node.set("expressions", _without_null_ordering(node.expressions))
    return node


def _without_null_ordering(items: list) -> list:
    """MySQL has no NULLS FIRST/LAST: ``CASE WHEN x IS NULL THEN 1 ELSE 0 END, x`` is how it is written."""
    from sqlglot import exp

    out = []
    for i, item in enumerate(items):
        case = item.this if isinstance(item, exp.Ordered) else item
        nxt = items[i + 1] if i + 1 < len(items) else None
        if isinstance(case, exp.Case) and nxt is not None and len(case.args.get("ifs") or []) == 1:
            cond = case.args["ifs"][0].this
            target = nxt.this if isinstance(nxt, exp.Ordered) else nxt
            if isinstance(cond, exp.Is) and isinstance(cond.expression, exp.Null) and cond.this == target:
                continue
        out.append(item)
    return out


def _dump(node) -> str:
    """The tree as exact text (unlike its SQL, with no parentheses lost and no string folded)."""
    from sqlglot import exp

    if isinstance(node, exp.Expression):
        parts = [type(node).__name__]
        for k in sorted(node.args):
            v = node.args[k]
            if v is None or v is False or (isinstance(v, list) and not v):
                continue
            parts.append(f"{k}={_dump(v)}")
        return "(" + " ".join(parts) + ")"
    if isinstance(node, list):
        return "[" + ", ".join(_dump(x) for x in node) + "]"
    return repr(node)
