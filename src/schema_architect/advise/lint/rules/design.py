"""Design smells: wide tables, EAV, polymorphic references, 1NF breaches, transitive dependencies."""

from __future__ import annotations

import re

from ....model import Column, DataType, Schema, Table, TypeKind
from ....model.naming import words
from .. import fixes
from ..registry import rule
from ._util import fk_columns, id_stem

_TEXTUAL = (TypeKind.VARCHAR, TypeKind.TEXT, TypeKind.CHAR)


@rule("SA501", "missing-timestamps", "info",
      "Tables record when rows were created and last updated (configurable column names).",
      "Audit questions (when did this change?) and incremental exports need them; adding them later "
      "leaves old rows without history. Off by default: not every table needs them.",
      options={"columns": ["created_at", "updated_at"]}, enabled=False)
def missing_timestamps(schema: Schema, ctx):
    wanted = list(ctx.options["columns"])
    for t in schema.tables:
        for name in wanted:
            if t.column(name) is None:
                col = Column(name=name, type=DataType.timestamp(timezone=True), nullable=False,
                             default="CURRENT_TIMESTAMP")
                yield ctx.finding(f"{t.name} has no {name} column", table=t.name,
                                  fix_sql=fixes.add_column(t.name, col, ctx.dialect))


@rule("SA502", "wide-table", "warning",
      "A table has at most a configured number of columns (default 30).",
      "Very wide tables usually mix several entities or hold repeating groups; every row read drags "
      "all of them through the cache.", options={"max_columns": 30})
def wide_table(schema: Schema, ctx):
    limit = int(ctx.options["max_columns"])
    for t in schema.tables:
        if len(t.columns) > limit:
            yield ctx.finding(f"{t.name} has {len(t.columns)} columns (more than {limit})", table=t.name,
                              detail="split rarely used or optional groups of columns into 1:1 side tables")


_ENTITY = {"entity", "object", "item", "record", "owner", "subject", "parent", "resource"}
_ATTRIBUTE = {"attribute", "attr", "key", "property", "prop", "field", "name", "param", "parameter", "meta"}
_VALUE = {"value", "val"}


@rule("SA503", "entity-attribute-value", "warning",
      "No entity-attribute-value tables (entity id + attribute name + generic value column).",
      "EAV hides the real schema: no types, no NOT NULL, no foreign keys on values, and every read "
      "becomes a self-join or pivot. Model the attributes as columns, subtype tables or a JSON column.")
def entity_attribute_value(schema: Schema, ctx):
    for t in schema.tables:
        names = [words(c.name) for c in t.columns]
        has_value = any(w and w[-1] in _VALUE for w in names)
        has_attr = any(w and (w[-1] in _ATTRIBUTE or (len(w) > 1 and w[-2] in _ATTRIBUTE and w[-1] == "id"))
                       for w in names)
        has_entity = any(w and (w[0] in _ENTITY or (len(w) > 1 and w[-1] == "id" and w[-2] in _ENTITY))
                         for w in names) or any(id_stem(c.name) for c in t.columns)
        if has_value and has_attr and has_entity and len(t.columns) <= 6:
            yield ctx.finding(f"{t.name} looks like an entity-attribute-value table", table=t.name)


@rule("SA504", "polymorphic-association", "warning",
      "No polymorphic references (`<x>_type` + `<x>_id` pointing at different tables without a foreign key).",
      "The database cannot enforce a reference whose target table is data; orphans are inevitable. Use one "
      "nullable FK per target with a CHECK that exactly one is set, or a shared supertype table.")
def polymorphic_association(schema: Schema, ctx):
    for t in schema.tables:
        covered = fk_columns(t)
        lower = {c.name.lower(): c.name for c in t.columns}
        for c in t.columns:
            stem = id_stem(c.name)
            if stem is None or c.name.lower() in covered:
                continue
            for type_name in (f"{stem}_type", f"{stem}type", f"{stem.replace('_', '')}type"):
                if type_name in lower:
                    yield ctx.finding(f"{t.name}.{lower[type_name]} + {c.name} form a polymorphic reference "
                                      "without a foreign key", table=t.name, column=c.name)
                    break


_NUMBERED = re.compile(r"^(.*?)[_]?(\d+)$")


@rule("SA505", "repeating-group", "warning",
      "No numbered column groups (phone1, phone2, phone3): a repeating group breaks 1NF.",
      "A fourth phone number needs a schema change, and 'find by phone' must test every column. Move the "
      "group to a child table (one row per value).", options={"ignore": ["address_line", "line"]})
def repeating_group(schema: Schema, ctx):
    ignore = {i.lower() for i in ctx.options["ignore"]}
    for t in schema.tables:
        groups: dict[str, list[str]] = {}
        for c in t.columns:
            m = _NUMBERED.match(c.name)
            if m and m.group(1) and m.group(1).lower().rstrip("_") not in ignore:
                groups.setdefault(m.group(1).lower().rstrip("_"), []).append(c.name)
        for stem, cols in groups.items():
            if len(cols) >= 2:
                yield ctx.finding(f"{t.name} has a repeating group {', '.join(cols)}", table=t.name,
                                  column=cols[0], detail=f"create a table {t.name}_{stem} ({t.name} key, {stem}) "
                                                         "with one row per value")


_LIST_WORDS = {"tags", "categories", "keywords", "labels", "skills", "roles", "emails", "phones", "ids",
               "items", "options", "interests", "genres", "authors", "colors", "colours", "sizes", "members",
               "permissions", "languages", "hobbies", "topics", "attachments", "recipients"}


@rule("SA506", "comma-list-column", "warning",
      "Text columns named as lists (tags, categories, *_ids, *_list, *_csv) are not comma-separated lists.",
      "A list in one column breaks 1NF: it cannot be indexed, joined or constrained, and "
      "`LIKE '%,5,%'` is the only way to search it. Use a child or link table.")
def comma_list_column(schema: Schema, ctx):
    for t in schema.tables:
        for c in t.columns:
            w = words(c.name)
            if c.type.kind in _TEXTUAL and w and (w[-1] in _LIST_WORDS or w[-1] in ("list", "csv")):
                yield ctx.finding(f"{t.name}.{c.name} ({c.type}) looks like a list of values in one column",
                                  table=t.name, column=c.name,
                                  detail=f"create a table {t.name}_{w[-1]} with one row per value")


# Determinants recognised by name, and what they determine: the classic address dependency.
_DETERMINED_BY_NAME = {
    ("postal", "code"): ({"city", "state", "province", "region", "country"}),
    ("zip",): ({"city", "state", "province", "region", "country"}),
    ("zip", "code"): ({"city", "state", "province", "region", "country"}),
    ("zipcode",): ({"city", "state", "province", "region", "country"}),
    ("country", "code"): ({"country", "country_name"}),
}


def _name_fds(t: Table) -> list[tuple[tuple[str, ...], list[str]]]:
    """Functional dependencies the column names suggest: (determinant column, determined columns)."""
    pk = {c.lower() for c in t.primary_key_columns}
    out: list[tuple[tuple[str, ...], list[str]]] = []
    cols = [(c.name, words(c.name)) for c in t.columns]
    for name, w in cols:
        if name.lower() in pk and len(pk) == 1:
            continue
        # <thing>_id -> <thing>_<attribute> (customer_id -> customer_name)
        stem = id_stem(name)
        if stem is not None:
            sw = stem.split("_")
            dependents = [n for n, ow in cols if n != name and len(ow) > len(sw) and ow[:len(sw)] == sw
                          and ow[-1] != "id" and n.lower() not in pk]
            if dependents:
                out.append(((name,), dependents))
            continue
        # [prefix_]postal_code -> [prefix_]city, [prefix_]state ...
        for det, targets in _DETERMINED_BY_NAME.items():
            n = len(det)
            if tuple(w[-n:]) == det:
                prefix = w[:-n]
                dependents = [o for o, ow in cols if o != name and ow[:len(prefix)] == prefix
                              and "_".join(ow[len(prefix):]) in targets]
                # Postal codes repeat across countries: with a country column the determinant is both.
                country = [o for o in dependents if words(o)[len(prefix):] == ["country"]]
                rest = [o for o in dependents if o not in country]
                if country and rest:
                    out.append(((name, country[0]), rest))
                elif dependents:
                    out.append(((name,), dependents))
    return out


@rule("SA507", "transitive-dependency", "info",
      "No non-key column determines other columns (customer_id -> customer_name; postal_code -> city): 3NF.",
      "Values that depend on a non-key column are stored once per row instead of once per determinant: "
      "updates must touch many rows and can disagree. The normalization engine names the 3NF fix.")
def transitive_dependency(schema: Schema, ctx):
    from ....normalize import Dependencies, Relation, check_normal_forms, synthesize_3nf
    from ....normalize.relation import FD

    for t in schema.tables:
        fds_by_name = _name_fds(t)
        if not fds_by_name or not t.primary_key:
            continue
        attrs = tuple(t.column_names)
        pk = t.primary_key_columns
        fds = [FD(frozenset(pk), frozenset(a for a in attrs if a not in pk))]
        fds += [FD(frozenset(det), frozenset(deps)) for det, deps in fds_by_name]
        deps = Dependencies(Relation(t.name, attrs), fds)
        report = check_normal_forms(deps)
        violations = [v for v in report.violations if v.form in ("2NF", "3NF")]
        if not violations:
            continue
        decomposition = synthesize_3nf(deps, primary_key=pk)
        fix = "; ".join(f"{f.name}({', '.join(f.attributes)}) key ({', '.join(f.key)})"
                        for f in decomposition.fragments)
        for v in violations:
            det = next((a for a in attrs if v.fd and a in v.fd.lhs), None)
            yield ctx.finding(f"{t.name}: {v.fd.text(deps.relation)} ({v.kind}, inferred from the names)",
                              table=t.name, column=det,
                              detail=f"{v.reason}. 3NF decomposition: {fix}")


@rule("SA508", "isolated-table", "info",
      "In a multi-table schema, every table references or is referenced by another one.",
      "A table with no relationships is often a missing foreign key or a leftover; if it is a "
      "deliberate standalone table (settings, log), disable the rule for it.")
def isolated_table(schema: Schema, ctx):
    if len(schema.tables) < 3:
        return
    referenced = {fk.ref_table.lower() for t in schema.tables for fk in t.foreign_keys}
    for t in schema.tables:
        if not t.foreign_keys and t.name.lower() not in referenced:
            yield ctx.finding(f"{t.name} has no relationship with any other table", table=t.name)
