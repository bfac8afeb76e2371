"""DDL text -> schema model, with sqlglot.

The script is cut into statements without parsing (``split``); only CREATE/ALTER/COMMENT statements
go through sqlglot, so a dump with thousands of INSERTs stays fast. Anything the model cannot hold
(triggers, procedures, sequences, grants, DROP/USE housekeeping, INSERT data) is listed in
``schema.skipped`` with its ``file:line``, never dropped silently. Malformed DDL raises
:class:`DDLParseError` pointing at the statement.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field

from ..errors import DDLParseError
from ..model import (
    CheckConstraint, Column, DataType, ForeignKey, Index, PrimaryKey, ReferentialAction, Schema, Skipped,
    Table, TypeKind, UniqueConstraint, View,
)
from ..model.naming import constraint_name
from .dialects import Dialect, get_dialect, read_sqlglot_type, sqlglot_dialect, tidy_expression
from .dialects.reserved import ANYWHERE as RESERVED_ANYWHERE
from . import fastddl
from .split import Statement, split_statements

__all__ = ["guess_dialect", "normalize_expression", "parse_ddl"]

# -- recognising statements by their first words -------------------------------------------------------
_DATA_WORDS = frozenset({"INSERT", "UPDATE", "DELETE", "MERGE", "REPLACE", "COPY", "UPSERT", "TRUNCATE", "SELECT"})
_CREATE_MODIFIERS = frozenset({
    "OR", "REPLACE", "ALTER", "UNIQUE", "CLUSTERED", "NONCLUSTERED", "TEMPORARY", "TEMP", "GLOBAL", "LOCAL",
    "UNLOGGED", "MATERIALIZED", "FORCE", "NOFORCE", "EDITIONABLE", "NONEDITIONABLE", "BITMAP", "FULLTEXT",
    "SPATIAL", "RECURSIVE", "SECURE", "DEFINER", "ALGORITHM", "SQL", "SECURITY",
})
_SKIPPED_OBJECTS = {  # CREATE <word>: what the model cannot hold, and why
    "TRIGGER": "the schema model has no triggers",
    "PROCEDURE": "the schema model has no stored procedures",
    "PROC": "the schema model has no stored procedures",
    "FUNCTION": "the schema model has no functions",
    "PACKAGE": "the schema model has no packages",
    "SEQUENCE": "the schema model has no sequences (autoincrement columns are modelled on the column)",
    "TYPE": "the schema model has no user-defined types (only enums)",
    "DOMAIN": "the schema model has no domains",
    "EXTENSION": "extensions are server set-up, not schema",
    "SCHEMA": "the schema model has a single namespace",
    "DATABASE": "database creation is server set-up, not schema",
    "USER": "users and roles are not schema", "ROLE": "users and roles are not schema",
    "LOGIN": "users and roles are not schema", "SYNONYM": "the schema model has no synonyms",
    "RULE": "the schema model has no rules", "POLICY": "the schema model has no row-level policies",
    "EVENT": "the schema model has no events", "TABLESPACE": "storage is not schema",
}
_HOUSEKEEPING_REASON = "not part of a schema definition (session, transaction or server statement)"
_WORD = re.compile(r"[A-Za-z_\\][A-Za-z0-9_$#]*")
_NAME_AFTER = re.compile(r"""\s*(?:IF\s+NOT\s+EXISTS\s+)?((?:[`"\[]?[^\s(`"\[\]]+[`"\]]?\.)*[`"\[]?[^\s(`"\[\];]+[`"\]]?)""", re.I)
_ENUM_TYPE = re.compile(r"^\s*CREATE\s+TYPE\s+(?P<name>\S+)\s+AS\s+ENUM\s*\((?P<body>.*)\)\s*$", re.I | re.S)
_STRING_LITERAL = re.compile(r"'((?:[^']|'')*)'")
_ACTION = re.compile(r"ON\s+(DELETE|UPDATE)\s+(NO\s+ACTION|RESTRICT|CASCADE|SET\s+NULL|SET\s+DEFAULT)", re.I)
_PLAIN_LOWER = re.compile(r"^[a-z_][a-z0-9_]*$")

# Scores for guessing a script's dialect when the caller does not say: (pattern, dialect, weight).
_DIALECT_HINTS = (
    (re.compile(r"`"), "mysql", 3), (re.compile(r"\bAUTO_INCREMENT\b|\bENGINE\s*=", re.I), "mysql", 5),
    (re.compile(r"^\s*GO\s*$", re.M | re.I), "sqlserver", 5), (re.compile(r"\bIDENTITY\s*\(", re.I), "sqlserver", 4),
    (re.compile(r"\bNVARCHAR\s*\(\s*MAX\s*\)|\bDATETIME2\b|\bUNIQUEIDENTIFIER\b|\[dbo\]", re.I), "sqlserver", 4),
    (re.compile(r"\bVARCHAR2\b|\bNUMBER\s*\(|\bNUMBER\b", re.I), "oracle", 4), (re.compile(r"^\s*/\s*$", re.M), "oracle", 2),
    (re.compile(r"\bSERIAL\b|\bBIGSERIAL\b|\bJSONB\b|\bBYTEA\b|\$\$|\bTIMESTAMPTZ\b", re.I), "postgresql", 4),
    (re.compile(r"\bAUTOINCREMENT\b|\bPRAGMA\b", re.I), "sqlite", 5),
)

log = logging.getLogger(__name__)

# Plain statements are read by ``fastddl`` and only the rest by sqlglot. Tests switch this off to
# check that both readers give the same model.
USE_FAST_READER = True


def guess_dialect(text: str) -> Dialect:
    """The dialect a script most looks like (PostgreSQL when nothing stands out)."""
    sample = text[:200_000]
    scores: dict[str, int] = {}
    for pattern, name, weight in _DIALECT_HINTS:
        if pattern.search(sample):
            scores[name] = scores.get(name, 0) + weight
    return get_dialect(max(scores, key=scores.get) if scores else "postgresql")


def parse_ddl(text: str, dialect: str | Dialect | None = None, source_name: str | None = None) -> Schema:
    """Read a DDL script into a :class:`Schema`; ``dialect`` is guessed when not given."""
    d = get_dialect(dialect) if dialect is not None else guess_dialect(text)
    builder = _Builder(d, source_name or "<ddl>")
    sqlglot_logger = logging.getLogger("sqlglot")
    level = sqlglot_logger.level
    sqlglot_logger.setLevel(logging.ERROR)  # we report what sqlglot cannot read ourselves
    try:
        for statement in split_statements(text, backslash_escapes=d.backslash_escapes):
            builder.add(statement)
    finally:
        sqlglot_logger.setLevel(level)
    return builder.finish()


# -- expression text -------------------------------------------------------------------------------------
def normalize_expression(node, *, boolean: bool = False) -> str:
    """A sqlglot expression as the model stores it: generic-dialect text, identifiers quoted only when
    needed, redundant parentheses and N'' prefixes gone, 0/1 as FALSE/TRUE for boolean columns."""
    from sqlglot import exp

    while isinstance(node, exp.Paren):
        node = node.this
    # Fast paths for the common defaults: literals, NULL, TRUE/FALSE, CURRENT_TIMESTAMP.
    if isinstance(node, (exp.Literal, exp.National)):
        if isinstance(node, exp.National) or node.is_string:
            return "'" + node.this.replace("'", "''") + "'"
        if boolean and node.this in ("0", "1"):
            return "TRUE" if node.this == "1" else "FALSE"
        return node.this
    if isinstance(node, exp.Boolean):
        return "TRUE" if node.this else "FALSE"
    if isinstance(node, exp.Null):
        return "NULL"
    if isinstance(node, (exp.CurrentTimestamp, exp.CurrentDate, exp.CurrentTime)) and (
            not node.this or isinstance(node.this, exp.Literal)):
        # CURRENT_TIMESTAMP(3): the fractional precision of a default follows its column's.
        return {exp.CurrentTimestamp: "CURRENT_TIMESTAMP", exp.CurrentDate: "CURRENT_DATE",
                exp.CurrentTime: "CURRENT_TIME"}[type(node)]
    # The tree is ours (parsed for this statement only), so it is changed in place.
    for nat in list(node.find_all(exp.National)):
        nat.replace(exp.Literal.string(nat.this))
    for ident in node.find_all(exp.Identifier):
        name = ident.this
        ident.set("quoted", not _PLAIN_LOWER.match(name) or name.upper() in RESERVED_ANYWHERE)
    return tidy_expression(node).sql()


# -- building the schema ------------------------------------------------------------------------------------
@dataclass
class _Builder:
    dialect: Dialect
    source: str
    tables: dict[str, Table] = field(default_factory=dict)  # lower name -> table
    views: list[View] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    enum_types: dict[str, tuple[str, ...]] = field(default_factory=dict)
    summaries: dict[str, list] = field(default_factory=dict)  # kind -> [count, first location, reason]
    pending_skips: list[Skipped] = field(default_factory=list)  # the fast reader's, kept if it succeeds

    # -- dispatch ---------------------------------------------------------------------------------------
    def add(self, st: Statement) -> None:
        words = _WORD.findall(st.text[:200])
        first = words[0].upper() if words else st.text[:1]
        if first in _DATA_WORDS:
            self._summarize("data", st, "data statements (INSERT/UPDATE/DELETE ...) are not schema")
            return
        if first == "CREATE":
            self._create(st, [w.upper() for w in words[1:8]])
        elif first == "ALTER" and len(words) > 1 and words[1].upper() == "TABLE":
            if not self._fast(st, lambda st: fastddl.alter_add_constraint(st.text, self.dialect, self.tables)):
                self._parsed(st, self._alter_table)
        elif first == "COMMENT" and len(words) > 1 and words[1].upper() == "ON":
            self._parsed(st, self._comment)
        else:
            kind = " ".join(w.lower() for w in words[:2]) if first in ("DROP", "ALTER") else first.lower()
            if st.text.startswith("\\"):
                kind = "psql meta-command"
            self._summarize(kind or "statement", st, _HOUSEKEEPING_REASON)

    def _create(self, st: Statement, words: list[str]) -> None:
        rest = [w for w in words if w not in _CREATE_MODIFIERS]
        obj = rest[0] if rest else ""
        if obj == "TABLE":
            if "TEMPORARY" in words or "TEMP" in words:
                self._skip("temporary table", st, "temporary tables are not part of a schema")
            elif not self._fast(st, self._fast_create_table):
                self._parsed(st, self._create_table)
        elif obj == "INDEX":
            if not self._fast(st, self._fast_create_index):
                self._parsed(st, self._create_index)
        elif obj == "VIEW":
            self._parsed(st, self._create_view, "MATERIALIZED" in words)
        elif obj == "TYPE" and _ENUM_TYPE.match(st.text):
            m = _ENUM_TYPE.match(st.text)
            values = tuple(v.replace("''", "'") for v in _STRING_LITERAL.findall(m.group("body")))
            self.enum_types[_unquote(m.group("name")).lower()] = values
        else:
            reason = _SKIPPED_OBJECTS.get(obj, "the schema model cannot hold this kind of object")
            kind = obj.lower() if obj else "statement"
            if obj == "DATABASE":
                self._summarize("create database", st, reason)
            else:
                self._skip(kind, st, reason, name=self._name_after(st.text, obj))

    # -- the fast reader -----------------------------------------------------------------------------------
    def _fast(self, st: Statement, reader) -> bool:
        """True when ``reader`` handled the statement; False (nothing changed) when sqlglot must."""
        if not USE_FAST_READER:
            return False
        self.pending_skips = []
        try:
            reader(st)
        except fastddl.NotPlain:
            return False
        self.skipped.extend(self.pending_skips)
        return True

    def _fast_create_table(self, st: Statement) -> None:
        def unknown_type(table, column, written):
            values = self.enum_types.get(written.lower()) or self.enum_types.get(written.split(".")[-1].strip('"').lower())
            if values:
                return DataType.enum(*values)
            self.pending_skips.append(Skipped(
                kind="type", name=f"{table.name}.{column}", location=self._where(st.line), text=st.text.splitlines()[0][:120],
                reason=f"type {written} of {table.name}.{column} has no portable equivalent; read as text"))
            return DataType.text()

        table = fastddl.create_table(st.text, self.dialect, unknown_type)
        self._register_table(st, table)

    def _fast_create_index(self, st: Statement) -> None:
        table_name, index = fastddl.create_index(st.text, self.dialect)
        table = self._table(st, table_name, "index")
        if table is not None:
            table.indexes.append(index)

    def _register_table(self, st: Statement, table: Table) -> None:
        if table.name.lower() in self.tables:
            raise DDLParseError(f"table {table.name!r} is created twice: {_excerpt(st.text)}",
                                where=self._where(st.line), hint="remove the duplicate CREATE TABLE")
        self.tables[table.name.lower()] = table

    # -- helpers ------------------------------------------------------------------------------------------
    def _where(self, line: int) -> str:
        return f"{self.source}:{line}"

    def _skip(self, kind: str, st: Statement, reason: str, name: str | None = None) -> None:
        self.skipped.append(Skipped(kind=kind, name=name, reason=reason, location=self._where(st.line),
                                    text=st.text.splitlines()[0][:120]))

    def _summarize(self, kind: str, st: Statement, reason: str) -> None:
        entry = self.summaries.get(kind)
        if entry is None:
            self.summaries[kind] = [1, self._where(st.line), reason, st.text.splitlines()[0][:120]]
        else:
            entry[0] += 1

    @staticmethod
    def _name_after(text: str, word: str) -> str | None:
        if not word:
            return None
        m = re.search(r"\b" + re.escape(word) + r"\b", text, re.I)
        if not m:
            return None
        n = _NAME_AFTER.match(text, m.end())
        return _unquote(n.group(1).split(".")[-1]) if n else None

    def _parsed(self, st: Statement, handler, *args) -> None:
        import sqlglot
        from sqlglot import exp
        from sqlglot.errors import ParseError, TokenError

        try:
            tree = sqlglot.parse_one(st.text, read=sqlglot_dialect(self.dialect))
        except (ParseError, TokenError) as exc:
            line = st.line
            errors = getattr(exc, "errors", None) or []
            if errors and errors[0].get("line"):
                line = st.line + int(errors[0]["line"]) - 1
            detail = errors[0].get("description") if errors else str(exc).splitlines()[0]
            raise DDLParseError(
                f"cannot parse {self.dialect.name} statement: {detail}: {_excerpt(st.text)}",
                where=self._where(line),
                hint=f"fix the statement, or pass the right dialect (read as {self.dialect.name})",
            ) from None
        if tree is None or isinstance(tree, exp.Command):
            raise DDLParseError(
                f"cannot read this {self.dialect.name} statement: {_excerpt(st.text)}",
                where=self._where(st.line),
                hint="split it into simpler statements (one ALTER TABLE action each) or check the dialect",
            )
        handler(st, tree, *args)

    def _table(self, st: Statement, name: str, what: str) -> Table | None:
        t = self.tables.get(name.lower())
        if t is None:
            self._skip(what, st, f"refers to table {name!r}, which this script does not create", name=name)
        return t

    # -- CREATE TABLE ---------------------------------------------------------------------------------------
    def _create_table(self, st: Statement, tree) -> None:
        from sqlglot import exp

        schema_node = tree.this
        if not isinstance(schema_node, exp.Schema):
            self._skip("table", st, "CREATE TABLE ... AS / LIKE has no column list the model can read",
                       name=tree.this.name if tree.this else None)
            return
        name = schema_node.this.name
        table = Table(name=name)
        self._register_table(st, table)
        for item in schema_node.expressions:
            if isinstance(item, exp.ColumnDef):
                self._column(st, table, item)
            elif isinstance(item, (exp.Identifier, exp.Column)):  # a column with no type (SQLite allows it)
                if not self.dialect.columns_may_omit_type:
                    raise DDLParseError(
                        f"column {item.name!r} of table {name!r} has no type: {_excerpt(st.text)}",
                        where=self._where(st.line), hint="give every column a type")
                self._column(st, table, exp.ColumnDef(this=exp.to_identifier(item.name)))
            else:
                self._table_constraint(st, table, item)
        for prop in (tree.args.get("properties").expressions if tree.args.get("properties") else []):
            if isinstance(prop, exp.SchemaCommentProperty):
                table.comment = prop.this.this if isinstance(prop.this, exp.Literal) else prop.this.sql()

    def _column(self, st: Statement, table: Table, node) -> None:
        from sqlglot import exp

        col_name = node.name
        kind = node.args.get("kind")
        autoincrement = False
        if kind is None:
            datatype = DataType.text()
            self._skip("type", st, f"column {table.name}.{col_name} declares no type; read as text",
                       name=f"{table.name}.{col_name}")
        else:
            datatype, autoincrement, written = read_sqlglot_type(kind, self.dialect)
            if datatype is None:
                values = self.enum_types.get(written.lower()) or self.enum_types.get(written.split(".")[-1].strip('"').lower())
                if values:
                    datatype = DataType.enum(*values)
                else:
                    datatype = DataType.text()
                    self._skip("type", st, f"type {written} of {table.name}.{col_name} has no portable equivalent; read as text",
                               name=f"{table.name}.{col_name}")
        column = Column(name=col_name, type=datatype, autoincrement=autoincrement)
        for cc in node.args.get("constraints") or []:
            c_name = cc.this.name if isinstance(cc, exp.ColumnConstraint) and cc.this else None
            c = cc.args.get("kind") if isinstance(cc, exp.ColumnConstraint) else cc
            if isinstance(c, exp.NotNullColumnConstraint):
                column.nullable = bool(c.args.get("allow_null"))
            elif isinstance(c, exp.PrimaryKeyColumnConstraint):
                table.primary_key = PrimaryKey(columns=[col_name], name=c_name)
            elif isinstance(c, exp.AutoIncrementColumnConstraint):
                column.autoincrement = True
            elif isinstance(c, exp.GeneratedAsIdentityColumnConstraint):
                if c.args.get("expression") is not None:
                    self._skip("computed column", st, f"{table.name}.{col_name} is computed; read as a plain column",
                               name=f"{table.name}.{col_name}")
                else:
                    column.autoincrement = True
            elif isinstance(c, exp.DefaultColumnConstraint):
                column.default = normalize_expression(c.this, boolean=column.type.kind is TypeKind.BOOLEAN)
            elif isinstance(c, exp.UniqueColumnConstraint):
                table.unique_constraints.append(UniqueConstraint(columns=[col_name], name=c_name))
            elif isinstance(c, exp.CheckColumnConstraint):
                values = _enum_values(c.this, col_name)
                if values and column.type.kind in (TypeKind.CHAR, TypeKind.VARCHAR, TypeKind.TEXT) and c_name is None:
                    column.type = DataType.enum(*values)
                else:
                    table.check_constraints.append(CheckConstraint(expression=normalize_expression(c.this), name=c_name))
            elif isinstance(c, exp.Reference):
                table.foreign_keys.append(self._foreign_key([col_name], c, c_name))
            elif isinstance(c, exp.CommentColumnConstraint):
                column.comment = c.this.this if isinstance(c.this, exp.Literal) else c.this.sql()
            elif isinstance(c, exp.ComputedColumnConstraint):
                self._skip("computed column", st, f"{table.name}.{col_name} is computed; read as a plain column",
                           name=f"{table.name}.{col_name}")
            elif isinstance(c, (exp.CollateColumnConstraint, exp.CharacterSetColumnConstraint,
                                exp.ClusteredColumnConstraint, exp.NonClusteredColumnConstraint)):
                pass  # storage details with no effect on the logical schema
            else:
                self._skip("column option", st, f"{table.name}.{col_name}: {c.sql(self.dialect.sqlglot_name)[:80]} "
                           "is not represented in the model", name=f"{table.name}.{col_name}")
        table.columns.append(column)

    def _table_constraint(self, st: Statement, table: Table, node, name: str | None = None) -> None:
        from sqlglot import exp

        if isinstance(node, exp.Constraint):
            parts = node.expressions
            c_name = node.this.name if node.this else None
            if parts and isinstance(parts[0], exp.PrimaryKeyColumnConstraint):
                cols = [o.this.name if isinstance(o, exp.Ordered) else o.name
                        for p in parts[1:] for o in (p.this if isinstance(p.this, list) else [p.this])]
                table.primary_key = PrimaryKey(columns=cols, name=c_name)
                return
            for part in parts:
                self._table_constraint(st, table, part, c_name)
            return
        if isinstance(node, exp.PrimaryKey):
            table.primary_key = PrimaryKey(columns=_names(node.expressions), name=name)
        elif isinstance(node, exp.ForeignKey):
            table.foreign_keys.append(self._foreign_key(_names(node.expressions), node.args["reference"], name, node))
        elif isinstance(node, exp.UniqueColumnConstraint):
            target = node.this
            u_name = name
            if isinstance(target, exp.Schema):
                if target.this is not None and u_name is None:
                    u_name = target.this.name
                cols = _names(target.expressions)
            else:
                cols = _names([target]) if target is not None else []
            table.unique_constraints.append(UniqueConstraint(columns=cols, name=u_name))
        elif isinstance(node, exp.CheckColumnConstraint):
            table.check_constraints.append(CheckConstraint(expression=normalize_expression(node.this), name=name))
        elif isinstance(node, exp.IndexColumnConstraint):
            cols = _names(node.expressions)
            idx_name = node.this.name if node.this else constraint_name("ix", table.name, cols)
            table.indexes.append(Index(name=idx_name, columns=cols))
        else:
            self._skip("table option", st, f"{table.name}: {node.sql(self.dialect.sqlglot_name)[:80]} is not represented in the model",
                       name=table.name)

    def _foreign_key(self, columns: list[str], ref, name: str | None, fk_node=None) -> ForeignKey:
        from sqlglot import exp

        target = ref.this
        if isinstance(target, exp.Schema):
            ref_table, ref_cols = target.this.name, _names(target.expressions)
        else:
            ref_table, ref_cols = target.name, []
        actions: dict[str, ReferentialAction] = {}
        texts = [str(o) for o in ref.args.get("options") or []]
        if fk_node is not None:
            for key in ("delete", "update"):
                if fk_node.args.get(key):
                    texts.append(f"ON {key.upper()} {fk_node.args[key]}")
        for text in texts:
            for m in _ACTION.finditer(text):
                actions[m.group(1).lower()] = ReferentialAction(re.sub(r"\s+", " ", m.group(2).upper()))
        return ForeignKey(columns=columns, ref_table=ref_table, ref_columns=ref_cols or ["?"], name=name,
                          on_delete=actions.get("delete"), on_update=actions.get("update"))

    # -- ALTER TABLE / CREATE INDEX / views / comments --------------------------------------------------------
    def _alter_table(self, st: Statement, tree) -> None:
        from sqlglot import exp

        table = self._table(st, tree.this.name, "alter table")
        if table is None:
            return
        for action in tree.args.get("actions") or []:
            if isinstance(action, exp.AddConstraint):
                for part in action.expressions:
                    self._table_constraint(st, table, part)
            elif isinstance(action, exp.ColumnDef):
                self._column(st, table, action)
            elif isinstance(action, (exp.Constraint, exp.ForeignKey, exp.PrimaryKey, exp.UniqueColumnConstraint,
                                     exp.CheckColumnConstraint)):
                self._table_constraint(st, table, action)
            else:
                self._skip("alter table", st, f"{type(action).__name__} changes are not applied to the model "
                           "(only ADD COLUMN and ADD CONSTRAINT are)", name=table.name)

    def _create_index(self, st: Statement, tree) -> None:
        from sqlglot import exp

        index = tree.this
        table = self._table(st, index.args["table"].name, "index")
        if table is None:
            return
        params = index.args.get("params")
        columns: list[str] = []
        expressions: list[str] = []
        for item in (params.args.get("columns") if params else None) or []:
            node = item.this if isinstance(item, exp.Ordered) else item
            if isinstance(node, exp.Column) and not node.table:
                columns.append(node.name)
            elif isinstance(node, exp.Identifier):
                columns.append(node.name)
            else:
                expressions.append(normalize_expression(node))
        if expressions and columns:  # keep the order meaningful: all as expressions
            columns, expressions = [], [normalize_expression(
                (i.this if isinstance(i, exp.Ordered) else i)) for i in params.args["columns"]]
        where = params.args.get("where") if params else None
        table.indexes.append(Index(
            name=index.name, columns=columns, expressions=expressions, unique=bool(tree.args.get("unique")),
            where=normalize_expression(where.this) if where is not None else None,
        ))

    def _create_view(self, st: Statement, tree, materialized: bool = False) -> None:
        from sqlglot import exp

        target = tree.this
        columns = _names(target.expressions) if isinstance(target, exp.Schema) else []
        name = target.this.name if isinstance(target, exp.Schema) else target.name
        body = tree.args.get("expression")
        if materialized:
            self._skip("materialized view", st, "read as a plain view", name=name)
        self.views.append(View(name=name, definition=normalize_expression(body) if body is not None else "", columns=columns))

    def _comment(self, st: Statement, tree) -> None:
        from sqlglot import exp

        kind = (tree.args.get("kind") or "").upper()
        text = tree.expression.this if isinstance(tree.expression, exp.Literal) else None
        target = tree.this
        if kind == "TABLE":
            table = self._table(st, target.name, "comment")
            if table is not None:
                table.comment = text
        elif kind == "COLUMN":
            table = self._table(st, target.table, "comment")
            column = table.column(target.name) if table is not None else None
            if column is not None:
                column.comment = text
        else:
            self._skip("comment", st, f"comments on {kind.lower() or 'this object'} are not represented")

    # -- finishing --------------------------------------------------------------------------------------------
    def finish(self) -> Schema:
        for t in self.tables.values():
            pk = t.primary_key
            if pk is not None:
                for c in t.columns:
                    if c.name.lower() in {x.lower() for x in pk.columns}:
                        c.nullable = False
                if pk.name == constraint_name("pk", t.name):
                    pk.name = None
            for fk in t.foreign_keys:
                if fk.ref_columns == ["?"]:
                    target = self.tables.get(fk.ref_table.lower())
                    fk.ref_columns = list(target.primary_key_columns) if target and target.primary_key else fk.columns
                if fk.name == constraint_name("fk", t.name, fk.columns):
                    fk.name = None
            for u in t.unique_constraints:
                if u.name == constraint_name("uq", t.name, u.columns):
                    u.name = None
        for kind, (count, where, reason, first) in self.summaries.items():
            plural = "statement" if count == 1 else "statements"
            self.skipped.append(Skipped(kind=kind, reason=f"{count} {plural}: {reason}", location=where, text=first))
        return Schema(tables=list(self.tables.values()), views=self.views, skipped=self.skipped)


def _names(nodes) -> list[str]:
    from sqlglot import exp

    out = []
    for n in nodes:
        if isinstance(n, exp.Ordered):
            n = n.this
        out.append(n.name if isinstance(n, (exp.Identifier, exp.Column)) else n.sql())
    return out


def _enum_values(node, column: str) -> tuple[str, ...] | None:
    """The labels when ``node`` is ``column IN ('a', 'b', ...)`` (the enum spelling in most dialects)."""
    from sqlglot import exp

    while isinstance(node, exp.Paren):
        node = node.this
    if not isinstance(node, exp.In) or not isinstance(node.this, exp.Column) or node.this.name != column:
        return None
    items = node.expressions
    if not items or not all(isinstance(i, exp.Literal) and i.is_string for i in items):
        return None
    return tuple(i.this for i in items)


def _unquote(name: str) -> str:
    name = name.strip()
    if len(name) >= 2 and name[0] in '"`[' and name[-1] in '"`]':
        return name[1:-1]
    return name


def _excerpt(text: str, limit: int = 120) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 3] + "..."
