"""Tokens per design: the agents workflow vs hybrid mode, on scripted runs over RSchema dev cases.

No model can be reached from here, so both modes run the real workflow and the real client against
the loopback replay server. The scripted answers are what a perfect model would say: compact JSON
derived from each case's reference schema (agents mode) or an approval of the offline engine's draft
plus test cases (hybrid mode). Prompt tokens are counted by the server from the prompts our workflow
actually sends, at 4 characters per token (a stand-in for a real tokenizer, stated in the table).

    .venv/bin/python benchmarks/bench_agents_tokens.py [--cases 30]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from pathlib import Path

from rich.console import Console
from rich.table import Table

from schema_architect.agents.engine import design_with_agents
from schema_architect.agents.logical import conceptual_from_schema, logical_from_schema
from schema_architect.design import design as offline_design
from schema_architect.llm import LLMClient, LLMError, load_config
from schema_architect.llm.replay_server import ReplayServer, Reply
from schema_architect.model import from_rschema
from schema_architect.model.validate import problems
from schema_architect.sql.render import creation_order

DEV = Path(__file__).resolve().parents[2] / "shared" / "datasets" / "rschema" / "dev.jsonl"
PUBLISHED = {"prompt": 14652, "completion": 2706}  # SchemaAgent with GPT-4o, per case (Text2Schema paper)


def sample_cases(schema) -> list[dict]:
    """One insert per table in FK order (children reuse their parents' keys), then a query.

    Cases run in order on one database, so the query sees the rows the first case inserted."""
    ordered, _ = creation_order(schema)
    value_of: dict[tuple[str, str], str] = {}
    statements = []
    for t in ordered:
        cols, vals = [], []
        fk_source = {c: (fk.ref_table, rc) for fk in t.foreign_keys for c, rc in zip(fk.columns, fk.ref_columns)}
        allowed = _listed_values(t)
        for c in t.columns:
            if c.name in fk_source and c.nullable:
                v = "NULL"  # optional links stay empty: no parent row needed
            elif c.name in fk_source and fk_source[c.name] in value_of:
                v = value_of[fk_source[c.name]]
            elif c.type.values:
                v = "'" + c.type.values[0].replace("'", "''") + "'"
            elif c.name in allowed:
                v = allowed[c.name]
            elif c.type.type_class.value == "NUMERIC":
                v = "1"
            elif c.type.type_class.value == "DATETIME":
                v = "'2024-01-01'"
            elif c.type.type_class.value == "BOOL":
                v = "1"
            else:
                v = "'x'"
            value_of[(t.name, c.name)] = v
            cols.append('"' + c.name.replace('"', '""') + '"')
            vals.append(v)
        statements.append(f'INSERT INTO "{t.name}" ({", ".join(cols)}) VALUES ({", ".join(vals)})')
    cases = [{"id": "T1", "description": "store one of everything", "kind": "insert", "sql": statements,
              "expect": "success"}]
    cases.append({"id": "T2", "description": "read it back", "kind": "query",
                  "sql": [f'SELECT * FROM "{ordered[-1].name}"'], "expect": "success", "expect_rows": 1})
    return cases


def _listed_values(table) -> dict[str, str]:
    """First allowed literal of each ``column IN (...)`` CHECK, so sample rows satisfy it."""
    import sqlglot
    from sqlglot import exp

    out = {}
    for ck in table.check_constraints:
        try:
            tree = sqlglot.parse_one(ck.expression)
        except sqlglot.errors.ParseError:
            continue
        for node in tree.find_all(exp.In):
            if isinstance(node.this, exp.Column) and node.expressions:
                out.setdefault(node.this.name, node.expressions[0].sql())
    return out


def _content(payload: dict) -> str:
    return json.dumps(payload, separators=(",", ":"))


def agents_script(reference) -> list[Reply]:
    conceptual = conceptual_from_schema(reference).model_dump()
    logical = logical_from_schema(reference).model_dump()
    tables = ", ".join(t.name for t in reference.tables)
    return [
        Reply(when="Role: product manager", content=_content(
            {"summary": f"Stores {tables}.", "business_processes": [], "data_to_store": [t.name for t in reference.tables],
             "operations": ["record", "look up"], "next_speaker": "conceptual_designer"})),
        Reply(when="Role: conceptual model designer", content=_content({**conceptual, "next_speaker": "conceptual_reviewer"})),
        Reply(when="Role: conceptual model reviewer", content=_content(
            {"approved": True, "issues": [], "next_speaker": "logical_designer"})),
        Reply(when="Role: logical model designer", content=_content({**logical, "next_speaker": "qa_engineer"})),
        Reply(when="Role: QA engineer", content=_content({"test_cases": sample_cases(reference),
                                                          "next_speaker": "test_executor"})),
        Reply(when="Role: test executor", content=_content(
            {"passed": True, "report": "all cases passed", "failures": [], "next_speaker": "product_manager"})),
        Reply(when="Role: product manager", content=_content(
            {"accept": True, "comments": "complete", "next_speaker": "TERMINAL"})),
    ]


def hybrid_script(draft) -> list[Reply]:
    return [
        Reply(when="Role: conceptual model reviewer", content=_content(
            {"approved": True, "issues": [], "next_speaker": "logical_designer"})),
        Reply(when="Role: QA engineer", content=_content({"test_cases": sample_cases(draft),
                                                          "next_speaker": "test_executor"})),
    ]


def run(mode: str, text: str, script: list[Reply], draft=None) -> tuple[int, int, int, str]:
    with ReplayServer() as server:
        server.add(*script)
        client = LLMClient(load_config({"base_url": server.base_url, "model": server.model, "max_retries": 0}),
                           sleep=lambda s: None)
        try:
            result = design_with_agents(text, client=client, mode=mode, draft=draft)
        except LLMError:
            # the scripted model has no answer for a repair round (a draft whose sample rows failed)
            return 0, 0, 0, "failed"
        u = result.usage
        return u.prompt_tokens, u.completion_tokens, u.calls, result.transcript.status


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cases", type=int, default=30)
    ap.add_argument("--data", type=Path, default=DEV)
    args = ap.parse_args()
    rows = {"agents": [], "hybrid": []}
    skipped = 0
    with args.data.open(encoding="utf-8") as fh:
        cases = [json.loads(line) for line in fh if line.strip()]
    for case in cases:
        if len(rows["agents"]) >= args.cases:
            break
        reference = from_rschema(case["schema"])
        draft = offline_design(case["question"]).schema
        if problems(reference) or problems(draft):
            skipped += 1  # references with placeholder tables ("Schema 0") cannot be created
            continue
        rows["agents"].append(run("agents", case["question"], agents_script(reference)))
        rows["hybrid"].append(run("hybrid", case["question"], hybrid_script(draft), draft=draft))

    table = Table(title=f"Tokens per design over {len(rows['agents'])} RSchema dev cases "
                        f"(scripted answers; 4 characters per token)")
    for col in ("engine", "prompt (mean)", "completion (mean)", "total (mean)", "model calls (mean)",
                "share of published SchemaAgent", "accepted"):
        table.add_column(col, justify="right" if col != "engine" else "left")
    published_total = PUBLISHED["prompt"] + PUBLISHED["completion"]
    table.add_row("SchemaAgent, GPT-4o (published)", f"{PUBLISHED['prompt']:,}", f"{PUBLISHED['completion']:,}",
                  f"{published_total:,}", "", "100%", "")
    for mode, all_results in rows.items():
        results = [r for r in all_results if r[3] == "accepted"] or all_results
        p = statistics.mean(r[0] for r in results)
        c = statistics.mean(r[1] for r in results)
        calls = statistics.mean(r[2] for r in results)
        ok = sum(r[3] == "accepted" for r in all_results)
        table.add_row(mode, f"{p:,.0f}", f"{c:,.0f}", f"{p + c:,.0f}", f"{calls:.1f}",
                      f"{(p + c) / published_total:.0%}", f"{ok}/{len(all_results)}")
    Console().print(table)
    Console().print("Means are over accepted runs. A hybrid run that is not accepted is a draft whose generated sample "
                    "rows failed on the real database; a real model would be asked to repair it (more tokens).")
    if skipped:
        Console().print(f"skipped {skipped} case(s) whose reference or draft is not a consistent schema")
    return 0


if __name__ == "__main__":
    sys.exit(main())
