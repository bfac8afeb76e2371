"""The reference side of a case: its schema in the model, its data types, and the defects it has.

The reference RSchema is mapped to the model with ``from_rschema`` (which also lists key columns
the annotators forgot among the attributes) and typed from the case's SQLite-flavoured DDL when it
has one. :func:`reference_defects` names what in the reference data can cost points even for a
perfect prediction (foreign keys to placeholder tables such as "Schema 0", and the like), so a
score below 100 for the ``gold`` engine is explained case by case in the report.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..errors import SchemaArchitectError
from ..model import Schema, TypeClass, from_rschema
from ..model.naming import words
from ..model.rschema import ATTRIBUTES, FOREIGN_KEY, PRIMARY_KEY, loose_name


@dataclass
class Typed:
    """A schema with, for each (table, column) the DDL declared, its coarse type class."""

    schema: Schema
    typed: bool = False
    type_class: dict[tuple[str, str], TypeClass] = field(default_factory=dict)
    note: str | None = None  # why the types are missing, when they are

    def class_of(self, table: str, column: str) -> TypeClass | None:
        return self.type_class.get((loose_name(table), loose_name(column)))


def parse_sqlite_ddl(ddl: str, where: str) -> Schema:
    from ..sql.parse import parse_ddl

    return parse_ddl(ddl, dialect="sqlite", source_name=where)


def type_classes(parsed: Schema) -> dict[tuple[str, str], TypeClass]:
    return {
        (loose_name(t.name), loose_name(c.name)): c.type.type_class for t in parsed.tables for c in t.columns
    }


def typed_schema(rschema: dict | None, ddl: str | None, where: str) -> Typed:
    """The model of an RSchema design (or of the DDL alone), with type classes from the DDL.

    Raises SchemaArchitectError when the RSchema is malformed; a DDL that does not parse only
    leaves the types unknown (``note`` says why), so the structure can still be scored.
    """
    parsed: Schema | None = None
    note = None
    if ddl:
        try:
            parsed = parse_sqlite_ddl(ddl, where)
        except SchemaArchitectError as exc:
            note = f"DDL does not parse: {exc.one_line()}"
    if rschema is not None:
        schema = from_rschema(rschema, typed=parsed, where=where)
    elif parsed is not None:
        schema = parsed
    else:
        schema = Schema()
    return Typed(schema=schema, typed=parsed is not None, type_class=type_classes(parsed) if parsed else {}, note=note)


def reference_model(case) -> Typed:
    if case.schema is None:
        raise ValueError(f"case {case.id} has no reference schema")
    where = case.where or case.id
    typed = typed_schema(case.schema, case.ddl, where)
    if typed.note and case.ddl:
        # Some reference DDLs hold invalid SQL in one table (an unquoted "Stock-in_Time"); keep the
        # types of the statements that do parse rather than dropping the whole case's types.
        salvaged, skipped = parse_statement_by_statement(case.ddl, where)
        if salvaged.tables:
            typed = Typed(schema=from_rschema(case.schema, typed=salvaged, where=where), typed=True,
                          type_class=type_classes(salvaged), note=f"{typed.note}; types of {skipped} "
                          "statement(s) unknown, the other statements' types are used")  # fmt: skip
    return typed


def parse_statement_by_statement(ddl: str, where: str) -> tuple[Schema, int]:
    """The tables of every statement that parses on its own, and how many did not."""
    from ..sql.split import split_statements

    tables, skipped = [], 0
    for stmt in split_statements(ddl):
        try:
            tables.extend(parse_sqlite_ddl(stmt.text, f"{where} (statement at line {stmt.line})").tables)
        except SchemaArchitectError:
            skipped += 1
    return Schema(tables=tables), skipped


def reference_defects(case) -> list[str]:
    """What in the case's reference data would cost points even for a perfect prediction."""
    defects: list[str] = []
    data = case.schema
    if not isinstance(data, dict):
        return ["no reference schema"]
    tables = set(data)
    folded: dict[tuple[str, ...], str] = {}
    for name in data:
        key = tuple(words(name))
        if key in folded:
            defects.append(f"tables {folded[key]!r} and {name!r} have the same name once case and spacing are folded")
        folded[key] = name
    for table, body in data.items():
        if not isinstance(body, dict):
            defects.append(f"table {table!r} is not an object")
            continue
        attrs = body.get(ATTRIBUTES) or []
        if not attrs:
            defects.append(f"table {table!r} lists no attributes")
        dupes = sorted({a for a in attrs if attrs.count(a) > 1})
        if dupes:
            defects.append(f"table {table!r} lists {', '.join(map(repr, dupes))} twice")
        by_case = {a.lower(): a for a in attrs if isinstance(a, str)}
        for kind, cols in (("primary-key", body.get(PRIMARY_KEY) or []), ("foreign-key", body.get(FOREIGN_KEY) or {})):
            for col in cols:
                if col in attrs:
                    continue
                twin = by_case.get(str(col).lower())
                if twin is not None:
                    defects.append(
                        f"{table}.{col}: {kind} column spelled {col!r} but {twin!r} among the attributes; "
                        "as two columns differing only in case, the reference cannot be created in SQL"
                    )
                else:
                    defects.append(f"{table}.{col}: {kind} column not listed among the attributes (added back)")
        for col, target in (body.get(FOREIGN_KEY) or {}).items():
            if not isinstance(target, dict):
                defects.append(f"{table}.{col}: foreign key target is not a {{table: column}} object")
                continue
            for ref_table, ref_col in target.items():
                if ref_table not in tables:
                    defects.append(
                        f"{table}.{col}: foreign key to {ref_table!r}, a table the reference does not have "
                        "(placeholder left from annotation); no prediction can align it"
                    )
                elif not isinstance(ref_col, str):
                    defects.append(f"{table}.{col}: foreign key names no column of {ref_table!r} ({ref_col!r})")
    return defects
