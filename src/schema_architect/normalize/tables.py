"""Normalization applied to the schema model: a table plus its FDs becomes decomposed tables.

:func:`normalize_table` runs the 1NF repair, then the FD analysis on the table's columns, then
3NF synthesis or BCNF decomposition, and turns the fragments into :class:`Table` objects:

* columns keep their types (and comments) from the original; key columns become NOT NULL;
* each fragment's primary key is its key; the fragment holding the original key keeps the
  table's name (so foreign keys from other tables stay valid), the others are named after their
  determinant (``zip -> city`` gives a table ``zip``; ``product_id`` gives ``product``);
* a fragment that holds another fragment's key gets a foreign key to it;
* the table's declared primary key and NOT NULL unique constraints count as FDs (key -> every
  column): the database already enforces them;
* existing foreign keys, unique constraints and indexes go to a fragment holding all their columns;
  CHECK constraints go to the fragment holding every column they mention. Anything that fits no
  fragment is dropped and said so in the rationale.

Every decision is written to ``rationale``: closure traces for the keys, each violation with its
reason, each split or synthesis step, and each table with why it exists.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from ..errors import InputError
from ..model import ForeignKey, PrimaryKey, Schema, Table, UniqueConstraint
from .analysis import Analysis, analyze
from .closure import Dependencies, minimize_key_bits
from .decompose import Decomposition, name_for
from .first_nf import FirstNFRepair, detect_1nf, repair_1nf
from .relation import FD, Relation, as_fds


@dataclass
class TableNormalization:
    original: Table
    tables: list[Table]
    analysis: Analysis
    decomposition: Decomposition
    first_nf: FirstNFRepair
    rationale: list[str] = field(default_factory=list)
    renamed: dict[str, str] = field(default_factory=dict)  # fragment name -> table name

    def to_dict(self) -> dict:
        from ..model import schema_to_dict

        return {
            "table": self.original.name,
            "analysis": self.analysis.to_dict(),
            "first_nf": [f.to_dict() for f in self.first_nf.findings],
            "tables": schema_to_dict(Schema(tables=self.tables))["schema"]["tables"],
            "rationale": list(self.rationale),
        }


def key_fds(table: Table) -> list[tuple[list[str], list[str], str]]:
    """FDs the table's declared keys already state: (key, other columns, what declared it)."""
    out = []
    names = table.column_names
    if table.primary_key:
        pk = table.primary_key.columns
        out.append((list(pk), [c for c in names if c not in pk], "primary key"))
    for u in table.unique_constraints:
        cols = [table.column(c) for c in u.columns]
        if all(c is not None and not c.nullable for c in cols):
            out.append((list(u.columns), [c for c in names if c not in u.columns], "unique constraint"))
    return [(k, rest, why) for k, rest, why in out if rest]


def normalize_table(table: Table, fds: Iterable = (), *, target: str = "3nf", repair_first_nf: bool = True,
                    list_valued: Iterable[str] = (), composite: Mapping[str, Sequence[str]] | None = None,
                    composite_style: str = "columns", use_declared_keys: bool = True,
                    taken_names: Iterable[str] = ()) -> TableNormalization:
    """Decompose ``table`` under ``fds`` (strings ``"a, b -> c"``, pairs or FD objects) to 3NF or BCNF."""
    target = target.lower()
    if target not in ("3nf", "bcnf"):
        raise InputError(f"unknown normalization target {target!r}", hint="use 3nf or bcnf")
    if not table.columns:
        raise InputError(f"table {table.name} has no columns", where=table.name)
    full = Relation(table.name, tuple(table.column_names))
    given = as_fds(fds, full)
    rationale: list[str] = []

    repair = repair_1nf(table, list_valued=list_valued, composite=composite, composite_style=composite_style,
                        taken=taken_names) if repair_first_nf else FirstNFRepair(
        table, [], detect_1nf(table, list_valued=list_valued, composite=composite), [], {})
    rationale += repair.steps
    moved = {c.lower(): where for c, where in repair.moved.items()}
    for fd in given:
        for a in fd.lhs | fd.rhs:
            if a.lower() in moved:
                raise InputError(
                    f"functional dependency {fd.text(full)!r} names {table.name}.{a}, which the 1NF repair moved to {moved[a.lower()]}",
                    where=f"{table.name}.{a}",
                    hint="give FDs over the atomic columns only, or declare the FDs of the child table separately",
                )
    main = repair.table
    relation = Relation(main.name, tuple(main.column_names))
    all_fds: list = [FD(f.lhs, f.rhs) for f in given]
    declared_pk = None
    if use_declared_keys:
        for key, rest, why in key_fds(main):
            all_fds.append((key, rest))
            rationale.append(f"{why} ({', '.join(key)}) determines every other column: {', '.join(key)} -> {', '.join(rest)}")
        if main.primary_key:
            declared_pk = list(main.primary_key.columns)
    deps = Dependencies(relation, all_fds)
    primary = None
    if declared_pk:
        m = relation.mask(declared_pk)
        smaller = minimize_key_bits(m, deps.universe, deps.minimal_cover_bits)
        primary = list(deps.names(smaller))
        if smaller != m:
            rationale.append(
                f"the primary key ({', '.join(declared_pk)}) is not minimal under the FDs: ({', '.join(primary)}) already "
                f"determines every column, so the decomposition keys on that"
            )
    nonatomic = [] if repair_first_nf else [c for f in repair.findings for c in f.columns]
    analysis = analyze(relation, deps.fds, declared_keys=[primary] if primary else [], nonatomic=nonatomic)
    for proof in analysis.key_proofs:
        rationale.append(f"candidate key {{{', '.join(proof.start)}}}: " + "; ".join(proof.lines()[1:]))
    rationale.append(f"{relation.name} is in {analysis.normal_form}" if analysis.normal_form != "none" else f"{relation.name} is not in 1NF")
    for v in analysis.report.violations:
        rationale.append(f"breaks {v.form}: {v.fd.text(relation) + ': ' if v.fd else ''}{v.reason}")
    decomposition = analysis.decomposition_3nf if target == "3nf" else analysis.decomposition_bcnf
    if decomposition is None:
        raise InputError(analysis.bcnf_error or "BCNF decomposition failed", where=table.name, hint="use --target 3nf")
    rationale += decomposition.steps

    tables, renamed = _fragments_to_tables(main, deps, decomposition, taken_names, rationale)
    home = tables[0]
    if primary and not all(home.column(c) for c in primary):
        rationale.append(
            f"the original key ({', '.join(primary)}) is no longer held by one table (BCNF split it); "
            f"{home.name} is keyed on ({', '.join(home.primary_key_columns)}) and foreign keys to the old key must change"
        )
    if declared_pk and not home.is_unique_on(declared_pk) and all(home.column(c) for c in declared_pk):
        # Keep the old key unique so foreign keys that reference it (child tables, other tables) stay valid.
        home.unique_constraints.append(UniqueConstraint(columns=list(declared_pk)))
        rationale.append(f"{home.name} keeps ({', '.join(declared_pk)}) unique: foreign keys may reference it")
    if not decomposition.lossless:  # pragma: no cover - guarded by the property tests
        raise AssertionError("decomposition is not lossless")
    if decomposition.not_preserved:
        rationale.append(
            "dependencies no single table enforces any more (check them in the application or with triggers): "
            + "; ".join(f.text(relation) for f in decomposition.not_preserved)
        )
    return TableNormalization(table, tables + repair.children, analysis, decomposition, repair, rationale, renamed)


def _fragments_to_tables(main: Table, deps: Dependencies, d: Decomposition, taken_names: Iterable[str],
                         rationale: list[str]) -> tuple[list[Table], dict[str, str]]:
    taken = {t.lower() for t in taken_names if t.lower() != main.name.lower()}
    renamed: dict[str, str] = {}
    frags = d.fragments
    # The home fragment (original name) first, then the others in synthesis order.
    order = sorted(range(len(frags)), key=lambda i: frags[i].name != main.name)
    names: dict[int, str] = {}
    used = {main.name.lower()} | taken
    for i in order:
        f = frags[i]
        if f.name == main.name:
            names[i] = main.name
            continue
        name = f.name
        if name.lower() in used:  # a table of that name already exists: qualify with the original's name
            base = f"{main.name}_{name_for(f.key)}"
            name, n = base, 2
            while name.lower() in used:
                name, n = f"{base}_{n}", n + 1
        used.add(name.lower())
        names[i] = name
        renamed[f.name] = name

    masks = [deps.mask(f.attributes) for f in frags]
    keys = [deps.mask(f.key) for f in frags]
    tables: list[Table] = []
    for i in order:
        f = frags[i]
        key_low = {k.lower() for k in f.key}
        cols = [
            c.model_copy(update={"nullable": False} if c.name.lower() in key_low else {})
            for c in main.columns if c.name in f.attributes
        ]
        t = Table(name=names[i], columns=cols, primary_key=PrimaryKey(columns=list(f.key)))
        if names[i] == main.name:
            t.comment = main.comment
        for j in order:  # foreign keys to fragments whose key this one holds
            if j == i or keys[j] & ~masks[i]:
                continue
            mutual = keys[i] & ~masks[j] == 0
            if mutual and order.index(i) > order.index(j):
                continue  # one direction is enough for fragments holding each other's keys
            if keys[i] == keys[j]:
                continue
            ref_cols = list(frags[j].key)
            t.foreign_keys.append(ForeignKey(columns=ref_cols, ref_table=names[j], ref_columns=ref_cols))
        tables.append(t)
        kept = "; ".join(fd.text(deps.relation) for fd in f.fds)
        refs = ", ".join(f"{fk.ref_table}({', '.join(fk.columns)})" for fk in t.foreign_keys)
        rationale.append(
            f"table {t.name}({', '.join(f.attributes)}), primary key ({', '.join(f.key)}): {f.reason}"
            + (f"; enforces {kept}" if kept else "")
            + (f"; references {refs}" if refs else "")
        )

    def home_for(columns: list[str], prefer_key: bool = False) -> Table | None:
        low = {c.lower() for c in columns}
        holding = [t for t in tables if low <= {c.lower() for c in t.column_names}]
        if prefer_key:
            for t in holding:
                if {c.lower() for c in t.primary_key_columns} == low:
                    return t
        return holding[0] if holding else None

    for fk in main.foreign_keys:
        t = home_for(fk.columns, prefer_key=True)
        if t is None:
            rationale.append(f"dropped foreign key ({', '.join(fk.columns)}) -> {fk.ref_table}: its columns ended up in different tables")
        else:
            t.foreign_keys.append(fk.model_copy(deep=True))
    for u in main.unique_constraints:
        t = home_for(u.columns)
        if t is None:
            rationale.append(f"dropped unique constraint ({', '.join(u.columns)}): its columns ended up in different tables")
        elif {c.lower() for c in u.columns} != {c.lower() for c in t.primary_key_columns}:
            t.unique_constraints.append(u.model_copy(deep=True))
    for ix in main.indexes:
        if ix.expressions:
            rationale.append(f"dropped expression index {ix.name}: re-create it on the table that now holds its columns")
            continue
        t = home_for(ix.columns)
        if t is None:
            rationale.append(f"dropped index {ix.name}: its columns ended up in different tables")
        else:
            t.indexes.append(ix.model_copy(deep=True))
    for ck in main.check_constraints:
        mentioned = [c for c in main.column_names if re.search(rf"(?<![\w]){re.escape(c)}(?![\w])", ck.expression, re.IGNORECASE)]
        t = home_for(mentioned) if mentioned else next(t for t in tables if t.name == main.name)
        if t is None:
            rationale.append(f"dropped check constraint {ck.expression!r}: its columns ended up in different tables")
        else:
            t.check_constraints.append(ck.model_copy(deep=True))
    return tables, renamed


@dataclass
class SchemaNormalization:
    schema: Schema
    results: list[TableNormalization]

    @property
    def rationale(self) -> list[str]:
        return [f"{r.original.name}: {line}" for r in self.results for line in r.rationale]


def normalize_schema(schema: Schema, fds_by_table: Mapping[str, Iterable], *, target: str = "3nf",
                     list_valued: Mapping[str, Iterable[str]] | None = None,
                     composite: Mapping[str, Mapping[str, Sequence[str]]] | None = None,
                     composite_style: str = "columns") -> SchemaNormalization:
    """Normalize every table named in ``fds_by_table`` (other tables are kept as they are).

    Each table is replaced in place by its fragments (the one keeping its name first); foreign keys
    of other tables that pointed at columns now living in another fragment are redirected there.
    The result is checked for consistency (:class:`~schema_architect.errors.ModelError` otherwise).
    """
    from ..model.validate import check

    list_valued = list_valued or {}
    composite = composite or {}
    wanted = set(fds_by_table) | set(list_valued) | set(composite)
    for name in wanted:
        if schema.table(name) is None:
            import difflib

            close = difflib.get_close_matches(name, schema.table_names, n=1)
            raise InputError(f"schema has no table {name!r}", hint=f"did you mean {close[0]!r}?" if close else
                             f"tables: {', '.join(schema.table_names)}")
    out = schema.model_copy(deep=True)
    results: list[TableNormalization] = []
    for name in [t.name for t in schema.tables]:
        key = next((k for k in wanted if k.lower() == name.lower()), None)
        if key is None:
            continue
        table = out.table(name)
        taken = [t.name for t in out.tables if t.name != name]
        result = normalize_table(
            table, fds_by_table.get(key, ()), target=target, list_valued=list_valued.get(key, ()),
            composite=composite.get(key), composite_style=composite_style, taken_names=taken,
        )
        results.append(result)
        at = out.tables.index(table)
        out.tables[at : at + 1] = result.tables
        for other in out.tables:
            for fk in other.foreign_keys:
                if fk.ref_table.lower() != name.lower() or other in result.tables:
                    continue
                home = result.tables[0]
                if home.is_unique_on(fk.ref_columns):
                    continue
                target_table = next(
                    (t for t in result.tables if {c.lower() for c in t.primary_key_columns} == {c.lower() for c in fk.ref_columns}),
                    None,
                )
                if target_table is not None:
                    fk.ref_table = target_table.name
                    result.rationale.append(f"{other.name}'s foreign key ({', '.join(fk.columns)}) now references {target_table.name}")
    check(out)
    return SchemaNormalization(out, results)
