"""Lint reports as text (a Rich table), JSON and SARIF 2.1.0 for code-scanning tools."""

from __future__ import annotations

import json
from pathlib import Path

from .engine import LintReport
from .registry import Severity, all_rules

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_SARIF_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def render_text(report: LintReport, console) -> None:
    from rich.table import Table

    if not report.findings:
        console.print(f"[green]no findings[/] ({len(report.rules_run)} rules checked)")
        return
    table = Table(show_lines=False, header_style="bold")
    for col in ("rule", "severity", "where", "message", "suggested fix"):
        table.add_column(col, overflow="fold")
    names = {r.id: r.name for r in all_rules().values()}
    for f in report.findings:
        where = f.where + (f" (line {f.line})" if f.line else "")
        table.add_row(f"{f.rule_id} {names.get(f.rule_id, '')}", f"[{_STYLE[f.severity]}]{f.severity.value}[/]",
                      where, f.message + (f"\n[dim]{f.detail}[/]" if f.detail else ""), f.fix_sql or "")
    console.print(table)
    console.print(report.summary())


def render_json(report: LintReport) -> str:
    rules = {r.id: r for r in report.rules_run}
    return json.dumps({
        "source": report.source,
        "dialect": report.config.dialect,
        "summary": {s.value: report.count(s) for s in Severity} | {"total": len(report.findings)},
        "rules": [{"id": r.id, "name": r.name, "severity": r.severity.value, "summary": r.summary,
                   "rationale": r.rationale} for r in rules.values()],
        "findings": [f.to_dict() for f in report.findings],
    }, indent=2, ensure_ascii=False)


def render_sarif(report: LintReport) -> dict:
    """A SARIF 2.1.0 log: one run, the rules that ran as ``tool.driver.rules``, one result per finding."""
    from ... import __version__

    rules = report.rules_run
    index = {r.id: i for i, r in enumerate(rules)}
    results = []
    for f in report.findings:
        logical = {"name": f.column or f.table or "schema",
                   "fullyQualifiedName": f.where,
                   "kind": "column" if f.column else "table"}
        location: dict = {"logicalLocations": [logical]}
        if report.source and f.line and not _is_url(report.source):
            location["physicalLocation"] = {
                "artifactLocation": {"uri": Path(report.source).as_posix()},
                "region": {"startLine": f.line},
            }
        result = {
            "ruleId": f.rule_id,
            "ruleIndex": index[f.rule_id],
            "level": _SARIF_LEVEL[f.severity],
            "message": {"text": f.message + (f" ({f.detail})" if f.detail else "")},
            "locations": [location],
        }
        props = {}
        if f.fix_sql:
            props["suggestedFixSql"] = f.fix_sql
        if f.tags:
            props["tags"] = list(f.tags)
        if props:
            result["properties"] = props
        results.append(result)
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "schema-architect",
                "version": __version__,
                "rules": [{
                    "id": r.id,
                    "name": r.name,
                    "shortDescription": {"text": r.summary},
                    "fullDescription": {"text": r.rationale},
                    "defaultConfiguration": {"level": _SARIF_LEVEL[r.severity]},
                    "properties": {"family": r.family},
                } for r in rules],
            }},
            "results": results,
        }],
    }


def _is_url(source: str) -> bool:
    return "://" in source
