"""The RSchema metrics, per case; :mod:`report` averages them over cases.

Definitions follow the Text2Schema / SchemaAgent papers and, where the papers leave details open,
the released evaluation (hnuGraph/LLM4DBdesign ``evaluate.py``, function ``evaluate``):

* table F1: precision = aligned tables / predicted tables, recall = aligned / reference tables;
  table Acc = 1 when F1 is 1 (every table aligned, none extra).
* attribute F1 / Acc: the same per aligned table on its attributes; summed over aligned tables and
  divided by the number of *reference* tables, so an unaligned reference table counts 0.
* PK Acc: per reference table, 1 when the key sets have the same size and every reference key
  column aligns to a predicted key column; averaged over reference tables.
* FK Acc (papers): per reference table, 1 when the predicted table has as many FK columns and every
  reference FK column aligns to a predicted FK column that references the aligned table.
  FK Acc (count only) is what the released code measures: only the number of FK columns per table.
* type Acc: over aligned attributes whose reference type the case's DDL declares, the share whose
  predicted type falls in the same coarse class (NUMERIC, TEXT, DATETIME, BINARY, BOOL).
* executable: the predicted DDL runs on SQLite (and on ``verify_url`` when given).
* overall Acc: table Acc, attribute Acc, PK Acc and FK Acc all exactly 1 (``evaluate``'s
  "schema allcorrect full"); also given with the count-only FK check.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..errors import SchemaArchitectError
from ..model import Schema, Table
from .align import Aligner
from .execute import runs_on_server, runs_on_sqlite
from .reference import Typed, reference_defects, reference_model, typed_schema

# key -> label, in report order
METRICS: dict[str, str] = {
    "table_f1": "table F1",
    "table_acc": "table Acc",
    "attr_f1": "attr F1",
    "attr_acc": "attr Acc",
    "pk_acc": "PK Acc",
    "fk_acc": "FK Acc",
    "fk_count_acc": "FK Acc (count only, released code)",
    "type_acc": "type Acc",
    "executable": "executable (SQLite)",
    "executable_verify": "executable (--verify-on)",
    "overall_acc": "overall Acc",
    "overall_fk_count_acc": "overall Acc (count-only FK)",
}
# The metrics every scored case has (type and --verify-on ones only where measurable).
ALWAYS = ("table_f1", "table_acc", "attr_f1", "attr_acc", "pk_acc", "fk_acc", "fk_count_acc",
          "executable", "overall_acc", "overall_fk_count_acc")  # fmt: skip


@dataclass
class CaseScore:
    id: str
    scores: dict[str, float | None]
    reasons: list[str] = field(default_factory=list)  # why the prediction lost points or was unusable
    defects: list[str] = field(default_factory=list)  # what in the reference data costs points
    tables: dict[str, str] = field(default_factory=dict)  # reference table -> predicted table
    attributes: dict[str, dict[str, str]] = field(default_factory=dict)  # per reference table
    methods: dict[str, str] = field(default_factory=dict)  # "Table" / "Table.column" -> how it matched
    missing_tables: list[str] = field(default_factory=list)  # reference tables nothing aligned to
    extra_tables: list[str] = field(default_factory=list)  # predicted tables aligned to nothing

    def to_dict(self) -> dict:
        return {
            "id": self.id, "scores": self.scores, "reasons": self.reasons, "defects": self.defects,
            "tables": self.tables, "attributes": self.attributes, "methods": self.methods,
            "missing_tables": self.missing_tables, "extra_tables": self.extra_tables,
        }  # fmt: skip


def f1(matched: int, n_pred: int, n_gold: int) -> float:
    if n_pred == 0 and n_gold == 0:
        return 1.0
    if matched == 0:
        return 0.0
    p, r = matched / n_pred, matched / n_gold
    return 2 * p * r / (p + r)


def fk_pairs(table: Table, schema: Schema) -> set[tuple[str, str]]:
    """(column, referenced table) pairs, the table resolved to its spelling in ``schema`` when it exists."""
    out = set()
    for fk in table.foreign_keys:
        target = schema.table(fk.ref_table)
        ref = target.name if target else fk.ref_table
        out.update((c, ref) for c in fk.columns)
    return out


def fk_column_count(table: Table) -> int:
    return len({c for fk in table.foreign_keys for c in fk.columns})


def prediction_model(pred: dict | None, where: str) -> tuple[Typed, list[str]]:
    """The prediction in the model, and the reasons it is (partly) unusable."""
    if pred is None:
        return Typed(schema=Schema()), ["no prediction for this case"]
    reasons = []
    if pred.get("error"):
        reasons.append(f"the engine failed: {pred['error']}")
    rschema = pred.get("schema")
    if rschema is not None and not isinstance(rschema, dict):
        reasons.append("'schema' is not an RSchema object; ignored")
        rschema = None
    ddl = pred.get("ddl") if isinstance(pred.get("ddl"), str) else None
    try:
        typed = typed_schema(rschema, ddl, where)
    except (SchemaArchitectError, ValueError) as exc:  # ValueError: pydantic's, for odd shapes
        message = exc.one_line() if isinstance(exc, SchemaArchitectError) else str(exc).splitlines()[0]
        reasons.append(f"prediction unusable: {message}")
        return Typed(schema=Schema()), reasons
    if typed.note:
        reasons.append(typed.note)
    return typed, reasons


def score_case(case, pred: dict | None, aligner: Aligner, verify_url: str | None = None,
               reference: Typed | None = None,
               predicted: tuple[Typed, list[str]] | None = None) -> CaseScore:  # fmt: skip
    """Score one case; ``reference`` and ``predicted`` may be passed in when already built."""
    ref = reference or reference_model(case)
    got, reasons = predicted or prediction_model(pred, (pred or {}).get("_where") or case.id)
    gold, guess = ref.schema, got.schema
    result = CaseScore(id=case.id, scores={}, reasons=reasons, defects=reference_defects(case))
    if ref.note:
        result.defects.append(f"reference {ref.note}")

    table_map = aligner.align(gold.table_names, guess.table_names)
    result.tables = dict(table_map.pairs)
    result.methods.update(table_map.method)
    result.missing_tables = [t for t in gold.table_names if t not in table_map.pairs]
    result.extra_tables = [t for t in guess.table_names if t not in set(table_map.pairs.values())]
    n_gold = len(gold.tables)
    s = result.scores
    s["table_f1"] = f1(len(table_map), len(guess.tables), n_gold)
    s["table_acc"] = 1.0 if s["table_f1"] == 1.0 else 0.0

    attr_f1 = attr_acc = pk_ok = fk_ok = fk_count_ok = 0.0
    type_total = type_right = 0
    for gt in gold.tables:
        pt_name = table_map.pairs.get(gt.name)
        if pt_name is None:
            continue
        pt = guess.table(pt_name)
        amap = aligner.align(gt.column_names, pt.column_names)
        result.attributes[gt.name] = dict(amap.pairs)
        result.methods.update({f"{gt.name}.{g}": how for g, how in amap.method.items()})
        t_f1 = f1(len(amap), len(pt.columns), len(gt.columns))
        attr_f1 += t_f1
        attr_acc += 1.0 if abs(t_f1 - 1.0) < 1e-9 else 0.0
        # primary key: same size, every reference key column aligned into the predicted key
        gpk, ppk = gt.primary_key_columns, set(pt.primary_key_columns)
        if len(gpk) == len(ppk) and all(amap.pairs.get(c) in ppk for c in gpk):
            pk_ok += 1
        # foreign keys: same number of FK columns, each aligned and pointing at the aligned table
        gfk, pfk = fk_pairs(gt, gold), fk_pairs(pt, guess)
        if fk_column_count(gt) == fk_column_count(pt):
            fk_count_ok += 1
            if len(gfk) == len(pfk) and all(
                (amap.pairs.get(c), table_map.pairs.get(r)) in pfk for c, r in gfk
            ):
                fk_ok += 1
        # data types, where the reference DDL declares the column
        for g_col, p_col in amap.pairs.items():
            want = ref.class_of(gt.name, g_col)
            if want is None:
                continue
            type_total += 1
            type_right += int(got.class_of(pt.name, p_col) == want)

    denom = n_gold or 1
    s["attr_f1"] = attr_f1 / denom if n_gold else s["table_f1"]
    s["attr_acc"] = attr_acc / denom if n_gold else s["table_acc"]
    s["pk_acc"] = pk_ok / denom if n_gold else s["table_acc"]
    s["fk_acc"] = fk_ok / denom if n_gold else s["table_acc"]
    s["fk_count_acc"] = fk_count_ok / denom if n_gold else s["table_acc"]
    if ref.typed and ref.type_class:
        if type_total:
            s["type_acc"] = type_right / type_total
            if type_right < type_total and not got.typed:
                reasons.append("no usable predicted DDL, so no predicted types")
        else:
            s["type_acc"] = 0.0
    else:
        s["type_acc"] = None

    ddl = (pred or {}).get("ddl")
    ok, why = runs_on_sqlite(ddl)
    s["executable"] = 1.0 if ok else 0.0
    if not ok:
        reasons.append(f"DDL does not run on SQLite: {why}")
    if verify_url:
        if got.typed:
            ok, why = runs_on_server(declared_schema(pred), verify_url)
        else:
            ok, why = False, "no parsable DDL"
        s["executable_verify"] = 1.0 if ok else 0.0
        if not ok:
            reasons.append(f"DDL does not run on {verify_url.split('://')[0]}: {why}")
    else:
        s["executable_verify"] = None

    def all_one(*keys):
        return 1.0 if all(s[k] == 1.0 for k in keys) else 0.0

    s["overall_acc"] = all_one("table_acc", "attr_acc", "pk_acc", "fk_acc")
    s["overall_fk_count_acc"] = all_one("table_acc", "attr_acc", "pk_acc", "fk_count_acc")
    return result


def declared_schema(pred: dict) -> Schema:
    """The schema the predicted DDL itself declares (what --verify-on re-renders for the server)."""
    from .reference import parse_sqlite_ddl

    return parse_sqlite_ddl(pred["ddl"], pred.get("_where") or str(pred.get("id")))


def empty_scores() -> dict[str, float | None]:
    return {k: 0.0 for k in ALWAYS} | {"type_acc": None, "executable_verify": None}
